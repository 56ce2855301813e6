#!/usr/bin/env bash
# The core (sdk/, include/storefront/) must stay pure: no I/O, clock, randomness, locale,
# platform headers, unordered std containers (their iteration order could leak into output) or
# floating point. This check turns that rule into a test: one line per violation, then a count.
# A line that must break a rule says why with a "purity-ok: <reason>" comment.
set -uo pipefail
cd "$(dirname "$0")/.."

# Each rule: an extended regular expression, a tab, and why it is forbidden.
float_rule=$'(^|[^_[:alnum:]])(float|double)([^_[:alnum:]]|$)\tno floating point on any path to money'
rules=(
  $'#include <(iostream|fstream|sstream|cstdio|stdio\\.h|filesystem)>\tI/O belongs to the targets'
  $'#include <(chrono|ctime|time\\.h)>\tthe core never reads a clock: requests carry `at`'
  $'#include <random>\tno randomness: experiments use a stable hash'
  $'#include <(locale|clocale)>\tno locale: output must not depend on the host'
  $'#include <(unistd\\.h|windows\\.h|emscripten[^>]*|sys/[^>]*|pthread\\.h)>\tno platform headers'
  $'std::unordered_(map|set)\tstd unordered iteration order must never reach output'
  "$float_rule"
  $'(^|[^_[:alnum:]:])(rand|srand|time|getenv|printf|fopen)[[:space:]]*\\(\tno hidden I/O, clock or randomness'
)

files=$(git ls-files 'sdk/**.cc' 'sdk/**.h' 'include/storefront/**.h')

# Files exempt from the floating-point rule only; every other rule still applies to them.
float_allowlist=(
  # GrowthBook defines experiment bucketing in IEEE-754 binary64: +, * and / are correctly rounded,
  # so identical on every target (-ffp-contract=off), and the double only selects a variation,
  # never an amount (docs/design/experiment-bucketing-doubles.md).
  include/storefront/personalization/bucketing.h
  sdk/personalization/bucketing.cc
)
is_float_allowed() {
  local allowed
  for allowed in "${float_allowlist[@]}"; do [[ $1 == "$allowed" ]] && return 0; done
  return 1
}
violations=0
for rule in "${rules[@]}"; do
  pattern=${rule%%$'\t'*}
  why=${rule#*$'\t'}
  for file in $files; do
    if [[ $rule == "$float_rule" ]] && is_float_allowed "$file"; then continue; fi
    # Strings and comments may mention forbidden things; code may not (unless it says why it
    # must). Lines are blanked, not removed, so that line numbers stay true.
    hits=$(sed -E '/purity-ok:/s/.*//; s/"([^"\\]|\\.)*"/""/g; s://.*$::' "$file" | grep -nE "$pattern")
    status=$?
    if (( status > 1 )); then echo "check_core_purity: bad pattern: $pattern" >&2; exit 2; fi
    while IFS= read -r hit; do
      [[ -n $hit ]] || continue
      echo "$file:$hit  -- $why"
      violations=$((violations + 1))
    done <<<"$hits"
  done
done

count=$(wc -w <<<"$files")
echo "core purity: $count files, ${#rules[@]} rules, $violations violations"
(( violations == 0 ))
