// Tax (stage 4), load time: TaxConfig::Build's validation and evaluation order through the C++
// API, the snapshot's "tax" section and the cart's tax fields at the JSON boundary, the tax parts
// of the priced cart, and the EU VAT number syntax table.
#include <string>
#include <utility>
#include <vector>

#include "absl/strings/str_cat.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "storefront/base/error.h"
#include "storefront/codec/json_api.h"
#include "storefront/tax/tax.h"

namespace storefront {
namespace {

using ::testing::ElementsAre;

const Currency& Eur() { return *FindCurrency("EUR"); }
Money Eur(int64_t cents) { return Money::FromMinorUnits(cents, Eur()); }

Decimal Percent(absl::string_view text) { return *Decimal::Parse(text); }

TaxZone Zone(std::string id, std::vector<std::string> countries, std::vector<std::string> regions = {}) {
  TaxZone zone;
  zone.id = std::move(id);
  zone.countries = std::move(countries);
  zone.regions = std::move(regions);
  return zone;
}

TaxRate Rate(std::string id, size_t zone, absl::string_view percent, std::vector<size_t> compounds_on = {}) {
  TaxRate rate;
  rate.id = std::move(id);
  rate.zone = zone;
  rate.jurisdiction = "X";
  rate.name = rate.id;
  rate.percent = Percent(percent);
  rate.categories = {"standard"};
  rate.compounds_on = std::move(compounds_on);
  return rate;
}

TaxConfig::Input Input(std::vector<TaxRate> rates) {
  TaxConfig::Input input;
  input.settings.categories = {"standard", "reduced"};
  input.zones = {Zone("ca", {"CA"}), Zone("ca-qc", {"CA"}, {"QC"})};
  input.rates = std::move(rates);
  return input;
}

Catalog OneProduct(std::string tax_category) {
  Product product;
  product.id = "tee";
  product.title = "Tee";
  product.tax_category = std::move(tax_category);
  Variant variant;
  variant.sku = "TEE";
  variant.prices = {Eur(1999)};
  product.variants = {variant};
  Category category;
  category.id = "tops";
  return *Catalog::Build({category}, {product});
}

struct Rejected {
  std::string code;
  std::string path;
};

Rejected BuildError(TaxConfig::Input input, const Catalog& catalog = Catalog()) {
  const absl::Status status = TaxConfig::Build(std::move(input), catalog).status();
  return {ErrorCodeOf(status), ErrorPathOf(status)};
}

TEST(TaxConfigTest, BuildsAnEnabledConfiguration) {
  absl::StatusOr<TaxConfig> config =
      TaxConfig::Build(Input({Rate("gst", 0, "5"), Rate("qst", 1, "9.975")}), OneProduct("standard"));
  ASSERT_TRUE(config.ok()) << config.status();
  EXPECT_TRUE(config->enabled());
  EXPECT_TRUE(config->HasCategory("reduced"));
  EXPECT_FALSE(config->HasCategory("Reduced"));
  EXPECT_EQ(config->rates()[1].percent.ToString(), "9.975");
  EXPECT_THAT(config->evaluation_order(), ElementsAre(0u, 1u));
  EXPECT_FALSE(TaxConfig().enabled());
}

TEST(TaxConfigTest, CompoundedRatesAreEvaluatedFirstAndOtherwiseInSnapshotOrder) {
  // qst compounds on gst, listed after it; "a" and "b" are independent.
  TaxConfig::Input input = Input({Rate("a", 0, "1"), Rate("qst", 1, "9.975", {3}), Rate("b", 0, "2"),
                                  Rate("gst", 0, "5"), Rate("top", 0, "1", {1, 3})});
  absl::StatusOr<TaxConfig> config = TaxConfig::Build(std::move(input), Catalog());
  ASSERT_TRUE(config.ok()) << config.status();
  EXPECT_THAT(config->evaluation_order(), ElementsAre(0u, 2u, 3u, 1u, 4u));
  // The rates themselves stay in snapshot order: outputs list them that way.
  EXPECT_EQ(config->rates()[1].id, "qst");
}

TEST(TaxConfigTest, ACompoundingCycleIsReportedAtTheEntryThatClosesIt) {
  const Rejected self = BuildError(Input({Rate("gst", 0, "5", {0})}));
  EXPECT_EQ(self.code, "tax_compound_cycle");
  EXPECT_EQ(self.path, "/tax/rates/0/compounds_on/0");

  // a -> b -> c -> a: the walk starts at a and visits c's entries in order, so c's second entry
  // closes the cycle.
  const Rejected cycle =
      BuildError(Input({Rate("a", 0, "1", {1}), Rate("b", 0, "1", {2}), Rate("c", 0, "1", {3, 0}), Rate("d", 0, "1")}));
  EXPECT_EQ(cycle.code, "tax_compound_cycle");
  EXPECT_EQ(cycle.path, "/tax/rates/2/compounds_on/1");
}

TEST(TaxConfigTest, ReferencesOutsideTheConfigurationAreRejected) {
  const Rejected zone = BuildError(Input({Rate("gst", 0, "5"), Rate("pst", 7, "7")}));
  EXPECT_EQ(zone.code, "unknown_tax_zone");
  EXPECT_EQ(zone.path, "/tax/rates/1/zone");

  const Rejected rate = BuildError(Input({Rate("gst", 0, "5", {4})}));
  EXPECT_EQ(rate.code, "unknown_tax_rate");
  EXPECT_EQ(rate.path, "/tax/rates/0/compounds_on/0");

  TaxRate food = Rate("food", 0, "5");
  food.categories = {"standard", "food"};
  const Rejected category = BuildError(Input({food}));
  EXPECT_EQ(category.code, "unknown_tax_category");
  EXPECT_EQ(category.path, "/tax/rates/0/categories/1");

  const Rejected duplicate = BuildError(Input({Rate("gst", 0, "5"), Rate("gst", 1, "5")}));
  EXPECT_EQ(duplicate.code, "duplicate_id");
  EXPECT_EQ(duplicate.path, "/tax/rates/1/id");

  TaxConfig::Input zones = Input({});
  zones.zones.push_back(Zone("ca", {"US"}));
  const Rejected zone_twice = BuildError(std::move(zones));
  EXPECT_EQ(zone_twice.code, "duplicate_id");
  EXPECT_EQ(zone_twice.path, "/tax/zones/2/id");
}

TEST(TaxConfigTest, EveryProductsTaxCategoryMustBeDeclared) {
  const Rejected error = BuildError(Input({}), OneProduct("books"));
  EXPECT_EQ(error.code, "unknown_tax_category");
  EXPECT_EQ(error.path, "/products/0/tax_category");
  // The default category is a category like any other.
  TaxConfig::Input without_standard = Input({});
  without_standard.settings.categories = {"reduced"};
  EXPECT_EQ(BuildError(std::move(without_standard), OneProduct("standard")).path, "/products/0/tax_category");
}

TEST(TaxConfigTest, PercentsAreFrom0To100WithAtMost4FractionDigits) {
  for (absl::string_view ok : {"0", "100", "9.975", "8.8750", "0.0001", "100.0000"}) {
    EXPECT_EQ(BuildError(Input({Rate("r", 0, ok)})).code, "") << ok;
  }
  for (absl::string_view bad : {"9.97501", "0.00001", "100.0001", "101", "-1", "8.87500"}) {
    const Rejected error = BuildError(Input({Rate("r", 0, bad)}));
    EXPECT_EQ(error.code, "invalid_value") << bad;
    EXPECT_EQ(error.path, "/tax/rates/0/rate") << bad;
  }
}

TEST(TaxConfigTest, SettingsThatNeedTheOriginOrACategoryHaveThem) {
  TaxConfig::Input origin_sourcing = Input({});
  origin_sourcing.settings.address = TaxSettings::AddressSource::kOrigin;
  EXPECT_EQ(BuildError(origin_sourcing).code, "missing_field");
  EXPECT_EQ(BuildError(origin_sourcing).path, "/tax/origin");
  origin_sourcing.settings.origin = Address{"DE", "BY", "80331"};
  EXPECT_EQ(BuildError(origin_sourcing).code, "");

  TaxConfig::Input rederive = Input({});
  rederive.settings.cross_border = TaxSettings::CrossBorder::kRederiveNet;
  EXPECT_EQ(BuildError(rederive).path, "/tax/origin");

  TaxConfig::Input shipping = Input({});
  shipping.settings.shipping = TaxSettings::ShippingMethod::kCategory;
  shipping.settings.shipping_category = "shipping";
  EXPECT_EQ(BuildError(shipping).code, "unknown_tax_category");
  EXPECT_EQ(BuildError(shipping).path, "/tax/shipping/category");

  TaxConfig::Input twice = Input({});
  twice.settings.categories.push_back("standard");
  EXPECT_EQ(BuildError(twice).code, "duplicate_id");
  EXPECT_EQ(BuildError(twice).path, "/tax/categories/2");
}

TEST(TaxConfigTest, FeesSelectFromTheCatalogAndCostSomething) {
  TaxFee fee;
  fee.id = "weee";
  fee.zone = 0;
  fee.name = "WEEE fee";
  Selector category;
  category.kind = Selector::Kind::kCategory;
  category.value = "tops";
  fee.items = {category};
  fee.amount = {Eur(50)};
  fee.category = "standard";

  TaxConfig::Input input = Input({});
  input.fees = {fee};
  absl::StatusOr<TaxConfig> config = TaxConfig::Build(input, OneProduct("standard"));
  ASSERT_TRUE(config.ok()) << config.status();
  EXPECT_EQ(config->fees()[0].items[0].key, "category:tops");

  input.fees[0].items[0].value = "audio";
  EXPECT_EQ(BuildError(input, OneProduct("standard")).code, "unknown_category");
  EXPECT_EQ(BuildError(input, OneProduct("standard")).path, "/tax/fees/0/items/0/category");
  input.fees[0].items[0].value = "tops";
  input.fees[0].amount = {Eur(0)};
  EXPECT_EQ(BuildError(input, OneProduct("standard")).path, "/tax/fees/0/amount/EUR");
  input.fees[0].amount = {Eur(50)};
  input.fees[0].category = "deposit";
  EXPECT_EQ(BuildError(input, OneProduct("standard")).code, "unknown_tax_category");
  EXPECT_EQ(BuildError(input, OneProduct("standard")).path, "/tax/fees/0/category");
}

// --- The JSON boundary --------------------------------------------------------------------

constexpr char kCatalog[] = R"(
  "schema_version": 1,
  "currencies": ["EUR", "USD", "CAD"],
  "settings": {"rounding_mode": "half-away-from-zero"},
  "categories": [{"id": "audio"}],
  "products": [
    {"id": "tee", "title": "Tee", "tax_category": "clothing",
     "variants": [{"sku": "TEE", "prices": {"EUR": "19.99", "USD": "120.00"}}]},
    {"id": "speaker", "title": "Speaker", "categories": ["audio"],
     "variants": [{"sku": "SPK", "prices": {"EUR": "49.00"}}]}
  ])";

// The spec's example section (docs/concepts/tax.md §1), with `extra` members.
std::string SnapshotWithTax(const std::string& extra = "", const std::string& rates_extra = "") {
  return absl::StrCat("{", kCatalog, R"(, "tax": {
    "categories": ["standard", "reduced", "clothing", "shipping"],
    "address": "shipping",
    "origin": {"country": "DE", "region": "BY", "postal_code": "80331"},
    "registration": {"country": "DE", "vat_number": "DE123456789"},
    "discounts": "after",
    "shipping": {"method": "proportional"},
    "cross_border": "keep_gross",
    "zones": [
      {"id": "de", "countries": ["DE"]},
      {"id": "ca", "countries": ["CA"]},
      {"id": "ca-qc", "countries": ["CA"], "regions": ["QC"]},
      {"id": "us-ny", "countries": ["US"], "regions": ["NY"]}
    ],
    "rates": [
      {"id": "de-standard", "zone": "de", "jurisdiction": "DE", "name": "USt", "rate": "19",
       "categories": ["standard", "clothing", "shipping"]},
      {"id": "qc-qst", "zone": "ca-qc", "jurisdiction": "CA-QC", "name": "QST", "rate": "9.975",
       "categories": ["standard"], "compounds_on": ["ca-gst"]},
      {"id": "ca-gst", "zone": "ca", "jurisdiction": "CA", "name": "GST", "rate": "5", "categories": ["standard"]},
      {"id": "ny-state-clothing", "zone": "us-ny", "jurisdiction": "US-NY", "name": "NY State", "rate": "4",
       "categories": ["clothing"], "threshold": {"mode": "exempt_below", "amount": {"USD": "110.00"}}})",
                      rates_extra, R"(
    ],
    "fees": [
      {"id": "weee", "zone": "de", "name": "WEEE fee", "items": [{"category": "audio"}],
       "amount": {"EUR": "0.50"}, "category": "standard"}
    ])",
                      extra, "}}");
}

