#include "storefront/catalog/catalog.h"

#include <algorithm>

#include "absl/strings/str_cat.h"
#include "storefront/base/error.h"
#include "storefront/base/status_macros.h"

namespace storefront {
namespace {

constexpr int kMaxCategoryDepth = Catalog::kMaxCategoryDepth;
using CategoryIndex = absl::flat_hash_map<absl::string_view, size_t>;

// Indexes the tree and computes every category's depth; `depth` is filled in tree order.
absl::StatusOr<CategoryIndex> IndexCategories(const std::vector<Category>& categories, std::vector<int>& depth) {
  CategoryIndex index;
  for (size_t i = 0; i < categories.size(); ++i) {
    if (!index.emplace(categories[i].id, i).second) {
      return InputError(error_code::kDuplicateId, absl::StrCat("category \"", categories[i].id, "\" is defined twice"),
                        absl::StrCat("/categories/", i, "/id"));
    }
  }
  for (size_t i = 0; i < categories.size(); ++i) {
    const std::string& parent = categories[i].parent_id;
    if (!parent.empty() && !index.contains(parent)) {
      return InputError(error_code::kUnknownCategory, absl::StrCat("parent category \"", parent, "\" does not exist"),
                        absl::StrCat("/categories/", i, "/parent"));
    }
  }
  // Depth of every category, computed once per node (so the check is linear in the tree size):
  // walk up until a category of known depth or a root, then number the path top-down.
  constexpr int kUnknown = -1;
  constexpr int kOnPath = -2;
  depth.assign(categories.size(), kUnknown);
  std::vector<size_t> path;
  for (size_t i = 0; i < categories.size(); ++i) {
    path.clear();
    int next_depth = 0;
    for (size_t at = i;;) {
      if (depth[at] >= 0) {
        next_depth = depth[at] + 1;
        break;
      }
      if (depth[at] == kOnPath) {
        return InputError(error_code::kCategoryCycle,
                          absl::StrCat("category \"", categories[at].id, "\" is its own ancestor"),
                          absl::StrCat("/categories/", at, "/parent"));
      }
      depth[at] = kOnPath;
      path.push_back(at);
      if (categories[at].parent_id.empty()) break;
      at = index.at(categories[at].parent_id);
    }
    for (auto it = path.rbegin(); it != path.rend(); ++it) {
      if (next_depth >= kMaxCategoryDepth) {
        return InputError(
            error_code::kCategoryTooDeep,
            absl::StrCat("category \"", categories[*it].id, "\" is nested deeper than ", kMaxCategoryDepth, " levels"),
            absl::StrCat("/categories/", *it, "/parent"));
      }
      depth[*it] = next_depth++;
    }
  }
  return index;
}

absl::StatusOr<std::vector<std::string>> CloseOverAncestors(const Product& product, size_t product_index,
                                                            const std::vector<Category>& categories,
                                                            const CategoryIndex& index) {
  std::vector<std::string> closure;
  for (size_t c = 0; c < product.category_ids.size(); ++c) {
    auto it = index.find(product.category_ids[c]);
    if (it == index.end()) {
      return InputError(error_code::kUnknownCategory,
                        absl::StrCat("category \"", product.category_ids[c], "\" does not exist"),
                        absl::StrCat("/products/", product_index, "/categories/", c));
    }
    for (size_t at = it->second;; at = index.at(categories[at].parent_id)) {
      closure.push_back(categories[at].id);
      if (categories[at].parent_id.empty()) break;
    }
  }
  std::sort(closure.begin(), closure.end());
  closure.erase(std::unique(closure.begin(), closure.end()), closure.end());
  return closure;
}

}  // namespace

std::optional<Money> Variant::PriceIn(const Currency& currency) const {
  for (const Money& price : prices) {
    if (&price.currency() == &currency) return price;
  }
  return std::nullopt;
}

absl::StatusOr<Catalog> Catalog::Build(std::vector<Category> categories, std::vector<Product> products) {
  Catalog catalog;
  std::vector<int> depths;
  SF_ASSIGN_OR_RETURN(const CategoryIndex category_index, IndexCategories(categories, depths));
  for (size_t c = 0; c < categories.size(); ++c) catalog.category_depth_[categories[c].id] = depths[c];
  catalog.category_closures_.reserve(products.size());
  for (size_t p = 0; p < products.size(); ++p) {
    const Product& product = products[p];
    if (!catalog.product_by_id_.emplace(product.id, static_cast<uint32_t>(p)).second) {
      return InputError(error_code::kDuplicateId, absl::StrCat("product \"", product.id, "\" is defined twice"),
                        absl::StrCat("/products/", p, "/id"));
    }
    SF_ASSIGN_OR_RETURN(std::vector<std::string> closure, CloseOverAncestors(product, p, categories, category_index));
    catalog.category_closures_.push_back(std::move(closure));
    for (size_t v = 0; v < product.variants.size(); ++v) {
      const Location location{static_cast<uint32_t>(p), static_cast<uint32_t>(v)};
      if (!catalog.variant_by_sku_.emplace(product.variants[v].sku, location).second) {
        return InputError(error_code::kDuplicateId,
                          absl::StrCat("SKU \"", product.variants[v].sku, "\" is defined twice"),
                          absl::StrCat("/products/", p, "/variants/", v, "/sku"));
      }
    }
  }
  catalog.categories_ = std::move(categories);
  catalog.products_ = std::move(products);
  return catalog;
}

std::optional<Catalog::VariantRef> Catalog::FindSku(absl::string_view sku) const {
  auto it = variant_by_sku_.find(sku);
  if (it == variant_by_sku_.end()) return std::nullopt;
  const Product& product = products_[it->second.product];
  return VariantRef{&product, &product.variants[it->second.variant]};
}

const Product* Catalog::FindProduct(absl::string_view id) const {
  auto it = product_by_id_.find(id);
  return it == product_by_id_.end() ? nullptr : &products_[it->second];
}

std::optional<int> Catalog::CategoryDepth(absl::string_view id) const {
  auto it = category_depth_.find(id);
  if (it == category_depth_.end()) return std::nullopt;
  return it->second;
}

absl::Span<const std::string> Catalog::CategoryClosure(const Product& product) const {
  return category_closures_[static_cast<size_t>(&product - products_.data())];
}

}  // namespace storefront
