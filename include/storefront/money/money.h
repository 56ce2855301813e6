// Money: an exact amount in a currency's minor units.
//
// Invariants: the amount is an int64 count of minor units (cents, yen, fils); every arithmetic
// operation is checked and returns `arithmetic_overflow` instead of wrapping; amounts of different
// currencies never mix (`currency_mismatch`); no floating point is involved anywhere. Text form
// is the decimal string of docs/concepts/money.md, with exactly the currency's minor digits.
#ifndef STOREFRONT_MONEY_MONEY_H_
#define STOREFRONT_MONEY_MONEY_H_

#include <cstdint>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "storefront/money/currency.h"
#include "storefront/money/decimal.h"
#include "storefront/money/rounding.h"

namespace storefront {

class Money {
 public:
  // Parses "19.99" in `currency`. More fraction digits than the currency has is
  // `too_many_fraction_digits`; malformed text is `invalid_amount`; beyond int64 minor units is
  // `amount_out_of_range`.
  static absl::StatusOr<Money> Parse(absl::string_view text, const Currency& currency);

  // As above, but extra fraction digits (any number of them) are rounded with `rounding`.
  static absl::StatusOr<Money> Parse(absl::string_view text, const Currency& currency, RoundingMode rounding);

  static constexpr Money FromMinorUnits(int64_t minor_units, const Currency& currency) {
    return Money(minor_units, currency);
  }
  static constexpr Money Zero(const Currency& currency) { return Money(0, currency); }

  int64_t minor_units() const { return minor_units_; }
  const Currency& currency() const { return *currency_; }
  bool is_zero() const { return minor_units_ == 0; }
  bool is_negative() const { return minor_units_ < 0; }

  // "19.99", "-0.50", "1200" (JPY), "1.234" (KWD).
  std::string ToString() const;

  absl::StatusOr<Money> Plus(const Money& other) const;
  absl::StatusOr<Money> Minus(const Money& other) const;
  absl::StatusOr<Money> Negated() const;
  absl::StatusOr<Money> Times(int64_t quantity) const;
  // amount × rate computed exactly with a 128-bit intermediate, rounded once to minor units.
  absl::StatusOr<Money> Times(const Decimal& rate, RoundingMode rounding) const;
  // This amount in `target` at `rate` (target units per unit of this currency), computed exactly
  // across the two currencies' minor digits (EUR 2, JPY 0, KWD 3) and rounded once.
  absl::StatusOr<Money> ConvertedTo(const Currency& target, const Decimal& rate, RoundingMode rounding) const;
  // Rounds to a multiple of the currency's cash increment (CHF 0.05). An explicit operation:
  // nothing in the pipeline cash-rounds unless asked.
  absl::StatusOr<Money> RoundedToCash(RoundingMode rounding) const;

  friend bool operator==(const Money& a, const Money& b) {
    return a.currency_ == b.currency_ && a.minor_units_ == b.minor_units_;
  }
  friend bool operator!=(const Money& a, const Money& b) { return !(a == b); }

 private:
  constexpr Money(int64_t minor_units, const Currency& currency) : minor_units_(minor_units), currency_(&currency) {}

  absl::Status CheckSameCurrency(const Money& other) const;

  int64_t minor_units_;
  const Currency* currency_;
};

// Checked conversion of an exact 128-bit result back to minor units: `arithmetic_overflow`
// when it does not fit int64.
absl::StatusOr<Money> MoneyFromInt128(absl::int128 minor_units, const Currency& currency);

// A money map ({"EUR": "10.00", "USD": "12.00"}) holds at most one amount per currency: the one
// for `currency`, or nullptr. Amounts are never converted to fill a gap.
const Money* AmountIn(const std::vector<Money>& amounts, const Currency& currency);

}  // namespace storefront

#endif  // STOREFRONT_MONEY_MONEY_H_
