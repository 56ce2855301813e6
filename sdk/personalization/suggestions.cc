// Suggestions: gap fillers verified by pricing again, then recommendations
// (docs/concepts/personalization.md §3, §4).
#include <algorithm>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "absl/container/flat_hash_set.h"
#include "absl/numeric/int128.h"
#include "personalization/stage.h"
#include "pricing/rule_matching.h"
#include "pricing/unit_prices.h"
#include "storefront/base/status_macros.h"

namespace storefront::personalization {
namespace {

// Each nudge tries at most this many candidates, cheapest overshoot first: every try prices the
// cart again.
constexpr int kMaxGapChecks = 8;

struct Sellable {
  std::string sku;
  const Product* product;
  const Variant* variant;
  Money unit_price;
};

// Unit prices of single units for this cart's customer, channel, time and variations, resolved
// once per SKU. A SKU is priced as a line of quantity 1 in a probe cart that holds no other
// variant of its product, so no other line's quantity moves it onto a product-basis tier.
class PriceBook {
 public:
  PriceBook(const Snapshot& snapshot, const CartRequest& personalized) : snapshot_(snapshot) {
    probe_.currency = personalized.currency;
    probe_.at = personalized.at;
    probe_.customer = personalized.customer;
    probe_.channel = personalized.channel;
    probe_.variations = personalized.variations;
  }

  // The SKU if the shop can sell it to this cart, else nullptr.
  absl::StatusOr<const Sellable*> Find(const std::string& sku) {
    if (cache_.find(sku) == cache_.end()) {
      const std::optional<Catalog::VariantRef> found = snapshot_.catalog.FindSku(sku);
      if (!found.has_value()) {
        cache_.emplace(sku, std::nullopt);
      } else {
        SF_RETURN_IF_ERROR(Resolve({*found}));
      }
    }
    const std::optional<Sellable>& entry = cache_.at(sku);
    return entry.has_value() ? &*entry : nullptr;
  }

  // Every sellable variant of the catalog, in SKU byte order. Probe cart k holds the k-th variant
  // of every product: as many resolutions as the largest product has variants.
  absl::StatusOr<std::vector<const Sellable*>> All() {
    for (size_t k = 0;; ++k) {
      std::vector<Catalog::VariantRef> batch;
      for (const Product& product : snapshot_.catalog.products()) {
        if (k < product.variants.size()) batch.push_back({&product, &product.variants[k]});
      }
      if (batch.empty()) break;
      SF_RETURN_IF_ERROR(Resolve(batch));
    }
    std::vector<const Sellable*> all;
    for (const auto& [sku, entry] : cache_) {  // std::map: SKU byte order
      if (entry.has_value()) all.push_back(&*entry);
    }
    return all;
  }

 private:
  // Prices `variants` (at most one per product) in one probe cart.
  absl::Status Resolve(const std::vector<Catalog::VariantRef>& variants) {
    probe_.lines.clear();
    for (const Catalog::VariantRef& ref : variants) probe_.lines.push_back({std::nullopt, ref.variant->sku, 1});
    std::vector<Issue> issues;
    SF_ASSIGN_OR_RETURN(const std::vector<PricedLine> lines, pricing::ResolveUnitPrices(snapshot_, probe_, issues));
    for (size_t i = 0; i < variants.size(); ++i) {
      std::optional<Sellable> entry;
      if (lines[i].status == LineStatus::kPriced) {
        entry = Sellable{lines[i].sku, variants[i].product, variants[i].variant, lines[i].unit_price};
      }
      cache_.insert_or_assign(lines[i].sku, std::move(entry));
    }
    return absl::OkStatus();
  }

