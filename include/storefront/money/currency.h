// ISO 4217 currencies.
//
// The table is generated from ICU at build time (tools/currency_table) and compiled into every
// target, so native code and the wasm module agree on every digit without carrying ICU at run
// time. A Currency is immutable static data: pass `const Currency&` freely, compare by address.
#ifndef STOREFRONT_MONEY_CURRENCY_H_
#define STOREFRONT_MONEY_CURRENCY_H_

#include <cstdint>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/types/span.h"

namespace storefront {

struct Currency {
  absl::string_view code;  // "EUR"
  int32_t numeric_code;    // 978
  int32_t minor_digits;    // 2: one EUR is 100 minor units
  int64_t cash_increment;  // in minor units: CHF 5 (0.05), HUF 100 (1.00), EUR 1
};

// Every currency of the table, sorted by code.
absl::Span<const Currency> AllCurrencies();

// The currency with this exact upper-case alphabetic code, or nullptr.
const Currency* FindCurrency(absl::string_view code);

// As FindCurrency, or the error `unknown_currency`.
absl::StatusOr<const Currency*> LookUpCurrency(absl::string_view code);

}  // namespace storefront

#endif  // STOREFRONT_MONEY_CURRENCY_H_
