#!/usr/bin/env bash
# Manual benchmark (never run by CI): termcheck's exact-match throughput
# against `LC_ALL=C grep -F -i -w -o -n -f patterns` on the same corpus.
#
#   benches/compare_grep.sh [SIZE_MB NTERMS]       (default: 50 10000)
#
# It uses the shared peer harness (gen_*.py for data, peers.py to run, time
# and score each peer) and only adds: a private copy of the harness, cached
# data, a release build of termcheck, ROUNDS runs and a median summary.
#
# Environment (all optional):
#   TERMCHECK_SHARED  dir that holds the shared harness as bench/   [../shared]
#   BENCH_WORK        scratch dir; the harness is copied to $BENCH_WORK/bench,
#                     data is cached in $BENCH_WORK/bench/data       [target/bench-work]
#                     (relative paths are relative to the repo root)
#   TERMCHECK_BIN     use this termcheck binary and skip `cargo build`
#   PEERS             peers.py keys          [grep-c,termcheck(,rg-ascii)]
#   ROUNDS            runs per peer; the table shows medians          [3]
#   PEER_TIMEOUT      seconds per peer run (peers.py --timeout)       [300]
#   SAMPLE_MB         peers.py probe size, see the harness README     [0.5]
#   SEED INJECT_PER_MB FUZZY_PER_MB   corpus generation, as run_peers.sh [7 200 40]
#   DATA_ONLY         set to 1: only make (or find) the data, print the glossary, corpus and
#                     truth paths on one line and exit (benches/scale.sh uses this)
#
# Output: a table on stdout, also written with every run's raw files to
# $BENCH_WORK/bench/results/compare_<SIZE>mb_<N>t_<stamp>/ (summary.txt,
# run<i>/results.jsonl, run<i>/table.txt, run<i>/<peer>/{raw,time.txt,...}).
set -euo pipefail

die() { echo "compare_grep.sh: $*" >&2; exit 1; }

# ---------------------------------------------------------------- arguments
case $# in
  0) SIZE=50 N=10000 ;;
  2) SIZE=$1 N=$2 ;;
  *) die "usage: benches/compare_grep.sh [SIZE_MB NTERMS]" ;;
esac
[[ $SIZE =~ ^[0-9]+(\.[0-9]+)?$ ]] || die "SIZE_MB must be a number, got '$SIZE'"
[[ $N =~ ^[0-9]+$ ]] || die "NTERMS must be an integer, got '$N'"
ROUNDS=${ROUNDS:-3}
[[ $ROUNDS =~ ^[1-9][0-9]*$ ]] || die "ROUNDS must be a positive integer"

# Everything below runs from the repo root, so relative TERMCHECK_SHARED /
# BENCH_WORK / CARGO_TARGET_DIR are resolved against it.
REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$REPO"

# ---------------------------------------------------------------- prerequisites
for t in python3 grep timeout; do
  command -v "$t" >/dev/null || die "$t not found"
done
# peers.py times every run with GNU time's -v report (wall + peak RSS)
[ -x /usr/bin/time ] || die "/usr/bin/time missing: apt-get install time"

# ---------------------------------------------------------------- harness copy
SHARED=${TERMCHECK_SHARED:-../shared}
[ -f "$SHARED/bench/peers.py" ] || die "shared harness not found at $SHARED/bench (set TERMCHECK_SHARED)"
SRC=$(cd "$SHARED/bench" && pwd)
WORK=${BENCH_WORK:-target/bench-work}
mkdir -p "$WORK"
WORK=$(cd "$WORK" && pwd)
H=$WORK/bench
if [ ! -f "$H/peers.py" ]; then
  # The shared copy is read-only and its scripts write data/ and results/
  # next to themselves, so work on a private copy.  Skip installed peers
  # (.peers: venv/node_modules hold absolute paths) and old results.
  echo "# copying harness $SRC -> $H" >&2
  mkdir -p "$H"
  tar -C "$SRC" --exclude=./.peers --exclude=./results -cf - . | tar -C "$H" -xf -
  chmod -R u+w "$H"
elif ! cmp -s "$SRC/peers.py" "$H/peers.py"; then
  echo "# note: $H/peers.py differs from $SRC/peers.py (delete $H to re-copy)" >&2
fi

# ---------------------------------------------------------------- data (cached)
# Same files, arguments and cache rules as the harness's run_peers.sh, so data
# made by either is reused by the other.  Each file is written under a .tmp
# name and renamed when complete, so an interrupted run leaves no truncated
# file that would later pass for cached data.
D=$H/data
G=$D/glossary_$N.tsv
C=$D/corpus_${SIZE}_${N}.txt
T=$D/truth_${SIZE}_${N}.tsv
mkdir -p "$D"
need_rg() {  # gen_glossary.py / gen_corpus.py screen candidates with ripgrep
  command -v rg >/dev/null || die "ripgrep is needed to generate data: apt-get install ripgrep"
}
if [ ! -s "$D/base.txt" ]; then
  [ -d /usr/share/doc/linux-doc-6.1 ] && [ -d /usr/share/doc/python3.11/html/_sources ] ||
    die "base text sources missing: apt-get install linux-doc-6.1 python3.11-doc"
  echo "# make_base.py (~15 s)" >&2
  (cd "$H" && python3 make_base.py data/base.txt.tmp && mv data/base.txt.tmp data/base.txt)
