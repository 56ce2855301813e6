#include "pricing/unit_prices.h"

#include <algorithm>
#include <string>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/str_cat.h"
#include "money/digits.h"
#include "pricing/rule_matching.h"
#include "storefront/base/error.h"
#include "storefront/base/status_macros.h"

namespace storefront::pricing {
namespace {

constexpr absl::Duration kOmnibusWindow = absl::Hours(24 * 30);

// One line's unit price as it moves through the steps, with its record of each step.
class Waterfall {
 public:
  Waterfall(PricedLine& line, RoundingMode rounding, const PricingRules& rules, bool explain)
      : line_(line), rounding_(rounding), rules_(rules), explain_(explain) {}

  const Money& price() const { return *price_; }

  void Start(const Money& base) {
    price_ = base;
    reference_ = base;
    Record("base", base, base, "");
  }

  // A price the merchant typed (a list or tier `price`): it becomes the floor's reference.
  void SetAbsolute(absl::string_view step, const Money& price, absl::string_view rule) {
    Record(step, *price_, price, rule);
    price_ = price;
    reference_ = price;
  }

  // A computed price, followed by the rounding rule for that step, if any.
  absl::Status SetComputed(absl::string_view step, const Money& price, absl::string_view rule, PricingStep kind) {
    Record(step, *price_, price, rule);
    price_ = price;
    return ApplyRoundingRule(kind);
  }

  // The base currency's price converted: computed, so rounded by the conversion rule, and then
  // the floor's reference (the merchant typed no price in this currency).
  absl::Status StartConverted(const Money& from, const Money& converted, absl::string_view rate) {
    Record("conversion", from, converted, rate);
    price_ = converted;
    SF_RETURN_IF_ERROR(ApplyRoundingRule(PricingStep::kConversion));
    reference_ = price_;
    return absl::OkStatus();
  }

  void ApplyFloor(const Money& floor) {
    const Money effective = floor.minor_units() < reference_->minor_units() ? floor : *reference_;
    if (price_->minor_units() >= effective.minor_units()) return;
    Record("floor", *price_, effective, "");
    price_ = effective;
    line_.floor_applied = true;
  }

  // The adjusted base, for `adjust` effects: base × (100 + p) / 100 or base + amount, >= 0.
  absl::StatusOr<Money> Adjust(const Money& base, const PriceEffect& effect) const {
    if (effect.amount.has_value()) {
      SF_ASSIGN_OR_RETURN(const Money sum, base.Plus(*effect.amount));
      return sum.is_negative() ? Money::Zero(base.currency()) : sum;
    }
    const absl::int128 scale = money_internal::PowerOfTen(effect.percent->scale()) * 100;
    const absl::int128 exact = absl::int128(base.minor_units()) * (scale + effect.percent->coefficient());
    SF_ASSIGN_OR_RETURN(const Money adjusted,
                        MoneyFromInt128(DivideAndRound(exact, scale, rounding_), base.currency()));
    return adjusted.is_negative() ? Money::Zero(base.currency()) : adjusted;
  }

 private:
  absl::Status ApplyRoundingRule(PricingStep kind) {
    const PriceRoundingRule* rule = rules_.FindRoundingRule(price_->currency(), kind);
    if (rule == nullptr) return absl::OkStatus();
    SF_ASSIGN_OR_RETURN(const Money rounded, rule->Apply(*price_));
    if (rounded != *price_) Record("rounding", *price_, rounded, rule->id);
    price_ = rounded;
    return absl::OkStatus();
  }

  // Explanations are opt-in: formatting every step of every line would cost more than pricing.
  void Record(absl::string_view step, const Money& before, const Money& after, absl::string_view rule) {
    if (explain_)
      line_.explanation.push_back({std::string(step), before.ToString(), after.ToString(), std::string(rule)});
  }

