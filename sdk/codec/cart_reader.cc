#include "codec/cart_reader.h"

#include <utility>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "codec/personalization_reader.h"
#include "codec/promotions_reader.h"
#include "codec/shipping_reader.h"
#include "codec/tax_reader.h"
#include "storefront/base/error.h"
#include "storefront/base/status_macros.h"
#include "storefront/personalization/experiments.h"

namespace storefront::codec {
namespace {

absl::StatusOr<CartLine> ReadLine(const Json& value, absl::string_view path, const ReadContext& context) {
  SF_ASSIGN_OR_RETURN(ObjectReader reader, ObjectReader::Open(value, path));
  CartLine line;
  SF_RETURN_IF_ERROR(reader.Optional("id", line.id, ReadIdentifier, context));
  SF_RETURN_IF_ERROR(reader.Required("sku", line.sku, ReadIdentifier, context));
  // The range is the merchant's limit, checked with the other cart limits by ValidateCart.
  SF_RETURN_IF_ERROR(
      reader.Required("quantity", line.quantity, ReadInteger, INT64_MIN, INT64_MAX, error_code::kQuantityOutOfRange));
  SF_RETURN_IF_ERROR(reader.RejectUnknownFields());
  return line;
}

absl::StatusOr<AttributeValue> ReadAttributeValue(const Json& value, absl::string_view path,
                                                  const ReadContext& context) {
  if (value.is_boolean()) return AttributeValue(value.get<bool>());
  if (value.is_number_integer()) {
    SF_ASSIGN_OR_RETURN(int64_t number, ReadInteger(value, path, INT64_MIN, INT64_MAX, error_code::kInvalidValue));
    return AttributeValue(number);
  }
  if (value.is_string()) {
    SF_ASSIGN_OR_RETURN(std::string text, ReadString(value, path, context));
    return AttributeValue(std::move(text));
  }
  return TypeMismatch(value, "a string, an integer or a boolean", path);
}

absl::StatusOr<TaxExemption> ReadTaxExemption(const Json& value, absl::string_view path, const ReadContext& context) {
  SF_ASSIGN_OR_RETURN(ObjectReader reader, ObjectReader::Open(value, path));
  TaxExemption exemption;
  SF_RETURN_IF_ERROR(reader.Required("certificate", exemption.certificate, ReadIdentifier, context));
  SF_RETURN_IF_ERROR(reader.Optional("categories", exemption.categories, ReadIdentifierList, context));
  SF_RETURN_IF_ERROR(reader.RejectUnknownFields());
  return exemption;
}

absl::StatusOr<Customer> ReadCustomer(const Json& value, absl::string_view path, const ReadContext& context,
                                      const Currency& currency) {
  SF_ASSIGN_OR_RETURN(ObjectReader reader, ObjectReader::Open(value, path));
  Customer customer;
  SF_RETURN_IF_ERROR(reader.Optional("id", customer.id, ReadIdentifier, context));
  SF_RETURN_IF_ERROR(reader.Optional("groups", customer.groups, ReadIdentifierList, context));
  SF_RETURN_IF_ERROR(reader.Optional("segments", customer.segments, ReadIdentifierList, context));
  if (const Json* attributes = reader.Find("attributes")) {
    const std::string attributes_path = reader.PathOf("attributes");
    if (!attributes->is_object()) return TypeMismatch(*attributes, "an object", attributes_path);
    for (const auto& [key, item] : attributes->get_ref<const Json::object_t&>()) {
      const std::string item_path = ChildPath(attributes_path, key);
      SF_RETURN_IF_ERROR(CheckKey(key, item_path, context));
      SF_ASSIGN_OR_RETURN(AttributeValue attribute, ReadAttributeValue(item, item_path, context));
      customer.attributes.emplace_back(key, std::move(attribute));
    }
  }
  // As the shopper typed it: a malformed number is an issue of the tax stage, not an error.
  SF_RETURN_IF_ERROR(reader.Optional("vat_number", customer.vat_number, ReadString, context));
  SF_RETURN_IF_ERROR(reader.Optional("tax_exemption", customer.tax_exemption, ReadTaxExemption, context));
  SF_RETURN_IF_ERROR(reader.Optional("country", customer.country, ReadCountryCode, context));
  SF_RETURN_IF_ERROR(reader.Optional("lifetime_value", customer.lifetime_value, ReadMoney, currency));
  SF_RETURN_IF_ERROR(reader.Optional("signed_up_at", customer.signed_up_at, ReadTimestamp));
  SF_RETURN_IF_ERROR(reader.Optional("last_order_at", customer.last_order_at, ReadTimestamp));
  SF_RETURN_IF_ERROR(reader.RejectUnknownFields());
  return customer;
}

// {"experiment-key": variation index, ...}: which experiments exist is checked by the engine,
// against the snapshot; the map's shape is checked here.
absl::StatusOr<std::vector<std::pair<std::string, int32_t>>> ReadForcedVariations(const Json& value,
                                                                                  absl::string_view path,
                                                                                  const ReadContext& context) {
  if (!value.is_object()) return TypeMismatch(value, "an object of experiment keys and variation indexes", path);
  std::vector<std::pair<std::string, int32_t>> variations;
  for (const auto& [key, index] : value.get_ref<const Json::object_t&>()) {  // sorted by key
    const std::string item_path = ChildPath(path, key);
    SF_RETURN_IF_ERROR(CheckKey(key, item_path, context));
    SF_ASSIGN_OR_RETURN(const int64_t variation,
                        ReadInteger(index, item_path, 0, kMaxVariations - 1, error_code::kInvalidValue));
    variations.emplace_back(key, static_cast<int32_t>(variation));
  }
  return variations;
}

absl::StatusOr<SuggestionRequest> ReadSuggestionRequest(const Json& value, absl::string_view path) {
  SF_ASSIGN_OR_RETURN(ObjectReader reader, ObjectReader::Open(value, path));
  SuggestionRequest request;
  SF_RETURN_IF_ERROR(
      reader.Optional("limit", request.limit, ReadInteger, 1, SuggestionRequest::kMaxLimit, error_code::kInvalidValue));
  SF_RETURN_IF_ERROR(reader.Optional("weight_by_margin", request.weight_by_margin, ReadBoolean));
  SF_RETURN_IF_ERROR(reader.RejectUnknownFields());
  return request;
}

Json WriteMoney(const Money& money) { return money.ToString(); }

Json WriteLine(const PricedLine& line) {
  Json out = Json::object();
  out["index"] = line.index;
  if (line.line_id.has_value()) out["line_id"] = *line.line_id;
  out["sku"] = line.sku;
  out["product_id"] = line.product_id;
  out["title"] = line.title;
  if (!line.variant_title.empty()) out["variant_title"] = line.variant_title;
  out["quantity"] = line.quantity;
  out["status"] = line.status == LineStatus::kPriced ? "priced" : "unavailable";
  out["unit_price"] = WriteMoney(line.unit_price);
  out["subtotal"] = WriteMoney(line.subtotal);
  out["discount_total"] = WriteMoney(line.discount_total);
  out["discounts"] = WriteDiscounts(line.discounts);
  out["tax_total"] = WriteMoney(line.tax_total);
  out["taxes"] = WriteTaxAmounts(line.taxes);
  out["total"] = WriteMoney(line.total);
  // The tax stage's fields: absent without one, so a snapshot without tax keeps the v1 shape.
  if (line.net.has_value()) out["net"] = WriteMoney(*line.net);
  if (line.gross.has_value()) out["gross"] = WriteMoney(*line.gross);
  if (!line.fees.empty()) {
    Json fees = Json::array();
    for (const PricedLine::Fee& fee : line.fees) {
      fees.push_back({{"id", fee.id}, {"name", fee.name}, {"amount", WriteMoney(fee.amount)}});
    }
    out["fees"] = std::move(fees);
  }
  if (line.fee_total.has_value()) out["fee_total"] = WriteMoney(*line.fee_total);
  if (line.rederived) out["rederived"] = true;
  // How the unit price came about: each field only when its step applied.
  if (line.price_list.has_value()) out["price_list"] = {{"id", line.price_list->id}, {"entry", line.price_list->entry}};
  if (line.compare_at.has_value()) out["compare_at"] = WriteMoney(*line.compare_at);
  if (!line.markdown.empty()) out["markdown"] = line.markdown;
  if (line.saving.has_value()) out["saving"] = WriteMoney(*line.saving);
  if (line.prior_price.has_value()) out["prior_price"] = WriteMoney(*line.prior_price);
  if (line.floor_applied) out["floor_applied"] = true;
  if (line.tax_inclusive) out["tax_inclusive"] = true;
  if (!line.gift_of.empty()) out["gift_of"] = line.gift_of;
  if (!line.explanation.empty()) {
    Json steps = Json::array();
    for (const PriceStep& step : line.explanation) {
      Json entry = {{"step", step.step}, {"before", step.before}, {"after", step.after}};
      if (!step.rule.empty()) entry["rule"] = step.rule;
      steps.push_back(std::move(entry));
    }
    out["explanation"] = std::move(steps);
  }
  return out;
}

}  // namespace

absl::StatusOr<Address> ReadAddress(const Json& value, absl::string_view path, const ReadContext& context) {
  SF_ASSIGN_OR_RETURN(ObjectReader reader, ObjectReader::Open(value, path));
  Address address;
  SF_RETURN_IF_ERROR(reader.Required("country", address.country, ReadCountryCode, context));
  SF_RETURN_IF_ERROR(reader.Optional("region", address.region, ReadString, context));
  SF_RETURN_IF_ERROR(reader.Optional("postal_code", address.postal_code, ReadString, context));
  SF_RETURN_IF_ERROR(reader.RejectUnknownFields());
  return address;
}

absl::StatusOr<CartRequest> ReadCart(const Json& document, absl::string_view path, const ReadContext& context) {
  SF_ASSIGN_OR_RETURN(ObjectReader reader, ObjectReader::Open(document, path));
  CartRequest cart;
  SF_RETURN_IF_ERROR(reader.Required("currency", cart.currency, ReadCurrency));
  SF_RETURN_IF_ERROR(reader.Required("at", cart.at, ReadTimestamp));
  SF_RETURN_IF_ERROR(reader.Required("lines", cart.lines, ReadArrayOf<CartLine, ReadContext>, ReadLine, context));
  SF_RETURN_IF_ERROR(reader.Optional("customer", cart.customer, ReadCustomer, context, *cart.currency));
  SF_RETURN_IF_ERROR(reader.Optional("shipping_address", cart.shipping_address, ReadAddress, context));
  SF_RETURN_IF_ERROR(reader.Optional("billing_address", cart.billing_address, ReadAddress, context));
  SF_RETURN_IF_ERROR(reader.Optional("shipping", cart.shipping, ReadShippingRequest, context));
  // Codes exactly as the shopper typed them: even "" is a code to report as unknown, not an error.
  SF_RETURN_IF_ERROR(reader.Optional("coupons", cart.coupons, ReadStringList, context));
  // Budgets left are in the cart's currency, read above.
  SF_RETURN_IF_ERROR(
      reader.Optional("promotion_counters", cart.promotion_counters, ReadPromotionCounters, context, *cart.currency));
  SF_RETURN_IF_ERROR(reader.Optional("channel", cart.channel, ReadIdentifier, context));
  SF_RETURN_IF_ERROR(reader.Optional("locale", cart.locale, ReadIdentifier, context));
  SF_RETURN_IF_ERROR(reader.Optional("explain", cart.explain, ReadBoolean));
  SF_RETURN_IF_ERROR(reader.Optional("forced_variations", cart.variations, ReadForcedVariations, context));
  SF_RETURN_IF_ERROR(reader.Optional("suggestions", cart.suggestions, ReadSuggestionRequest));
  SF_RETURN_IF_ERROR(reader.RejectUnknownFields());
  return cart;
}

std::string FormatTimestamp(absl::Time time) {
  return absl::FormatTime("%Y-%m-%d%ET%H:%M:%E*SZ", time, absl::UTCTimeZone());
}

Json WritePricedCart(const PricedCart& cart) {
  Json out = Json::object();
  out["currency"] = std::string(cart.currency->code);
  out["at"] = FormatTimestamp(cart.at);
  Json lines = Json::array();
  for (const PricedLine& line : cart.lines) lines.push_back(WriteLine(line));
  out["lines"] = std::move(lines);
  out["totals"] = {
      {"subtotal", WriteMoney(cart.totals.subtotal)},
      {"discount_total", WriteMoney(cart.totals.discount_total)},
      {"shipping_total", WriteMoney(cart.totals.shipping_total)},
      {"tax_total", WriteMoney(cart.totals.tax_total)},
      {"total", WriteMoney(cart.totals.total)},
      {"item_count", cart.totals.item_count},
  };
  if (cart.totals.loyalty_points > 0) out["totals"]["loyalty_points"] = cart.totals.loyalty_points;
  if (cart.totals.net_total.has_value()) out["totals"]["net_total"] = WriteMoney(*cart.totals.net_total);
  if (cart.totals.gross_total.has_value()) out["totals"]["gross_total"] = WriteMoney(*cart.totals.gross_total);
  if (cart.totals.fee_total.has_value()) out["totals"]["fee_total"] = WriteMoney(*cart.totals.fee_total);
  Json issues = Json::array();
  for (const Issue& issue : cart.issues) {
    issues.push_back({{"code", issue.code}, {"message", issue.message}, {"path", issue.path}});
  }
  out["issues"] = std::move(issues);
  if (cart.shipping.has_value()) out["shipping"] = WriteShippingQuote(*cart.shipping);
  if (!cart.nudges.empty()) out["nudges"] = WriteNudges(cart.nudges);
  if (!cart.promotions.empty()) out["promotions"] = WritePromotionOutcomes(cart.promotions);
  if (cart.tax.has_value()) out["tax"] = WriteTaxSummary(*cart.tax);
  if (cart.segments.has_value()) out["segments"] = *cart.segments;
  if (cart.experiments.has_value()) out["experiments"] = WriteExperimentAssignments(*cart.experiments);
  if (cart.suggestions.has_value()) out["suggestions"] = WriteSuggestions(*cart.suggestions);
  out["engine"] = {
      {"version", cart.engine.version},
      {"snapshot_hash", cart.engine.snapshot_hash},
      {"schema_version", cart.engine.schema_version},
  };
  return out;
}

}  // namespace storefront::codec
