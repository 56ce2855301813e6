// Prices a cart against a snapshot through the installed package and checks the totals: what a
// backend does before charging an order. Usage: verify_order SNAPSHOT_FILE
#include <fstream>
#include <iostream>
#include <iterator>
#include <string>

#include "storefront/codec/json_api.h"
#include "storefront/version.h"

int main(int argc, char** argv) {
  if (argc != 2) return 2;
  std::ifstream in(argv[1], std::ios::binary);
  const std::string snapshot{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
  auto engine = storefront::CreateEngineFromJson(snapshot);
  if (!engine.ok()) {
    std::cerr << engine.status() << '\n';
    return 1;
  }
  const std::string cart = R"({"currency":"EUR","at":"2026-11-22T10:00:00Z",
                               "lines":[{"sku":"TEE-CLASSIC-BLK-M","quantity":2}]})";
  const auto request = storefront::ParseCartJson(cart, (*engine)->snapshot());
  if (!request.ok()) return 1;
  const auto priced = (*engine)->Price(*request);
  if (!priced.ok() || priced->totals.total.ToString() != "39.98") {
    std::cerr << "unexpected total\n";
    return 1;
  }
  std::cout << "storefront " << storefront::kVersion << ": order total " << priced->totals.total.ToString() << " "
            << priced->currency->code << '\n';
  return 0;
}
