// Small documents shared by the unit tests.
#ifndef STOREFRONT_TESTS_UNIT_TEST_DATA_H_
#define STOREFRONT_TESTS_UNIT_TEST_DATA_H_

namespace storefront::testing_data {

inline constexpr char kSnapshot[] = R"({
  "schema_version": 1,
  "currencies": ["EUR", "JPY"],
  "settings": {"limits": {"max_lines": 3, "max_quantity": 10}},
  "categories": [{"id": "apparel"}, {"id": "tees", "parent": "apparel"}],
  "products": [
    {"id": "tee", "title": "Tee", "categories": ["tees"],
     "variants": [{"sku": "TEE-M", "title": "M", "prices": {"EUR": "19.99", "JPY": "2900"}}]},
    {"id": "mug", "title": "Mug", "variants": [{"sku": "MUG", "prices": {"EUR": "7.50"}}]}
  ]
})";

inline constexpr char kCart[] = R"({
  "currency": "EUR", "at": "2026-11-22T11:00:00+01:00",
  "lines": [{"id": "a", "sku": "TEE-M", "quantity": 2}, {"sku": "MUG", "quantity": 1}]
})";

}  // namespace storefront::testing_data

#endif  // STOREFRONT_TESTS_UNIT_TEST_DATA_H_
