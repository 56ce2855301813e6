#include "storefront/money/currency.h"

#include <algorithm>
#include <iterator>

#include "absl/strings/str_cat.h"
#include "storefront/base/error.h"

namespace storefront {
namespace {

constexpr Currency kCurrencies[] = {
#include "storefront/money/currency_table.inc"
};

}  // namespace

absl::Span<const Currency> AllCurrencies() { return kCurrencies; }

const Currency* FindCurrency(absl::string_view code) {
  const Currency* end = std::end(kCurrencies);
  const Currency* it = std::lower_bound(std::begin(kCurrencies), end, code,
                                        [](const Currency& c, absl::string_view k) { return c.code < k; });
  return it != end && it->code == code ? it : nullptr;
}

absl::StatusOr<const Currency*> LookUpCurrency(absl::string_view code) {
  if (const Currency* currency = FindCurrency(code)) return currency;
  return InputError(error_code::kUnknownCurrency,
                    absl::StrCat("\"", code, "\" is not an ISO 4217 currency code this build knows"));
}

}  // namespace storefront