fi
if ! { [ -s "$G" ] && [ "$G" -nt "$D/base.txt" ]; }; then
  need_rg
  [ -f /usr/share/wordnet/index.noun ] || die "WordNet missing: apt-get install wordnet-base"
  echo "# gen_glossary.py $N (~15 s)" >&2
  (cd "$H" && python3 gen_glossary.py data/base.txt "$N" "data/glossary_$N.tsv.tmp" &&
     mv "data/glossary_$N.tsv.tmp" "data/glossary_$N.tsv")
fi
if [ ! -s "$C" ] || [ ! -s "$T" ] || [ "$G" -nt "$C" ]; then
  need_rg
  echo "# gen_corpus.py $SIZE MB" >&2
  (cd "$H" && python3 gen_corpus.py data/base.txt "data/glossary_$N.tsv" "$SIZE" \
     "$C.tmp" "$T.tmp" \
     --seed "${SEED:-7}" --inject-per-mb "${INJECT_PER_MB:-200}" --fuzzy-per-mb "${FUZZY_PER_MB:-40}" &&
     mv "$T.tmp" "$T" && mv "$C.tmp" "$C")
fi

if [ "${DATA_ONLY:-}" = 1 ]; then
  echo "$G $C $T"
  exit 0
fi

# ---------------------------------------------------------------- termcheck
if [ -n "${TERMCHECK_BIN:-}" ]; then
  TC=$TERMCHECK_BIN
  echo "# using TERMCHECK_BIN=$TC (no cargo build)" >&2
else
  echo "# cargo build --release" >&2
  cargo build --release --bin termcheck
  TD=${CARGO_TARGET_DIR:-target}
  TC=$TD/release/termcheck
fi
[ -x "$TC" ] || die "termcheck binary not found or not executable: $TC"
# peers.py's termcheck adapter reads the binary from $TERMCHECK (absolute:
# the adapter runs it from other directories)
TERMCHECK=$(cd "$(dirname "$TC")" && pwd)/$(basename "$TC")
export TERMCHECK

# ---------------------------------------------------------------- runs
# Peer keys are peers.py's (PEERS table there).  rg-ascii = Debian ripgrep 13
# with --no-unicode; note that on 10k terms it is far slower than grep and the
# harness then only runs it on a prefix (SAMPLE row, 1-1.5 min per round).
DEFAULT_PEERS=grep-c,termcheck
[ -x /usr/bin/rg ] && DEFAULT_PEERS+=,rg-ascii
IFS=, read -r -a PEER_LIST <<< "${PEERS:-$DEFAULT_PEERS}"