  PricedLine& line_;
  RoundingMode rounding_;
  const PricingRules& rules_;
  const bool explain_;
  std::optional<Money> price_;
  std::optional<Money> reference_;
};

// Base price, or the base currency's price converted with the snapshot's rate. False when the
// variant cannot be sold in this currency.
absl::StatusOr<bool> StartPrice(const Snapshot& snapshot, const Variant& variant, const Currency& currency,
                                Waterfall& waterfall) {
  if (std::optional<Money> base = variant.PriceIn(currency)) {
    waterfall.Start(*base);
    return true;
  }
  const Currency* base_currency = snapshot.settings.base_currency;
  const ExchangeRate* rate = base_currency == nullptr ? nullptr : snapshot.pricing.FindRate(*base_currency, currency);
  const std::optional<Money> source = base_currency == nullptr ? std::nullopt : variant.PriceIn(*base_currency);
  if (rate == nullptr || !source.has_value()) return false;
  SF_ASSIGN_OR_RETURN(const Money converted,
                      source->ConvertedTo(currency, rate->rate, snapshot.settings.rounding_mode));
  SF_RETURN_IF_ERROR(
      waterfall.StartConverted(*source, converted, absl::StrCat(base_currency->code, "/", currency.code)));
  return true;
}

// The tier whose range holds `quantity`: the last with min_quantity <= quantity.
const Tier& TierFor(const std::vector<Tier>& tiers, int64_t quantity) {
  size_t chosen = 0;
  for (size_t i = 0; i < tiers.size(); ++i) {
    if (tiers[i].min_quantity <= quantity) chosen = i;
  }
  return tiers[chosen];
}

absl::Status PriceLine(const Snapshot& snapshot, const CartRequest& cart, const std::vector<bool>& eligible,
                       const absl::flat_hash_map<std::string, int64_t>& product_quantities,
                       const Catalog::VariantRef& found, PricedLine& line, std::vector<Issue>& issues) {
  const Currency& currency = *cart.currency;
  const PricingRules& rules = snapshot.pricing;
  const RoundingMode rounding = snapshot.settings.rounding_mode;
  Waterfall waterfall(line, rounding, rules, cart.explain);
  SF_ASSIGN_OR_RETURN(const bool sellable, StartPrice(snapshot, *found.variant, currency, waterfall));
  if (!sellable) {
    line.status = LineStatus::kUnavailable;
    issues.push_back({issue_code::kPriceUnavailable, absl::StrCat("\"", line.sku, "\" has no price in ", currency.code),
                      absl::StrCat("/lines/", line.index, "/sku")});
    line.explanation.clear();
    return absl::OkStatus();
  }

  // Without lists or markdowns there is nothing to look up: skip building the line's keys.
  const bool has_rules = !rules.rules().price_lists.empty() || !rules.rules().markdowns.empty();
  const std::vector<std::string> keys =
      has_rules ? LineKeys(snapshot.catalog, *found.product, *found.variant) : std::vector<std::string>();
  line.tax_inclusive = rules.rules().prices_include_tax;
  if (const std::optional<PricingRules::EntryRef> ref = SelectEntry(rules, eligible, keys)) {
    const PriceList& list = rules.rules().price_lists[ref->list];
    const PriceListEntry& entry = list.entries[ref->entry];
    const std::string rule = absl::StrCat(list.id, "#", ref->entry);
    line.price_list = PriceListRef{list.id, ref->entry};
    line.tax_inclusive = list.tax_inclusive.value_or(rules.rules().prices_include_tax);
    const int64_t tier_quantity =
        list.tier_basis == TierBasis::kProduct ? product_quantities.at(found.product->id) : line.quantity;
    const PriceEffect& effect = entry.tiers.empty() ? entry.effect : TierFor(entry.tiers, tier_quantity).effect;
    const absl::string_view step = entry.tiers.empty() ? "price_list" : "tier";
    if (effect.price.has_value()) {
      waterfall.SetAbsolute(step, *effect.price, rule);
    } else {
      SF_ASSIGN_OR_RETURN(const Money adjusted, waterfall.Adjust(waterfall.price(), effect));
      SF_RETURN_IF_ERROR(waterfall.SetComputed(step, adjusted, rule, PricingStep::kPriceList));
    }
  }

  SF_ASSIGN_OR_RETURN(const std::optional<MarkdownChoice> markdown,
                      SelectMarkdown(rules, cart, keys, waterfall.price(), rounding));
  if (markdown.has_value()) {
    line.compare_at = waterfall.price();
    line.markdown = markdown->markdown->id;
    SF_ASSIGN_OR_RETURN(const Money reduced, waterfall.price().Minus(markdown->reduction));
    SF_RETURN_IF_ERROR(waterfall.SetComputed("markdown", reduced, markdown->markdown->id, PricingStep::kMarkdown));
  }

  SF_ASSIGN_OR_RETURN(
      const std::optional<Money> floor,
      UnitFloor(*found.product, *found.variant, currency, markdown ? markdown->markdown->min_margin : std::nullopt));
  if (floor.has_value()) waterfall.ApplyFloor(*floor);

  line.unit_price = waterfall.price();
  if (line.compare_at.has_value() && line.unit_price.minor_units() >= line.compare_at->minor_units()) {
    // The floor absorbed the whole markdown: showing a "was" price would claim a reduction that
    // the shopper does not get (and Omnibus forbids that).
    line.compare_at.reset();
    line.markdown.clear();
  }
  if (line.compare_at.has_value()) {
    SF_ASSIGN_OR_RETURN(line.saving, line.compare_at->Minus(line.unit_price));
    if (const PriceHistory* history = rules.FindHistory(line.sku, currency)) {
      line.prior_price = history->LowestBetween(cart.at - kOmnibusWindow, cart.at);
    }
  }
  absl::StatusOr<Money> subtotal = line.unit_price.Times(line.quantity);
  if (!subtotal.ok()) return PrefixErrorPath(subtotal.status(), absl::StrCat("/lines/", line.index));
  line.subtotal = *subtotal;
  return absl::OkStatus();
}

}  // namespace

absl::StatusOr<std::optional<Money>> UnitFloor(const Product& product, const Variant& variant, const Currency& currency,
                                               const std::optional<Decimal>& rule_margin) {
  std::optional<Money> floor;
  if (const Money* min_price = AmountIn(variant.min_prices, currency)) floor = *min_price;
  const Money* cost = AmountIn(variant.unit_costs, currency);
  for (const std::optional<Decimal>& margin : {product.min_margin, rule_margin}) {
    if (!margin.has_value() || cost == nullptr) continue;
    SF_ASSIGN_OR_RETURN(const Money markup, cost->Times(*margin, RoundingMode::kCeiling));
    SF_ASSIGN_OR_RETURN(const Money minimum, cost->Plus(markup));
    if (!floor.has_value() || minimum.minor_units() > floor->minor_units()) floor = minimum;
  }
  return floor;
}

absl::StatusOr<std::vector<PricedLine>> ResolveUnitPrices(const Snapshot& snapshot, const CartRequest& cart,
                                                          std::vector<Issue>& issues) {
  const Currency& currency = *cart.currency;
  const std::vector<bool> eligible = EligibleLists(snapshot.pricing, snapshot.experiments, cart);
  std::vector<Catalog::VariantRef> variants;
  variants.reserve(cart.lines.size());
  // Quantities summed per product, for tiers on the product basis. Unknown SKUs fail first.
  absl::flat_hash_map<std::string, int64_t> product_quantities;
  for (size_t i = 0; i < cart.lines.size(); ++i) {
    const std::optional<Catalog::VariantRef> found = snapshot.catalog.FindSku(cart.lines[i].sku);
    if (!found.has_value()) {
      return InputError(error_code::kUnknownSku, absl::StrCat("no variant has SKU \"", cart.lines[i].sku, "\""),
                        absl::StrCat("/lines/", i, "/sku"));
    }
    variants.push_back(*found);
    product_quantities[found->product->id] += cart.lines[i].quantity;  // bounded: lines × max_quantity
  }
  std::vector<PricedLine> lines;
  lines.reserve(cart.lines.size());
  for (size_t i = 0; i < cart.lines.size(); ++i) {
    const CartLine& request = cart.lines[i];
    PricedLine line(currency);
    line.index = i;
    line.line_id = request.id;
    line.sku = request.sku;
    line.product_id = variants[i].product->id;
    line.title = variants[i].product->title;
    line.variant_title = variants[i].variant->title;
    line.quantity = request.quantity;
    SF_RETURN_IF_ERROR(PriceLine(snapshot, cart, eligible, product_quantities, variants[i], line, issues));
    lines.push_back(std::move(line));
  }
  return lines;
}

}  // namespace storefront::pricing
