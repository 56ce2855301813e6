#include "storefront/money/decimal.h"

#include "absl/strings/str_cat.h"
#include "money/decimal_text.h"
#include "money/digits.h"
#include "storefront/base/error.h"
#include "storefront/base/status_macros.h"

namespace storefront {

absl::StatusOr<Decimal> Decimal::Parse(absl::string_view text) {
  SF_ASSIGN_OR_RETURN(money_internal::DecimalText parts,
                      money_internal::SplitDecimalText(text, error_code::kInvalidValue));
  if (parts.fraction_digits.size() > static_cast<size_t>(kMaxScale)) {
    return InputError(error_code::kInvalidValue,
                      absl::StrCat("\"", text, "\" has more than ", kMaxScale, " fraction digits"));
  }
  const std::string digits = absl::StrCat(parts.integer_digits, parts.fraction_digits);
  const absl::string_view significant = money_internal::StripLeadingZeros(digits);
  if (significant.size() > static_cast<size_t>(kMaxSignificantDigits)) {
    return InputError(error_code::kInvalidValue,
                      absl::StrCat("\"", text, "\" has more than ", kMaxSignificantDigits, " significant digits"));
  }
  const int64_t magnitude = static_cast<int64_t>(money_internal::DigitsToInt128(significant));
  return Decimal(parts.negative ? -magnitude : magnitude, static_cast<int32_t>(parts.fraction_digits.size()));
}

std::string Decimal::ToString() const { return money_internal::FormatScaled(coefficient_, scale_); }

}  // namespace storefront
