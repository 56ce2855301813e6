// A snapshot: everything the engine prices with, validated and indexed once.
//
// Snapshots are immutable values. The content hash identifies the data, not its spelling: it is
// taken over the canonical serialisation, so white space and key order do not change it.
#ifndef STOREFRONT_ENGINE_SNAPSHOT_H_
#define STOREFRONT_ENGINE_SNAPSHOT_H_

#include <optional>
#include <string>
#include <vector>

#include "storefront/catalog/catalog.h"
#include "storefront/engine/limits.h"
#include "storefront/money/currency.h"
#include "storefront/money/rounding.h"
#include "storefront/personalization/experiments.h"
#include "storefront/personalization/recommendations.h"
#include "storefront/personalization/segments.h"
#include "storefront/pricing/price_rules.h"
#include "storefront/promotions/promotion.h"
#include "storefront/shipping/shipping.h"
#include "storefront/tax/tax.h"

namespace storefront {

inline constexpr int kSnapshotSchemaVersion = 1;

struct Settings {
  RoundingMode rounding_mode = RoundingMode::kHalfEven;
  CartLimits limits;
  const Currency* base_currency = nullptr;  // what prices are converted from (pricing.md)
  bool prices_include_tax = false;          // the default for price lists and base prices
  PromotionSelection promotion_selection = PromotionSelection::kPriority;
};

struct Snapshot {
  Settings settings;
  std::vector<const Currency*> currencies;  // the currencies a cart may use, in snapshot order
  Catalog catalog;
  PricingRules pricing;
  ShippingConfig shipping;
  PromotionSet promotions;
  TaxConfig tax;
  std::vector<Segment> segments;
  ExperimentSet experiments;
  std::optional<personalization::RecommendationModel> recommendations;
  std::string content_hash;  // "xxh3-128:<32 hex digits>"
  // The host limits the snapshot was read under; cart documents are read under the same ones.
  HostLimits host_limits;

  bool AllowsCurrency(const Currency& currency) const;
};

}  // namespace storefront

#endif  // STOREFRONT_ENGINE_SNAPSHOT_H_
