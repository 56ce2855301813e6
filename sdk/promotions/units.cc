#include "promotions/units.h"

#include <algorithm>
#include <numeric>

#include "absl/container/flat_hash_map.h"
#include "promotions/arithmetic.h"

namespace storefront::promotions {
namespace {

struct UnitRun {
  size_t line;
  int64_t value;
  int64_t left;
};

// The units of the lines `state` still has an amount on, by unit value (descending or
// ascending), equal values in canonical line order.
std::vector<UnitRun> Runs(const RunState& state, bool descending) {
  std::vector<UnitRun> runs;
  for (size_t i = 0; i < state.view->lines.size(); ++i) {
    if (state.amounts[i] <= 0) continue;
    runs.push_back({i, UnitValue(state.amounts[i], state.view->lines[i].quantity), state.view->lines[i].quantity});
  }
  std::stable_sort(runs.begin(), runs.end(), [&](const UnitRun& a, const UnitRun& b) {
    return descending ? a.value > b.value : a.value < b.value;
  });
  return runs;
}

// Units taken from one run within an application.
struct Take {
  size_t run;
  int64_t count;
};

// Splits `discount` over the takes in proportion to their values and adds it to the lines,
// `times` over (identical applications).
void Credit(const std::vector<UnitRun>& runs, const std::vector<Take>& takes, int64_t discount, int64_t times,
            const Currency& currency, std::vector<int64_t>& discounts) {
  if (discount <= 0) return;
  std::vector<int64_t> weights;
  weights.reserve(takes.size());
  for (const Take& take : takes) weights.push_back(runs[take.run].value * take.count);
  const std::vector<int64_t> parts = AllocateProportionally(discount, weights, currency);
  for (size_t k = 0; k < takes.size(); ++k) discounts[runs[takes[k].run].line] += parts[k] * times;
}

int64_t ValueOf(const std::vector<UnitRun>& runs, const std::vector<Take>& takes) {
  int64_t sum = 0;
  for (const Take& take : takes) sum += runs[take.run].value * take.count;
  return sum;
}

}  // namespace

Grouped PriceGroups(const RunState& state, const std::vector<Component>& components, int64_t price,
                    std::optional<int64_t> max_applications) {
  const CartView& view = *state.view;
  std::vector<UnitRun> runs = Runs(state, /*descending=*/true);
  // Each component's candidate runs, best first; `head` skips the exhausted ones.
  std::vector<std::vector<size_t>> lists(components.size());
  for (size_t c = 0; c < components.size(); ++c) {
    for (size_t r = 0; r < runs.size(); ++r) {
      if (view.lines[runs[r].line].Matches(*components[c].items)) lists[c].push_back(r);
    }
  }
  std::vector<size_t> head(components.size(), 0);
  Grouped result;
  result.discounts.assign(view.lines.size(), 0);
  const int64_t limit = max_applications.value_or(INT64_MAX);
  while (result.applications < limit) {
    bool exhausted = false;
    for (size_t c = 0; c < components.size(); ++c) {
      while (head[c] < lists[c].size() && runs[lists[c][head[c]]].left == 0) ++head[c];
      exhausted = exhausted || head[c] == lists[c].size();
    }
    if (exhausted) break;
    // Batch: when every component can take its whole quantity from its head run, the next m
    // applications are identical.
    absl::flat_hash_map<size_t, int64_t> demand;
    for (size_t c = 0; c < components.size(); ++c) demand[lists[c][head[c]]] += components[c].quantity;
    int64_t batch = limit - result.applications;
    for (const auto& [run, units] : demand) batch = std::min(batch, runs[run].left / units);
    std::vector<Take> takes;
    if (batch >= 1) {
      for (size_t c = 0; c < components.size(); ++c) takes.push_back({lists[c][head[c]], components[c].quantity});
    } else {
      // One application across runs; it exhausts at least one head run, so this path is taken
      // at most once per run and component.
      batch = 1;
      std::vector<int64_t> left(runs.size());
      for (size_t r = 0; r < runs.size(); ++r) left[r] = runs[r].left;
      for (size_t c = 0; c < components.size() && !exhausted; ++c) {
        int64_t need = components[c].quantity;
        for (size_t k = head[c]; k < lists[c].size() && need > 0; ++k) {
          const int64_t count = std::min(need, left[lists[c][k]]);
          if (count == 0) continue;
          left[lists[c][k]] -= count;
          takes.push_back({lists[c][k], count});
          need -= count;
        }
        exhausted = need > 0;
      }
      if (exhausted) break;
    }
    Credit(runs, takes, ValueOf(runs, takes) - price, batch, *view.currency, result.discounts);
    for (const Take& take : takes) runs[take.run].left -= take.count * batch;
    result.applications += batch;
  }
  if (components.size() == 1) {
    for (size_t r : lists[0]) result.leftover += runs[r].left;
  }
  return result;
}

int64_t GetDiscount::On(int64_t value) const {
  if (percent.has_value()) return PercentOf(value, *percent, rounding);
  if (amount.has_value()) return std::min(*amount, value);
  return std::max<int64_t>(0, value - price.value_or(value));
}

BuyGetResult BuyXGetY(const RunState& state, const Action& action, const GetDiscount& discount) {
  const CartView& view = *state.view;
  const ItemFilter& get_items = action.get_items.empty() ? action.target.items : action.get_items;
  const std::vector<UnitRun> runs = Runs(state, /*descending=*/!action.pick_cheapest);
  std::vector<bool> in_buy(runs.size()), in_get(runs.size());
  int64_t buy_units = 0, get_units = 0;
  for (size_t r = 0; r < runs.size(); ++r) {
    const LineFacts& line = view.lines[runs[r].line];
    in_buy[r] = line.Matches(action.target.items);
    in_get[r] = line.Matches(get_items);
    if (in_buy[r]) buy_units += runs[r].left;
    if (in_get[r]) get_units += runs[r].left;
  }
  const int64_t x = action.buy_quantity, y = action.get_quantity;
  // Units of the buy pool that taking the first `get` get-units (in pick order) leaves.
  const auto buy_left_after = [&](int64_t get) {
    int64_t left = buy_units;
    for (size_t r = 0; r < runs.size() && get > 0; ++r) {
      if (!in_get[r]) continue;
      const int64_t count = std::min(get, runs[r].left);
      if (in_buy[r]) left -= count;
      get -= count;
    }
    return left;
  };
  // Feasibility falls as k grows (more get units taken, more buy units needed): binary search.
  int64_t low = 0, high = std::min({action.max_applications.value_or(INT64_MAX), get_units / y, buy_units / x});
  while (low < high) {
    const int64_t mid = low + (high - low + 1) / 2;
    if (buy_left_after(mid * y) >= mid * x) {
      low = mid;
    } else {
      high = mid - 1;
    }
  }
  BuyGetResult result;
  result.applications = low;
  result.discounts.assign(view.lines.size(), 0);
  int64_t get = low * y;
  for (size_t r = 0; r < runs.size() && get > 0; ++r) {
    if (!in_get[r]) continue;
    const int64_t count = std::min(get, runs[r].left);
    result.discounts[runs[r].line] += discount.On(runs[r].value) * count;
    get -= count;
  }
  if (low < action.max_applications.value_or(INT64_MAX)) {
    const int64_t buy_spare = buy_left_after(low * y) - low * x;
    if (action.get_items.empty()) {
      // One pool: the spare units are the leftover; enough to "buy" means the free one is close.
      if (buy_spare >= x) result.add_quantity = x + y - buy_spare;
    } else {
      const int64_t get_spare = get_units - low * y;
      if (buy_spare >= x && get_spare < y) result.add_quantity = y - get_spare;
    }
  }
  return result;
}

}  // namespace storefront::promotions
