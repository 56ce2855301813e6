// Money invariants the vectors cannot reach through JSON: the C++ API itself.
#include "storefront/money/money.h"

#include <limits>

#include "gtest/gtest.h"
#include "storefront/base/error.h"

namespace storefront {
namespace {

const Currency& Eur() { return *FindCurrency("EUR"); }
const Currency& Jpy() { return *FindCurrency("JPY"); }

TEST(CurrencyTest, TableIsSortedAndComplete) {
  const auto all = AllCurrencies();
  ASSERT_GT(all.size(), 100u);
  for (size_t i = 1; i < all.size(); ++i) EXPECT_LT(all[i - 1].code, all[i].code);
  EXPECT_EQ(FindCurrency("KWD")->minor_digits, 3);
  EXPECT_EQ(FindCurrency("CHF")->cash_increment, 5);
  EXPECT_EQ(FindCurrency("eur"), nullptr);
  EXPECT_EQ(ErrorCodeOf(LookUpCurrency("XYZ").status()), "unknown_currency");
}

TEST(MoneyTest, RoundTripsItsTextForm) {
  for (const char* text : {"0.00", "19.99", "-0.50", "92233720368547758.07", "-92233720368547758.08"}) {
    absl::StatusOr<Money> money = Money::Parse(text, Eur());
    ASSERT_TRUE(money.ok()) << text;
    EXPECT_EQ(money->ToString(), text);
  }
  EXPECT_EQ(Money::Parse("1200", Jpy())->ToString(), "1200");
}

TEST(MoneyTest, ArithmeticIsCheckedNeverWrapped) {
  const Money max = Money::FromMinorUnits(std::numeric_limits<int64_t>::max(), Eur());
  const Money min = Money::FromMinorUnits(std::numeric_limits<int64_t>::min(), Eur());
  const Money cent = Money::FromMinorUnits(1, Eur());
  EXPECT_EQ(ErrorCodeOf(max.Plus(cent).status()), "arithmetic_overflow");
  EXPECT_EQ(ErrorCodeOf(min.Minus(cent).status()), "arithmetic_overflow");
  EXPECT_EQ(ErrorCodeOf(min.Negated().status()), "arithmetic_overflow");
  EXPECT_EQ(ErrorCodeOf(max.Times(2).status()), "arithmetic_overflow");
  EXPECT_EQ(ErrorCodeOf(min.Times(-1).status()), "arithmetic_overflow");
  EXPECT_EQ(max.Minus(cent)->minor_units(), std::numeric_limits<int64_t>::max() - 1);
}

TEST(MoneyTest, NeverMixesCurrencies) {
  const Money eur = Money::FromMinorUnits(100, Eur());
  const Money jpy = Money::FromMinorUnits(100, Jpy());
  EXPECT_EQ(ErrorCodeOf(eur.Plus(jpy).status()), "currency_mismatch");
  EXPECT_EQ(ErrorCodeOf(eur.Minus(jpy).status()), "currency_mismatch");
  EXPECT_NE(eur, jpy);
}

TEST(MoneyTest, RateProductsAreExactBeforeTheSingleRounding) {
  // 0.01 × 0.5 = 0.005: a tie that only exact arithmetic sees as a tie.
  const Decimal half = *Decimal::Parse("0.5");
  const Money cent = Money::FromMinorUnits(1, Eur());
  EXPECT_EQ(cent.Times(half, RoundingMode::kHalfEven)->minor_units(), 0);
  EXPECT_EQ(cent.Times(half, RoundingMode::kHalfAwayFromZero)->minor_units(), 1);
  // The largest amount times the largest rate still fits the 128-bit intermediate.
  const Decimal big = *Decimal::Parse("999999999999999999");
  const Money max = Money::FromMinorUnits(std::numeric_limits<int64_t>::max(), Eur());
  EXPECT_EQ(ErrorCodeOf(max.Times(big, RoundingMode::kHalfEven).status()), "arithmetic_overflow");
}

TEST(MoneyTest, ConversionScalesAcrossMinorDigitsAndRoundsOnce) {
  const Decimal eur_to_jpy = *Decimal::Parse("162.35");
  // 20.00 EUR = 2000 cents; 20 × 162.35 = 3247 yen exactly.
  EXPECT_EQ(Money::FromMinorUnits(2000, Eur()).ConvertedTo(Jpy(), eur_to_jpy, RoundingMode::kHalfEven)->ToString(),
            "3247");
  // 1 yen at 0.0061 EUR/JPY = 0.0061 EUR: rounds once, to 0.01 (half-even) or 0.00 (floor).
  const Decimal jpy_to_eur = *Decimal::Parse("0.0061");
  EXPECT_EQ(Money::FromMinorUnits(1, Jpy()).ConvertedTo(Eur(), jpy_to_eur, RoundingMode::kHalfEven)->ToString(),
            "0.01");
  EXPECT_EQ(Money::FromMinorUnits(1, Jpy()).ConvertedTo(Eur(), jpy_to_eur, RoundingMode::kFloor)->ToString(), "0.00");
  // Three minor digits: 1.00 EUR at 0.3315 KWD/EUR = 0.3315 KWD -> 0.332 (half-even on 331.5 fils).
  EXPECT_EQ(Money::FromMinorUnits(100, Eur())
                .ConvertedTo(*FindCurrency("KWD"), *Decimal::Parse("0.3315"), RoundingMode::kHalfEven)
                ->ToString(),
            "0.332");
}

TEST(DecimalTest, KeepsItsWrittenScale) {
  EXPECT_EQ(Decimal::Parse("0.190")->ToString(), "0.190");
  EXPECT_EQ(Decimal::Parse("-12.5")->coefficient(), -125);
  EXPECT_EQ(Decimal::Parse("0.000000000001")->scale(), 12);
  EXPECT_EQ(ErrorCodeOf(Decimal::Parse("0.0000000000001").status()), "invalid_value");
  EXPECT_EQ(ErrorCodeOf(Decimal::Parse("1234567890123456789").status()), "invalid_value");
}

TEST(MoneyTest, CashRoundingUsesTheCurrencyIncrement) {
  const Currency& chf = *FindCurrency("CHF");
  EXPECT_EQ(Money::FromMinorUnits(103, chf).RoundedToCash(RoundingMode::kHalfAwayFromZero)->ToString(), "1.05");
  EXPECT_EQ(Money::FromMinorUnits(-103, chf).RoundedToCash(RoundingMode::kHalfAwayFromZero)->ToString(), "-1.05");
  EXPECT_EQ(Money::FromMinorUnits(1999, Eur()).RoundedToCash(RoundingMode::kFloor)->ToString(), "19.99");
}

}  // namespace
}  // namespace storefront
