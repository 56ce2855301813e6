#include "storefront/pricing/price_rules.h"

#include <algorithm>
#include <utility>

#include "absl/container/flat_hash_set.h"
#include "absl/strings/str_cat.h"
#include "storefront/base/error.h"
#include "storefront/base/status_macros.h"

namespace storefront {
namespace {

absl::Status CheckTiers(const std::vector<Tier>& tiers, absl::string_view path) {
  for (size_t i = 0; i < tiers.size(); ++i) {
    const bool ok = i == 0 ? tiers[i].min_quantity == 1 : tiers[i].min_quantity > tiers[i - 1].min_quantity;
    if (!ok) {
      return InputError(error_code::kInvalidTiers,
                        i == 0 ? "the first tier must start at quantity 1" : "tiers must strictly increase",
                        absl::StrCat(path, "/tiers/", i, "/min_quantity"));
    }
  }
  return absl::OkStatus();
}

template <typename T>
absl::Status CheckUniqueIds(const std::vector<T>& items, absl::string_view collection) {
  absl::flat_hash_set<absl::string_view> seen;
  for (size_t i = 0; i < items.size(); ++i) {
    if (!seen.insert(items[i].id).second) {
      return InputError(error_code::kDuplicateId, absl::StrCat("\"", items[i].id, "\" is defined twice"),
                        absl::StrCat("/", collection, "/", i, "/id"));
    }
  }
  return absl::OkStatus();
}

}  // namespace

// Tags and attribute values are free text: a rule may be written before the product that carries them.
absl::Status CheckSelector(const Selector& selector, const Catalog& catalog, absl::string_view path) {
  switch (selector.kind) {
    case Selector::Kind::kSku:
      if (!catalog.FindSku(selector.value).has_value()) {
        return InputError(error_code::kUnknownSku, absl::StrCat("no variant has SKU \"", selector.value, "\""),
                          absl::StrCat(path, "/sku"));
      }
      break;
    case Selector::Kind::kProduct:
      if (catalog.FindProduct(selector.value) == nullptr) {
        return InputError(error_code::kUnknownProduct, absl::StrCat("no product has id \"", selector.value, "\""),
                          absl::StrCat(path, "/product"));
      }
      break;
    case Selector::Kind::kCategory:
      if (!catalog.CategoryDepth(selector.value).has_value()) {
        return InputError(error_code::kUnknownCategory,
                          absl::StrCat("category \"", selector.value, "\" does not exist"),
                          absl::StrCat(path, "/category"));
      }
      break;
    default:
      break;
  }
  return absl::OkStatus();
}

int Selector::Specificity() const {
  switch (kind) {
    case Kind::kSku:
      return 5;
    case Kind::kProduct:
      return 4;
    case Kind::kCategory:
      return 3;
    case Kind::kAttribute:
      return 2;
    case Kind::kTag:
      return 1;
  }
  return 0;
}

int Targeting::Specificity() const {
  return !customer_groups.empty() + !segments.empty() + !channels.empty() + !countries.empty();
}

bool PriceRoundingRule::AppliesTo(PricingStep step) const {
  return std::find(applies_to.begin(), applies_to.end(), step) != applies_to.end();
}

absl::StatusOr<Money> PriceRoundingRule::Apply(const Money& price) const {
  // Rounding rules shape positive prices. A price that reached zero (a 100 % markdown, an
  // adjustment clamped at zero) is free on purpose and stays free.
  if (price.minor_units() <= 0) return price;
  const absl::int128 p = price.minor_units();
  // The largest candidate <= p, by floor division of (p - remainder) by the modulus.
  absl::int128 offset = p - remainder;
  absl::int128 steps = offset / modulus;
  if (offset % modulus != 0 && offset < 0) steps -= 1;
  const absl::int128 down = steps * modulus + remainder;
  const absl::int128 up = down == p ? down : down + modulus;
  absl::int128 result = up;
  if (direction == Direction::kDown) result = down;
  if (direction == Direction::kNearest) result = (p - down) < (up - p) ? down : up;  // ties go up
  if (result <= 0) result = up > 0 ? up : up + modulus;
  return MoneyFromInt128(result, price.currency());
}

std::optional<Money> PriceHistory::LowestBetween(absl::Time window_start, absl::Time at) const {
  std::optional<Money> lowest;
  for (size_t i = 0; i < points.size(); ++i) {
    const absl::Time starts = points[i].from;
    const bool ends_in_window = i + 1 == points.size() || points[i + 1].from > window_start;
    if (starts < at && ends_in_window) {
      if (!lowest.has_value() || points[i].price.minor_units() < lowest->minor_units()) lowest = points[i].price;
    }
  }
  return lowest;
}

std::string SelectorKey(Selector::Kind kind, absl::string_view value, absl::string_view attribute_key) {
  switch (kind) {
    case Selector::Kind::kSku:
      return absl::StrCat("sku:", value);
    case Selector::Kind::kProduct:
      return absl::StrCat("product:", value);
    case Selector::Kind::kCategory:
      return absl::StrCat("category:", value);
    case Selector::Kind::kTag:
      return absl::StrCat("tag:", value);
    case Selector::Kind::kAttribute:
      // Length-prefixed so that no key/value pair can spell another.
      return absl::StrCat("attribute:", attribute_key.size(), ":", attribute_key, "=", value);
  }
  return "";
}

absl::StatusOr<PricingRules> PricingRules::Build(Input input, const Catalog& catalog) {
  SF_RETURN_IF_ERROR(CheckUniqueIds(input.price_lists, "price_lists"));
  SF_RETURN_IF_ERROR(CheckUniqueIds(input.markdowns, "markdowns"));
  SF_RETURN_IF_ERROR(CheckUniqueIds(input.rounding_rules, "price_rounding"));
  PricingRules rules;
  for (size_t l = 0; l < input.price_lists.size(); ++l) {
    PriceList& list = input.price_lists[l];
    for (size_t e = 0; e < list.entries.size(); ++e) {
      PriceListEntry& entry = list.entries[e];
      const std::string path = absl::StrCat("/price_lists/", l, "/entries/", e);
      SF_RETURN_IF_ERROR(CheckSelector(entry.selector, catalog, path));
      SF_RETURN_IF_ERROR(CheckTiers(entry.tiers, path));
      if (entry.selector.kind == Selector::Kind::kCategory) {
        entry.selector.category_depth = *catalog.CategoryDepth(entry.selector.value);
      }
      rules.entries_by_key_[SelectorKey(entry.selector.kind, entry.selector.value, entry.selector.attribute_key)]
          .push_back({static_cast<uint32_t>(l), static_cast<uint32_t>(e)});
    }
  }
  for (size_t m = 0; m < input.markdowns.size(); ++m) {
    const Selector& selector = input.markdowns[m].selector;
    SF_RETURN_IF_ERROR(CheckSelector(selector, catalog, absl::StrCat("/markdowns/", m, "/selector")));
    rules.markdowns_by_key_[SelectorKey(selector.kind, selector.value, selector.attribute_key)].push_back(
        static_cast<uint32_t>(m));
  }
  for (size_t h = 0; h < input.price_history.size(); ++h) {
    const PriceHistory& history = input.price_history[h];
    if (!rules.history_by_key_.emplace(absl::StrCat(history.currency->code, ":", history.sku), h).second) {
      return InputError(error_code::kDuplicateId, "a second history for the same SKU and currency",
                        absl::StrCat("/price_history/", h));
    }
    if (!catalog.FindSku(input.price_history[h].sku).has_value()) {
      return InputError(error_code::kUnknownSku,
                        absl::StrCat("no variant has SKU \"", input.price_history[h].sku, "\""),
                        absl::StrCat("/price_history/", h, "/sku"));
    }
  }
  rules.rules_ = std::move(input);
  return rules;
}

const ExchangeRate* PricingRules::FindRate(const Currency& from, const Currency& to) const {
  for (const ExchangeRate& rate : rules_.exchange_rates) {
    if (rate.from == &from && rate.to == &to) return &rate;
  }
  return nullptr;
}

const PriceRoundingRule* PricingRules::FindRoundingRule(const Currency& currency, PricingStep step) const {
  for (const PriceRoundingRule& rule : rules_.rounding_rules) {
    if (rule.currency == &currency && rule.AppliesTo(step)) return &rule;
  }
  return nullptr;
}

const PriceHistory* PricingRules::FindHistory(absl::string_view sku, const Currency& currency) const {
  auto it = history_by_key_.find(absl::StrCat(currency.code, ":", sku));
  return it == history_by_key_.end() ? nullptr : &rules_.price_history[it->second];
}

absl::Span<const PricingRules::EntryRef> PricingRules::EntriesFor(absl::string_view key) const {
  auto it = entries_by_key_.find(key);
  return it == entries_by_key_.end() ? absl::Span<const EntryRef>() : absl::MakeConstSpan(it->second);
}

absl::Span<const uint32_t> PricingRules::MarkdownsFor(absl::string_view key) const {
  auto it = markdowns_by_key_.find(key);
  return it == markdowns_by_key_.end() ? absl::Span<const uint32_t>() : absl::MakeConstSpan(it->second);
}

}  // namespace storefront
