// Promotions at the JSON boundary: the snapshot's "promotions" and "promotion_selection", the
// cart's "promotion_counters", and the promotion parts of the priced cart.
#include <string>

#include "absl/strings/str_cat.h"
#include "gtest/gtest.h"
#include "storefront/base/error.h"
#include "storefront/codec/json_api.h"

namespace storefront {
namespace {

constexpr char kCatalog[] = R"(
  "schema_version": 1,
  "currencies": ["EUR", "USD"],
  "categories": [{"id": "tops"}],
  "products": [
    {"id": "tee", "title": "Tee", "categories": ["tops"],
     "variants": [{"sku": "TEE-M", "prices": {"EUR": "20.00", "USD": "22.00"}}]},
    {"id": "sock", "title": "Sock", "variants": [{"sku": "SOCK", "prices": {"EUR": "5.00"}}]}
  ])";

// A snapshot with `promotions` (the JSON text of the array) and optional extra members.
std::string SnapshotWith(const std::string& promotions, const std::string& extra = "") {
  return absl::StrCat("{", kCatalog, extra, R"(, "promotions": )", promotions, "}");
}

// A snapshot with one promotion: `body` gives its members besides the id.
std::string OnePromotion(const std::string& body) { return SnapshotWith(absl::StrCat(R"([{"id": "p", )", body, "}]")); }

struct Rejected {
  std::string code;
  std::string path;
};

Rejected ErrorOf(const std::string& snapshot, const HostLimits& limits = {}) {
  const absl::Status status = ParseSnapshotJson(snapshot, limits).status();
  return {ErrorCodeOf(status), ErrorPathOf(status)};
}

void ExpectRejected(const std::string& body, const std::string& code, const std::string& path) {
  const Rejected error = ErrorOf(OnePromotion(body));
  EXPECT_EQ(error.code, code) << body;
  EXPECT_EQ(error.path, path) << body;
}

TEST(PromotionsJsonTest, ReadsTheModelOfTheSpec) {
  const std::string promotions = R"([
    {"id": "welcome10", "name": "10 % off your first order", "coupons": [" welcome10\n", "HELLO10"],
     "valid_from": "2026-11-01T00:00:00Z", "valid_until": "2027-01-01T00:00:00Z", "channels": ["web"],
     "eligibility": {"customer_groups": ["retail"], "max_orders": 0}, "priority": 10,
     "combines_with": ["item", "shipping"], "min_margin": "0.10",
     "limits": {"uses": 1000, "uses_per_customer": 1, "budget": {"EUR": "5000.00"}},
     "condition": {"all": [{"subtotal": {"min": {"EUR": "30.00"}}},
                           {"not": {"weekday": {"days": ["sat", "sun"], "utc_offset": "+01:00"}}},
                           {"time_of_day": {"from": "22:00", "until": "02:00", "utc_offset": "-05:30"}}]},
     "action": {"type": "order_percent_off", "percent": "10"}},
    {"id": "socks", "condition": {"quantity": {"items": [{"sku": "SOCK"}], "min": 3}},
     "action": {"type": "buy_x_get_y", "buy": {"items": [{"sku": "SOCK"}], "quantity": 2},
                "get": {"quantity": 1}, "discount": {"percent": "100"}, "pick": "most_expensive"}},
    {"id": "tiers", "action": {"type": "tiered_spend", "tiers": [
       {"min": {"EUR": "100.00"}, "amount": {"EUR": "10.00"}}, {"min": {"EUR": "200.00"}, "percent": "12.5"}]}}
  ])";
  const absl::StatusOr<Snapshot> snapshot =
      ParseSnapshotJson(SnapshotWith(promotions, R"(, "settings": {"promotion_selection": "best_for_customer"})"));
  ASSERT_TRUE(snapshot.ok()) << snapshot.status();
  EXPECT_EQ(snapshot->settings.promotion_selection, PromotionSelection::kBestForCustomer);
  const PromotionSet& set = snapshot->promotions;
  ASSERT_EQ(set.all().size(), 3u);

  const Promotion& welcome = set.all()[0];
  EXPECT_EQ(set.FindByCoupon("WELCOME10"), &welcome);
  EXPECT_EQ(welcome.priority, 10);
  EXPECT_EQ(*welcome.eligibility.max_orders, 0);
  EXPECT_FALSE(welcome.CombinesWith(Action::Class::kOrder));
  EXPECT_EQ(welcome.limits.budget->at(0).ToString(), "5000.00");
  const Condition& all = *welcome.condition;
  EXPECT_EQ(all.path, "/promotions/0/condition");
  ASSERT_EQ(all.children.size(), 3u);
  EXPECT_EQ(all.children[0].kind, Condition::Kind::kSubtotal);
  EXPECT_EQ(all.children[1].children[0].path, "/promotions/0/condition/all/1/not");
  EXPECT_EQ(all.children[1].children[0].utc_offset_minutes, 60);
  const Condition& night = all.children[2];
  EXPECT_EQ(night.from_minute, 22 * 60);
  EXPECT_EQ(night.until_minute, 2 * 60);
  EXPECT_EQ(night.utc_offset_minutes, -330);
  EXPECT_EQ(welcome.action.ClassOf(), Action::Class::kOrder);

  const Promotion& socks = set.all()[1];
  EXPECT_EQ(socks.action.buy_quantity, 2);
  EXPECT_EQ(socks.action.get_quantity, 1);
  EXPECT_FALSE(socks.action.pick_cheapest);
  EXPECT_EQ(set.AutomaticFor("sku:SOCK").size(), 1u);

  const Promotion& tiers = set.all()[2];
  ASSERT_EQ(tiers.action.tiers.size(), 2u);
  EXPECT_EQ(tiers.action.tiers[1].percent->ToString(), "12.5");
  EXPECT_EQ(set.AutomaticForEveryCart().size(), 1u);
}

