#include "pricing/unit_prices.h"

#include "absl/strings/str_cat.h"
#include "storefront/base/error.h"
#include "storefront/base/status_macros.h"

namespace storefront::pricing {

absl::StatusOr<std::vector<PricedLine>> ResolveUnitPrices(const Snapshot& snapshot, const CartRequest& cart,
                                                          std::vector<Issue>& issues) {
  const Currency& currency = *cart.currency;
  std::vector<PricedLine> lines;
  lines.reserve(cart.lines.size());
  for (size_t i = 0; i < cart.lines.size(); ++i) {
    const CartLine& request = cart.lines[i];
    const std::optional<Catalog::VariantRef> found = snapshot.catalog.FindSku(request.sku);
    if (!found.has_value()) {
      return InputError(error_code::kUnknownSku, absl::StrCat("no variant has SKU \"", request.sku, "\""),
                        absl::StrCat("/lines/", i, "/sku"));
    }
    PricedLine line(currency);
    line.index = i;
    line.line_id = request.id;
    line.sku = request.sku;
    line.product_id = found->product->id;
    line.title = found->product->title;
    line.variant_title = found->variant->title;
    line.quantity = request.quantity;
    const std::optional<Money> base_price = found->variant->PriceIn(currency);
    if (!base_price.has_value()) {
      line.status = LineStatus::kUnavailable;
      issues.push_back({issue_code::kPriceUnavailable,
                        absl::StrCat("\"", request.sku, "\" has no price in ", currency.code),
                        absl::StrCat("/lines/", i, "/sku")});
    } else {
      line.unit_price = *base_price;
      absl::StatusOr<Money> subtotal = line.unit_price.Times(line.quantity);
      if (!subtotal.ok()) return PrefixErrorPath(subtotal.status(), absl::StrCat("/lines/", i));
      line.subtotal = *subtotal;
    }
    lines.push_back(std::move(line));
  }
  return lines;
}

}  // namespace storefront::pricing
