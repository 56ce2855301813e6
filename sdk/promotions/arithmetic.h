// The exact arithmetic promotions share: percentages, unit values, capped allocation. Internal.
//
// Amounts are int64 minor units of the cart currency; intermediates are 128-bit, so no product
// of an amount and a quantity or a percentage can overflow before it is rounded once.
#ifndef STOREFRONT_SDK_PROMOTIONS_ARITHMETIC_H_
#define STOREFRONT_SDK_PROMOTIONS_ARITHMETIC_H_

#include <cstdint>
#include <vector>

#include "absl/numeric/int128.h"
#include "absl/status/statusor.h"
#include "absl/types/span.h"
#include "storefront/money/currency.h"
#include "storefront/money/decimal.h"
#include "storefront/money/rounding.h"

namespace storefront::promotions {

// round(amount × percent / 100) with `mode`.
int64_t PercentOf(absl::int128 amount, const Decimal& percent, RoundingMode mode);

// An int64 from a 128-bit sum, or `arithmetic_overflow`.
absl::StatusOr<int64_t> Narrow(absl::int128 value);

// Splits `total` over `weights` in proportion, never giving index i more than caps[i]: a part
// that would exceed its cap gets the cap and the rest is split again among the others. Parts sum
// to min(total, Σ caps over positive weights). Largest remainder, ties to the lower index.
std::vector<int64_t> AllocateCapped(int64_t total, absl::Span<const int64_t> weights, absl::Span<const int64_t> caps,
                                    const Currency& currency);

// Largest-remainder split of `total` in proportion to `weights` (money/allocation.h); all zero
// when no weight is positive.
std::vector<int64_t> AllocateProportionally(int64_t total, absl::Span<const int64_t> weights, const Currency& currency);

}  // namespace storefront::promotions

#endif  // STOREFRONT_SDK_PROMOTIONS_ARITHMETIC_H_
