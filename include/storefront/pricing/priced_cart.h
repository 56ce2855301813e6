// The result of pricing a cart: every line, the order totals, business issues, and which
// engine and snapshot produced it.
//
// Invariants: totals.subtotal is the exact sum of line subtotals; total = subtotal −
// discount_total + shipping_total + tax_total; a line that cannot be priced has status
// kUnavailable, zero amounts, and an issue that says why. Stages that come later in the
// pipeline (promotions, shipping, tax) fill their fields without changing this shape.
#ifndef STOREFRONT_PRICING_PRICED_CART_H_
#define STOREFRONT_PRICING_PRICED_CART_H_

#include <cstdint>
#include <optional>
#include <string>
#include <tuple>
#include <vector>

#include "absl/time/time.h"
#include "storefront/money/money.h"
#include "storefront/money/rounding.h"
#include "storefront/personalization/experiments.h"
#include "storefront/shipping/quote.h"

namespace storefront {

// A business outcome, not an error: the cart is still priced. `path` points into the request.
struct Issue {
  std::string code;
  std::string message;
  std::string path;
};

namespace issue_code {
inline constexpr char kPriceUnavailable[] = "price_unavailable";
inline constexpr char kCouponUnknown[] = "coupon_unknown";
inline constexpr char kShippingAddressMissing[] = "shipping_address_missing";
inline constexpr char kShippingMethodUnavailable[] = "shipping_method_unavailable";
inline constexpr char kCouponDuplicate[] = "coupon_duplicate";
inline constexpr char kPromotionSearchTruncated[] = "promotion_search_truncated";
inline constexpr char kVatNumberInvalid[] = "vat_number_invalid";
inline constexpr char kTaxAddressMissing[] = "tax_address_missing";
inline constexpr char kTaxThresholdOnGrossPrice[] = "tax_threshold_on_gross_price";
}  // namespace issue_code

// Why a promotion did or did not apply (docs/concepts/promotions.md, "Reasons").
namespace promotion_reason {
inline constexpr char kNotYetActive[] = "not_yet_active";
inline constexpr char kExpired[] = "expired";
inline constexpr char kChannelNotEligible[] = "channel_not_eligible";
inline constexpr char kCurrencyNotSupported[] = "currency_not_supported";
inline constexpr char kCustomerNotEligible[] = "customer_not_eligible";
inline constexpr char kNotInVariation[] = "not_in_variation";  // an experiment's variation switches it on
inline constexpr char kUsageLimitReached[] = "usage_limit_reached";
inline constexpr char kBudgetExhausted[] = "budget_exhausted";
inline constexpr char kConditionNotMet[] = "condition_not_met";
inline constexpr char kNotCombinable[] = "not_combinable";
inline constexpr char kStoppedBy[] = "stopped_by";
inline constexpr char kNotSelected[] = "not_selected";
inline constexpr char kNoMatchingItems[] = "no_matching_items";
inline constexpr char kCappedByFloor[] = "capped_by_floor";
}  // namespace promotion_reason

enum class LineStatus { kPriced, kUnavailable };

// One step of a line's unit-price waterfall (docs/concepts/pricing.md, "Explanation").
struct PriceStep {
  std::string step;    // base, conversion, price_list, tier, markdown, rounding, floor
  std::string before;  // amounts as decimal strings: a conversion's `before` is in the base currency
  std::string after;
  std::string rule;  // the list entry ("vip#0"), markdown, rounding rule or rate ("EUR/USD"); may be empty
};

struct PriceListRef {
  std::string id;
  size_t entry = 0;
};

struct PricedLine {
  explicit PricedLine(const Currency& currency)
      : unit_price(Money::Zero(currency)),
        subtotal(unit_price),
        discount_total(unit_price),
        tax_total(unit_price),
        total(unit_price) {}

