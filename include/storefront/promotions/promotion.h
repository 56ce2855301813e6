// The merchant's promotions: who gets them, when, on what, and how they stack
// (docs/concepts/promotions.md gives the exact semantics with worked examples).
//
// A promotion is data: eligibility, an optional condition tree, one action, and stacking settings.
// PromotionSet::Build validates every reference against the catalog, normalizes coupon codes,
// and indexes automatic promotions by the items they need, so that a cart evaluates only the
// promotions that could apply to it, however many the snapshot holds. Immutable afterwards.
#ifndef STOREFRONT_PROMOTIONS_PROMOTION_H_
#define STOREFRONT_PROMOTIONS_PROMOTION_H_

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/types/span.h"
#include "storefront/catalog/catalog.h"
#include "storefront/money/decimal.h"
#include "storefront/money/money.h"
#include "storefront/pricing/price_rules.h"

namespace storefront {

struct CartRequest;

// An amount per currency ({"EUR": "10.00", "USD": "12.00"}; AmountIn finds one). A promotion
// whose amounts do not name the cart's currency does not apply to that cart
// (`currency_not_supported`).
using MoneyMap = std::vector<Money>;

// Coupon codes compare after this normalization, identically on every target: leading and
// trailing ASCII white space removed, ASCII letters upper-cased; everything else kept as is.
std::string NormalizeCouponCode(absl::string_view code);

// Which lines a condition counts or an action discounts: a line matches when any selector does.
// An empty list matches every line.
using ItemFilter = std::vector<Selector>;

// The amount a condition or action sees on each line (concepts/promotions.md, "Bases").
enum class AmountBase {
  kBeforeDiscounts,  // the line subtotal after unit pricing (price lists, markdowns)
  kAfterDiscounts,   // the subtotal minus the discounts of promotions applied before this one
};

enum class Weekday { kMonday, kTuesday, kWednesday, kThursday, kFriday, kSaturday, kSunday };

// A condition tree has at most this many nodes (`condition_too_complex` when read from JSON), so
// evaluating one is bounded whatever the snapshot holds.
inline constexpr int kMaxConditionNodes = 64;

// One node of a condition tree. `kind` says which fields are meaningful.
struct Condition {
  enum class Kind {
    kAll,                // children all true (and of an empty list is rejected at load)
    kAny,                // at least one child true
    kNot,                // the single child false
    kSubtotal,           // Σ line amounts in [min_amount, max_amount]
    kQuantity,           // Σ quantity of matching lines in [min_count, max_count]
    kAmount,             // Σ amount of matching lines in [min_amount, max_amount]
    kContains,           // some line matches `items`
    kLineCount,          // number of priced lines in [min_count, max_count]
    kCustomerGroup,      // the customer is in `values[0]`
    kSegment,            // the customer is in segment `values[0]`
    kCustomerAttribute,  // attribute `key` equals `equals`, or is an integer in [min_count, max_count]
    kShippingCountry,    // the shipping address's country is one of `values`
    kShippingRegion,     // the address is in `country` and its region is one of `values`
    kCurrency,           // the cart currency's code is one of `values`
    kChannel,            // the cart's channel is one of `values`
    kWeekday,            // the local weekday at `at` + utc_offset is one of `weekdays`
    kTimeOfDay,          // the local time of day at `at` + utc_offset is in [from, until)
    kCoupon,             // the cart carries the (normalized) code `values[0]`
    // The customer context (personalization.md §1).
    kOrderCount,          // the customer attribute order_count (absent: 0) in [min_count, max_count]
    kLifetimeValue,       // customer.lifetime_value (absent: zero) in [min_amount, max_amount]
    kDaysSinceSignup,     // whole days from customer.signed_up_at to `at` in [min_count, max_count]
    kDaysSinceLastOrder,  // the same from customer.last_order_at
    kCustomerCountry,     // customer.country is one of `values`
  };
  Kind kind = Kind::kAll;
  std::vector<Condition> children;  // kAll, kAny, kNot
  std::string path;                 // JSON Pointer of this node in the snapshot, for reasons

  ItemFilter items;
  AmountBase base = AmountBase::kBeforeDiscounts;
  std::optional<MoneyMap> min_amount;
  std::optional<MoneyMap> max_amount;
  std::optional<int64_t> min_count;
  std::optional<int64_t> max_count;
  std::vector<std::string> values;
  std::string key;
  std::optional<std::string> equals_string;
  std::optional<int64_t> equals_integer;
  std::optional<bool> equals_boolean;
  std::string country;
  std::vector<Weekday> weekdays;
  int64_t utc_offset_minutes = 0;
  int64_t from_minute = 0;   // minutes after local midnight, inclusive
  int64_t until_minute = 0;  // exclusive; until < from wraps past midnight
};

// Options shared by the actions that discount items.
struct ItemTarget {
  ItemFilter items;
  bool skip_marked_down = false;        // leave lines whose unit price came from a markdown
  bool skip_discounted = false;         // leave lines an earlier promotion discounted
  std::optional<int64_t> max_quantity;  // discount at most this many units, highest unit value first
};

// What a promotion does. `type` says which fields are meaningful.
struct Action {
  enum class Type {
    kPercentOff,      // percent of each targeted line
    kAmountOffEach,   // amount off every targeted unit
    kAmountOffItems,  // amount off the targeted lines together, allocated exactly
    kUnitPrice,       // every targeted unit costs `price`
    kNForX,           // every `quantity` targeted units cost `price` together
    kBuyXGetY,        // buy `buy_quantity` of `items`, get `get_quantity` of `get_items` discounted
    kBundle,          // one of each component (with its quantity) together cost `price`
    kTieredSpend,     // the highest tier reached gives its amount or percent off the targeted lines
    kOrderPercentOff,
    kOrderAmountOff,
    kShippingOff,    // percent, amount or all of the shipping amount, for `methods` (empty: every)
    kFreeGift,       // adds `quantity` of `sku` at price zero
    kLoyaltyPoints,  // `points` for every whole `per` of the targeted lines' amount; no money
  };
  // The combination class a type belongs to (stacking): item, order or shipping.
  enum class Class { kItem, kOrder, kShipping };

