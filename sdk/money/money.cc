#include "storefront/money/money.h"

#include <limits>

#include "absl/strings/str_cat.h"
#include "money/decimal_text.h"
#include "money/digits.h"
#include "storefront/base/error.h"
#include "storefront/base/status_macros.h"

namespace storefront {
namespace {

constexpr int64_t kMax = std::numeric_limits<int64_t>::max();
constexpr int64_t kMin = std::numeric_limits<int64_t>::min();

bool FitsInt64(absl::int128 value) { return value >= kMin && value <= kMax; }

absl::Status Overflow(absl::string_view what) {
  return InputError(error_code::kArithmeticOverflow, absl::StrCat(what, " does not fit in 64-bit minor units"));
}

// Where the digits dropped by rounding sit relative to one half of the last kept unit, encoded
// as quarters so that DivideAndRound can apply any mode: 0 exact, 1 below half, 2 half, 3 above.
int DroppedQuarters(absl::string_view dropped) {
  const absl::string_view significant = money_internal::StripLeadingZeros(dropped);
  if (significant.empty()) return 0;
  if (dropped.front() != '5') return dropped.front() < '5' ? 1 : 3;
  return money_internal::StripLeadingZeros(dropped.substr(1)).empty() ? 2 : 3;
}

absl::StatusOr<Money> ParseImpl(absl::string_view text, const Currency& currency, const RoundingMode* rounding) {
  SF_ASSIGN_OR_RETURN(money_internal::DecimalText parts,
                      money_internal::SplitDecimalText(text, error_code::kInvalidAmount));
  const size_t digits = static_cast<size_t>(currency.minor_digits);
  absl::string_view kept_fraction = parts.fraction_digits.substr(0, digits);
  const absl::string_view dropped = parts.fraction_digits.substr(kept_fraction.size());
  if (!dropped.empty() && rounding == nullptr) {
    return InputError(error_code::kTooManyFractionDigits,
                      absl::StrCat("\"", text, "\" has more fraction digits than ", currency.code, " allows (",
                                   currency.minor_digits, ")"));
  }
  const absl::string_view integer = money_internal::StripLeadingZeros(parts.integer_digits);
  // 20 integer digits already exceed int64 minor units for every currency.
  if (integer.size() > 20) {
    return InputError(error_code::kAmountOutOfRange,
                      absl::StrCat("\"", text, "\" is beyond the int64 range of ", currency.code));
  }
  absl::int128 magnitude =
      money_internal::DigitsToInt128(integer) * money_internal::PowerOfTen(currency.minor_digits) +
      money_internal::DigitsToInt128(kept_fraction) *
          money_internal::PowerOfTen(currency.minor_digits - static_cast<int32_t>(kept_fraction.size()));
  absl::int128 value = parts.negative ? -magnitude : magnitude;
  if (!dropped.empty()) {
    const int quarters = DroppedQuarters(dropped);
    const absl::int128 scaled = value * 4 + (parts.negative ? -quarters : quarters);
    value = DivideAndRound(scaled, 4, *rounding);
  }
  if (!FitsInt64(value)) {
    return InputError(error_code::kAmountOutOfRange,
                      absl::StrCat("\"", text, "\" is beyond the int64 range of ", currency.code));
  }
  return Money::FromMinorUnits(static_cast<int64_t>(value), currency);
}

}  // namespace

absl::StatusOr<Money> MoneyFromInt128(absl::int128 minor_units, const Currency& currency) {
  if (!FitsInt64(minor_units)) return Overflow("the result");
  return Money::FromMinorUnits(static_cast<int64_t>(minor_units), currency);
}

absl::StatusOr<Money> Money::Parse(absl::string_view text, const Currency& currency) {
  return ParseImpl(text, currency, nullptr);
}

absl::StatusOr<Money> Money::Parse(absl::string_view text, const Currency& currency, RoundingMode rounding) {
  return ParseImpl(text, currency, &rounding);
}

std::string Money::ToString() const { return money_internal::FormatScaled(minor_units_, currency_->minor_digits); }

absl::Status Money::CheckSameCurrency(const Money& other) const {
  if (currency_ == other.currency_) return absl::OkStatus();
  return InputError(error_code::kCurrencyMismatch,
                    absl::StrCat("cannot combine ", currency_->code, " with ", other.currency_->code));
}

absl::StatusOr<Money> Money::Plus(const Money& other) const {
  SF_RETURN_IF_ERROR(CheckSameCurrency(other));
  int64_t sum;
  if (__builtin_add_overflow(minor_units_, other.minor_units_, &sum)) return Overflow("the sum");
  return Money(sum, *currency_);
}

absl::StatusOr<Money> Money::Minus(const Money& other) const {
  SF_RETURN_IF_ERROR(CheckSameCurrency(other));
  int64_t difference;
  if (__builtin_sub_overflow(minor_units_, other.minor_units_, &difference)) return Overflow("the difference");
  return Money(difference, *currency_);
}

absl::StatusOr<Money> Money::Negated() const {
  if (minor_units_ == kMin) return Overflow("the negation");
  return Money(-minor_units_, *currency_);
}

absl::StatusOr<Money> Money::Times(int64_t quantity) const {
  int64_t product;
  if (__builtin_mul_overflow(minor_units_, quantity, &product)) return Overflow("the product");
  return Money(product, *currency_);
}

absl::StatusOr<Money> Money::Times(const Decimal& rate, RoundingMode rounding) const {
  // |minor| < 2^63 and |coefficient| < 10^18 < 2^60, so the product fits in int128.
  const absl::int128 exact = absl::int128(minor_units_) * rate.coefficient();
  return MoneyFromInt128(DivideAndRound(exact, money_internal::PowerOfTen(rate.scale()), rounding), *currency_);
}

absl::StatusOr<Money> Money::ConvertedTo(const Currency& target, const Decimal& rate, RoundingMode rounding) const {
  // minor × rate × 10^(target digits − own digits), as one fraction so that only the result is
  // rounded. |minor| < 2^63, coefficient < 10^18 and the digit factor <= 10^4 keep it in int128.
  const int32_t digit_shift = target.minor_digits - currency_->minor_digits;
  const absl::int128 numerator =
      absl::int128(minor_units_) * rate.coefficient() * money_internal::PowerOfTen(digit_shift > 0 ? digit_shift : 0);
  const absl::int128 denominator =
      money_internal::PowerOfTen(rate.scale()) * money_internal::PowerOfTen(digit_shift < 0 ? -digit_shift : 0);
  return MoneyFromInt128(DivideAndRound(numerator, denominator, rounding), target);
}

absl::StatusOr<Money> Money::RoundedToCash(RoundingMode rounding) const {
  const int64_t increment = currency_->cash_increment;
  const absl::int128 steps = DivideAndRound(minor_units_, increment, rounding);
  return MoneyFromInt128(steps * increment, *currency_);
}

const Money* AmountIn(const std::vector<Money>& amounts, const Currency& currency) {
  for (const Money& amount : amounts) {
    if (&amount.currency() == &currency) return &amount;
  }
  return nullptr;
}

}  // namespace storefront
