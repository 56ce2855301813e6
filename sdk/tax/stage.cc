#include "tax/stage.h"

#include <algorithm>
#include <map>
#include <utility>

#include "absl/strings/str_cat.h"
#include "pricing/rule_matching.h"
#include "storefront/base/error.h"
#include "storefront/money/allocation.h"
#include "tax/rate_math.h"
#include "tax/taxable.h"

namespace storefront::tax {
namespace {

constexpr char kReverseChargeText[] =
    "Reverse charge: VAT to be accounted for by the recipient (Article 196, Council Directive 2006/112/EC)";

bool Contains(const std::vector<std::string>& values, absl::string_view value) {
  return std::find(values.begin(), values.end(), value) != values.end();
}

// Everything the stage decides once per cart.
struct CartTax {
  const TaxConfig* config = nullptr;
  const Currency* currency = nullptr;
  std::vector<bool> zones;         // zone i matches the tax address
  std::vector<bool> origin_zones;  // zone i matches the seller's origin
  bool reverse_charge = false;
  const TaxExemption* exemption = nullptr;
  Carries carries;

  // The rates for `category` in the matching zones, in evaluation order.
  std::vector<size_t> RatesFor(absl::string_view category, const std::vector<bool>& matching) const {
    std::vector<size_t> rates;
    for (size_t r : config->evaluation_order()) {
      const TaxRate& rate = config->rates()[r];
      if (matching[rate.zone] && Contains(rate.categories, category)) rates.push_back(r);
    }
    return rates;
  }
  bool Exempt(absl::string_view category) const {
    return exemption != nullptr && (exemption->categories.empty() || Contains(exemption->categories, category));
  }
  Taxable ItemOf(absl::string_view category, int64_t amount, int64_t quantity, bool gross) const {
    Taxable item;
    item.amount = amount;
    item.quantity = quantity;
    item.gross = gross;
    item.rates = RatesFor(category, zones);
    item.exempt = Exempt(category);
    item.zero_charged = reverse_charge;
    return item;
  }
  // A reverse-charged rate is reported at 0 %: that is what the invoice states.
  TaxAmount Report(const RateTax& tax, std::string fee) const {
    const TaxRate& rate = config->rates()[tax.rate];
    return TaxAmount{rate.id,
                     rate.name,
                     rate.jurisdiction,
                     reverse_charge ? Decimal() : rate.percent,
                     Money::FromMinorUnits(tax.base, *currency),
                     Money::FromMinorUnits(tax.amount, *currency),
                     std::move(fee)};
  }
};

std::vector<bool> MatchingZones(const TaxConfig& config, const Address* address) {
  std::vector<bool> matching(config.zones().size(), false);
  for (size_t z = 0; address != nullptr && z < matching.size(); ++z) matching[z] = config.zones()[z].Matches(*address);
  return matching;
}

// The address the settings name, or nullptr with the issue that says it is missing.
const Address* TaxAddress(const TaxSettings& settings, const CartRequest& request, std::vector<Issue>& issues) {
  using Source = TaxSettings::AddressSource;
  if (settings.address == Source::kOrigin) return settings.origin.has_value() ? &*settings.origin : nullptr;
  const bool billing = settings.address == Source::kBilling;
  const std::optional<Address>& address = billing ? request.billing_address : request.shipping_address;
  if (address.has_value()) return &*address;
  issues.push_back({issue_code::kTaxAddressMissing,
                    absl::StrCat("tax needs a ", billing ? "billing" : "shipping", " address; the cart is untaxed"),
                    billing ? "/billing_address" : "/shipping_address"});
  return nullptr;
}

// EU reverse charge (tax.md §7): a well-formed buyer VAT number of another member state than the
// seller's, goods going to another member state than the seller's.
bool ReverseCharge(const TaxSettings& settings, const CartRequest& request, const Address* address,
                   std::vector<Issue>& issues) {
  if (!request.customer.has_value() || request.customer->vat_number.empty()) return false;
  if (!settings.registration_country.has_value() || !IsEuMemberState(*settings.registration_country)) return false;
  // Only an intra-EU supply to another member state can be reverse-charged: nothing to check else.
  const std::string& seller = *settings.registration_country;
  if (address == nullptr || !IsEuMemberState(address->country) || address->country == seller) return false;
  const std::string& number = request.customer->vat_number;
  if (!IsWellFormedEuVatNumber(number)) {
    issues.push_back({issue_code::kVatNumberInvalid,
                      absl::StrCat("\"", number, "\" is not a well-formed EU VAT number; VAT is charged"),
                      "/customer/vat_number"});
    return false;
  }
  const std::string buyer = number.substr(0, 2) == "EL" ? "GR" : number.substr(0, 2);
  return buyer != seller;
}

// cross_border rederive_net: the destination gross of a gross `amount` priced for the origin.
int64_t RederivedGross(const CartTax& cart_tax, absl::string_view category, int64_t amount) {
  const TaxConfig& config = *cart_tax.config;
  const int64_t origin = EffectiveFraction(config, cart_tax.RatesFor(category, cart_tax.origin_zones));
  const int64_t destination = EffectiveFraction(config, cart_tax.RatesFor(category, cart_tax.zones));
  // The same rates: the listed gross is already right (and a round trip could move a cent).
  if (origin == destination) return amount;
  const RoundingMode mode = config.settings().rounding_mode;
  const absl::int128 net = DivideAndRound(absl::int128(amount) * kScale, kScale + origin, mode);
  return static_cast<int64_t>(DivideAndRound(net * (kScale + destination), kScale, mode));
}

void TaxLine(const Snapshot& snapshot, CartTax& cart_tax, PricedLine& line, std::vector<Issue>& issues) {
  const TaxConfig& config = *cart_tax.config;
  const Currency& currency = *cart_tax.currency;
  const std::optional<Catalog::VariantRef> found = snapshot.catalog.FindSku(line.sku);
  const std::string& category = found->product->tax_category;
  const int64_t paid = line.subtotal.minor_units() - line.discount_total.minor_units();
  // "discounts": "before" taxes the undiscounted subtotal of a net price; a gross price always
  // has its tax extracted from what is paid.
  const bool before = config.settings().discounts == TaxSettings::DiscountBase::kBeforeDiscounts;
  int64_t amount = line.tax_inclusive || !before ? paid : line.subtotal.minor_units();
  Taxable item = cart_tax.ItemOf(category, amount, line.quantity, line.tax_inclusive);
  if (line.tax_inclusive) {
    const bool thresholds = std::any_of(item.rates.begin(), item.rates.end(),
                                        [&](size_t r) { return config.rates()[r].threshold.has_value(); });
    if (thresholds) {
      issues.push_back({issue_code::kTaxThresholdOnGrossPrice,
                        "a tax threshold applies to net prices; on this gross price the rate applies in full",
                        absl::StrCat("/lines/", line.index)});
    }
    if (config.settings().cross_border == TaxSettings::CrossBorder::kRederiveNet && config.settings().origin) {
      const int64_t rederived = RederivedGross(cart_tax, category, amount);
      if (rederived != amount) {
        item.amount = rederived;
        line.rederived = true;
      }
    }
  }
  const Taxed taxed = TaxItem(config, item, currency, cart_tax.carries);
  int64_t line_tax = 0;
  for (const RateTax& rate_tax : taxed.taxes) {
    line.taxes.push_back(cart_tax.Report(rate_tax, ""));
    line_tax += rate_tax.amount;
  }
  const int64_t net = line.tax_inclusive ? taxed.net : paid;
  const int64_t gross = line.tax_inclusive ? taxed.charged : paid + line_tax;

  // Fees: fixed per unit, net, taxed with their own category when they have one.
  int64_t fees = 0;
  int64_t fee_tax = 0;
  std::vector<std::string> keys;  // only fees need the line's selector keys
  if (!config.fees().empty()) {
    keys = pricing::SortedLineKeys(snapshot.catalog, *found->product, *found->variant);
  }
  for (const TaxFee& fee : config.fees()) {
    const Money* per_unit = AmountIn(fee.amount, currency);
    if (per_unit == nullptr || !cart_tax.zones[fee.zone] || !pricing::MatchesAny(fee.items, keys)) continue;
    const int64_t fee_amount = per_unit->minor_units() * line.quantity;
    line.fees.push_back({fee.id, fee.name, Money::FromMinorUnits(fee_amount, currency)});
    fees += fee_amount;
    if (!fee.category.has_value()) continue;
    const Taxed fee_taxed =
        TaxItem(config, cart_tax.ItemOf(*fee.category, fee_amount, line.quantity, false), currency, cart_tax.carries);
    for (const RateTax& rate_tax : fee_taxed.taxes) {
      line.taxes.push_back(cart_tax.Report(rate_tax, fee.id));
      fee_tax += rate_tax.amount;
    }
  }
  // net + tax_total = gross; the fees themselves are charged on top.
  line.net = Money::FromMinorUnits(net, currency);
  line.gross = Money::FromMinorUnits(gross + fee_tax, currency);
  line.tax_total = Money::FromMinorUnits(line_tax + fee_tax, currency);
  if (!line.fees.empty()) line.fee_total = Money::FromMinorUnits(fees, currency);
  line.total = Money::FromMinorUnits(gross + fee_tax + fees, currency);
}

// Adds `taxes` to the per-rate sums.
void Accumulate(const std::vector<RateTax>& taxes, std::map<size_t, RateTax>& sums) {
  for (const RateTax& tax : taxes) {
    auto [entry, inserted] = sums.try_emplace(tax.rate, tax);
    if (!inserted) {
      entry->second.base += tax.base;
      entry->second.amount += tax.amount;
    }
  }
}

// tax.md §5: none, one category, or in proportion to the lines' rate groups.
void TaxShipping(const Snapshot& snapshot, CartTax& cart_tax, const std::vector<PricedLine*>& lines,
                 ShippingQuote& quote) {
  const TaxConfig& config = *cart_tax.config;
  const Currency& currency = *cart_tax.currency;
  const TaxSettings& settings = config.settings();
  const bool gross = snapshot.settings.prices_include_tax;
  const int64_t amount = quote.amount.minor_units();
  std::map<size_t, RateTax> sums;
  int64_t charged = amount;
  if (amount > 0 && settings.shipping == TaxSettings::ShippingMethod::kCategory) {
    const Taxed taxed =
        TaxItem(config, cart_tax.ItemOf(settings.shipping_category, amount, 1, gross), currency, cart_tax.carries);
    Accumulate(taxed.taxes, sums);
    charged = gross ? taxed.charged : amount;
  } else if (amount > 0 && settings.shipping == TaxSettings::ShippingMethod::kProportional) {
    // Rate groups in order of first appearance; an exempt line's group has no rates.
    std::vector<std::vector<size_t>> groups;
    std::vector<int64_t> weights;
    for (const PricedLine* line : lines) {
      const std::string& category = snapshot.catalog.FindSku(line->sku)->product->tax_category;
      const std::vector<size_t> rates =
          cart_tax.Exempt(category) ? std::vector<size_t>{} : cart_tax.RatesFor(category, cart_tax.zones);
      const auto group = std::find(groups.begin(), groups.end(), rates);
      const int64_t weight = line->subtotal.minor_units() - line->discount_total.minor_units();
      if (group == groups.end()) {
        groups.push_back(rates);
        weights.push_back(weight);
      } else {
        weights[group - groups.begin()] += weight;
      }
    }
    if (std::any_of(weights.begin(), weights.end(), [](int64_t w) { return w > 0; })) {
      absl::StatusOr<std::vector<Money>> parts = Allocate(Money::FromMinorUnits(amount, currency), weights);
      for (size_t g = 0; parts.ok() && g < groups.size(); ++g) {
        if (groups[g].empty()) continue;
        Taxable part;
        part.amount = (*parts)[g].minor_units();
        part.gross = gross;
        part.rates = groups[g];
        part.zero_charged = cart_tax.reverse_charge;
        Accumulate(TaxItem(config, part, currency, cart_tax.carries).taxes, sums);
      }
    }
  }
  quote.taxes.clear();
  int64_t total = 0;
  for (const auto& [rate, tax] : sums) {
    quote.taxes.push_back(cart_tax.Report(tax, ""));
    total += tax.amount;
  }
  quote.tax_total = Money::FromMinorUnits(total, currency);
  quote.amount = Money::FromMinorUnits(charged, currency);
}

// The order's taxes by rate (snapshot order) and by jurisdiction (first appearance).
TaxSummary Summarize(const CartTax& cart_tax, const PricedCart& cart) {
  const TaxConfig& config = *cart_tax.config;
  std::map<std::string, size_t> index;
  for (size_t r = 0; r < config.rates().size(); ++r) index[config.rates()[r].id] = r;
  std::map<size_t, RateTax> sums;
  const auto add = [&](const std::vector<TaxAmount>& taxes) {
    std::vector<RateTax> raw;
    for (const TaxAmount& tax : taxes)
      raw.push_back({index[tax.rate], tax.base.minor_units(), tax.amount.minor_units()});
    Accumulate(raw, sums);
  };
  for (const PricedLine& line : cart.lines) add(line.taxes);
  if (cart.shipping.has_value()) add(cart.shipping->taxes);
  TaxSummary summary;
  for (const auto& [rate, tax] : sums) {
    summary.rates.push_back(cart_tax.Report(tax, ""));
    const std::string& jurisdiction = config.rates()[rate].jurisdiction;
    auto found = std::find_if(summary.jurisdictions.begin(), summary.jurisdictions.end(),
                              [&](const TaxSummary::Jurisdiction& j) { return j.jurisdiction == jurisdiction; });
    if (found == summary.jurisdictions.end()) {
      summary.jurisdictions.push_back({jurisdiction, Money::FromMinorUnits(tax.amount, *cart_tax.currency)});
    } else {
      found->amount = Money::FromMinorUnits(found->amount.minor_units() + tax.amount, *cart_tax.currency);
    }
  }
  return summary;
}

}  // namespace

absl::Status ValidateTaxRequest(const TaxConfig& config, const CartRequest& request) {
  if (!config.enabled() || !request.customer.has_value() || !request.customer->tax_exemption.has_value()) {
    return absl::OkStatus();
  }
  const std::vector<std::string>& categories = request.customer->tax_exemption->categories;
  for (size_t i = 0; i < categories.size(); ++i) {
    if (!config.HasCategory(categories[i])) {
      return InputError(error_code::kUnknownTaxCategory,
                        absl::StrCat("the snapshot's tax section has no category \"", categories[i], "\""),
                        absl::StrCat("/customer/tax_exemption/categories/", i));
    }
  }
  return absl::OkStatus();
}

absl::Status ApplyTax(const Snapshot& snapshot, const CartRequest& request, PricedCart& cart) {
  const TaxConfig& config = snapshot.tax;
  if (!config.enabled()) return absl::OkStatus();
  CartTax cart_tax;
  cart_tax.config = &config;
  cart_tax.currency = cart.currency;
  const Address* address = TaxAddress(config.settings(), request, cart.issues);
  cart_tax.zones = MatchingZones(config, address);
  cart_tax.origin_zones = MatchingZones(config, config.settings().origin ? &*config.settings().origin : nullptr);
  cart_tax.reverse_charge = ReverseCharge(config.settings(), request, address, cart.issues);
  if (request.customer.has_value() && request.customer->tax_exemption.has_value()) {
    cart_tax.exemption = &*request.customer->tax_exemption;
  }
  // Canonical order, so carried remainders land on the same lines whatever the request order.
  std::vector<PricedLine*> lines;
  for (PricedLine& line : cart.lines) {
    if (line.status == LineStatus::kPriced && line.quantity > 0) lines.push_back(&line);
  }
  std::stable_sort(lines.begin(), lines.end(),
                   [](const PricedLine* a, const PricedLine* b) { return PrecedesCanonically(*a, *b); });
  // Lines are taxed in canonical order; their issues are reported in request order.
  std::vector<std::vector<Issue>> line_issues(cart.lines.size());
  for (PricedLine* line : lines) TaxLine(snapshot, cart_tax, *line, line_issues[line->index]);
  for (std::vector<Issue>& issues : line_issues) {
    for (Issue& issue : issues) cart.issues.push_back(std::move(issue));
  }
  if (cart.shipping.has_value()) TaxShipping(snapshot, cart_tax, lines, *cart.shipping);
  TaxSummary summary = Summarize(cart_tax, cart);
  if (cart_tax.exemption != nullptr) {
    summary.notes.push_back({"exemption", "", cart_tax.exemption->certificate, ""});
  }
  if (cart_tax.reverse_charge) {
    summary.notes.push_back({"reverse_charge", kReverseChargeText, "", request.customer->vat_number});
  }
  cart.tax = std::move(summary);
  return absl::OkStatus();
}

}  // namespace storefront::tax
