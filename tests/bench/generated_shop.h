// The generated shop the benchmarks price: a deterministic 10,000-SKU catalog, price rules,
// promotions and carts, the same on every run and every machine.
#ifndef STOREFRONT_TESTS_BENCH_GENERATED_SHOP_H_
#define STOREFRONT_TESTS_BENCH_GENERATED_SHOP_H_

#include <cstdint>
#include <string>

namespace storefront_bench {

// Deterministic generator: the same catalog on every run and every machine.
inline std::string GeneratedSnapshot(int products, int variants_per_product) {
  std::string out = R"({"schema_version":1,"currencies":["EUR","USD"],"categories":[)";
  for (int c = 0; c < 50; ++c) {
    out += (c ? "," : "") + std::string(R"({"id":"cat-)") + std::to_string(c) + "\"" +
           (c >= 10 ? R"(,"parent":"cat-)" + std::to_string(c % 10) + "\"" : "") + "}";
  }
  out += R"(],"products":[)";
  uint64_t state = 42;
  for (int p = 0; p < products; ++p) {
    out += (p ? "," : "") + std::string(R"({"id":"p-)") + std::to_string(p) + R"(","title":"Product )" +
           std::to_string(p) + R"(","categories":["cat-)" + std::to_string(p % 50) + R"("],"variants":[)";
    for (int v = 0; v < variants_per_product; ++v) {
      state = state * 6364136223846793005ULL + 1442695040888963407ULL;
      const uint64_t cents = 100 + (state >> 33) % 20000;
      const std::string price =
          std::to_string(cents / 100) + "." + (cents % 100 < 10 ? "0" : "") + std::to_string(cents % 100);
      out += (v ? "," : "") + std::string(R"({"sku":"SKU-)") + std::to_string(p) + "-" + std::to_string(v) +
             R"(","prices":{"EUR":")" + price + R"(","USD":")" + price + R"("}})";
    }
    out += "]}";
  }
  return out + "]}";
}

// The same catalog plus `lists` price lists (each targeting one of 50 customer groups, with
// entries on SKUs, products and categories) and `markdowns` markdown rules (on SKUs and
// categories, few of them current). Pricing must stay indexed: a line looks up only its keys.
inline std::string GeneratedSnapshotWithRules(int products, int variants_per_product, int lists, int markdowns) {
  std::string out = GeneratedSnapshot(products, variants_per_product);
  out.pop_back();  // reopen the top-level object
  out += R"(,"price_lists":[)";
  for (int l = 0; l < lists; ++l) {
    out += (l ? "," : "") + std::string(R"({"id":"list-)") + std::to_string(l) + R"(","currency":"EUR","priority":)" +
           std::to_string(l % 7) + R"(,"targeting":{"customer_groups":["g-)" + std::to_string(l % 50) +
           R"("]},"entries":[{"sku":"SKU-)" + std::to_string((l * 13) % products) + R"(-0","price":"9.99"},)" +
           R"({"product":"p-)" + std::to_string((l * 17) % products) + R"(","adjust":{"percent":"-5"}},)" +
           R"({"category":"cat-)" + std::to_string(l % 50) + R"(","adjust":{"amount":"-0.50"}}]})";
  }
  out += R"(],"markdowns":[)";
  for (int m = 0; m < markdowns; ++m) {
    // One in ten is current at the cart's instant; the rest are past sales.
    const char* window =
        m % 10 == 0 ? R"("valid_from":"2026-11-01T00:00:00Z")" : R"("valid_until":"2026-01-01T00:00:00Z")";
    out += (m ? "," : "") + std::string(R"({"id":"md-)") + std::to_string(m) + R"(","selector":{"sku":"SKU-)" +
           std::to_string(m % products) + "-" + std::to_string(m % variants_per_product) + R"("},"percent":"10",)" +
           window + "}";
  }
  return out + "]}";
}

inline std::string GeneratedCart(int lines, int products, int variants_per_product) {
  std::string out = R"({"currency":"EUR","at":"2026-11-22T10:00:00Z","lines":[)";
  for (int i = 0; i < lines; ++i) {
    const int p = (i * 97) % products;
    out += (i ? "," : "") + std::string(R"({"id":"l)") + std::to_string(i) + R"(","sku":"SKU-)" + std::to_string(p) +
           "-" + std::to_string(i % variants_per_product) + R"(","quantity":)" + std::to_string(1 + i % 3) + "}";
  }
  return out + "]}";
}

inline constexpr int kProducts = 2500;
inline constexpr int kVariantsPerProduct = 4;  // 10,000 SKUs
inline constexpr int kLines = 100;

}  // namespace storefront_bench

#endif  // STOREFRONT_TESTS_BENCH_GENERATED_SHOP_H_
