// Shipping (stage 3): zone matching, load-time validation through the C++ API, and the quote's
// rules that the shared vectors cannot reach (C++ callers, overflow, sort order).
#include "storefront/shipping/shipping.h"

#include <string>
#include <utility>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "storefront/base/error.h"
#include "storefront/codec/json_api.h"

namespace storefront {
namespace {

using ::testing::ElementsAre;
using ::testing::Field;

const Currency& Eur() { return *FindCurrency("EUR"); }
Money Eur(int64_t cents) { return Money::FromMinorUnits(cents, Eur()); }

PostalCodes Prefix(std::string prefix) { return {std::move(prefix), "", ""}; }
PostalCodes Range(std::string from, std::string to) { return {"", std::move(from), std::move(to)}; }

ShippingRate Flat(std::string zone, int64_t cents) {
  ShippingRate rate;
  rate.zone = std::move(zone);
  rate.amount = {Eur(cents)};
  return rate;
}

ShippingMethod Method(std::string id, std::vector<ShippingRate> rates) {
  ShippingMethod method;
  method.id = std::move(id);
  method.rates = std::move(rates);
  return method;
}

ShippingZone Zone(std::string id, std::vector<std::string> countries, std::vector<PostalCodes> postal_codes = {}) {
  ShippingZone zone;
  zone.id = std::move(id);
  zone.countries = std::move(countries);
  zone.postal_codes = std::move(postal_codes);
  return zone;
}

absl::Status BuildStatus(std::vector<ShippingZone> zones, std::vector<ShippingMethod> methods) {
  return ShippingConfig::Build(std::move(zones), std::move(methods), Catalog()).status();
}

TEST(PostalCodesTest, PrefixesMatchTheStartOfTheCode) {
  EXPECT_TRUE(Prefix("SW").Contains("SW1A 1AA"));
  EXPECT_TRUE(Prefix("SW").Contains("SW"));
  EXPECT_FALSE(Prefix("SW").Contains("S"));
  EXPECT_FALSE(Prefix("SW").Contains("sw1a 1aa"));  // byte for byte: no case folding
}

TEST(PostalCodesTest, RangesAreInclusiveAndHoldOnlyCodesOfTheirLength) {
  const PostalCodes berlin = Range("10000", "14999");
  EXPECT_TRUE(berlin.Contains("10000"));
  EXPECT_TRUE(berlin.Contains("10115"));
  EXPECT_TRUE(berlin.Contains("14999"));
  EXPECT_FALSE(berlin.Contains("15000"));
  EXPECT_FALSE(berlin.Contains("09999"));
  // As strings "1011" < "14999" and "101150" < "14999", but neither is a five-digit code.
  EXPECT_FALSE(berlin.Contains("1011"));
  EXPECT_FALSE(berlin.Contains("101150"));
  EXPECT_FALSE(berlin.Contains(""));
}

TEST(ShippingZoneTest, CountryThenRegionThenPostalCode) {
  ShippingZone zone = Zone("z", {"US"});
  EXPECT_TRUE(zone.Matches({"US", "", ""}));
  EXPECT_FALSE(zone.Matches({"CA", "", ""}));
  zone.regions = {"CA", "OR"};
  EXPECT_TRUE(zone.Matches({"US", "OR", ""}));
  EXPECT_FALSE(zone.Matches({"US", "", ""}));  // a zone that names regions needs one
  zone.postal_codes = {Prefix("97"), Range("90000", "90999")};
  EXPECT_TRUE(zone.Matches({"US", "OR", "97201"}));
  EXPECT_TRUE(zone.Matches({"US", "CA", "90210"}));
  EXPECT_FALSE(zone.Matches({"US", "CA", "94103"}));
}

TEST(ShippingConfigTest, ResolvesZonesAndFindsMethods) {
  absl::StatusOr<ShippingConfig> config = ShippingConfig::Build(
      {Zone("de", {"DE"}), Zone("at", {"AT"})}, {Method("std", {Flat("at", 590), Flat("de", 490)})}, Catalog());
  ASSERT_TRUE(config.ok()) << config.status();
  const ShippingMethod* method = config->FindMethod("std");
  ASSERT_NE(method, nullptr);
  EXPECT_THAT(method->rates, ElementsAre(Field(&ShippingRate::zone_index, 1u), Field(&ShippingRate::zone_index, 0u)));
  EXPECT_EQ(config->FindMethod("STD"), nullptr);  // ids are case-sensitive
}

TEST(ShippingConfigTest, RejectsBadReferencesWithTheirPaths) {
  const absl::Status zone = BuildStatus({Zone("de", {"DE"})}, {Method("std", {Flat("de", 490), Flat("at", 590)})});
  EXPECT_EQ(ErrorCodeOf(zone), "unknown_shipping_zone");
  EXPECT_EQ(ErrorPathOf(zone), "/methods/0/rates/1/zone");

  ShippingMethod excluding = Method("std", {Flat("de", 490)});
  excluding.eligibility.excluded_categories = {"furniture"};
  const absl::Status category = BuildStatus({Zone("de", {"DE"})}, {excluding});
  EXPECT_EQ(ErrorCodeOf(category), "unknown_category");
  EXPECT_EQ(ErrorPathOf(category), "/methods/0/eligibility/excluded_categories/0");

  const absl::Status twice = BuildStatus({Zone("de", {"DE"}), Zone("de", {"AT"})}, {});
  EXPECT_EQ(ErrorCodeOf(twice), "duplicate_id");
  EXPECT_EQ(ErrorPathOf(twice), "/zones/1/id");
  const absl::Status methods =
      BuildStatus({Zone("de", {"DE"})}, {Method("std", {Flat("de", 1)}), Method("std", {Flat("de", 2)})});
  EXPECT_EQ(ErrorPathOf(methods), "/methods/1/id");
}

TEST(ShippingConfigTest, OverlappingRangesAreFoundWhereverTheyAreListed) {
  // 14000..15999 overlaps entry 0, though two other entries sit between them in the document.
  const absl::Status status = BuildStatus(
      {Zone("z", {"DE"}, {Range("10000", "14999"), Prefix("1"), Range("20000", "29999"), Range("14000", "15999")})},
      {});
  EXPECT_EQ(ErrorCodeOf(status), "overlapping_postal_ranges");
  EXPECT_EQ(ErrorPathOf(status), "/zones/0/postal_codes/3");
  // A shared bound is a shared code: ranges are inclusive.
  EXPECT_EQ(ErrorCodeOf(BuildStatus({Zone("z", {"DE"}, {Range("100", "199"), Range("199", "299")})}, {})),
            "overlapping_postal_ranges");
  // Adjacent, of other lengths, or in different zones: no overlap.
  EXPECT_TRUE(BuildStatus({Zone("z", {"DE"}, {Range("200", "299"), Range("100", "199"), Range("1000", "2999")}),
                           Zone("y", {"DE"}, {Range("100", "199")})},
                          {})
                  .ok());
}

TEST(ShippingConfigTest, RejectsMalformedZones) {
  EXPECT_EQ(ErrorPathOf(BuildStatus({Zone("z", {})}, {})), "/zones/0/countries");
  EXPECT_EQ(ErrorPathOf(BuildStatus({Zone("z", {"DE", "deu"})}, {})), "/zones/0/countries/1");
  EXPECT_EQ(ErrorPathOf(BuildStatus({Zone("z", {"DE"}, {Range("100", "99")})}, {})), "/zones/0/postal_codes/0/to");
  EXPECT_EQ(ErrorPathOf(BuildStatus({Zone("z", {"DE"}, {Range("200", "100")})}, {})), "/zones/0/postal_codes/0/to");
  EXPECT_EQ(ErrorPathOf(BuildStatus({Zone("z", {"DE"}, {{"1", "100", "199"}})}, {})), "/zones/0/postal_codes/0");
  EXPECT_EQ(ErrorPathOf(BuildStatus({Zone("z", {"DE"}, {{"", "", ""}})}, {})), "/zones/0/postal_codes/0");
}

TEST(ShippingConfigTest, RejectsBadRatesWithTheirPaths) {
  const std::vector<ShippingZone> zones = {Zone("de", {"DE"})};
  EXPECT_EQ(ErrorPathOf(BuildStatus(zones, {Method("std", {})})), "/methods/0/rates");
  EXPECT_EQ(ErrorPathOf(BuildStatus(zones, {Method("std", {Flat("de", -1)})})), "/methods/0/rates/0/amount/EUR");

  ShippingRate weights;
  weights.zone = "de";
  weights.type = RateType::kWeightTiers;
  weights.weight_tiers = {{1000, {Eur(490)}}, {1000, {Eur(990)}}};
  const absl::Status equal = BuildStatus(zones, {Method("std", {weights})});
  EXPECT_EQ(ErrorCodeOf(equal), "invalid_tiers");
  EXPECT_EQ(ErrorPathOf(equal), "/methods/0/rates/0/tiers/1/up_to_grams");

  ShippingRate subtotals;
  subtotals.zone = "de";
  subtotals.type = RateType::kSubtotalTiers;
  subtotals.subtotal_tiers = {{{Eur(100)}, {Eur(490)}}};
  EXPECT_EQ(ErrorPathOf(BuildStatus(zones, {Method("std", {subtotals})})), "/methods/0/rates/0/tiers/0/from/EUR");

  // A rate carrying members of another type is a contradiction the JSON reader cannot produce.
  ShippingRate stray = Flat("de", 490);
  stray.weight_tiers = weights.weight_tiers;
  EXPECT_EQ(ErrorPathOf(BuildStatus(zones, {Method("std", {stray})})), "/methods/0/rates/0");

  ShippingMethod heavy = Method("std", {Flat("de", 490)});
  heavy.eligibility.max_weight_grams = -1;
  EXPECT_EQ(ErrorPathOf(BuildStatus(zones, {heavy})), "/methods/0/eligibility/max_weight_grams");
}

constexpr char kSnapshot[] = R"({
  "schema_version": 1,
  "currencies": ["EUR"],
  "products": [
    {"id": "anvil", "title": "Anvil", "variants": [{"sku": "ANVIL", "prices": {"EUR": "10.00"}, "weight_grams": 4611686018427387904}]},
    {"id": "pin", "title": "Pin", "variants": [{"sku": "PIN", "prices": {"EUR": "1.00"}, "weight_grams": 1}]}
  ],
  "shipping": {
    "zones": [{"id": "de", "countries": ["DE"]}],
    "methods": [
      {"id": "b", "rates": [{"zone": "de", "type": "flat", "amount": {"EUR": "5.00"}}]},
      {"id": "a", "rates": [{"zone": "de", "type": "flat", "amount": {"EUR": "5.00"}}]},
      {"id": "capped", "rates": [{"zone": "de", "type": "flat", "amount": {"EUR": "5.00"}, "free_over": {"EUR": "20.00"}}]},
      {"id": "huge", "rates": [{"zone": "de", "type": "per_item", "amount": {"EUR": "92233720368547758.07"}}]}
    ]
  }
})";

