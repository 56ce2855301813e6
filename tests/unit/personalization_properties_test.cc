// Personalization guarantees checked over many customers and carts, where one vector per case
// would not do: assignment follows the weights and coverage, namespaces never overlap, a replay
// with the served variations forced prices identically, and suggestions never propose what the
// cart already has or cannot be sold. The exact semantics are pinned by
// tests/vectors/personalization and tests/vectors/experiments.
#include <algorithm>
#include <map>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "gtest/gtest.h"
#include "storefront/codec/json_api.h"
#include "storefront/engine/engine.h"

namespace storefront {
namespace {

constexpr char kSnapshot[] = R"({
  "schema_version": 1,
  "currencies": ["EUR", "USD"],
  "categories": [{"id": "coffee"}, {"id": "gear"}],
  "products": [
    {"id": "beans", "title": "Beans", "categories": ["coffee"], "variants": [
      {"sku": "BEANS-250", "prices": {"EUR": "8.90"}, "unit_cost": {"EUR": "4.00"}},
      {"sku": "BEANS-1KG", "prices": {"EUR": "29.00"}, "unit_cost": {"EUR": "15.00"}}]},
    {"id": "mug", "title": "Mug", "categories": ["gear"], "variants": [{"sku": "MUG", "prices": {"EUR": "12.00"}}]},
    {"id": "press", "title": "Press", "categories": ["gear"], "variants": [{"sku": "PRESS", "prices": {"EUR": "34.00"}}]},
    {"id": "filters", "title": "Filters", "categories": ["gear"], "variants": [{"sku": "FILTERS", "prices": {"EUR": "3.50"}}]},
    {"id": "grinder", "title": "Grinder", "categories": ["gear"], "variants": [{"sku": "GRINDER", "prices": {"USD": "50.00"}}]}
  ],
  "price_lists": [{"id": "mug-test", "currency": "EUR", "entries": [{"sku": "MUG", "price": "9.00"}]}],
  "shipping": {
    "zones": [{"id": "de", "countries": ["DE"]}],
    "methods": [{"id": "standard", "name": "Standard",
                 "rates": [{"zone": "de", "type": "flat", "amount": {"EUR": "4.90"}, "free_over": {"EUR": "50.00"}}]}]
  },
  "segments": [{"id": "coffee-people", "condition": {"contains": {"items": [{"category": "coffee"}]}}}],
  "experiments": [
    {"key": "weights", "hash_version": 2, "weights": [0.2, 0.3, 0.5],
     "variations": [{"key": "a"}, {"key": "b", "price_lists": ["mug-test"]}, {"key": "c"}]},
    {"key": "half-covered", "hash_version": 2, "coverage": 0.5,
     "variations": [{"key": "control"}, {"key": "low", "shipping": {"standard": {"free_over": {"EUR": "30.00"}}}}]},
    {"key": "left", "namespace": ["checkout", 0, 0.4], "variations": [{"key": "x"}, {"key": "y"}]},
    {"key": "right", "namespace": ["checkout", 0.4, 1], "variations": [{"key": "x"}, {"key": "y"}]}
  ],
  "recommendations": {"orders": 100, "min_support": 2, "top_k": 5, "items": [
    {"sku": "BEANS-1KG", "orders": 40, "related": [{"sku": "MUG", "together": 12}, {"sku": "BEANS-250", "together": 5}]},
    {"sku": "BEANS-250", "orders": 30, "related": [{"sku": "PRESS", "together": 9}, {"sku": "BEANS-1KG", "together": 5}]},
    {"sku": "GRINDER", "orders": 10, "related": [{"sku": "PRESS", "together": 4}]},
    {"sku": "MUG", "orders": 25, "related": [{"sku": "BEANS-1KG", "together": 12}]},
    {"sku": "PRESS", "orders": 20, "related": [{"sku": "BEANS-250", "together": 9}, {"sku": "GRINDER", "together": 4}]}
  ]}
})";

