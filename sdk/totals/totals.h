// Pipeline stage 5: line totals and order totals.
//
// Every sum is checked; an overflow fails the whole request (`arithmetic_overflow`) rather than
// returning a wrapped amount. Unavailable lines contribute nothing. After a tax stage, each line's
// total is the one the tax stage set (its gross plus fees); without one it is subtotal −
// discounts.
#ifndef STOREFRONT_SDK_TOTALS_TOTALS_H_
#define STOREFRONT_SDK_TOTALS_TOTALS_H_

#include <optional>
#include <vector>

#include "absl/status/statusor.h"
#include "storefront/pricing/priced_cart.h"

namespace storefront::totals {

// Sets each line's total (without a tax stage) and returns the order totals. `shipping_gross`:
// the shipping amount already includes its tax (the snapshot's prices_include_tax).
// `taxed`: the snapshot has a tax stage, so net and gross totals are reported (even for an
// empty cart).
absl::StatusOr<Totals> Compute(const Currency& currency, std::vector<PricedLine>& lines,
                               const std::optional<ShippingQuote>& shipping, bool shipping_gross, bool taxed);

}  // namespace storefront::totals

#endif  // STOREFRONT_SDK_TOTALS_TOTALS_H_
