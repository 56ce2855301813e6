// Recommendations: "frequently bought together", trained from an order log and served in the cart
// (docs/concepts/personalization.md §3).
//
// Training counts, over orders, how many orders contain each SKU (`orders(A)`) and each unordered
// pair of distinct SKUs (`together(A,B)`); quantities do not matter, a SKU listed twice in one
// order counts once. A pair qualifies when together ≥ min_support; each SKU A keeps at most top_k
// qualifying partners, by together descending (which is confidence descending for a fixed A) and
// then by SKU byte order. The model lists, in SKU byte order, every SKU that has partners or is
// somebody's partner, so that lift can be computed for every pair served.
//
// Derived measures, computed by serving in integers only (no floating point on any target):
//   support(A,B)       = together / orders
//   confidence(A→B)    = together / orders(A)
//   lift(A,B)          = together · orders / (orders(A) · orders(B))
// Counts are bounded by kMaxRecommendationCount, so that lift's numerator × 100 fits in 128 bits.
#ifndef STOREFRONT_PERSONALIZATION_RECOMMENDATIONS_H_
#define STOREFRONT_PERSONALIZATION_RECOMMENDATIONS_H_

#include <cstdint>
#include <deque>
#include <string>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/types/span.h"

namespace storefront::personalization {

// 10^15 orders: far beyond any shop, and small enough that together · orders · 100 < 2^127.
inline constexpr int64_t kMaxRecommendationCount = 1'000'000'000'000'000;
// Serving walks top_k partners per cart SKU: this bounds a cart's work.
inline constexpr int64_t kMaxRecommendationTopK = 1'000;
inline constexpr int64_t kDefaultMaxItemsPerOrder = 100;

struct RecommendationModel {
  struct Related {
    std::string sku;
    int64_t together = 0;  // orders containing both the item and this SKU
  };
  struct Item {
    std::string sku;
    int64_t orders = 0;            // orders containing the SKU
    std::vector<Related> related;  // by together descending, then SKU byte order
  };

  int64_t orders = 0;  // orders counted
  int64_t min_support = 1;
  int64_t top_k = 20;
  std::vector<Item> items;  // by SKU byte order

  // Validates the model and indexes it; the only way to obtain a model whose Find works. Errors
  // carry paths relative to the model's JSON ("/items/3/related/0/sku"), in this order:
  //  - orders, min_support, top_k out of range (0..kMaxRecommendationCount, 1..that, 1..
  //    kMaxRecommendationTopK): `invalid_value`;
  //  - items not in strictly ascending SKU byte order: `duplicate_id` for a repeated SKU,
  //    `invalid_value` otherwise (at the later item's sku); an empty SKU, an item's orders outside
  //    1..orders, more than top_k related: `invalid_value`;
  //  - for each related entry: a SKU naming no item (`unknown_sku`), the item itself, a repeated
  //    partner (`duplicate_id`), entries out of order, together below min_support or above either
  //    item's orders, or different from the together the partner lists back (`invalid_value`);
  //  - an item with no partners that no item names (`invalid_value` at /items/N/related).
  static absl::StatusOr<RecommendationModel> Create(int64_t orders, int64_t min_support, int64_t top_k,
                                                    std::vector<Item> items);

  // The item for `sku`, or nullptr. O(1): a hash index built by Create.
  const Item* Find(absl::string_view sku) const;

 private:
  absl::flat_hash_map<std::string, size_t> index_;
};

// Counts orders one at a time, then builds the model. Memory: one entry per distinct SKU and one
// per distinct pair of SKUs ever bought together.
class CoOccurrenceCounter {
 public:
  // An order with more than `max_items_per_order` distinct SKUs (a reseller, a test order, a
  // whole-catalog import) still counts in `orders` and in its SKUs' counts but adds no pairs: its
  // pairs grow quadratically and say nothing about what goes together.
  explicit CoOccurrenceCounter(int64_t max_items_per_order = kDefaultMaxItemsPerOrder);
  // The index holds views of the interned names: a copy would point into the original.
  CoOccurrenceCounter(const CoOccurrenceCounter&) = delete;
  CoOccurrenceCounter& operator=(const CoOccurrenceCounter&) = delete;
  CoOccurrenceCounter(CoOccurrenceCounter&&) = default;
  CoOccurrenceCounter& operator=(CoOccurrenceCounter&&) = default;

  // One order's SKUs, duplicates allowed (counted once). Empty SKUs are ignored: the order-log
  // reader rejects them before they get here.
  void AddOrder(absl::Span<const absl::string_view> skus);

  int64_t orders() const { return orders_; }
  int64_t oversized_orders() const { return oversized_orders_; }
  int64_t distinct_skus() const { return static_cast<int64_t>(names_.size()); }
  int64_t distinct_pairs() const { return static_cast<int64_t>(pairs_.size()); }

  // The model with min_support in 1..kMaxRecommendationCount and top_k in
  // 1..kMaxRecommendationTopK (`invalid_value` at /min_support or /top_k otherwise).
  absl::StatusOr<RecommendationModel> Build(int64_t min_support, int64_t top_k) const;

 private:
  uint32_t Intern(absl::string_view sku);

  int64_t max_items_per_order_;
  int64_t orders_ = 0;
  int64_t oversized_orders_ = 0;
  std::deque<std::string> names_;  // by dense id; a deque so the index's views stay valid
  absl::flat_hash_map<absl::string_view, uint32_t> ids_;
  std::vector<int64_t> item_orders_;  // by dense id
  // Key: (smaller id << 32) | larger id.
  absl::flat_hash_map<uint64_t, int64_t> pairs_;
  std::vector<uint32_t> scratch_;  // one order's ids, reused
};

// A SKU recommended for a cart, with the cart SKU that recommends it most strongly.
struct RelatedCandidate {
  std::string sku;
  // Σ over distinct cart SKUs A related to `sku`: floor(together(A,sku) · 1,000,000 / orders(A)),
  // the confidences in parts per million.
  int64_t score = 0;
  // The strongest contributor A: the largest term of the sum, ties by A's SKU byte order.
  std::string with;
  int64_t together = 0;    // together(with, sku)
  std::string confidence;  // confidence(with→sku), truncated to 4 fraction digits: "0.4200"
  std::string lift;        // lift(with, sku), truncated to 2 fraction digits: "2.31"
};

// Every SKU related to a SKU of the cart, by score descending, then SKU byte order. Cart SKUs the
// model does not know contribute nothing. Deliberately unfiltered: a candidate may be in the cart
// or unsellable; the engine drops those (it knows the cart's products and prices), this function
// only ranks. Cost: O(distinct cart SKUs × top_k) plus sorting the candidates.
std::vector<RelatedCandidate> RankRelated(const RecommendationModel& model, absl::Span<const std::string> cart_skus);

}  // namespace storefront::personalization

#endif  // STOREFRONT_PERSONALIZATION_RECOMMENDATIONS_H_
