// Nudges from promotions: what the shopper could add to unlock or improve one (promotions.md,
// §9). Internal.
#ifndef STOREFRONT_SDK_PROMOTIONS_NUDGES_H_
#define STOREFRONT_SDK_PROMOTIONS_NUDGES_H_

#include <vector>

#include "absl/status/status.h"
#include "promotions/run.h"

namespace storefront::promotions {

// Appends the nudges of one relevant outcome.
absl::Status AddNudges(const Candidate& candidate, const PromotionOutcome& outcome, const Hint& hint,
                       const Currency& currency, std::vector<Nudge>& nudges);

// By type (add_items, free_shipping, spend_more), then what is missing, then promotion or method.
void SortNudges(std::vector<Nudge>& nudges);

}  // namespace storefront::promotions

#endif  // STOREFRONT_SDK_PROMOTIONS_NUDGES_H_
