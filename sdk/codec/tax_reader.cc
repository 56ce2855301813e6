#include "codec/tax_reader.h"

#include <string>
#include <utility>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/str_cat.h"
#include "absl/types/span.h"
#include "codec/cart_reader.h"
#include "codec/pricing_reader.h"
#include "codec/shipping_reader.h"
#include "storefront/base/error.h"
#include "storefront/base/status_macros.h"

namespace storefront::codec {
namespace {

using Settings = TaxSettings;

// The names of each setting's values, in the order its enum declares them.
constexpr absl::string_view kAddressSources[] = {"shipping", "billing", "origin"};
constexpr absl::string_view kRoundingLevels[] = {"unit", "line", "total"};
constexpr absl::string_view kDiscountBases[] = {"after", "before"};
constexpr absl::string_view kShippingMethods[] = {"none", "category", "proportional"};
constexpr absl::string_view kCrossBorders[] = {"keep_gross", "rederive_net"};
constexpr absl::string_view kThresholdModes[] = {"exempt_below", "taxed_above"};

// Member `key` as the position of its value in `names`; any other string is `invalid_value`,
// naming them all. Absent: `index` is left alone, or `missing_field` when `required`. One
// function for every setting: each enum costs the wasm module nothing but its names.
absl::Status ReadName(ObjectReader& reader, absl::string_view key, absl::Span<const absl::string_view> names,
                      bool required, int& index) {
  const Json* value = reader.Find(key);
  if (value == nullptr) return required ? reader.Require(key).status() : absl::OkStatus();
  const std::string path = reader.PathOf(key);
  if (!value->is_string()) return TypeMismatch(*value, "a string", path);
  const std::string& name = value->get_ref<const std::string&>();
  std::string listed;
  for (size_t i = 0; i < names.size(); ++i) {
    if (name == names[i]) {
      index = static_cast<int>(i);
      return absl::OkStatus();
    }
    absl::StrAppend(&listed, i == 0 ? "\"" : ", \"", names[i], "\"");
  }
  return InputError(error_code::kInvalidValue, absl::StrCat("\"", name, "\" is not one of ", listed), path);
}

template <typename Enum>
absl::Status ReadEnum(ObjectReader& reader, absl::string_view key, absl::Span<const absl::string_view> names, Enum& out,
                      bool required = false) {
  int index = static_cast<int>(out);
  SF_RETURN_IF_ERROR(ReadName(reader, key, names, required, index));
  out = static_cast<Enum>(index);
  return absl::OkStatus();
}

// A rate or fee as written: zones and compounded rates by id, resolved once all are read.
struct RateDocument {
  TaxRate rate;
  std::string zone;
  std::vector<std::string> compounds_on;
};

struct FeeDocument {
  TaxFee fee;
  std::string zone;
};

absl::Status ReadRounding(const Json& value, absl::string_view path, Settings& settings) {
  SF_ASSIGN_OR_RETURN(ObjectReader reader, ObjectReader::Open(value, path));
  if (const Json* mode = reader.Find("mode")) {
    if (!mode->is_string()) return TypeMismatch(*mode, "a rounding mode name", reader.PathOf("mode"));
    absl::StatusOr<RoundingMode> parsed = ParseRoundingMode(mode->get_ref<const std::string&>());
    if (!parsed.ok()) return PrefixErrorPath(parsed.status(), reader.PathOf("mode"));
    settings.rounding_mode = *parsed;
  }
  SF_RETURN_IF_ERROR(ReadEnum(reader, "level", kRoundingLevels, settings.rounding_level));
  return reader.RejectUnknownFields();
}

// {"method": "none" | "proportional"} or {"method": "category", "category": id}.
absl::Status ReadShippingTax(const Json& value, absl::string_view path, const ReadContext& context,
                             Settings& settings) {
  SF_ASSIGN_OR_RETURN(ObjectReader reader, ObjectReader::Open(value, path));
  SF_RETURN_IF_ERROR(ReadEnum(reader, "method", kShippingMethods, settings.shipping));
  if (settings.shipping == Settings::ShippingMethod::kCategory) {
    SF_RETURN_IF_ERROR(reader.Required("category", settings.shipping_category, ReadIdentifier, context));
  }
  // Unknown members first: {"metod": "category"} is a typo to point at, not a missing method.
  SF_RETURN_IF_ERROR(reader.RejectUnknownFields());
  return reader.Require("method").status();
}

absl::Status ReadRegistration(const Json& value, absl::string_view path, const ReadContext& context,
                              Settings& settings) {
  SF_ASSIGN_OR_RETURN(ObjectReader reader, ObjectReader::Open(value, path));
  SF_RETURN_IF_ERROR(reader.Required("country", settings.registration_country, ReadCountryCode, context));
  SF_RETURN_IF_ERROR(reader.Required("vat_number", settings.registration_vat_number, ReadIdentifier, context));
  return reader.RejectUnknownFields();
}

absl::StatusOr<TaxThreshold> ReadThreshold(const Json& value, absl::string_view path, const AmountContext& context) {
  SF_ASSIGN_OR_RETURN(ObjectReader reader, ObjectReader::Open(value, path));
  TaxThreshold threshold;
  SF_RETURN_IF_ERROR(ReadEnum(reader, "mode", kThresholdModes, threshold.mode, /*required=*/true));
  SF_RETURN_IF_ERROR(reader.Required("amount", threshold.amount, ReadPositiveMoneyMap, context));
  SF_RETURN_IF_ERROR(reader.RejectUnknownFields());
  return threshold;
}

absl::StatusOr<RateDocument> ReadRate(const Json& value, absl::string_view path, const AmountContext& context) {
  SF_ASSIGN_OR_RETURN(ObjectReader reader, ObjectReader::Open(value, path));
  RateDocument document;
  TaxRate& rate = document.rate;
  SF_RETURN_IF_ERROR(reader.Required("id", rate.id, ReadIdentifier, context.read));
  SF_RETURN_IF_ERROR(reader.Required("zone", document.zone, ReadIdentifier, context.read));
  SF_RETURN_IF_ERROR(reader.Required("jurisdiction", rate.jurisdiction, ReadIdentifier, context.read));
  SF_RETURN_IF_ERROR(reader.Required("name", rate.name, ReadString, context.read));
  // Range and precision are TaxConfig::Build's checks, for C++ callers too.
  SF_RETURN_IF_ERROR(reader.Required("rate", rate.percent, ReadDecimal));
  SF_RETURN_IF_ERROR(reader.Required("categories", rate.categories, ReadIdentifierList, context.read));
  SF_RETURN_IF_ERROR(reader.Optional("compounds_on", document.compounds_on, ReadIdentifierList, context.read));
  SF_RETURN_IF_ERROR(reader.Optional("threshold", rate.threshold, ReadThreshold, context));
  SF_RETURN_IF_ERROR(reader.RejectUnknownFields());
  return document;
}

absl::StatusOr<FeeDocument> ReadFee(const Json& value, absl::string_view path, const AmountContext& context) {
  SF_ASSIGN_OR_RETURN(ObjectReader reader, ObjectReader::Open(value, path));
  FeeDocument document;
  TaxFee& fee = document.fee;
  SF_RETURN_IF_ERROR(reader.Required("id", fee.id, ReadIdentifier, context.read));
  SF_RETURN_IF_ERROR(reader.Required("zone", document.zone, ReadIdentifier, context.read));
  SF_RETURN_IF_ERROR(reader.Required("name", fee.name, ReadString, context.read));
  SF_RETURN_IF_ERROR(reader.Required("items", fee.items, ReadItems, context));
  SF_RETURN_IF_ERROR(reader.Required("amount", fee.amount, ReadPositiveMoneyMap, context));
  SF_RETURN_IF_ERROR(reader.Optional("category", fee.category, ReadIdentifier, context.read));
  SF_RETURN_IF_ERROR(reader.RejectUnknownFields());
  return document;
}

// The members of the tax object other than its lists.
absl::Status ReadSettings(ObjectReader& reader, const ReadContext& context, Settings& settings) {
  SF_RETURN_IF_ERROR(reader.Required("categories", settings.categories, ReadIdentifierList, context));
  SF_RETURN_IF_ERROR(ReadEnum(reader, "address", kAddressSources, settings.address));
  SF_RETURN_IF_ERROR(reader.Optional("origin", settings.origin, ReadAddress, context));
  if (const Json* registration = reader.Find("registration")) {
    SF_RETURN_IF_ERROR(ReadRegistration(*registration, reader.PathOf("registration"), context, settings));
  }
  if (const Json* rounding = reader.Find("rounding")) {
    SF_RETURN_IF_ERROR(ReadRounding(*rounding, reader.PathOf("rounding"), settings));
  }
  SF_RETURN_IF_ERROR(ReadEnum(reader, "discounts", kDiscountBases, settings.discounts));
  if (const Json* shipping = reader.Find("shipping")) {
    SF_RETURN_IF_ERROR(ReadShippingTax(*shipping, reader.PathOf("shipping"), context, settings));
  }
  return ReadEnum(reader, "cross_border", kCrossBorders, settings.cross_border);
}

// Id -> first position. A second use of an id is `duplicate_id`, reported by TaxConfig::Build.
using IdIndex = absl::flat_hash_map<absl::string_view, size_t>;

absl::StatusOr<size_t> ResolveZone(const IdIndex& zones, absl::string_view id, std::string path) {
  auto zone = zones.find(id);
  if (zone != zones.end()) return zone->second;
  return InputError(error_code::kUnknownTaxZone, absl::StrCat("no tax zone has the id \"", id, "\""), path);
}

absl::StatusOr<TaxConfig::Input> ReadInput(const Json& value, absl::string_view path, const AmountContext& context,
                                           RoundingMode default_rounding) {
  SF_ASSIGN_OR_RETURN(ObjectReader reader, ObjectReader::Open(value, path));
  TaxConfig::Input input;
  input.settings.rounding_mode = default_rounding;
  SF_RETURN_IF_ERROR(ReadSettings(reader, context.read, input.settings));
  SF_RETURN_IF_ERROR(
      reader.Required("zones", input.zones, ReadArrayOf<ShippingZone, ReadContext>, ReadZone, context.read));
  std::vector<RateDocument> rates;
  SF_RETURN_IF_ERROR(reader.Required("rates", rates, ReadArrayOf<RateDocument, AmountContext>, ReadRate, context));
  std::vector<FeeDocument> fees;
  SF_RETURN_IF_ERROR(reader.Optional("fees", fees, ReadArrayOf<FeeDocument, AmountContext>, ReadFee, context));
  SF_RETURN_IF_ERROR(reader.RejectUnknownFields());

  IdIndex zone_index;
  for (size_t z = 0; z < input.zones.size(); ++z) zone_index.emplace(input.zones[z].id, z);
  IdIndex rate_index;
  for (size_t r = 0; r < rates.size(); ++r) rate_index.emplace(rates[r].rate.id, r);
  for (size_t r = 0; r < rates.size(); ++r) {
    const std::string rate_path = absl::StrCat(path, "/rates/", r);
    RateDocument& document = rates[r];
    SF_ASSIGN_OR_RETURN(document.rate.zone, ResolveZone(zone_index, document.zone, absl::StrCat(rate_path, "/zone")));
    for (size_t k = 0; k < document.compounds_on.size(); ++k) {
      auto target = rate_index.find(document.compounds_on[k]);
      if (target == rate_index.end()) {
        return InputError(error_code::kUnknownTaxRate,
                          absl::StrCat("no tax rate has the id \"", document.compounds_on[k], "\""),
                          absl::StrCat(rate_path, "/compounds_on/", k));
      }
      document.rate.compounds_on.push_back(target->second);
    }
  }
  for (size_t f = 0; f < fees.size(); ++f) {
    SF_ASSIGN_OR_RETURN(fees[f].fee.zone,
                        ResolveZone(zone_index, fees[f].zone, absl::StrCat(path, "/fees/", f, "/zone")));
  }
  // The views in rate_index point into `rates`: move out only now.
  input.rates.reserve(rates.size());
  for (RateDocument& document : rates) input.rates.push_back(std::move(document.rate));
  input.fees.reserve(fees.size());
  for (FeeDocument& document : fees) input.fees.push_back(std::move(document.fee));
  return input;
}

// A summary entry is the rate's whole, over lines and fees alike: it has no `fee`.
Json WriteTaxAmount(const TaxAmount& tax, bool with_fee) {
  Json out = {
      {"rate", tax.rate},
      {"name", tax.name},
      {"jurisdiction", tax.jurisdiction},
      {"percent", tax.percent.ToString()},
      {"base", tax.base.ToString()},
      {"amount", tax.amount.ToString()},
  };
  if (with_fee && !tax.fee.empty()) out["fee"] = tax.fee;
  return out;
}

}  // namespace

absl::StatusOr<TaxConfig> ReadTax(ObjectReader& snapshot_reader, const AmountContext& context,
                                  RoundingMode default_rounding, const Catalog& catalog) {
  const Json* value = snapshot_reader.Find("tax");
  if (value == nullptr) return TaxConfig();
  // Read at "/tax", not at the snapshot's place in the caller's input: TaxConfig::Build reports
  // snapshot paths (its product paths are outside /tax), and the whole is prefixed once.
  absl::StatusOr<TaxConfig::Input> input = ReadInput(*value, "/tax", context, default_rounding);
  if (!input.ok()) return PrefixErrorPath(input.status(), snapshot_reader.path());
  absl::StatusOr<TaxConfig> config = TaxConfig::Build(*std::move(input), catalog);
  if (!config.ok()) return PrefixErrorPath(config.status(), snapshot_reader.path());
  return config;
}

Json WriteTaxAmounts(const std::vector<TaxAmount>& taxes) {
  Json out = Json::array();
  for (const TaxAmount& tax : taxes) out.push_back(WriteTaxAmount(tax, true));
  return out;
}

Json WriteTaxSummary(const TaxSummary& summary) {
  Json rates = Json::array();
  for (const TaxAmount& rate : summary.rates) rates.push_back(WriteTaxAmount(rate, false));
  Json jurisdictions = Json::array();
  for (const TaxSummary::Jurisdiction& jurisdiction : summary.jurisdictions) {
    jurisdictions.push_back({{"jurisdiction", jurisdiction.jurisdiction}, {"amount", jurisdiction.amount.ToString()}});
  }
  Json notes = Json::array();
  for (const TaxNote& note : summary.notes) {
    // Only what the note's type gives: an exemption is {type, certificate} (tax.md §7).
    Json entry = {{"type", note.type}};
    if (!note.text.empty()) entry["text"] = note.text;
    if (!note.certificate.empty()) entry["certificate"] = note.certificate;
    if (!note.vat_number.empty()) entry["vat_number"] = note.vat_number;
    notes.push_back(std::move(entry));
  }
  return {{"rates", std::move(rates)}, {"jurisdictions", std::move(jurisdictions)}, {"notes", std::move(notes)}};
}

}  // namespace storefront::codec
