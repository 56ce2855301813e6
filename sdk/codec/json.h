// Reading JSON documents strictly and safely. Internal to the codec.
//
// nlohmann_json is used without exceptions: documents are built from SAX events by a builder
// that holds the byte and depth limits and reports syntax errors with their position; every
// accessor checks the JSON type first, so a wrong type is a `type_mismatch` error with its JSON Pointer, never a
// throw (which the wasm build turns into an abort).
#ifndef STOREFRONT_SDK_CODEC_JSON_H_
#define STOREFRONT_SDK_CODEC_JSON_H_

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "absl/container/flat_hash_set.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/time/time.h"
#include "nlohmann/json.hpp"
#include "storefront/catalog/catalog.h"
#include "storefront/money/money.h"

namespace storefront::codec {

// std::map-backed, so serialisation emits keys in byte order: the canonical form.
using Json = nlohmann::json;

struct TextLimits {
  int64_t max_bytes;
  int64_t max_depth;
};

// Parses `text` after checking its size and nesting depth. Errors carry `path` (the document's
// own location in the caller's input, "" for a top-level document).
absl::StatusOr<Json> ParseJsonText(absl::string_view text, const TextLimits& limits, absl::string_view path);

// Compact canonical serialisation: sorted keys, no spaces, UTF-8 as is.
std::string Canonical(const Json& value);
// As Canonical, with every whole number written with a fraction or exponent (1.0, 1e0) written as
// the integer JSON.stringify writes: a snapshot's GrowthBook numbers, hashed alike whether or not a
// JavaScript host re-serialised the document.
std::string CanonicalWithWholeNumbers(const Json& document);
// A GrowthBook binary64 as JSON: whole values as integers ("0", "1"), as JavaScript writes them.
Json Binary64Json(double number);  // purity-ok: GrowthBook numbers only

// RFC 6901: appends "/" + key with '~' and '/' escaped.
std::string ChildPath(absl::string_view parent, absl::string_view key);
std::string ChildPath(absl::string_view parent, size_t index);

// The JSON type of `value` in words ("a string", "a number with a fraction"), for messages.
std::string DescribeType(const Json& value);

absl::Status TypeMismatch(const Json& value, absl::string_view expected, absl::string_view path);

struct ReadContext {
  int64_t max_string_length;
};

// Typed readers. Each checks the type, the documented range, and the string-length limit.
absl::StatusOr<std::string> ReadString(const Json& value, absl::string_view path, const ReadContext& context);
// A non-empty string: ids, SKUs, codes.
absl::StatusOr<std::string> ReadIdentifier(const Json& value, absl::string_view path, const ReadContext& context);
// A JSON integer in [min, max]; outside is `out_of_range_code`.
absl::StatusOr<int64_t> ReadInteger(const Json& value, absl::string_view path, int64_t min, int64_t max,
                                    absl::string_view out_of_range_code);
absl::StatusOr<bool> ReadBoolean(const Json& value, absl::string_view path);
// Any JSON number, as the binary64 nlohmann parsed (correctly rounded, as JSON.parse does). Only
// GrowthBook's bucketing inputs are read this way (docs/design/experiment-bucketing-doubles.md);
// money is never a JSON number.
absl::StatusOr<double> ReadBinary64(const Json& value, absl::string_view path);  // purity-ok: bucketing only
// An RFC 3339 timestamp with an offset ("Z" or "+hh:mm"); anything else is `invalid_timestamp`.
absl::StatusOr<absl::Time> ReadTimestamp(const Json& value, absl::string_view path);
absl::StatusOr<const Currency*> ReadCurrency(const Json& value, absl::string_view path);
// Money must be a decimal string; a JSON number is `money_not_string`.
absl::StatusOr<Money> ReadMoney(const Json& value, absl::string_view path, const Currency& currency);
// Reads every element of a JSON array with `read(element, element_path, args...)`.
template <typename T, typename... Args>
absl::StatusOr<std::vector<T>> ReadArrayOf(const Json& value, absl::string_view path,
                                           absl::StatusOr<T> (*read)(const Json&, absl::string_view, const Args&...),
                                           const Args&... args);

// ISO 3166-1 alpha-2, upper case ("DE"): anything else is `invalid_value`, because a lower-case
// code in a rule could never match an address.
absl::StatusOr<std::string> ReadCountryCode(const Json& value, absl::string_view path, const ReadContext& context);
absl::StatusOr<std::vector<std::string>> ReadCountryList(const Json& value, absl::string_view path,
                                                         const ReadContext& context);

// A currency -> money map ({"EUR": "19.99"}); every currency must be one of `allowed`
// (`currency_not_allowed`).
absl::StatusOr<std::vector<Money>> ReadMoneyMap(const Json& value, absl::string_view path,
                                                const std::vector<const Currency*>& allowed);
// As ReadMoneyMap, for amounts that cannot be negative (prices, costs, floors): `invalid_value`.
absl::StatusOr<std::vector<Money>> ReadNonNegativeMoneyMap(const Json& value, absl::string_view path,
                                                           const std::vector<const Currency*>& allowed);
absl::StatusOr<std::vector<std::string>> ReadIdentifierList(const Json& value, absl::string_view path,
                                                            const ReadContext& context);
// A list of free text (possibly empty strings), e.g. coupon codes as the shopper typed them.
absl::StatusOr<std::vector<std::string>> ReadStringList(const Json& value, absl::string_view path,
                                                        const ReadContext& context);
// An object key used as an identifier: non-empty, within the string-length limit.
absl::Status CheckKey(absl::string_view key, absl::string_view path, const ReadContext& context);
// A JSON object of string values, sorted by key.
absl::StatusOr<Attributes> ReadStringMap(const Json& value, absl::string_view path, const ReadContext& context);
absl::StatusOr<const Json::array_t*> ReadArray(const Json& value, absl::string_view path);

// Reads the members of one JSON object and rejects any it was not asked for, so a misspelt
// field is an error instead of being silently ignored.
class ObjectReader {
 public:
  static absl::StatusOr<ObjectReader> Open(const Json& value, absl::string_view path);

