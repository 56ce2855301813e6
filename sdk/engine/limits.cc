#include "storefront/engine/limits.h"

#include <array>

#include "absl/strings/str_cat.h"
#include "storefront/base/error.h"

namespace storefront {
namespace {

constexpr std::array<LimitSpec, 7> kHostSpecs = {{
    {"max_snapshot_bytes", 32 << 20, 1, 256 << 20, error_code::kInputTooLarge},
    {"max_variants", 100'000, 1, 1'000'000, error_code::kCatalogTooLarge},
    {"max_json_depth", 32, 1, 64, error_code::kJsonTooDeep},
    {"max_string_length", 256, 1, 4096, error_code::kStringTooLong},
    {"max_price_lists", 1'000, 0, 10'000, error_code::kTooManyPriceLists},
    {"max_markdowns", 10'000, 0, 100'000, error_code::kTooManyMarkdowns},
    {"max_promotions", 10'000, 0, 100'000, error_code::kTooManyPromotions},
}};

constexpr std::array<LimitSpec, 5> kCartSpecs = {{
    {"max_cart_bytes", 256 << 10, 1, 4 << 20, error_code::kInputTooLarge},
    {"max_lines", 500, 1, 10'000, error_code::kTooManyLines},
    {"max_quantity", 10'000, 1, 1'000'000, error_code::kQuantityOutOfRange},
    {"max_coupons", 10, 0, 100, error_code::kTooManyCoupons},  // 0: the shop takes no coupons
    // Sets evaluated by the best-for-customer search (promotions.md, "Best for customer").
    {"max_promotion_combinations", 256, 1, 65'536, error_code::kLimitOutOfRange},
}};

template <size_t N>
absl::Status CheckAgainstSpec(const std::array<LimitSpec, N>& specs, absl::string_view name, int64_t value,
                              size_t& index) {
  for (index = 0; index < N; ++index) {
    if (specs[index].name != name) continue;
    if (value < specs[index].min_value || value > specs[index].hard_max) {
      return InputError(error_code::kLimitOutOfRange, absl::StrCat(name, " must be between ", specs[index].min_value,
                                                                   " and ", specs[index].hard_max, ", got ", value));
    }
    return absl::OkStatus();
  }
  return InputError(error_code::kUnknownField, absl::StrCat("unknown limit \"", name, "\""));
}

}  // namespace

absl::Span<const LimitSpec> HostLimitSpecs() { return kHostSpecs; }
absl::Span<const LimitSpec> CartLimitSpecs() { return kCartSpecs; }

absl::Status SetLimit(HostLimits& limits, absl::string_view name, int64_t value) {
  size_t index = 0;
  if (absl::Status status = CheckAgainstSpec(kHostSpecs, name, value, index); !status.ok()) return status;
  int64_t* fields[] = {&limits.max_snapshot_bytes, &limits.max_variants,    &limits.max_json_depth,
                       &limits.max_string_length,  &limits.max_price_lists, &limits.max_markdowns,
                       &limits.max_promotions};
  *fields[index] = value;
  return absl::OkStatus();
}

absl::Status SetLimit(CartLimits& limits, absl::string_view name, int64_t value) {
  size_t index = 0;
  if (absl::Status status = CheckAgainstSpec(kCartSpecs, name, value, index); !status.ok()) return status;
  int64_t* fields[] = {&limits.max_cart_bytes, &limits.max_lines, &limits.max_quantity, &limits.max_coupons,
                       &limits.max_promotion_combinations};
  *fields[index] = value;
  return absl::OkStatus();
}

}  // namespace storefront
