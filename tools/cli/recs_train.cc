#include "recs_train.h"

#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <optional>
#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "codec/recommendations_reader.h"
#include "exit_codes.h"
#include "storefront/base/error.h"
#include "storefront/personalization/recommendations.h"

namespace storefront_cli {
namespace {

using Clock = std::chrono::steady_clock;

// Beyond this an order's pairs (n²/2) cost more memory than they can be worth.
constexpr int64_t kMaxItemsPerOrderFlag = 10'000;

double SecondsSince(Clock::time_point start) { return std::chrono::duration<double>(Clock::now() - start).count(); }

// 412000 -> "412,000", independent of the locale.
std::string WithThousands(int64_t value) {
  std::string digits = absl::StrCat(value);
  for (int i = static_cast<int>(digits.size()) - 3; i > 0; i -= 3) digits.insert(static_cast<size_t>(i), ",");
  return digits;
}

// The one-line progress display on a terminal: redrawn in place, at most ten times a second.
class ProgressLine {
 public:
  ProgressLine(bool enabled, std::optional<uintmax_t> total_bytes, Clock::time_point start)
      : enabled_(enabled), total_bytes_(total_bytes), start_(start), last_draw_(start) {}

  void Update(int64_t orders, uintmax_t bytes) {
    // Reading the clock for every order would cost more than the display is worth.
    if (!enabled_ || ++calls_ % 1024 != 0) return;
    const Clock::time_point now = Clock::now();
    if (now - last_draw_ < std::chrono::milliseconds(100)) return;
    last_draw_ = now;
    std::string text = absl::StrCat("\r… ", WithThousands(orders), " orders");
    if (total_bytes_.has_value() && *total_bytes_ > 0) {
      absl::StrAppend(&text, " (", bytes * 100 / *total_bytes_, " %)");
    }
    absl::StrAppendFormat(&text, " %.1f s\033[K", SecondsSince(start_));
    std::cerr << text << std::flush;
    drawn_ = true;
  }

  // Erases the line so that whatever is printed next starts on a clean line.
  void Clear() {
    if (!drawn_) return;
    std::cerr << "\r\033[K";
    drawn_ = false;
  }

