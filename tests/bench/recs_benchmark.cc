// Recommendations cost: training on a million orders (the co-occurrence count and the model
// build), and ranking the SKUs related to a cart. Figures: docs/benchmarks.md.
#include <cstdint>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/string_view.h"
#include "absl/types/span.h"
#include "benchmark/benchmark.h"
#include "storefront/personalization/recommendations.h"

namespace {

using storefront::personalization::CoOccurrenceCounter;
using storefront::personalization::RankRelated;
using storefront::personalization::RecommendationModel;

constexpr int kOrders = 1'000'000;
constexpr int kSkus = 10'000;
constexpr int kClusterSize = 20;  // SKUs that tend to be bought together (a category, a look)

// A million orders of 3–8 SKUs over 10,000 SKUs, the same on every run: the first SKU's cluster
// is skewed towards popular clusters, each further SKU comes from that cluster 70 % of the time
// and from anywhere otherwise (so there are millions of rare pairs, as in real logs). Stored flat:
// `skus` holds every order's SKUs back to back, `starts` where each order begins.
struct OrderLog {
  std::vector<std::string> names;
  std::vector<absl::string_view> skus;
  std::vector<size_t> starts;

  absl::Span<const absl::string_view> Order(size_t i) const {
    return absl::MakeConstSpan(skus).subspan(starts[i], starts[i + 1] - starts[i]);
  }
};

const OrderLog& SyntheticOrders() {
  static const OrderLog* log = [] {
    auto* built = new OrderLog;
    built->names.reserve(kSkus);
    for (int s = 0; s < kSkus; ++s) built->names.push_back(absl::StrCat("SKU-", s / 4, "-", s % 4));
    uint64_t state = 42;
    auto next = [&state](uint64_t bound) {
      state = state * 6364136223846793005ULL + 1442695040888963407ULL;
      return (state >> 33) % bound;
    };
    constexpr uint64_t kClusters = kSkus / kClusterSize;
    built->skus.reserve(static_cast<size_t>(kOrders) * 6);
    built->starts.reserve(kOrders + 1);
    for (int o = 0; o < kOrders; ++o) {
      built->starts.push_back(built->skus.size());
      const uint64_t size = 3 + next(6);
      const uint64_t cluster = next(kClusters) * next(kClusters) / kClusters;  // skewed to low numbers
      for (uint64_t i = 0; i < size; ++i) {
        const uint64_t sku = next(10) < 7 ? cluster * kClusterSize + next(kClusterSize) : next(kSkus);
        built->skus.push_back(built->names[sku]);
      }
    }
    built->starts.push_back(built->skus.size());
    return built;
  }();
  return *log;
}

void CountAll(CoOccurrenceCounter& counter) {
  const OrderLog& log = SyntheticOrders();
  for (size_t i = 0; i < kOrders; ++i) counter.AddOrder(log.Order(i));
}

// Training as `storefront recs train` does it after parsing: count every order, build the model.
void BM_RecsTrain1MOrders(benchmark::State& state) {
  SyntheticOrders();
  int64_t pairs = 0;
  for (auto _ : state) {
    CoOccurrenceCounter counter;
    CountAll(counter);
    pairs = counter.distinct_pairs();
    benchmark::DoNotOptimize(counter.Build(2, 20));
  }
  state.SetItemsProcessed(state.iterations() * kOrders);
  state.counters["distinct_pairs"] = static_cast<double>(pairs);
}
BENCHMARK(BM_RecsTrain1MOrders)->Unit(benchmark::kMillisecond);

// The million orders counted once, for the benchmarks that start from the counts.
const CoOccurrenceCounter& CountedOrders() {
  static const CoOccurrenceCounter* counter = [] {
    auto* counted = new CoOccurrenceCounter;
    CountAll(*counted);
    return counted;
  }();
  return *counter;
}

// The model build alone (threshold, top-k per SKU, sort), from the counts of a million orders.
void BM_RecsBuildModel(benchmark::State& state) {
  const CoOccurrenceCounter& counter = CountedOrders();
  for (auto _ : state) benchmark::DoNotOptimize(counter.Build(2, 20));
}
BENCHMARK(BM_RecsBuildModel)->Unit(benchmark::kMillisecond);

// Serving: RankRelated for a cart of `range(0)` SKUs against the million-order model (top_k 20).
void BM_RankRelated(benchmark::State& state) {
  static const RecommendationModel* model = new RecommendationModel(*CountedOrders().Build(2, 20));
  std::vector<std::string> cart;
  for (int64_t i = 0; i < state.range(0); ++i) cart.push_back(model->items[static_cast<size_t>(i * 97)].sku);
  size_t candidates = 0;
  for (auto _ : state) {
    const auto ranked = RankRelated(*model, cart);
    candidates = ranked.size();
    benchmark::DoNotOptimize(ranked.data());
  }
  state.SetItemsProcessed(state.iterations());
  state.counters["candidates"] = static_cast<double>(candidates);
}
BENCHMARK(BM_RankRelated)->Arg(1)->Arg(5)->Arg(20)->Unit(benchmark::kMicrosecond);

}  // namespace
