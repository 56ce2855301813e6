// QuoteShipping: pipeline stage 3. Measures the cart once, then prices the selected method or
// every method, and turns thresholds not yet reached into nudges.
#include <algorithm>
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "absl/strings/str_cat.h"
#include "shipping/order.h"
#include "shipping/rates.h"
#include "storefront/base/error.h"
#include "storefront/base/status_macros.h"
#include "storefront/shipping/shipping.h"

namespace storefront {
namespace {

using shipping::CartMeasures;
using shipping::RatePrice;

absl::Status Overflow(absl::string_view what, absl::string_view path) {
  return InputError(error_code::kArithmeticOverflow, absl::StrCat(what, " does not fit in 64 bits"), path);
}

// What every method looks at: the measures, and the products of the priced lines.
struct CartFacts {
  explicit CartFacts(const Currency& currency) : measures(currency) {}

  CartMeasures measures;
  std::vector<const Product*> products;  // of priced lines; unavailable lines are not shipped
};

absl::StatusOr<CartFacts> Measure(const Catalog& catalog, const std::vector<PricedLine>& lines,
                                  const Currency& currency) {
  CartFacts facts(currency);
  CartMeasures& m = facts.measures;
  for (const PricedLine& line : lines) {
    if (line.status != LineStatus::kPriced) continue;
    // Stage 1 rejected unknown SKUs, so every priced line has its variant.
    const std::optional<Catalog::VariantRef> found = catalog.FindSku(line.sku);
    if (!found.has_value()) continue;
    facts.products.push_back(found->product);
    int64_t line_weight = 0;
    if (__builtin_mul_overflow(found->variant->weight_grams.value_or(0), line.quantity, &line_weight)) {
      return Overflow("the line's weight", absl::StrCat("/lines/", line.index));
    }
    // The sums overflow only together: point at the lines, as totals does.
    if (__builtin_add_overflow(m.weight_grams, line_weight, &m.weight_grams)) {
      return Overflow("the cart's weight", "/lines");
    }
    if (__builtin_add_overflow(m.item_count, line.quantity, &m.item_count)) {
      return Overflow("the item count", "/lines");
    }
    absl::StatusOr<Money> net = line.subtotal.Minus(line.discount_total);
    if (net.ok()) net = m.compared_subtotal.Plus(*net);
    if (!net.ok()) return PrefixErrorPath(net.status(), "/lines");
    m.compared_subtotal = *net;
  }
  return facts;
}

bool Contains(absl::Span<const std::string> sorted, const std::string& value) {
  return std::binary_search(sorted.begin(), sorted.end(), value);
}

// Why the method refuses this cart whatever the address, or "" when it does not.
absl::string_view Ineligibility(const ShippingEligibility& rules, const CartFacts& facts, const Catalog& catalog) {
  for (const Product* product : facts.products) {
    const absl::Span<const std::string> closure = catalog.CategoryClosure(*product);
    for (const std::string& category : rules.excluded_categories) {
      if (Contains(closure, category)) return shipping_reason::kExcludedCategory;
    }
  }
  for (const Product* product : facts.products) {
    for (const std::string& tag : rules.excluded_tags) {
      if (std::find(product->tags.begin(), product->tags.end(), tag) != product->tags.end()) {
        return shipping_reason::kExcludedTag;
      }
    }
  }
  if (rules.max_weight_grams.has_value() && facts.measures.weight_grams > *rules.max_weight_grams) {
    return shipping_reason::kTooHeavy;
  }
  return "";
}

RatePrice Unavailable(absl::string_view reason) {
  RatePrice price;
  price.reason = reason;
  return price;
}

// The checks run in the order docs/concepts/shipping.md gives, so the reason is the first that
// applies.
absl::StatusOr<RatePrice> QuoteMethod(const ShippingConfig& config, const ShippingMethod& method,
                                      const std::vector<Money>* free_over, const Address* address,
                                      const CartFacts& facts, const Catalog& catalog) {
  if (address == nullptr) return Unavailable(shipping_reason::kNoAddress);
  if (facts.products.empty()) return Unavailable(shipping_reason::kEmptyCart);
  const absl::string_view refusal = Ineligibility(method.eligibility, facts, catalog);
  if (!refusal.empty()) return Unavailable(refusal);
  for (const ShippingRate& rate : method.rates) {
    // The first matching rate applies even when it has no amount in the cart currency: falling
    // through to a later, wider zone would silently charge that zone's price.
    if (config.zones()[rate.zone_index].Matches(*address)) return shipping::PriceRate(rate, facts.measures, free_over);
  }
  return Unavailable(shipping_reason::kNoZone);
}

absl::StatusOr<Nudge> FreeShippingNudge(const std::string& method, const Money& threshold, const Money& subtotal) {
  SF_ASSIGN_OR_RETURN(const Money missing, threshold.Minus(subtotal));
  Nudge nudge;
  nudge.type = "free_shipping";
  nudge.method = method;
  nudge.threshold = threshold;
  nudge.missing = missing;
  return nudge;
}

// Available options by amount, then id; unavailable ones after them, by id.
std::vector<ShippingOption> SortOptions(std::vector<ShippingOption> options) {
  const std::vector<size_t> order = shipping::SortedOrder(options.size(), [&](size_t i, size_t j) {
    const ShippingOption& a = options[i];
    const ShippingOption& b = options[j];
    if (a.available() != b.available()) return a.available();
    const int64_t amount_a = a.available() ? a.amount->minor_units() : 0;
    const int64_t amount_b = b.available() ? b.amount->minor_units() : 0;
    return amount_a != amount_b ? amount_a < amount_b : a.method < b.method;
  });
  return shipping::Reordered(std::move(options), order);
}

// The closest threshold first: it is the one the shopper is most likely to reach.
std::vector<Nudge> SortNudges(std::vector<Nudge> nudges) {
  const std::vector<size_t> order = shipping::SortedOrder(nudges.size(), [&](size_t i, size_t j) {
    const int64_t missing_a = nudges[i].missing->minor_units();  // free_shipping nudges always have it
    const int64_t missing_b = nudges[j].missing->minor_units();
    return missing_a != missing_b ? missing_a < missing_b : nudges[i].method < nudges[j].method;
  });
  return shipping::Reordered(std::move(nudges), order);
}

}  // namespace

absl::Status ValidateShippingRequest(const ShippingConfig& config, const CartRequest& request) {
  if (!request.shipping.has_value()) return absl::OkStatus();
  if (request.shipping->options == !request.shipping->method.empty()) {
    return InputError(error_code::kInvalidValue, "give exactly one of \"method\" and \"options\": true", "/shipping");
  }
  if (!request.shipping->options && config.FindMethod(request.shipping->method) == nullptr) {
    return InputError(error_code::kUnknownShippingMethod,
                      absl::StrCat("no shipping method has the id \"", request.shipping->method, "\""),
                      "/shipping/method");
  }
  return absl::OkStatus();
}

absl::Status QuoteShipping(const ShippingConfig& config, const Catalog& catalog, const ExperimentSet& experiments,
                           const CartRequest& request, PricedCart& cart) {
  if (!request.shipping.has_value()) return absl::OkStatus();
  SF_ASSIGN_OR_RETURN(const CartFacts facts, Measure(catalog, cart.lines, *cart.currency));
  const Money& subtotal = facts.measures.compared_subtotal;
  const Address* address = request.shipping_address.has_value() ? &*request.shipping_address : nullptr;
  if (address == nullptr) {
    cart.issues.push_back(
        {issue_code::kShippingAddressMissing, "shipping needs a shipping address", "/shipping_address"});
  }
  ShippingQuote quote(*cart.currency);
  quote.weight_grams = facts.measures.weight_grams;
  std::vector<Nudge> nudges;
  if (!request.shipping->options) {
    SF_RETURN_IF_ERROR(ValidateShippingRequest(config, request));
    const ShippingMethod* method = config.FindMethod(request.shipping->method);
    SF_ASSIGN_OR_RETURN(
        const RatePrice price,
        QuoteMethod(config, *method, experiments.FreeOverFor(method->id, request), address, facts, catalog));
    quote.method = method->id;
    quote.available = price.amount.has_value();
    if (quote.available) {
      quote.amount = *price.amount;
      quote.free = price.free;
      if (price.free_over.has_value()) {
        SF_ASSIGN_OR_RETURN(Nudge nudge, FreeShippingNudge(method->id, *price.free_over, subtotal));
        nudges.push_back(std::move(nudge));
      }
    } else {
      quote.reason = std::string(price.reason);
      // A missing address is already an issue of its own; one cause, one issue.
      if (address != nullptr) {
        cart.issues.push_back({issue_code::kShippingMethodUnavailable,
                               absl::StrCat("\"", method->id, "\" cannot ship this cart: ", price.reason),
                               "/shipping/method"});
      }
    }
  } else {
    // Every method, so the shopper can choose; nothing is charged until one is selected.
    std::vector<ShippingOption> options;
    options.reserve(config.methods().size());
    for (const ShippingMethod& method : config.methods()) {
      SF_ASSIGN_OR_RETURN(
          const RatePrice price,
          QuoteMethod(config, method, experiments.FreeOverFor(method.id, request), address, facts, catalog));
      options.push_back({method.id, method.name, price.amount, price.free, std::nullopt, std::string(price.reason)});
      if (price.free_over.has_value()) {
        SF_ASSIGN_OR_RETURN(Nudge nudge, FreeShippingNudge(method.id, *price.free_over, subtotal));
        nudges.push_back(std::move(nudge));
      }
    }
    quote.options = SortOptions(std::move(options));
  }
  cart.shipping = std::move(quote);
  for (Nudge& nudge : SortNudges(std::move(nudges))) cart.nudges.push_back(std::move(nudge));
  return absl::OkStatus();
}

}  // namespace storefront