TEST(PromotionsJsonTest, SelectionDefaultsToPriorityAndRejectsOtherNames) {
  EXPECT_EQ(ParseSnapshotJson(SnapshotWith("[]"))->settings.promotion_selection, PromotionSelection::kPriority);
  const Rejected error = ErrorOf(SnapshotWith("[]", R"(, "settings": {"promotion_selection": "best"})"));
  EXPECT_EQ(error.code, "invalid_value");
  EXPECT_EQ(error.path, "/settings/promotion_selection");
}

TEST(PromotionsJsonTest, ValuesOutsideTheSpecAreRejectedWithTheirPath) {
  const std::string percent10 = R"("action": {"type": "order_percent_off", "percent": "10"})";
  ExpectRejected(R"("action": {"type": "order_percent_off", "percent": "0"})", "invalid_value",
                 "/promotions/0/action/percent");
  ExpectRejected(R"("action": {"type": "percent_off", "percent": "100.01"})", "invalid_value",
                 "/promotions/0/action/percent");
  ExpectRejected(R"("action": {"type": "half_off"})", "invalid_value", "/promotions/0/action/type");
  ExpectRejected(R"("action": {"type": "order_amount_off", "amount": {"EUR": "0.00"}})", "invalid_value",
                 "/promotions/0/action/amount/EUR");
  ExpectRejected(R"("action": {"type": "order_amount_off", "amount": {"GBP": "1.00"}})", "currency_not_allowed",
                 "/promotions/0/action/amount/GBP");
  ExpectRejected(R"("action": {"type": "unit_price", "price": {"EUR": "-1.00"}})", "invalid_value",
                 "/promotions/0/action/price/EUR");
  ExpectRejected(R"("action": {"type": "n_for_x", "quantity": 1, "price": {"EUR": "10.00"}})", "invalid_value",
                 "/promotions/0/action/quantity");
  ExpectRejected(R"("action": {"type": "order_percent_off", "percent": "10", "items": []})", "unknown_field",
                 "/promotions/0/action/items");
  ExpectRejected(R"("action": {"type": "shipping_off", "percent": "10", "free": true})", "invalid_value",
                 "/promotions/0/action");
  ExpectRejected(R"("action": {"type": "tiered_spend", "by": "quantity", "tiers": [{"min": 3, "percent": "5"},
                 {"min": 3, "percent": "10"}]})",
                 "invalid_value", "/promotions/0/action/tiers/1/min");
  ExpectRejected(R"("action": {"type": "tiered_spend", "tiers": [{"min": {"EUR": "50.00"}, "percent": "5"},
                 {"min": {"EUR": "40.00", "USD": "60.00"}, "percent": "10"}]})",
                 "invalid_value", "/promotions/0/action/tiers/1/min/EUR");
  ExpectRejected(
      R"("action": {"type": "bundle", "components": [{"items": [{"sku": "SOCK"}]}], "price": {"EUR": "1.00"}})",
      "invalid_value", "/promotions/0/action/components");
  ExpectRejected(R"("action": {"type": "free_gift", "sku": "MUG"})", "unknown_sku", "/promotions/0/action/sku");
  ExpectRejected(R"("combines_with": ["items"], )" + percent10, "invalid_value", "/promotions/0/combines_with/0");
  ExpectRejected(R"("coupons": ["A", ""], )" + percent10, "invalid_value", "/promotions/0/coupons/1");
  ExpectRejected(R"("valid_from": "2027-01-01T00:00:00Z", "valid_until": "2026-01-01T00:00:00Z", )" + percent10,
                 "invalid_window", "/promotions/0/valid_until");
  ExpectRejected(R"("condition": {}, )" + percent10, "invalid_value", "/promotions/0/condition");
  ExpectRejected(R"("condition": {"segment": "vip", "channel": ["web"]}, )" + percent10, "invalid_value",
                 "/promotions/0/condition");
  ExpectRejected(R"("condition": {"weather": "sunny"}, )" + percent10, "invalid_value",
                 "/promotions/0/condition/weather");
  ExpectRejected(R"("condition": {"any": []}, )" + percent10, "invalid_value", "/promotions/0/condition/any");
  ExpectRejected(R"("condition": {"quantity": {"items": [{"sku": "SOCK"}]}}, )" + percent10, "invalid_value",
                 "/promotions/0/condition/quantity");
  ExpectRejected(R"("condition": {"line_count": {"min": 3, "max": 2}}, )" + percent10, "invalid_value",
                 "/promotions/0/condition/line_count/max");
  ExpectRejected(
      R"("condition": {"amount": {"items": [{"sku": "SOCK"}], "min": {"EUR": "5.00"}, "base": "net"}}, )" + percent10,
      "invalid_value", "/promotions/0/condition/amount/base");
  ExpectRejected(R"("condition": {"weekday": {"days": ["mon", "Tue"]}}, )" + percent10, "invalid_value",
                 "/promotions/0/condition/weekday/days/1");
  ExpectRejected(R"("condition": {"weekday": {"days": ["mon", "mon"]}}, )" + percent10, "invalid_value",
                 "/promotions/0/condition/weekday/days/1");
  ExpectRejected(R"("condition": {"weekday": {"days": ["mon"], "utc_offset": "+18:01"}}, )" + percent10,
                 "invalid_value", "/promotions/0/condition/weekday/utc_offset");
  ExpectRejected(R"("condition": {"time_of_day": {"from": "09:00", "until": "24:00"}}, )" + percent10, "invalid_value",
                 "/promotions/0/condition/time_of_day/until");
  ExpectRejected(R"("condition": {"time_of_day": {"from": "09:00", "until": "09:00"}}, )" + percent10, "invalid_value",
                 "/promotions/0/condition/time_of_day/until");
  ExpectRejected(R"("condition": {"currency": ["GBP"]}, )" + percent10, "currency_not_allowed",
                 "/promotions/0/condition/currency/0");
  ExpectRejected(
      R"("condition": {"all": [{"segment": "vip"}, {"contains": {"items": [{"category": "shoes"}]}}]}, )" + percent10,
      "unknown_category", "/promotions/0/condition/all/1/contains/items/0/category");
  ExpectRejected(R"("condition": {"customer_attribute": {"key": "tier", "equals": "gold", "min": 1}}, )" + percent10,
                 "invalid_value", "/promotions/0/condition/customer_attribute");
}

