// Digit-string helpers shared by Money and Decimal. Internal.
#ifndef STOREFRONT_SDK_MONEY_DIGITS_H_
#define STOREFRONT_SDK_MONEY_DIGITS_H_

#include <cstdint>
#include <string>

#include "absl/numeric/int128.h"
#include "absl/strings/string_view.h"

namespace storefront::money_internal {

// "000120" -> "120"; "000" -> "".
absl::string_view StripLeadingZeros(absl::string_view digits);

// The value of at most 38 ASCII digits.
absl::int128 DigitsToInt128(absl::string_view digits);

// 10^exponent for 0 <= exponent <= 38.
absl::int128 PowerOfTen(int32_t exponent);

// value / 10^scale written with exactly `scale` fraction digits: (-5, 2) -> "-0.05". Handles
// INT64_MIN.
std::string FormatScaled(int64_t value, int32_t scale);

}  // namespace storefront::money_internal

#endif  // STOREFRONT_SDK_MONEY_DIGITS_H_
