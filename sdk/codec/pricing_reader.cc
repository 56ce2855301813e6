#include "codec/pricing_reader.h"

#include <utility>

#include "absl/strings/str_cat.h"
#include "money/digits.h"
#include "storefront/base/error.h"
#include "storefront/base/status_macros.h"

namespace storefront::codec {
namespace {

absl::Status Invalid(absl::string_view message, absl::string_view path) {
  return InputError(error_code::kInvalidValue, message, path);
}

// {"percent": "-10"} or {"amount": "-1.00"}, into `effect`.
absl::Status ReadAdjustment(const Json& value, absl::string_view path, const Currency& currency, PriceEffect& effect) {
  SF_ASSIGN_OR_RETURN(ObjectReader reader, ObjectReader::Open(value, path));
  const Json* percent = reader.Find("percent");
  const Json* amount = reader.Find("amount");
  if ((percent == nullptr) == (amount == nullptr)) return Invalid("give exactly one of percent and amount", path);
  if (percent != nullptr) {
    SF_ASSIGN_OR_RETURN(effect.percent, ReadDecimalIn(*percent, reader.PathOf("percent"), -100, 1000));
  } else {
    SF_ASSIGN_OR_RETURN(effect.amount, ReadMoney(*amount, reader.PathOf("amount"), currency));
  }
  return reader.RejectUnknownFields();
}

// Exactly one way to set the price: "price", "adjust", or (for list entries) "tiers", which the
// caller has read and counts in `other_forms`.
absl::Status ReadEffect(ObjectReader& reader, const Currency& currency, int other_forms, absl::string_view forms,
                        PriceEffect& effect) {
  const Json* price = reader.Find("price");
  const Json* adjust = reader.Find("adjust");
  if ((price != nullptr) + (adjust != nullptr) + other_forms != 1) {
    return Invalid(absl::StrCat("give exactly one of ", forms), reader.path());
  }
  if (price != nullptr) {
    SF_ASSIGN_OR_RETURN(effect.price, ReadMoney(*price, reader.PathOf("price"), currency));
    if (effect.price->is_negative()) return Invalid("a price must not be negative", reader.PathOf("price"));
  }
  if (adjust != nullptr) {
    SF_RETURN_IF_ERROR(ReadAdjustment(*adjust, reader.PathOf("adjust"), currency, effect));
  }
  return absl::OkStatus();
}

absl::StatusOr<Tier> ReadTier(const Json& value, absl::string_view path, const Currency& currency) {
  SF_ASSIGN_OR_RETURN(ObjectReader reader, ObjectReader::Open(value, path));
  Tier tier;
  SF_RETURN_IF_ERROR(
      reader.Required("min_quantity", tier.min_quantity, ReadInteger, 1, INT64_MAX, error_code::kInvalidTiers));
  SF_RETURN_IF_ERROR(ReadEffect(reader, currency, 0, "price and adjust", tier.effect));
  SF_RETURN_IF_ERROR(reader.RejectUnknownFields());
  return tier;
}

absl::StatusOr<std::vector<Tier>> ReadTiers(const Json& value, absl::string_view path, const Currency& currency) {
  SF_ASSIGN_OR_RETURN(std::vector<Tier> tiers, (ReadArrayOf<Tier, Currency>(value, path, ReadTier, currency)));
  if (tiers.empty()) return InputError(error_code::kInvalidTiers, "at least one tier is needed", path);
  return tiers;
}

absl::StatusOr<PriceListEntry> ReadEntry(const Json& value, absl::string_view path, const ReadContext& context,
                                         const Currency& currency) {
  SF_ASSIGN_OR_RETURN(ObjectReader reader, ObjectReader::Open(value, path));
  PriceListEntry entry;
  SF_ASSIGN_OR_RETURN(entry.selector, ReadSelector(reader, context));
  SF_RETURN_IF_ERROR(reader.Optional("tiers", entry.tiers, ReadTiers, currency));
  SF_RETURN_IF_ERROR(
      ReadEffect(reader, currency, reader.Find("tiers") != nullptr, "price, adjust and tiers", entry.effect));
  SF_RETURN_IF_ERROR(reader.RejectUnknownFields());
  return entry;
}

absl::StatusOr<Targeting> ReadTargeting(const Json& value, absl::string_view path, const ReadContext& context) {
  SF_ASSIGN_OR_RETURN(ObjectReader reader, ObjectReader::Open(value, path));
  Targeting targeting;
  SF_RETURN_IF_ERROR(reader.Optional("customer_groups", targeting.customer_groups, ReadIdentifierList, context));
  SF_RETURN_IF_ERROR(reader.Optional("segments", targeting.segments, ReadIdentifierList, context));
  SF_RETURN_IF_ERROR(reader.Optional("channels", targeting.channels, ReadIdentifierList, context));
  SF_RETURN_IF_ERROR(reader.Optional("countries", targeting.countries, ReadCountryList, context));
  SF_RETURN_IF_ERROR(reader.RejectUnknownFields());
  return targeting;
}

absl::StatusOr<TierBasis> ReadTierBasis(const Json& value, absl::string_view path) {
  if (value == "line") return TierBasis::kLine;
  if (value == "product") return TierBasis::kProduct;
  return Invalid("tier_basis is \"line\" or \"product\"", path);
}

absl::StatusOr<PriceList> ReadPriceList(const Json& value, absl::string_view path, const SnapshotContext& snapshot) {
  SF_ASSIGN_OR_RETURN(ObjectReader reader, ObjectReader::Open(value, path));
  PriceList list;
  SF_RETURN_IF_ERROR(reader.Required("id", list.id, ReadIdentifier, snapshot.read));
  SF_RETURN_IF_ERROR(reader.Required("currency", list.currency, ReadListedCurrency, snapshot.currencies));
  SF_RETURN_IF_ERROR(
      reader.Optional("priority", list.priority, ReadInteger, -1'000'000, 1'000'000, error_code::kInvalidValue));
  SF_ASSIGN_OR_RETURN(list.window, ReadWindow(reader));
  SF_RETURN_IF_ERROR(reader.Optional("targeting", list.targeting, ReadTargeting, snapshot.read));
  SF_RETURN_IF_ERROR(reader.Optional("tax_inclusive", list.tax_inclusive, ReadBoolean));
  SF_RETURN_IF_ERROR(reader.Optional("tier_basis", list.tier_basis, ReadTierBasis));
  SF_RETURN_IF_ERROR(reader.Required("entries", list.entries, ReadArrayOf<PriceListEntry, ReadContext, Currency>,
                                     ReadEntry, snapshot.read, *list.currency));
  SF_RETURN_IF_ERROR(reader.RejectUnknownFields());
  return list;
}

absl::StatusOr<Markdown> ReadMarkdown(const Json& value, absl::string_view path, const SnapshotContext& snapshot) {
  SF_ASSIGN_OR_RETURN(ObjectReader reader, ObjectReader::Open(value, path));
  Markdown markdown;
  SF_RETURN_IF_ERROR(reader.Required("id", markdown.id, ReadIdentifier, snapshot.read));
  SF_ASSIGN_OR_RETURN(const Json* selector, reader.Require("selector"));
  SF_ASSIGN_OR_RETURN(ObjectReader selector_reader, ObjectReader::Open(*selector, reader.PathOf("selector")));
  SF_ASSIGN_OR_RETURN(markdown.selector, ReadSelector(selector_reader, snapshot.read));
  SF_RETURN_IF_ERROR(selector_reader.RejectUnknownFields());
  const Json* percent = reader.Find("percent");
  const Json* amount = reader.Find("amount");
  if ((percent == nullptr) == (amount == nullptr)) return Invalid("give exactly one of percent and amount", path);
  if (percent != nullptr) {
    SF_ASSIGN_OR_RETURN(markdown.percent, ReadDecimalIn(*percent, reader.PathOf("percent"), 0, 100));
  }
  if (amount != nullptr) {
    SF_ASSIGN_OR_RETURN(markdown.amounts, ReadMoneyMap(*amount, reader.PathOf("amount"), snapshot.currencies));
    if (markdown.amounts.empty()) return Invalid("give the amount in at least one currency", reader.PathOf("amount"));
    for (const Money& off : markdown.amounts) {
      if (off.minor_units() <= 0)
        return Invalid("a markdown amount must be positive", ChildPath(reader.PathOf("amount"), off.currency().code));
    }
  }
  SF_ASSIGN_OR_RETURN(markdown.window, ReadWindow(reader));
  SF_RETURN_IF_ERROR(
      reader.Optional("priority", markdown.priority, ReadInteger, -1'000'000, 1'000'000, error_code::kInvalidValue));
  SF_RETURN_IF_ERROR(reader.Optional("currencies", markdown.currencies,
                                     ReadArrayOf<const Currency*, std::vector<const Currency*>>, ReadListedCurrency,
                                     snapshot.currencies));
  SF_RETURN_IF_ERROR(reader.Optional("min_margin", markdown.min_margin, ReadMargin));
  SF_RETURN_IF_ERROR(reader.RejectUnknownFields());
  return markdown;
}

absl::StatusOr<PricingStep> ReadStep(const Json& value, absl::string_view path) {
  if (value == "conversion") return PricingStep::kConversion;
  if (value == "price_list") return PricingStep::kPriceList;
  if (value == "markdown") return PricingStep::kMarkdown;
  return Invalid("a step is \"conversion\", \"price_list\" or \"markdown\"", path);
}

absl::StatusOr<PriceRoundingRule::Direction> ReadDirection(const Json& value, absl::string_view path) {
  if (value == "down") return PriceRoundingRule::Direction::kDown;
  if (value == "up") return PriceRoundingRule::Direction::kUp;
  if (value == "nearest") return PriceRoundingRule::Direction::kNearest;
  return Invalid("direction is \"down\", \"up\" or \"nearest\"", path);
}

// A money string in `currency` whose digit-level problems are reported as invalid_value: for a
// rule parameter the question is only "is this a usable ending/increment".
absl::StatusOr<Money> ReadRuleAmount(const Json& value, absl::string_view path, const Currency& currency) {
  absl::StatusOr<Money> amount = ReadMoney(value, path, currency);
  if (!amount.ok()) return Invalid(amount.status().message(), path);
  return amount;
}

absl::StatusOr<PriceRoundingRule> ReadRoundingRule(const Json& value, absl::string_view path,
                                                   const SnapshotContext& snapshot) {
  SF_ASSIGN_OR_RETURN(ObjectReader reader, ObjectReader::Open(value, path));
  PriceRoundingRule rule;
  SF_RETURN_IF_ERROR(reader.Required("id", rule.id, ReadIdentifier, snapshot.read));
  SF_RETURN_IF_ERROR(reader.Required("currency", rule.currency, ReadListedCurrency, snapshot.currencies));
  SF_RETURN_IF_ERROR(reader.Required("applies_to", rule.applies_to, ReadArrayOf<PricingStep>, ReadStep));
  if (rule.applies_to.empty()) return Invalid("name at least one step", reader.PathOf("applies_to"));
  SF_RETURN_IF_ERROR(reader.Required("direction", rule.direction, ReadDirection));
  const Json* ending = reader.Find("ending");
  const Json* increment = reader.Find("increment");
  if ((ending == nullptr) == (increment == nullptr)) return Invalid("give exactly one of ending and increment", path);
  if (ending != nullptr) {
    // "0.99": prices x.99 (modulus one unit); "9": prices ...9 (modulus ten units); "9.99": ...9.99.
    SF_ASSIGN_OR_RETURN(Money amount, ReadRuleAmount(*ending, reader.PathOf("ending"), *rule.currency));
    const std::string& text = ending->get_ref<const std::string&>();
    const size_t dot = text.find('.');
    const size_t integer_digits = money_internal::StripLeadingZeros(text.substr(0, dot)).size();
    rule.modulus = static_cast<int64_t>(
        money_internal::PowerOfTen(static_cast<int32_t>(integer_digits) + rule.currency->minor_digits));
    rule.remainder = amount.minor_units();
    if (rule.remainder < 0) return Invalid("an ending must not be negative", reader.PathOf("ending"));
  } else {
    SF_ASSIGN_OR_RETURN(Money amount, ReadRuleAmount(*increment, reader.PathOf("increment"), *rule.currency));
    if (amount.minor_units() <= 0) return Invalid("an increment must be positive", reader.PathOf("increment"));
    rule.modulus = amount.minor_units();
  }
  SF_RETURN_IF_ERROR(reader.RejectUnknownFields());
  return rule;
}

absl::StatusOr<ExchangeRate> ReadExchangeRate(const Json& value, absl::string_view path,
                                              const SnapshotContext& snapshot) {
  SF_ASSIGN_OR_RETURN(ObjectReader reader, ObjectReader::Open(value, path));
  ExchangeRate rate;
  SF_RETURN_IF_ERROR(reader.Required("from", rate.from, ReadListedCurrency, snapshot.currencies));
  if (rate.from != snapshot.base_currency) {
    return Invalid("rates convert from settings.base_currency", reader.PathOf("from"));
  }
  SF_RETURN_IF_ERROR(reader.Required("to", rate.to, ReadListedCurrency, snapshot.currencies));
  SF_ASSIGN_OR_RETURN(const Json* rate_value, reader.Require("rate"));
  SF_ASSIGN_OR_RETURN(rate.rate, ReadDecimal(*rate_value, reader.PathOf("rate")));
  if (rate.rate.coefficient() <= 0) return Invalid("a rate must be positive", reader.PathOf("rate"));
  SF_RETURN_IF_ERROR(reader.RejectUnknownFields());
  return rate;
}

absl::StatusOr<PriceHistory::Point> ReadHistoryPoint(const Json& value, absl::string_view path,
                                                     const Currency& currency) {
  SF_ASSIGN_OR_RETURN(ObjectReader reader, ObjectReader::Open(value, path));
  PriceHistory::Point point{absl::Time(), Money::Zero(currency)};
  SF_RETURN_IF_ERROR(reader.Required("from", point.from, ReadTimestamp));
  SF_RETURN_IF_ERROR(reader.Required("price", point.price, ReadMoney, currency));
  if (point.price.is_negative()) return Invalid("a price must not be negative", reader.PathOf("price"));
  SF_RETURN_IF_ERROR(reader.RejectUnknownFields());
  return point;
}

absl::StatusOr<PriceHistory> ReadHistory(const Json& value, absl::string_view path, const SnapshotContext& snapshot) {
  SF_ASSIGN_OR_RETURN(ObjectReader reader, ObjectReader::Open(value, path));
  PriceHistory history;
  SF_RETURN_IF_ERROR(reader.Required("sku", history.sku, ReadIdentifier, snapshot.read));
  SF_RETURN_IF_ERROR(reader.Required("currency", history.currency, ReadListedCurrency, snapshot.currencies));
  SF_RETURN_IF_ERROR(reader.Required("prices", history.points, ReadArrayOf<PriceHistory::Point, Currency>,
                                     ReadHistoryPoint, *history.currency));
  for (size_t i = 1; i < history.points.size(); ++i) {
    if (history.points[i].from <= history.points[i - 1].from) {
      return Invalid("history entries must be in strictly increasing order of from",
                     absl::StrCat(reader.PathOf("prices"), "/", i, "/from"));
    }
  }
  SF_RETURN_IF_ERROR(reader.RejectUnknownFields());
  return history;
}

}  // namespace

absl::StatusOr<Decimal> ReadDecimal(const Json& value, absl::string_view path) {
  if (!value.is_string()) return TypeMismatch(value, "a decimal string", path);
  absl::StatusOr<Decimal> decimal = Decimal::Parse(value.get_ref<const std::string&>());
  if (!decimal.ok()) return PrefixErrorPath(decimal.status(), path);
  return decimal;
}

absl::StatusOr<Decimal> ReadDecimalIn(const Json& value, absl::string_view path, int64_t low, int64_t high) {
  SF_ASSIGN_OR_RETURN(Decimal decimal, ReadDecimal(value, path));
  const absl::int128 scale = money_internal::PowerOfTen(decimal.scale());
  if (decimal.coefficient() <= low * scale || decimal.coefficient() > high * scale) {
    return Invalid(absl::StrCat("must be above ", low, " and at most ", high), path);
  }
  return decimal;
}

absl::StatusOr<const Currency*> ReadListedCurrency(const Json& value, absl::string_view path,
                                                   const std::vector<const Currency*>& allowed) {
  SF_ASSIGN_OR_RETURN(const Currency* currency, ReadCurrency(value, path));
  for (const Currency* c : allowed) {
    if (c == currency) return currency;
  }
  return InputError(error_code::kCurrencyNotAllowed,
                    absl::StrCat(currency->code, " is not in the snapshot's currencies"), path);
}

absl::StatusOr<Selector> ReadSelector(ObjectReader& reader, const ReadContext& context) {
  Selector selector;
  int found = 0;
  constexpr std::pair<absl::string_view, Selector::Kind> kKinds[] = {
      {"sku", Selector::Kind::kSku},
      {"product", Selector::Kind::kProduct},
      {"category", Selector::Kind::kCategory},
      {"tag", Selector::Kind::kTag},
  };
  for (const auto& [key, kind] : kKinds) {
    if (const Json* value = reader.Find(key)) {
      SF_ASSIGN_OR_RETURN(selector.value, ReadIdentifier(*value, reader.PathOf(key), context));
      selector.kind = kind;
      ++found;
    }
  }
  if (const Json* attribute = reader.Find("attribute")) {
    SF_ASSIGN_OR_RETURN(ObjectReader pair, ObjectReader::Open(*attribute, reader.PathOf("attribute")));
    SF_RETURN_IF_ERROR(pair.Required("key", selector.attribute_key, ReadIdentifier, context));
    SF_RETURN_IF_ERROR(pair.Required("value", selector.value, ReadString, context));
    SF_RETURN_IF_ERROR(pair.RejectUnknownFields());
    selector.kind = Selector::Kind::kAttribute;
    ++found;
  }
  if (found != 1) return Invalid("give exactly one of sku, product, category, tag, attribute", reader.path());
  return selector;
}

absl::StatusOr<Selector> ReadSelectorObject(const Json& value, absl::string_view path, const ReadContext& context) {
  SF_ASSIGN_OR_RETURN(ObjectReader reader, ObjectReader::Open(value, path));
  SF_ASSIGN_OR_RETURN(Selector selector, ReadSelector(reader, context));
  SF_RETURN_IF_ERROR(reader.RejectUnknownFields());
  return selector;
}

absl::StatusOr<TimeWindow> ReadWindow(ObjectReader& reader) {
  TimeWindow window;
  SF_RETURN_IF_ERROR(reader.Optional("valid_from", window.from, ReadTimestamp));
  SF_RETURN_IF_ERROR(reader.Optional("valid_until", window.until, ReadTimestamp));
  if (window.from.has_value() && window.until.has_value() && *window.until <= *window.from) {
    return InputError(error_code::kInvalidWindow, "valid_until must be after valid_from", reader.PathOf("valid_until"));
  }
  return window;
}

absl::Status CheckCount(ObjectReader& reader, absl::string_view key, int64_t limit, absl::string_view code) {
  const Json* value = reader.Find(key);
  if (value == nullptr || !value->is_array() || static_cast<int64_t>(value->size()) <= limit) return absl::OkStatus();
  return InputError(code, absl::StrCat("the snapshot has ", value->size(), " ", key, "; the limit is ", limit),
                    reader.PathOf(key));
}

absl::StatusOr<Decimal> ReadMargin(const Json& value, absl::string_view path) {
  SF_ASSIGN_OR_RETURN(Decimal margin, ReadDecimal(value, path));
  if (margin.is_negative()) return Invalid("a margin must not be negative", path);
  return margin;
}

absl::StatusOr<PricingRules> ReadPricingRules(ObjectReader& snapshot_reader, const SnapshotContext& snapshot,
                                              const Catalog& catalog) {
  PricingRules::Input input;
  input.base_currency = snapshot.base_currency;
  input.prices_include_tax = snapshot.prices_include_tax;
  SF_RETURN_IF_ERROR(snapshot_reader.Optional("exchange_rates", input.exchange_rates,
                                              ReadArrayOf<ExchangeRate, SnapshotContext>, ReadExchangeRate, snapshot));
  for (size_t i = 0; i < input.exchange_rates.size(); ++i) {
    for (size_t j = 0; j < i; ++j) {
      if (input.exchange_rates[j].to == input.exchange_rates[i].to) {
        return InputError(error_code::kDuplicateId, "a second rate for the same currencies",
                          absl::StrCat(snapshot_reader.PathOf("exchange_rates"), "/", i));
      }
    }
  }
  // Rule counts are host limits, checked before any rule is read.
  SF_RETURN_IF_ERROR(
      CheckCount(snapshot_reader, "price_lists", snapshot.max_price_lists, error_code::kTooManyPriceLists));
  SF_RETURN_IF_ERROR(CheckCount(snapshot_reader, "markdowns", snapshot.max_markdowns, error_code::kTooManyMarkdowns));
  SF_RETURN_IF_ERROR(snapshot_reader.Optional("price_lists", input.price_lists, ReadArrayOf<PriceList, SnapshotContext>,
                                              ReadPriceList, snapshot));
  SF_RETURN_IF_ERROR(snapshot_reader.Optional("markdowns", input.markdowns, ReadArrayOf<Markdown, SnapshotContext>,
                                              ReadMarkdown, snapshot));
  SF_RETURN_IF_ERROR(snapshot_reader.Optional("price_rounding", input.rounding_rules,
                                              ReadArrayOf<PriceRoundingRule, SnapshotContext>, ReadRoundingRule,
                                              snapshot));
  SF_RETURN_IF_ERROR(snapshot_reader.Optional("price_history", input.price_history,
                                              ReadArrayOf<PriceHistory, SnapshotContext>, ReadHistory, snapshot));
  absl::StatusOr<PricingRules> rules = PricingRules::Build(std::move(input), catalog);
  if (!rules.ok()) return PrefixErrorPath(rules.status(), snapshot_reader.path());
  return rules;
}

}  // namespace storefront::codec
