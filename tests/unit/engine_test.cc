#include "storefront/engine/engine.h"

#include <string>
#include <thread>
#include <vector>

#include "gtest/gtest.h"
#include "storefront/base/error.h"
#include "storefront/codec/json_api.h"
#include "test_data.h"

namespace storefront {
namespace {

std::unique_ptr<const Engine> MakeEngine() { return *CreateEngineFromJson(testing_data::kSnapshot); }

TEST(EngineTest, PricesLinesAndTotals) {
  auto engine = MakeEngine();
  const PricedCart priced = *engine->Price(*ParseCartJson(testing_data::kCart, engine->snapshot()));
  ASSERT_EQ(priced.lines.size(), 2u);
  EXPECT_EQ(priced.lines[0].subtotal.ToString(), "39.98");
  EXPECT_EQ(priced.totals.subtotal.ToString(), "47.48");
  EXPECT_EQ(priced.totals.total.ToString(), "47.48");
  EXPECT_EQ(priced.totals.item_count, 3);
  EXPECT_TRUE(priced.issues.empty());
}

TEST(EngineTest, AMissingPriceIsAnIssueNotAnError) {
  auto engine = MakeEngine();
  CartRequest cart = *ParseCartJson(testing_data::kCart, engine->snapshot());
  cart.currency = FindCurrency("JPY");
  const PricedCart priced = *engine->Price(cart);
  EXPECT_EQ(priced.lines[1].status, LineStatus::kUnavailable);
  EXPECT_EQ(priced.totals.subtotal.ToString(), "5800");
  ASSERT_EQ(priced.issues.size(), 1u);
  EXPECT_EQ(priced.issues[0].code, "price_unavailable");
  EXPECT_EQ(priced.issues[0].path, "/lines/1/sku");
}

TEST(EngineTest, RejectsRequestsBeforeAnyStageRuns) {
  auto engine = MakeEngine();
  CartRequest cart = *ParseCartJson(testing_data::kCart, engine->snapshot());
  cart.currency = FindCurrency("USD");
  EXPECT_EQ(ErrorCodeOf(engine->Price(cart).status()), "currency_not_allowed");
  cart.currency = FindCurrency("EUR");
  cart.lines[1].id = "a";
  EXPECT_EQ(ErrorPathOf(engine->Price(cart).status()), "/lines/1/id");
  cart.lines[1].id.reset();
  cart.lines[1].quantity = 11;
  EXPECT_EQ(ErrorCodeOf(engine->Price(cart).status()), "quantity_out_of_range");
}

TEST(EngineTest, ResultDoesNotDependOnLineOrderBeyondEchoingIt) {
  auto engine = MakeEngine();
  CartRequest cart = *ParseCartJson(testing_data::kCart, engine->snapshot());
  const PricedCart forward = *engine->Price(cart);
  std::swap(cart.lines[0], cart.lines[1]);
  const PricedCart reversed = *engine->Price(cart);
  EXPECT_EQ(forward.totals.total, reversed.totals.total);
  EXPECT_EQ(forward.lines[0].subtotal, reversed.lines[1].subtotal);
}

// Price() is const and shares nothing mutable: many threads, one engine, identical bytes.
TEST(EngineTest, PricesConcurrentlyWithIdenticalResults) {
  auto engine = MakeEngine();
  const std::string expected = PriceCartJson(*engine, testing_data::kCart);
  std::vector<std::thread> threads;
  std::vector<int> mismatches(8, 0);
  for (int t = 0; t < 8; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < 200; ++i) mismatches[t] += PriceCartJson(*engine, testing_data::kCart) != expected;
    });
  }
  for (std::thread& thread : threads) thread.join();
  for (int count : mismatches) EXPECT_EQ(count, 0);
}

}  // namespace
}  // namespace storefront
