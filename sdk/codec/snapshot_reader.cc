#include "codec/snapshot_reader.h"

#include <utility>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
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
    SF_ASSIGN_OR_RETURN(int64_t number, ReadInteger(limit, limit_path, INT64_MIN, INT64_MAX, error_code::kLimitOutOfRange));
    SF_RETURN_IF_ERROR(PrefixErrorPath(SetLimit(limits, name, number), limit_path));
  }
  return absl::OkStatus();
}

absl::StatusOr<Settings> ReadSettings(const Json& value, absl::string_view path) {
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
  SF_RETURN_IF_ERROR(reader.RejectUnknownFields());
  return settings;
}

absl::StatusOr<std::vector<const Currency*>> ReadCurrencies(const Json& value, absl::string_view path) {
  SF_ASSIGN_OR_RETURN(const Json::array_t* items, ReadArray(value, path));
  if (items->empty()) return InputError(error_code::kInvalidValue, "at least one currency is needed", path);
  std::vector<const Currency*> currencies;
  for (size_t i = 0; i < items->size(); ++i) {
    SF_ASSIGN_OR_RETURN(const Currency* currency, ReadCurrency((*items)[i], ChildPath(path, i)));
    for (const Currency* seen : currencies) {
      if (seen == currency) {
        return InputError(error_code::kDuplicateId, absl::StrCat(currency->code, " is listed twice"), ChildPath(path, i));
      }
    }
    currencies.push_back(currency);
  }
  return currencies;
}

absl::StatusOr<std::vector<Category>> ReadCategories(const Json& value, absl::string_view path,
                                                     const ReadContext& context) {
  SF_ASSIGN_OR_RETURN(const Json::array_t* items, ReadArray(value, path));
  std::vector<Category> categories;
  categories.reserve(items->size());
  for (size_t i = 0; i < items->size(); ++i) {
    SF_ASSIGN_OR_RETURN(ObjectReader reader, ObjectReader::Open((*items)[i], ChildPath(path, i)));
    Category category;
    SF_ASSIGN_OR_RETURN(const Json* id, reader.Require("id"));
    SF_ASSIGN_OR_RETURN(category.id, ReadIdentifier(*id, reader.PathOf("id"), context));
    if (const Json* name = reader.Find("name")) {
      SF_ASSIGN_OR_RETURN(category.name, ReadString(*name, reader.PathOf("name"), context));
    }
    if (const Json* parent = reader.Find("parent")) {
      SF_ASSIGN_OR_RETURN(category.parent_id, ReadIdentifier(*parent, reader.PathOf("parent"), context));
    }
    SF_RETURN_IF_ERROR(reader.RejectUnknownFields());
    categories.push_back(std::move(category));
  }
  return categories;
}

// A currency -> money map ("prices", "unit_cost"); every currency must be one the snapshot allows.
absl::StatusOr<std::vector<Money>> ReadMoneyMap(const Json& value, absl::string_view path,
                                                const std::vector<const Currency*>& allowed) {
  if (!value.is_object()) return TypeMismatch(value, "an object of currency -> amount", path);
  std::vector<Money> amounts;
  for (const auto& [code, amount] : value.get_ref<const Json::object_t&>()) {
    const std::string amount_path = ChildPath(path, code);
    SF_ASSIGN_OR_RETURN(const Currency* currency, ReadCurrency(Json(code), amount_path));
    bool is_allowed = false;
    for (const Currency* c : allowed) is_allowed = is_allowed || c == currency;
    if (!is_allowed) {
      return InputError(error_code::kCurrencyNotAllowed,
                        absl::StrCat(code, " is not in the snapshot's currencies"), amount_path);
    }
    SF_ASSIGN_OR_RETURN(Money money, ReadMoney(amount, amount_path, *currency));
    amounts.push_back(money);
  }
  return amounts;
}

absl::StatusOr<Variant> ReadVariant(const Json& value, absl::string_view path, const ReadContext& context,
                                    const std::vector<const Currency*>& currencies) {
  SF_ASSIGN_OR_RETURN(ObjectReader reader, ObjectReader::Open(value, path));
  Variant variant;
  SF_ASSIGN_OR_RETURN(const Json* sku, reader.Require("sku"));
  SF_ASSIGN_OR_RETURN(variant.sku, ReadIdentifier(*sku, reader.PathOf("sku"), context));
  if (const Json* title = reader.Find("title")) {
    SF_ASSIGN_OR_RETURN(variant.title, ReadString(*title, reader.PathOf("title"), context));
  }
  if (const Json* attributes = reader.Find("attributes")) {
    SF_ASSIGN_OR_RETURN(variant.attributes, ReadStringMap(*attributes, reader.PathOf("attributes"), context));
  }
  SF_ASSIGN_OR_RETURN(const Json* prices, reader.Require("prices"));
  SF_ASSIGN_OR_RETURN(variant.prices, ReadMoneyMap(*prices, reader.PathOf("prices"), currencies));
  for (const Money& price : variant.prices) {
    if (price.is_negative()) {
      return InputError(error_code::kInvalidValue, "a price must not be negative",
                        ChildPath(reader.PathOf("prices"), price.currency().code));
    }
  }
  if (const Json* costs = reader.Find("unit_cost")) {
    SF_ASSIGN_OR_RETURN(variant.unit_costs, ReadMoneyMap(*costs, reader.PathOf("unit_cost"), currencies));
  }
  if (const Json* weight = reader.Find("weight_grams")) {
    SF_ASSIGN_OR_RETURN(variant.weight_grams,
                        ReadInteger(*weight, reader.PathOf("weight_grams"), 0, INT64_MAX, error_code::kInvalidValue));
  }
  SF_RETURN_IF_ERROR(reader.RejectUnknownFields());
  return variant;
}

