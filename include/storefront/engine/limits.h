// Every limit the engine enforces, with its default and its hard maximum.
//
// Host limits protect the process that loads a snapshot and are set by the host (CLI flags,
// createEngine options), because they must hold before the snapshot is read. Cart limits are
// the merchant's, set in the snapshot's settings.limits. Each is checked before any work starts
// and each breach has its own error code; docs/concepts/contract.md tabulates them with the
// worst-case cost they buy.
#ifndef STOREFRONT_ENGINE_LIMITS_H_
#define STOREFRONT_ENGINE_LIMITS_H_

#include <cstdint>

#include "absl/status/status.h"
#include "absl/strings/string_view.h"
#include "absl/types/span.h"

namespace storefront {

struct HostLimits {
  int64_t max_snapshot_bytes = 32 << 20;
  int64_t max_variants = 100'000;
  int64_t max_json_depth = 32;
  int64_t max_string_length = 256;
  int64_t max_price_lists = 1'000;
  int64_t max_markdowns = 10'000;
  int64_t max_promotions = 10'000;
};

struct CartLimits {
  int64_t max_cart_bytes = 256 << 10;
  int64_t max_lines = 500;
  int64_t max_quantity = 10'000;
  int64_t max_coupons = 10;
  int64_t max_promotion_combinations = 256;
};

// One row of the limits table: its JSON name, default, allowed range and the error its breach
// raises. A configured value outside min_value..hard_max is `limit_out_of_range`.
struct LimitSpec {
  absl::string_view name;
  int64_t default_value;
  int64_t min_value;
  int64_t hard_max;
  absl::string_view breach_code;
};

absl::Span<const LimitSpec> HostLimitSpecs();
absl::Span<const LimitSpec> CartLimitSpecs();

// Sets the field called `name` after checking `value` against its spec; unknown names are
// `unknown_field`. Errors carry no path: the caller knows where the value came from.
absl::Status SetLimit(HostLimits& limits, absl::string_view name, int64_t value);
absl::Status SetLimit(CartLimits& limits, absl::string_view name, int64_t value);

}  // namespace storefront

#endif  // STOREFRONT_ENGINE_LIMITS_H_
