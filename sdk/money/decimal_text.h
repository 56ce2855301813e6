// The one grammar for decimal strings, shared by money amounts and decimal rates/weights:
//   -?(0|[1-9][0-9]*)(\.[0-9]+)?
// No exponents, no '+', no spaces, no leading zeros, no bare '.', no "NaN"/"Infinity": a value
// has exactly one spelling up to trailing fraction zeros.
#ifndef STOREFRONT_SDK_MONEY_DECIMAL_TEXT_H_
#define STOREFRONT_SDK_MONEY_DECIMAL_TEXT_H_

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"

namespace storefront::money_internal {

struct DecimalText {
  bool negative = false;
  absl::string_view integer_digits;   // at least one digit, no leading zero unless "0"
  absl::string_view fraction_digits;  // possibly empty
};

// Splits `text` by the grammar above; anything else is `error_code` with a message that names
// what is wrong.
absl::StatusOr<DecimalText> SplitDecimalText(absl::string_view text, absl::string_view error_code);

}  // namespace storefront::money_internal

#endif  // STOREFRONT_SDK_MONEY_DECIMAL_TEXT_H_
