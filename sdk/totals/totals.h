// Pipeline stage 5: line totals and order totals.
//
// Every sum is checked; an overflow fails the whole request (`arithmetic_overflow`) rather than
// returning a wrapped amount. Unavailable lines contribute nothing.
#ifndef STOREFRONT_SDK_TOTALS_TOTALS_H_
#define STOREFRONT_SDK_TOTALS_TOTALS_H_

#include <vector>

#include "absl/status/statusor.h"
#include "storefront/pricing/priced_cart.h"

namespace storefront::totals {

// Sets each line's total and returns the order totals.
absl::StatusOr<Totals> Compute(const Currency& currency, std::vector<PricedLine>& lines, const Money& shipping_total);

}  // namespace storefront::totals

#endif  // STOREFRONT_SDK_TOTALS_TOTALS_H_
