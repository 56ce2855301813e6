// Actions that work on units rather than lines: "N for X", bundles, buy X get Y. Internal.
//
// Units are never expanded one by one (a line may hold a million): a line's units share one
// unit value, so they are handled as runs, and identical applications are taken in batches.
// The work is bounded by the number of runs times the number of components, not by quantities.
#ifndef STOREFRONT_SDK_PROMOTIONS_UNITS_H_
#define STOREFRONT_SDK_PROMOTIONS_UNITS_H_

#include <cstdint>
#include <optional>
#include <vector>

#include "promotions/effect.h"

namespace storefront::promotions {

struct Component {
  const ItemFilter* items;
  int64_t quantity;
};

struct Grouped {
  std::vector<int64_t> discounts;  // per CartView line, before floors
  int64_t applications = 0;
  int64_t leftover = 0;  // units of a single component's pool left untaken
};

// Repeats "one of each component (with its quantity) together cost `price`" over the units in
// descending unit value, at most `max_applications` times (promotions.md: n_for_x, bundle).
Grouped PriceGroups(const RunState& state, const std::vector<Component>& components, int64_t price,
                    std::optional<int64_t> max_applications);

// The discount one "get" unit of value `value` receives.
struct GetDiscount {
  std::optional<Decimal> percent;
  std::optional<int64_t> amount;
  std::optional<int64_t> price;
  RoundingMode rounding = RoundingMode::kHalfEven;

  int64_t On(int64_t value) const;
};

struct BuyGetResult {
  std::vector<int64_t> discounts;  // per CartView line, before floors
  int64_t applications = 0;
  std::optional<int64_t> add_quantity;  // for the nudge
};

BuyGetResult BuyXGetY(const RunState& state, const Action& action, const GetDiscount& discount);

}  // namespace storefront::promotions

#endif  // STOREFRONT_SDK_PROMOTIONS_UNITS_H_
