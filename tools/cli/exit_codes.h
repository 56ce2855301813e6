// The `storefront` CLI's exit codes, documented in docs/cli.md.
#ifndef STOREFRONT_TOOLS_CLI_EXIT_CODES_H_
#define STOREFRONT_TOOLS_CLI_EXIT_CODES_H_

namespace storefront_cli {

inline constexpr int kExitOk = 0;
inline constexpr int kExitInternal = 1;      // the tool itself failed (unreadable file, out of memory)
inline constexpr int kExitInvalidInput = 2;  // the input was rejected
inline constexpr int kExitUsage = 64;        // the command line was wrong (CLI11 prints usage)

}  // namespace storefront_cli

#endif  // STOREFRONT_TOOLS_CLI_EXIT_CODES_H_
