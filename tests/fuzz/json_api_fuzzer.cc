// libFuzzer target for the JSON boundary: whatever bytes arrive, the SDK answers with an envelope
// and never crashes, hangs, leaks or reads out of bounds (ASan + UBSan watch every run).
//
// The first byte chooses the entry point; the rest is the document:
//   0: a snapshot (CreateEngineFromJson)
//   1: a cart priced against the example shop (PriceCartJson)
//   2..: one of the RunOperation operations on the input
#include <cstddef>
#include <cstdint>
#include <fstream>
#include <iterator>
#include <memory>
#include <string>

#include "storefront/codec/json_api.h"

namespace {

constexpr const char* kOperations[] = {"currency.info",  "money.parse",    "money.format",      "money.sum",
                                       "money.multiply", "money.allocate", "money.cash_round",  "snapshot.validate",
                                       "cart.price"};

const storefront::Engine& ExampleEngine() {
  static const std::unique_ptr<const storefront::Engine> engine = [] {
    std::ifstream in(STOREFRONT_FUZZ_SNAPSHOT, std::ios::binary);
    const std::string text{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
    return *storefront::CreateEngineFromJson(text);
  }();
  return *engine;
}

// An envelope always starts the same way; anything else is a broken boundary.
void CheckEnvelope(const std::string& envelope) {
  if (envelope.rfind("{\"error\":{", 0) != 0 && envelope.rfind("{\"ok\":true,", 0) != 0) __builtin_trap();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  const absl::string_view input(reinterpret_cast<const char*>(data) + 1, size - 1);
  switch (data[0] % (2 + std::size(kOperations))) {
    case 0: {
      auto engine = storefront::CreateEngineFromJson(input);
      if (engine.ok()) CheckEnvelope(storefront::DescribeEngineJson(**engine));
      break;
    }
    case 1:
      CheckEnvelope(storefront::PriceCartJson(ExampleEngine(), input));
      break;
    default:
      CheckEnvelope(storefront::RunOperation(kOperations[data[0] % (2 + std::size(kOperations)) - 2], input));
  }
  return 0;
}