TEST(PromotionsJsonTest, DuplicatesAreLoadErrors) {
  const std::string percent10 = R"("action": {"type": "order_percent_off", "percent": "10"})";
  Rejected error =
      ErrorOf(SnapshotWith(absl::StrCat(R"([{"id": "a", )", percent10, R"(}, {"id": "a", )", percent10, "}]")));
  EXPECT_EQ(error.code, "duplicate_id");
  EXPECT_EQ(error.path, "/promotions/1/id");
  error = ErrorOf(SnapshotWith(absl::StrCat(R"([{"id": "a", "coupons": ["SAVE"], )", percent10,
                                            R"(}, {"id": "b", "coupons": ["x", " save"], )", percent10, "}]")));
  EXPECT_EQ(error.code, "duplicate_coupon_code");
  EXPECT_EQ(error.path, "/promotions/1/coupons/1");
}

TEST(PromotionsJsonTest, ConditionTreesHaveAtMost64Nodes) {
  // {"all": [63 leaves]} is 64 nodes; one leaf more is too complex.
  auto tree = [](int leaves) {
    std::string children;
    for (int i = 0; i < leaves; ++i) absl::StrAppend(&children, i == 0 ? "" : ",", R"({"segment": "vip"})");
    return absl::StrCat(R"("condition": {"all": [)", children,
                        R"(]}, "action": {"type": "order_percent_off", "percent": "10"})");
  };
  EXPECT_TRUE(ParseSnapshotJson(OnePromotion(tree(63))).ok());
  ExpectRejected(tree(64), "condition_too_complex", "/promotions/0/condition");
}

