// The exact arithmetic of tax rates (docs/concepts/tax.md §2–§4). Internal to the tax stage.
//
// A percentage with at most 4 fraction digits is, as a fraction of one, an integer number of
// 10⁻¹² (kScale): "9.975" % is 99,750,000 / 10¹². A rate compounding on others has the effective
// multiplier p/100 × (1 + Σ theirs), still exact at that scale for one level of compounding.
// Every tax is then one DivideAndRound of a 128-bit product: no intermediate rounding.
#ifndef STOREFRONT_SDK_TAX_RATE_MATH_H_
#define STOREFRONT_SDK_TAX_RATE_MATH_H_

#include <cstdint>

#include "absl/numeric/int128.h"
#include "storefront/money/decimal.h"
#include "storefront/money/rounding.h"

namespace storefront::tax {

inline constexpr int64_t kScale = 1'000'000'000'000;  // 10¹²

// percent / 100 in units of 10⁻¹².
int64_t FractionOf(const Decimal& percent);

// round(base × fraction) with `mode`, `fraction` in units of 10⁻¹².
int64_t Apply(absl::int128 base, int64_t fraction, RoundingMode mode);

// A running per-rate sum whose rounded value is handed out line by line: each call returns
// round(Σ exact so far) − round(Σ exact before), so the shares add up to the rounded total.
class Carry {
 public:
  Carry(int64_t denominator, RoundingMode mode) : denominator_(denominator), mode_(mode) {}
  // Adds numerator / denominator and returns this step's whole share.
  int64_t Add(absl::int128 numerator);

 private:
  absl::int128 denominator_;
  RoundingMode mode_;
  absl::int128 sum_ = 0;
  absl::int128 handed_out_ = 0;
};

}  // namespace storefront::tax

#endif  // STOREFRONT_SDK_TAX_RATE_MATH_H_