  // The member `key`, or nullptr when absent; marks it as known.
  const Json* Find(absl::string_view key);
  // As Find, but absence is `missing_field`.
  absl::StatusOr<const Json*> Require(absl::string_view key);
  std::string PathOf(absl::string_view key) const { return ChildPath(path_, key); }
  const std::string& path() const { return path_; }

  // Reads member `key` into `out` with `read(value, path, args...)` when it is present; an
  // absent member leaves `out` at its default.
  template <typename T, typename Reader, typename... Args>
  absl::Status Optional(absl::string_view key, T& out, Reader read, const Args&... args) {
    const Json* value = Find(key);
    return value == nullptr ? absl::OkStatus() : Assign(key, *value, out, read, args...);
  }

  // As Optional, but absence is `missing_field`.
  template <typename T, typename Reader, typename... Args>
  absl::Status Required(absl::string_view key, T& out, Reader read, const Args&... args) {
    absl::StatusOr<const Json*> value = Require(key);
    return value.ok() ? Assign(key, **value, out, read, args...) : value.status();
  }

  // `unknown_field` for the first member (in key order) that no Find/Require asked for.
  absl::Status RejectUnknownFields() const;

 private:
  ObjectReader(const Json::object_t& object, absl::string_view path) : object_(&object), path_(path) {}

  template <typename T, typename Reader, typename... Args>
  absl::Status Assign(absl::string_view key, const Json& value, T& out, Reader read, const Args&... args) {
    auto result = read(value, PathOf(key), args...);
    if (!result.ok()) return result.status();
    out = *std::move(result);
    return absl::OkStatus();
  }

  const Json::object_t* object_;
  std::string path_;
  absl::flat_hash_set<std::string> known_;
};

template <typename T, typename... Args>
absl::StatusOr<std::vector<T>> ReadArrayOf(const Json& value, absl::string_view path,
                                           absl::StatusOr<T> (*read)(const Json&, absl::string_view, const Args&...),
                                           const Args&... args) {
  absl::StatusOr<const Json::array_t*> items = ReadArray(value, path);
  if (!items.ok()) return items.status();
  std::vector<T> result;
  result.reserve((*items)->size());
  for (size_t i = 0; i < (*items)->size(); ++i) {
    absl::StatusOr<T> item = read((**items)[i], ChildPath(path, i), args...);
    if (!item.ok()) return item.status();
    result.push_back(*std::move(item));
  }
  return result;
}

}  // namespace storefront::codec

#endif  // STOREFRONT_SDK_CODEC_JSON_H_