Rejected ParseError(const std::string& snapshot) {
  const absl::Status status = ParseSnapshotJson(snapshot).status();
  return {ErrorCodeOf(status), ErrorPathOf(status)};
}

TEST(TaxJsonTest, ReadsTheSpecsExample) {
  const absl::StatusOr<Snapshot> snapshot = ParseSnapshotJson(SnapshotWithTax());
  ASSERT_TRUE(snapshot.ok()) << snapshot.status();
  const TaxConfig& tax = snapshot->tax;
  ASSERT_TRUE(tax.enabled());
  const TaxSettings& settings = tax.settings();
  EXPECT_EQ(settings.address, TaxSettings::AddressSource::kShipping);
  EXPECT_EQ(settings.origin->postal_code, "80331");
  EXPECT_EQ(*settings.registration_country, "DE");
  EXPECT_EQ(settings.registration_vat_number, "DE123456789");
  EXPECT_EQ(settings.rounding_mode, RoundingMode::kHalfAwayFromZero);  // the snapshot's mode
  EXPECT_EQ(settings.rounding_level, TaxSettings::RoundingLevel::kLine);
  EXPECT_EQ(settings.shipping, TaxSettings::ShippingMethod::kProportional);
  ASSERT_EQ(tax.zones().size(), 4u);
  ASSERT_EQ(tax.rates().size(), 4u);
  EXPECT_EQ(tax.rates()[1].zone, 2u);
  EXPECT_THAT(tax.rates()[1].compounds_on, ElementsAre(2u));
  EXPECT_THAT(tax.evaluation_order(), ElementsAre(0u, 2u, 1u, 3u));
  EXPECT_EQ(tax.rates()[3].threshold->amount[0].ToString(), "110.00");
  EXPECT_EQ(tax.fees()[0].items[0].key, "category:audio");
  EXPECT_EQ(*tax.fees()[0].category, "standard");

  // Without "tax": no tax stage.
  const absl::StatusOr<Snapshot> plain = ParseSnapshotJson(absl::StrCat("{", kCatalog, "}"));
  ASSERT_TRUE(plain.ok()) << plain.status();
  EXPECT_FALSE(plain->tax.enabled());
}

