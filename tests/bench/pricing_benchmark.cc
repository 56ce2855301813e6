// Pricing cost on a generated 10,000-SKU catalog: what a backend or an edge worker pays per cart.
// Figures and the commands that produced them are in docs/benchmarks.md.
#include <cstdint>
#include <string>

#include "benchmark/benchmark.h"
#include "generated_shop.h"
#include "storefront/codec/json_api.h"

namespace {

using namespace storefront_bench;  // NOLINT: the generators are this file's vocabulary

void BM_LoadSnapshot10kSkus(benchmark::State& state) {
  const std::string snapshot = GeneratedSnapshot(kProducts, kVariantsPerProduct);
  for (auto _ : state) benchmark::DoNotOptimize(storefront::CreateEngineFromJson(snapshot));
  state.counters["bytes"] = static_cast<double>(snapshot.size());
}
BENCHMARK(BM_LoadSnapshot10kSkus)->Unit(benchmark::kMillisecond);

// The whole boundary: parse the cart JSON, price, serialise the canonical envelope. The argument
// is the line count: 100 is the headline figure, 500 the default max_lines (the worst case a
// deployment with default limits can be asked to price).
void BM_PriceCartJson(benchmark::State& state) {
  // Loaded once for all line counts: loading is measured by BM_LoadSnapshot10kSkus.
  static const auto engine = *storefront::CreateEngineFromJson(GeneratedSnapshot(kProducts, kVariantsPerProduct));
  const int lines = static_cast<int>(state.range(0));
  const std::string cart = GeneratedCart(lines, kProducts, kVariantsPerProduct);
  for (auto _ : state) benchmark::DoNotOptimize(storefront::PriceCartJson(*engine, cart));
  state.SetItemsProcessed(state.iterations() * lines);
}
BENCHMARK(BM_PriceCartJson)->Arg(1)->Arg(10)->Arg(kLines)->Arg(500)->Unit(benchmark::kMicrosecond);

// Price lists and markdowns: 0 rules versus 500 lists and 5,000 markdowns, for a customer in
// one targeted group. The difference is the cost of rule resolution per 100-line cart.
void BM_PricePipelineWithRules(benchmark::State& state) {
  const int lists = static_cast<int>(state.range(0));
  const int markdowns = static_cast<int>(state.range(1));
  auto engine =
      *storefront::CreateEngineFromJson(GeneratedSnapshotWithRules(kProducts, kVariantsPerProduct, lists, markdowns));
  std::string cart = GeneratedCart(kLines, kProducts, kVariantsPerProduct);
  cart.insert(cart.size() - 1, R"(,"customer":{"groups":["g-7"]})");
  const auto request = *storefront::ParseCartJson(cart, engine->snapshot());
  for (auto _ : state) benchmark::DoNotOptimize(engine->Price(request));
  state.SetItemsProcessed(state.iterations() * kLines);
}
BENCHMARK(BM_PricePipelineWithRules)->Args({0, 0})->Args({50, 500})->Args({500, 5000})->Unit(benchmark::kMicrosecond);

// The pipeline alone, on an already parsed request.
void BM_PricePipeline100Lines(benchmark::State& state) {
  auto engine = *storefront::CreateEngineFromJson(GeneratedSnapshot(kProducts, kVariantsPerProduct));
  const auto cart =
      *storefront::ParseCartJson(GeneratedCart(kLines, kProducts, kVariantsPerProduct), engine->snapshot());
  for (auto _ : state) benchmark::DoNotOptimize(engine->Price(cart));
  state.SetItemsProcessed(state.iterations() * kLines);
}
BENCHMARK(BM_PricePipeline100Lines)->Unit(benchmark::kMicrosecond);

// The boundary's two halves, to show where the JSON cost goes.
void BM_ParseCart100Lines(benchmark::State& state) {
  auto engine = *storefront::CreateEngineFromJson(GeneratedSnapshot(kProducts, kVariantsPerProduct));
  const std::string cart = GeneratedCart(kLines, kProducts, kVariantsPerProduct);
  for (auto _ : state) benchmark::DoNotOptimize(storefront::ParseCartJson(cart, engine->snapshot()));
}
BENCHMARK(BM_ParseCart100Lines)->Unit(benchmark::kMicrosecond);

void BM_SerializePricedCart100Lines(benchmark::State& state) {
  auto engine = *storefront::CreateEngineFromJson(GeneratedSnapshot(kProducts, kVariantsPerProduct));
  const auto cart =
      *storefront::ParseCartJson(GeneratedCart(kLines, kProducts, kVariantsPerProduct), engine->snapshot());
  const auto priced = *engine->Price(cart);
  for (auto _ : state) benchmark::DoNotOptimize(storefront::SerializePricedCart(priced));
}
BENCHMARK(BM_SerializePricedCart100Lines)->Unit(benchmark::kMicrosecond);

}  // namespace
