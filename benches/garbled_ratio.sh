#!/usr/bin/env bash
# Manual benchmark (never run by CI): the cost of garbled-term relative to the exact rules.
#
#   benches/garbled_ratio.sh [CORPUS GLOSSARY]     (default: the 50 MB / 10,000-term bench data)
#
# Runs termcheck ROUNDS times (default 5) on CORPUS, alternating exact rules only, exact rules
# plus garbled-term, and all rules, single-threaded, and prints the minimum user time of each
# and the ratios. The minimum of alternating runs is the least noisy figure on a shared machine.
# It also prints the median of the ratios within each round: the three runs of a round follow
# one another, so a burst of load from other tenants that spans them cancels out, where the
# minimums of two modes may come from different rounds.
# The default data is made by benches/compare_grep.sh (run it once first).
set -euo pipefail
REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
WORK=${BENCH_WORK:-$REPO/target/bench-work}
CORPUS=${1:-$WORK/bench/data/corpus_50_10000.txt}
GLOSSARY=${2:-}
ROUNDS=${ROUNDS:-5}
BIN=${TERMCHECK_BIN:-$REPO/target/release/termcheck}
[ -x /usr/bin/time ] || { echo "garbled_ratio.sh: /usr/bin/time missing: apt-get install time" >&2; exit 2; }
[ -f "$CORPUS" ] || { echo "garbled_ratio.sh: $CORPUS not found: run benches/compare_grep.sh first" >&2; exit 2; }
if [ -z "$GLOSSARY" ]; then
  # The glossary compare_grep.sh gave termcheck (the CSV written by the harness's adapter).
  GLOSSARY=$(ls -t "$WORK"/bench/results/compare_*/run1/termcheck/glossary.csv 2>/dev/null | head -1)
  [ -n "$GLOSSARY" ] || { echo "garbled_ratio.sh: no glossary found; pass one" >&2; exit 2; }
fi
[ -n "${TERMCHECK_BIN:-}" ] || (cd "$REPO" && cargo build --release -q)
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
declare -A best
ratios_garbled=()
ratios_all=()
for _ in $(seq "$ROUNDS"); do
  declare -A this=()
  for mode in exact garbled all; do
    case $mode in
      exact) sel=(--select forbidden-term,deprecated-term) ;;
      garbled) sel=(--select forbidden-term,deprecated-term,garbled-term) ;;
      all) sel=() ;;
    esac
    # Exit status 1 means findings were reported: success here.
    /usr/bin/time -o "$out/time" -f "%U" "$BIN" check "$CORPUS" --glossary "$GLOSSARY" \
      --threads 1 "${sel[@]}" --format csv -o "$out/$mode.csv" >/dev/null 2>"$out/stderr" \
      || [ $? -le 1 ] || { cat "$out/stderr" >&2; exit 2; }
    t=$(tail -1 "$out/time")
    this[$mode]=$t
    prev=${best[$mode]:-}
    if [ -z "$prev" ] || awk -v a="$t" -v b="$prev" 'BEGIN{exit !(a<b)}'; then best[$mode]=$t; fi
  done
  ratios_garbled+=("$(awk -v e="${this[exact]}" -v t="${this[garbled]}" 'BEGIN{printf "%.3f", e/t}')")
  ratios_all+=("$(awk -v e="${this[exact]}" -v t="${this[all]}" 'BEGIN{printf "%.3f", e/t}')")
done
median() { printf '%s\n' "$@" | sort -n | awk '{v[NR]=$1} END{printf "%.2f", NR%2 ? v[(NR+1)/2] : (v[NR/2]+v[NR/2+1])/2}'; }
mb=$(awk -v b="$(stat -c %s "$CORPUS")" 'BEGIN{printf "%.1f", b/1e6}')
printf 'corpus %s (%s MB), glossary %s, %s rounds, minimum user seconds\n' "$CORPUS" "$mb" "$GLOSSARY" "$ROUNDS"
for mode in exact garbled all; do
  awk -v m="$mode" -v t="${best[$mode]}" -v mb="$mb" -v e="${best[exact]}" \
    'BEGIN{printf "%-8s %6.2f s %7.1f MB/s  throughput vs exact %.2f\n", m, t, mb/t, e/t}'
done
printf 'median of the ratios within each round: garbled %s, all %s (rounds: garbled %s; all %s)\n' \
  "$(median "${ratios_garbled[@]}")" "$(median "${ratios_all[@]}")" "${ratios_garbled[*]}" "${ratios_all[*]}"
