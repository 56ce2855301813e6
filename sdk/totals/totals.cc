#include "totals/totals.h"

#include "storefront/base/error.h"
#include "storefront/base/status_macros.h"

namespace storefront::totals {
namespace {

absl::StatusOr<Totals> ComputeUnlocated(const Currency& currency, std::vector<PricedLine>& lines,
                                        const std::optional<ShippingQuote>& shipping, bool shipping_gross, bool taxed) {
  Totals totals(currency);
  const Money zero = Money::Zero(currency);
  bool fees = false;
  Money line_totals = zero, net = zero, gross = zero, fee_total = zero;
  for (PricedLine& line : lines) {
    if (line.status != LineStatus::kPriced) continue;
    if (line.net.has_value()) {  // the tax stage set total, net and gross
      SF_ASSIGN_OR_RETURN(net, net.Plus(*line.net));
      SF_ASSIGN_OR_RETURN(gross, gross.Plus(*line.gross));
    } else {
      SF_ASSIGN_OR_RETURN(const Money discounted, line.subtotal.Minus(line.discount_total));
      SF_ASSIGN_OR_RETURN(line.total, discounted.Plus(line.tax_total));
    }
    if (line.fee_total.has_value()) {
      fees = true;
      SF_ASSIGN_OR_RETURN(fee_total, fee_total.Plus(*line.fee_total));
    }
    SF_ASSIGN_OR_RETURN(line_totals, line_totals.Plus(line.total));
    SF_ASSIGN_OR_RETURN(totals.subtotal, totals.subtotal.Plus(line.subtotal));
    SF_ASSIGN_OR_RETURN(totals.discount_total, totals.discount_total.Plus(line.discount_total));
    SF_ASSIGN_OR_RETURN(totals.tax_total, totals.tax_total.Plus(line.tax_total));
    if (__builtin_add_overflow(totals.item_count, line.quantity, &totals.item_count)) {
      return InputError(error_code::kArithmeticOverflow, "the item count does not fit in 64 bits");
    }
  }
  totals.shipping_total = shipping.has_value() ? shipping->amount : zero;
  // Shipping tax: part of tax_total always; added to the total only when shipping is priced net.
  const Money shipping_tax = shipping.has_value() && shipping->tax_total.has_value() ? *shipping->tax_total : zero;
  SF_ASSIGN_OR_RETURN(totals.tax_total, totals.tax_total.Plus(shipping_tax));
  const Money shipping_added = shipping_gross ? zero : shipping_tax;
  SF_ASSIGN_OR_RETURN(const Money with_shipping, line_totals.Plus(totals.shipping_total));
  SF_ASSIGN_OR_RETURN(totals.total, with_shipping.Plus(shipping_added));
  if (taxed) {
    SF_ASSIGN_OR_RETURN(const Money shipping_net,
                        shipping_gross ? totals.shipping_total.Minus(shipping_tax) : totals.shipping_total);
    SF_ASSIGN_OR_RETURN(const Money shipping_gross_amount, shipping_net.Plus(shipping_tax));
    SF_ASSIGN_OR_RETURN(totals.net_total, net.Plus(shipping_net));
    SF_ASSIGN_OR_RETURN(totals.gross_total, gross.Plus(shipping_gross_amount));
  }
  if (fees) totals.fee_total = fee_total;
  return totals;
}

}  // namespace

absl::StatusOr<Totals> Compute(const Currency& currency, std::vector<PricedLine>& lines,
                               const std::optional<ShippingQuote>& shipping, bool shipping_gross, bool taxed) {
  // An order total that does not fit is a property of the lines together: point at them.
  absl::StatusOr<Totals> totals = ComputeUnlocated(currency, lines, shipping, shipping_gross, taxed);
  if (!totals.ok()) return PrefixErrorPath(totals.status(), "/lines");
  return totals;
}

}  // namespace storefront::totals
