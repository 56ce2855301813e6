// Which promotions a cart brings into play, and what each can decide alone. Internal.
#ifndef STOREFRONT_SDK_PROMOTIONS_CANDIDATES_H_
#define STOREFRONT_SDK_PROMOTIONS_CANDIDATES_H_

#include <vector>

#include "absl/status/statusor.h"
#include "promotions/run.h"

namespace storefront::promotions {

// Candidates in application order (priority descending, then id): the promotions of the cart's
// coupon codes and the automatic promotions the item index finds for its lines. Unknown and
// repeated codes become issues in `issues`.
absl::StatusOr<std::vector<Candidate>> CollectCandidates(const CartView& view, std::vector<Issue>& issues);

}  // namespace storefront::promotions

#endif  // STOREFRONT_SDK_PROMOTIONS_CANDIDATES_H_
