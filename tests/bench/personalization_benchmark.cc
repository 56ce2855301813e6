// Personalization cost per cart: segments and experiments on the example shop, suggestions
// (recommendations alone, and gap fillers that price the cart again), and gap fillers against a
// 10,000-SKU catalog, where every sellable SKU is a candidate. Figures: docs/benchmarks.md.
#include <fstream>
#include <sstream>
#include <string>

#include "benchmark/benchmark.h"
#include "generated_shop.h"
#include "storefront/codec/json_api.h"

namespace {

std::string ReadExample(const std::string& name) {
  std::ifstream file(std::string(STOREFRONT_EXAMPLES_DIR) + "/" + name);
  std::stringstream text;
  text << file.rdbuf();
  return text.str();
}

// The weekend cart (5 lines, 3 segments, 2 experiments) as it is, or with `edit` applied.
void PriceExample(benchmark::State& state, const std::string& cart_json) {
  auto engine = *storefront::CreateEngineFromJson(ReadExample("shop.json"));
  const auto request = *storefront::ParseCartJson(cart_json, engine->snapshot());
  for (auto _ : state) benchmark::DoNotOptimize(engine->Price(request));
}

std::string WeekendCart(bool suggestions) {
  std::string cart = ReadExample("carts/weekend.json");
  if (!suggestions) {
    const size_t at = cart.find("\"suggestions\"");
    cart.erase(cart.rfind(',', at), cart.find('}', at) + 1 - cart.rfind(',', at));
  }
  return cart;
}

// Segments and experiments run on every cart of a shop that defines them.
void BM_ExampleCartPersonalized(benchmark::State& state) { PriceExample(state, WeekendCart(false)); }
BENCHMARK(BM_ExampleCartPersonalized)->Unit(benchmark::kMicrosecond);

// Plus four recommendations from the trained model (no nudge: shipping is already free).
void BM_ExampleCartWithSuggestions(benchmark::State& state) { PriceExample(state, WeekendCart(true)); }
BENCHMARK(BM_ExampleCartWithSuggestions)->Unit(benchmark::kMicrosecond);

// A mug shipped to Berlin: a free-shipping nudge, so a gap filler is chosen among the shop's 82
// SKUs and verified by pricing the cart again.
void BM_ExampleGapFiller(benchmark::State& state) {
  PriceExample(state, R"({"currency":"EUR","at":"2026-11-21T09:30:00Z","customer":{"id":"c-7"},
    "lines":[{"sku":"MUG-STONEWARE-WHT","quantity":1}],"shipping_address":{"country":"DE"},
    "shipping":{"method":"standard"},"suggestions":{"limit":4}})");
}
BENCHMARK(BM_ExampleGapFiller)->Unit(benchmark::kMicrosecond);

// The generated 10,000-SKU catalog with a free-shipping threshold the 1-line cart misses: every
// SKU's unit price is resolved to rank the gap fillers.
void BM_GapFillerTenThousandSkus(benchmark::State& state) {
  using namespace storefront_bench;  // NOLINT: the generators are this file's vocabulary
  std::string snapshot = GeneratedSnapshot(kProducts, kVariantsPerProduct);
  snapshot.pop_back();
  snapshot += R"(,"shipping":{"zones":[{"id":"de","countries":["DE"]}],"methods":[{"id":"standard",)"
              R"("rates":[{"zone":"de","type":"flat","amount":{"EUR":"4.90"},"free_over":{"EUR":"500.00"}}]}]}})";
  auto engine = *storefront::CreateEngineFromJson(snapshot);
  const auto request = *storefront::ParseCartJson(
      R"({"currency":"EUR","at":"2026-11-22T10:00:00Z","lines":[{"sku":"SKU-0-0","quantity":1}],
          "shipping_address":{"country":"DE"},"shipping":{"method":"standard"},"suggestions":{"limit":4}})",
      engine->snapshot());
  for (auto _ : state) benchmark::DoNotOptimize(engine->Price(request));
}
BENCHMARK(BM_GapFillerTenThousandSkus)->Unit(benchmark::kMillisecond);

}  // namespace
