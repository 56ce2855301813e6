#!/usr/bin/env bash
# Builds every target and runs every test suite: native unit tests and shared vectors (under
# ASan+UBSan), a bounded libFuzzer run, the find_package consumer (examples/backend-verifier),
# the CLI on the examples, the wasm package in Node, Deno, workerd and Chromium, the example
# SPA and edge worker, the JSON schemas and the TypeScript declarations.
#
# Prints one line per suite ("suite <name>: N passed, N failed") and a final total line, and
# exits non-zero if anything failed. Logs: build/test-logs/<suite>.log.
# Run tools/setup.sh first (the README's test command does).
set -uo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
logs="$root/build/test-logs"
mkdir -p "$logs"
export NODE_PATH=/usr/share/nodejs  # Emscripten 3.1.6's optimizer needs Debian's acorn
jobs=$(nproc)

total_passed=0
total_failed=0
summary=()

# count <log> <runner>: echoes "passed failed" read from the runner's own closing lines.
count() {
  local log=$1 runner=$2 p=0 f=0
  case $runner in
    gtest)
      p=$(sed -n 's/^\[  PASSED  \] \([0-9]*\) test.*/\1/p' "$log" | tail -1)
      f=$(sed -n 's/^\[  FAILED  \] \([0-9]*\) test.*/\1/p' "$log" | tail -1) ;;
    node)
      p=$(sed -n 's/^ℹ pass \([0-9]*\)$/\1/p' "$log" | tail -1)
      f=$(sed -n 's/^ℹ fail \([0-9]*\)$/\1/p' "$log" | tail -1)
      # Runtimes that run the shared vectors inside one Node test (Deno, workerd, Chromium)
      # print "<runtime> vectors: N passed, M failed"; count those vectors too.
      local vp vf
      vp=$(sed -nE 's/^[a-z]+ vectors: ([0-9]+) passed, [0-9]+ failed.*/\1/p' "$log" | awk '{s += $1} END {print s + 0}')
      vf=$(sed -nE 's/^[a-z]+ vectors: [0-9]+ passed, ([0-9]+) failed.*/\1/p' "$log" | awk '{s += $1} END {print s + 0}')
      p=$(( ${p:-0} + ${vp:-0} ))
      f=$(( ${f:-0} + ${vf:-0} )) ;;
    ctest)
      local line
      line=$(grep -E 'tests passed, [0-9]+ tests? failed out of' "$log" | tail -1)
      f=$(sed -E 's/.* ([0-9]+) tests? failed out of ([0-9]+).*/\1/' <<<"$line")
      p=$(( $(sed -E 's/.*out of ([0-9]+).*/\1/' <<<"$line") - f )) ;;
    single) p=1 ;;
  esac
  echo "${p:-0} ${f:-0}"
}

# suite <name> <runner> <command...>: runs the command, logs it, records the counts. A command
# that fails without a failing test counted (a build error, a crash) counts as one failure.
suite() {
  local name=$1 runner=$2
  shift 2
  local log="$logs/$name.log" status
  printf '[test] %s ...\n' "$name"
  "$@" >"$log" 2>&1
  status=$?
  read -r p f < <(count "$log" "$runner")
  if [[ $runner == single && $status -ne 0 ]]; then p=0; fi
  if (( status != 0 && f == 0 )); then f=1; fi
  total_passed=$((total_passed + p))
  total_failed=$((total_failed + f))
  summary+=("suite $name: $p passed, $f failed")
  if (( status != 0 )); then
    echo "---- $name failed (exit $status); last lines of $log:"
    tail -n 40 "$log"
    echo "----"
  fi
}

build() { cmake --preset "$1" && cmake --build --preset "$1" -j "$jobs"; }

# The core stays pure (no I/O, clock, randomness, locale, platform headers, floats).
suite core-purity single tools/check_core_purity.sh

# Native, sanitized: the whole native suite under ASan + UBSan.
suite build-native-asan single build native-asan
suite native-unit gtest build/native-asan/tests/storefront_unit_tests
suite native-vectors gtest build/native-asan/tests/storefront_vector_tests
suite c-abi-from-c ctest ctest --preset native-asan -R c_abi

