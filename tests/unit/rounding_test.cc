// DivideAndRound is the only place any rounding happens; test it exhaustively on small
// fractions against a definition written independently of the implementation.
#include "storefront/money/rounding.h"

#include "gtest/gtest.h"
#include "storefront/base/error.h"

namespace storefront {
namespace {

constexpr RoundingMode kAllModes[] = {RoundingMode::kCeiling,        RoundingMode::kFloor,
                                      RoundingMode::kTowardZero,     RoundingMode::kAwayFromZero,
                                      RoundingMode::kHalfCeiling,    RoundingMode::kHalfFloor,
                                      RoundingMode::kHalfTowardZero, RoundingMode::kHalfAwayFromZero,
                                      RoundingMode::kHalfEven,       RoundingMode::kHalfOdd};

// Reference: rounds n/d by comparing 2n with the candidates' doubled values; slow and obvious.
int64_t Reference(int64_t n, int64_t d, RoundingMode mode) {
  int64_t floor = n / d - ((n % d != 0 && (n < 0) != (d < 0)) ? 1 : 0);
  const int64_t ceil = floor + (n % d != 0 ? 1 : 0);
  if (floor == ceil) return floor;
  const int64_t twice_distance_to_floor = 2 * (n - floor * d);  // compared with d
  const bool tie = twice_distance_to_floor == d;
  const bool nearer_ceil = twice_distance_to_floor > d;
  const bool negative = n < 0;
  switch (mode) {
    case RoundingMode::kCeiling:
      return ceil;
    case RoundingMode::kFloor:
      return floor;
    case RoundingMode::kTowardZero:
      return negative ? ceil : floor;
    case RoundingMode::kAwayFromZero:
      return negative ? floor : ceil;
    default:
      break;
  }
  if (!tie) return nearer_ceil ? ceil : floor;
  switch (mode) {
    case RoundingMode::kHalfCeiling:
      return ceil;
    case RoundingMode::kHalfFloor:
      return floor;
    case RoundingMode::kHalfTowardZero:
      return negative ? ceil : floor;
    case RoundingMode::kHalfAwayFromZero:
      return negative ? floor : ceil;
    case RoundingMode::kHalfEven:
      return floor % 2 == 0 ? floor : ceil;
    case RoundingMode::kHalfOdd:
      return floor % 2 != 0 ? floor : ceil;
    default:
      return 0;
  }
}

TEST(RoundingTest, AgreesWithTheDefinitionOnEverySmallFraction) {
  for (RoundingMode mode : kAllModes) {
    for (int64_t d = 1; d <= 12; ++d) {
      for (int64_t n = -60; n <= 60; ++n) {
        ASSERT_EQ(DivideAndRound(n, d, mode), Reference(n, d, mode))
            << n << "/" << d << " with " << RoundingModeName(mode);
      }
    }
  }
}

TEST(RoundingTest, NamesRoundTrip) {
  for (RoundingMode mode : kAllModes) EXPECT_EQ(*ParseRoundingMode(RoundingModeName(mode)), mode);
  EXPECT_EQ(ErrorCodeOf(ParseRoundingMode("HALF_UP").status()), "invalid_value");
}

TEST(RoundingTest, HandlesTheExtremesOf128Bits) {
  const absl::int128 max = absl::Int128Max();
  EXPECT_EQ(DivideAndRound(max, 1, RoundingMode::kHalfEven), max);
  EXPECT_EQ(DivideAndRound(max, max, RoundingMode::kFloor), 1);
  EXPECT_EQ(DivideAndRound(-max, 2, RoundingMode::kCeiling), -(max / 2));
}

}  // namespace
}  // namespace storefront
