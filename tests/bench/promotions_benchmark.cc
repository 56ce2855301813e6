// Promotions cost: a 100-line cart against 10, 1,000 and 10,000 promotions of which the same
// few match. The stage finds candidates through its item index, so the cost must stay nearly
// flat as the promotion count grows. Figures: docs/benchmarks.md.
#include <set>
#include <string>

#include "benchmark/benchmark.h"
#include "generated_shop.h"
#include "storefront/codec/json_api.h"

namespace {

using namespace storefront_bench;  // NOLINT: the generators are this file's vocabulary

// The products the generated 100-line cart holds (GeneratedCart's formula).
std::set<int> CartProducts() {
  std::set<int> products;
  for (int i = 0; i < kLines; ++i) products.insert((i * 97) % kProducts);
  return products;
}

// Six promotions that match the cart (an order discount for a group, buy 2 get 1 on a category,
// a tiered spend, 3 for 2 on one SKU, a bundle, loyalty points), then
// `count` − 6 SKU-specific promotions on products the cart does not hold.
std::string GeneratedSnapshotWithPromotions(int count, const char* selection) {
  std::string out = GeneratedSnapshot(kProducts, kVariantsPerProduct);
  out.pop_back();
  out += std::string(R"(,"settings":{"promotion_selection":")") + selection + R"("},"promotions":[)";
  out +=
      R"({"id":"vip","eligibility":{"customer_groups":["g-7"]},"action":{"type":"order_percent_off","percent":"5"}},)";
  out +=
      R"({"id":"b2g1","priority":2,"action":{"type":"buy_x_get_y","buy":{"items":[{"category":"cat-3"}],"quantity":2},)"
      R"("get":{"quantity":1},"discount":{"percent":"100"}}},)";
  out += R"({"id":"spend","action":{"type":"tiered_spend","tiers":[{"min":{"EUR":"500.00"},"amount":{"EUR":"25.00"}},)"
         R"({"min":{"EUR":"1000.00"},"amount":{"EUR":"60.00"}}]}},)";
  out += R"({"id":"n4x","priority":1,"action":{"type":"n_for_x","quantity":2,"price":{"EUR":"10.00"},)"
         R"("items":[{"sku":"SKU-0-0"}]}},)";
  out += R"({"id":"bundle","action":{"type":"bundle","price":{"EUR":"50.00"},"components":[)"
         R"({"items":[{"category":"cat-10"}],"quantity":1},{"items":[{"category":"cat-20"}],"quantity":1}]}},)";
  out += R"({"id":"points","action":{"type":"loyalty_points","points":1,"per":{"EUR":"1.00"}}})";
  const std::set<int> in_cart = CartProducts();
  int product = 0;
  for (int p = 6; p < count; ++p) {
    while (in_cart.count(product % kProducts)) ++product;
    const std::string sku = "SKU-" + std::to_string(product % kProducts) + "-" + std::to_string(p % 4);
    ++product;
    out += R"(,{"id":"promo-)" + std::to_string(p) + R"(","condition":{"quantity":{"items":[{"sku":")" + sku +
           R"("}],"min":2}},"action":{"type":"percent_off","percent":"15","items":[{"sku":")" + sku + R"("}]}})";
  }
  return out + "]}";
}

void PriceWithPromotions(benchmark::State& state, const char* selection) {
  const int count = static_cast<int>(state.range(0));
  auto engine = *storefront::CreateEngineFromJson(GeneratedSnapshotWithPromotions(count, selection));
  std::string cart = GeneratedCart(kLines, kProducts, kVariantsPerProduct);
  cart.insert(cart.size() - 1, R"(,"customer":{"groups":["g-7"]})");
  const auto request = *storefront::ParseCartJson(cart, engine->snapshot());
  for (auto _ : state) benchmark::DoNotOptimize(engine->Price(request));
  state.SetItemsProcessed(state.iterations() * kLines);
}

void BM_PricePipelineWithPromotions(benchmark::State& state) { PriceWithPromotions(state, "priority"); }
BENCHMARK(BM_PricePipelineWithPromotions)->Arg(10)->Arg(1000)->Arg(10000)->Unit(benchmark::kMicrosecond);

// Best for customer over the same six matching candidates: up to 2^6 sets evaluated.
void BM_PricePipelineBestForCustomer(benchmark::State& state) { PriceWithPromotions(state, "best_for_customer"); }
BENCHMARK(BM_PricePipelineBestForCustomer)->Arg(10)->Arg(10000)->Unit(benchmark::kMicrosecond);

}  // namespace

BENCHMARK_MAIN();