TEST(TaxJsonTest, ReadsTheSettingsEnums) {
  const absl::StatusOr<Snapshot> snapshot =
      ParseSnapshotJson(SnapshotWithTax(R"(, "rounding": {"mode": "half-even", "level": "total"})"));
  ASSERT_TRUE(snapshot.ok()) << snapshot.status();
  EXPECT_EQ(snapshot->tax.settings().rounding_mode, RoundingMode::kHalfEven);
  EXPECT_EQ(snapshot->tax.settings().rounding_level, TaxSettings::RoundingLevel::kTotal);

  const std::string category = SnapshotWithTax();
  std::string by_category = category;
  by_category.replace(by_category.find(R"({"method": "proportional"})"), 26,
                      R"({"method": "category", "category": "shipping"})");
  const absl::StatusOr<Snapshot> shipping = ParseSnapshotJson(by_category);
  ASSERT_TRUE(shipping.ok()) << shipping.status();
  EXPECT_EQ(shipping->tax.settings().shipping_category, "shipping");
}

TEST(TaxJsonTest, ErrorsPointIntoTheTaxSection) {
  EXPECT_EQ(ParseError(SnapshotWithTax(R"(, "rounding": {"level": "order"})")).path, "/tax/rounding/level");
  EXPECT_EQ(ParseError(SnapshotWithTax(R"(, "rounding": {"mode": "bankers"})")).path, "/tax/rounding/mode");
  EXPECT_EQ(ParseError(SnapshotWithTax(R"(, "vat": true)")).code, "unknown_field");
  std::string typo = SnapshotWithTax();
  typo.replace(typo.find(R"({"method": "proportional"})"), 26, R"({"metod": "proportional"})");
  EXPECT_EQ(ParseError(typo).path, "/tax/shipping/metod");
  std::string no_category = SnapshotWithTax();
  no_category.replace(no_category.find(R"({"method": "proportional"})"), 26, R"({"method": "category"})");
  EXPECT_EQ(ParseError(no_category).path, "/tax/shipping/category");

  const std::string unknown_zone =
      R"(, {"id": "x", "zone": "fr", "jurisdiction": "FR", "name": "TVA", "rate": "20", "categories": ["standard"]})";
  const Rejected zone = ParseError(SnapshotWithTax("", unknown_zone));
  EXPECT_EQ(zone.code, "unknown_tax_zone");
  EXPECT_EQ(zone.path, "/tax/rates/4/zone");

  const std::string unknown_rate = R"(, {"id": "x", "zone": "ca", "jurisdiction": "CA", "name": "HST", "rate": "8",
     "categories": ["standard"], "compounds_on": ["ca-gst", "ca-pst"]})";
  const Rejected rate = ParseError(SnapshotWithTax("", unknown_rate));
  EXPECT_EQ(rate.code, "unknown_tax_rate");
  EXPECT_EQ(rate.path, "/tax/rates/4/compounds_on/1");

  const std::string digits = R"(, {"id": "x", "zone": "ca", "jurisdiction": "CA", "name": "HST", "rate": "8.12345",
     "categories": ["standard"]})";
  const Rejected precision = ParseError(SnapshotWithTax("", digits));
  EXPECT_EQ(precision.code, "invalid_value");
  EXPECT_EQ(precision.path, "/tax/rates/4/rate");

  const std::string threshold = R"(, {"id": "x", "zone": "ca", "jurisdiction": "CA", "name": "HST", "rate": "8",
     "categories": ["standard"], "threshold": {"mode": "taxed_above", "amount": {"USD": "0.00"}}})";
  EXPECT_EQ(ParseError(SnapshotWithTax("", threshold)).path, "/tax/rates/4/threshold/amount/USD");

  // A product's tax category the section does not declare: the product's path.
  std::string undeclared = SnapshotWithTax();
  undeclared.replace(undeclared.find(R"("tax_category": "clothing")"), 26, R"("tax_category": "books")");
  const Rejected product = ParseError(undeclared);
  EXPECT_EQ(product.code, "unknown_tax_category");
  EXPECT_EQ(product.path, "/products/0/tax_category");
}

