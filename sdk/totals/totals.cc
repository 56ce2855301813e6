#include "totals/totals.h"

#include "storefront/base/error.h"
#include "storefront/base/status_macros.h"

namespace storefront::totals {
namespace {

absl::StatusOr<Totals> ComputeUnlocated(const Currency& currency, std::vector<PricedLine>& lines,
                                        const Money& shipping_total) {
  Totals totals(currency);
  for (PricedLine& line : lines) {
    if (line.status != LineStatus::kPriced) continue;
    SF_ASSIGN_OR_RETURN(const Money discounted, line.subtotal.Minus(line.discount_total));
    SF_ASSIGN_OR_RETURN(line.total, discounted.Plus(line.tax_total));
    SF_ASSIGN_OR_RETURN(totals.subtotal, totals.subtotal.Plus(line.subtotal));
    SF_ASSIGN_OR_RETURN(totals.discount_total, totals.discount_total.Plus(line.discount_total));
    SF_ASSIGN_OR_RETURN(totals.tax_total, totals.tax_total.Plus(line.tax_total));
    if (__builtin_add_overflow(totals.item_count, line.quantity, &totals.item_count)) {
      return InputError(error_code::kArithmeticOverflow, "the item count does not fit in 64 bits");
    }
  }
  totals.shipping_total = shipping_total;
  SF_ASSIGN_OR_RETURN(const Money net, totals.subtotal.Minus(totals.discount_total));
  SF_ASSIGN_OR_RETURN(const Money with_shipping, net.Plus(totals.shipping_total));
  SF_ASSIGN_OR_RETURN(totals.total, with_shipping.Plus(totals.tax_total));
  return totals;
}

}  // namespace

absl::StatusOr<Totals> Compute(const Currency& currency, std::vector<PricedLine>& lines, const Money& shipping_total) {
  // An order total that does not fit is a property of the lines together: point at them.
  absl::StatusOr<Totals> totals = ComputeUnlocated(currency, lines, shipping_total);
  if (!totals.ok()) return PrefixErrorPath(totals.status(), "/lines");
  return totals;
}

}  // namespace storefront::totals
