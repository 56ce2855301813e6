// The snapshot's "promotions", the cart's "promotion_counters", and the promotion parts of the
// priced cart (docs/concepts/promotions.md). Internal to the codec.
#ifndef STOREFRONT_SDK_CODEC_PROMOTIONS_READER_H_
#define STOREFRONT_SDK_CODEC_PROMOTIONS_READER_H_

#include <cstdint>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "codec/condition_reader.h"
#include "codec/json.h"
#include "storefront/cart/cart.h"
#include "storefront/catalog/catalog.h"
#include "storefront/pricing/priced_cart.h"
#include "storefront/promotions/discount.h"
#include "storefront/promotions/promotion.h"

namespace storefront::codec {

// The optional "promotions" member of the snapshot object, validated against `catalog` and
// indexed. More than `max_promotions` is `too_many_promotions`, checked before any is read.
absl::StatusOr<PromotionSet> ReadPromotions(ObjectReader& snapshot_reader, const AmountContext& context,
                                            int64_t max_promotions, const Catalog& catalog);

// settings.promotion_selection: "priority" or "best_for_customer".
absl::StatusOr<PromotionSelection> ReadPromotionSelection(const Json& value, absl::string_view path);

// The cart's "promotion_counters": {id: {uses_left?, customer_uses_left?, budget_left?}}, sorted
// by id. Whether each id exists is the engine's check (ValidatePromotionCounters).
absl::StatusOr<std::vector<PromotionCounter>> ReadPromotionCounters(const Json& value, absl::string_view path,
                                                                    const ReadContext& context,
                                                                    const Currency& currency);

// [{promotion, amount}] for a line's or the shipping quote's discounts.
Json WriteDiscounts(const std::vector<AppliedDiscount>& discounts);
// The priced cart's "promotions": each outcome with only the fields that say something.
Json WritePromotionOutcomes(const std::vector<PromotionOutcome>& outcomes);

}  // namespace storefront::codec

#endif  // STOREFRONT_SDK_CODEC_PROMOTIONS_READER_H_