  Type type = Type::kPercentOff;
  ItemTarget target;
  std::optional<Decimal> percent;  // 0 < percent <= 100
  std::optional<MoneyMap> amount;  // positive
  std::optional<MoneyMap> price;   // non-negative
  int64_t quantity = 0;            // kNForX group size, kFreeGift quantity
  std::optional<int64_t> max_applications;

  // kBuyXGetY
  int64_t buy_quantity = 0;
  int64_t get_quantity = 0;
  ItemFilter get_items;       // empty: the same items as `target.items`
  bool pick_cheapest = true;  // which eligible units are the discounted ones
  // The discount on each "get" unit is exactly one of `percent`, `amount` (off) or `price`.

  // kBundle
  struct Component {
    ItemFilter items;
    int64_t quantity = 1;
  };
  std::vector<Component> components;

  // kTieredSpend: ascending `min`; by amount (MoneyMap) or by quantity.
  struct SpendTier {
    std::optional<MoneyMap> min_amount;
    int64_t min_quantity = 0;
    std::optional<MoneyMap> amount;
    std::optional<Decimal> percent;
  };
  bool by_quantity = false;
  AmountBase base = AmountBase::kBeforeDiscounts;
  std::vector<SpendTier> tiers;

  // kShippingOff
  bool free_shipping = false;
  std::vector<std::string> methods;

  // kFreeGift
  std::string sku;

  // kLoyaltyPoints
  int64_t points = 0;
  std::optional<MoneyMap> per;

  Class ClassOf() const;
};

// Gives every node of `condition` its JSON Pointer under `path` and checks the selectors of its
// leaves against `catalog` (`unknown_sku`, ...), filling their index keys. PromotionSet::Build
// does this for promotions; segments need it too.
absl::Status PrepareCondition(Condition& condition, std::string path, const Catalog& catalog);

struct Eligibility {
  std::vector<std::string> customer_groups;  // any of; empty: everyone
  std::vector<std::string> segments;         // any of; empty: everyone
  // The customer's completed orders (customer attribute "order_count"): first order is max 0.
  std::optional<int64_t> min_orders;
  std::optional<int64_t> max_orders;
};

// The stateful limits. The core holds no counters: the cart request supplies what is left
// (CartRequest::promotion_counters) and the result reports what this cart would consume.
struct UsageLimits {
  std::optional<int64_t> uses;
  std::optional<int64_t> uses_per_customer;
  std::optional<MoneyMap> budget;
};

struct Promotion {
  std::string id;
  std::string name;
  std::vector<std::string> coupons;  // normalized; empty: automatic
  TimeWindow window;
  std::vector<std::string> channels;  // empty: every channel
  Eligibility eligibility;
  int64_t priority = 0;  // higher first; ties by id
  bool exclusive = false;
  bool stop_after = false;
  std::vector<Action::Class> combines_with = {Action::Class::kItem, Action::Class::kOrder, Action::Class::kShipping};
  std::optional<Decimal> min_margin;
  UsageLimits limits;
  std::optional<Condition> condition;
  Action action;

  bool automatic() const { return coupons.empty(); }
  bool CombinesWith(Action::Class other) const;
};

enum class PromotionSelection {
  kPriority,        // in priority order, each applies if it can
  kBestForCustomer  // the compatible combination with the largest saving (bounded search)
};

class PromotionSet {
 public:
  // Validates references against `catalog` (unknown SKUs, products, categories), duplicate ids
  // and coupon codes, and indexes. Errors carry snapshot paths ("/promotions/3/action/sku").
  static absl::StatusOr<PromotionSet> Build(std::vector<Promotion> promotions, const Catalog& catalog);

  PromotionSet() = default;

  absl::Span<const Promotion> all() const { return promotions_; }
  // The promotion a normalized code belongs to, or nullptr.
  const Promotion* FindByCoupon(absl::string_view normalized_code) const;
  const Promotion* FindById(absl::string_view id) const;
  // Automatic promotions that need a line with selector key `key` (SelectorKey).
  absl::Span<const uint32_t> AutomaticFor(absl::string_view key) const;
  // Automatic promotions that need no particular item: evaluated for every cart.
  absl::Span<const uint32_t> AutomaticForEveryCart() const { return every_cart_; }

 private:
  std::vector<Promotion> promotions_;
  absl::flat_hash_map<std::string, uint32_t> by_coupon_;
  absl::flat_hash_map<std::string, uint32_t> by_id_;
  absl::flat_hash_map<std::string, std::vector<uint32_t>> by_item_key_;
  std::vector<uint32_t> every_cart_;
};

// `unknown_promotion` (path "/promotion_counters/<id>") for a counter whose promotion `set` does
// not define: a misspelt id would otherwise silently lift a limit.
absl::Status ValidatePromotionCounters(const PromotionSet& set, const CartRequest& cart);

}  // namespace storefront

#endif  // STOREFRONT_PROMOTIONS_PROMOTION_H_
