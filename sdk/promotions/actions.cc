#include <algorithm>

#include "absl/strings/str_cat.h"
#include "promotions/arithmetic.h"
#include "promotions/conditions.h"
#include "promotions/effect.h"
#include "promotions/units.h"
#include "storefront/base/status_macros.h"

namespace storefront::promotions {
namespace {

using Type = Action::Type;

int64_t In(const MoneyMap& map, const Currency& currency) { return AmountIn(map, currency)->minor_units(); }

// The lines an action may discount, in canonical order.
std::vector<size_t> Targets(const ItemTarget& target, const RunState& state) {
  std::vector<size_t> lines;
  for (size_t i = 0; i < state.view->lines.size(); ++i) {
    const LineFacts& line = state.view->lines[i];
    if (!line.Matches(target.items)) continue;
    if (target.skip_marked_down && line.marked_down) continue;
    if (target.skip_discounted && state.discounted[i]) continue;
    lines.push_back(i);
  }
  return lines;
}

// How many units of each target line an item action covers: all of them, or the first
// `max_quantity` by descending unit value.
std::vector<int64_t> CoveredUnits(const ItemTarget& target, const RunState& state, const std::vector<size_t>& lines) {
  std::vector<int64_t> covered(state.view->lines.size(), 0);
  std::vector<size_t> order = lines;
  std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) {
    return UnitValue(state.amounts[a], state.view->lines[a].quantity) >
           UnitValue(state.amounts[b], state.view->lines[b].quantity);
  });
  int64_t budget = target.max_quantity.value_or(INT64_MAX);
  for (size_t i : order) {
    covered[i] = std::min(budget, state.view->lines[i].quantity);
    budget -= covered[i];
  }
  return covered;
}

// The amount of `units` of line i: the whole amount when they are all of its units.
absl::int128 AmountOfUnits(const RunState& state, size_t i, int64_t units) {
  if (units == state.view->lines[i].quantity) return state.amounts[i];
  return absl::int128(UnitValue(state.amounts[i], state.view->lines[i].quantity)) * units;
}

absl::StatusOr<std::vector<int64_t>> ItemDiscounts(const Action& action, const RunState& state, const CartView& view) {
  std::vector<int64_t> raw(view.lines.size(), 0);
  const std::vector<size_t> lines = Targets(action.target, state);
  const std::vector<int64_t> covered = CoveredUnits(action.target, state, lines);
  for (size_t i : lines) {
    if (covered[i] == 0) continue;
    const absl::int128 base = AmountOfUnits(state, i, covered[i]);
    absl::int128 discount = 0;
    switch (action.type) {
      case Type::kPercentOff:
        discount = PercentOf(base, *action.percent, view.rounding);
        break;
      case Type::kAmountOffEach:
        discount = absl::int128(In(*action.amount, *view.currency)) * covered[i];
        break;
      case Type::kUnitPrice:
        discount = base - absl::int128(In(*action.price, *view.currency)) * covered[i];
        break;
      default:
        break;
    }
    // Cut to the headroom below; a discount beyond the line's whole amount is cut there too.
    SF_ASSIGN_OR_RETURN(raw[i], Narrow(std::max<absl::int128>(discount, 0)));
  }
  return raw;
}

// An amount spread over `lines` in proportion to their amounts, never above a line's headroom.
std::vector<int64_t> Spread(int64_t total, const std::vector<size_t>& lines, const RunState& state,
                            const std::vector<int64_t>& headroom) {
  std::vector<int64_t> weights(state.view->lines.size(), 0);
  for (size_t i : lines) weights[i] = state.amounts[i];
  return AllocateCapped(total, weights, headroom, *state.view->currency);
}

absl::StatusOr<int64_t> SumOver(const std::vector<size_t>& lines, const std::vector<int64_t>& amounts) {
  absl::int128 sum = 0;
  for (size_t i : lines) sum += amounts[i];
  return Narrow(sum);
}

struct TierChoice {
  const Action::SpendTier* tier = nullptr;
  const Action::SpendTier* next = nullptr;
  int64_t measure = 0;
};

int64_t TierMin(const Action& action, const Action::SpendTier& tier, const Currency& currency) {
  return action.by_quantity ? tier.min_quantity : In(*tier.min_amount, currency);
}

absl::StatusOr<TierChoice> ChooseTier(const Action& action, const std::vector<size_t>& lines, const RunState& state) {
  const CartView& view = *state.view;
  TierChoice choice;
  if (action.by_quantity) {
    for (size_t i : lines) choice.measure += view.lines[i].quantity;
  } else {
    const Amounts amounts{&view, &state.amounts};
    absl::int128 sum = 0;
    for (size_t i : lines) sum += amounts.Of(i, action.base);
    SF_ASSIGN_OR_RETURN(choice.measure, Narrow(sum));
  }
  for (const Action::SpendTier& tier : action.tiers) {
    if (TierMin(action, tier, *view.currency) <= choice.measure) {
      choice.tier = &tier;
    } else if (choice.next == nullptr) {
      choice.next = &tier;
    }
  }
  return choice;
}

}  // namespace

RunState::RunState(const CartView& cart_view)
    : view(&cart_view), amounts(cart_view.lines.size()), discounted(cart_view.lines.size(), false) {
  for (size_t i = 0; i < cart_view.lines.size(); ++i) amounts[i] = cart_view.lines[i].subtotal;
}

int64_t Effect::LineTotal() const {
  int64_t total = 0;
  for (int64_t discount : lines) total += discount;
  return total;
}

