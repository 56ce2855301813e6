#include "promotions/arithmetic.h"

#include <algorithm>

#include "money/digits.h"
#include "storefront/base/error.h"
#include "storefront/money/allocation.h"

namespace storefront::promotions {

int64_t PercentOf(absl::int128 amount, const Decimal& percent, RoundingMode mode) {
  const absl::int128 scale = money_internal::PowerOfTen(percent.scale()) * 100;
  return static_cast<int64_t>(DivideAndRound(amount * percent.coefficient(), scale, mode));
}

absl::StatusOr<int64_t> Narrow(absl::int128 value) {
  if (value > INT64_MAX || value < INT64_MIN) {
    return InputError(error_code::kArithmeticOverflow, "a promotion amount does not fit in 64 bits");
  }
  return static_cast<int64_t>(value);
}

std::vector<int64_t> AllocateProportionally(int64_t total, absl::Span<const int64_t> weights,
                                            const Currency& currency) {
  std::vector<int64_t> parts(weights.size(), 0);
  // Allocate rejects an all-zero weight list; here that simply means nobody gets anything.
  if (total <= 0 || std::none_of(weights.begin(), weights.end(), [](int64_t w) { return w > 0; })) return parts;
  absl::StatusOr<std::vector<Money>> split = Allocate(Money::FromMinorUnits(total, currency), weights);
  if (!split.ok()) return parts;  // unreachable: weights are non-negative with a positive one
  for (size_t i = 0; i < parts.size(); ++i) parts[i] = (*split)[i].minor_units();
  return parts;
}

std::vector<int64_t> AllocateCapped(int64_t total, absl::Span<const int64_t> weights, absl::Span<const int64_t> caps,
                                    const Currency& currency) {
  std::vector<int64_t> parts(weights.size(), 0);
  std::vector<bool> open(weights.size());
  for (size_t i = 0; i < weights.size(); ++i) open[i] = weights[i] > 0 && caps[i] > 0;
  int64_t left = total;
  // Each round either finishes or closes at least one part at its cap: at most n rounds.
  while (left > 0) {
    std::vector<int64_t> open_weights(weights.size(), 0);
    bool any_open = false;
    for (size_t i = 0; i < weights.size(); ++i) {
      if (open[i]) open_weights[i] = weights[i], any_open = true;
    }
    if (!any_open) break;
    const std::vector<int64_t> split = AllocateProportionally(left, open_weights, currency);
    bool capped = false;
    for (size_t i = 0; i < weights.size(); ++i) {
      if (open[i] && parts[i] + split[i] >= caps[i]) {
        left -= caps[i] - parts[i];
        parts[i] = caps[i];
        open[i] = false;
        capped = true;
      }
    }
    if (capped) continue;
    for (size_t i = 0; i < weights.size(); ++i) parts[i] += split[i];
    left = 0;
  }
  return parts;
}

}  // namespace storefront::promotions
