#include "pricing/rule_matching.h"

#include <algorithm>
#include <tuple>

#include "absl/container/flat_hash_set.h"
#include "money/digits.h"
#include "storefront/base/status_macros.h"

namespace storefront::pricing {
namespace {

bool Contains(const std::vector<std::string>& list, absl::string_view value) {
  return std::find(list.begin(), list.end(), value) != list.end();
}

bool AnyOf(const std::vector<std::string>& wanted, const std::vector<std::string>& have) {
  for (const std::string& value : have) {
    if (Contains(wanted, value)) return true;
  }
  return false;
}

// A dimension the list does not name matches everyone; one it names needs the cart to match.
bool Matches(const Targeting& targeting, const CartRequest& cart) {
  static const std::vector<std::string> kNone;
  const std::vector<std::string>& groups = cart.customer.has_value() ? cart.customer->groups : kNone;
  const std::vector<std::string>& segments = cart.customer.has_value() ? cart.customer->segments : kNone;
  if (!targeting.customer_groups.empty() && !AnyOf(targeting.customer_groups, groups)) return false;
  if (!targeting.segments.empty() && !AnyOf(targeting.segments, segments)) return false;
  if (!targeting.channels.empty() && (cart.channel.empty() || !Contains(targeting.channels, cart.channel)))
    return false;
  if (!targeting.countries.empty() &&
      (!cart.shipping_address.has_value() || !Contains(targeting.countries, cart.shipping_address->country))) {
    return false;
  }
  return true;
}

// Whether entry `a` wins over entry `b`, by the documented selection order: targeting
// specificity, list priority, selector specificity (deeper categories first), all descending;
// then list id and entry position, ascending.
bool Precedes(const PricingRules& rules, const PricingRules::EntryRef& a, const PricingRules::EntryRef& b) {
  const PriceList& list_a = rules.rules().price_lists[a.list];
  const PriceList& list_b = rules.rules().price_lists[b.list];
  const Selector& selector_a = list_a.entries[a.entry].selector;
  const Selector& selector_b = list_b.entries[b.entry].selector;
  const auto rank_a = std::make_tuple(list_a.targeting.Specificity(), list_a.priority, selector_a.Specificity(),
                                      selector_a.category_depth);
  const auto rank_b = std::make_tuple(list_b.targeting.Specificity(), list_b.priority, selector_b.Specificity(),
                                      selector_b.category_depth);
  if (rank_a != rank_b) return rank_a > rank_b;
  return std::tie(list_a.id, a.entry) < std::tie(list_b.id, b.entry);
}

// Appends the keys of `product`: its id, categories with ancestors, tags, then the attributes
// `overrides` followed by each product attribute that `overrides` does not replace.
void AppendProductKeys(const Catalog& catalog, const Product& product, const Attributes& overrides,
                       std::vector<std::string>& keys) {
  keys.push_back(SelectorKey(Selector::Kind::kProduct, product.id));
  for (const std::string& category : catalog.CategoryClosure(product)) {
    keys.push_back(SelectorKey(Selector::Kind::kCategory, category));
  }
  for (const std::string& tag : product.tags) keys.push_back(SelectorKey(Selector::Kind::kTag, tag));
  for (const auto& [key, value] : overrides) keys.push_back(SelectorKey(Selector::Kind::kAttribute, value, key));
  for (const auto& [key, value] : product.attributes) {
    const bool overridden = std::any_of(overrides.begin(), overrides.end(),
                                        [&, &k = key](const auto& attribute) { return attribute.first == k; });
    if (!overridden) keys.push_back(SelectorKey(Selector::Kind::kAttribute, value, key));
  }
}

}  // namespace

std::vector<std::string> LineKeys(const Catalog& catalog, const Product& product, const Variant& variant) {
  std::vector<std::string> keys = {SelectorKey(Selector::Kind::kSku, variant.sku)};
  // Variant attributes override the product's attribute of the same key.
  AppendProductKeys(catalog, product, variant.attributes, keys);
  return keys;
}

std::vector<std::string> SortedProductKeys(const Catalog& catalog, const Product& product) {
  std::vector<std::string> keys;
  AppendProductKeys(catalog, product, Attributes(), keys);
  std::sort(keys.begin(), keys.end());
  return keys;
}

std::vector<std::string> SortedLineKeys(const Catalog& catalog, const Product& product, const Variant& variant) {
  std::vector<std::string> keys = LineKeys(catalog, product, variant);
  std::sort(keys.begin(), keys.end());
  return keys;
}

bool MatchesAny(absl::Span<const Selector> items, const std::vector<std::string>& sorted_keys) {
  if (items.empty()) return true;
  return std::any_of(items.begin(), items.end(), [&](const Selector& selector) {
    return std::binary_search(sorted_keys.begin(), sorted_keys.end(), selector.key);
  });
}

std::vector<bool> EligibleLists(const PricingRules& rules, const ExperimentSet& experiments, const CartRequest& cart) {
  const std::vector<PriceList>& lists = rules.rules().price_lists;
  std::vector<bool> eligible(lists.size());
  for (size_t i = 0; i < lists.size(); ++i) {
    eligible[i] = lists[i].currency == cart.currency && lists[i].window.Contains(cart.at) &&
                  Matches(lists[i].targeting, cart) && experiments.AllowsPriceList(lists[i].id, cart);
  }
  return eligible;
}

std::optional<PricingRules::EntryRef> SelectEntry(const PricingRules& rules, const std::vector<bool>& eligible,
                                                  const std::vector<std::string>& keys) {
  std::optional<PricingRules::EntryRef> best;
  for (const std::string& key : keys) {
    for (const PricingRules::EntryRef& ref : rules.EntriesFor(key)) {
      if (eligible[ref.list] && (!best.has_value() || Precedes(rules, ref, *best))) best = ref;
    }
  }
  return best;
}

absl::StatusOr<std::optional<MarkdownChoice>> SelectMarkdown(const PricingRules& rules, const CartRequest& cart,
                                                             const std::vector<std::string>& keys, const Money& price,
                                                             RoundingMode rounding) {
  std::optional<MarkdownChoice> best;
  absl::flat_hash_set<uint32_t> seen;  // a markdown filed under two of the line's keys counts once
  for (const std::string& key : keys) {
    for (uint32_t index : rules.MarkdownsFor(key)) {
      if (!seen.insert(index).second) continue;
      const Markdown& markdown = rules.rules().markdowns[index];
      if (!markdown.window.Contains(cart.at)) continue;
      if (!markdown.currencies.empty() && std::find(markdown.currencies.begin(), markdown.currencies.end(),
                                                    cart.currency) == markdown.currencies.end()) {
        continue;
      }
      std::optional<Money> reduction;
      if (markdown.percent.has_value()) {
        const absl::int128 exact = absl::int128(price.minor_units()) * markdown.percent->coefficient();
        const absl::int128 scale = money_internal::PowerOfTen(markdown.percent->scale()) * 100;
        SF_ASSIGN_OR_RETURN(reduction, MoneyFromInt128(DivideAndRound(exact, scale, rounding), price.currency()));
      } else {
        for (const Money& amount : markdown.amounts) {
          if (&amount.currency() == cart.currency) reduction = amount;
        }
      }
      if (!reduction.has_value()) continue;                                   // no amount in this currency
      if (reduction->minor_units() > price.minor_units()) reduction = price;  // never below zero
      const MarkdownChoice candidate{&markdown, *reduction};
      const bool better =
          !best.has_value() || markdown.priority > best->markdown->priority ||
          (markdown.priority == best->markdown->priority &&
           (reduction->minor_units() > best->reduction.minor_units() ||
            (reduction->minor_units() == best->reduction.minor_units() && markdown.id < best->markdown->id)));
      if (better) best = candidate;
    }
  }
  return best;
}

}  // namespace storefront::pricing
