#!/usr/bin/env bash
# Manual benchmark (never run by CI): termcheck at scale against grep and ripgrep, in one run.
#
#   benches/scale.sh            # full: 5 MB/1,000 and 50 MB/10,000 tables, scaling up to
#                               #       100,000 concepts and 500 MB (about 10-15 minutes)
#   benches/scale.sh --quick    # 5 MB/1,000 table, scaling to 10,000 concepts and 50 MB
#
# Data: made (once, then cached) by benches/compare_grep.sh with DATA_ONLY=1, i.e. by the shared
# harness (../shared/bench): real English documentation prose with injected forbidden variants
# and near-misses, a truth file, and glossaries of N concepts from the same generator.
#
# Tables printed (and written to $BENCH_WORK/bench/results/scale_<stamp>/summary.txt):
#   1. per corpus/glossary: termcheck exact rules and all rules, 1 thread and all cores, and
#      `LC_ALL=C grep -F -i -w -o -f patterns`, `rg -F -i -w -o --no-unicode -f patterns`:
#      MB, wall s (minimum of ROUNDS alternating runs), MB/s, peak RSS, recall of the injected
#      forbidden variants, extra hits (exact-rule findings matching no injection), near-miss
#      recall (garbled-term). Parallelism in termcheck is per file, so the all-cores rows check
#      the same corpus cut into SPLIT files (line numbers are mapped back for scoring), and the
#      threads are compared with one thread on those same files (each file is a document).
#   2. concepts 10 ... 100,000 at a fixed text (the first SCALE_MB of the 50 MB corpus):
#      throughput of both rule sets and grep, and the start-up (glossary load + compile) on a
#      one-line file.
#   3. text 5 / 50 / 500 MB at 10,000 concepts (500 MB = the 50 MB corpus 10 times): throughput
#      and peak RSS, i.e. memory does not grow with the file.
#
# Environment: BENCH_WORK [target/bench-work], TERMCHECK_SHARED [../shared], TERMCHECK_BIN
# (skip the build), ROUNDS [3, quick 1], SPLIT [16], SCALE_MB [10, quick 5], PEER_TIMEOUT [120],
# SAMPLE_MB [0.5]: ripgrep runs once; if it exceeds PEER_TIMEOUT, its row is a run on the first
# SAMPLE_MB of the corpus (marked in the table).
set -euo pipefail
die() { echo "scale.sh: $*" >&2; exit 1; }

QUICK=0
case "${1:-}" in
  --quick) QUICK=1 ;;
  "") ;;
  *) die "usage: benches/scale.sh [--quick]" ;;
esac
REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$REPO"
[ -x /usr/bin/time ] || die "/usr/bin/time missing: apt-get install time"
WORK=${BENCH_WORK:-target/bench-work}
mkdir -p "$WORK"
export BENCH_WORK
BENCH_WORK=$(cd "$WORK" && pwd)

data() {  # SIZE N -> "glossary corpus truth"
  DATA_ONLY=1 "$REPO/benches/compare_grep.sh" "$1" "$2" | tail -1
}
if [ $QUICK = 1 ]; then
  TABLES=("5 1000")
  CONCEPTS=(10 100 1000 10000)
  TEXT_MB=(5 50)
  ROUNDS=${ROUNDS:-1}
  SCALE_MB=${SCALE_MB:-5}
else
  TABLES=("5 1000" "50 10000")
  CONCEPTS=(10 100 1000 10000 100000)
  TEXT_MB=(5 50 500)
  ROUNDS=${ROUNDS:-3}
  SCALE_MB=${SCALE_MB:-10}
fi
SETS=()
for t in "${TABLES[@]}"; do
  # shellcheck disable=SC2086
  SETS+=("$t $(data $t)")
done
# Glossaries of the concept scaling (the 5 MB corpora made with them are not used).
GLOSSES=()
for n in "${CONCEPTS[@]}"; do
  read -r g _ _ <<< "$(data 5 "$n")"
  GLOSSES+=("$n $g")
done
read -r _ BIG _ <<< "$(data 50 10000)"

if [ -n "${TERMCHECK_BIN:-}" ]; then
  TC=$TERMCHECK_BIN
else
  cargo build --release --bin termcheck >&2
  TC=${CARGO_TARGET_DIR:-target}/release/termcheck
fi
TC=$(cd "$(dirname "$TC")" && pwd)/$(basename "$TC")
[ -x "$TC" ] || die "termcheck binary not found: $TC"
OUT=$BENCH_WORK/bench/results/scale_$(date +%Y%m%d-%H%M%S)
mkdir -p "$OUT"
echo "# results: $OUT" >&2

