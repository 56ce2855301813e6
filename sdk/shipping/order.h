// Sorting for the shipping stage. Internal.
//
// Every sort of the stage goes through SortedOrder: one std::sort instantiation over indices with
// an out-of-line comparator. Each std::sort with an inlined comparator costs several kilobytes
// of wasm, and the module has a size budget (tests/js/wasm/size.test.mjs).
#ifndef STOREFRONT_SDK_SHIPPING_ORDER_H_
#define STOREFRONT_SDK_SHIPPING_ORDER_H_

#include <algorithm>
#include <cstddef>
#include <numeric>
#include <utility>
#include <vector>

#include "absl/functional/function_ref.h"

namespace storefront::shipping {

// The indices 0..n-1 ordered by `less`, which must be a strict weak order that breaks every tie
// (the result must not depend on std::sort's unspecified order of equal elements).
inline std::vector<size_t> SortedOrder(size_t n, absl::FunctionRef<bool(size_t, size_t)> less) {
  std::vector<size_t> order(n);
  std::iota(order.begin(), order.end(), size_t{0});
  std::sort(order.begin(), order.end(), less);
  return order;
}

// `items` rearranged into `order`.
template <typename T>
std::vector<T> Reordered(std::vector<T> items, const std::vector<size_t>& order) {
  std::vector<T> result;
  result.reserve(items.size());
  for (size_t i : order) result.push_back(std::move(items[i]));
  return result;
}

}  // namespace storefront::shipping

#endif  // STOREFRONT_SDK_SHIPPING_ORDER_H_
