// What one promotion's action does to a cart, before stacking decides whether it applies.
// Internal to the promotions stage.
#ifndef STOREFRONT_SDK_PROMOTIONS_EFFECT_H_
#define STOREFRONT_SDK_PROMOTIONS_EFFECT_H_

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "promotions/cart_view.h"
#include "storefront/promotions/promotion.h"

namespace storefront::promotions {

// The state of one run of the stage: line amounts after the promotions applied so far.
struct RunState {
  explicit RunState(const CartView& cart_view);

  const CartView* view;
  std::vector<int64_t> amounts;  // per CartView line: subtotal − discounts so far
  std::vector<bool> discounted;  // an applied promotion discounted the line
};

// A threshold inside an action (tiered spend, loyalty points) that the cart does not reach:
// reported like an unmet condition.
struct Shortfall {
  std::string path;
  std::optional<int64_t> threshold;
  std::optional<int64_t> missing_amount;
  std::optional<int64_t> missing_quantity;
  bool progress = false;
};

struct NextTier {
  bool by_quantity = false;
  int64_t threshold = 0;  // minor units, or units when by quantity
  int64_t missing = 0;
  std::optional<int64_t> saving;  // when the tier's amount is fixed
};

struct Effect {
  std::vector<int64_t> lines;  // discount per CartView line, after floors; empty when none
  int64_t points = 0;
  bool gift = false;
  bool shipping = false;  // a shipping action: computed once the shipping quote exists
  bool capped_by_floor = false;
  std::optional<Shortfall> shortfall;
  std::optional<int64_t> add_quantity;  // units that would unlock one more application
  std::optional<NextTier> next_tier;

  int64_t LineTotal() const;
};

// Does the action name every amount it needs in `currency`?
bool ActionSupports(const Action& action, const Currency& currency);

// The action of `promotion` (at `index` in the snapshot's promotions) on the cart as `state`
// leaves it. `floors` are the lines' floors for this promotion (LineFloors).
absl::StatusOr<Effect> ComputeEffect(const Promotion& promotion, size_t index, const RunState& state,
                                     const std::vector<int64_t>& floors);

}  // namespace storefront::promotions

#endif  // STOREFRONT_SDK_PROMOTIONS_EFFECT_H_
