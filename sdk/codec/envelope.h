// Envelopes around values and errors. Internal to the codec.
#ifndef STOREFRONT_SDK_CODEC_ENVELOPE_H_
#define STOREFRONT_SDK_CODEC_ENVELOPE_H_

#include <string>

#include "absl/status/statusor.h"
#include "codec/json.h"

namespace storefront::codec {

std::string OkEnvelope(Json value);
std::string ErrorEnvelope(const absl::Status& status);

inline std::string Envelope(absl::StatusOr<Json> result) {
  return result.ok() ? OkEnvelope(*std::move(result)) : ErrorEnvelope(result.status());
}

}  // namespace storefront::codec

#endif  // STOREFRONT_SDK_CODEC_ENVELOPE_H_
