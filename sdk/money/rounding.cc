#include "storefront/money/rounding.h"

#include <array>
#include <utility>

#include "absl/strings/str_cat.h"
#include "storefront/base/error.h"

namespace storefront {
namespace {

constexpr std::array<std::pair<absl::string_view, RoundingMode>, 10> kNames = {{
    {"ceiling", RoundingMode::kCeiling},
    {"floor", RoundingMode::kFloor},
    {"toward-zero", RoundingMode::kTowardZero},
    {"away-from-zero", RoundingMode::kAwayFromZero},
    {"half-ceiling", RoundingMode::kHalfCeiling},
    {"half-floor", RoundingMode::kHalfFloor},
    {"half-toward-zero", RoundingMode::kHalfTowardZero},
    {"half-away-from-zero", RoundingMode::kHalfAwayFromZero},
    {"half-even", RoundingMode::kHalfEven},
    {"half-odd", RoundingMode::kHalfOdd},
}};

// Whether a quotient truncated toward zero moves one step away from zero, given the sign of
// the exact result and how the dropped remainder compares with one half (-1 below, 0 tie,
// +1 above).
bool StepsAwayFromZero(RoundingMode mode, bool negative, int half_comparison, bool truncated_is_odd) {
  switch (mode) {
    case RoundingMode::kCeiling:
      return !negative;
    case RoundingMode::kFloor:
      return negative;
    case RoundingMode::kTowardZero:
      return false;
    case RoundingMode::kAwayFromZero:
      return true;
    default:
      break;
  }
  if (half_comparison != 0) return half_comparison > 0;
  switch (mode) {
    case RoundingMode::kHalfCeiling:
      return !negative;
    case RoundingMode::kHalfFloor:
      return negative;
    case RoundingMode::kHalfTowardZero:
      return false;
    case RoundingMode::kHalfAwayFromZero:
      return true;
    case RoundingMode::kHalfEven:
      return truncated_is_odd;
    case RoundingMode::kHalfOdd:
      return !truncated_is_odd;
    default:
      return false;
  }
}

}  // namespace

absl::StatusOr<RoundingMode> ParseRoundingMode(absl::string_view name) {
  for (const auto& [known, mode] : kNames) {
    if (known == name) return mode;
  }
  return InputError(error_code::kInvalidValue,
                    absl::StrCat("unknown rounding mode \"", name,
                                 "\"; expected one of ceiling, floor, toward-zero, away-from-zero, "
                                 "half-ceiling, half-floor, half-toward-zero, half-away-from-zero, "
                                 "half-even, half-odd"));
}

absl::string_view RoundingModeName(RoundingMode mode) {
  for (const auto& [name, known] : kNames) {
    if (known == mode) return name;
  }
  return "half-even";
}

absl::int128 DivideAndRound(absl::int128 numerator, absl::int128 denominator, RoundingMode mode) {
  const absl::int128 quotient = numerator / denominator;   // truncates toward zero
  const absl::int128 remainder = numerator % denominator;  // carries the numerator's sign
  if (remainder == 0) return quotient;
  const bool negative = numerator < 0;
  const absl::int128 magnitude = negative ? -remainder : remainder;
  // Compare magnitude with denominator / 2 without dividing: magnitude - (denominator - magnitude).
  const absl::int128 against_half = magnitude - (denominator - magnitude);
  const int half_comparison = against_half < 0 ? -1 : (against_half > 0 ? 1 : 0);
  const bool truncated_is_odd = (quotient % 2) != 0;
  if (!StepsAwayFromZero(mode, negative, half_comparison, truncated_is_odd)) return quotient;
  return negative ? quotient - 1 : quotient + 1;
}

}  // namespace storefront
