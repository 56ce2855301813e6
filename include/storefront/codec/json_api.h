// The JSON boundary every target shares: the CLI, the C ABI, the wasm module and the edge
// workers all call these functions, so they all read the same documents and emit the same bytes.
//
// Documents are the contract v1 of docs/concepts/contract.md. Answers are envelopes:
//   {"ok":true,"value":...} or {"ok":false,"error":{"code":...,"message":...,"path":...}}
// serialised canonically (keys in byte order, no white space, money as decimal strings).
#ifndef STOREFRONT_CODEC_JSON_API_H_
#define STOREFRONT_CODEC_JSON_API_H_

#include <memory>
#include <string>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "storefront/cart/cart.h"
#include "storefront/engine/engine.h"
#include "storefront/engine/limits.h"
#include "storefront/engine/snapshot.h"
#include "storefront/pricing/priced_cart.h"

namespace storefront {

// Reads and validates a snapshot document under the host's limits.
absl::StatusOr<Snapshot> ParseSnapshotJson(absl::string_view json, const HostLimits& limits = {});

// Shorthand: ParseSnapshotJson, then Engine::Create.
absl::StatusOr<std::unique_ptr<const Engine>> CreateEngineFromJson(absl::string_view snapshot_json,
                                                                   const HostLimits& limits = {});

// Reads a cart request under the snapshot's cart limits and the host limits it was loaded with.
absl::StatusOr<CartRequest> ParseCartJson(absl::string_view json, const Snapshot& snapshot);

// Host limits from a JSON object such as {"max_snapshot_bytes": 1048576}; "" means defaults.
absl::StatusOr<HostLimits> ParseHostLimitsJson(absl::string_view json);

// The canonical priced cart document.
std::string SerializePricedCart(const PricedCart& cart);

// Parse, price and serialise in one call; always returns an envelope.
std::string PriceCartJson(const Engine& engine, absl::string_view cart_json);

// A summary of the engine's snapshot as an envelope: counts and the content hash.
std::string DescribeEngineJson(const Engine& engine);

// The error envelope for a non-OK status.
std::string ErrorEnvelope(const absl::Status& status);

// Runs one named operation of tests/vectors/README.md ("money.parse", "cart.price", ...) on a
// JSON input document and returns the envelope. This is how every target runs the shared
// vectors, and how JavaScript reaches the money functions without re-implementing them.
std::string RunOperation(absl::string_view op, absl::string_view input_json);

}  // namespace storefront

#endif  // STOREFRONT_CODEC_JSON_API_H_
