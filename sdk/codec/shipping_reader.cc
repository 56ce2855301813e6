#include "codec/shipping_reader.h"

#include <string>
#include <utility>

#include "absl/strings/str_cat.h"
#include "codec/promotions_reader.h"
#include "codec/tax_reader.h"
#include "storefront/base/error.h"
#include "storefront/base/status_macros.h"

namespace storefront::codec {
namespace {

using Currencies = std::vector<const Currency*>;

absl::StatusOr<PostalCodes> ReadPostalCodes(const Json& value, absl::string_view path, const ReadContext& context) {
  SF_ASSIGN_OR_RETURN(ObjectReader reader, ObjectReader::Open(value, path));
  PostalCodes entry;
  if (reader.Find("prefix") != nullptr && (reader.Find("from") != nullptr || reader.Find("to") != nullptr)) {
    return InputError(error_code::kInvalidValue, "a postal entry is either {prefix} or {from, to}", path);
  }
  if (reader.Find("prefix") != nullptr) {
    SF_RETURN_IF_ERROR(reader.Required("prefix", entry.prefix, ReadIdentifier, context));
  } else {
    SF_RETURN_IF_ERROR(reader.Required("from", entry.from, ReadIdentifier, context));
    SF_RETURN_IF_ERROR(reader.Required("to", entry.to, ReadIdentifier, context));
  }
  SF_RETURN_IF_ERROR(reader.RejectUnknownFields());
  return entry;
}

absl::StatusOr<WeightTier> ReadWeightTier(const Json& value, absl::string_view path, const Currencies& currencies) {
  SF_ASSIGN_OR_RETURN(ObjectReader reader, ObjectReader::Open(value, path));
  WeightTier tier;
  SF_RETURN_IF_ERROR(
      reader.Required("up_to_grams", tier.up_to_grams, ReadInteger, 0, INT64_MAX, error_code::kInvalidValue));
  SF_RETURN_IF_ERROR(reader.Required("amount", tier.amount, ReadMoneyMap, currencies));
  SF_RETURN_IF_ERROR(reader.RejectUnknownFields());
  return tier;
}

absl::StatusOr<SubtotalTier> ReadSubtotalTier(const Json& value, absl::string_view path, const Currencies& currencies) {
  SF_ASSIGN_OR_RETURN(ObjectReader reader, ObjectReader::Open(value, path));
  SubtotalTier tier;
  SF_RETURN_IF_ERROR(reader.Required("from", tier.from, ReadMoneyMap, currencies));
  SF_RETURN_IF_ERROR(reader.Required("amount", tier.amount, ReadMoneyMap, currencies));
  SF_RETURN_IF_ERROR(reader.RejectUnknownFields());
  return tier;
}

absl::StatusOr<RateType> ReadRateType(const Json& value, absl::string_view path) {
  if (!value.is_string()) return TypeMismatch(value, "a rate type name", path);
  const std::string& name = value.get_ref<const std::string&>();
  if (name == "flat") return RateType::kFlat;
  if (name == "per_item") return RateType::kPerItem;
  if (name == "weight_tiers") return RateType::kWeightTiers;
  if (name == "subtotal_tiers") return RateType::kSubtotalTiers;
  return InputError(error_code::kInvalidValue,
                    absl::StrCat("\"", name, "\" is not a rate type: flat, per_item, weight_tiers or subtotal_tiers"),
                    path);
}

// The members a rate may have depend on its type; any other is `unknown_field`.
absl::StatusOr<ShippingRate> ReadRate(const Json& value, absl::string_view path, const ReadContext& context,
                                      const Currencies& currencies) {
  SF_ASSIGN_OR_RETURN(ObjectReader reader, ObjectReader::Open(value, path));
  ShippingRate rate;
  SF_RETURN_IF_ERROR(reader.Required("zone", rate.zone, ReadIdentifier, context));
  SF_RETURN_IF_ERROR(reader.Required("type", rate.type, ReadRateType));
  switch (rate.type) {
    case RateType::kFlat:
    case RateType::kPerItem:
      SF_RETURN_IF_ERROR(reader.Required("amount", rate.amount, ReadMoneyMap, currencies));
      break;
    case RateType::kWeightTiers:
      SF_RETURN_IF_ERROR(
          reader.Required("tiers", rate.weight_tiers, ReadArrayOf<WeightTier, Currencies>, ReadWeightTier, currencies));
      break;
    case RateType::kSubtotalTiers:
      SF_RETURN_IF_ERROR(reader.Required("tiers", rate.subtotal_tiers, ReadArrayOf<SubtotalTier, Currencies>,
                                         ReadSubtotalTier, currencies));
      break;
  }
  SF_RETURN_IF_ERROR(reader.Optional("free_over", rate.free_over, ReadMoneyMap, currencies));
  SF_RETURN_IF_ERROR(reader.RejectUnknownFields());
  return rate;
}

absl::StatusOr<ShippingEligibility> ReadEligibility(const Json& value, absl::string_view path,
                                                    const ReadContext& context) {
  SF_ASSIGN_OR_RETURN(ObjectReader reader, ObjectReader::Open(value, path));
  ShippingEligibility eligibility;
  SF_RETURN_IF_ERROR(reader.Optional("max_weight_grams", eligibility.max_weight_grams, ReadInteger, 0, INT64_MAX,
                                     error_code::kInvalidValue));
  SF_RETURN_IF_ERROR(
      reader.Optional("excluded_categories", eligibility.excluded_categories, ReadIdentifierList, context));
  SF_RETURN_IF_ERROR(reader.Optional("excluded_tags", eligibility.excluded_tags, ReadIdentifierList, context));
  SF_RETURN_IF_ERROR(reader.RejectUnknownFields());
  return eligibility;
}

absl::StatusOr<ShippingMethod> ReadMethod(const Json& value, absl::string_view path, const ReadContext& context,
                                          const Currencies& currencies) {
  SF_ASSIGN_OR_RETURN(ObjectReader reader, ObjectReader::Open(value, path));
  ShippingMethod method;
  SF_RETURN_IF_ERROR(reader.Required("id", method.id, ReadIdentifier, context));
  SF_RETURN_IF_ERROR(reader.Optional("name", method.name, ReadString, context));
  SF_RETURN_IF_ERROR(reader.Required("rates", method.rates, ReadArrayOf<ShippingRate, ReadContext, Currencies>,
                                     ReadRate, context, currencies));
  SF_RETURN_IF_ERROR(reader.Optional("eligibility", method.eligibility, ReadEligibility, context));
  SF_RETURN_IF_ERROR(reader.RejectUnknownFields());
  return method;
}

Json WriteOption(const ShippingOption& option) {
  Json out = {{"method", option.method}, {"available", option.available()}};
  if (!option.name.empty()) out["name"] = option.name;
  if (option.available()) {
    out["amount"] = option.amount->ToString();
    out["free"] = option.free;
  } else {
    out["reason"] = option.reason;
  }
  if (option.discount.has_value()) out["discount"] = option.discount->ToString();
  return out;
}

}  // namespace

absl::StatusOr<ShippingZone> ReadZone(const Json& value, absl::string_view path, const ReadContext& context) {
  SF_ASSIGN_OR_RETURN(ObjectReader reader, ObjectReader::Open(value, path));
  ShippingZone zone;
  SF_RETURN_IF_ERROR(reader.Required("id", zone.id, ReadIdentifier, context));
  // Country codes are checked by ShippingConfig::Build (TaxConfig::Build), for C++ callers too.
  SF_RETURN_IF_ERROR(reader.Required("countries", zone.countries, ReadIdentifierList, context));
  SF_RETURN_IF_ERROR(reader.Optional("regions", zone.regions, ReadIdentifierList, context));
  SF_RETURN_IF_ERROR(reader.Optional("postal_codes", zone.postal_codes, ReadArrayOf<PostalCodes, ReadContext>,
                                     ReadPostalCodes, context));
  SF_RETURN_IF_ERROR(reader.RejectUnknownFields());
  return zone;
}

absl::StatusOr<ShippingConfig> ReadShipping(const Json& value, absl::string_view path, const ReadContext& context,
                                            const Currencies& currencies, const Catalog& catalog) {
  SF_ASSIGN_OR_RETURN(ObjectReader reader, ObjectReader::Open(value, path));
  std::vector<ShippingZone> zones;
  SF_RETURN_IF_ERROR(reader.Required("zones", zones, ReadArrayOf<ShippingZone, ReadContext>, ReadZone, context));
  std::vector<ShippingMethod> methods;
  SF_RETURN_IF_ERROR(reader.Required("methods", methods, ReadArrayOf<ShippingMethod, ReadContext, Currencies>,
                                     ReadMethod, context, currencies));
  SF_RETURN_IF_ERROR(reader.RejectUnknownFields());
  absl::StatusOr<ShippingConfig> config = ShippingConfig::Build(std::move(zones), std::move(methods), catalog);
  if (!config.ok()) return PrefixErrorPath(config.status(), path);
  return config;
}

absl::StatusOr<ShippingRequest> ReadShippingRequest(const Json& value, absl::string_view path,
                                                    const ReadContext& context) {
  SF_ASSIGN_OR_RETURN(ObjectReader reader, ObjectReader::Open(value, path));
  ShippingRequest request;
  SF_RETURN_IF_ERROR(reader.Optional("method", request.method, ReadIdentifier, context));
  if (const Json* options = reader.Find("options")) {
    // `false` would be a request for nothing: leave "shipping" out instead.
    if (!options->is_boolean()) return TypeMismatch(*options, "true", reader.PathOf("options"));
    if (!options->get<bool>()) {
      return InputError(error_code::kInvalidValue, "options must be true", reader.PathOf("options"));
    }
    request.options = true;
  }
  // Unknown members first: {"metod": "standard"} is a typo to point at, not a missing method.
  SF_RETURN_IF_ERROR(reader.RejectUnknownFields());
  if (request.options == !request.method.empty()) {
    return InputError(error_code::kInvalidValue, "give exactly one of \"method\" and \"options\": true", path);
  }
  return request;
}

Json WriteShippingQuote(const ShippingQuote& quote) {
  Json out = {{"amount", quote.amount.ToString()}, {"free", quote.free}, {"weight_grams", quote.weight_grams}};
  if (!quote.method.empty()) {
    out["method"] = quote.method;
    out["available"] = quote.available;
    if (!quote.available) out["reason"] = quote.reason;
  }
  if (quote.discount.has_value()) {
    out["discount"] = quote.discount->ToString();
    out["discounts"] = WriteDiscounts(quote.discounts);
  }
  // With a tax stage only: a snapshot without one keeps the v1 shape.
  if (quote.tax_total.has_value()) {
    out["taxes"] = WriteTaxAmounts(quote.taxes);
    out["tax_total"] = quote.tax_total->ToString();
  }
  if (quote.options.has_value()) {
    Json options = Json::array();
    for (const ShippingOption& option : *quote.options) options.push_back(WriteOption(option));
    out["options"] = std::move(options);
  }
  return out;
}

Json WriteNudges(const std::vector<Nudge>& nudges) {
  Json out = Json::array();
  for (const Nudge& nudge : nudges) {
    // Only what the nudge's type gives: free_shipping is {type, method, threshold, missing}.
    Json entry = {{"type", nudge.type}};
    if (!nudge.method.empty()) entry["method"] = nudge.method;
    if (!nudge.promotion.empty()) entry["promotion"] = nudge.promotion;
    if (nudge.threshold.has_value()) entry["threshold"] = nudge.threshold->ToString();
    if (nudge.missing.has_value()) entry["missing"] = nudge.missing->ToString();
    if (nudge.missing_quantity.has_value()) entry["missing_quantity"] = *nudge.missing_quantity;
    if (nudge.saving.has_value()) entry["saving"] = nudge.saving->ToString();
    out.push_back(std::move(entry));
  }
  return out;
}

}  // namespace storefront::codec
