#include "promotions/cart_view.h"

#include <algorithm>

#include "pricing/rule_matching.h"
#include "pricing/unit_prices.h"
#include "storefront/base/status_macros.h"

namespace storefront::promotions {

bool LineFacts::Matches(const ItemFilter& items) const { return pricing::MatchesAny(items, keys); }

namespace {

// A view without lines: the request's context and its normalized coupon codes.
CartView WithoutLines(const Snapshot& snapshot, const CartRequest& request, const Currency* currency) {
  CartView view;
  view.snapshot = &snapshot;
  view.request = &request;
  view.currency = currency;
  view.rounding = snapshot.settings.rounding_mode;
  for (const std::string& code : request.coupons) view.coupon_codes.insert(NormalizeCouponCode(code));
  return view;
}

}  // namespace

CartView CartView::Of(const Snapshot& snapshot, const CartRequest& request, const PricedCart& priced) {
  CartView view = WithoutLines(snapshot, request, priced.currency);
  for (const PricedLine& line : priced.lines) {
    if (line.status != LineStatus::kPriced || line.quantity < 1 || !line.gift_of.empty()) continue;
    const std::optional<Catalog::VariantRef> found = snapshot.catalog.FindSku(line.sku);
    if (!found.has_value()) continue;  // pricing rejected unknown SKUs already
    LineFacts facts;
    facts.line = line.index;
    facts.quantity = line.quantity;
    facts.subtotal = line.subtotal.minor_units();
    facts.marked_down = !line.markdown.empty();
    facts.product = found->product;
    facts.variant = found->variant;
    // Only promotions read the keys: a shop without any does not pay for them.
    if (!snapshot.promotions.all().empty()) {
      facts.keys = pricing::SortedLineKeys(snapshot.catalog, *found->product, *found->variant);
    }
    view.lines.push_back(std::move(facts));
  }
  // Canonical order: nothing downstream may depend on the order the client listed lines in.
  std::stable_sort(view.lines.begin(), view.lines.end(), [&](const LineFacts& a, const LineFacts& b) {
    const PricedLine& x = priced.lines[a.line];
    const PricedLine& y = priced.lines[b.line];
    return PrecedesCanonically(x, y);
  });
  return view;
}

CartView CartView::OfRequest(const Snapshot& snapshot, const CartRequest& request) {
  CartView view = WithoutLines(snapshot, request, request.currency);
  for (size_t i = 0; i < request.lines.size(); ++i) {
    const CartLine& line = request.lines[i];
    const std::optional<Catalog::VariantRef> found = snapshot.catalog.FindSku(line.sku);
    if (!found.has_value() || line.quantity < 1) continue;
    LineFacts facts;
    facts.line = i;
    facts.quantity = line.quantity;
    facts.product = found->product;
    facts.variant = found->variant;
    facts.keys = pricing::SortedLineKeys(snapshot.catalog, *found->product, *found->variant);
    view.lines.push_back(std::move(facts));
  }
  return view;
}

absl::StatusOr<std::vector<int64_t>> LineFloors(const CartView& view, const std::optional<Decimal>& min_margin) {
  std::vector<int64_t> floors(view.lines.size(), 0);
  for (size_t i = 0; i < view.lines.size(); ++i) {
    const LineFacts& line = view.lines[i];
    SF_ASSIGN_OR_RETURN(const std::optional<Money> unit,
                        pricing::UnitFloor(*line.product, *line.variant, *view.currency, min_margin));
    if (!unit.has_value()) continue;
    SF_ASSIGN_OR_RETURN(const Money total, unit->Times(line.quantity));
    floors[i] = total.minor_units();
  }
  return floors;
}

}  // namespace storefront::promotions
