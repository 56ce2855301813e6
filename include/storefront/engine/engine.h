// The engine: a validated, indexed snapshot plus the pricing pipeline.
//
// Build once per snapshot, price many carts. An Engine is immutable: Price() is const, touches no
// shared mutable state and may be called from many threads at once. The pipeline order is part
// of the contract (docs/concepts/pipeline.md): resolve unit prices, promotions, shipping, tax,
// totals. Malformed input is an error status; business outcomes are issues in the result.
#ifndef STOREFRONT_ENGINE_ENGINE_H_
#define STOREFRONT_ENGINE_ENGINE_H_

#include <memory>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "storefront/cart/cart.h"
#include "storefront/engine/limits.h"
#include "storefront/engine/snapshot.h"
#include "storefront/pricing/priced_cart.h"

namespace storefront {

class Engine {
 public:
  static absl::StatusOr<std::unique_ptr<const Engine>> Create(Snapshot snapshot);

  absl::StatusOr<PricedCart> Price(const CartRequest& cart) const;

  const Snapshot& snapshot() const { return snapshot_; }

 private:
  explicit Engine(Snapshot snapshot) : snapshot_(std::move(snapshot)) {}

  Snapshot snapshot_;
};

// The SDK's version, "major.minor.patch".
absl::string_view Version();

}  // namespace storefront

#endif  // STOREFRONT_ENGINE_ENGINE_H_
