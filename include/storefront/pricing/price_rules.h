// The merchant's pricing rules: price lists, markdowns, price rounding rules, exchange rates and
// price history (docs/concepts/pricing.md).
//
// Built once from the snapshot by PricingRules::Build, which validates every reference against
// the catalog and indexes list entries and markdowns by what they select, so that resolving a
// line looks up only the rules that can match it, never all of them. Immutable afterwards.
#ifndef STOREFRONT_PRICING_PRICE_RULES_H_
#define STOREFRONT_PRICING_PRICE_RULES_H_

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/status/status.h"
#include "absl/strings/string_view.h"
#include "absl/time/time.h"
#include "storefront/catalog/catalog.h"
#include "storefront/money/decimal.h"
#include "storefront/money/money.h"

namespace storefront {

// What a list entry or markdown applies to. Specificity orders competing entries.
struct Selector {
  enum class Kind { kSku, kProduct, kCategory, kAttribute, kTag };
  Kind kind = Kind::kSku;
  std::string value;          // the SKU, product id, category id, tag, or attribute value
  std::string attribute_key;  // for kAttribute
  int category_depth = 0;     // for kCategory: deeper categories are more specific
  std::string key;            // SelectorKey(kind, value, attribute_key): filled by PromotionSet::Build,
                              // so matching a line against a promotion allocates nothing

  // sku 5, product 4, category 3, attribute 2, tag 1.
  int Specificity() const;
};

struct TimeWindow {
  std::optional<absl::Time> from;   // inclusive
  std::optional<absl::Time> until;  // exclusive

  bool Contains(absl::Time at) const {
    return (!from.has_value() || *from <= at) && (!until.has_value() || at < *until);
  }
};

struct Targeting {
  std::vector<std::string> customer_groups;
  std::vector<std::string> segments;
  std::vector<std::string> channels;
  std::vector<std::string> countries;

  // The number of dimensions this targeting constrains.
  int Specificity() const;
};

// A price set outright, or computed from the base price.
struct PriceEffect {
  std::optional<Money> price;      // absolute
  std::optional<Decimal> percent;  // base × (100 + percent) / 100
  std::optional<Money> amount;     // base + amount
};

struct Tier {
  int64_t min_quantity = 1;
  PriceEffect effect;
};

struct PriceListEntry {
  Selector selector;
  PriceEffect effect;       // unless tiers are given
  std::vector<Tier> tiers;  // ascending min_quantity, starting at 1
};

enum class TierBasis { kLine, kProduct };

struct PriceList {
  std::string id;
  const Currency* currency = nullptr;
  int64_t priority = 0;
  TimeWindow window;
  Targeting targeting;
  std::optional<bool> tax_inclusive;  // default: the snapshot's prices_include_tax
  TierBasis tier_basis = TierBasis::kLine;
  std::vector<PriceListEntry> entries;
};

struct Markdown {
  std::string id;
  Selector selector;
  std::optional<Decimal> percent;  // 0 < p <= 100
  std::vector<Money> amounts;      // per currency, positive
  TimeWindow window;
  int64_t priority = 0;
  std::vector<const Currency*> currencies;  // empty: every currency
  std::optional<Decimal> min_margin;
};

// The steps after which a price rounding rule may apply.
enum class PricingStep { kConversion, kPriceList, kMarkdown };

struct PriceRoundingRule {
  enum class Direction { kDown, kUp, kNearest };
  std::string id;
  const Currency* currency = nullptr;
  std::vector<PricingStep> applies_to;
  // Candidates are the prices p with p ≡ remainder (mod modulus), in minor units: ending "0.99"
  // in EUR is remainder 99, modulus 100; increment "0.05" is remainder 0, modulus 5.
  int64_t remainder = 0;
  int64_t modulus = 1;
  Direction direction = Direction::kNearest;

  bool AppliesTo(PricingStep step) const;
  // Never takes a positive price to <= 0 (it rounds up instead); leaves a zero price at zero.
  absl::StatusOr<Money> Apply(const Money& price) const;
};

struct ExchangeRate {
  const Currency* from = nullptr;
  const Currency* to = nullptr;
  Decimal rate;
};

struct PriceHistory {
  struct Point {
    absl::Time from;
    Money price;
  };
  std::string sku;
  const Currency* currency = nullptr;
  std::vector<Point> points;  // strictly increasing `from`

  // The lowest price in force at any moment of [window_start, at); nullopt without data.
  std::optional<Money> LowestBetween(absl::Time window_start, absl::Time at) const;
};

class PricingRules {
 public:
  struct Input {
    const Currency* base_currency = nullptr;
    bool prices_include_tax = false;
    std::vector<ExchangeRate> exchange_rates;
    std::vector<PriceList> price_lists;
    std::vector<Markdown> markdowns;
    std::vector<PriceRoundingRule> rounding_rules;
    std::vector<PriceHistory> price_history;
  };

  // Validates references against `catalog` and indexes. Errors carry snapshot paths
  // ("/price_lists/2/entries/0/sku").
  static absl::StatusOr<PricingRules> Build(Input input, const Catalog& catalog);

  PricingRules() = default;

  const Input& rules() const { return rules_; }
  const ExchangeRate* FindRate(const Currency& from, const Currency& to) const;
  const PriceRoundingRule* FindRoundingRule(const Currency& currency, PricingStep step) const;
  const PriceHistory* FindHistory(absl::string_view sku, const Currency& currency) const;

  // A reference to one list entry or markdown, found through the selector index.
  struct EntryRef {
    uint32_t list;
    uint32_t entry;
  };
  // Every list entry and markdown whose selector is `key` (see SelectorKeys in the resolver).
  absl::Span<const EntryRef> EntriesFor(absl::string_view key) const;
  absl::Span<const uint32_t> MarkdownsFor(absl::string_view key) const;

 private:
  Input rules_;
  absl::flat_hash_map<std::string, std::vector<EntryRef>> entries_by_key_;
  absl::flat_hash_map<std::string, std::vector<uint32_t>> markdowns_by_key_;
  absl::flat_hash_map<std::string, size_t> history_by_key_;  // "<currency>:<sku>" -> index
};

// The index key of a selector: "sku:TEE-M", "product:tee", "category:tops", "tag:cotton",
// "attribute:brand=Acme". A line looks up the keys of everything it is.
std::string SelectorKey(Selector::Kind kind, absl::string_view value, absl::string_view attribute_key = "");

// `unknown_sku`, `unknown_product` or `unknown_category` when `selector` names something the
// catalog does not have; the error path is `path` (the selector object) + "/sku" etc.
absl::Status CheckSelector(const Selector& selector, const Catalog& catalog, absl::string_view path);

}  // namespace storefront

#endif  // STOREFRONT_PRICING_PRICE_RULES_H_
