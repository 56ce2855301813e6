// Zone validation, shared by ShippingConfig::Build. Internal to the shipping stage.
#ifndef STOREFRONT_SDK_SHIPPING_ZONES_H_
#define STOREFRONT_SDK_SHIPPING_ZONES_H_

#include "absl/status/status.h"
#include "absl/types/span.h"
#include "storefront/shipping/shipping.h"

namespace storefront::shipping {

// Unique ids, at least one well-formed country, well-formed postal entries, and no two postal
// ranges of one zone sharing a code. Paths are relative to the shipping object ("/zones/0/id").
absl::Status ValidateZones(absl::Span<const ShippingZone> zones);

}  // namespace storefront::shipping

#endif  // STOREFRONT_SDK_SHIPPING_ZONES_H_