python3 - "$BENCH_WORK/bench" "$TC" "$OUT" "$ROUNDS" "${SPLIT:-16}" "$SCALE_MB" "$BIG" \
  "${PEER_TIMEOUT:-120}" "$(IFS=';'; echo "${SETS[*]}")" "$(IFS=';'; echo "${GLOSSES[*]}")" \
  "${TEXT_MB[*]}" "${SAMPLE_MB:-0.5}" <<'EOF' | tee "$OUT/summary.txt"
import csv, os, shlex, subprocess, sys

harness, tc, out, rounds, split, scale_mb, big, timeout, sets, glosses, text_mb, sample_mb = \
    sys.argv[1:]
rounds, split, scale_mb, timeout = int(rounds), int(split), float(scale_mb), int(timeout)
sample_mb = float(sample_mb)
sys.path.insert(0, harness)
import peers  # the shared harness: glossary/truth loading, patterns, scoring, /usr/bin/time -v

CORES = os.cpu_count() or 1
EXACT = "forbidden-term,deprecated-term"


def prepare_glossary(gtsv, wd):
    os.makedirs(wd, exist_ok=True)
    terms = peers.load_glossary(gtsv)
    peers.Termcheck("", "", 1).prepare(terms, None, wd)  # wd/glossary.csv
    peers.write_patterns(terms, os.path.join(wd, "patterns.txt"))
    return terms


