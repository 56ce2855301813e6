// Exact decimal numbers for rates and weights ("0.19", "1.0825", "0.5").
//
// A Decimal is coefficient / 10^scale with a coefficient of at most 18 significant digits and a
// scale of at most 12, so that a money amount times a Decimal always fits a 128-bit intermediate.
// Decimals are parsed from strings only; there is no conversion from floating point.
#ifndef STOREFRONT_MONEY_DECIMAL_H_
#define STOREFRONT_MONEY_DECIMAL_H_

#include <cstdint>
#include <string>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"

namespace storefront {

class Decimal {
 public:
  static constexpr int32_t kMaxScale = 12;
  static constexpr int32_t kMaxSignificantDigits = 18;

  // Parses the decimal-string grammar of docs/concepts/money.md; out-of-range precision is
  // `invalid_value`.
  static absl::StatusOr<Decimal> Parse(absl::string_view text);

  constexpr Decimal() = default;
  int64_t coefficient() const { return coefficient_; }
  int32_t scale() const { return scale_; }
  bool is_negative() const { return coefficient_ < 0; }
  bool is_zero() const { return coefficient_ == 0; }

  // The shortest spelling with `scale` fraction digits, e.g. "0.190" keeps its written scale.
  std::string ToString() const;

 private:
  constexpr Decimal(int64_t coefficient, int32_t scale) : coefficient_(coefficient), scale_(scale) {}

  int64_t coefficient_ = 0;
  int32_t scale_ = 0;
};

}  // namespace storefront

#endif  // STOREFRONT_MONEY_DECIMAL_H_
