#include "promotions/conditions.h"

#include <algorithm>

#include "absl/numeric/int128.h"
#include "promotions/arithmetic.h"
#include "storefront/base/status_macros.h"

namespace storefront::promotions {
namespace {

bool Contains(const std::vector<std::string>& values, absl::string_view value) {
  return std::find(values.begin(), values.end(), value) != values.end();
}

const AttributeValue* FindAttribute(const CartRequest& cart, absl::string_view key) {
  return cart.customer.has_value() ? cart.customer->FindAttribute(key) : nullptr;
}

bool InRange(int64_t value, const std::optional<int64_t>& min, const std::optional<int64_t>& max) {
  return (!min.has_value() || value >= *min) && (!max.has_value() || value <= *max);
}

Verdict True() { return Verdict{}; }

// A false leaf with no gap to report.
Verdict False(const Condition& leaf) {
  Verdict verdict;
  verdict.met = false;
  verdict.failing = &leaf;
  return verdict;
}

// A measured leaf: `measure` against [min, max]. Only an unmet minimum has a gap, and only it
// can be fixed by adding to the cart.
Verdict Measured(const Condition& leaf, int64_t measure, std::optional<int64_t> min, std::optional<int64_t> max,
                 bool is_amount) {
  if (InRange(measure, min, max)) return True();
  Verdict verdict = False(leaf);
  verdict.progress = measure > 0;
  if (min.has_value() && measure < *min) {
    verdict.fixable = true;
    verdict.threshold = *min;
    (is_amount ? verdict.missing_amount : verdict.missing_quantity) = *min - measure;
  }
  return verdict;
}

// The bound of a money map in the cart currency; `unsupported` when the map lacks it.
std::optional<int64_t> Bound(const std::optional<MoneyMap>& map, const Currency& currency, bool& unsupported) {
  if (!map.has_value()) return std::nullopt;
  const Money* amount = AmountIn(*map, currency);
  if (amount == nullptr) {
    unsupported = true;
    return std::nullopt;
  }
  return amount->minor_units();
}

absl::StatusOr<int64_t> SumAmounts(const Amounts& amounts, const ItemFilter* items, AmountBase base) {
  absl::int128 sum = 0;
  for (size_t i = 0; i < amounts.view->lines.size(); ++i) {
    if (items == nullptr || amounts.view->lines[i].Matches(*items)) sum += amounts.Of(i, base);
  }
  return Narrow(sum);
}

int64_t SumQuantity(const CartView& view, const ItemFilter& items) {
  int64_t sum = 0;  // bounded by max_lines × max_quantity
  for (const LineFacts& line : view.lines) {
    if (line.Matches(items)) sum += line.quantity;
  }
  return sum;
}

int64_t FloorDiv(int64_t a, int64_t b) { return a >= 0 ? a / b : -((-a + b - 1) / b); }

// Local wall-clock minutes since the epoch at `at` shifted by the condition's offset.
int64_t LocalMinutes(absl::Time at, int64_t utc_offset_minutes) {
  return FloorDiv(absl::ToUnixSeconds(at), 60) + utc_offset_minutes;
}

bool WeekdayMatches(const Condition& leaf, absl::Time at) {
  // 1970-01-01 was a Thursday (index 3 with Monday = 0).
  const int64_t day = FloorDiv(LocalMinutes(at, leaf.utc_offset_minutes), 24 * 60);
  const auto weekday = static_cast<Weekday>(((day % 7) + 7 + 3) % 7);
  return std::find(leaf.weekdays.begin(), leaf.weekdays.end(), weekday) != leaf.weekdays.end();
}

bool TimeOfDayMatches(const Condition& leaf, absl::Time at) {
  const int64_t local = LocalMinutes(at, leaf.utc_offset_minutes);
  const int64_t minute = local - FloorDiv(local, 24 * 60) * 24 * 60;
  if (leaf.from_minute <= leaf.until_minute) return leaf.from_minute <= minute && minute < leaf.until_minute;
  return minute >= leaf.from_minute || minute < leaf.until_minute;  // wraps past midnight
}

// A customer without an integer order_count has no completed orders.
int64_t OrderCount(const CartRequest& cart) {
  const AttributeValue* orders = FindAttribute(cart, "order_count");
  return orders != nullptr && std::holds_alternative<int64_t>(*orders) ? std::get<int64_t>(*orders) : 0;
}

// Whole days from `since` to the cart's `at`, rounded down; false without the date.
bool DaysSinceInRange(const Condition& leaf, const std::optional<absl::Time>& since, absl::Time at) {
  if (!since.has_value()) return false;
  const int64_t seconds = absl::ToUnixSeconds(at) - absl::ToUnixSeconds(*since);
  return InRange(FloorDiv(seconds, 24 * 60 * 60), leaf.min_count, leaf.max_count);
}

bool AttributeMatches(const Condition& leaf, const CartRequest& cart) {
  const AttributeValue* value = FindAttribute(cart, leaf.key);
  if (value == nullptr) return false;
  if (leaf.equals_string.has_value()) {
    return std::holds_alternative<std::string>(*value) && std::get<std::string>(*value) == *leaf.equals_string;
  }
  if (leaf.equals_boolean.has_value()) {
    return std::holds_alternative<bool>(*value) && std::get<bool>(*value) == *leaf.equals_boolean;
  }
  if (!std::holds_alternative<int64_t>(*value)) return false;
  const int64_t number = std::get<int64_t>(*value);
  if (leaf.equals_integer.has_value()) return number == *leaf.equals_integer;
  return InRange(number, leaf.min_count, leaf.max_count);
}

absl::StatusOr<Verdict> EvaluateAll(const Condition& node, const Amounts& amounts, bool& unsupported) {
  Verdict first_false;
  int false_children = 0;
  for (const Condition& child : node.children) {
    SF_ASSIGN_OR_RETURN(Verdict verdict, Evaluate(child, amounts, unsupported));
    if (verdict.met) continue;
    if (++false_children == 1) first_false = verdict;
  }
  if (false_children == 0) return True();
  first_false.fixable = first_false.fixable && false_children == 1;
  return first_false;
}

absl::StatusOr<Verdict> EvaluateAny(const Condition& node, const Amounts& amounts, bool& unsupported) {
  std::optional<Verdict> first_false;
  for (const Condition& child : node.children) {
    SF_ASSIGN_OR_RETURN(Verdict verdict, Evaluate(child, amounts, unsupported));
    if (verdict.met) return True();
    if (!first_false.has_value()) first_false = verdict;
  }
  // Every child is false: the tree has as many false leaves, and a nudge needs exactly one.
  first_false->fixable = first_false->fixable && node.children.size() == 1;
  return *first_false;
}

}  // namespace

absl::StatusOr<Verdict> Evaluate(const Condition& node, const Amounts& amounts, bool& unsupported) {
  const CartView& view = *amounts.view;
  const CartRequest& cart = *view.request;
  using Kind = Condition::Kind;
  switch (node.kind) {
    case Kind::kAll:
      return EvaluateAll(node, amounts, unsupported);
    case Kind::kAny:
      return EvaluateAny(node, amounts, unsupported);
    case Kind::kNot: {
      SF_ASSIGN_OR_RETURN(const Verdict inner, Evaluate(node.children[0], amounts, unsupported));
      // The child is what makes the tree false: name it (without a gap, which would point the
      // wrong way).
      return inner.met ? False(node.children[0]) : True();
    }
    case Kind::kSubtotal:
    case Kind::kAmount: {
      const std::optional<int64_t> min = Bound(node.min_amount, *view.currency, unsupported);
      const std::optional<int64_t> max = Bound(node.max_amount, *view.currency, unsupported);
      SF_ASSIGN_OR_RETURN(const int64_t sum,
                          SumAmounts(amounts, node.kind == Kind::kAmount ? &node.items : nullptr, node.base));
      return Measured(node, sum, min, max, /*is_amount=*/true);
    }
    case Kind::kQuantity:
      return Measured(node, SumQuantity(view, node.items), node.min_count, node.max_count, /*is_amount=*/false);
    case Kind::kContains:
      // Presence, not a count: there is no gap to report.
      return SumQuantity(view, node.items) > 0 ? True() : False(node);
    case Kind::kLineCount:
      // The number of lines is not something to nudge towards: no gap.
      return InRange(static_cast<int64_t>(view.lines.size()), node.min_count, node.max_count) ? True() : False(node);
    case Kind::kCustomerGroup:
      return cart.customer.has_value() && Contains(cart.customer->groups, node.values[0]) ? True() : False(node);
    case Kind::kSegment:
      return cart.customer.has_value() && Contains(cart.customer->segments, node.values[0]) ? True() : False(node);
    case Kind::kCustomerAttribute:
      return AttributeMatches(node, cart) ? True() : False(node);
    case Kind::kShippingCountry:
      return cart.shipping_address.has_value() && Contains(node.values, cart.shipping_address->country) ? True()
                                                                                                        : False(node);
    case Kind::kShippingRegion:
      return cart.shipping_address.has_value() && cart.shipping_address->country == node.country &&
                     Contains(node.values, cart.shipping_address->region)
                 ? True()
                 : False(node);
    case Kind::kCurrency:
      return Contains(node.values, view.currency->code) ? True() : False(node);
    case Kind::kChannel:
      return Contains(node.values, cart.channel) ? True() : False(node);
    case Kind::kWeekday:
      return WeekdayMatches(node, cart.at) ? True() : False(node);
    case Kind::kTimeOfDay:
      return TimeOfDayMatches(node, cart.at) ? True() : False(node);
    case Kind::kCoupon:
      return view.coupon_codes.contains(node.values[0]) ? True() : False(node);
    case Kind::kOrderCount:
      return InRange(OrderCount(cart), node.min_count, node.max_count) ? True() : False(node);
    case Kind::kLifetimeValue: {
      const std::optional<int64_t> min = Bound(node.min_amount, *view.currency, unsupported);
      const std::optional<int64_t> max = Bound(node.max_amount, *view.currency, unsupported);
      const bool known = cart.customer.has_value() && cart.customer->lifetime_value.has_value();
      const int64_t value = known ? cart.customer->lifetime_value->minor_units() : 0;
      // Not something the shopper can add to the cart: no gap.
      return InRange(value, min, max) ? True() : False(node);
    }
    case Kind::kDaysSinceSignup:
      return cart.customer.has_value() && DaysSinceInRange(node, cart.customer->signed_up_at, cart.at) ? True()
                                                                                                       : False(node);
    case Kind::kDaysSinceLastOrder:
      return cart.customer.has_value() && DaysSinceInRange(node, cart.customer->last_order_at, cart.at) ? True()
                                                                                                        : False(node);
    case Kind::kCustomerCountry:
      return cart.customer.has_value() && Contains(node.values, cart.customer->country) ? True() : False(node);
  }
  return True();
}

bool CustomerEligible(const Eligibility& eligibility, const CartRequest& cart) {
  const Customer* customer = cart.customer.has_value() ? &*cart.customer : nullptr;
  const auto any_of = [](const std::vector<std::string>& wanted, const std::vector<std::string>* have) {
    if (wanted.empty()) return true;
    if (have == nullptr) return false;
    return std::any_of(wanted.begin(), wanted.end(), [&](const std::string& w) { return Contains(*have, w); });
  };
  if (!any_of(eligibility.customer_groups, customer ? &customer->groups : nullptr)) return false;
  if (!any_of(eligibility.segments, customer ? &customer->segments : nullptr)) return false;
  return InRange(OrderCount(cart), eligibility.min_orders, eligibility.max_orders);
}

}  // namespace storefront::promotions
