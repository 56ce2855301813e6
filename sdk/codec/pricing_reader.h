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

}  // namespace storefront::codec

#endif  // STOREFRONT_SDK_CODEC_PRICING_READER_H_