  size_t index = 0;  // position in the request
  std::optional<std::string> line_id;
  std::string sku;
  std::string product_id;
  std::string title;
  std::string variant_title;
  int64_t quantity = 0;
  LineStatus status = LineStatus::kPriced;
  Money unit_price;
  Money subtotal;        // unit_price × quantity
  Money discount_total;  // filled by promotions
  Money tax_total;       // filled by tax
  Money total;           // subtotal − discount_total (+ tax_total when prices are net)

  // How the unit price came about; each is absent when its step did not apply.
  std::optional<PriceListRef> price_list;
  std::optional<Money> compare_at;   // the unit price before the markdown
  std::string markdown;              // the applied markdown's id
  std::optional<Money> saving;       // compare_at − unit_price
  std::optional<Money> prior_price;  // EU Omnibus: lowest price of the 30 days before `at`
  bool floor_applied = false;
  bool tax_inclusive = false;          // the unit price is gross; the tax stage extracts tax from it
  std::vector<PriceStep> explanation;  // only when the request asks to `explain`

  // Each promotion's part, in application order; they sum to discount_total. Order-level
  // discounts are allocated to lines exactly, so tax and refunds can work line by line.
  std::vector<AppliedDiscount> discounts;
  std::string gift_of;  // a free gift line: the promotion that added it

  // Set by the tax stage, when the snapshot has one (docs/concepts/tax.md §8).
  std::vector<TaxAmount> taxes;  // line taxes, then fee taxes; snapshot rate order
  std::optional<Money> net;      // the line without tax
  std::optional<Money> gross;    // net + tax_total
  struct Fee {
    std::string id;
    std::string name;
    Money amount;
  };
  std::vector<Fee> fees;
  std::optional<Money> fee_total;
  bool rederived = false;  // cross_border rederive_net changed the gross
};

// The canonical line order: SKU, then line id (absent first), then request position. Where a later
// stage must break a tie (allocation remainders, units of equal value, carried tax remainders) it
// follows this order, so permuting a request's lines changes no line's result.
inline bool PrecedesCanonically(const PricedLine& a, const PricedLine& b) {
  return std::forward_as_tuple(a.sku, a.line_id.has_value(), a.line_id, a.index) <
         std::forward_as_tuple(b.sku, b.line_id.has_value(), b.line_id, b.index);
}

// A line amount per unit, rounded half-even to the minor unit: the "unit value" of the promotion
// and tax specifications. Exact when nothing discounted the line.
inline int64_t UnitValue(int64_t amount, int64_t quantity) {
  return static_cast<int64_t>(DivideAndRound(amount, quantity, RoundingMode::kHalfEven));
}

struct Totals {
  explicit Totals(const Currency& currency)
      : subtotal(Money::Zero(currency)),
        discount_total(subtotal),
        shipping_total(subtotal),
        tax_total(subtotal),
        total(subtotal) {}

