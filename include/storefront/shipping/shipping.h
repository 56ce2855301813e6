// Shipping: where each method delivers, what it costs, and which carts it takes. Pipeline stage 3
// (docs/concepts/shipping.md).
//
// The snapshot's shipping section is zones (sets of addresses) and methods (each a list of rates,
// one per zone, plus eligibility rules). ShippingConfig::Build validates it once: every zone a
// rate names exists, every excluded category exists, tiers increase, no amount is negative,
// postal ranges of one zone do not overlap. After that the configuration is immutable and refers
// to zones by index, so copying it is safe.
//
// QuoteShipping prices one cart. It never fails for a business reason: a method that cannot
// ship the cart is reported unavailable with a reason, never as an error. Amounts are the base
// amounts of the rates, in the cart currency, before shipping discounts.
#ifndef STOREFRONT_SHIPPING_SHIPPING_H_
#define STOREFRONT_SHIPPING_SHIPPING_H_

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/types/span.h"
#include "storefront/cart/cart.h"
#include "storefront/catalog/catalog.h"
#include "storefront/money/money.h"
#include "storefront/personalization/experiments.h"
#include "storefront/pricing/priced_cart.h"
#include "storefront/shipping/quote.h"

namespace storefront {

// One entry of a zone's postal_codes: a prefix ("10"), or an inclusive range of codes of one
// length ("10000".."14999"), compared byte by byte.
struct PostalCodes {
  std::string prefix;  // non-empty for a prefix entry
  std::string from;    // a range entry when `prefix` is empty
  std::string to;

  bool Contains(absl::string_view postal_code) const;
};

struct ShippingZone {
  std::string id;
  std::vector<std::string> countries;     // ISO 3166-1 alpha-2, at least one
  std::vector<std::string> regions;       // empty: every region
  std::vector<PostalCodes> postal_codes;  // empty: every postal code

  // The country is listed, and the region and postal code are too when the zone restricts them.
  bool Matches(const Address& address) const;
};

enum class RateType { kFlat, kPerItem, kWeightTiers, kSubtotalTiers };

// Money maps hold at most one amount per currency.
struct WeightTier {
  int64_t up_to_grams = 0;  // inclusive
  std::vector<Money> amount;
};

struct SubtotalTier {
  std::vector<Money> from;  // inclusive lower bound of the compared subtotal
  std::vector<Money> amount;
};

struct ShippingRate {
  std::string zone;
  size_t zone_index = 0;  // set by ShippingConfig::Build
  RateType type = RateType::kFlat;
  std::vector<Money> amount;  // kFlat (per order), kPerItem (per unit)
  std::vector<WeightTier> weight_tiers;
  std::vector<SubtotalTier> subtotal_tiers;
  std::vector<Money> free_over;  // the rate is free at or above this compared subtotal
};

struct ShippingEligibility {
  std::optional<int64_t> max_weight_grams;
  std::vector<std::string> excluded_categories;  // membership includes sub-categories
  std::vector<std::string> excluded_tags;
};

struct ShippingMethod {
  std::string id;
  std::string name;
  std::vector<ShippingRate> rates;  // the first whose zone matches the address applies
  ShippingEligibility eligibility;
};

class ShippingConfig {
 public:
  ShippingConfig() = default;  // a snapshot without shipping: no methods

  // Validates and resolves zone references. Errors carry JSON Pointer paths relative to the
  // shipping object ("/methods/0/rates/1/zone"): `duplicate_id` (zone or method ids),
  // `invalid_value` (no countries, a malformed country, a bad postal entry, no rates, a negative
  // amount), `overlapping_postal_ranges`, `unknown_shipping_zone`, `invalid_tiers`,
  // `unknown_category` (an excluded category the catalog lacks).
  static absl::StatusOr<ShippingConfig> Build(std::vector<ShippingZone> zones, std::vector<ShippingMethod> methods,
                                              const Catalog& catalog);

  absl::Span<const ShippingZone> zones() const { return zones_; }
  absl::Span<const ShippingMethod> methods() const { return methods_; }
  const ShippingMethod* FindMethod(absl::string_view id) const;

 private:
  std::vector<ShippingZone> zones_;
  std::vector<ShippingMethod> methods_;
};

// Checks the cart's shipping request before any stage runs: selecting a method the snapshot
// does not define is `unknown_shipping_method` (/shipping/method); a request with both or
// neither of a method and options is `invalid_value` (/shipping).
absl::Status ValidateShippingRequest(const ShippingConfig& config, const CartRequest& request);

// Stage 3. When the request asks for shipping, sets `cart.shipping` and appends free-shipping
// nudges and shipping issues (`shipping_address_missing`, `shipping_method_unavailable`); reads
// the priced lines, which must already carry their subtotals and discounts. Fails only on
// arithmetic overflow (`arithmetic_overflow`, path into /lines). A variation of `experiments`
// served to the cart may replace a method's free-shipping threshold (personalization.md §2).
absl::Status QuoteShipping(const ShippingConfig& config, const Catalog& catalog, const ExperimentSet& experiments,
                           const CartRequest& request, PricedCart& cart);

}  // namespace storefront

#endif  // STOREFRONT_SHIPPING_SHIPPING_H_