 private:
  bool enabled_;
  std::optional<uintmax_t> total_bytes_;
  Clock::time_point start_;
  Clock::time_point last_draw_;
  int64_t calls_ = 0;
  bool drawn_ = false;
};

std::string DescribeError(const absl::Status& status) {
  std::string text = absl::StrCat(storefront::ErrorCodeOf(status), ": ", status.message());
  const std::string path = storefront::ErrorPathOf(status);
  if (!path.empty()) absl::StrAppend(&text, " (at ", path, ")");
  return text;
}

bool IsBlank(absl::string_view line) { return absl::StripAsciiWhitespace(line).empty(); }

int WriteModel(const std::string& json, const std::string& out_path) {
  if (out_path.empty()) {
    std::cout << json << '\n' << std::flush;
    return std::cout ? kExitOk : kExitInternal;
  }
  std::ofstream out(out_path, std::ios::binary | std::ios::trunc);
  out << json << '\n';
  out.close();
  if (!out) {
    std::cerr << "storefront: cannot write " << out_path << '\n';
    return kExitInternal;
  }
  return kExitOk;
}

}  // namespace

CLI::App* AddRecsTrainCommand(CLI::App& app, RecsTrainOptions& options) {
  CLI::App* recs = app.add_subcommand("recs", "recommendations: train the frequently-bought-together model");
  recs->require_subcommand(1);
  CLI::App* train = recs->add_subcommand("train", "train the model from an order log (JSON lines); prints the model");
  train->add_option("--orders", options.orders_path, "order log: one JSON order per line, or - for standard input")
      ->required();
  train->add_option("--out", options.out_path, "write the model here instead of standard output");
  train->add_option("--min-support", options.min_support, "orders a pair needs in common to be kept")
      ->capture_default_str()
      ->check(CLI::Range(int64_t{1}, storefront::personalization::kMaxRecommendationCount));
  train->add_option("--top-k", options.top_k, "related SKUs kept per SKU")
      ->capture_default_str()
      ->check(CLI::Range(int64_t{1}, storefront::personalization::kMaxRecommendationTopK));
  train
      ->add_option("--max-items-per-order", options.max_items_per_order,
                   "orders with more distinct SKUs count but add no pairs")
      ->capture_default_str()
      ->check(CLI::Range(int64_t{2}, kMaxItemsPerOrderFlag));
  train->add_flag("--strict", options.strict, "stop at the first malformed line (exit 2)");
  train->add_option("--max-errors", options.max_errors, "stop (exit 2) after more malformed lines than this")
      ->capture_default_str()
      ->check(CLI::NonNegativeNumber);
  return train;
}

int RunRecsTrain(const RecsTrainOptions& options) {
  const Clock::time_point start = Clock::now();
  const bool from_stdin = options.orders_path == "-";
  const std::string name = from_stdin ? "<stdin>" : options.orders_path;
  std::ifstream file;
  std::optional<uintmax_t> total_bytes;
  if (!from_stdin) {
    file.open(options.orders_path, std::ios::binary);
    if (!file) {
      std::cerr << "storefront: cannot read " << options.orders_path << '\n';
      return kExitInternal;
    }
    std::error_code error;
    const uintmax_t size = std::filesystem::file_size(options.orders_path, error);
    if (!error) total_bytes = size;
  }
  std::istream& in = from_stdin ? std::cin : file;
  ProgressLine progress(isatty(STDERR_FILENO) == 1, total_bytes, start);

  storefront::personalization::CoOccurrenceCounter counter(options.max_items_per_order);
  std::string line;
  std::vector<absl::string_view> skus;
  int64_t line_number = 0;
  int64_t malformed = 0;
  uintmax_t bytes = 0;
  while (std::getline(in, line)) {
    ++line_number;
    bytes += line.size() + 1;
    if (IsBlank(line)) continue;
    absl::StatusOr<std::vector<std::string>> order = storefront::codec::ReadOrderLine(line);
    if (!order.ok()) {
      ++malformed;
      progress.Clear();
      std::cerr << name << ':' << line_number << ": " << DescribeError(order.status()) << '\n';
      if (options.strict) {
        std::cerr << "storefront: stopped at the first malformed line (--strict); no model written\n";
        return kExitInvalidInput;
      }
      if (malformed > options.max_errors) {
        std::cerr << "storefront: stopped after more than " << options.max_errors
                  << " malformed lines (--max-errors); no model written\n";
        return kExitInvalidInput;
      }
      continue;
    }
    skus.assign(order->begin(), order->end());
    counter.AddOrder(skus);
    progress.Update(counter.orders(), bytes);
  }
  if (in.bad()) {
    progress.Clear();
    std::cerr << "storefront: cannot read " << name << " (after line " << line_number << ")\n";
    return kExitInternal;
  }

  absl::StatusOr<storefront::personalization::RecommendationModel> model =
      counter.Build(options.min_support, options.top_k);
  progress.Clear();
  if (!model.ok()) {  // the flags' ranges are the core's: this is a bug
    std::cerr << "storefront: " << DescribeError(model.status()) << '\n';
    return kExitInternal;
  }
  const int written =
      WriteModel(storefront::codec::Canonical(storefront::codec::WriteRecommendationModel(*model)), options.out_path);
  if (written != kExitOk) return written;
  int64_t pairs = 0;
  for (const auto& item : model->items) pairs += static_cast<int64_t>(item.related.size());
  std::cerr << absl::StrFormat("trained on %d orders (%d skipped, %d oversized) in %.2f s: %d items, %d pairs kept\n",
                               counter.orders(), malformed, counter.oversized_orders(), SecondsSince(start),
                               model->items.size(), pairs);
  return kExitOk;
}

}  // namespace storefront_cli
