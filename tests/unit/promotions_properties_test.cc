// Promotions guarantees checked as properties over many carts, where one vector per case would
// not do: line order never matters, nothing goes below its floor or zero, discounts add up
// exactly, huge quantities cost no more than small ones, and best-for-customer is never worse
// than priority mode. The exact semantics are pinned by tests/vectors/promotions.
#include <algorithm>
#include <cstdint>
#include <map>
#include <string>
#include <tuple>
#include <vector>

#include "absl/strings/str_cat.h"
#include "gtest/gtest.h"
#include "storefront/codec/json_api.h"
#include "storefront/engine/engine.h"

namespace storefront {
namespace {

// Prices chosen so that shares and groups leave remainders: 3.33, 7.77, 19.99 ...
constexpr char kCatalog[] = R"(
  "schema_version": 1,
  "currencies": ["EUR"],
  "categories": [{"id": "socks"}, {"id": "tops"}, {"id": "home"}],
  "products": [
    {"id": "sock", "title": "Sock", "categories": ["socks"], "variants": [
      {"sku": "SOCK-A", "prices": {"EUR": "3.33"}}, {"sku": "SOCK-B", "prices": {"EUR": "4.10"}}]},
    {"id": "tee", "title": "Tee", "categories": ["tops"], "min_margin": "0.25", "variants": [
      {"sku": "TEE", "prices": {"EUR": "19.99"}, "unit_cost": {"EUR": "9.00"}}]},
    {"id": "cap", "title": "Cap", "categories": ["tops"], "variants": [
      {"sku": "CAP", "prices": {"EUR": "7.77"}, "min_price": {"EUR": "6.00"}}]},
    {"id": "mug", "title": "Mug", "categories": ["home"], "variants": [{"sku": "MUG", "prices": {"EUR": "11.00"}}]},
    {"id": "vase", "title": "Vase", "categories": ["home"], "variants": [{"sku": "VASE", "prices": {"EUR": "23.45"}}]}
  ])";

// Aggressive on purpose: stacked percentages, amounts larger than lines, every unit action.
constexpr char kPromotions[] = R"(
  "promotions": [
    {"id": "half", "priority": 9, "action": {"type": "percent_off", "percent": "50", "items": [{"category": "tops"}]}},
    {"id": "all-off", "priority": 8, "action": {"type": "percent_off", "percent": "100", "items": [{"sku": "CAP"}]}},
    {"id": "b2g1", "priority": 7, "action": {"type": "buy_x_get_y", "buy": {"items": [{"category": "socks"}], "quantity": 2},
      "get": {"quantity": 1}, "discount": {"percent": "100"}}},
    {"id": "3for10", "priority": 6, "action": {"type": "n_for_x", "quantity": 3, "price": {"EUR": "10.00"},
      "items": [{"category": "socks"}]}},
    {"id": "bundle", "priority": 5, "action": {"type": "bundle", "price": {"EUR": "25.00"}, "components": [
      {"items": [{"sku": "MUG"}], "quantity": 1}, {"items": [{"sku": "VASE"}], "quantity": 1}]}},
    {"id": "ten-off", "priority": 4, "action": {"type": "order_amount_off", "amount": {"EUR": "10.00"}}},
    {"id": "tiered", "priority": 3, "action": {"type": "tiered_spend", "tiers": [
      {"min": {"EUR": "20.00"}, "percent": "7"}, {"min": {"EUR": "60.00"}, "percent": "13"}]}},
    {"id": "huge-off", "priority": 2, "action": {"type": "amount_off_items", "amount": {"EUR": "1000.00"}}}
  ])";

std::string Snapshot(absl::string_view selection) {
  return absl::StrCat("{", kCatalog, ",", kPromotions, R"(,"settings": {"promotion_selection": ")", selection,
                      R"(", "limits": {"max_quantity": 1000000}}})");
}

struct Line {
  std::string id;
  std::string sku;
  int quantity;
};

std::string Cart(const std::vector<Line>& lines) {
  std::string out = R"({"currency": "EUR", "at": "2026-11-22T10:00:00Z", "lines": [)";
  for (size_t i = 0; i < lines.size(); ++i) {
    absl::StrAppend(&out, i ? "," : "", R"({"id": ")", lines[i].id, R"(", "sku": ")", lines[i].sku,
                    R"(", "quantity": )", lines[i].quantity, "}");
  }
  return out + "]}";
}

PricedCart Price(const Engine& engine, const std::vector<Line>& lines) {
  absl::StatusOr<CartRequest> request = ParseCartJson(Cart(lines), engine.snapshot());
  EXPECT_TRUE(request.ok()) << request.status();
  absl::StatusOr<PricedCart> priced = engine.Price(*request);
  EXPECT_TRUE(priced.ok()) << priced.status();
  return *priced;
}

