// Evaluating a promotion's condition tree against a cart (promotions.md, "Conditions"). Internal.
#ifndef STOREFRONT_SDK_PROMOTIONS_CONDITIONS_H_
#define STOREFRONT_SDK_PROMOTIONS_CONDITIONS_H_

#include <cstdint>
#include <optional>
#include <vector>

#include "absl/status/statusor.h"
#include "promotions/cart_view.h"
#include "storefront/promotions/promotion.h"

namespace storefront::promotions {

// Line amounts for the two bases: `subtotal` from the view, `after` as left by the promotions
// applied so far in this run (indexed like CartView::lines).
struct Amounts {
  const CartView* view;
  const std::vector<int64_t>* after;

  int64_t Of(size_t line, AmountBase base) const {
    return base == AmountBase::kBeforeDiscounts ? view->lines[line].subtotal : (*after)[line];
  }
};

struct Verdict {
  bool met = true;
  // When not met: the first false leaf (document order) that makes the tree false, and its gap.
  const Condition* failing = nullptr;
  std::optional<int64_t> threshold;       // the failing leaf's minimum, when it has one
  std::optional<int64_t> missing_amount;  // minor units
  std::optional<int64_t> missing_quantity;
  bool progress = false;  // the failing leaf's measure is above zero
  bool fixable = false;   // reaching the failing leaf's minimum would make the whole tree true
};

// `unsupported` is set when a leaf needs an amount its money map lacks in the cart currency.
absl::StatusOr<Verdict> Evaluate(const Condition& condition, const Amounts& amounts, bool& unsupported);

// The promotion's own eligibility (customer groups, segments, order count).
bool CustomerEligible(const Eligibility& eligibility, const CartRequest& cart);

}  // namespace storefront::promotions

#endif  // STOREFRONT_SDK_PROMOTIONS_CONDITIONS_H_
