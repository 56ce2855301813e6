// The catalog: products, their sellable variants (SKUs) and the category tree.
//
// Built once from the snapshot by Catalog::Build, which validates every reference and indexes
// what pricing looks up per cart line (SKU -> variant; product -> every category it belongs to,
// ancestors included). Immutable afterwards; lookups never allocate.
#ifndef STOREFRONT_CATALOG_CATALOG_H_
#define STOREFRONT_CATALOG_CATALOG_H_

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/types/span.h"
#include "storefront/money/decimal.h"
#include "storefront/money/money.h"

namespace storefront {

// Key-sorted string attributes ("color" -> "black").
using Attributes = std::vector<std::pair<std::string, std::string>>;

struct Category {
  std::string id;
  std::string name;
  std::string parent_id;  // empty for a root
};

struct Variant {
  std::string sku;
  std::string title;
  Attributes attributes;
  std::vector<Money> prices;      // at most one per currency
  std::vector<Money> unit_costs;  // at most one per currency
  std::optional<int64_t> weight_grams;
  std::vector<Money> min_prices;  // per currency: no computed price goes below (pricing.md, floors)

  // The base price in `currency`, if the variant has one.
  std::optional<Money> PriceIn(const Currency& currency) const;
};

struct Product {
  std::string id;
  std::string title;
  std::vector<std::string> category_ids;  // as listed in the snapshot
  std::vector<std::string> tags;
  Attributes attributes;
  std::string tax_category = "standard";
  std::optional<Decimal> min_margin;  // a floor of unit_cost × (1 + min_margin)
  std::vector<Variant> variants;
};

class Catalog {
 public:
  Catalog() = default;  // empty

  // Real category trees are a handful of levels deep; the cap keeps every membership walk short.
  static constexpr int kMaxCategoryDepth = 32;

  // Validates and indexes. Errors carry JSON Pointer paths in snapshot layout
  // ("/products/3/variants/0/sku"): duplicate ids or SKUs (`duplicate_id`), unknown parents or
  // product categories (`unknown_category`), cycles in the tree (`category_cycle`), trees deeper than
  // kMaxCategoryDepth (`category_too_deep`).
  static absl::StatusOr<Catalog> Build(std::vector<Category> categories, std::vector<Product> products);

  absl::Span<const Category> categories() const { return categories_; }
  absl::Span<const Product> products() const { return products_; }
  size_t variant_count() const { return variant_by_sku_.size(); }

  struct VariantRef {
    const Product* product;
    const Variant* variant;
  };
  std::optional<VariantRef> FindSku(absl::string_view sku) const;
  const Product* FindProduct(absl::string_view id) const;
  // Levels above the category (a root is 0), or nullopt for an unknown id.
  std::optional<int> CategoryDepth(absl::string_view id) const;

  // Every category `product` belongs to, ancestors included, sorted by id.
  absl::Span<const std::string> CategoryClosure(const Product& product) const;

 private:
  struct Location {
    uint32_t product;
    uint32_t variant;
  };

  std::vector<Category> categories_;
  std::vector<Product> products_;
  std::vector<std::vector<std::string>> category_closures_;  // by product index
  absl::flat_hash_map<std::string, Location> variant_by_sku_;
  absl::flat_hash_map<std::string, uint32_t> product_by_id_;
  absl::flat_hash_map<std::string, int> category_depth_;
};

}  // namespace storefront

#endif  // STOREFRONT_CATALOG_CATALOG_H_
