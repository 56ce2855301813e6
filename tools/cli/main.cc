// storefront: price carts and validate snapshots from the shell.
//
// A target, not a second implementation: it reads files, calls the JSON API that every other
// target calls, and prints the canonical envelope (`recs train` prints the model). Exit codes
// (docs/cli.md, exit_codes.h):
//   0  the envelope is {"ok":true,...}
//   2  the input was rejected; the envelope is {"ok":false,...}
//   1  the tool itself failed (unreadable file, out of memory)
//   64 the command line was wrong (CLI11 prints usage)
#include <cstdio>
#include <fstream>
#include <iostream>
#include <iterator>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

#include "CLI/CLI.hpp"
#include "absl/strings/numbers.h"
#include "exit_codes.h"
#include "nlohmann/json.hpp"
#include "recs_train.h"
#include "storefront/codec/json_api.h"
#include "storefront/version.h"

namespace {

using storefront_cli::kExitInternal;
using storefront_cli::kExitInvalidInput;
using storefront_cli::kExitOk;
using storefront_cli::kExitUsage;

// Reads at most `max_bytes` + 1 bytes so that an oversized input reaches the engine's own
// `input_too_large` check without first being loaded whole.
std::optional<std::string> ReadInput(const std::string& path, int64_t max_bytes) {
  std::ifstream file;
  std::istream* in = &std::cin;
  if (path != "-") {
    file.open(path, std::ios::binary);
    if (!file) return std::nullopt;
    in = &file;
  }
  std::string text(static_cast<size_t>(max_bytes) + 1, '\0');
  in->read(text.data(), static_cast<std::streamsize>(text.size()));
  if (in->bad()) return std::nullopt;
  text.resize(static_cast<size_t>(in->gcount()));
  return text;
}

int Emit(const std::string& envelope, bool pretty) {
  if (pretty) {
    const nlohmann::json parsed = nlohmann::json::parse(envelope, nullptr, /*allow_exceptions=*/false);
    std::cout << parsed.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << '\n';
  } else {
    std::cout << envelope << '\n';
  }
  return envelope.rfind("{\"ok\":true", 0) == 0 ? kExitOk : kExitInvalidInput;
}

int CannotRead(const std::string& path) {
  std::cerr << "storefront: cannot read " << path << '\n';
  return kExitInternal;
}

// --limit max_json_depth=16 --limit max_variants=5000 -> {"max_json_depth":16,"max_variants":5000}.
// The names and ranges are checked by the core (ParseHostLimitsJson), like every other input;
// only the NAME=INTEGER shape is the command line's business.
std::optional<std::string> HostLimitsJson(const std::vector<std::string>& assignments) {
  if (assignments.empty()) return std::string();
  nlohmann::json options = nlohmann::json::object();
  for (const std::string& assignment : assignments) {
    const size_t equals = assignment.find('=');
    int64_t value = 0;
    if (equals == std::string::npos || !absl::SimpleAtoi(assignment.substr(equals + 1), &value)) {
      std::cerr << "storefront: --limit takes NAME=INTEGER, got \"" << assignment << "\"\n";
      return std::nullopt;
    }
    options[assignment.substr(0, equals)] = value;
  }
  return options.dump();
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"Storefront SDK: exact cart pricing, the same on every target", "storefront"};
  app.set_version_flag("--version", std::string(storefront::kVersion));
  app.require_subcommand(1);

  std::string snapshot_path;
  std::string cart_path;
  bool pretty = false;
  std::vector<std::string> host_limits;
  auto add_snapshot_options = [&](CLI::App* command) {
    command->add_option("--snapshot", snapshot_path, "snapshot document (JSON)")->required();
    command
        ->add_option("--limit", host_limits,
                     "host limit NAME=VALUE: max_snapshot_bytes, max_variants, max_json_depth, max_string_length, "
                     "max_price_lists, max_markdowns, max_promotions")
        ->take_all();
    command->add_flag("--pretty", pretty, "indent the output for reading (the default is the canonical form)");
  };

  CLI::App* price = app.add_subcommand("price", "price a cart request; prints the envelope with the priced cart");
  add_snapshot_options(price);
  price->add_option("--cart", cart_path, "cart request document (JSON), or - for standard input")->required();

  CLI::App* validate = app.add_subcommand("validate", "validate a snapshot; prints its counts and content hash");
  add_snapshot_options(validate);

  std::string op;
  std::string input_path = "-";
  CLI::App* call =
      app.add_subcommand("call", "run one named operation (money.parse, money.allocate, ...) on a JSON input");
  call->add_option("op", op, "operation name, see tests/vectors/README.md")->required();
  call->add_option("--input", input_path, "input document (JSON), or - for standard input");
  call->add_flag("--pretty", pretty, "indent the output for reading");

  storefront_cli::RecsTrainOptions recs_train_options;
  CLI::App* recs_train = storefront_cli::AddRecsTrainCommand(app, recs_train_options);

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& error) {
    const int code = app.exit(error);
    return code == 0 ? kExitOk : kExitUsage;
  }

  if (call->parsed()) {
    const std::optional<std::string> input = ReadInput(input_path, (256 << 20) + (8 << 20));
    if (!input) return CannotRead(input_path);
    return Emit(storefront::RunOperation(op, *input), pretty);
  }
  if (recs_train->parsed()) return storefront_cli::RunRecsTrain(recs_train_options);

  const std::optional<std::string> limits_json = HostLimitsJson(host_limits);
  if (!limits_json) return kExitUsage;
  absl::StatusOr<storefront::HostLimits> limits = storefront::ParseHostLimitsJson(*limits_json);
  if (!limits.ok()) return Emit(storefront::ErrorEnvelope(limits.status()), pretty);
  const std::optional<std::string> snapshot = ReadInput(snapshot_path, limits->max_snapshot_bytes);
  if (!snapshot) return CannotRead(snapshot_path);
  absl::StatusOr<std::unique_ptr<const storefront::Engine>> engine =
      storefront::CreateEngineFromJson(*snapshot, *limits);
  if (!engine.ok()) return Emit(storefront::ErrorEnvelope(engine.status()), pretty);
  if (validate->parsed()) return Emit(storefront::DescribeEngineJson(**engine), pretty);

  const std::optional<std::string> cart = ReadInput(cart_path, (*engine)->snapshot().settings.limits.max_cart_bytes);
  if (!cart) return CannotRead(cart_path);
  return Emit(storefront::PriceCartJson(**engine, *cart), pretty);
}