// Each line's discounts by line id: what must not depend on the order of the request.
std::map<std::string, std::vector<std::pair<std::string, int64_t>>> DiscountsById(const PricedCart& cart) {
  std::map<std::string, std::vector<std::pair<std::string, int64_t>>> by_id;
  for (const PricedLine& line : cart.lines) {
    auto& entry = by_id[line.line_id.value_or(line.sku)];
    for (const AppliedDiscount& discount : line.discounts)
      entry.emplace_back(discount.promotion, discount.amount.minor_units());
  }
  return by_id;
}

// A deterministic stream of small cart shapes.
std::vector<std::vector<Line>> SampleCarts() {
  const char* skus[] = {"SOCK-A", "SOCK-B", "TEE", "CAP", "MUG", "VASE"};
  std::vector<std::vector<Line>> carts;
  uint64_t state = 7;
  for (int c = 0; c < 60; ++c) {
    std::vector<Line> lines;
    for (int i = 0; i < 6; ++i) {
      state = state * 6364136223846793005ULL + 1442695040888963407ULL;
      if ((state >> 60) < 4) continue;  // about a quarter of the lines are left out
      lines.push_back({absl::StrCat("l", i), skus[i], static_cast<int>(1 + (state >> 33) % 7)});
    }
    carts.push_back(lines);
  }
  return carts;
}

TEST(PromotionsPropertiesTest, LineOrderNeverChangesTotalsOrLineDiscounts) {
  for (const char* selection : {"priority", "best_for_customer"}) {
    auto engine = *CreateEngineFromJson(Snapshot(selection));
    for (std::vector<Line> lines : SampleCarts()) {
      const PricedCart reference = Price(*engine, lines);
      std::reverse(lines.begin(), lines.end());
      const PricedCart reversed = Price(*engine, lines);
      std::rotate(lines.begin(), lines.begin() + lines.size() / 2, lines.end());
      const PricedCart rotated = Price(*engine, lines);
      for (const PricedCart* other : {&reversed, &rotated}) {
        EXPECT_EQ(other->totals.total, reference.totals.total) << Cart(lines);
        EXPECT_EQ(DiscountsById(*other), DiscountsById(reference)) << Cart(lines);
      }
    }
  }
}

TEST(PromotionsPropertiesTest, NothingGoesBelowItsFloorOrZeroAndDiscountsAddUp) {
  const std::map<std::string, int64_t> unit_floors = {{"TEE", 1125}, {"CAP", 600}};  // 9.00 × 1.25; min_prices
  for (const char* selection : {"priority", "best_for_customer"}) {
    auto engine = *CreateEngineFromJson(Snapshot(selection));
    for (const std::vector<Line>& lines : SampleCarts()) {
      const PricedCart cart = Price(*engine, lines);
      int64_t discounts = 0;
      for (const PricedLine& line : cart.lines) {
        int64_t line_sum = 0;
        for (const AppliedDiscount& discount : line.discounts) {
          EXPECT_GT(discount.amount.minor_units(), 0);
          line_sum += discount.amount.minor_units();
        }
        EXPECT_EQ(line_sum, line.discount_total.minor_units());
        const auto floor = unit_floors.find(line.sku);
        const int64_t minimum = floor == unit_floors.end() ? 0 : floor->second * line.quantity;
        EXPECT_GE(line.total.minor_units(), std::min(minimum, line.subtotal.minor_units())) << line.sku;
        discounts += line_sum;
      }
      EXPECT_EQ(discounts, cart.totals.discount_total.minor_units());
      EXPECT_GE(cart.totals.total.minor_units(), 0);
    }
  }
}

TEST(PromotionsPropertiesTest, BestForCustomerNeverSavesLessThanPriority) {
  auto priority = *CreateEngineFromJson(Snapshot("priority"));
  auto best = *CreateEngineFromJson(Snapshot("best_for_customer"));
  for (const std::vector<Line>& lines : SampleCarts()) {
    EXPECT_LE(Price(*best, lines).totals.total.minor_units(), Price(*priority, lines).totals.total.minor_units())
        << Cart(lines);
  }
}

TEST(PromotionsPropertiesTest, AMillionUnitsArePricedInGroupsNotOneByOne) {
  auto engine = *CreateEngineFromJson(Snapshot("priority"));
  // 1,000,000 SOCK-A at 3.33: buy 2 get 1 first takes 333,333 free units (the cheapest: all
  // the same); 3 for 10.00 then sees 666,667 units at 3.33 → 222,222 groups of 9.99, which cost
  // less than 10.00 and are left alone.
  const PricedCart cart = Price(*engine, {{"a", "SOCK-A", 1000000}});
  EXPECT_EQ(cart.lines[0].discounts[0].promotion, "b2g1");
  EXPECT_EQ(cart.lines[0].discounts[0].amount.minor_units(), 333333 * 333);
}

}  // namespace
}  // namespace storefront