OUT=$H/results/compare_${SIZE}mb_${N}t_$(date +%Y%m%d-%H%M%S)
mkdir -p "$OUT"
echo "# termcheck: $TERMCHECK" >&2
echo "# results: $OUT" >&2
for ((i = 1; i <= ROUNDS; i++)); do
  # Rotate the peer order each round, so no peer always runs first (cold
  # caches, CPU frequency, a neighbour's load) -- the machine is noisy and the
  # ratio is only meaningful between runs made close together.
  order=()
  for ((j = 0; j < ${#PEER_LIST[@]}; j++)); do
    order+=("${PEER_LIST[(j + i - 1) % ${#PEER_LIST[@]}]}")
  done
  keys=$(IFS=,; echo "${order[*]}")
  echo "# round $i/$ROUNDS: $keys" >&2
  mkdir -p "$OUT/run$i"
  # peers.py: per peer a 1-line startup run, a probe on the first SAMPLE_MB,
  # then the full corpus under /usr/bin/time -v + timeout, output always to
  # a real file (grep -o > /dev/null would stop at the first match).
  python3 "$H/peers.py" bench "$C" "$T" "$G" "$OUT/run$i" --peers "$keys" \
    --timeout "${PEER_TIMEOUT:-300}" --sample-mb "${SAMPLE_MB:-0.5}" \
    > "$OUT/run$i/table.txt" ||
    die "peers.py failed in round $i (see $OUT/run$i)"
done

# ---------------------------------------------------------------- summary
# peers.py appends one JSON object per peer to run<i>/results.jsonl:
#   peer, name, version, note, prep_s, wall_s, rss_mb, rc, mb, startup_s
#   and, when rc == 0: hits, recall_exact, recall_1tok, recall_fuzzy, extra
# (a peer that is not installed gets no record at all).
python3 - "$OUT" "$ROUNDS" "${PEER_LIST[@]}" <<'EOF' | tee "$OUT/summary.txt"
import json, os, statistics, sys

out, rounds, keys = sys.argv[1], int(sys.argv[2]), sys.argv[3:]
runs = {k: [] for k in keys}          # peer key -> [(round, record)]
for i in range(1, rounds + 1):
    p = os.path.join(out, f"run{i}", "results.jsonl")
    if os.path.exists(p):
        with open(p) as f:
            for line in f:
                r = json.loads(line)
                runs.setdefault(r["peer"], []).append((i, r))

def ok(r):
    return r["rc"] == 0

def mbs(r):
    return r["mb"] / r["wall_s"] if r["wall_s"] > 0 else 0.0

with open(os.path.join(out, "run1", "table.txt")) as f:  # peers.py's "corpus ... glossary ..." line
    print(next((l.rstrip() for l in f if l.startswith("corpus ")), out))
print(f"{rounds} round(s); wall_s and MB/s are medians, RSS the maximum over successful runs")
hdr = (f"{'peer':10} {'MB':>5} {'wall_s':>7} {'MB/s':>7} {'RSS_MB':>7} {'hits':>6} "
       f"{'recall':>6} {'extra':>6} {'start_s':>7}  wall_s per round / note")
print(hdr)
print("-" * len(hdr))
def recall(k):
    g = [r for _, r in runs.get(k, []) if ok(r)]
    return g[-1]["recall_exact"] if g else None

versions = []
grep_recall = recall("grep-c")
for k in keys:
    rs = [r for _, r in runs.get(k, [])]
    good = [r for r in rs if ok(r)]
    if not rs:
        print(f"{k:10} not available (peers.py wrote no record)")
        continue
    versions.append(f"{k} = {rs[0]['name']} [{rs[0].get('version') or '?'}]")
    # notes (SAMPLE / TIMEOUT / failed) differ per round only by estimates:
    # show the first, count the others
    notes = list(dict.fromkeys(r["note"] for r in rs if r["note"]))
    if len(notes) > 1:
        notes = [f"{notes[0]} (+{len(notes) - 1} similar, see run*/table.txt)"]
    if not good:
        print(f"{k:10} {'-':>5} all runs failed: {'; '.join(notes)}")
        continue
    wall = statistics.median(r["wall_s"] for r in good)
    mbset = {round(r["mb"], 3) for r in good}
    mb = statistics.median(r["mb"] for r in good)
    # same input each round -> MB / median wall; else (different probe sizes)
    # the median of the per-run rates
    rate = mb / wall if len(mbset) == 1 else statistics.median(mbs(r) for r in good)
    rss = max((r["rss_mb"] or 0) for r in good)
    start = statistics.median(r.get("startup_s", 0.0) for r in good)
    last = good[-1]
    if len({(r["hits"], r["extra"]) for r in good}) > 1:
        notes.append("hits differ between rounds: " + ",".join(str(r["hits"]) for r in good))
    # grep's own recall is < 1 on some corpora (overlapping variants, see
    # benches/README.md), so compare with grep rather than with 1.0
    if grep_recall is not None and k != "grep-c" and len(mbset) == 1 \
            and last["recall_exact"] < grep_recall:
        notes.append("recall below grep-c")
    if len(good) < len(rs):
        notes.append(f"{len(rs) - len(good)} run(s) failed")
    per = " ".join(f"{r['wall_s']:.2f}" for r in good)
    print(f"{k:10} {mb:5.1f} {wall:7.2f} {rate:7.2f} {rss:7.0f} {last['hits']:6d} "
          f"{last['recall_exact']:6.4f} {last['extra']:6d} {start:7.2f}  {per}"
          + ("  " + "; ".join(notes) if notes else ""))

# ratio per round (both peers measured minutes apart), then the median
ratios = []
for i in range(1, rounds + 1):
    g = [r for j, r in runs.get("grep-c", []) if j == i and ok(r) and not r["note"]]
    t = [r for j, r in runs.get("termcheck", []) if j == i and ok(r) and not r["note"]]
    if g and t and mbs(g[0]) > 0:
        ratios.append(mbs(t[0]) / mbs(g[0]))
print("peers: " + "; ".join(versions))
print("recall = injected forbidden variants reported on their line; extra = hits matching no "
      "injection; start_s = wall time on a 1-line corpus (start-up + glossary load, also inside wall_s)")
tc_recall = recall("termcheck")
if ratios and grep_recall is not None and tc_recall is not None and tc_recall < 0.99 * grep_recall:
    print(f"WARNING: termcheck recall {tc_recall:.4f} is far below grep-c's {grep_recall:.4f}: "
          "the ratio compares unequal work")
if ratios:
    print("per-round termcheck/grep ratios: " + " ".join(f"{x:.2f}" for x in ratios))
    print(f"termcheck/grep throughput ratio: {statistics.median(ratios):.2f}")
else:
    print("termcheck/grep throughput ratio: n/a (no round with full runs of both grep-c and termcheck)")
EOF
