// Affinity ranking (personalization.md, section 5): scores, the stable order, what a product
// matches on, and every error with its path, limits at and past their edge.
#include "storefront/personalization/affinity.h"

#include <algorithm>
#include <string>
#include <utility>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "storefront/base/error.h"

namespace storefront::personalization {
namespace {

using ::testing::ElementsAre;
using ::testing::IsEmpty;

Product MakeProduct(std::string id, std::vector<std::string> categories, std::vector<std::string> tags,
                    Attributes attributes = {}) {
  Product product;
  product.id = std::move(id);
  product.title = product.id;
  product.category_ids = std::move(categories);
  product.tags = std::move(tags);
  product.attributes = std::move(attributes);
  Variant variant;
  variant.sku = "SKU-" + product.id;
  product.variants.push_back(variant);
  return product;
}

// drinks > coffee > espresso; home. The mug's variant says roast=dark, the product does not.
Catalog TestCatalog() {
  std::vector<Category> categories = {
      {"drinks", "", ""}, {"coffee", "", "drinks"}, {"espresso", "", "coffee"}, {"home", "", ""}};
  Product mug = MakeProduct("mug", {"home"}, {"gift"});
  mug.variants[0].attributes = {{"roast", "dark"}};
  std::vector<Product> products = {
      MakeProduct("beans", {"espresso"}, {"organic"}, {{"roast", "dark"}}),
      MakeProduct("tea", {"drinks"}, {"organic"}),
      mug,
      MakeProduct("filter", {"coffee"}, {}, {{"roast", "light"}}),
  };
  return *Catalog::Build(categories, products);
}

Affinity Make(Selector::Kind kind, std::string value, int64_t weight, std::string attribute_key = "") {
  Affinity affinity;
  affinity.selector.kind = kind;
  affinity.selector.value = std::move(value);
  affinity.selector.attribute_key = std::move(attribute_key);
  affinity.weight = weight;
  return affinity;
}

std::vector<std::string> Ids(const std::vector<RankedProduct>& ranked) {
  std::vector<std::string> ids;
  for (const RankedProduct& entry : ranked) ids.push_back(entry.product);
  return ids;
}

TEST(AffinityTest, ScoresSumTheMatchingWeightsAndRankHighestFirst) {
  const Catalog catalog = TestCatalog();
  // beans: drinks 3 + organic 2 + roast=dark 1 = 6; tea: drinks 3 + organic 2 = 5;
  // filter: drinks 3 = 3; mug: product -4 = -4.
  const std::vector<Affinity> affinities = {
      Make(Selector::Kind::kCategory, "drinks", 3), Make(Selector::Kind::kTag, "organic", 2),
      Make(Selector::Kind::kProduct, "mug", -4), Make(Selector::Kind::kAttribute, "dark", 1, "roast")};
  const auto ranked = RankByAffinity(catalog, {"mug", "filter", "tea", "beans"}, affinities);
  ASSERT_TRUE(ranked.ok()) << ranked.status();
  EXPECT_THAT(Ids(*ranked), ElementsAre("beans", "tea", "filter", "mug"));
  EXPECT_EQ((*ranked)[0].score, 6);
  EXPECT_THAT((*ranked)[0].reasons, ElementsAre(0, 1, 3));
  EXPECT_EQ((*ranked)[1].score, 5);
  EXPECT_EQ((*ranked)[2].score, 3);
  EXPECT_THAT((*ranked)[2].reasons, ElementsAre(0));
  EXPECT_EQ((*ranked)[3].score, -4);
  EXPECT_THAT((*ranked)[3].reasons, ElementsAre(2));  // the variant's roast=dark does not count
}

TEST(AffinityTest, EqualScoresKeepTheInputOrder) {
  const Catalog catalog = TestCatalog();
  const auto none = RankByAffinity(catalog, {"tea", "mug", "beans", "filter"}, {});
  ASSERT_TRUE(none.ok());
  EXPECT_THAT(Ids(*none), ElementsAre("tea", "mug", "beans", "filter"));
  EXPECT_THAT((*none)[1].reasons, IsEmpty());
  // coffee matches beans (through espresso) and filter: 5 each, ahead of the zeros, in input order.
  const std::vector<Affinity> coffee = {Make(Selector::Kind::kCategory, "coffee", 5)};
  const auto ranked = RankByAffinity(catalog, {"tea", "filter", "mug", "beans"}, coffee);
  ASSERT_TRUE(ranked.ok());
  EXPECT_THAT(Ids(*ranked), ElementsAre("filter", "beans", "tea", "mug"));
}

TEST(AffinityTest, ARankingIsAPermutationWhateverTheInputOrder) {
  const Catalog catalog = TestCatalog();
  const std::vector<Affinity> affinities = {Make(Selector::Kind::kTag, "organic", 1),
                                            Make(Selector::Kind::kCategory, "coffee", 1)};
  std::vector<std::string> ids = {"beans", "filter", "mug", "tea"};
  do {
    const auto ranked = RankByAffinity(catalog, ids, affinities);
    ASSERT_TRUE(ranked.ok());
    // beans scores 2; tea and filter 1 each, in their input order; mug 0.
    EXPECT_EQ(Ids(*ranked).front(), "beans");
    EXPECT_EQ(Ids(*ranked).back(), "mug");
    const bool tea_first = std::find(ids.begin(), ids.end(), "tea") < std::find(ids.begin(), ids.end(), "filter");
    EXPECT_EQ((*ranked)[1].product, tea_first ? "tea" : "filter");
  } while (std::next_permutation(ids.begin(), ids.end()));
}

TEST(AffinityTest, RejectsProductsItCannotRank) {
  const Catalog catalog = TestCatalog();
  const absl::Status unknown = RankByAffinity(catalog, {"tea", "coffee"}, {}).status();
  EXPECT_EQ(ErrorCodeOf(unknown), "unknown_product");
  EXPECT_EQ(ErrorPathOf(unknown), "/products/1");
  const absl::Status twice = RankByAffinity(catalog, {"tea", "mug", "tea"}, {}).status();
  EXPECT_EQ(ErrorCodeOf(twice), "duplicate_id");
  EXPECT_EQ(ErrorPathOf(twice), "/products/2");
}

TEST(AffinityTest, RejectsAffinitiesItCannotApply) {
  const Catalog catalog = TestCatalog();
  auto error_of = [&](Affinity affinity) {
    const std::vector<Affinity> affinities = {Make(Selector::Kind::kTag, "organic", 1), std::move(affinity)};
    const absl::Status status = RankByAffinity(catalog, {"tea"}, affinities).status();
    return status.ok() ? std::string("ok") : ErrorCodeOf(status) + " " + ErrorPathOf(status);
  };
  EXPECT_EQ(error_of(Make(Selector::Kind::kSku, "SKU-tea", 1)), "invalid_value /affinities/1/sku");
  EXPECT_EQ(error_of(Make(Selector::Kind::kProduct, "coffee", 1)), "unknown_product /affinities/1/product");
  EXPECT_EQ(error_of(Make(Selector::Kind::kCategory, "organic", 1)), "unknown_category /affinities/1/category");
  EXPECT_EQ(error_of(Make(Selector::Kind::kTag, "drinks", 1001)), "invalid_value /affinities/1/weight");
  EXPECT_EQ(error_of(Make(Selector::Kind::kTag, "drinks", -1001)), "invalid_value /affinities/1/weight");
  // A tag or attribute no product carries is free text, as in promotions: it matches nothing.
  EXPECT_EQ(error_of(Make(Selector::Kind::kTag, "no-such-tag", 1000)), "ok");
  EXPECT_EQ(error_of(Make(Selector::Kind::kAttribute, "x", -1000, "no-such-key")), "ok");
}

TEST(AffinityTest, LimitsHoldAtTheirEdgeAndFailPastIt) {
  std::vector<Product> products;
  std::vector<std::string> ids;
  for (size_t i = 0; i <= kMaxRankedProducts; ++i) {
    ids.push_back("p" + std::to_string(i));
    products.push_back(MakeProduct(ids.back(), {}, {"t"}));
  }
  const Catalog catalog = *Catalog::Build({}, products);
  const std::vector<Affinity> affinities(kMaxAffinities, Make(Selector::Kind::kTag, "t", kMaxAffinityWeight));

  const absl::Span<const std::string> at_edge(ids.data(), kMaxRankedProducts);
  const auto ranked = RankByAffinity(catalog, at_edge, affinities);
  ASSERT_TRUE(ranked.ok()) << ranked.status();
  ASSERT_EQ(ranked->size(), kMaxRankedProducts);
  EXPECT_EQ(ranked->front().product, "p0");  // all tie at the highest possible score
  EXPECT_EQ(ranked->front().score, 100'000);
  EXPECT_EQ(ranked->back().product, "p999");

  const absl::Status products_past = RankByAffinity(catalog, ids, {}).status();
  EXPECT_EQ(ErrorCodeOf(products_past), "too_many_products");
  EXPECT_EQ(ErrorPathOf(products_past), "/products");
  std::vector<Affinity> too_many = affinities;
  too_many.push_back(too_many.back());
  const absl::Status affinities_past = RankByAffinity(catalog, {"p0"}, too_many).status();
  EXPECT_EQ(ErrorCodeOf(affinities_past), "too_many_affinities");
  EXPECT_EQ(ErrorPathOf(affinities_past), "/affinities");
  // Counts come first: an oversized list is refused before its ids are looked at.
  EXPECT_EQ(ErrorCodeOf(RankByAffinity(catalog, std::vector<std::string>(1001, "nope"), {}).status()),
            "too_many_products");
}

}  // namespace
}  // namespace storefront::personalization
