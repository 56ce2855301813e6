#include "money/digits.h"

#include <algorithm>

namespace storefront::money_internal {

absl::string_view StripLeadingZeros(absl::string_view digits) {
  const size_t first = digits.find_first_not_of('0');
  return first == absl::string_view::npos ? absl::string_view() : digits.substr(first);
}

absl::int128 DigitsToInt128(absl::string_view digits) {
  absl::int128 value = 0;
  for (char c : digits) value = value * 10 + (c - '0');
  return value;
}

absl::int128 PowerOfTen(int32_t exponent) {
  absl::int128 value = 1;
  for (int32_t i = 0; i < exponent; ++i) value *= 10;
  return value;
}

std::string FormatScaled(int64_t value, int32_t scale) {
  // Work on the unsigned magnitude so that INT64_MIN needs no special case.
  uint64_t magnitude = value < 0 ? 0 - static_cast<uint64_t>(value) : static_cast<uint64_t>(value);
  std::string digits;
  do {
    digits.push_back(static_cast<char>('0' + magnitude % 10));
    magnitude /= 10;
  } while (magnitude != 0);
  while (digits.size() <= static_cast<size_t>(scale)) digits.push_back('0');
  std::reverse(digits.begin(), digits.end());
  if (scale > 0) digits.insert(digits.size() - static_cast<size_t>(scale), 1, '.');
  return value < 0 ? "-" + digits : digits;
}

}  // namespace storefront::money_internal