# Fuzzing, bounded: random bytes against the JSON boundary under ASan + UBSan, seeded with the
# examples (the first byte of a seed picks the entry point, see tests/fuzz/json_api_fuzzer.cc).
fuzz_smoke() {
  local corpus="$root/build/fuzz-corpus" cart
  mkdir -p "$corpus"
  { printf '\x00'; cat examples/data/shop.json; } >"$corpus/seed-shop"
  for cart in examples/data/carts/*.json; do { printf '\x01'; cat "$cart"; } >"$corpus/seed-$(basename "$cart")"; done
  printf '\x03{"amount":"19.99","currency":"EUR"}' >"$corpus/seed-parse"
  printf '\x07{"amount":"100.00","currency":"EUR","weights":[1,2,3]}' >"$corpus/seed-allocate"
  build/native-fuzz/tests/storefront_json_fuzzer -max_total_time="${STOREFRONT_FUZZ_SECONDS:-60}" -rss_limit_mb=2048 \
    -print_final_stats=1 "$corpus"
}
suite build-native-fuzz single build native-fuzz
suite fuzz-json-boundary single fuzz_smoke

# Native, optimised: the CLI the README uses, the installed package, the benchmarks compile.
suite build-native-release single build native-release
suite cmake-package ctest ctest --preset native-release -R consumer
cli=build/native-release/tools/cli/storefront
priced="$logs/priced"
examples_cli() {
  local cart out failed=0
  mkdir -p "$priced"
  for cart in examples/data/carts/*.json; do
    out="$priced/$(basename "$cart")"
    if "$cli" price --snapshot examples/data/shop.json --cart "$cart" >"$out"; then echo "ok $cart"
    else echo "FAILED $cart"; failed=1; fi
  done
  "$cli" validate --snapshot examples/data/shop.json || failed=1
  # The documented exit codes: 2 for rejected input (with the envelope), 64 for a bad command line.
  expect_exit 2 "$cli" validate --snapshot examples/data/shop.json --limit max_price_lists=1 || failed=1
  expect_exit 2 "$cli" price --snapshot examples/data/shop.json --cart tests/vectors/README.md || failed=1
  expect_exit 64 "$cli" validate --snapshot examples/data/shop.json --limit max_price_lists || failed=1
  expect_exit 1 "$cli" validate --snapshot does/not/exist.json || failed=1
  return $failed
}
expect_exit() {
  local want=$1 got
  shift
  "$@"
  got=$?
  if (( got == want )); then echo "ok: exit $got from $*"; else echo "FAILED: exit $got (want $want) from $*"; return 1; fi
}
suite examples-cli single examples_cli
# `storefront recs train` on the example orders, malformed lines, --strict, --max-errors; and the
# example order log against its generator, byte for byte.
suite cli-recs-train single tests/cli/recs_train_smoke.sh "$cli"
suite benchmarks-smoke single build/native-release/tests/storefront_benchmarks --benchmark_min_time=0.01

# WebAssembly: the npm package, then the same vectors and examples in every JS runtime.
suite build-wasm single build wasm-release
export STOREFRONT_PACKAGE_DIR="$root/build/wasm-release/package"
export STOREFRONT_CLI="$root/$cli"
suite wasm-node node node --test --test-reporter=spec tests/js/wasm/
suite edge-deno node node --test --test-reporter=spec tests/edge/deno/
suite edge-workerd node node --test --test-reporter=spec tests/edge/workerd/
suite browser-chromium node node --test --test-reporter=spec tests/browser/chromium.test.mjs
# The examples a frontend and an edge developer start from, in the real runtimes.
suite example-spa-vite node node --test --test-reporter=spec tests/browser/spa.test.mjs
suite example-edge-worker node node --test --test-reporter=spec tests/edge/example_worker.test.mjs
# The schemas check the examples, every vector, and what the CLI actually printed above.
STOREFRONT_PRICED_OUTPUTS=$(printf '%s:' "$priced"/*.json) \
  suite schemas node node --test --test-reporter=spec tests/js/schema.test.mjs
suite typescript single npx --no-install tsc -p tests/js/types/tsconfig.json --noEmit

echo
printf '%s\n' "${summary[@]}"
echo "total: $total_passed passed, $total_failed failed"
(( total_failed == 0 ))