TEST(TaxJsonTest, ReadsTheCartsTaxFields) {
  const absl::StatusOr<Snapshot> snapshot = ParseSnapshotJson(SnapshotWithTax());
  ASSERT_TRUE(snapshot.ok()) << snapshot.status();
  const absl::StatusOr<CartRequest> cart = ParseCartJson(R"({
    "currency": "EUR", "at": "2026-11-22T10:00:00Z", "lines": [{"sku": "TEE", "quantity": 1}],
    "customer": {"vat_number": "FRXX123456789", "tax_exemption": {"certificate": "EX-1", "categories": ["food"]}},
    "billing_address": {"country": "FR", "postal_code": "75001"}})",
                                                         *snapshot);
  ASSERT_TRUE(cart.ok()) << cart.status();
  EXPECT_EQ(cart->customer->vat_number, "FRXX123456789");
  EXPECT_EQ(cart->customer->tax_exemption->certificate, "EX-1");
  EXPECT_THAT(cart->customer->tax_exemption->categories, ElementsAre("food"));
  EXPECT_EQ(cart->billing_address->country, "FR");

  const absl::Status no_certificate = ParseCartJson(R"({"currency": "EUR", "at": "2026-11-22T10:00:00Z", "lines": [],
                        "customer": {"tax_exemption": {"categories": []}}})",
                                                    *snapshot)
                                          .status();
  EXPECT_EQ(ErrorCodeOf(no_certificate), "missing_field");
  EXPECT_EQ(ErrorPathOf(no_certificate), "/customer/tax_exemption/certificate");
  const absl::Status typo = ParseCartJson(R"({"currency": "EUR", "at": "2026-11-22T10:00:00Z", "lines": [],
                                              "billing_address": {"country": "FR", "zip": "75001"}})",
                                          *snapshot)
                                .status();
  EXPECT_EQ(ErrorPathOf(typo), "/billing_address/zip");
}

