// Errors: the first of the SDK's two channels.
//
// Malformed or out-of-limit input is an absl::Status that carries, besides the canonical
// Abseil code, a stable machine-readable `code` ("unknown_sku") and a JSON Pointer `path` to the
// offending input ("/lines/2/sku"). Every boundary turns such a status into the envelope
// {"ok":false,"error":{"code","message","path"}}. Business outcomes ("coupon unknown") are never
// errors; they are data in the result. The list of codes is docs/errors.md.
#ifndef STOREFRONT_BASE_ERROR_H_
#define STOREFRONT_BASE_ERROR_H_

#include <string>

#include "absl/status/status.h"
#include "absl/strings/string_view.h"

namespace storefront {

// Stable error codes. Adding one is additive; renaming one breaks clients.
namespace error_code {
inline constexpr absl::string_view kJsonSyntax = "json_syntax";
inline constexpr absl::string_view kJsonTooDeep = "json_too_deep";
inline constexpr absl::string_view kInputTooLarge = "input_too_large";
inline constexpr absl::string_view kTypeMismatch = "type_mismatch";
inline constexpr absl::string_view kMissingField = "missing_field";
inline constexpr absl::string_view kUnknownField = "unknown_field";
inline constexpr absl::string_view kInvalidValue = "invalid_value";
inline constexpr absl::string_view kInvalidAmount = "invalid_amount";
inline constexpr absl::string_view kMoneyNotString = "money_not_string";
inline constexpr absl::string_view kTooManyFractionDigits = "too_many_fraction_digits";
inline constexpr absl::string_view kAmountOutOfRange = "amount_out_of_range";
inline constexpr absl::string_view kArithmeticOverflow = "arithmetic_overflow";
inline constexpr absl::string_view kUnknownCurrency = "unknown_currency";
inline constexpr absl::string_view kCurrencyNotAllowed = "currency_not_allowed";
inline constexpr absl::string_view kCurrencyMismatch = "currency_mismatch";
inline constexpr absl::string_view kInvalidWeights = "invalid_weights";
inline constexpr absl::string_view kInvalidTimestamp = "invalid_timestamp";
inline constexpr absl::string_view kUnsupportedSchemaVersion = "unsupported_schema_version";
inline constexpr absl::string_view kLimitOutOfRange = "limit_out_of_range";
inline constexpr absl::string_view kTooManyLines = "too_many_lines";
inline constexpr absl::string_view kQuantityOutOfRange = "quantity_out_of_range";
inline constexpr absl::string_view kTooManyCoupons = "too_many_coupons";
inline constexpr absl::string_view kStringTooLong = "string_too_long";
inline constexpr absl::string_view kCatalogTooLarge = "catalog_too_large";
inline constexpr absl::string_view kTooManyPriceLists = "too_many_price_lists";
inline constexpr absl::string_view kTooManyMarkdowns = "too_many_markdowns";
inline constexpr absl::string_view kTooManyPromotions = "too_many_promotions";
inline constexpr absl::string_view kTooManyProducts = "too_many_products";
inline constexpr absl::string_view kTooManyAffinities = "too_many_affinities";
inline constexpr absl::string_view kConditionTooComplex = "condition_too_complex";
inline constexpr absl::string_view kDuplicateCouponCode = "duplicate_coupon_code";
inline constexpr absl::string_view kUnknownPromotion = "unknown_promotion";
inline constexpr absl::string_view kUnknownPriceList = "unknown_price_list";
inline constexpr absl::string_view kUnknownExperiment = "unknown_experiment";
inline constexpr absl::string_view kUnknownTaxCategory = "unknown_tax_category";
inline constexpr absl::string_view kUnknownTaxZone = "unknown_tax_zone";
inline constexpr absl::string_view kUnknownTaxRate = "unknown_tax_rate";
inline constexpr absl::string_view kTaxCompoundCycle = "tax_compound_cycle";
inline constexpr absl::string_view kDuplicateId = "duplicate_id";
inline constexpr absl::string_view kDuplicateLineId = "duplicate_line_id";
inline constexpr absl::string_view kUnknownCategory = "unknown_category";
inline constexpr absl::string_view kCategoryCycle = "category_cycle";
inline constexpr absl::string_view kCategoryTooDeep = "category_too_deep";
inline constexpr absl::string_view kUnknownSku = "unknown_sku";
inline constexpr absl::string_view kUnknownProduct = "unknown_product";
inline constexpr absl::string_view kInvalidWindow = "invalid_window";
inline constexpr absl::string_view kInvalidTiers = "invalid_tiers";
inline constexpr absl::string_view kUnknownShippingZone = "unknown_shipping_zone";
inline constexpr absl::string_view kUnknownShippingMethod = "unknown_shipping_method";
inline constexpr absl::string_view kOverlappingPostalRanges = "overlapping_postal_ranges";
inline constexpr absl::string_view kUnknownOperation = "unknown_operation";
inline constexpr absl::string_view kInternal = "internal";
}  // namespace error_code

// An InvalidArgument status carrying `code` and `path`.
absl::Status InputError(absl::string_view code, absl::string_view message, absl::string_view path = "");

// The stable code of `status`: its payload, else "internal" for any non-OK status without one.
std::string ErrorCodeOf(const absl::Status& status);

// The JSON Pointer of `status` ("" when none was attached).
std::string ErrorPathOf(const absl::Status& status);

// Returns `status` with `prefix` prepended to its path. Low-level parsers report paths relative
// to the value they were given; each enclosing reader adds where that value sits.
absl::Status PrefixErrorPath(absl::Status status, absl::string_view prefix);

}  // namespace storefront

#endif  // STOREFRONT_BASE_ERROR_H_