std::string Cart(absl::string_view customer, absl::string_view lines, absl::string_view extra = "") {
  return absl::StrCat(R"({"currency": "EUR", "at": "2026-11-22T10:00:00Z", "customer": {"id": ")", customer,
                      R"("}, "lines": [)", lines, R"(], "shipping": {"method": "standard"},
                      "shipping_address": {"country": "DE"})",
                      extra, "}");
}

class PersonalizationPropertiesTest : public ::testing::Test {
 protected:
  void SetUp() override {
    absl::StatusOr<std::unique_ptr<const Engine>> engine = CreateEngineFromJson(kSnapshot);
    ASSERT_TRUE(engine.ok()) << engine.status();
    engine_ = *std::move(engine);
  }

  PricedCart Price(const std::string& cart_json) {
    absl::StatusOr<CartRequest> request = ParseCartJson(cart_json, engine_->snapshot());
    EXPECT_TRUE(request.ok()) << request.status();
    absl::StatusOr<PricedCart> priced = engine_->Price(*request);
    EXPECT_TRUE(priced.ok()) << priced.status();
    return *priced;
  }

  const ExperimentAssignment& Assignment(const PricedCart& cart, absl::string_view key) {
    for (const ExperimentAssignment& assignment : *cart.experiments) {
      if (assignment.experiment == key) return assignment;
    }
    ADD_FAILURE() << "no assignment for " << key;
    return cart.experiments->front();
  }

  std::unique_ptr<const Engine> engine_;
};

constexpr int kCustomers = 4000;
constexpr char kOneMug[] = R"({"sku": "MUG", "quantity": 1})";

TEST_F(PersonalizationPropertiesTest, AssignmentFollowsWeightsCoverageAndNamespaces) {
  std::map<int, int> by_variation;
  int covered = 0;
  int left = 0;
  int right = 0;
  for (int i = 0; i < kCustomers; ++i) {
    const PricedCart cart = Price(Cart(absl::StrCat("customer-", i), kOneMug));
    const ExperimentAssignment& weighted = Assignment(cart, "weights");
    ASSERT_TRUE(weighted.in_experiment);
    ++by_variation[weighted.variation];
    covered += Assignment(cart, "half-covered").in_experiment;
    const bool in_left = Assignment(cart, "left").in_experiment;
    const bool in_right = Assignment(cart, "right").in_experiment;
    EXPECT_FALSE(in_left && in_right) << "namespaces overlap for customer-" << i;
    EXPECT_TRUE(in_left || in_right) << "the two ranges cover the namespace";
    left += in_left;
    right += in_right;
  }
  // Within 2.5 percentage points of the configured shares: ~4 standard deviations at n = 4000.
  const auto share = [](int count) { return 100.0 * count / kCustomers; };
  EXPECT_NEAR(share(by_variation[0]), 20, 2.5);
  EXPECT_NEAR(share(by_variation[1]), 30, 2.5);
  EXPECT_NEAR(share(by_variation[2]), 50, 2.5);
  EXPECT_NEAR(share(covered), 50, 2.5);
  EXPECT_NEAR(share(left), 40, 2.5);
  EXPECT_NEAR(share(right), 60, 2.5);
}

TEST_F(PersonalizationPropertiesTest, TheServedVariationDecidesPriceAndThreshold) {
  for (int i = 0; i < 300; ++i) {
    const PricedCart cart = Price(Cart(absl::StrCat("c", i), R"({"sku": "MUG", "quantity": 3})"));
    const bool test_price = Assignment(cart, "weights").variation == 1;
    EXPECT_EQ(cart.lines[0].unit_price.minor_units(), test_price ? 900 : 1200);
    // 3 mugs are 27.00 or 36.00: over the variation's 30.00 threshold only at the regular price.
    const bool low_threshold = Assignment(cart, "half-covered").variation == 1;
    EXPECT_EQ(cart.shipping->free, low_threshold && !test_price) << "customer c" << i;
  }
}

