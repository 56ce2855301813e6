// Segments: named rules over the customer context (docs/concepts/personalization.md §1).
//
// A segment is a condition in the promotions' language, evaluated once per cart before unit
// prices, so that price lists, promotions and experiments can target the result.
#ifndef STOREFRONT_PERSONALIZATION_SEGMENTS_H_
#define STOREFRONT_PERSONALIZATION_SEGMENTS_H_

#include <string>
#include <vector>

#include "storefront/promotions/promotion.h"

namespace storefront {

// Segments are evaluated for every cart, so their number bounds per-cart work.
inline constexpr int kMaxSegments = 200;

struct Segment {
  std::string id;
  std::string name;
  // Any leaf but `subtotal` and `amount` (which would need prices that depend on segments); a
  // `segment` leaf names a segment defined earlier or supplied by the host.
  Condition condition;
};

}  // namespace storefront

#endif  // STOREFRONT_PERSONALIZATION_SEGMENTS_H_