CartRequest Cart(const Engine& engine, std::vector<CartLine> lines, ShippingRequest shipping) {
  CartRequest cart =
      *ParseCartJson(R"({"currency": "EUR", "at": "2026-11-22T10:00:00Z", "lines": []})", engine.snapshot());
  cart.lines = std::move(lines);
  cart.shipping_address = Address{"DE", "", "10115"};
  cart.shipping = std::move(shipping);
  return cart;
}

TEST(QuoteShippingTest, EqualAmountsAreOrderedByMethodId) {
  auto engine = *CreateEngineFromJson(kSnapshot);
  const PricedCart priced = *engine->Price(Cart(*engine, {{std::nullopt, "PIN", 1}}, {"", true}));
  ASSERT_TRUE(priced.shipping.has_value());
  ASSERT_TRUE(priced.shipping->options.has_value());
  EXPECT_THAT(*priced.shipping->options,
              ElementsAre(Field(&ShippingOption::method, "a"), Field(&ShippingOption::method, "b"),
                          Field(&ShippingOption::method, "capped"), Field(&ShippingOption::method, "huge")));
  EXPECT_EQ(priced.shipping->weight_grams, 1);
  EXPECT_EQ(priced.totals.shipping_total, Eur(0));  // options charge nothing
}

TEST(QuoteShippingTest, OverflowIsAnErrorNeverAWrappedAmount) {
  auto engine = *CreateEngineFromJson(kSnapshot);
  // 2^62 g × 2 does not fit in int64: the line's weight overflows.
  const absl::Status weight =
      engine->Price(Cart(*engine, {{std::nullopt, "PIN", 1}, {std::nullopt, "ANVIL", 2}}, {"a", false})).status();
  EXPECT_EQ(ErrorCodeOf(weight), "arithmetic_overflow");
  EXPECT_EQ(ErrorPathOf(weight), "/lines/1");
  // Each line fits, their sum does not.
  const absl::Status sum =
      engine->Price(Cart(*engine, {{std::nullopt, "ANVIL", 1}, {std::nullopt, "ANVIL", 1}}, {"a", false})).status();
  EXPECT_EQ(ErrorPathOf(sum), "/lines");
  // A per-item amount times the item count.
  const absl::Status per_item = engine->Price(Cart(*engine, {{std::nullopt, "PIN", 2}}, {"huge", false})).status();
  EXPECT_EQ(ErrorCodeOf(per_item), "arithmetic_overflow");
}