bool ActionSupports(const Action& action, const Currency& currency) {
  for (const std::optional<MoneyMap>* map : {&action.amount, &action.price, &action.per}) {
    if (map->has_value() && AmountIn(**map, currency) == nullptr) return false;
  }
  for (const Action::SpendTier& tier : action.tiers) {
    for (const std::optional<MoneyMap>* map : {&tier.min_amount, &tier.amount}) {
      if (map->has_value() && AmountIn(**map, currency) == nullptr) return false;
    }
  }
  return true;
}

absl::StatusOr<Effect> ComputeEffect(const Promotion& promotion, size_t index, const RunState& state,
                                     const std::vector<int64_t>& floors) {
  const Action& action = promotion.action;
  const CartView& view = *state.view;
  const Currency& currency = *view.currency;
  Effect effect;
  std::vector<int64_t> headroom(view.lines.size());
  for (size_t i = 0; i < view.lines.size(); ++i) headroom[i] = std::max<int64_t>(0, state.amounts[i] - floors[i]);

  std::vector<int64_t> raw;      // item discounts per line, before floors
  std::optional<int64_t> order;  // an order amount to spread, before floors
  std::vector<size_t> spread_over;
  switch (action.type) {
    case Type::kPercentOff:
    case Type::kAmountOffEach:
    case Type::kUnitPrice: {
      SF_ASSIGN_OR_RETURN(raw, ItemDiscounts(action, state, view));
      break;
    }
    case Type::kAmountOffItems:
      spread_over = Targets(action.target, state);
      order = In(*action.amount, currency);
      break;
    case Type::kNForX:
    case Type::kBundle: {
      std::vector<Component> components;
      if (action.type == Type::kNForX) {
        components.push_back({&action.target.items, action.quantity});
      } else {
        for (const Action::Component& component : action.components) {
          components.push_back({&component.items, component.quantity});
        }
      }
      Grouped grouped = PriceGroups(state, components, In(*action.price, currency), action.max_applications);
      raw = std::move(grouped.discounts);
      const bool can_repeat = grouped.applications < action.max_applications.value_or(INT64_MAX);
      if (action.type == Type::kNForX && can_repeat && grouped.leftover > 0) {
        effect.add_quantity = action.quantity - grouped.leftover;
      }
      break;
    }
    case Type::kBuyXGetY: {
      GetDiscount discount{action.percent, std::nullopt, std::nullopt, view.rounding};
      if (action.amount.has_value()) discount.amount = In(*action.amount, currency);
      if (action.price.has_value()) discount.price = In(*action.price, currency);
      BuyGetResult result = BuyXGetY(state, action, discount);
      raw = std::move(result.discounts);
      effect.add_quantity = result.add_quantity;
      break;
    }
    case Type::kTieredSpend: {
      spread_over = Targets(action.target, state);
      SF_ASSIGN_OR_RETURN(const TierChoice choice, ChooseTier(action, spread_over, state));
      if (choice.next != nullptr) {
        NextTier next{action.by_quantity, TierMin(action, *choice.next, currency), 0, std::nullopt};
        next.missing = next.threshold - choice.measure;
        if (choice.next->amount.has_value()) next.saving = In(*choice.next->amount, currency);
        effect.next_tier = next;
      }
      if (choice.tier == nullptr) {
        const int64_t first = TierMin(action, action.tiers[0], currency);
        Shortfall shortfall{absl::StrCat("/promotions/", index, "/action/tiers/0"), first, std::nullopt, std::nullopt,
                            choice.measure > 0};
        const int64_t missing = first - choice.measure;
        (action.by_quantity ? shortfall.missing_quantity : shortfall.missing_amount) = missing;
        effect.shortfall = shortfall;
        return effect;
      }
      if (choice.tier->amount.has_value()) {
        order = In(*choice.tier->amount, currency);
      } else {
        SF_ASSIGN_OR_RETURN(const int64_t base, SumOver(spread_over, state.amounts));
        order = PercentOf(base, *choice.tier->percent, view.rounding);
      }
      break;
    }
    case Type::kOrderPercentOff: {
      spread_over = Targets(action.target, state);
      SF_ASSIGN_OR_RETURN(const int64_t base, SumOver(spread_over, state.amounts));
      order = PercentOf(base, *action.percent, view.rounding);
      break;
    }
    case Type::kOrderAmountOff:
      spread_over = Targets(action.target, state);
      order = In(*action.amount, currency);
      break;
    case Type::kLoyaltyPoints: {
      SF_ASSIGN_OR_RETURN(const int64_t base, SumOver(Targets(action.target, state), state.amounts));
      const int64_t per = In(*action.per, currency);
      if (base < per) {
        effect.shortfall =
            Shortfall{absl::StrCat("/promotions/", index, "/action/per"), per, per - base, std::nullopt, base > 0};
        return effect;
      }
      const absl::int128 points = absl::int128(base / per) * action.points;
      SF_ASSIGN_OR_RETURN(effect.points, Narrow(points));
      return effect;
    }
    case Type::kShippingOff:
      effect.shipping = true;
      return effect;
    case Type::kFreeGift:
      effect.gift = true;
      return effect;
  }

  if (order.has_value()) {
    // Order amounts are cut to what the lines' floors leave (a floor is at least zero).
    SF_ASSIGN_OR_RETURN(const int64_t available, SumOver(spread_over, headroom));
    if (*order > available) {
      effect.capped_by_floor = true;
      order = available;
    }
    effect.lines = Spread(*order, spread_over, state, headroom);
    return effect;
  }
  effect.lines.assign(view.lines.size(), 0);
  for (size_t i = 0; i < raw.size(); ++i) {
    effect.lines[i] = std::min(raw[i], headroom[i]);
    if (effect.lines[i] < raw[i]) effect.capped_by_floor = true;
  }
  return effect;
}

}  // namespace storefront::promotions