absl::StatusOr<Product> ReadProduct(const Json& value, absl::string_view path, const ReadContext& context,
                                    const std::vector<const Currency*>& currencies) {
  SF_ASSIGN_OR_RETURN(ObjectReader reader, ObjectReader::Open(value, path));
  Product product;
  SF_ASSIGN_OR_RETURN(const Json* id, reader.Require("id"));
  SF_ASSIGN_OR_RETURN(product.id, ReadIdentifier(*id, reader.PathOf("id"), context));
  SF_ASSIGN_OR_RETURN(const Json* title, reader.Require("title"));
  SF_ASSIGN_OR_RETURN(product.title, ReadString(*title, reader.PathOf("title"), context));
  if (const Json* categories = reader.Find("categories")) {
    SF_ASSIGN_OR_RETURN(product.category_ids, ReadIdentifierList(*categories, reader.PathOf("categories"), context));
  }
  if (const Json* tags = reader.Find("tags")) {
    SF_ASSIGN_OR_RETURN(product.tags, ReadIdentifierList(*tags, reader.PathOf("tags"), context));
  }
  if (const Json* attributes = reader.Find("attributes")) {
    SF_ASSIGN_OR_RETURN(product.attributes, ReadStringMap(*attributes, reader.PathOf("attributes"), context));
  }
  if (const Json* tax_category = reader.Find("tax_category")) {
    SF_ASSIGN_OR_RETURN(product.tax_category, ReadIdentifier(*tax_category, reader.PathOf("tax_category"), context));
  }
  SF_ASSIGN_OR_RETURN(const Json* variants, reader.Require("variants"));
  const std::string variants_path = reader.PathOf("variants");
  SF_ASSIGN_OR_RETURN(const Json::array_t* items, ReadArray(*variants, variants_path));
  if (items->empty()) return InputError(error_code::kInvalidValue, "a product needs at least one variant", variants_path);
  for (size_t i = 0; i < items->size(); ++i) {
    SF_ASSIGN_OR_RETURN(Variant variant, ReadVariant((*items)[i], ChildPath(variants_path, i), context, currencies));
    product.variants.push_back(std::move(variant));
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
      {"categories", snapshot.catalog.categories().size()},
      {"currencies", snapshot.currencies.size()},
      {"products", snapshot.catalog.products().size()},
      {"snapshot_hash", snapshot.content_hash},
      {"variants", snapshot.catalog.variant_count()},
  };
}

std::string ContentHash(const Json& document) {
  const std::string canonical = Canonical(document);
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
  SF_ASSIGN_OR_RETURN(const Json* currencies, reader.Require("currencies"));
  SF_ASSIGN_OR_RETURN(snapshot.currencies, ReadCurrencies(*currencies, reader.PathOf("currencies")));
  if (const Json* settings = reader.Find("settings")) {
    SF_ASSIGN_OR_RETURN(snapshot.settings, ReadSettings(*settings, reader.PathOf("settings")));
  }
  std::vector<Category> categories;
  if (const Json* value = reader.Find("categories")) {
    SF_ASSIGN_OR_RETURN(categories, ReadCategories(*value, reader.PathOf("categories"), context));
  }
  SF_ASSIGN_OR_RETURN(const Json* products_value, reader.Require("products"));
  const std::string products_path = reader.PathOf("products");
  SF_ASSIGN_OR_RETURN(const Json::array_t* items, ReadArray(*products_value, products_path));
  std::vector<Product> products;
  products.reserve(items->size());
  int64_t variant_count = 0;
  for (size_t i = 0; i < items->size(); ++i) {
    SF_ASSIGN_OR_RETURN(Product product, ReadProduct((*items)[i], ChildPath(products_path, i), context, snapshot.currencies));
    variant_count += static_cast<int64_t>(product.variants.size());
    if (variant_count > limits.max_variants) {
      return InputError(error_code::kCatalogTooLarge,
                        absl::StrCat("the snapshot has more than ", limits.max_variants, " variants (max_variants)"),
                        products_path);
    }
    products.push_back(std::move(product));
  }
  SF_RETURN_IF_ERROR(reader.RejectUnknownFields());
  absl::StatusOr<Catalog> catalog = Catalog::Build(std::move(categories), std::move(products));
  if (!catalog.ok()) return PrefixErrorPath(catalog.status(), path);
  snapshot.catalog = std::move(catalog).value();
  snapshot.content_hash = ContentHash(document);
  snapshot.host_limits = limits;
  return snapshot;
}

}  // namespace storefront::codec
