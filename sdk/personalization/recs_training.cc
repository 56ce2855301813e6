// Recommendations: the model's invariants and the co-occurrence counter that trains it.
#include <algorithm>
#include <utility>

#include "absl/strings/str_cat.h"
#include "storefront/base/error.h"
#include "storefront/base/status_macros.h"
#include "storefront/personalization/recommendations.h"

namespace storefront::personalization {
namespace {

using Item = RecommendationModel::Item;
using Related = RecommendationModel::Related;

absl::Status Invalid(absl::string_view message, absl::string_view path) {
  return InputError(error_code::kInvalidValue, message, path);
}

absl::Status CheckRange(int64_t value, int64_t min, int64_t max, absl::string_view path) {
  if (value >= min && value <= max) return absl::OkStatus();
  return Invalid(absl::StrCat("must be an integer from ", min, " to ", max, ", got ", value), path);
}

absl::Status CheckParameters(int64_t min_support, int64_t top_k) {
  SF_RETURN_IF_ERROR(CheckRange(min_support, 1, kMaxRecommendationCount, "/min_support"));
  return CheckRange(top_k, 1, kMaxRecommendationTopK, "/top_k");
}

std::string ItemPath(size_t item) { return absl::StrCat("/items/", item); }
std::string RelatedPath(size_t item, size_t entry) { return absl::StrCat("/items/", item, "/related/", entry); }

// An unordered pair of item indexes as one key; which of the two listed it is recorded apart.
uint64_t PairKey(size_t a, size_t b) {
  const uint64_t low = std::min(a, b);
  const uint64_t high = std::max(a, b);
  return (low << 32) | high;
}

// What the items said so far about one pair: the together of the first mention, and which side(s)
// mentioned it.
struct PairMention {
  int64_t together = 0;
  bool from_low = false;
  bool from_high = false;
};

// One related entry of item `a` (`entry` in its list), against everything listed before it.
absl::Status CheckRelatedEntry(const std::vector<Item>& items, size_t a, size_t entry, size_t b, int64_t min_support,
                               absl::flat_hash_map<uint64_t, PairMention>& mentions) {
  const Item& item = items[a];
  const Related& related = item.related[entry];
  const std::string path = RelatedPath(a, entry);
  if (b == a) return Invalid(absl::StrCat("\"", item.sku, "\" is listed as related to itself"), path + "/sku");
  PairMention& mention = mentions[PairKey(a, b)];
  bool& mentioned_here = a < b ? mention.from_low : mention.from_high;
  const bool mentioned_there = a < b ? mention.from_high : mention.from_low;
  if (mentioned_here) {
    return InputError(error_code::kDuplicateId, absl::StrCat("\"", related.sku, "\" is listed twice"), path + "/sku");
  }
  if (entry > 0) {
    const Related& previous = item.related[entry - 1];
    if (previous.together < related.together ||
        (previous.together == related.together && previous.sku >= related.sku)) {
      return Invalid("related entries are sorted by together descending, then by SKU byte order", path);
    }
  }
  const std::string together_path = path + "/together";
  if (related.together < min_support) {
    return Invalid(absl::StrCat("together ", related.together, " is below min_support ", min_support), together_path);
  }
  for (const Item* side : {&item, &items[b]}) {
    if (related.together > side->orders) {
      return Invalid(
          absl::StrCat("together ", related.together, " exceeds the ", side->orders, " orders of \"", side->sku, "\""),
          together_path);
    }
  }
  if (mentioned_there && mention.together != related.together) {
    return Invalid(absl::StrCat("\"", related.sku, "\" lists together ", mention.together, " for this pair"),
                   together_path);
  }
  mention.together = related.together;
  mentioned_here = true;
  return absl::OkStatus();
}

}  // namespace

absl::StatusOr<RecommendationModel> RecommendationModel::Create(int64_t orders, int64_t min_support, int64_t top_k,
                                                                std::vector<Item> items) {
  SF_RETURN_IF_ERROR(CheckRange(orders, 0, kMaxRecommendationCount, "/orders"));
  SF_RETURN_IF_ERROR(CheckParameters(min_support, top_k));
  RecommendationModel model;
  model.orders = orders;
  model.min_support = min_support;
  model.top_k = top_k;
  model.index_.reserve(items.size());
  size_t related_entries = 0;
  // First the items themselves (order, counts), which also builds the index the related entries
  // are checked against.
  for (size_t i = 0; i < items.size(); ++i) {
    const Item& item = items[i];
    const std::string path = ItemPath(i);
    if (item.sku.empty()) return Invalid("a SKU must not be empty", path + "/sku");
    if (i > 0 && items[i - 1].sku >= item.sku) {
      if (items[i - 1].sku == item.sku) {
        return InputError(error_code::kDuplicateId, absl::StrCat("\"", item.sku, "\" is listed twice"), path + "/sku");
      }
      return Invalid(absl::StrCat("items are sorted by SKU byte order: \"", item.sku, "\" comes before \"",
                                  items[i - 1].sku, "\""),
                     path + "/sku");
    }
    SF_RETURN_IF_ERROR(CheckRange(item.orders, 1, orders, path + "/orders"));
    if (static_cast<int64_t>(item.related.size()) > top_k) {
      return Invalid(absl::StrCat(item.related.size(), " related SKUs; top_k is ", top_k), path + "/related");
    }
    related_entries += item.related.size();
    model.index_.emplace(item.sku, i);
  }
  absl::flat_hash_map<uint64_t, PairMention> mentions;
  mentions.reserve(related_entries);
  std::vector<bool> named(items.size(), false);
  for (size_t a = 0; a < items.size(); ++a) {
    for (size_t entry = 0; entry < items[a].related.size(); ++entry) {
      const std::string& sku = items[a].related[entry].sku;
      auto partner = model.index_.find(sku);
      if (partner == model.index_.end()) {
        return InputError(error_code::kUnknownSku, absl::StrCat("\"", sku, "\" is not an item of the model"),
                          RelatedPath(a, entry) + "/sku");
      }
      SF_RETURN_IF_ERROR(CheckRelatedEntry(items, a, entry, partner->second, min_support, mentions));
      named[partner->second] = true;
    }
  }
  // Only SKUs that serving can use are listed: the model stays as small as its answers.
  for (size_t i = 0; i < items.size(); ++i) {
    if (items[i].related.empty() && !named[i]) {
      return Invalid(absl::StrCat("\"", items[i].sku, "\" has no related SKUs and no item names it"),
                     ItemPath(i) + "/related");
    }
  }
  model.items = std::move(items);
  return model;
}

const RecommendationModel::Item* RecommendationModel::Find(absl::string_view sku) const {
  auto it = index_.find(sku);
  return it == index_.end() ? nullptr : &items[it->second];
}

CoOccurrenceCounter::CoOccurrenceCounter(int64_t max_items_per_order) : max_items_per_order_(max_items_per_order) {}

uint32_t CoOccurrenceCounter::Intern(absl::string_view sku) {
  auto it = ids_.find(sku);
  if (it != ids_.end()) return it->second;
  const uint32_t id = static_cast<uint32_t>(names_.size());
  names_.emplace_back(sku);
  ids_.emplace(names_.back(), id);
  item_orders_.push_back(0);
  return id;
}

void CoOccurrenceCounter::AddOrder(absl::Span<const absl::string_view> skus) {
  scratch_.clear();
  for (absl::string_view sku : skus) {
    if (!sku.empty()) scratch_.push_back(Intern(sku));
  }
  std::sort(scratch_.begin(), scratch_.end());
  scratch_.erase(std::unique(scratch_.begin(), scratch_.end()), scratch_.end());
  ++orders_;
  for (uint32_t id : scratch_) ++item_orders_[id];
  if (static_cast<int64_t>(scratch_.size()) > max_items_per_order_) {
    ++oversized_orders_;
    return;
  }
  // Ids are sorted, so each unordered pair is counted once, under (smaller << 32) | larger.
  for (size_t i = 0; i < scratch_.size(); ++i) {
    const uint64_t high = static_cast<uint64_t>(scratch_[i]) << 32;
    for (size_t j = i + 1; j < scratch_.size(); ++j) ++pairs_[high | scratch_[j]];
  }
}

absl::StatusOr<RecommendationModel> CoOccurrenceCounter::Build(int64_t min_support, int64_t top_k) const {
  SF_RETURN_IF_ERROR(CheckParameters(min_support, top_k));
  // Each SKU's qualifying partners, both directions of every pair.
  using Partner = std::pair<uint32_t, int64_t>;  // (dense id, together)
  std::vector<std::vector<Partner>> partners(names_.size());
  for (const auto& [key, together] : pairs_) {
    if (together < min_support) continue;
    const uint32_t a = static_cast<uint32_t>(key >> 32);
    const uint32_t b = static_cast<uint32_t>(key & 0xffffffffu);
    partners[a].emplace_back(b, together);
    partners[b].emplace_back(a, together);
  }
  // The pair map's order is arbitrary; this order is total, so the output is not.
  auto stronger = [&](const Partner& x, const Partner& y) {
    if (x.second != y.second) return x.second > y.second;
    return names_[x.first] < names_[y.first];
  };
  const size_t limit = static_cast<size_t>(top_k);
  std::vector<bool> named(names_.size(), false);
  for (std::vector<Partner>& list : partners) {
    if (list.size() > limit) {
      std::partial_sort(list.begin(), list.begin() + static_cast<std::ptrdiff_t>(limit), list.end(), stronger);
      list.resize(limit);
    } else {
      std::sort(list.begin(), list.end(), stronger);
    }
    for (const Partner& partner : list) named[partner.first] = true;
  }
  std::vector<uint32_t> kept;
  for (uint32_t id = 0; id < names_.size(); ++id) {
    if (!partners[id].empty() || named[id]) kept.push_back(id);
  }
  std::sort(kept.begin(), kept.end(), [&](uint32_t x, uint32_t y) { return names_[x] < names_[y]; });
  std::vector<Item> items;
  items.reserve(kept.size());
  for (uint32_t id : kept) {
    Item item;
    item.sku = names_[id];
    item.orders = item_orders_[id];
    item.related.reserve(partners[id].size());
    for (const Partner& partner : partners[id]) item.related.push_back({names_[partner.first], partner.second});
    items.push_back(std::move(item));
  }
  return RecommendationModel::Create(orders_, min_support, top_k, std::move(items));
}

}  // namespace storefront::personalization
