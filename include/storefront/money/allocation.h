// Splitting an amount over weights so that the parts always add up exactly.
//
// Largest-remainder method: each part first gets floor(amount × weight / Σweights) minor units;
// the units left over go, one each, to the parts with the largest dropped remainders, ties to
// the earliest index. A negative amount splits as the mirror image of the positive one, so a
// refund allocates exactly like the charge it reverses. Zero weights receive nothing.
#ifndef STOREFRONT_MONEY_ALLOCATION_H_
#define STOREFRONT_MONEY_ALLOCATION_H_

#include <cstdint>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/types/span.h"
#include "storefront/money/decimal.h"
#include "storefront/money/money.h"

namespace storefront {

// Errors (`invalid_weights`, path "/<index>" for a bad element, "" for the list): no weights,
// a negative weight, all weights zero.
absl::StatusOr<std::vector<Money>> Allocate(const Money& amount, absl::Span<const int64_t> weights);

// Decimal weights are brought to a common scale first; weights that then no longer fit int64
// are `invalid_weights`.
absl::StatusOr<std::vector<Money>> Allocate(const Money& amount, absl::Span<const Decimal> weights);

}  // namespace storefront

#endif  // STOREFRONT_MONEY_ALLOCATION_H_
