#include "storefront/catalog/catalog.h"

#include <string>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "storefront/base/error.h"

namespace storefront {
namespace {

using ::testing::ElementsAre;

Product MakeProduct(std::string id, std::vector<std::string> categories, std::string sku) {
  Product product;
  product.id = std::move(id);
  product.title = product.id;
  product.category_ids = std::move(categories);
  Variant variant;
  variant.sku = std::move(sku);
  product.variants.push_back(variant);
  return product;
}

TEST(CatalogTest, MembershipIncludesEveryAncestor) {
  std::vector<Category> tree = {{"apparel", "", ""}, {"tops", "", "apparel"}, {"tees", "", "tops"}, {"home", "", ""}};
  Catalog catalog = *Catalog::Build(tree, {MakeProduct("tee", {"tees", "home"}, "TEE-1")});
  const auto found = catalog.FindSku("TEE-1");
  ASSERT_TRUE(found.has_value());
  EXPECT_THAT(catalog.CategoryClosure(*found->product), ElementsAre("apparel", "home", "tees", "tops"));
  EXPECT_FALSE(catalog.FindSku("tee-1").has_value());  // SKUs are case-sensitive
}

TEST(CatalogTest, RejectsBrokenTreesWithThePathOfTheCulprit) {
  const absl::Status cycle = Catalog::Build({{"a", "", "b"}, {"b", "", "a"}}, {}).status();
  EXPECT_EQ(ErrorCodeOf(cycle), "category_cycle");
  const absl::Status self = Catalog::Build({{"a", "", "a"}}, {}).status();
  EXPECT_EQ(ErrorCodeOf(self), "category_cycle");
  EXPECT_EQ(ErrorPathOf(self), "/categories/0/parent");
  const absl::Status unknown = Catalog::Build({{"a", "", "zzz"}}, {}).status();
  EXPECT_EQ(ErrorCodeOf(unknown), "unknown_category");
  const absl::Status duplicate = Catalog::Build({{"a", "", ""}, {"a", "", ""}}, {}).status();
  EXPECT_EQ(ErrorPathOf(duplicate), "/categories/1/id");
}

TEST(CatalogTest, DepthIsCappedAtTheDocumentedLimit) {
  auto chain = [](int length) {
    std::vector<Category> categories;
    for (int i = 0; i < length; ++i)
      categories.push_back({"c" + std::to_string(i), "", i ? "c" + std::to_string(i - 1) : ""});
    return categories;
  };
  EXPECT_TRUE(Catalog::Build(chain(Catalog::kMaxCategoryDepth), {}).ok());
  EXPECT_EQ(ErrorCodeOf(Catalog::Build(chain(Catalog::kMaxCategoryDepth + 1), {}).status()), "category_too_deep");
}

TEST(CatalogTest, RejectsDuplicateProductsAndSkus) {
  const absl::Status products = Catalog::Build({}, {MakeProduct("p", {}, "A"), MakeProduct("p", {}, "B")}).status();
  EXPECT_EQ(ErrorPathOf(products), "/products/1/id");
  const absl::Status skus = Catalog::Build({}, {MakeProduct("p", {}, "A"), MakeProduct("q", {}, "A")}).status();
  EXPECT_EQ(ErrorCodeOf(skus), "duplicate_id");
  EXPECT_EQ(ErrorPathOf(skus), "/products/1/variants/0/sku");
  const absl::Status category = Catalog::Build({}, {MakeProduct("p", {"nope"}, "A")}).status();
  EXPECT_EQ(ErrorPathOf(category), "/products/0/categories/0");
}

}  // namespace
}  // namespace storefront
