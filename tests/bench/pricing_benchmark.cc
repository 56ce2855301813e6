// Pricing cost on a generated 10,000-SKU catalog: what a backend or an edge worker pays per cart.
// Figures and the commands that produced them are in docs/benchmarks.md.
#include <cstdint>
#include <string>

#include "benchmark/benchmark.h"
#include "storefront/codec/json_api.h"

namespace {

// Deterministic generator: the same catalog on every run and every machine.
std::string GeneratedSnapshot(int products, int variants_per_product) {
  std::string out = R"({"schema_version":1,"currencies":["EUR","USD"],"categories":[)";
  for (int c = 0; c < 50; ++c) {
    out += (c ? "," : "") + std::string(R"({"id":"cat-)") + std::to_string(c) + "\"" +
           (c >= 10 ? R"(,"parent":"cat-)" + std::to_string(c % 10) + "\"" : "") + "}";
  }
  out += R"(],"products":[)";
  uint64_t state = 42;
  for (int p = 0; p < products; ++p) {
    out += (p ? "," : "") + std::string(R"({"id":"p-)") + std::to_string(p) + R"(","title":"Product )" +
           std::to_string(p) + R"(","categories":["cat-)" + std::to_string(p % 50) + R"("],"variants":[)";
    for (int v = 0; v < variants_per_product; ++v) {
      state = state * 6364136223846793005ULL + 1442695040888963407ULL;
      const uint64_t cents = 100 + (state >> 33) % 20000;
      const std::string price =
          std::to_string(cents / 100) + "." + (cents % 100 < 10 ? "0" : "") + std::to_string(cents % 100);
      out += (v ? "," : "") + std::string(R"({"sku":"SKU-)") + std::to_string(p) + "-" + std::to_string(v) +
             R"(","prices":{"EUR":")" + price + R"(","USD":")" + price + R"("}})";
    }
    out += "]}";
  }
  return out + "]}";
}

// The same catalog plus `lists` price lists (each targeting one of 50 customer groups, with
// entries on SKUs, products and categories) and `markdowns` markdown rules (on SKUs and
// categories, few of them current). Pricing must stay indexed: a line looks up only its keys.
std::string GeneratedSnapshotWithRules(int products, int variants_per_product, int lists, int markdowns) {
  std::string out = GeneratedSnapshot(products, variants_per_product);
  out.pop_back();  // reopen the top-level object
  out += R"(,"price_lists":[)";
  for (int l = 0; l < lists; ++l) {
    out += (l ? "," : "") + std::string(R"({"id":"list-)") + std::to_string(l) + R"(","currency":"EUR","priority":)" +
           std::to_string(l % 7) + R"(,"targeting":{"customer_groups":["g-)" + std::to_string(l % 50) +
           R"("]},"entries":[{"sku":"SKU-)" + std::to_string((l * 13) % products) + R"(-0","price":"9.99"},)" +
           R"({"product":"p-)" + std::to_string((l * 17) % products) + R"(","adjust":{"percent":"-5"}},)" +
           R"({"category":"cat-)" + std::to_string(l % 50) + R"(","adjust":{"amount":"-0.50"}}]})";
  }
  out += R"(],"markdowns":[)";
  for (int m = 0; m < markdowns; ++m) {
    // One in ten is current at the cart's instant; the rest are past sales.
    const char* window =
        m % 10 == 0 ? R"("valid_from":"2026-11-01T00:00:00Z")" : R"("valid_until":"2026-01-01T00:00:00Z")";
    out += (m ? "," : "") + std::string(R"({"id":"md-)") + std::to_string(m) + R"(","selector":{"sku":"SKU-)" +
           std::to_string(m % products) + "-" + std::to_string(m % variants_per_product) + R"("},"percent":"10",)" +
           window + "}";
  }
  return out + "]}";
}

std::string GeneratedCart(int lines, int products, int variants_per_product) {
  std::string out = R"({"currency":"EUR","at":"2026-11-22T10:00:00Z","lines":[)";
  for (int i = 0; i < lines; ++i) {
    const int p = (i * 97) % products;
    out += (i ? "," : "") + std::string(R"({"id":"l)") + std::to_string(i) + R"(","sku":"SKU-)" + std::to_string(p) +
           "-" + std::to_string(i % variants_per_product) + R"(","quantity":)" + std::to_string(1 + i % 3) + "}";
  }
  return out + "]}";
}

constexpr int kProducts = 2500;
constexpr int kVariantsPerProduct = 4;  // 10,000 SKUs
constexpr int kLines = 100;

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

BENCHMARK_MAIN();