def cut(corpus, parts, wd):
    """The corpus in `parts` files of consecutive lines; the first line number of each."""
    d = os.path.join(wd, "parts")
    os.makedirs(d, exist_ok=True)
    with open(corpus, encoding="utf-8") as f:
        lines = f.readlines()
    per = -(-len(lines) // parts)
    first = {}
    for i in range(parts):
        name = f"part{i:03d}.txt"
        first[os.path.join(d, name)] = i * per
        with open(os.path.join(d, name), "w", encoding="utf-8") as g:
            g.writelines(lines[i * per:(i + 1) * per])
    return d, first


def head(corpus, mb, path):
    if not os.path.exists(path):
        n = 0
        with open(corpus, encoding="utf-8") as f, open(path, "w", encoding="utf-8") as g:
            for line in f:
                g.write(line)
                n += len(line.encode())
                if n >= mb * 1e6:
                    break
    return path


def repeat(corpus, times, path):
    if not os.path.exists(path):
        with open(corpus, "rb") as f:
            data = f.read()
        with open(path + ".tmp", "wb") as g:
            for _ in range(times):
                g.write(data)
        os.rename(path + ".tmp", path)
    return path


def tc_cmd(target, wd, select, threads, raw):
    sel = f"--select {select} " if select else ""
    return (f"{shlex.quote(tc)} check {shlex.quote(target)} --glossary {wd}/glossary.csv {sel}"
            f"--threads {threads} --format csv -o {raw}; [ $? -le 1 ]")


def tc_hits(raw, first=None):
    exact, other = [], []
    with open(raw, newline="", encoding="utf-8") as f:
        for r in csv.DictReader(f):
            line = int(r["line"]) + (first[r["file"]] if first else 0)
            (exact if r["rule"] in EXACT.split(",") else other).append((line, r["found"].lower()))
    return exact, other


def grep_hits(raw):
    hits = []
    with open(raw, encoding="utf-8", errors="replace") as f:
        for row in f:
            ln, _, txt = row.rstrip("\n").partition(":")
            if ln.isdigit():
                hits.append((int(ln), txt.lower()))
    return hits


def measure(cmd, wd, name, limit=None):
    """One timed run (the callers alternate runs): (rc, wall s, peak RSS MB, CPU s)."""
    tfile = os.path.join(wd, f"{name}.time")
    rc, wall, rss = peers.timed(cmd, limit or timeout, tfile)
    cpu = 0.0
    with open(tfile) as f:
        for row in f:
            if "User time (seconds)" in row or "System time (seconds)" in row:
                cpu += float(row.split(":")[1])
    return rc, wall, rss, cpu


def best(runs):
    """Minimum wall time, maximum peak RSS, minimum CPU time (user + system) of the runs."""
    ok = [r for r in runs if r[0] == 0]
    if not ok:
        return None
    return min(r[1] for r in ok), max((r[2] or 0) for r in ok), min(r[3] for r in ok)


def table(size, n, gtsv, corpus, truth):
    wd = os.path.join(out, f"{size}mb_{n}c")
    prepare_glossary(gtsv, wd)
    parts, first = cut(corpus, max(split, CORES), wd)
    mb = os.path.getsize(corpus) / 1e6
    pat = os.path.join(wd, "patterns.txt")
    rows = [
        ("termcheck exact, 1 thread", lambda raw: tc_cmd(corpus, wd, EXACT, 1, raw), None),
        (f"termcheck exact, {CORES} threads", lambda raw: tc_cmd(parts, wd, EXACT, CORES, raw), first),
        ("termcheck all rules, 1 thread", lambda raw: tc_cmd(corpus, wd, "", 1, raw), None),
        (f"termcheck all rules, {CORES} threads", lambda raw: tc_cmd(parts, wd, "", CORES, raw), first),
        # The same files on one thread: each file is a document of its own (garbled-term counts
        # a spelling's uses per document, inconsistent-term compares renderings per document),
        # so the cut corpus is not the same work as the whole one.
        (f"termcheck exact, 1 thread, {len(parts)} files",
            lambda raw: tc_cmd(parts, wd, EXACT, 1, raw), first),
        (f"termcheck all rules, 1 thread, {len(parts)} files",
            lambda raw: tc_cmd(parts, wd, "", 1, raw), first),
        ("LC_ALL=C grep -F -i -w -o", lambda raw: f"LC_ALL=C grep -F -i -w -o -n -f {pat} "
            f"{shlex.quote(corpus)} > {raw} || [ $? -eq 1 ]", "grep"),
        ("rg -F -i -w -o --no-unicode", lambda raw: f"/usr/bin/rg -F -i -w -o -n --no-unicode "
            f"--no-heading --no-filename -f {pat} {shlex.quote(corpus)} > {raw} || [ $? -eq 1 ]",
            "grep"),
    ]
    if not os.path.exists("/usr/bin/rg"):
        rows.pop()
    runs = {name: [] for name, _, _ in rows}
    notes = {}
    for i in range(rounds):
        order = rows[i % len(rows):] + rows[:i % len(rows)]
        for row in order:
            name, cmd, _ = row
            k = rows.index(row)
            # ripgrep 13 takes minutes on 10,000 patterns: one run, and if that times out, a
            # run on the first SAMPLE_MB (its MB/s then includes the start-up).
            if name.startswith("rg") and i > 0:
                continue
            r = measure(cmd(os.path.join(wd, f"raw{k}")), wd, f"t{k}")
            if name.startswith("rg") and r[0] != 0:
                sample, sample_truth = peers.head_sample(corpus, truth, sample_mb, wd)
                smb = os.path.getsize(sample) / 1e6
                r = measure(cmd(os.path.join(wd, f"raw{k}")).replace(
                    shlex.quote(corpus), shlex.quote(sample)), wd, f"t{k}")
                notes[name] = (smb, sample_truth)
            runs[name].append(r)
    ex, fz = peers.load_truth(truth)
    print(f"\n## {size} MB / {n:,} concepts: {corpus} ({mb:.1f} MB), {len(ex)} injected forbidden "
          f"variants, {len(fz)} near-misses; {rounds} round(s), minimum wall time")
    print("| tool | wall s | MB/s | CPU s | peak RSS MB | recall | extra | near-miss recall |")
    print("|---|---|---|---|---|---|---|---|")
    res = {}
    cpu = {}
    for k, (name, _, first_lines) in enumerate(rows):
        b = best(runs[name])
        if b is None:
            why = (f"timed out (> {timeout} s, also on the first {notes[name][0]:.1f} MB)"
                   if name in notes else "failed")
            print(f"| {name} | {why} | | | | | | |")
            continue
        raw = os.path.join(wd, f"raw{k}")
        if first_lines == "grep":
            exact, other = grep_hits(raw), []
        else:
            exact, other = tc_hits(raw, first_lines)
        rmb = mb
        if name in notes:
            rmb, sample_truth = notes[name]
            s = peers.score(exact, *peers.load_truth(sample_truth))
            name = f"{name} (timed out; first {rmb:.1f} MB only)"
        else:
            s = peers.score(exact, ex, fz)
        near = len(fz & set(other)) / len(fz) if fz else 0.0
        res[name] = b[0]
        cpu[["e1", "eN", "a1", "aN", "e1f", "a1f", "grep", "rg"][k]] = b[2]
        near_cell = f"{near:.3f}" if "all rules" in name else "-"
        print(f"| {name} | {b[0]:.2f} | {rmb / b[0]:.1f} | {b[2]:.2f} | {b[1]:.0f} | "
              f"{s['recall_exact']:.4f} | {s['extra']} | {near_cell} |")
    g = res.get("LC_ALL=C grep -F -i -w -o")
    e1 = res.get("termcheck exact, 1 thread")
    a1 = res.get("termcheck all rules, 1 thread")
    eN = res.get(f"termcheck exact, {CORES} threads")
    aN = res.get(f"termcheck all rules, {CORES} threads")
    e1f = res.get(f"termcheck exact, 1 thread, {len(parts)} files")
    a1f = res.get(f"termcheck all rules, 1 thread, {len(parts)} files")
    if g and e1 and a1 and eN and aN and e1f and a1f:
        print(f"\nthroughput vs grep (wall): exact {g / e1:.2f}x, all rules {g / a1:.2f}x; "
              f"{CORES} threads vs 1 on the same {len(parts)} files (wall): exact "
              f"{e1f / eN:.2f}x, all rules {a1f / aN:.2f}x")
        c = cpu.get
        print(f"throughput vs grep (CPU time): exact {c('grep') / c('e1'):.2f}x, all rules "
              f"{c('grep') / c('a1'):.2f}x; CPU time {CORES} threads / 1 thread on the same "
              f"files: exact {c('eN') / c('e1f'):.2f}, all rules {c('aN') / c('a1f'):.2f} "
              f"(1.00 = no extra work)")


def startup(wd, select):
    one = os.path.join(out, "one-line.txt")
    with open(one, "w") as f:
        f.write("One line of text.\n")
    runs = [measure(tc_cmd(one, wd, select, 1, os.path.join(wd, "raw-one")), wd, "one")
            for _ in range(rounds)]
    return best(runs)


def concepts_table():
    text = head(big, scale_mb, os.path.join(out, f"head_{scale_mb:g}mb.txt"))
    mb = os.path.getsize(text) / 1e6
    print(f"\n## Concepts at a fixed text: the first {mb:.1f} MB of {big}; 1 thread, "
          f"minimum of {rounds}")
    print("MB/s from CPU time (user + system, start-up included); start-up on a one-line file: "
          "wall s / CPU s (peak RSS MB)")
    print("| concepts | renderings | exact MB/s | all rules MB/s | grep MB/s | start-up exact "
          "| start-up all rules | all rules peak RSS MB |")
    print("|---|---|---|---|---|---|---|---|")
    for item in glosses.split(";"):
        n, gtsv = item.split(" ", 1)
        wd = os.path.join(out, f"concepts_{n}")
        terms = prepare_glossary(gtsv, wd)
        renderings = sum(1 + len(v) for _, _, v in terms)
        pat = os.path.join(wd, "patterns.txt")
        cmds = {
            "exact": tc_cmd(text, wd, EXACT, 1, os.path.join(wd, "raw-e")),
            "all": tc_cmd(text, wd, "", 1, os.path.join(wd, "raw-a")),
            "grep": f"LC_ALL=C grep -F -i -w -o -n -f {pat} {shlex.quote(text)} > {wd}/raw-g "
                    "|| [ $? -eq 1 ]",
        }
        runs = {k: [] for k in cmds}
        for _ in range(rounds):
            for k, c in cmds.items():
                runs[k].append(measure(c, wd, k))
        b = {k: best(v) for k, v in runs.items()}
        se, sa = startup(wd, EXACT), startup(wd, "")
        f = lambda x: f"{mb / x[2]:.1f}" if x else "failed"
        s = lambda x: f"{x[0]:.2f} / {x[2]:.2f} ({x[1]:.0f})" if x else "failed"
        print(f"| {int(n):,} | {renderings:,} | {f(b['exact'])} | {f(b['all'])} | {f(b['grep'])} | "
              f"{s(se)} | {s(sa)} | {b['all'][1] if b['all'] else 0:.0f} |")


def text_table():
    wd = os.path.join(out, "text")
    gl = [g for g in glosses.split(";") if g.startswith("10000 ")][0].split(" ", 1)[1]
    prepare_glossary(gl, wd)
    print(f"\n## Text size at 10,000 concepts; 1 thread, minimum of {rounds} (1 for 500 MB)")
    print("cells: wall s, MB/s from CPU time, peak RSS MB")
    print("| text | exact | exact + garbled (no inconsistent-term) | all rules |")
    print("|---|---|---|---|")
    for size in text_mb.split():
        size = int(size)
        if size < 50:
            path = head(big, size, os.path.join(out, f"head_{size}mb.txt"))
        elif size == 50:
            path = big
        else:
            path = repeat(big, size // 50, os.path.join(os.path.dirname(big), f"corpus_{size}_x.txt"))
        mb = os.path.getsize(path) / 1e6
        r = 1 if size > 50 else rounds
        cells = []
        for sel in (EXACT, EXACT + ",garbled-term", ""):
            b = best([measure(tc_cmd(path, wd, sel, 1, os.path.join(wd, "raw")), wd, "t",
                              limit=30 * timeout) for _ in range(r)])
            cells.append(f"{b[0]:.1f} s, {mb / b[2]:.1f}, {b[1]:.0f}" if b else "failed")
        print(f"| {mb:.0f} MB | " + " | ".join(cells) + " |")


print(f"termcheck: {tc}; {CORES} cores; the machine is shared: compare rows of one run only")
for item in sets.split(";"):
    size, n, gtsv, corpus, truth = item.split()
    table(size, int(n), gtsv, corpus, truth)
concepts_table()
text_table()
EOF
