#include "money/decimal_text.h"

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "storefront/base/error.h"

namespace storefront::money_internal {
namespace {

bool AllDigits(absl::string_view s) {
  for (char c : s) {
    if (!absl::ascii_isdigit(static_cast<unsigned char>(c))) return false;
  }
  return true;
}

}  // namespace

absl::StatusOr<DecimalText> SplitDecimalText(absl::string_view text, absl::string_view error_code) {
  auto reject = [&](absl::string_view why) {
    return InputError(error_code, absl::StrCat("\"", text, "\" is not a decimal string (", why,
                                               "); expected digits such as \"19.99\" or \"-0.50\""));
  };
  DecimalText parts;
  absl::string_view rest = text;
  if (!rest.empty() && rest.front() == '-') {
    parts.negative = true;
    rest.remove_prefix(1);
  }
  if (rest.empty()) return reject("no digits");
  const size_t dot = rest.find('.');
  parts.integer_digits = rest.substr(0, dot);
  if (dot != absl::string_view::npos) {
    parts.fraction_digits = rest.substr(dot + 1);
    if (parts.fraction_digits.empty()) return reject("no digits after the decimal point");
  }
  if (parts.integer_digits.empty()) return reject("no digits before the decimal point");
  if (!AllDigits(parts.integer_digits) || !AllDigits(parts.fraction_digits)) {
    return reject("only digits, one '.' and a leading '-' are allowed");
  }
  if (parts.integer_digits.size() > 1 && parts.integer_digits.front() == '0') {
    return reject("leading zeros are not allowed");
  }
  return parts;
}

}  // namespace storefront::money_internal
