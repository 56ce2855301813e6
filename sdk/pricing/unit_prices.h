// Pipeline stage 1: the unit price of every line.
//
// v1 resolves the variant's base price in the cart's currency. Price lists, tiers, markdowns,
// rounding rules and floors slot in here, in that order (docs/concepts/pipeline.md).
#ifndef STOREFRONT_SDK_PRICING_UNIT_PRICES_H_
#define STOREFRONT_SDK_PRICING_UNIT_PRICES_H_

#include <vector>

#include "absl/status/statusor.h"
#include "storefront/cart/cart.h"
#include "storefront/engine/snapshot.h"
#include "storefront/pricing/priced_cart.h"

namespace storefront::pricing {

// One priced line per request line, in request order. An unknown SKU is the error `unknown_sku`
// (the request is wrong); a known SKU with no price in the cart's currency is a line with status
// kUnavailable and a `price_unavailable` issue (the shop cannot sell it here).
absl::StatusOr<std::vector<PricedLine>> ResolveUnitPrices(const Snapshot& snapshot, const CartRequest& cart,
                                                          std::vector<Issue>& issues);

// The lowest unit price any rule may produce (pricing.md, "Floors"): the variant's min_price in
// `currency` and unit cost × (1 + margin), rounded up, for the product's min_margin and the
// applying rule's (a markdown's or a promotion's); nullopt when none of them is given.
absl::StatusOr<std::optional<Money>> UnitFloor(const Product& product, const Variant& variant,
                                               const Currency& currency, const std::optional<Decimal>& rule_margin);

}  // namespace storefront::pricing

#endif  // STOREFRONT_SDK_PRICING_UNIT_PRICES_H_
