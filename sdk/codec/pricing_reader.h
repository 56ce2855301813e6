// The pricing sections of a snapshot -> PricingRules. Internal to the codec.
#ifndef STOREFRONT_SDK_CODEC_PRICING_READER_H_
#define STOREFRONT_SDK_CODEC_PRICING_READER_H_

#include <vector>

#include "absl/status/statusor.h"
#include "codec/json.h"
#include "storefront/catalog/catalog.h"
#include "storefront/pricing/price_rules.h"

namespace storefront::codec {

// What the pricing readers need to know about the snapshot read so far.
struct SnapshotContext {
  ReadContext read;
  std::vector<const Currency*> currencies;
  const Currency* base_currency = nullptr;
  bool prices_include_tax = false;
  int64_t max_price_lists = 0;
  int64_t max_markdowns = 0;
};

// Reads exchange_rates, price_lists, markdowns, price_rounding and price_history from the
// snapshot object, validating every reference against `catalog`.
absl::StatusOr<PricingRules> ReadPricingRules(ObjectReader& snapshot_reader, const SnapshotContext& snapshot,
                                              const Catalog& catalog);

// A non-negative decimal fraction ("0.20" is 20 %), for min_margin.
absl::StatusOr<Decimal> ReadMargin(const Json& value, absl::string_view path);

// The readers below are shared with the other rule sections (promotions).

absl::StatusOr<Decimal> ReadDecimal(const Json& value, absl::string_view path);
// A decimal strictly above `low` and at most `high` (both whole numbers).
absl::StatusOr<Decimal> ReadDecimalIn(const Json& value, absl::string_view path, int64_t low, int64_t high);
// A currency that is one of `allowed` (`currency_not_allowed`).
absl::StatusOr<const Currency*> ReadListedCurrency(const Json& value, absl::string_view path,
                                                   const std::vector<const Currency*>& allowed);
// Exactly one of sku / product / category / tag / attribute, read from `reader`'s object.
absl::StatusOr<Selector> ReadSelector(ObjectReader& reader, const ReadContext& context);
// As ReadSelector, for an object that is nothing but a selector.
absl::StatusOr<Selector> ReadSelectorObject(const Json& value, absl::string_view path, const ReadContext& context);
// valid_from / valid_until of `reader`'s object; until must be after from (`invalid_window`).
absl::StatusOr<TimeWindow> ReadWindow(ObjectReader& reader);
// `too_many_*` when the array member `key` has more than `limit` elements.
absl::Status CheckCount(ObjectReader& reader, absl::string_view key, int64_t limit, absl::string_view code);

}  // namespace storefront::codec

#endif  // STOREFRONT_SDK_CODEC_PRICING_READER_H_
