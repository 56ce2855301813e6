#include "storefront/c_api.h"

#include <cstdlib>
#include <cstring>
#include <memory>
#include <string>

#include "storefront/codec/json_api.h"
#include "storefront/engine/engine.h"
#include "storefront/version.h"

struct sf_engine {
  std::unique_ptr<const storefront::Engine> engine;
};

namespace {

// Hands a string to C: malloc'd so that any language's FFI (and JS through the wasm heap) can
// release it with sf_string_free.
char* Release(const std::string& text) {
  char* copy = static_cast<char*>(std::malloc(text.size() + 1));
  if (copy == nullptr) return nullptr;
  std::memcpy(copy, text.data(), text.size());
  copy[text.size()] = '\0';
  return copy;
}

absl::string_view View(const char* data, size_t size) {
  return data == nullptr ? absl::string_view() : absl::string_view(data, size);
}

}  // namespace

extern "C" {

uint32_t sf_abi_version(void) { return SF_ABI_VERSION; }

const char* sf_version(void) { return storefront::kVersion; }

char* sf_engine_create(const char* snapshot, size_t snapshot_len, const char* options, size_t options_len,
                       sf_engine** out_engine) {
  if (out_engine != nullptr) *out_engine = nullptr;
  absl::StatusOr<storefront::HostLimits> limits = storefront::ParseHostLimitsJson(View(options, options_len));
  if (!limits.ok()) return Release(storefront::ErrorEnvelope(limits.status()));
  absl::StatusOr<std::unique_ptr<const storefront::Engine>> engine =
      storefront::CreateEngineFromJson(View(snapshot, snapshot_len), *limits);
  if (!engine.ok()) return Release(storefront::ErrorEnvelope(engine.status()));
  const std::string description = storefront::DescribeEngineJson(**engine);
  if (out_engine != nullptr) *out_engine = new sf_engine{std::move(engine).value()};
  return Release(description);
}

char* sf_engine_price(const sf_engine* engine, const char* cart, size_t cart_len) {
  return Release(storefront::PriceCartJson(*engine->engine, View(cart, cart_len)));
}

char* sf_engine_describe(const sf_engine* engine) { return Release(storefront::DescribeEngineJson(*engine->engine)); }

void sf_engine_destroy(sf_engine* engine) { delete engine; }

char* sf_call(const char* op, size_t op_len, const char* input, size_t input_len) {
  return Release(storefront::RunOperation(View(op, op_len), View(input, input_len)));
}

void sf_string_free(char* text) { std::free(text); }

}  // extern "C"
