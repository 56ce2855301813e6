#include "storefront/engine/limits.h"

#include <iterator>

#include "gtest/gtest.h"
#include "storefront/base/error.h"

namespace storefront {
namespace {

// The documented table (LimitSpec) and the struct defaults must never drift apart.
TEST(LimitsTest, StructDefaultsMatchTheTable) {
  const HostLimits host;
  const int64_t host_values[] = {host.max_snapshot_bytes, host.max_variants,    host.max_json_depth,
                                 host.max_string_length,  host.max_price_lists, host.max_markdowns,
                                 host.max_promotions};
  ASSERT_EQ(std::size(host_values), HostLimitSpecs().size());
  for (size_t i = 0; i < HostLimitSpecs().size(); ++i) EXPECT_EQ(host_values[i], HostLimitSpecs()[i].default_value);
  const CartLimits cart;
  const int64_t cart_values[] = {cart.max_cart_bytes, cart.max_lines, cart.max_quantity, cart.max_coupons,
                                 cart.max_promotion_combinations};
  ASSERT_EQ(std::size(cart_values), CartLimitSpecs().size());
  for (size_t i = 0; i < CartLimitSpecs().size(); ++i) EXPECT_EQ(cart_values[i], CartLimitSpecs()[i].default_value);
}

TEST(LimitsTest, EveryLimitIsSettableAtItsBoundsAndNotPast) {
  for (const LimitSpec& spec : HostLimitSpecs()) {
    HostLimits limits;
    EXPECT_TRUE(SetLimit(limits, spec.name, spec.hard_max).ok()) << spec.name;
    EXPECT_TRUE(SetLimit(limits, spec.name, spec.min_value).ok()) << spec.name;
    EXPECT_EQ(ErrorCodeOf(SetLimit(limits, spec.name, spec.hard_max + 1)), "limit_out_of_range") << spec.name;
    EXPECT_EQ(ErrorCodeOf(SetLimit(limits, spec.name, spec.min_value - 1)), "limit_out_of_range") << spec.name;
  }
  for (const LimitSpec& spec : CartLimitSpecs()) {
    CartLimits limits;
    EXPECT_TRUE(SetLimit(limits, spec.name, spec.hard_max).ok()) << spec.name;
    EXPECT_EQ(ErrorCodeOf(SetLimit(limits, spec.name, spec.hard_max + 1)), "limit_out_of_range") << spec.name;
  }
}

}  // namespace
}  // namespace storefront
