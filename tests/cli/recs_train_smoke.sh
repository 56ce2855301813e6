#!/usr/bin/env bash
# Smoke test of `storefront recs train` (docs/cli.md): the example order log trains, malformed
# lines are reported with their line numbers and skipped, --strict and --max-errors stop with
# exit 2, the documented usage errors, and the example log is exactly what the generator writes
# (drift check). The small log's model is computed by hand in the comments.
#
#   tests/cli/recs_train_smoke.sh [path/to/storefront]   (default: the native-release build)
set -uo pipefail
cd "$(dirname "$0")/../.."
cli=${1:-build/native-release/tools/cli/storefront}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
failed=0

ok() { echo "ok: $*"; }
bad() { echo "FAILED: $*"; failed=1; }
# check <description> <command...>: the command must succeed.
check() {
  local what=$1
  shift
  if "$@"; then ok "$what"; else bad "$what"; fi
}
# train <want-exit> <args...>: runs the trainer, stdout to $work/out, stderr to $work/err.
train() {
  local want=$1 got
  shift
  "$cli" recs train "$@" >"$work/out" 2>"$work/err"
  got=$?
  if ((got == want)); then ok "exit $got from recs train $*"; else
    bad "exit $got (want $want) from recs train $*"
    sed 's/^/  stderr: /' "$work/err"
  fi
}

# 1. The example log is what the generator writes, byte for byte.
check "examples/data/orders.jsonl matches node tools/generate_orders.mjs" \
  cmp <(node tools/generate_orders.mjs) examples/data/orders.jsonl

# 2. The example log trains; the model goes to stdout, or to --out with the same bytes.
train 0 --orders examples/data/orders.jsonl
check "summary of the example log" grep -qE '^trained on 5000 orders \(0 skipped, 0 oversized\) in [0-9.]+ s: [0-9]+ items, [0-9]+ pairs kept$' "$work/err"
check "the model counts 5000 orders" grep -qE '"min_support":2,"orders":5000,"top_k":20}$' "$work/out"
check "nothing but the summary on a non-terminal stderr" test "$(wc -l <"$work/err")" -eq 1
cp "$work/out" "$work/stdout-model"
train 0 --orders examples/data/orders.jsonl --out "$work/model.json"
check "--out writes what stdout gets" cmp "$work/stdout-model" "$work/model.json"
check "--out leaves stdout empty" test ! -s "$work/out"
# The example shop serves the model trained from the example log (quickstart.md gives the command).
train 0 --orders examples/data/orders.jsonl --min-support 5 --top-k 8
check "examples/data/shop.json's recommendations are the trained model" \
  node -e 'const fs = require("fs");
    const shop = JSON.parse(fs.readFileSync("examples/data/shop.json", "utf8"));
    const model = JSON.parse(fs.readFileSync(process.argv[1], "utf8"));
    process.exit(JSON.stringify(shop.recommendations) === JSON.stringify(model) ? 0 : 1);' "$work/out"

# 3. Malformed lines. Good orders: line 1 {A,B}, line 4 {A,B,C}, line 7 {B,C,B}. Counts: A 2,
# B 3, C 2; AB 2 (lines 1, 4), AC 1 (line 4), BC 2 (lines 4, 7). With min_support 2: A-B and
# B-C; B's partners tie at 2 and go by SKU.
log="$work/orders.jsonl"
cat >"$log" <<'LOG'
{"id":"o-1","lines":[{"sku":"A","quantity":1},{"sku":"B","quantity":2}]}

not json
{"lines":[{"sku":"A"},{"sku":"B"},{"sku":"C"}]}
[1,2]
{"id":"o-5","lines":[{"quantity":1}]}
{"lines":[{"sku":"B"},{"sku":"C"},{"sku":"B","quantity":3}]}
   
LOG
expected='{"items":[{"orders":2,"related":[{"sku":"B","together":2}],"sku":"A"},{"orders":3,"related":[{"sku":"A","together":2},{"sku":"C","together":2}],"sku":"B"},{"orders":2,"related":[{"sku":"B","together":2}],"sku":"C"}],"min_support":2,"orders":3,"top_k":20}'
train 0 --orders "$log"
check "the hand-computed model" test "$(cat "$work/out")" = "$expected"
check "line 3 reported" grep -qE "^$log:3: json_syntax: " "$work/err"
check "line 5 reported" grep -qE "^$log:5: type_mismatch: expected an order object, got an array$" "$work/err"
check "line 6 reported with its path" grep -qE "^$log:6: missing_field: .*\(at /lines/0/sku\)$" "$work/err"
check "empty and blank lines are not reported" test "$(grep -c "^$log:" "$work/err")" -eq 3
check "summary counts the skipped lines" grep -qE '^trained on 3 orders \(3 skipped, 0 oversized\)' "$work/err"

# 4. --strict stops at the first malformed line, --max-errors after more than N; no model.
train 2 --orders "$log" --strict
check "--strict reports line 3" grep -qE "^$log:3: json_syntax: " "$work/err"
check "--strict stops there" test "$(grep -c "^$log:" "$work/err")" -eq 1
check "--strict writes no model" test ! -s "$work/out"
train 2 --orders "$log" --max-errors 1
check "--max-errors 1 stops at the second malformed line (5)" \
  test "$(grep -o "^$log:[0-9]*" "$work/err" | tr '\n' ' ')" = "$log:3 $log:5 "
train 0 --orders "$log" --max-errors 3

# 5. Oversized orders: with at most 2 SKUs, line 4 adds no pairs; AB and BC fall to 1.
train 0 --orders "$log" --max-items-per-order 2
check "oversized orders are counted" grep -qE '^trained on 3 orders \(3 skipped, 1 oversized\)' "$work/err"
check "...and add no pairs" test "$(cat "$work/out")" = '{"items":[],"min_support":2,"orders":3,"top_k":20}'

# 6. The command line: usage errors are 64, an unreadable file 1.
train 64 --orders "$log" --top-k 0
train 64 --orders "$log" --min-support 0
train 64 --min-support 2
train 1 --orders "$work/does-not-exist.jsonl"

exit $failed
