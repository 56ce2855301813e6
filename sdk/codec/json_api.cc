#include "storefront/codec/json_api.h"

#include <utility>

#include "codec/cart_reader.h"
#include "codec/envelope.h"
#include "codec/json.h"
#include "codec/snapshot_reader.h"
#include "storefront/base/error.h"
#include "storefront/base/status_macros.h"

namespace storefront {

using codec::Json;

absl::StatusOr<Snapshot> ParseSnapshotJson(absl::string_view json, const HostLimits& limits) {
  SF_ASSIGN_OR_RETURN(const Json document,
                      codec::ParseJsonText(json, {limits.max_snapshot_bytes, limits.max_json_depth}, ""));
  return codec::ReadSnapshot(document, "", limits);
}

absl::StatusOr<std::unique_ptr<const Engine>> CreateEngineFromJson(absl::string_view snapshot_json,
                                                                   const HostLimits& limits) {
  SF_ASSIGN_OR_RETURN(Snapshot snapshot, ParseSnapshotJson(snapshot_json, limits));
  return Engine::Create(std::move(snapshot));
}

absl::StatusOr<CartRequest> ParseCartJson(absl::string_view json, const Snapshot& snapshot) {
  SF_ASSIGN_OR_RETURN(
      const Json document,
      codec::ParseJsonText(json, {snapshot.settings.limits.max_cart_bytes, snapshot.host_limits.max_json_depth}, ""));
  return codec::ReadCart(document, "", {snapshot.host_limits.max_string_length});
}

absl::StatusOr<HostLimits> ParseHostLimitsJson(absl::string_view json) {
  if (json.empty()) return HostLimits{};
  // Options are tiny; they are read under fixed small limits of their own.
  SF_ASSIGN_OR_RETURN(const Json document, codec::ParseJsonText(json, {1 << 16, 4}, ""));
  return codec::ReadHostLimits(document, "");
}

std::string SerializePricedCart(const PricedCart& cart) { return codec::Canonical(codec::WritePricedCart(cart)); }

std::string PriceCartJson(const Engine& engine, absl::string_view cart_json) {
  absl::StatusOr<CartRequest> cart = ParseCartJson(cart_json, engine.snapshot());
  if (!cart.ok()) return codec::ErrorEnvelope(cart.status());
  absl::StatusOr<PricedCart> priced = engine.Price(*cart);
  if (!priced.ok()) return codec::ErrorEnvelope(priced.status());
  return codec::OkEnvelope(codec::WritePricedCart(*priced));
}

std::string DescribeEngineJson(const Engine& engine) {
  return codec::OkEnvelope(codec::DescribeSnapshot(engine.snapshot()));
}

std::string ErrorEnvelope(const absl::Status& status) { return codec::ErrorEnvelope(status); }

}  // namespace storefront
