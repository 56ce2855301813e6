#include "storefront/money/allocation.h"

#include <algorithm>
#include <limits>
#include <numeric>

#include "absl/numeric/int128.h"
#include "absl/strings/str_cat.h"
#include "money/digits.h"
#include "storefront/base/error.h"

namespace storefront {
namespace {

absl::Status WeightError(absl::string_view message, absl::string_view path = "") {
  return InputError(error_code::kInvalidWeights, message, path);
}

}  // namespace

absl::StatusOr<std::vector<Money>> Allocate(const Money& amount, absl::Span<const int64_t> weights) {
  if (weights.empty()) return WeightError("at least one weight is needed");
  absl::int128 total_weight = 0;
  for (size_t i = 0; i < weights.size(); ++i) {
    if (weights[i] < 0) return WeightError("weights must not be negative", absl::StrCat("/", i));
    total_weight += weights[i];
  }
  if (total_weight == 0) return WeightError("at least one weight must be positive");

  // Split the magnitude, then mirror: a refund splits exactly like the charge.
  const bool negative = amount.is_negative();
  const absl::int128 magnitude = negative ? -absl::int128(amount.minor_units()) : absl::int128(amount.minor_units());
  std::vector<absl::int128> shares(weights.size());
  std::vector<absl::int128> remainders(weights.size());
  absl::int128 handed_out = 0;
  for (size_t i = 0; i < weights.size(); ++i) {
    const absl::int128 exact = magnitude * weights[i];  // < 2^64 × 2^63: fits
    shares[i] = exact / total_weight;
    remainders[i] = exact % total_weight;
    handed_out += shares[i];
  }
  // Fewer leftover units than parts with a non-zero remainder, so zero weights never get one.
  std::vector<size_t> order(weights.size());
  std::iota(order.begin(), order.end(), size_t{0});
  std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) { return remainders[a] > remainders[b]; });
  const absl::int128 leftover = magnitude - handed_out;
  for (absl::int128 k = 0; k < leftover; ++k) shares[order[static_cast<size_t>(k)]] += 1;

  std::vector<Money> parts;
  parts.reserve(weights.size());
  for (const absl::int128& share : shares) {
    parts.push_back(Money::FromMinorUnits(static_cast<int64_t>(negative ? -share : share), amount.currency()));
  }
  return parts;
}

absl::StatusOr<std::vector<Money>> Allocate(const Money& amount, absl::Span<const Decimal> weights) {
  int32_t scale = 0;
  for (const Decimal& w : weights) scale = std::max(scale, w.scale());
  std::vector<int64_t> scaled;
  scaled.reserve(weights.size());
  for (size_t i = 0; i < weights.size(); ++i) {
    const absl::int128 value =
        absl::int128(weights[i].coefficient()) * money_internal::PowerOfTen(scale - weights[i].scale());
    if (value > std::numeric_limits<int64_t>::max() || value < -std::numeric_limits<int64_t>::max()) {
      return WeightError("weights differ too much in precision to be compared exactly", absl::StrCat("/", i));
    }
    scaled.push_back(static_cast<int64_t>(value));
  }
  return Allocate(amount, scaled);
}

}  // namespace storefront
