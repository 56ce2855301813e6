// The shipping section of a snapshot, the cart's shipping request, and the shipping parts of the
// priced cart. Internal to the codec.
#ifndef STOREFRONT_SDK_CODEC_SHIPPING_READER_H_
#define STOREFRONT_SDK_CODEC_SHIPPING_READER_H_

#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "codec/json.h"
#include "storefront/cart/cart.h"
#include "storefront/catalog/catalog.h"
#include "storefront/pricing/priced_cart.h"
#include "storefront/shipping/shipping.h"

namespace storefront::codec {

// The snapshot's "shipping" object at `path`: {zones, methods}, validated against `catalog`.
// Amounts must be in `currencies` (`currency_not_allowed`).
absl::StatusOr<ShippingConfig> ReadShipping(const Json& value, absl::string_view path, const ReadContext& context,
                                            const std::vector<const Currency*>& currencies, const Catalog& catalog);

// One zone {id, countries, regions?, postal_codes?}: shared with the tax section, whose zones are
// shipping zones. References and overlaps are checked by the section's Build.
absl::StatusOr<ShippingZone> ReadZone(const Json& value, absl::string_view path, const ReadContext& context);

// The cart's "shipping" object: {"method": id} or {"options": true}, exactly one.
absl::StatusOr<ShippingRequest> ReadShippingRequest(const Json& value, absl::string_view path,
                                                    const ReadContext& context);

// The priced cart's "shipping" and "nudges" members.
Json WriteShippingQuote(const ShippingQuote& quote);
Json WriteNudges(const std::vector<Nudge>& nudges);

}  // namespace storefront::codec

#endif  // STOREFRONT_SDK_CODEC_SHIPPING_READER_H_
