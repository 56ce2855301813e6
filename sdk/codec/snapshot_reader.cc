#include "codec/snapshot_reader.h"

#include <algorithm>
#include <utility>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "codec/personalization_reader.h"
#include "codec/pricing_reader.h"
#include "codec/promotions_reader.h"
#include "codec/recommendations_reader.h"
#include "codec/shipping_reader.h"
#include "codec/tax_reader.h"
#include "storefront/base/error.h"
#include "storefront/base/status_macros.h"
#include "xxhash.h"

namespace storefront::codec {
namespace {

// Reads {"name": integer, ...} into `limits` through SetLimit, which checks every range.
template <typename Limits>
absl::Status ReadLimitsObject(const Json& value, absl::string_view path, Limits& limits) {
  if (!value.is_object()) return TypeMismatch(value, "an object", path);
  for (const auto& [name, limit] : value.get_ref<const Json::object_t&>()) {
    const std::string limit_path = ChildPath(path, name);
    SF_ASSIGN_OR_RETURN(int64_t number,
                        ReadInteger(limit, limit_path, INT64_MIN, INT64_MAX, error_code::kLimitOutOfRange));
    SF_RETURN_IF_ERROR(PrefixErrorPath(SetLimit(limits, name, number), limit_path));
  }
  return absl::OkStatus();
}

absl::StatusOr<Settings> ReadSettings(const Json& value, absl::string_view path,
                                      const std::vector<const Currency*>& currencies) {
  Settings settings;
  SF_ASSIGN_OR_RETURN(ObjectReader reader, ObjectReader::Open(value, path));
  if (const Json* mode = reader.Find("rounding_mode")) {
    if (!mode->is_string()) return TypeMismatch(*mode, "a rounding mode name", reader.PathOf("rounding_mode"));
    absl::StatusOr<RoundingMode> parsed = ParseRoundingMode(mode->get_ref<const std::string&>());
    if (!parsed.ok()) return PrefixErrorPath(parsed.status(), reader.PathOf("rounding_mode"));
    settings.rounding_mode = *parsed;
  }
  if (const Json* limits = reader.Find("limits")) {
    SF_RETURN_IF_ERROR(ReadLimitsObject(*limits, reader.PathOf("limits"), settings.limits));
  }
  SF_RETURN_IF_ERROR(reader.Optional("prices_include_tax", settings.prices_include_tax, ReadBoolean));
  SF_RETURN_IF_ERROR(reader.Optional("promotion_selection", settings.promotion_selection, ReadPromotionSelection));
  if (const Json* base = reader.Find("base_currency")) {
    SF_ASSIGN_OR_RETURN(settings.base_currency, ReadCurrency(*base, reader.PathOf("base_currency")));
    bool listed = false;
    for (const Currency* c : currencies) listed = listed || c == settings.base_currency;
    if (!listed) {
      return InputError(error_code::kCurrencyNotAllowed, "the base currency must be one of the snapshot's currencies",
                        reader.PathOf("base_currency"));
    }
  }
  SF_RETURN_IF_ERROR(reader.RejectUnknownFields());
  return settings;
}

absl::StatusOr<std::vector<const Currency*>> ReadCurrencies(const Json& value, absl::string_view path) {
  SF_ASSIGN_OR_RETURN(std::vector<const Currency*> currencies, ReadArrayOf<const Currency*>(value, path, ReadCurrency));
  if (currencies.empty()) return InputError(error_code::kInvalidValue, "at least one currency is needed", path);
  for (size_t i = 1; i < currencies.size(); ++i) {
    if (std::find(currencies.begin(), currencies.begin() + i, currencies[i]) != currencies.begin() + i) {
      return InputError(error_code::kDuplicateId, absl::StrCat(currencies[i]->code, " is listed twice"),
                        ChildPath(path, i));
    }
  }
  return currencies;
}

absl::StatusOr<Category> ReadCategory(const Json& value, absl::string_view path, const ReadContext& context) {
  SF_ASSIGN_OR_RETURN(ObjectReader reader, ObjectReader::Open(value, path));
  Category category;
  SF_RETURN_IF_ERROR(reader.Required("id", category.id, ReadIdentifier, context));
  SF_RETURN_IF_ERROR(reader.Optional("name", category.name, ReadString, context));
  SF_RETURN_IF_ERROR(reader.Optional("parent", category.parent_id, ReadIdentifier, context));
  SF_RETURN_IF_ERROR(reader.RejectUnknownFields());
  return category;
}

absl::StatusOr<Variant> ReadVariant(const Json& value, absl::string_view path, const ReadContext& context,
                                    const std::vector<const Currency*>& currencies) {
  SF_ASSIGN_OR_RETURN(ObjectReader reader, ObjectReader::Open(value, path));
  Variant variant;
  SF_RETURN_IF_ERROR(reader.Required("sku", variant.sku, ReadIdentifier, context));
  SF_RETURN_IF_ERROR(reader.Optional("title", variant.title, ReadString, context));
  SF_RETURN_IF_ERROR(reader.Optional("attributes", variant.attributes, ReadStringMap, context));
  SF_RETURN_IF_ERROR(reader.Required("prices", variant.prices, ReadNonNegativeMoneyMap, currencies));
  SF_RETURN_IF_ERROR(reader.Optional("unit_cost", variant.unit_costs, ReadNonNegativeMoneyMap, currencies));
  SF_RETURN_IF_ERROR(reader.Optional("min_price", variant.min_prices, ReadNonNegativeMoneyMap, currencies));
  SF_RETURN_IF_ERROR(
      reader.Optional("weight_grams", variant.weight_grams, ReadInteger, 0, INT64_MAX, error_code::kInvalidValue));
  SF_RETURN_IF_ERROR(reader.RejectUnknownFields());
  return variant;
}

absl::StatusOr<Product> ReadProduct(const Json& value, absl::string_view path, const ReadContext& context,
                                    const std::vector<const Currency*>& currencies) {
  SF_ASSIGN_OR_RETURN(ObjectReader reader, ObjectReader::Open(value, path));
  Product product;
  SF_RETURN_IF_ERROR(reader.Required("id", product.id, ReadIdentifier, context));
  SF_RETURN_IF_ERROR(reader.Required("title", product.title, ReadString, context));
  SF_RETURN_IF_ERROR(reader.Optional("categories", product.category_ids, ReadIdentifierList, context));
  SF_RETURN_IF_ERROR(reader.Optional("tags", product.tags, ReadIdentifierList, context));
  SF_RETURN_IF_ERROR(reader.Optional("attributes", product.attributes, ReadStringMap, context));
  SF_RETURN_IF_ERROR(reader.Optional("tax_category", product.tax_category, ReadIdentifier, context));
  SF_RETURN_IF_ERROR(reader.Optional("min_margin", product.min_margin, ReadMargin));
  SF_RETURN_IF_ERROR(reader.Required("variants", product.variants,
                                     ReadArrayOf<Variant, ReadContext, std::vector<const Currency*>>, ReadVariant,
                                     context, currencies));
  if (product.variants.empty()) {
    return InputError(error_code::kInvalidValue, "a product needs at least one variant", reader.PathOf("variants"));
  }
  SF_RETURN_IF_ERROR(reader.RejectUnknownFields());
  return product;
}

}  // namespace

absl::StatusOr<HostLimits> ReadHostLimits(const Json& value, absl::string_view path) {
  HostLimits limits;
  SF_RETURN_IF_ERROR(ReadLimitsObject(value, path, limits));
  return limits;
}

Json DescribeSnapshot(const Snapshot& snapshot) {
  return Json{
      {"categories", snapshot.catalog.categories().size()}, {"currencies", snapshot.currencies.size()},
      {"products", snapshot.catalog.products().size()},     {"snapshot_hash", snapshot.content_hash},
      {"variants", snapshot.catalog.variant_count()},
  };
}

std::string ContentHash(const Json& document) {
  const std::string canonical = CanonicalWithWholeNumbers(document);
  XXH128_canonical_t digest;
  XXH128_canonicalFromHash(&digest, XXH3_128bits(canonical.data(), canonical.size()));
  std::string hex = "xxh3-128:";
  for (unsigned char byte : digest.digest) absl::StrAppendFormat(&hex, "%02x", byte);
  return hex;
}

absl::StatusOr<Snapshot> ReadSnapshot(const Json& document, absl::string_view path, const HostLimits& limits) {
  const ReadContext context{limits.max_string_length};
  SF_ASSIGN_OR_RETURN(ObjectReader reader, ObjectReader::Open(document, path));
  SF_ASSIGN_OR_RETURN(const Json* version, reader.Require("schema_version"));
  if (!version->is_number_integer() || version->get<int64_t>() != kSnapshotSchemaVersion) {
    return InputError(error_code::kUnsupportedSchemaVersion,
                      absl::StrCat("this engine reads schema_version ", kSnapshotSchemaVersion),
                      reader.PathOf("schema_version"));
  }
  Snapshot snapshot;
  SF_RETURN_IF_ERROR(reader.Required("currencies", snapshot.currencies, ReadCurrencies));
  SF_RETURN_IF_ERROR(reader.Optional("settings", snapshot.settings, ReadSettings, snapshot.currencies));
  std::vector<Category> categories;
  SF_RETURN_IF_ERROR(
      reader.Optional("categories", categories, ReadArrayOf<Category, ReadContext>, ReadCategory, context));
  SF_ASSIGN_OR_RETURN(const Json* products_value, reader.Require("products"));
  const std::string products_path = reader.PathOf("products");
  SF_ASSIGN_OR_RETURN(const Json::array_t* items, ReadArray(*products_value, products_path));
  std::vector<Product> products;
  products.reserve(items->size());
  int64_t variant_count = 0;
  for (size_t i = 0; i < items->size(); ++i) {
    SF_ASSIGN_OR_RETURN(Product product,
                        ReadProduct((*items)[i], ChildPath(products_path, i), context, snapshot.currencies));
    variant_count += static_cast<int64_t>(product.variants.size());
    if (variant_count > limits.max_variants) {
      return InputError(error_code::kCatalogTooLarge,
                        absl::StrCat("the snapshot has more than ", limits.max_variants, " variants (max_variants)"),
                        products_path);
    }
    products.push_back(std::move(product));
  }
  absl::StatusOr<Catalog> catalog = Catalog::Build(std::move(categories), std::move(products));
  if (!catalog.ok()) return PrefixErrorPath(catalog.status(), path);
  snapshot.catalog = std::move(catalog).value();
  const SnapshotContext pricing_context{context,
                                        snapshot.currencies,
                                        snapshot.settings.base_currency,
                                        snapshot.settings.prices_include_tax,
                                        limits.max_price_lists,
                                        limits.max_markdowns};
  SF_ASSIGN_OR_RETURN(snapshot.pricing, ReadPricingRules(reader, pricing_context, snapshot.catalog));
  // After the catalog: excluded categories must exist.
  SF_RETURN_IF_ERROR(
      reader.Optional("shipping", snapshot.shipping, ReadShipping, context, snapshot.currencies, snapshot.catalog));
  SF_ASSIGN_OR_RETURN(snapshot.promotions,
                      ReadPromotions(reader, {context, snapshot.currencies}, limits.max_promotions, snapshot.catalog));
  // After the catalog, whose products' tax categories must be declared.
  SF_ASSIGN_OR_RETURN(
      snapshot.tax, ReadTax(reader, {context, snapshot.currencies}, snapshot.settings.rounding_mode, snapshot.catalog));
  // After everything a segment or an experiment may name.
  const AmountContext amounts{context, snapshot.currencies};
  SF_ASSIGN_OR_RETURN(snapshot.segments, ReadSegments(reader, amounts, snapshot.catalog));
  SF_ASSIGN_OR_RETURN(snapshot.experiments, ReadExperiments(reader, amounts, snapshot));
  SF_RETURN_IF_ERROR(reader.Optional("recommendations", snapshot.recommendations, ReadRecommendationModel, context));
  SF_RETURN_IF_ERROR(reader.RejectUnknownFields());
  snapshot.content_hash = ContentHash(document);
  snapshot.host_limits = limits;
  return snapshot;
}

}  // namespace storefront::codec
