#include "storefront/personalization/affinity.h"

#include <algorithm>
#include <utility>

#include "absl/container/flat_hash_set.h"
#include "absl/strings/str_cat.h"
#include "pricing/rule_matching.h"
#include "storefront/base/error.h"
#include "storefront/base/status_macros.h"

namespace storefront::personalization {
namespace {

absl::StatusOr<std::vector<const Product*>> FindProducts(const Catalog& catalog,
                                                         absl::Span<const std::string> product_ids) {
  std::vector<const Product*> products;
  products.reserve(product_ids.size());
  absl::flat_hash_set<absl::string_view> seen;
  for (size_t i = 0; i < product_ids.size(); ++i) {
    const std::string path = absl::StrCat("/products/", i);
    const Product* product = catalog.FindProduct(product_ids[i]);
    if (product == nullptr) {
      return InputError(error_code::kUnknownProduct, absl::StrCat("no product has id \"", product_ids[i], "\""), path);
    }
    // A product listed twice would be shown twice: the caller's list is wrong, not the ranking.
    if (!seen.insert(product_ids[i]).second) {
      return InputError(error_code::kDuplicateId, absl::StrCat("product \"", product_ids[i], "\" is listed twice"),
                        path);
    }
    products.push_back(product);
  }
  return products;
}

// The affinities' selectors with their index keys filled, after checking each affinity.
absl::StatusOr<std::vector<Selector>> CheckedSelectors(const Catalog& catalog, absl::Span<const Affinity> affinities) {
  std::vector<Selector> selectors;
  selectors.reserve(affinities.size());
  for (size_t i = 0; i < affinities.size(); ++i) {
    const std::string path = absl::StrCat("/affinities/", i);
    const Affinity& affinity = affinities[i];
    if (affinity.weight < -kMaxAffinityWeight || affinity.weight > kMaxAffinityWeight) {
      return InputError(error_code::kInvalidValue,
                        absl::StrCat("a weight is an integer from ", -kMaxAffinityWeight, " to ", kMaxAffinityWeight),
                        absl::StrCat(path, "/weight"));
    }
    Selector selector = affinity.selector;
    if (selector.kind == Selector::Kind::kSku) {
      return InputError(error_code::kInvalidValue, "products are ranked, not variants: name the product instead",
                        absl::StrCat(path, "/sku"));
    }
    SF_RETURN_IF_ERROR(CheckSelector(selector, catalog, path));
    selector.key = SelectorKey(selector.kind, selector.value, selector.attribute_key);
    selectors.push_back(std::move(selector));
  }
  return selectors;
}

}  // namespace

absl::Status CheckRankedProductCount(size_t count) {
  if (count <= kMaxRankedProducts) return absl::OkStatus();
  return InputError(error_code::kTooManyProducts,
                    absl::StrCat(count, " products to rank; the limit is ", kMaxRankedProducts), "/products");
}

absl::Status CheckAffinityCount(size_t count) {
  if (count <= kMaxAffinities) return absl::OkStatus();
  return InputError(error_code::kTooManyAffinities, absl::StrCat(count, " affinities; the limit is ", kMaxAffinities),
                    "/affinities");
}

absl::StatusOr<std::vector<RankedProduct>> RankByAffinity(const Catalog& catalog,
                                                          absl::Span<const std::string> product_ids,
                                                          absl::Span<const Affinity> affinities) {
  SF_RETURN_IF_ERROR(CheckRankedProductCount(product_ids.size()));
  SF_RETURN_IF_ERROR(CheckAffinityCount(affinities.size()));
  SF_ASSIGN_OR_RETURN(const std::vector<const Product*> products, FindProducts(catalog, product_ids));
  SF_ASSIGN_OR_RETURN(const std::vector<Selector> selectors, CheckedSelectors(catalog, affinities));

  std::vector<RankedProduct> ranked;
  ranked.reserve(products.size());
  for (const Product* product : products) {
    RankedProduct entry{product->id, 0, {}};
    const std::vector<std::string> keys = pricing::SortedProductKeys(catalog, *product);
    for (size_t i = 0; i < selectors.size(); ++i) {
      if (!pricing::MatchesAny(absl::MakeConstSpan(&selectors[i], 1), keys)) continue;
      entry.score += affinities[i].weight;
      entry.reasons.push_back(i);
    }
    ranked.push_back(std::move(entry));
  }
  // Stable: equal scores keep the caller's order, which is usually already a ranking of its own.
  std::stable_sort(ranked.begin(), ranked.end(),
                   [](const RankedProduct& a, const RankedProduct& b) { return a.score > b.score; });
  return ranked;
}

}  // namespace storefront::personalization
