#include "storefront/money/allocation.h"

#include <cstdint>
#include <limits>
#include <numeric>
#include <vector>

#include "gtest/gtest.h"
#include "storefront/base/error.h"

namespace storefront {
namespace {

const Currency& Eur() { return *FindCurrency("EUR"); }

int64_t Sum(const std::vector<Money>& parts) {
  int64_t total = 0;
  for (const Money& part : parts) total += part.minor_units();
  return total;
}

// Property: for many amounts and weight sets, parts sum exactly, differ from the exact share by
// less than one unit, and a negative amount splits as the mirror image.
TEST(AllocationTest, PartsSumExactlyAndStayWithinOneUnitOfTheExactShare) {
  const std::vector<std::vector<int64_t>> weight_sets = {
      {1}, {1, 1, 1}, {0, 1, 1}, {3, 7, 11, 13}, {1, 2, 3, 4, 5, 6, 7}, {1000000, 1, 1}, {5, 0, 5, 0, 5}};
  for (const auto& weights : weight_sets) {
    const int64_t total_weight = std::accumulate(weights.begin(), weights.end(), int64_t{0});
    for (int64_t amount = 0; amount <= 1000; amount += 7) {
      const auto parts = *Allocate(Money::FromMinorUnits(amount, Eur()), weights);
      ASSERT_EQ(Sum(parts), amount);
      for (size_t i = 0; i < weights.size(); ++i) {
        const int64_t exact_floor = amount * weights[i] / total_weight;
        EXPECT_GE(parts[i].minor_units(), exact_floor);
        EXPECT_LE(parts[i].minor_units(), exact_floor + 1);
        if (weights[i] == 0) EXPECT_EQ(parts[i].minor_units(), 0);
      }
      const auto refund = *Allocate(Money::FromMinorUnits(-amount, Eur()), weights);
      for (size_t i = 0; i < weights.size(); ++i) EXPECT_EQ(refund[i].minor_units(), -parts[i].minor_units());
    }
  }
}

TEST(AllocationTest, ExtremeAmountsAndWeightsDoNotOverflow) {
  const int64_t max = std::numeric_limits<int64_t>::max();
  const auto parts = *Allocate(Money::FromMinorUnits(max, Eur()), std::vector<int64_t>{max, max, 1});
  EXPECT_EQ(Sum(parts), max);
  const auto negative =
      *Allocate(Money::FromMinorUnits(std::numeric_limits<int64_t>::min(), Eur()), std::vector<int64_t>{1, 1});
  EXPECT_EQ(negative[0].minor_units(), std::numeric_limits<int64_t>::min() / 2);
}

TEST(AllocationTest, RejectsWeightsThatCannotSplit) {
  const Money amount = Money::FromMinorUnits(100, Eur());
  EXPECT_EQ(ErrorCodeOf(Allocate(amount, std::vector<int64_t>{}).status()), "invalid_weights");
  EXPECT_EQ(ErrorCodeOf(Allocate(amount, std::vector<int64_t>{0, 0}).status()), "invalid_weights");
  const absl::Status negative = Allocate(amount, std::vector<int64_t>{1, -1}).status();
  EXPECT_EQ(ErrorCodeOf(negative), "invalid_weights");
  EXPECT_EQ(ErrorPathOf(negative), "/1");
}

TEST(AllocationTest, DecimalWeightsMatchTheirIntegerEquivalent) {
  const Money amount = Money::FromMinorUnits(1001, Eur());
  const std::vector<Decimal> decimals = {*Decimal::Parse("0.5"), *Decimal::Parse("0.25"), *Decimal::Parse("0.250")};
  const auto from_decimals = *Allocate(amount, decimals);
  const auto from_integers = *Allocate(amount, std::vector<int64_t>{500, 250, 250});
  EXPECT_EQ(from_decimals, from_integers);
}

}  // namespace
}  // namespace storefront
