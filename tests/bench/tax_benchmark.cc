// Tax cost: the 100-line cart shipped to an address where three jurisdictions stack (country,
// state, city), with lines in three tax categories (mixed rates), a compounded rate, a clothing
// threshold and proportional shipping tax. Figures: docs/benchmarks.md.
#include <string>

#include "benchmark/benchmark.h"
#include "generated_shop.h"
#include "storefront/codec/json_api.h"

namespace {

using namespace storefront_bench;  // NOLINT: the generators are this file's vocabulary

// The generated catalog with every third product in "clothing" and every third in "food", and a
// tax section for US / NY / NYC in USD.
std::string GeneratedSnapshotWithTax(const char* level) {
  std::string out = GeneratedSnapshot(kProducts, kVariantsPerProduct);
  // Give products tax categories by rewriting their ids' category lists: cheap and deterministic.
  for (int p = 0; p < kProducts; p += 3) {
    const std::string needle = "{\"id\":\"p-" + std::to_string(p) + "\",";
    const size_t at = out.find(needle);
    out.insert(at + needle.size(), R"("tax_category":"clothing",)");
  }
  for (int p = 1; p < kProducts; p += 3) {
    const std::string needle = "{\"id\":\"p-" + std::to_string(p) + "\",";
    const size_t at = out.find(needle);
    out.insert(at + needle.size(), R"("tax_category":"food",)");
  }
  out.pop_back();
  out += R"(,"shipping":{"zones":[{"id":"us","countries":["US"]}],"methods":[{"id":"ground","rates":[)"
         R"({"zone":"us","type":"flat","amount":{"USD":"9.95"}}]}]})";
  out +=
      std::string(R"(,"tax":{"categories":["standard","clothing","food"],"rounding":{"level":")") + level +
      R"("},"shipping":{"method":"proportional"},"zones":[)"
      R"({"id":"us","countries":["US"]},{"id":"ny","countries":["US"],"regions":["NY"]},)"
      R"({"id":"nyc","countries":["US"],"regions":["NY"],"postal_codes":[{"prefix":"100"},{"prefix":"112"}]}],)"
      R"("rates":[)"
      R"({"id":"ny-state","zone":"ny","jurisdiction":"US-NY","name":"NY State","rate":"4","categories":["standard"]},)"
      R"({"id":"ny-state-clothing","zone":"ny","jurisdiction":"US-NY","name":"NY State","rate":"4",)"
      R"("categories":["clothing"],"threshold":{"mode":"exempt_below","amount":{"USD":"110.00"}}},)"
      R"({"id":"nyc","zone":"nyc","jurisdiction":"US-NY-NYC","name":"NYC","rate":"4.5","categories":["standard"]},)"
      R"({"id":"mctd","zone":"nyc","jurisdiction":"US-NY-MCTD","name":"MCTD","rate":"0.375",)"
      R"("categories":["standard","clothing"],"compounds_on":["ny-state"]}]}})";
  return out;
}

void BM_PricePipelineWithTax(benchmark::State& state, const char* level) {
  auto engine = *storefront::CreateEngineFromJson(GeneratedSnapshotWithTax(level));
  std::string cart = GeneratedCart(kLines, kProducts, kVariantsPerProduct);
  const std::string eur = R"("currency":"EUR")";
  cart.replace(cart.find(eur), eur.size(), R"("currency":"USD")");
  cart.insert(
      cart.size() - 1,
      R"(,"shipping_address":{"country":"US","region":"NY","postal_code":"10001"},"shipping":{"method":"ground"})");
  const auto request = *storefront::ParseCartJson(cart, engine->snapshot());
  for (auto _ : state) benchmark::DoNotOptimize(engine->Price(request));
  state.SetItemsProcessed(state.iterations() * kLines);
}
BENCHMARK_CAPTURE(BM_PricePipelineWithTax, line, "line")->Unit(benchmark::kMicrosecond);
BENCHMARK_CAPTURE(BM_PricePipelineWithTax, total, "total")->Unit(benchmark::kMicrosecond);
BENCHMARK_CAPTURE(BM_PricePipelineWithTax, unit, "unit")->Unit(benchmark::kMicrosecond);

}  // namespace
