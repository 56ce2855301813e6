// Recommendations: ranking the SKUs related to a cart, in integers only, so every target (native,
// wasm in the browser and at the edge) returns the same scores and the same strings.
#include <algorithm>
#include <utility>

#include "absl/container/flat_hash_map.h"
#include "absl/numeric/int128.h"
#include "storefront/personalization/recommendations.h"

namespace storefront::personalization {
namespace {

using Item = RecommendationModel::Item;

// floor(numerator · scale / denominator) for non-negative counts; 128-bit so that no product of
// two counts (each ≤ 10^15) and a scale ≤ 10^6 can overflow.
int64_t ScaledRatio(absl::int128 numerator, int64_t scale, absl::int128 denominator) {
  return static_cast<int64_t>(numerator * scale / denominator);
}

// `value` / 10^digits written with exactly `digits` fraction digits: (4200, 4) → "0.4200".
// Written by hand: it runs for every candidate of every cart.
std::string FixedPoint(int64_t value, int digits) {
  char buffer[32];
  char* end = buffer + sizeof(buffer);
  char* p = end;
  uint64_t rest = static_cast<uint64_t>(value);
  for (int i = 0; i < digits; ++i, rest /= 10) *--p = static_cast<char>('0' + rest % 10);
  *--p = '.';
  do {
    *--p = static_cast<char>('0' + rest % 10);
    rest /= 10;
  } while (rest != 0);
  return std::string(p, static_cast<size_t>(end - p));
}

// One candidate while the cart's sources are summed.
struct Tally {
  absl::string_view sku;
  int64_t score = 0;
  int64_t best_term = -1;
  const Item* best_source = nullptr;
  int64_t together = 0;
};

}  // namespace

std::vector<RelatedCandidate> RankRelated(const RecommendationModel& model, absl::Span<const std::string> cart_skus) {
  // The distinct cart SKUs the model knows, in SKU order, so that on equal terms the first source
  // to claim a candidate is the one with the smallest SKU.
  std::vector<const Item*> sources;
  for (const std::string& sku : cart_skus) {
    if (const Item* item = model.Find(sku)) sources.push_back(item);
  }
  std::sort(sources.begin(), sources.end(), [](const Item* x, const Item* y) { return x->sku < y->sku; });
  sources.erase(std::unique(sources.begin(), sources.end()), sources.end());

  // Tallies are summed and sorted as small records; the strings are made once, in final order.
  size_t mentions = 0;
  for (const Item* source : sources) mentions += source->related.size();
  std::vector<Tally> tallies;
  tallies.reserve(mentions);
  absl::flat_hash_map<absl::string_view, size_t> slots;
  slots.reserve(mentions);
  for (const Item* source : sources) {
    if (source->orders <= 0) continue;  // a validated model has none; never divide by zero
    for (const RecommendationModel::Related& related : source->related) {
      const int64_t term = ScaledRatio(related.together, 1'000'000, source->orders);
      auto [slot, inserted] = slots.try_emplace(related.sku, tallies.size());
      if (inserted) tallies.push_back(Tally{related.sku});
      Tally& tally = tallies[slot->second];
      tally.score += term;
      if (term > tally.best_term) {
        tally.best_term = term;
        tally.best_source = source;
        tally.together = related.together;
      }
    }
  }
  std::sort(tallies.begin(), tallies.end(), [](const Tally& x, const Tally& y) {
    if (x.score != y.score) return x.score > y.score;
    return x.sku < y.sku;
  });

  std::vector<RelatedCandidate> candidates;
  candidates.reserve(tallies.size());
  for (const Tally& tally : tallies) {
    const Item& source = *tally.best_source;
    const Item* partner = model.Find(tally.sku);
    // Every related SKU is an item of a validated model (Create checks it), with orders ≥ 1.
    const int64_t partner_orders = partner != nullptr && partner->orders > 0 ? partner->orders : 1;
    RelatedCandidate candidate;
    candidate.sku = std::string(tally.sku);
    candidate.score = tally.score;
    candidate.with = source.sku;
    candidate.together = tally.together;
    candidate.confidence = FixedPoint(ScaledRatio(tally.together, 10'000, source.orders), 4);
    candidate.lift = FixedPoint(
        ScaledRatio(absl::int128(tally.together) * model.orders, 100, absl::int128(source.orders) * partner_orders), 2);
    candidates.push_back(std::move(candidate));
  }
  return candidates;
}

}  // namespace storefront::personalization
