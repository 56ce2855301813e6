// Which price list entry and which markdown apply to a line. Internal to the pricing stage.
//
// Both are found through the selector index of PricingRules: a line computes the keys of
// everything it is (its SKU, product, categories with ancestors, tags, attributes) and looks up
// only the rules filed under those keys. Eligibility of lists (currency, window, targeting) is
// decided once per cart.
#ifndef STOREFRONT_SDK_PRICING_RULE_MATCHING_H_
#define STOREFRONT_SDK_PRICING_RULE_MATCHING_H_

#include <optional>
#include <string>
#include <vector>

#include "storefront/cart/cart.h"
#include "storefront/catalog/catalog.h"
#include "storefront/personalization/experiments.h"
#include "storefront/pricing/price_rules.h"

namespace storefront::pricing {

// The selector keys of one line (SelectorKey), in no particular order.
std::vector<std::string> LineKeys(const Catalog& catalog, const Product& product, const Variant& variant);

// LineKeys, sorted for MatchesAny.
std::vector<std::string> SortedLineKeys(const Catalog& catalog, const Product& product, const Variant& variant);

// The keys of a product itself, whatever its variant (product id, categories with ancestors, tags,
// product attributes), sorted for MatchesAny: personalization ranks products, not lines.
std::vector<std::string> SortedProductKeys(const Catalog& catalog, const Product& product);

// Whether a line with `sorted_keys` matches any of `items` (each with its Selector::key filled, as
// PromotionSet::Build and TaxConfig::Build do). An empty list matches every line.
bool MatchesAny(absl::Span<const Selector> items, const std::vector<std::string>& sorted_keys);

// eligible[i]: price list i applies to this cart (currency, window, targeting, and the served
// experiment variations when one gates it).
std::vector<bool> EligibleLists(const PricingRules& rules, const ExperimentSet& experiments, const CartRequest& cart);

// The winning entry for a line with these keys, by the documented selection order.
std::optional<PricingRules::EntryRef> SelectEntry(const PricingRules& rules, const std::vector<bool>& eligible,
                                                  const std::vector<std::string>& keys);

struct MarkdownChoice {
  const Markdown* markdown;
  Money reduction;  // per unit, never more than the price
};

// The markdown for a line priced `price`: highest priority, then largest reduction, then id.
absl::StatusOr<std::optional<MarkdownChoice>> SelectMarkdown(const PricingRules& rules, const CartRequest& cart,
                                                             const std::vector<std::string>& keys, const Money& price,
                                                             RoundingMode rounding);

}  // namespace storefront::pricing

#endif  // STOREFRONT_SDK_PRICING_RULE_MATCHING_H_
