// verify_order: before charging, re-price the order the shopper saw and check it is the same.
//
// The browser (or edge worker) priced the cart with the wasm build of the SDK and sent the
// envelope it showed along with the order. The backend prices the same cart with the same
// snapshot natively; because every target emits identical canonical bytes, "the same" means
// byte-identical, and anything else is a stale snapshot, a tampered request or a bug.
//
// Usage: verify_order SNAPSHOT CART CLAIMED_ENVELOPE
// Exit:  0 verified, 1 mismatch (the order must not be charged), 2 invalid input or I/O error.
#include <fstream>
#include <iostream>
#include <iterator>
#include <optional>
#include <string>

#include "nlohmann/json.hpp"
#include "storefront/codec/json_api.h"

namespace {

std::optional<std::string> ReadFile(const char* path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::nullopt;
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

// Canonical envelopes are one line; a file written by a shell tool may end with a newline.
std::string WithoutTrailingNewline(std::string text) {
  while (!text.empty() && (text.back() == '\n' || text.back() == '\r')) text.pop_back();
  return text;
}

std::string TotalOf(const std::string& envelope) {
  const nlohmann::json parsed = nlohmann::json::parse(envelope, nullptr, /*allow_exceptions=*/false);
  if (parsed.is_discarded() || !parsed.contains("value")) return "(none)";
  const nlohmann::json& value = parsed["value"];
  return value.value("/totals/total"_json_pointer, std::string("(none)")) + " " + value.value("currency", "");
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 4) {
    std::cerr << "usage: verify_order SNAPSHOT CART CLAIMED_ENVELOPE\n";
    return 2;
  }
  const std::optional<std::string> snapshot = ReadFile(argv[1]);
  const std::optional<std::string> cart = ReadFile(argv[2]);
  const std::optional<std::string> claimed = ReadFile(argv[3]);
  if (!snapshot || !cart || !claimed) {
    std::cerr << "verify_order: cannot read an input file\n";
    return 2;
  }
  auto engine = storefront::CreateEngineFromJson(*snapshot);
  if (!engine.ok()) {
    std::cerr << "verify_order: invalid snapshot: " << storefront::ErrorEnvelope(engine.status()) << '\n';
    return 2;
  }
  const std::string priced = storefront::PriceCartJson(**engine, *cart);
  if (priced.rfind(R"({"ok":true)", 0) != 0) {
    std::cerr << "verify_order: the cart is not priceable: " << priced << '\n';
    return 2;
  }
  if (priced != WithoutTrailingNewline(*claimed)) {
    std::cout << "MISMATCH: the shopper saw " << TotalOf(WithoutTrailingNewline(*claimed)) << ", the backend prices "
              << TotalOf(priced) << "; do not charge\n";
    return 1;
  }
  std::cout << "verified: " << TotalOf(priced) << '\n';
  return 0;
}