TEST(TaxJsonTest, WritesTheTaxFieldsOnlyWhenTheStageSetThem) {
  PricedCart cart(Eur());
  PricedLine line(Eur());
  line.sku = "SPK";
  line.taxes = {{"de-standard", "USt", "DE", Percent("19.0"), Eur(4900), Eur(931), ""},
                {"de-standard", "USt", "DE", Percent("19.0"), Eur(50), Eur(10), "weee"}};
  line.net = Eur(4950);
  line.gross = Eur(5891);
  line.fees = {{"weee", "WEEE fee", Eur(50)}};
  line.fee_total = Eur(50);
  line.rederived = true;
  cart.lines.push_back(line);
  cart.totals.net_total = Eur(4950);
  cart.totals.gross_total = Eur(5891);
  cart.totals.fee_total = Eur(50);
  TaxSummary summary;
  summary.rates = {{"de-standard", "USt", "DE", Percent("19.0"), Eur(4950), Eur(941), ""}};
  summary.jurisdictions = {{"DE", Eur(941)}};
  summary.notes = {{"exemption", "", "EX-1", ""}};
  cart.tax = summary;
  ShippingQuote quote(Eur());
  quote.taxes = {{"de-standard", "USt", "DE", Percent("19.0"), Eur(490), Eur(93), ""}};
  quote.tax_total = Eur(93);
  cart.shipping = quote;

  const std::string json = SerializePricedCart(cart);
  EXPECT_THAT(json,
              ::testing::HasSubstr(
                  R"("fee_total":"0.50","fees":[{"amount":"0.50","id":"weee","name":"WEEE fee"}],"gross":"58.91")"));
  EXPECT_THAT(json, ::testing::HasSubstr(R"("net":"49.50")"));
  EXPECT_THAT(json, ::testing::HasSubstr(R"("rederived":true)"));
  EXPECT_THAT(json, ::testing::HasSubstr(
                        R"("taxes":[{"amount":"9.31","base":"49.00","jurisdiction":"DE","name":"USt","percent":"19.0",)"
                        R"("rate":"de-standard"},{"amount":"0.10","base":"0.50","fee":"weee",)"));
  EXPECT_THAT(json, ::testing::HasSubstr(R"("fee_total":"0.50","gross_total":"58.91")"));
  EXPECT_THAT(json, ::testing::HasSubstr(R"("net_total":"49.50")"));
  EXPECT_THAT(json, ::testing::HasSubstr(
                        R"("tax":{"jurisdictions":[{"amount":"9.41","jurisdiction":"DE"}],)"
                        R"("notes":[{"certificate":"EX-1","type":"exemption"}],)"
                        R"("rates":[{"amount":"9.41","base":"49.50","jurisdiction":"DE","name":"USt","percent":"19.0",)"
                        R"("rate":"de-standard"}]})"));
  EXPECT_THAT(json, ::testing::HasSubstr(R"("tax_total":"0.93","taxes":[{"amount":"0.93","base":"4.90")"));

  // Nothing set: the v1 shape.
  PricedCart plain(Eur());
  plain.lines.push_back(PricedLine(Eur()));
  plain.shipping = ShippingQuote(Eur());
  const std::string v1 = SerializePricedCart(plain);
  for (const char* field :
       {"\"net\"", "\"gross\"", "\"fees\"", "fee_total", "rederived", "net_total", "gross_total", "\"tax\""}) {
    EXPECT_THAT(v1, ::testing::Not(::testing::HasSubstr(field))) << field;
  }
  EXPECT_THAT(v1, ::testing::HasSubstr(R"("shipping":{"amount":"0.00","free":false,"weight_grams":0})"));
  EXPECT_THAT(v1, ::testing::HasSubstr(R"("taxes":[])"));  // the line's, as in v1
}