  const Snapshot& snapshot_;
  CartRequest probe_;
  std::map<std::string, std::optional<Sellable>> cache_;  // node-based: Find hands out pointers
};

// What a promotion gives the cart: verification asks whether adding a SKU made this grow.
std::pair<int64_t, int64_t> PromotionGain(const PricedCart& cart, const std::string& promotion) {
  for (const PromotionOutcome& outcome : cart.promotions) {
    if (outcome.promotion == promotion && outcome.applied) {
      return {outcome.saving.has_value() ? outcome.saving->minor_units() : 0, outcome.points};
    }
  }
  return {0, 0};
}

// The same spend gap: a free-shipping nudge for the method, or a spend_more nudge for the
// promotion with the same threshold (reaching one tier may well leave a nudge for the next).
bool SameGap(const Nudge& a, const Nudge& b) {
  return a.type == b.type && a.method == b.method && a.promotion == b.promotion &&
         a.threshold.has_value() == b.threshold.has_value() &&
         (!a.threshold.has_value() || a.threshold->minor_units() == b.threshold->minor_units());
}

// Whether adding `quantity` of `sku` to the shopper's request answers `nudge`: a spend gap is
// closed (its nudge is gone), or the promotion asking for items now saves (or awards) more.
absl::StatusOr<bool> Answers(const Engine& engine, const CartRequest& request, const PricedCart& before,
                             const Nudge& nudge, const std::string& sku, int64_t quantity) {
  CartRequest with = request;
  with.suggestions.reset();
  with.explain = false;
  with.lines.push_back({std::nullopt, sku, quantity});
  absl::StatusOr<PricedCart> after = engine.Price(with);
  if (!after.ok()) return false;  // e.g. one line more than the shop allows: not a suggestion
  if (nudge.missing.has_value()) {
    return std::none_of(after->nudges.begin(), after->nudges.end(),
                        [&](const Nudge& left) { return SameGap(left, nudge); });
  }
  return PromotionGain(*after, nudge.promotion) > PromotionGain(before, nudge.promotion);
}

// The first candidate (in the order given) that answers the nudge, among the first kMaxGapChecks.
absl::StatusOr<const Sellable*> FirstAnswering(const Engine& engine, const CartRequest& request,
                                               const PricedCart& before, const Nudge& nudge,
                                               const std::vector<const Sellable*>& candidates, int64_t quantity) {
  int checks = 0;
  for (const Sellable* candidate : candidates) {
    if (++checks > kMaxGapChecks) break;
    SF_ASSIGN_OR_RETURN(const bool answers, Answers(engine, request, before, nudge, candidate->sku, quantity));
    if (answers) return candidate;
  }
  return nullptr;
}

// The sellable SKUs that match `items` (all of them when `items` is null).
std::vector<const Sellable*> Matching(const Catalog& catalog, const std::vector<const Sellable*>& sellable,
                                      const ItemFilter* items) {
  if (items == nullptr) return sellable;
  std::vector<const Sellable*> matching;
  for (const Sellable* candidate : sellable) {
    if (pricing::MatchesAny(*items, pricing::SortedLineKeys(catalog, *candidate->product, *candidate->variant))) {
      matching.push_back(candidate);
    }
  }
  return matching;
}

// `items`: what may answer the nudge (a bundle's missing component); null: any SKU, the
// verification decides.
absl::StatusOr<std::optional<Suggestion>> GapFiller(const Engine& engine, const CartRequest& request,
                                                    const PricedCart& cart, const Nudge& nudge,
                                                    const std::vector<const Sellable*>& all_sellable,
                                                    const ItemFilter* items = nullptr) {
  const std::vector<const Sellable*> sellable = Matching(engine.snapshot().catalog, all_sellable, items);
  SuggestionReason reason;
  reason.method = nudge.method;
  reason.promotion = nudge.promotion;
  int64_t quantity = 1;
  int64_t min_price = 0;
  if (nudge.missing_quantity.has_value()) {
    // Buy X get Y, a quantity condition, a bundle: the cheapest item that completes it.
    reason.type = "completes";
    quantity = *nudge.missing_quantity;
    reason.quantity = quantity;
  } else if (nudge.missing.has_value()) {
    // A spend gap: one unit at least as dear as what is missing, the smallest overshoot first.
    reason.type = "closes_gap";
    reason.nudge = nudge.type;  // free_shipping or spend_more; `completes` is always add_items
    reason.missing = nudge.missing;
    min_price = nudge.missing->minor_units();
  } else {
    return std::nullopt;
  }
  std::vector<const Sellable*> candidates;
  for (const Sellable* candidate : sellable) {
    if (candidate->unit_price.minor_units() >= min_price) candidates.push_back(candidate);
  }
  // Cheapest first; `sellable` is in SKU order, which breaks the ties.
  std::stable_sort(candidates.begin(), candidates.end(), [](const Sellable* a, const Sellable* b) {
    return a->unit_price.minor_units() < b->unit_price.minor_units();
  });
  SF_ASSIGN_OR_RETURN(const Sellable* chosen, FirstAnswering(engine, request, cart, nudge, candidates, quantity));
  if (chosen == nullptr) return std::nullopt;
  if (reason.missing.has_value()) {
    SF_ASSIGN_OR_RETURN(reason.overshoot, chosen->unit_price.Minus(*reason.missing));
  }
  return Suggestion{chosen->sku, chosen->product->id, quantity, chosen->unit_price, std::nullopt, {std::move(reason)}};
}

// floor(score × (price − cost) / price): the share of the price the shop keeps. Without a cost in
// the cart's currency the score is kept as it is.
int64_t MarginWeighted(int64_t score, const Sellable& candidate) {
  const Money* cost = AmountIn(candidate.variant->unit_costs, candidate.unit_price.currency());
  if (cost == nullptr) return score;
  const int64_t price = candidate.unit_price.minor_units();
  if (price <= cost->minor_units()) return 0;
  return static_cast<int64_t>(absl::int128(score) * (price - cost->minor_units()) / price);
}

// The recommendations `limit` can keep: candidates come ranked by score, so without margins the
// first `limit` sellable ones are the answer and the rest need no price, except those that add a
// reason to a gap filler already chosen (`fillers`).
absl::StatusOr<std::vector<Suggestion>> Recommendations(const Snapshot& snapshot, const CartRequest& request,
                                                        const SuggestionRequest& wanted,
                                                        const std::vector<Suggestion>& fillers, PriceBook& prices) {
  std::vector<Suggestion> suggestions;
  if (!snapshot.recommendations.has_value()) return suggestions;
  std::vector<std::string> skus;
  absl::flat_hash_set<std::string> products;
  for (const CartLine& line : request.lines) {
    skus.push_back(line.sku);
    if (const std::optional<Catalog::VariantRef> found = snapshot.catalog.FindSku(line.sku)) {
      products.insert(found->product->id);
    }
  }
  int64_t fresh = 0;  // recommendations of SKUs no gap filler has
  for (const RelatedCandidate& candidate : RankRelated(*snapshot.recommendations, skus)) {
    const bool merges = std::any_of(fillers.begin(), fillers.end(),
                                    [&](const Suggestion& filler) { return filler.sku == candidate.sku; });
    if (!wanted.weight_by_margin && !merges && fresh >= wanted.limit) continue;
    // Not what the cart already has, not another variant of it, not what cannot be sold here.
    if (std::find(skus.begin(), skus.end(), candidate.sku) != skus.end()) continue;
    SF_ASSIGN_OR_RETURN(const Sellable* sellable, prices.Find(candidate.sku));
    if (sellable == nullptr || products.contains(sellable->product->id)) continue;
    SuggestionReason reason;
    reason.type = "bought_together";
    reason.with = candidate.with;
    reason.confidence = candidate.confidence;
    reason.lift = candidate.lift;
    const int64_t score = wanted.weight_by_margin ? MarginWeighted(candidate.score, *sellable) : candidate.score;
    suggestions.push_back(
        Suggestion{sellable->sku, sellable->product->id, 1, sellable->unit_price, score, {std::move(reason)}});
    if (!merges) ++fresh;
  }
  // Margins reorder the candidates; without them this keeps RankRelated's order.
  std::stable_sort(suggestions.begin(), suggestions.end(), [](const Suggestion& a, const Suggestion& b) {
    return *a.score != *b.score ? *a.score > *b.score : a.sku < b.sku;
  });
  return suggestions;
}

// Bundles that one missing component would complete: the promotions stage reports such a bundle
// as not applying (`no_matching_items`) without a nudge, so the gap is measured here — units of
// each component in the cart against the quantity it needs — and answered like an add_items
// nudge, from the component's own items.
struct BundleGap {
  Nudge nudge;
  const ItemFilter* items;
};

std::vector<BundleGap> BundleGaps(const Snapshot& snapshot, const PricedCart& cart) {
  // The cart's priced, bought (not gift) lines: quantity and selector keys, computed once.
  std::vector<std::pair<int64_t, std::vector<std::string>>> lines;
  for (const PricedLine& line : cart.lines) {
    if (line.status != LineStatus::kPriced || !line.gift_of.empty()) continue;
    if (const std::optional<Catalog::VariantRef> found = snapshot.catalog.FindSku(line.sku)) {
      lines.emplace_back(line.quantity, pricing::SortedLineKeys(snapshot.catalog, *found->product, *found->variant));
    }
  }
  std::vector<BundleGap> gaps;
  for (const PromotionOutcome& outcome : cart.promotions) {
    if (outcome.applied || outcome.reason != promotion_reason::kNoMatchingItems) continue;
    const Promotion* promotion = snapshot.promotions.FindById(outcome.promotion);
    if (promotion == nullptr || promotion->action.type != Action::Type::kBundle) continue;
    const Action::Component* missing = nullptr;
    int64_t missing_quantity = 0;
    int missing_components = 0;
    for (const Action::Component& component : promotion->action.components) {
      int64_t units = 0;
      for (const auto& [quantity, keys] : lines) {
        if (pricing::MatchesAny(component.items, keys)) units += quantity;
      }
      if (units >= component.quantity) continue;
      ++missing_components;
      missing = &component;
      missing_quantity = component.quantity - units;
    }
    if (missing_components != 1) continue;  // nothing, or more than one item away
    Nudge nudge;
    nudge.type = "add_items";
    nudge.promotion = promotion->id;
    nudge.missing_quantity = missing_quantity;
    gaps.push_back({std::move(nudge), &missing->items});
  }
  return gaps;
}

// Adds `suggestion`, or merges it into the entry that already suggests its SKU: one entry per
// SKU, with every reason that brought it, where it first appeared.
void AddOrMerge(std::vector<Suggestion>& suggestions, Suggestion suggestion) {
  const auto same = std::find_if(suggestions.begin(), suggestions.end(),
                                 [&](const Suggestion& existing) { return existing.sku == suggestion.sku; });
  if (same == suggestions.end()) {
    suggestions.push_back(std::move(suggestion));
    return;
  }
  if (suggestion.score.has_value()) same->score = suggestion.score;
  for (SuggestionReason& reason : suggestion.reasons) same->reasons.push_back(std::move(reason));
}

}  // namespace

absl::Status Suggest(const Engine& engine, const CartRequest& request, const CartRequest& personalized,
                     PricedCart& result) {
  const Snapshot& snapshot = engine.snapshot();
  PriceBook prices(snapshot, personalized);
  std::vector<Suggestion> suggestions;
  const std::vector<BundleGap> bundles = BundleGaps(snapshot, result);
  if (!result.nudges.empty() || !bundles.empty()) {
    SF_ASSIGN_OR_RETURN(const std::vector<const Sellable*> sellable, prices.All());
    for (const Nudge& nudge : result.nudges) {
      SF_ASSIGN_OR_RETURN(std::optional<Suggestion> filler, GapFiller(engine, request, result, nudge, sellable));
      if (filler.has_value()) AddOrMerge(suggestions, *std::move(filler));
    }
    for (const BundleGap& gap : bundles) {
      SF_ASSIGN_OR_RETURN(std::optional<Suggestion> filler,
                          GapFiller(engine, request, result, gap.nudge, sellable, gap.items));
      if (filler.has_value()) AddOrMerge(suggestions, *std::move(filler));
    }
  }
  SF_ASSIGN_OR_RETURN(std::vector<Suggestion> related,
                      Recommendations(snapshot, request, *request.suggestions, suggestions, prices));
  for (Suggestion& suggestion : related) AddOrMerge(suggestions, std::move(suggestion));
  const auto limit = static_cast<size_t>(request.suggestions->limit);
  if (suggestions.size() > limit)
    suggestions.erase(suggestions.begin() + static_cast<std::ptrdiff_t>(limit), suggestions.end());
  result.suggestions = std::move(suggestions);
  return absl::OkStatus();
}

}  // namespace storefront::personalization
