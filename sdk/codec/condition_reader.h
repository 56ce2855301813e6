// Promotion condition trees and the field readers every part of a promotion shares. Internal to
// the codec (docs/concepts/promotions.md, sections 1 and 2).
#ifndef STOREFRONT_SDK_CODEC_CONDITION_READER_H_
#define STOREFRONT_SDK_CODEC_CONDITION_READER_H_

#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "codec/json.h"
#include "storefront/promotions/promotion.h"

namespace storefront::codec {

// What a reader of identifiers and money maps needs from the snapshot read so far (promotions
// and tax both read with it).
struct AmountContext {
  ReadContext read;
  std::vector<const Currency*> currencies;  // every money map must stay within these
};

// A list of selectors (`items`); each must be exactly one of sku, product, category, tag,
// attribute. References are checked later, against the catalog, by PromotionSet::Build.
absl::StatusOr<ItemFilter> ReadItems(const Json& value, absl::string_view path, const AmountContext& context);
// A money map with at least one currency, every amount above zero (amounts, thresholds, budgets).
absl::StatusOr<MoneyMap> ReadPositiveMoneyMap(const Json& value, absl::string_view path, const AmountContext& context);
// A money map with at least one currency, no amount below zero (prices).
absl::StatusOr<MoneyMap> ReadPriceMap(const Json& value, absl::string_view path, const AmountContext& context);
// "before_discounts" or "after_discounts".
absl::StatusOr<AmountBase> ReadAmountBase(const Json& value, absl::string_view path);
// `invalid_value` at `high_path`/<currency> unless `high` is above `low` (or at least `low`, when
// `strict` is false) in every currency both maps give: the later bound is the one that is wrong.
absl::Status CheckAmountOrder(const MoneyMap& low, const MoneyMap& high, bool strict, absl::string_view high_path);

// The condition tree at `path` (its root, e.g. "/promotions/3/condition"). Paths are relative to
// the snapshot document, so every node's `path` can be reported as is. At most
// kMaxConditionNodes nodes (`condition_too_complex`, at the root).
absl::StatusOr<Condition> ReadConditionTree(const Json& value, absl::string_view path, const AmountContext& context);

}  // namespace storefront::codec

#endif  // STOREFRONT_SDK_CODEC_CONDITION_READER_H_