// --- VAT numbers (docs/concepts/tax.md §9) --------------------------------------------------

TEST(VatNumberTest, EveryMemberStateHasItsSyntax) {
  const std::vector<std::pair<absl::string_view, absl::string_view>> examples = {
      // {well-formed, malformed}
      {"ATU12345678", "AT123456789"},       {"BE0123456789", "BE2123456789"},
      {"BE1234567890", "BE123456789"},      {"BG123456789", "BG12345678"},
      {"BG1234567890", "BG12345678901"},    {"CY12345678X", "CY123456789"},
      {"CZ12345678", "CZ1234567"},          {"CZ1234567890", "CZ12345678901"},
      {"DE123456789", "DE12345"},           {"DK12345678", "DK1234567"},
      {"EE123456789", "EE12345678"},        {"EL123456789", "GR123456789"},
      {"ESA1234567B", "ES123456789A"},      {"ES12345678Z", "ESA12345678Z"},
      {"ESX1234567Z", "ES1234567"},         {"FI12345678", "FI123456789"},
      {"FRXX123456789", "FRXX12345678"},    {"FR12123456789", "FRX-123456789"},
      {"HR12345678901", "HR1234567890"},    {"HU12345678", "HU123456789"},
      {"IE1234567T", "IE123456T"},          {"IE1234567TW", "IE1234567TWX"},
      {"IE1A23456T", "IE1A234567"},         {"IE1+23456T", "IE1-23456T"},
      {"IT12345678901", "IT1234567890"},    {"LT123456789", "LT1234567890"},
      {"LT123456789012", "LT12345678901"},  {"LU12345678", "LU1234567"},
      {"LV12345678901", "LV1234567890"},    {"MT12345678", "MT1234567"},
      {"NL123456789B01", "NL123456789C01"}, {"PL1234567890", "PL123456789"},
      {"PT123456789", "PT12345678"},        {"RO12", "RO1"},
      {"RO1234567890", "RO12345678901"},    {"SE123456789001", "SE12345678901"},
      {"SI12345678", "SI1234567"},          {"SK1234567890", "SK123456789"},
  };
  for (const auto& [good, bad] : examples) {
    EXPECT_TRUE(IsWellFormedEuVatNumber(good)) << good;
    EXPECT_FALSE(IsWellFormedEuVatNumber(bad)) << bad;
  }
}

