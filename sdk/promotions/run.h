// One run of the promotions stage: a list of candidates applied in application order, with the
// stacking rules, then the shipping quote and the shipping promotions (promotions.md, §5).
// Priority mode is one run over every candidate; best-for-customer runs many. Internal.
#ifndef STOREFRONT_SDK_PROMOTIONS_RUN_H_
#define STOREFRONT_SDK_PROMOTIONS_RUN_H_

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "promotions/cart_view.h"
#include "promotions/conditions.h"
#include "promotions/effect.h"
#include "storefront/pricing/priced_cart.h"

namespace storefront::promotions {

// A promotion that may apply to this cart, with the checks that do not depend on other
// promotions already made.
struct Candidate {
  const Promotion* promotion = nullptr;
  size_t index = 0;    // in the snapshot's promotions
  std::string coupon;  // the code as typed, when a coupon brought it in
  size_t coupon_index = 0;
  std::string own_reason;  // why it cannot apply whatever else does; empty when it can
  Verdict alone;           // its condition against the cart before any promotion
  std::optional<int64_t> budget_left;
  std::vector<int64_t> floors;  // per CartView line, for this promotion's margin
};

// What the nudges of one outcome are made from.
struct Hint {
  Verdict verdict;
  std::optional<Shortfall> shortfall;
  std::optional<int64_t> add_quantity;
  std::optional<NextTier> next_tier;
};

struct RunResult {
  explicit RunResult(PricedCart base) : cart(std::move(base)) {}

  PricedCart cart;              // lines with discounts and gifts, the shipping quote after shipping discounts
  std::vector<size_t> members;  // candidate indices, application order
  std::vector<PromotionOutcome> outcomes;  // one per member
  std::vector<Hint> hints;                 // one per member
  std::vector<size_t> applied;             // candidate indices that applied
  int64_t saving = 0;                      // item + order + shipping discounts
};

struct StageInput {
  const CartView* view;
  const std::vector<Candidate>* candidates;
  const PricedCart* base;  // priced lines, no promotions, no shipping quote yet
};

// Why `candidate` cannot join `applied` (stacking rules), with the promotion that blocks it.
struct Block {
  std::string reason;  // empty: it may join
  std::string by;
};
Block Blocked(const std::vector<Candidate>& candidates, const std::vector<size_t>& applied, size_t candidate);

// Marks `outcome` condition_not_met at the condition (or action threshold) `path`, with its gap.
void ReportShortfall(const std::string& path, std::optional<int64_t> missing_amount,
                     std::optional<int64_t> missing_quantity, const Currency& currency, PromotionOutcome& outcome);

// Runs `members` on `base` (a copy of *input.base, or the cart itself when only one run is needed).
absl::StatusOr<RunResult> Run(const StageInput& input, const std::vector<size_t>& members, PricedCart base);

}  // namespace storefront::promotions

#endif  // STOREFRONT_SDK_PROMOTIONS_RUN_H_
