// A cart request: what the shopper has, who they are, where it goes, and when.
//
// The request carries its own instant (`at`): the core never reads a clock, so the same request
// prices the same way on every target and on replay. Lines keep the order the client sent;
// nothing in the result depends on that order beyond echoing it.
#ifndef STOREFRONT_CART_CART_H_
#define STOREFRONT_CART_CART_H_

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <variant>
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/string_view.h"
#include "absl/time/time.h"
#include "storefront/engine/limits.h"
#include "storefront/money/currency.h"
#include "storefront/money/money.h"

namespace storefront {

struct CartLine {
  std::optional<std::string> id;  // the client's line id, unique within the cart
  std::string sku;
  int64_t quantity = 1;
};

using AttributeValue = std::variant<std::string, int64_t, bool>;

// A tax-exempt customer (docs/concepts/tax.md §7): the certificate is echoed in the result.
struct TaxExemption {
  std::string certificate;
  std::vector<std::string> categories;  // empty: every category
};

struct Customer {
  std::string id;
  std::vector<std::string> groups;
  std::vector<std::string> segments;  // as supplied by the host; price lists may target them
  std::vector<std::pair<std::string, AttributeValue>> attributes;  // sorted by key
  std::string vat_number;                                          // an EU buyer's VAT number, for reverse charge
  std::optional<TaxExemption> tax_exemption;
  // What segment rules read (personalization.md §1): the customer's country, what they have spent
  // (in the cart's currency), when they signed up and last ordered.
  std::string country;
  std::optional<Money> lifetime_value;
  std::optional<absl::Time> signed_up_at;
  std::optional<absl::Time> last_order_at;

  // The attribute `key`, or nullptr.
  const AttributeValue* FindAttribute(absl::string_view key) const;
};

// ISO 3166-1 alpha-2 in upper case ("DE"): the only spelling addresses and rules compare equal in.
bool IsCountryCode(absl::string_view code);

struct Address {
  std::string country;  // ISO 3166-1 alpha-2
  std::string region;
  std::string postal_code;
};

// What the cart asks of the shipping stage: one method to charge, or a quote of every method.
struct ShippingRequest {
  std::string method;    // the selected method's id; empty when asking for options
  bool options = false;  // quote every method, charge none
};

// What is left of a promotion's stateful limits, as the backend's counters say
// (docs/concepts/promotions.md, "Limits that need state"). Absent fields: untouched limits.
struct PromotionCounter {
  std::string promotion;
  std::optional<int64_t> uses_left;
  std::optional<int64_t> customer_uses_left;
  std::optional<Money> budget_left;  // in the cart's currency
};

// What the cart asks of personalization's suggestions (personalization.md §3 and §4).
struct SuggestionRequest {
  static constexpr int64_t kMaxLimit = 20;
  int64_t limit = 4;
  bool weight_by_margin = false;
};

struct CartRequest {
  const Currency* currency = nullptr;
  absl::Time at;
  std::vector<CartLine> lines;
  std::optional<Customer> customer;
  std::optional<Address> shipping_address;
  std::optional<Address> billing_address;   // resolves tax zones when the snapshot says so
  std::optional<ShippingRequest> shipping;  // absent: the cart is priced without shipping
  std::vector<std::string> coupons;
  std::vector<PromotionCounter> promotion_counters;  // sorted by promotion id
  std::string channel;                               // "web", "app", "pos": price lists may target it
  std::string locale;                                // display only: never changes an amount
  // Experiment key -> variation index, sorted by key. From the request (`forced_variations`): the
  // variations QA or a replay forces. The engine completes it with every experiment's served
  // variation before the pricing stages run, so they read what each experiment switches here.
  std::vector<std::pair<std::string, int32_t>> variations;
  std::optional<SuggestionRequest> suggestions;  // absent: no suggestions
  bool explain = false;                          // add each line's pricing steps to the result
};

// Checks the merchant's cart limits and line-id uniqueness, with paths into the cart document:
// `too_many_lines` (/lines), `quantity_out_of_range` (/lines/N/quantity), `too_many_coupons`
// (/coupons), `duplicate_line_id` (/lines/N/id).
absl::Status ValidateCart(const CartRequest& cart, const CartLimits& limits);

}  // namespace storefront

#endif  // STOREFRONT_CART_CART_H_