TEST(VatNumberTest, NoSpacesNoLowerCaseNoOtherCountries) {
  EXPECT_FALSE(IsWellFormedEuVatNumber("DE 123456789"));
  EXPECT_FALSE(IsWellFormedEuVatNumber("de123456789"));
  EXPECT_FALSE(IsWellFormedEuVatNumber("ATu12345678"));
  EXPECT_FALSE(IsWellFormedEuVatNumber("GB123456789"));  // no longer a member state
  EXPECT_FALSE(IsWellFormedEuVatNumber("CHE123456789"));
  EXPECT_FALSE(IsWellFormedEuVatNumber("123456789"));
  EXPECT_FALSE(IsWellFormedEuVatNumber("DE"));
  EXPECT_FALSE(IsWellFormedEuVatNumber(""));
}

TEST(VatNumberTest, MemberStatesAreNamedByTheirIsoCodes) {
  int members = 0;
  for (char a = 'A'; a <= 'Z'; ++a) {
    for (char b = 'A'; b <= 'Z'; ++b) members += IsEuMemberState(std::string{a, b}) ? 1 : 0;
  }
  EXPECT_EQ(members, 27);
  EXPECT_TRUE(IsEuMemberState("GR"));
  EXPECT_FALSE(IsEuMemberState("EL"));  // Greece's VAT prefix, not a country code
  EXPECT_FALSE(IsEuMemberState("GB"));
  EXPECT_FALSE(IsEuMemberState("CH"));
  EXPECT_FALSE(IsEuMemberState("de"));
}

}  // namespace
}  // namespace storefront