TEST(QuoteShippingTest, RequestsAreCheckedBeforeAnyStageRuns) {
  auto engine = *CreateEngineFromJson(kSnapshot);
  const absl::Status unknown = engine->Price(Cart(*engine, {}, {"nope", false})).status();
  EXPECT_EQ(ErrorCodeOf(unknown), "unknown_shipping_method");
  EXPECT_EQ(ErrorPathOf(unknown), "/shipping/method");
  // C++ callers can build what the JSON reader refuses: neither or both.
  EXPECT_EQ(ErrorPathOf(engine->Price(Cart(*engine, {}, {"", false})).status()), "/shipping");
  EXPECT_EQ(ErrorPathOf(engine->Price(Cart(*engine, {}, {"a", true})).status()), "/shipping");
}

TEST(QuoteShippingTest, SelectedMethodIsChargedInTheTotals) {
  auto engine = *CreateEngineFromJson(kSnapshot);
  const PricedCart priced = *engine->Price(Cart(*engine, {{std::nullopt, "PIN", 3}}, {"a", false}));
  ASSERT_TRUE(priced.shipping.has_value());
  EXPECT_TRUE(priced.shipping->available);
  EXPECT_EQ(priced.shipping->amount, Eur(500));
  EXPECT_EQ(priced.totals.shipping_total, Eur(500));
  EXPECT_EQ(priced.totals.total, Eur(800));
  EXPECT_TRUE(priced.nudges.empty());
}

