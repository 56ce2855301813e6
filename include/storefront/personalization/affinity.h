// Affinity ranking: a product list ordered by the customer's affinities
// (docs/concepts/personalization.md, section 5).
//
// An affinity is a selector, spelled and matched as in pricing and promotions, with an integer
// weight. A product's score is the sum of the weights of the affinities it matches, and the list
// is ordered by score, highest first; equal scores keep their input order, so an empty affinity
// list returns the list as given. Products are ranked, not variants: a product matches on what it
// is itself (its id, its categories with their ancestors, its tags, its own attributes), never on
// a variant's SKU or attributes, so an affinity by SKU is an input error. Integer arithmetic only:
// 100 affinities of weight 1,000 bound a score to ±100,000.
#ifndef STOREFRONT_PERSONALIZATION_AFFINITY_H_
#define STOREFRONT_PERSONALIZATION_AFFINITY_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/types/span.h"
#include "storefront/catalog/catalog.h"
#include "storefront/pricing/price_rules.h"

namespace storefront::personalization {

// Fixed bounds: they keep one ranking at 1,000 × 100 selector look-ups at most.
inline constexpr int64_t kMaxAffinityWeight = 1'000;  // a weight is in [-1000, 1000]
inline constexpr size_t kMaxRankedProducts = 1'000;
inline constexpr size_t kMaxAffinities = 100;

struct Affinity {
  Selector selector;  // product, category, tag or attribute; `key` need not be filled
  int64_t weight = 0;
};

struct RankedProduct {
  std::string product;          // the product id
  int64_t score = 0;            // Σ weight of the affinities in `reasons`
  std::vector<size_t> reasons;  // indexes of the matching affinities, ascending (input order)
};

// `too_many_products` at /products past kMaxRankedProducts, `too_many_affinities` at /affinities
// past kMaxAffinities. RankByAffinity checks both; a reader calls them before reading a list, so an
// oversized list is refused before any work is spent on it.
absl::Status CheckRankedProductCount(size_t count);
absl::Status CheckAffinityCount(size_t count);

// The products named by `product_ids`, best first. Errors carry JSON Pointers in the layout of the
// `products.rank` input and are checked in this order: the two counts; each product id in order,
// `unknown_product` or `duplicate_id` at /products/N; each affinity in order, a weight outside
// ±kMaxAffinityWeight (`invalid_value` at /affinities/N/weight), a SKU selector (`invalid_value` at
// /affinities/N/sku), an unknown product or category (`unknown_product` at /affinities/N/product,
// `unknown_category` at /affinities/N/category). Tags and attribute values are free text in the
// catalog, as in promotions: one no product carries matches nothing and is not an error.
absl::StatusOr<std::vector<RankedProduct>> RankByAffinity(const Catalog& catalog,
                                                          absl::Span<const std::string> product_ids,
                                                          absl::Span<const Affinity> affinities);

}  // namespace storefront::personalization

#endif  // STOREFRONT_PERSONALIZATION_AFFINITY_H_
