// The C ABI: ownership, null handling, and the same bytes as the C++ API.
#include "storefront/c_api.h"

#include <cstring>
#include <string>

#include "gtest/gtest.h"
#include "storefront/codec/json_api.h"
#include "test_data.h"

namespace storefront {
namespace {

std::string Take(char* text) {
  std::string copy(text);
  sf_string_free(text);
  return copy;
}

TEST(CApiTest, CreatePriceDestroy) {
  EXPECT_EQ(sf_abi_version(), static_cast<uint32_t>(SF_ABI_VERSION));
  sf_engine* engine = nullptr;
  const std::string created =
      Take(sf_engine_create(testing_data::kSnapshot, std::strlen(testing_data::kSnapshot), nullptr, 0, &engine));
  ASSERT_NE(engine, nullptr) << created;
  EXPECT_EQ(created.rfind(R"({"ok":true,"value":{"categories":2,)", 0), 0u) << created;
  const std::string priced = Take(sf_engine_price(engine, testing_data::kCart, std::strlen(testing_data::kCart)));
  auto reference = *CreateEngineFromJson(testing_data::kSnapshot);
  EXPECT_EQ(priced, PriceCartJson(*reference, testing_data::kCart));
  sf_engine_destroy(engine);
}

TEST(CApiTest, FailedCreateLeavesNoEngine) {
  sf_engine* engine = reinterpret_cast<sf_engine*>(0x1);
  const std::string created = Take(sf_engine_create("{}", 2, nullptr, 0, &engine));
  EXPECT_EQ(engine, nullptr);
  EXPECT_NE(created.find(R"("code":"missing_field")"), std::string::npos) << created;
  const char options[] = R"({"max_json_depth": 0})";
  Take(sf_engine_create(testing_data::kSnapshot, std::strlen(testing_data::kSnapshot), options, std::strlen(options),
                        &engine));
  EXPECT_EQ(engine, nullptr);
}

TEST(CApiTest, NullInputIsAnEmptyDocument) {
  EXPECT_NE(Take(sf_call("money.parse", 11, nullptr, 0)).find(R"("code":"json_syntax")"), std::string::npos);
}

}  // namespace
}  // namespace storefront
