// PromotionSet: coupon-code normalization, load-time validation and the index that keeps a
// cart from looking at promotions that could not do anything for it.
#include <string>
#include <utility>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "storefront/base/error.h"
#include "storefront/cart/cart.h"
#include "storefront/promotions/promotion.h"

namespace storefront {
namespace {

using ::testing::ElementsAre;
using ::testing::IsEmpty;

Catalog TestCatalog() {
  Product tee;
  tee.id = "tee";
  tee.title = "Tee";
  tee.category_ids = {"tops"};
  Variant medium;
  medium.sku = "TEE-M";
  tee.variants = {medium};
  Product mug;
  mug.id = "mug";
  mug.title = "Mug";
  Variant plain;
  plain.sku = "MUG";
  mug.variants = {plain};
  Category tops;
  tops.id = "tops";
  return *Catalog::Build({tops}, {tee, mug});
}

Selector Sku(std::string sku) {
  Selector selector;
  selector.kind = Selector::Kind::kSku;
  selector.value = std::move(sku);
  return selector;
}

Selector InCategory(std::string id) {
  Selector selector;
  selector.kind = Selector::Kind::kCategory;
  selector.value = std::move(id);
  return selector;
}

Condition Leaf(Condition::Kind kind, ItemFilter items = {}) {
  Condition condition;
  condition.kind = kind;
  condition.items = std::move(items);
  if (kind == Condition::Kind::kQuantity) condition.min_count = 2;
  if (kind == Condition::Kind::kLineCount) condition.min_count = 1;
  return condition;
}

Condition Node(Condition::Kind kind, std::vector<Condition> children) {
  Condition condition;
  condition.kind = kind;
  condition.children = std::move(children);
  return condition;
}

Promotion OrderPercent(std::string id) {
  Promotion promotion;
  promotion.id = std::move(id);
  promotion.action.type = Action::Type::kOrderPercentOff;
  promotion.action.percent = *Decimal::Parse("10");
  return promotion;
}

TEST(NormalizeCouponCodeTest, TrimsAsciiWhiteSpaceAndUpperCasesAsciiLettersOnly) {
  EXPECT_EQ(NormalizeCouponCode(" welcome10\n"), "WELCOME10");
  EXPECT_EQ(NormalizeCouponCode("\t\r\n\f\vSale\v\f\n\r\t "), "SALE");
  EXPECT_EQ(NormalizeCouponCode("welcome 10"), "WELCOME 10");  // inner spaces are part of the code
  EXPECT_EQ(NormalizeCouponCode("black-friday_2026"), "BLACK-FRIDAY_2026");
  EXPECT_EQ(NormalizeCouponCode("été"), "éTé");                              // non-ASCII letters are kept as they are
  EXPECT_EQ(NormalizeCouponCode("\xC2\xA0x\xC2\xA0"), "\xC2\xA0X\xC2\xA0");  // no-break space is not trimmed
  EXPECT_EQ(NormalizeCouponCode(" \t\n"), "");
  EXPECT_EQ(NormalizeCouponCode(""), "");
}

TEST(PromotionTest, ActionClassesFollowTheTable) {
  Action action;
  for (Action::Type type : {Action::Type::kPercentOff, Action::Type::kAmountOffEach, Action::Type::kAmountOffItems,
                            Action::Type::kUnitPrice, Action::Type::kNForX, Action::Type::kBuyXGetY,
                            Action::Type::kBundle, Action::Type::kFreeGift}) {
    action.type = type;
    EXPECT_EQ(action.ClassOf(), Action::Class::kItem);
  }
  for (Action::Type type : {Action::Type::kTieredSpend, Action::Type::kOrderPercentOff, Action::Type::kOrderAmountOff,
                            Action::Type::kLoyaltyPoints}) {
    action.type = type;
    EXPECT_EQ(action.ClassOf(), Action::Class::kOrder);
  }
  action.type = Action::Type::kShippingOff;
  EXPECT_EQ(action.ClassOf(), Action::Class::kShipping);

  Promotion promotion;
  EXPECT_TRUE(promotion.CombinesWith(Action::Class::kShipping));  // default: all three classes
  promotion.combines_with = {Action::Class::kItem};
  EXPECT_TRUE(promotion.CombinesWith(Action::Class::kItem));
  EXPECT_FALSE(promotion.CombinesWith(Action::Class::kOrder));
}

TEST(PromotionSetTest, DuplicateIdsAreRejectedAtTheSecond) {
  const absl::Status status =
      PromotionSet::Build({OrderPercent("a"), OrderPercent("b"), OrderPercent("a")}, TestCatalog()).status();
  EXPECT_EQ(ErrorCodeOf(status), "duplicate_id");
  EXPECT_EQ(ErrorPathOf(status), "/promotions/2/id");
}

TEST(PromotionSetTest, CodesAreNormalizedAndMustBeUniqueAcrossAndWithinPromotions) {
  Promotion welcome = OrderPercent("welcome");
  welcome.coupons = {" welcome10\n", "HELLO"};
  Promotion other = OrderPercent("other");
  other.coupons = {"WELCOME10"};
  absl::Status status = PromotionSet::Build({welcome, other}, TestCatalog()).status();
  EXPECT_EQ(ErrorCodeOf(status), "duplicate_coupon_code");
  EXPECT_EQ(ErrorPathOf(status), "/promotions/1/coupons/0");

  welcome.coupons = {"hello", "HELLO "};
  status = PromotionSet::Build({welcome}, TestCatalog()).status();
  EXPECT_EQ(ErrorCodeOf(status), "duplicate_coupon_code");
  EXPECT_EQ(ErrorPathOf(status), "/promotions/0/coupons/1");

  welcome.coupons = {"HELLO", " \t"};
  status = PromotionSet::Build({welcome}, TestCatalog()).status();
  EXPECT_EQ(ErrorCodeOf(status), "invalid_value");
  EXPECT_EQ(ErrorPathOf(status), "/promotions/0/coupons/1");

  welcome.coupons = {" welcome10\n"};
  const absl::StatusOr<PromotionSet> set = PromotionSet::Build({welcome}, TestCatalog());
  ASSERT_TRUE(set.ok()) << set.status();
  EXPECT_EQ(set->all()[0].coupons[0], "WELCOME10");
  EXPECT_EQ(set->FindByCoupon("WELCOME10"), &set->all()[0]);
  EXPECT_EQ(set->FindByCoupon("welcome10"), nullptr);  // callers look up normalized codes
  EXPECT_EQ(set->FindById("welcome"), &set->all()[0]);
  EXPECT_EQ(set->FindById("nope"), nullptr);
}

TEST(PromotionSetTest, ReferencesAreCheckedWithPathsToTheSelector) {
  Promotion promotion = OrderPercent("p");
  promotion.condition = Node(Condition::Kind::kAll, {Leaf(Condition::Kind::kLineCount),
                                                     Leaf(Condition::Kind::kQuantity, {Sku("TEE-M"), Sku("NOPE")})});
  absl::Status status = PromotionSet::Build({promotion}, TestCatalog()).status();
  EXPECT_EQ(ErrorCodeOf(status), "unknown_sku");
  EXPECT_EQ(ErrorPathOf(status), "/promotions/0/condition/all/1/quantity/items/1/sku");

  promotion = OrderPercent("p");
  promotion.action.type = Action::Type::kBundle;
  promotion.action.components = {{{Sku("MUG")}, 1}, {{InCategory("bottoms")}, 1}};
  status = PromotionSet::Build({promotion}, TestCatalog()).status();
  EXPECT_EQ(ErrorCodeOf(status), "unknown_category");
  EXPECT_EQ(ErrorPathOf(status), "/promotions/0/action/components/1/items/0/category");

  promotion = OrderPercent("p");
  promotion.action.type = Action::Type::kFreeGift;
  promotion.action.sku = "GIFT";
  status = PromotionSet::Build({promotion}, TestCatalog()).status();
  EXPECT_EQ(ErrorCodeOf(status), "unknown_sku");
  EXPECT_EQ(ErrorPathOf(status), "/promotions/0/action/sku");
}

TEST(PromotionSetTest, ConditionNodesGetTheirPointers) {
  Promotion promotion = OrderPercent("p");
  promotion.condition = Node(Condition::Kind::kAny, {Leaf(Condition::Kind::kLineCount),
                                                     Node(Condition::Kind::kNot, {Leaf(Condition::Kind::kLineCount)})});
  const absl::StatusOr<PromotionSet> set = PromotionSet::Build({OrderPercent("o"), promotion}, TestCatalog());
  ASSERT_TRUE(set.ok()) << set.status();
  const Condition& root = *set->all()[1].condition;
  EXPECT_EQ(root.path, "/promotions/1/condition");
  EXPECT_EQ(root.children[0].path, "/promotions/1/condition/any/0");
  EXPECT_EQ(root.children[1].children[0].path, "/promotions/1/condition/any/1/not");
}

TEST(PromotionSetTest, AutomaticPromotionsAreIndexedByTheItemsTheyNeed) {
  Promotion tee = OrderPercent("tee-2");  // "buy 2 tees": only a cart with a tee can meet it
  tee.condition = Leaf(Condition::Kind::kQuantity, {Sku("TEE-M")});
  Promotion everyone = OrderPercent("everyone");
  everyone.condition = Leaf(Condition::Kind::kLineCount);
  Promotion unconditional = OrderPercent("unconditional");
  Promotion coupon = OrderPercent("coupon");  // found through its code only
  coupon.coupons = {"TEE"};
  coupon.condition = Leaf(Condition::Kind::kQuantity, {Sku("TEE-M")});
  Promotion targeted = OrderPercent("mug-sale");  // no condition: the action's items decide
  targeted.action.type = Action::Type::kPercentOff;
  targeted.action.target.items = {Sku("MUG")};
  Promotion all = OrderPercent("all");  // the first child with a requirement is the tree's
  all.condition = Node(Condition::Kind::kAll,
                       {Leaf(Condition::Kind::kLineCount), Leaf(Condition::Kind::kContains, {InCategory("tops")})});
  Promotion any = OrderPercent("any");  // a child without one makes the whole `any` cart-wide
  any.condition =
      Node(Condition::Kind::kAny, {Leaf(Condition::Kind::kContains, {Sku("MUG")}), Leaf(Condition::Kind::kLineCount)});
  Promotion negated = OrderPercent("not");
  negated.condition = Node(Condition::Kind::kNot, {Leaf(Condition::Kind::kContains, {Sku("MUG")})});

  const absl::StatusOr<PromotionSet> set =
      PromotionSet::Build({tee, everyone, unconditional, coupon, targeted, all, any, negated}, TestCatalog());
  ASSERT_TRUE(set.ok()) << set.status();
  EXPECT_THAT(set->AutomaticFor("sku:TEE-M"), ElementsAre(0));
  EXPECT_THAT(set->AutomaticFor("sku:MUG"), ElementsAre(4));
  EXPECT_THAT(set->AutomaticFor("category:tops"), ElementsAre(5));
  EXPECT_THAT(set->AutomaticFor("product:tee"), IsEmpty());
  EXPECT_THAT(set->AutomaticForEveryCart(), ElementsAre(1, 2, 6, 7));
}

TEST(PromotionSetTest, AnyOfItemLeavesNeedsOneOfTheirKeys) {
  Promotion promotion = OrderPercent("either");
  promotion.condition = Node(Condition::Kind::kAny, {Leaf(Condition::Kind::kContains, {Sku("MUG")}),
                                                     Leaf(Condition::Kind::kQuantity, {Sku("TEE-M")})});
  const absl::StatusOr<PromotionSet> set = PromotionSet::Build({promotion}, TestCatalog());
  ASSERT_TRUE(set.ok()) << set.status();
  EXPECT_THAT(set->AutomaticFor("sku:MUG"), ElementsAre(0));
  EXPECT_THAT(set->AutomaticFor("sku:TEE-M"), ElementsAre(0));
  EXPECT_THAT(set->AutomaticForEveryCart(), IsEmpty());
}

TEST(PromotionSetTest, AQuantityLeafThatHoldsForNoneOfTheItemsIsCartWide) {
  Promotion promotion = OrderPercent("at-most-one-mug");
  promotion.condition = Leaf(Condition::Kind::kQuantity, {Sku("MUG")});
  promotion.condition->min_count.reset();
  promotion.condition->max_count = 1;
  const absl::StatusOr<PromotionSet> set = PromotionSet::Build({promotion}, TestCatalog());
  ASSERT_TRUE(set.ok()) << set.status();
  EXPECT_THAT(set->AutomaticFor("sku:MUG"), IsEmpty());
  EXPECT_THAT(set->AutomaticForEveryCart(), ElementsAre(0));
}

TEST(PromotionSetTest, CountersMustNameAKnownPromotion) {
  const PromotionSet set = *PromotionSet::Build({OrderPercent("welcome")}, TestCatalog());
  CartRequest cart;
  cart.promotion_counters = {{"welcome", 0, std::nullopt, std::nullopt}};
  EXPECT_TRUE(ValidatePromotionCounters(set, cart).ok());
  cart.promotion_counters.push_back({"welcome/10", 1, std::nullopt, std::nullopt});
  const absl::Status status = ValidatePromotionCounters(set, cart);
  EXPECT_EQ(ErrorCodeOf(status), "unknown_promotion");
  EXPECT_EQ(ErrorPathOf(status), "/promotion_counters/welcome~110");
}

}  // namespace
}  // namespace storefront
