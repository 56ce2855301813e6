// Tax invariants checked over many carts: for every rounding level and mode, gross and net
// prices, stacked and compounded rates, net + tax = gross per line and per order, and the
// summaries by rate and by jurisdiction add up to the totals. Exact figures are pinned by
// tests/vectors/tax.
#include <cstdint>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "gtest/gtest.h"
#include "storefront/codec/json_api.h"
#include "storefront/engine/engine.h"

namespace storefront {
namespace {

std::string Snapshot(bool gross, absl::string_view level, absl::string_view mode) {
  return absl::StrCat(R"({"schema_version": 1, "currencies": ["CAD"],
    "settings": {"prices_include_tax": )",
                      gross ? "true" : "false", R"(},
    "products": [
      {"id": "a", "title": "A", "variants": [{"sku": "A", "prices": {"CAD": "0.99"}}]},
      {"id": "b", "title": "B", "tax_category": "reduced", "variants": [{"sku": "B", "prices": {"CAD": "19.99"}}]},
      {"id": "c", "title": "C", "variants": [{"sku": "C", "prices": {"CAD": "33.33"}}]},
      {"id": "d", "title": "D", "tax_category": "zero", "variants": [{"sku": "D", "prices": {"CAD": "7.77"}}]}],
    "shipping": {"zones": [{"id": "ca", "countries": ["CA"]}], "methods": [{"id": "post", "rates": [
      {"zone": "ca", "type": "flat", "amount": {"CAD": "9.99"}}]}]},
    "tax": {"categories": ["standard", "reduced", "zero"],
      "rounding": {"level": ")",
                      level, R"(", "mode": ")", mode, R"("},
      "shipping": {"method": "proportional"},
      "zones": [{"id": "ca", "countries": ["CA"]}, {"id": "qc", "countries": ["CA"], "regions": ["QC"]}],
      "rates": [
        {"id": "gst", "zone": "ca", "jurisdiction": "CA", "name": "GST", "rate": "5", "categories": ["standard", "reduced"]},
        {"id": "qst", "zone": "qc", "jurisdiction": "CA-QC", "name": "QST", "rate": "9.975", "categories": ["standard"],
         "compounds_on": ["gst"]},
        {"id": "zero", "zone": "ca", "jurisdiction": "CA", "name": "Zero", "rate": "0", "categories": ["zero"]}]}})");
}

std::string Cart(uint64_t seed) {
  std::string lines;
  const char* skus[] = {"A", "B", "C", "D"};
  for (int i = 0; i < 4; ++i) {
    seed = seed * 6364136223846793005ULL + 1442695040888963407ULL;
    absl::StrAppend(&lines, i ? "," : "", R"({"sku": ")", skus[i], R"(", "quantity": )", 1 + (seed >> 33) % 9, "}");
  }
  return absl::StrCat(R"({"currency": "CAD", "at": "2026-11-22T10:00:00Z", "lines": [)", lines,
                      R"(], "shipping_address": {"country": "CA", "region": "QC"}, "shipping": {"method": "post"}})");
}

TEST(TaxPropertiesTest, NetPlusTaxIsGrossAndSummariesAddUp) {
  for (bool gross : {false, true}) {
    for (const char* level : {"unit", "line", "total"}) {
      for (const char* mode : {"half-even", "half-away-from-zero", "floor", "ceiling"}) {
        auto engine = *CreateEngineFromJson(Snapshot(gross, level, mode));
        for (uint64_t seed = 1; seed <= 25; ++seed) {
          const auto request = *ParseCartJson(Cart(seed), engine->snapshot());
          const PricedCart cart = *engine->Price(request);
          const std::string where = absl::StrCat(gross ? "gross " : "net ", level, " ", mode, " seed ", seed);
          int64_t line_tax = 0;
          for (const PricedLine& line : cart.lines) {
            ASSERT_TRUE(line.net.has_value() && line.gross.has_value()) << where;
            EXPECT_EQ(line.net->minor_units() + line.tax_total.minor_units(), line.gross->minor_units()) << where;
            if (gross) EXPECT_EQ(line.gross->minor_units(), line.subtotal.minor_units()) << where;
            int64_t sum = 0;
            for (const TaxAmount& tax : line.taxes) sum += tax.amount.minor_units();
            EXPECT_EQ(sum, line.tax_total.minor_units()) << where;
            line_tax += sum;
          }
          const int64_t shipping_tax = cart.shipping->tax_total->minor_units();
          EXPECT_EQ(line_tax + shipping_tax, cart.totals.tax_total.minor_units()) << where;
          EXPECT_EQ(cart.totals.net_total->minor_units() + cart.totals.tax_total.minor_units(),
                    cart.totals.gross_total->minor_units())
              << where;
          EXPECT_EQ(cart.totals.gross_total->minor_units(), cart.totals.total.minor_units()) << where;
          int64_t by_rate = 0, by_jurisdiction = 0;
          for (const TaxAmount& rate : cart.tax->rates) by_rate += rate.amount.minor_units();
          for (const auto& jurisdiction : cart.tax->jurisdictions) by_jurisdiction += jurisdiction.amount.minor_units();
          EXPECT_EQ(by_rate, cart.totals.tax_total.minor_units()) << where;
          EXPECT_EQ(by_jurisdiction, cart.totals.tax_total.minor_units()) << where;
        }
      }
    }
  }
}

}  // namespace
}  // namespace storefront
