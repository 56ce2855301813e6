// Rounding modes and the one exact division every rounding in the SDK goes through.
//
// Ten modes, named so that no one has to guess: the "half" modes differ only on exact ties.
// docs/concepts/money.md maps the names of Java, JavaScript, PHP, commercetools and Dinero.js
// onto these.
#ifndef STOREFRONT_MONEY_ROUNDING_H_
#define STOREFRONT_MONEY_ROUNDING_H_

#include "absl/numeric/int128.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"

namespace storefront {

enum class RoundingMode {
  kCeiling,           // toward +infinity
  kFloor,             // toward -infinity
  kTowardZero,        // truncate
  kAwayFromZero,      // any non-zero remainder moves away from zero
  kHalfCeiling,       // nearest; ties toward +infinity (JavaScript Math.round)
  kHalfFloor,         // nearest; ties toward -infinity
  kHalfTowardZero,    // nearest; ties toward zero
  kHalfAwayFromZero,  // nearest; ties away from zero (Java HALF_UP, PHP round)
  kHalfEven,          // nearest; ties to the even neighbour (banker's rounding)
  kHalfOdd,           // nearest; ties to the odd neighbour
};

// "half-even" <-> RoundingMode::kHalfEven; unknown names are `invalid_value`.
absl::StatusOr<RoundingMode> ParseRoundingMode(absl::string_view name);
absl::string_view RoundingModeName(RoundingMode mode);

// numerator / denominator rounded to an integer with `mode`. `denominator` must be positive.
// Exact for every int128 input: no floating point, no intermediate overflow.
absl::int128 DivideAndRound(absl::int128 numerator, absl::int128 denominator, RoundingMode mode);

}  // namespace storefront

#endif  // STOREFRONT_MONEY_ROUNDING_H_