TEST(PromotionsJsonTest, TheHostLimitIsCheckedBeforeAnyPromotionIsRead) {
  HostLimits limits;
  limits.max_promotions = 1;
  const Rejected error = ErrorOf(SnapshotWith(R"([{"id": "a"}, {"id": "b"}])"), limits);
  EXPECT_EQ(error.code, "too_many_promotions");
  EXPECT_EQ(error.path, "/promotions");
}

TEST(PromotionsJsonTest, ErrorPathsPointIntoTheCallersInput) {
  const std::string input = absl::StrCat(
      R"({"snapshot": )",
      OnePromotion(R"("condition": {"segment": ""}, "action": {"type": "order_percent_off", "percent": "10"})"), "}");
  const std::string envelope = RunOperation("snapshot.validate", input);
  EXPECT_NE(envelope.find(R"("path":"/snapshot/promotions/0/condition/segment")"), std::string::npos) << envelope;
}

TEST(PromotionsJsonTest, CartCountersAreReadSortedAndChecked) {
  const Snapshot snapshot = *ParseSnapshotJson(SnapshotWith("[]"));
  auto cart = [](const std::string& counters) {
    return absl::StrCat(R"({"currency": "EUR", "at": "2026-11-22T10:00:00Z", "lines": [], "promotion_counters": )",
                        counters, "}");
  };
  const absl::StatusOr<CartRequest> request = ParseCartJson(
      cart(R"({"welcome10": {"uses_left": -2, "customer_uses_left": 0}, "black-friday": {"budget_left": "120.00"}})"),
      snapshot);
  ASSERT_TRUE(request.ok()) << request.status();
  ASSERT_EQ(request->promotion_counters.size(), 2u);
  EXPECT_EQ(request->promotion_counters[0].promotion, "black-friday");
  EXPECT_EQ(request->promotion_counters[0].budget_left->ToString(), "120.00");
  EXPECT_FALSE(request->promotion_counters[0].uses_left.has_value());
  EXPECT_EQ(*request->promotion_counters[1].uses_left, -2);  // negative: exhausted, not an error

  absl::Status status = ParseCartJson(cart(R"({"x": {"budget_left": "-0.01"}})"), snapshot).status();
  EXPECT_EQ(ErrorCodeOf(status), "invalid_value");
  EXPECT_EQ(ErrorPathOf(status), "/promotion_counters/x/budget_left");
  status = ParseCartJson(cart(R"({"x": {"uses": 1}})"), snapshot).status();
  EXPECT_EQ(ErrorCodeOf(status), "unknown_field");
  EXPECT_EQ(ErrorPathOf(status), "/promotion_counters/x/uses");
  status = ParseCartJson(cart(R"({"x": {"budget_left": "1.001"}})"), snapshot).status();
  EXPECT_EQ(ErrorPathOf(status), "/promotion_counters/x/budget_left");
}

