// Price rounding rules and price history: the arithmetic the vectors reach only through whole
// carts, checked exhaustively here.
#include "storefront/pricing/price_rules.h"

#include "gtest/gtest.h"

namespace storefront {
namespace {

const Currency& Eur() { return *FindCurrency("EUR"); }
Money Eur(int64_t cents) { return Money::FromMinorUnits(cents, Eur()); }

PriceRoundingRule Ending99(PriceRoundingRule::Direction direction) {
  PriceRoundingRule rule;
  rule.currency = &Eur();
  rule.remainder = 99;
  rule.modulus = 100;
  rule.direction = direction;
  return rule;
}

TEST(PriceRoundingRuleTest, EndingsMoveToTheRightCandidate) {
  using Direction = PriceRoundingRule::Direction;
  EXPECT_EQ(Ending99(Direction::kDown).Apply(Eur(1850))->ToString(), "17.99");
  EXPECT_EQ(Ending99(Direction::kUp).Apply(Eur(1850))->ToString(), "18.99");
  EXPECT_EQ(Ending99(Direction::kNearest).Apply(Eur(1850))->ToString(), "18.99");  // 0.51 vs 0.49
  EXPECT_EQ(Ending99(Direction::kNearest).Apply(Eur(1849))->ToString(), "18.99");  // tie goes up
  EXPECT_EQ(Ending99(Direction::kNearest).Apply(Eur(1848))->ToString(), "17.99");
  EXPECT_EQ(Ending99(Direction::kDown).Apply(Eur(1799))->ToString(), "17.99");  // already there
}

TEST(PriceRoundingRuleTest, NeverTakesAPositivePriceToZeroOrBelow) {
  for (auto direction : {PriceRoundingRule::Direction::kDown, PriceRoundingRule::Direction::kNearest}) {
    for (int64_t cents = 1; cents <= 300; ++cents) {
      const Money rounded = *Ending99(direction).Apply(Eur(cents));
      ASSERT_GT(rounded.minor_units(), 0) << cents;
      ASSERT_EQ(rounded.minor_units() % 100, 99) << cents;
    }
  }
  PriceRoundingRule whole = Ending99(PriceRoundingRule::Direction::kDown);
  whole.remainder = 0;  // ending "0.00"
  EXPECT_EQ(whole.Apply(Eur(50))->ToString(), "1.00");
}

TEST(PriceRoundingRuleTest, WholeUnitEndingsAndIncrements) {
  PriceRoundingRule nine = Ending99(PriceRoundingRule::Direction::kDown);
  nine.remainder = 900;  // ending "9": ...9.00
  nine.modulus = 1000;
  EXPECT_EQ(nine.Apply(Eur(2450))->ToString(), "19.00");
  PriceRoundingRule nickel = Ending99(PriceRoundingRule::Direction::kNearest);
  nickel.remainder = 0;
  nickel.modulus = 5;
  EXPECT_EQ(nickel.Apply(Eur(1002))->ToString(), "10.00");
  EXPECT_EQ(nickel.Apply(Eur(1003))->ToString(), "10.05");
}

TEST(PriceHistoryTest, LowestPriceOfTheWindowIncludesThePriceInForceAtItsStart) {
  PriceHistory history;
  history.currency = &Eur();
  const absl::Time day0 = absl::FromUnixSeconds(1'790'000'000);
  const auto day = [&](int n) { return day0 + absl::Hours(24 * n); };
  history.points = {{day(0), Eur(9900)}, {day(10), Eur(12900)}, {day(50), Eur(11900)}};
  // Window [day 45, day 75): 129.00 is in force at its start, 119.00 from day 50.
  EXPECT_EQ(history.LowestBetween(day(45), day(75))->ToString(), "119.00");
  // Window [day 5, day 35): 99.00 in force at its start.
  EXPECT_EQ(history.LowestBetween(day(5), day(35))->ToString(), "99.00");
  // A window before any history has nothing to report.
  EXPECT_FALSE(history.LowestBetween(day(-40), day(-10)).has_value());
}

TEST(TimeWindowTest, FromIsInclusiveUntilIsExclusive) {
  const absl::Time t = absl::FromUnixSeconds(1'790'000'000);
  const TimeWindow window{t, t + absl::Hours(1)};
  EXPECT_TRUE(window.Contains(t));
  EXPECT_FALSE(window.Contains(t + absl::Hours(1)));
  EXPECT_FALSE(window.Contains(t - absl::Seconds(1)));
}

}  // namespace
}  // namespace storefront
