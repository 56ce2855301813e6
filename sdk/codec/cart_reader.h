// Cart request document -> CartRequest, and PricedCart -> priced cart document. Internal.
#ifndef STOREFRONT_SDK_CODEC_CART_READER_H_
#define STOREFRONT_SDK_CODEC_CART_READER_H_

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "codec/json.h"
#include "storefront/cart/cart.h"
#include "storefront/pricing/priced_cart.h"

namespace storefront::codec {

// Reads an already parsed cart request that sits at `path` of the caller's input.
absl::StatusOr<CartRequest> ReadCart(const Json& document, absl::string_view path, const ReadContext& context);

// An address {country, region?, postal_code?}: the cart's shipping and billing addresses, the
// tax section's origin.
absl::StatusOr<Address> ReadAddress(const Json& value, absl::string_view path, const ReadContext& context);

// The canonical priced cart document.
Json WritePricedCart(const PricedCart& cart);

// RFC 3339 in UTC with only as many fraction digits as needed: "2026-11-22T10:00:00Z".
std::string FormatTimestamp(absl::Time time);

}  // namespace storefront::codec

#endif  // STOREFRONT_SDK_CODEC_CART_READER_H_