TEST(PromotionsJsonTest, OutputsCarryOnlyTheFieldsThatSaySomething) {
  const Currency& eur = *FindCurrency("EUR");
  auto eur_cents = [&](int64_t cents) { return Money::FromMinorUnits(cents, eur); };
  PricedCart cart(eur);
  PricedLine line(eur);
  line.sku = "SOCK";
  line.discounts = {{"socks", eur_cents(500)}};
  PricedLine gift(eur);
  gift.sku = "SOCK";
  gift.gift_of = "gift";
  cart.lines = {line, gift};
  cart.totals.loyalty_points = 12;
  PromotionOutcome applied;
  applied.promotion = "socks";
  applied.applied = true;
  applied.saving = eur_cents(500);
  applied.uses = 1;
  PromotionOutcome waiting;
  waiting.promotion = "welcome10";
  waiting.coupon = "welcome10 ";
  waiting.coupon_index = 1;
  waiting.reason = "condition_not_met";
  waiting.condition = "/promotions/0/condition";
  waiting.missing_amount = eur_cents(1000);
  cart.promotions = {applied, waiting};
  Nudge shipping;
  shipping.type = "free_shipping";
  shipping.method = "standard";
  shipping.threshold = eur_cents(5000);
  shipping.missing = eur_cents(800);
  Nudge add_items;
  add_items.type = "add_items";
  add_items.promotion = "socks";
  add_items.missing_quantity = 1;
  cart.nudges = {add_items, shipping};

  const std::string json = SerializePricedCart(cart);
  EXPECT_NE(json.find(R"("discounts":[{"amount":"5.00","promotion":"socks"}])"), std::string::npos) << json;
  EXPECT_NE(json.find(R"("discounts":[],"gift_of":"gift")"), std::string::npos) << json;
  EXPECT_NE(json.find(R"("loyalty_points":12)"), std::string::npos) << json;
  EXPECT_NE(json.find(R"("nudges":[{"missing_quantity":1,"promotion":"socks","type":"add_items"},)"
                      R"({"method":"standard","missing":"8.00","threshold":"50.00","type":"free_shipping"}])"),
            std::string::npos)
      << json;
  EXPECT_NE(
      json.find(R"("promotions":[{"applied":true,"promotion":"socks","saving":"5.00","uses":1},)"
                R"({"applied":false,"condition":"/promotions/0/condition","coupon":"welcome10 ","coupon_index":1,)"
                R"("missing_amount":"10.00","promotion":"welcome10","reason":"condition_not_met"}])"),
      std::string::npos)
      << json;

  // Nothing promotional happened: none of the new members appear.
  PricedCart plain(eur);
  const std::string plain_json = SerializePricedCart(plain);
  for (const char* member : {"loyalty_points", "promotions", "nudges", "gift_of"}) {
    EXPECT_EQ(plain_json.find(member), std::string::npos) << member;
  }
}

}  // namespace
}  // namespace storefront
