// `storefront recs train`: trains the recommendation model from an order log (docs/cli.md).
//
// A target, not an implementation: it streams the file line by line, hands each line to the
// codec's ReadOrderLine and the SKUs to the core's CoOccurrenceCounter, and prints what the codec
// writes. Its own business is the file, the malformed-line policy and the progress display.
#ifndef STOREFRONT_TOOLS_CLI_RECS_TRAIN_H_
#define STOREFRONT_TOOLS_CLI_RECS_TRAIN_H_

#include <cstdint>
#include <string>

#include "CLI/CLI.hpp"

namespace storefront_cli {

struct RecsTrainOptions {
  std::string orders_path;
  std::string out_path;  // empty: standard output
  int64_t min_support = 2;
  int64_t top_k = 20;
  int64_t max_items_per_order = 100;
  bool strict = false;
  int64_t max_errors = 100;
};

// Adds `recs train` to `app` and returns the `train` subcommand (parsed() once it ran).
CLI::App* AddRecsTrainCommand(CLI::App& app, RecsTrainOptions& options);

// Runs the command; returns the exit code.
int RunRecsTrain(const RecsTrainOptions& options);

}  // namespace storefront_cli

#endif  // STOREFRONT_TOOLS_CLI_RECS_TRAIN_H_
