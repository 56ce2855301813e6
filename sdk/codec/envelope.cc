#include "codec/envelope.h"

#include <utility>

#include "storefront/base/error.h"

namespace storefront::codec {

std::string OkEnvelope(Json value) { return Canonical(Json{{"ok", true}, {"value", std::move(value)}}); }

std::string ErrorEnvelope(const absl::Status& status) {
  const Json error = {
      {"code", ErrorCodeOf(status)},
      {"message", std::string(status.message())},
      {"path", ErrorPathOf(status)},
  };
  return Canonical(Json{{"ok", false}, {"error", error}});
}

}  // namespace storefront::codec