// Promotions (stage 2) will fill discount_total; the threshold must see the discounted amount,
// or a coupon could push a cart below free shipping without the shopper being told.
TEST(QuoteShippingTest, ThresholdComparesTheSubtotalAfterLineDiscounts) {
  auto engine = *CreateEngineFromJson(kSnapshot);
  const CartRequest request = Cart(*engine, {{std::nullopt, "PIN", 25}}, {"capped", false});
  PricedCart cart = *engine->Price(request);
  ASSERT_TRUE(cart.shipping->free);  // 25.00 >= 20.00

  cart.shipping.reset();
  cart.nudges.clear();
  cart.lines[0].discount_total = Eur(600);  // 25.00 − 6.00 = 19.00 < 20.00
  ASSERT_TRUE(QuoteShipping(engine->snapshot().shipping, engine->snapshot().catalog, engine->snapshot().experiments,
                            request, cart)
                  .ok());
  EXPECT_FALSE(cart.shipping->free);
  EXPECT_EQ(cart.shipping->amount, Eur(500));
  ASSERT_EQ(cart.nudges.size(), 1u);
  EXPECT_EQ(cart.nudges[0].threshold, Eur(2000));
  EXPECT_EQ(cart.nudges[0].missing, Eur(100));
}

TEST(QuoteShippingTest, NothingIsQuotedUnlessTheCartAsks) {
  auto engine = *CreateEngineFromJson(kSnapshot);
  CartRequest request = Cart(*engine, {{std::nullopt, "PIN", 1}}, {"a", false});
  request.shipping.reset();
  const PricedCart priced = *engine->Price(request);
  EXPECT_FALSE(priced.shipping.has_value());
  EXPECT_TRUE(priced.nudges.empty());
  EXPECT_TRUE(priced.issues.empty());
}

}  // namespace
}  // namespace storefront