TEST_F(PersonalizationPropertiesTest, ReplayingTheServedVariationsPricesIdentically) {
  for (int i = 0; i < 200; ++i) {
    const std::string customer = absl::StrCat("replay-", i);
    const std::string lines = R"({"sku": "MUG", "quantity": 2}, {"sku": "BEANS-250", "quantity": 1})";
    const PricedCart live = Price(Cart(customer, lines));
    std::string forced = R"(, "forced_variations": {)";
    for (size_t e = 0; e < live.experiments->size(); ++e) {
      const ExperimentAssignment& assignment = (*live.experiments)[e];
      absl::StrAppend(&forced, e ? "," : "", "\"", assignment.experiment, "\": ", assignment.variation);
    }
    const PricedCart replay = Price(Cart(customer, lines, absl::StrCat(forced, "}")));
    EXPECT_EQ(replay.totals.total.minor_units(), live.totals.total.minor_units());
    EXPECT_EQ(replay.totals.shipping_total.minor_units(), live.totals.shipping_total.minor_units());
    for (size_t l = 0; l < live.lines.size(); ++l) {
      EXPECT_EQ(replay.lines[l].unit_price.minor_units(), live.lines[l].unit_price.minor_units());
    }
  }
}

TEST_F(PersonalizationPropertiesTest, SuggestionsNeverRepeatTheCartOrProposeTheUnsellable) {
  const char* skus[] = {"BEANS-250", "BEANS-1KG", "MUG", "PRESS", "FILTERS", "GRINDER"};
  for (int mask = 1; mask < (1 << 5); ++mask) {  // every non-empty cart of the five EUR SKUs
    std::string lines;
    std::vector<std::string> in_cart;
    for (int s = 0; s < 5; ++s) {
      if (!(mask & (1 << s))) continue;
      absl::StrAppend(&lines, lines.empty() ? "" : ",", R"({"sku": ")", skus[s], R"(", "quantity": 1})");
      in_cart.push_back(skus[s]);
    }
    const PricedCart cart = Price(Cart("shopper", lines, R"(, "suggestions": {"limit": 20})"));
    ASSERT_TRUE(cart.suggestions.has_value());
    for (const Suggestion& suggestion : *cart.suggestions) {
      EXPECT_NE(suggestion.sku, "GRINDER") << "no EUR price: not sellable here";
      EXPECT_FALSE(suggestion.reasons.empty());
      const bool recommended = suggestion.score.has_value();
      const bool repeated = std::find(in_cart.begin(), in_cart.end(), suggestion.sku) != in_cart.end();
      // Only a gap filler may add more of what the cart has ("one more pack of filters").
      if (repeated) EXPECT_FALSE(recommended) << suggestion.sku;
      for (const Suggestion& other : *cart.suggestions) {
        if (&other != &suggestion) EXPECT_NE(other.sku, suggestion.sku) << "one entry per SKU";
      }
    }
  }
}

TEST_F(PersonalizationPropertiesTest, AGapFillerAlwaysClosesItsGap) {
  for (int mugs = 1; mugs <= 4; ++mugs) {
    const std::string lines = absl::StrCat(R"({"sku": "MUG", "quantity": )", mugs, "}");
    const std::string forced = R"(, "forced_variations": {"weights": 0, "half-covered": 0})";
    const PricedCart cart = Price(Cart("gap", lines, absl::StrCat(forced, R"(, "suggestions": {"limit": 3})")));
    for (const Suggestion& suggestion : *cart.suggestions) {
      if (suggestion.reasons[0].type != "closes_gap") continue;
      const std::string with =
          absl::StrCat(lines, R"(, {"sku": ")", suggestion.sku, R"(", "quantity": )", suggestion.quantity, "}");
      EXPECT_TRUE(Price(Cart("gap", with, forced)).shipping->free) << mugs << " mugs + " << suggestion.sku;
    }
  }
}

}  // namespace
}  // namespace storefront