  Money subtotal;
  Money discount_total;
  Money shipping_total;
  Money tax_total;
  Money total;
  int64_t item_count = 0;
  int64_t loyalty_points = 0;
  // With a tax stage: Σ line nets + shipping net, Σ line grosses + shipping gross, Σ fees.
  std::optional<Money> net_total;
  std::optional<Money> gross_total;
  std::optional<Money> fee_total;
};

// A note the tax stage adds to the order: an exemption certificate, a reverse charge.
struct TaxNote {
  std::string type;  // "exemption", "reverse_charge"
  std::string text;
  std::string certificate;
  std::string vat_number;
};

// The order's taxes by rate and by jurisdiction, and its notes.
struct TaxSummary {
  std::vector<TaxAmount> rates;  // one per rate that applied, snapshot order; base and amount summed
  struct Jurisdiction {
    std::string jurisdiction;
    Money amount;
  };
  std::vector<Jurisdiction> jurisdictions;  // in order of first appearance in `rates`
  std::vector<TaxNote> notes;
};

// What the shopper could do to pay less, as data for the storefront to word: "spend 8.00 more for
// free shipping" is {type "free_shipping", method, threshold 50.00, missing 8.00}; "add 1 more
// to get one free" is {type "add_items", promotion, missing_quantity 1}; "spend 20.00 more to save
// 25.00" is {type "spend_more", promotion, threshold, missing 20.00, saving 25.00}.
struct Nudge {
  std::string type;       // "free_shipping", "spend_more", "add_items"
  std::string method;     // free_shipping: the shipping method it is about
  std::string promotion;  // spend_more, add_items: the promotion it is about
  std::optional<Money> threshold;
  std::optional<Money> missing;             // threshold − what the cart has; always positive
  std::optional<int64_t> missing_quantity;  // add_items: units to add
  std::optional<Money> saving;              // what reaching it saves, when the action makes that exact
};

// The outcome of one promotion relevant to the cart: applied, or why not.
struct PromotionOutcome {
  std::string promotion;  // empty for an unknown coupon
  std::string coupon;     // the code as typed, when a coupon brought the promotion in
  size_t coupon_index = 0;
  bool applied = false;
  std::string reason;                       // a promotion_reason; for an applied one only kCappedByFloor or empty
  std::string condition;                    // condition_not_met: the JSON Pointer of the failing condition
  std::optional<Money> missing_amount;      // condition_not_met: the gap, when it is an amount
  std::optional<int64_t> missing_quantity;  // ... or a count
  std::string blocked_by;                   // not_combinable, stopped_by: the promotion that excluded this one
  std::optional<Money> saving;              // applied: item + order + shipping discount
  int64_t points = 0;                       // applied loyalty points
  bool capped_by_budget = false;
  // What this cart consumes, for the backend to record when the order is placed.
  int64_t uses = 0;
  std::optional<Money> budget_used;
};

// Why a product is suggested (personalization.md §3, §4). `type` says which fields are set.
struct SuggestionReason {
  std::string type;  // "bought_together", "closes_gap", "completes"
  // bought_together: the cart SKU that recommends it most strongly, and how strongly.
  std::string with;
  std::string confidence;  // 4 fraction digits, truncated
  std::string lift;        // 2 fraction digits, truncated
  // closes_gap, completes: the nudge it answers.
  std::string nudge;      // "free_shipping", "spend_more", "add_items"
  std::string method;     // free_shipping
  std::string promotion;  // spend_more, add_items
  std::optional<Money> missing;
  std::optional<Money> overshoot;  // unit price − missing
  std::optional<int64_t> quantity;
};

struct Suggestion {
  std::string sku;
  std::string product;
  int64_t quantity = 1;  // what to add
  Money unit_price;
  std::optional<int64_t> score;  // a recommendation's score (ppm confidence, summed)
  std::vector<SuggestionReason> reasons;
};

struct EngineStamp {
  std::string version;
  std::string snapshot_hash;
  int32_t schema_version = 1;
};

struct PricedCart {
  explicit PricedCart(const Currency& cart_currency) : currency(&cart_currency), totals(cart_currency) {}

  const Currency* currency;
  absl::Time at;
  std::vector<PricedLine> lines;
  Totals totals;
  std::vector<Issue> issues;
  std::optional<ShippingQuote> shipping;  // present when the request asked for shipping
  std::vector<Nudge> nudges;
  std::vector<PromotionOutcome> promotions;
  std::optional<TaxSummary> tax;  // with a tax stage
  // Personalization: the customer's segments (when the snapshot defines segments), every
  // experiment's assignment (when it defines experiments), suggestions (when the cart asks).
  std::optional<std::vector<std::string>> segments;
  std::optional<std::vector<ExperimentAssignment>> experiments;
  std::optional<std::vector<Suggestion>> suggestions;
  EngineStamp engine;
};

}  // namespace storefront

#endif  // STOREFRONT_PRICING_PRICED_CART_H_
