#include "tax/rate_math.h"

#include "money/digits.h"

namespace storefront::tax {

int64_t FractionOf(const Decimal& percent) {
  // percent / 100 × 10¹² = coefficient × 10^(10 − scale); the reader allows scale <= 4.
  return static_cast<int64_t>(percent.coefficient() * money_internal::PowerOfTen(10 - percent.scale()));
}

int64_t Apply(absl::int128 base, int64_t fraction, RoundingMode mode) {
  return static_cast<int64_t>(DivideAndRound(base * fraction, kScale, mode));
}

int64_t Carry::Add(absl::int128 numerator) {
  sum_ += numerator;
  const absl::int128 rounded = DivideAndRound(sum_, denominator_, mode_);
  const absl::int128 share = rounded - handed_out_;
  handed_out_ = rounded;
  return static_cast<int64_t>(share);
}

}  // namespace storefront::tax
