#!/usr/bin/env bash
# Bilingual throughput: a ~100 MB TMX and a ~100 MB TSV with a 10,000-concept bilingual
# glossary, checked with every rule (source-aware ones included) and with the exact rules only,
# one thread. Prints MB/s and peak RSS.
#
# The English side is the corpus ../shared/bench makes (real documentation text with injected
# glossary errors and a truth file; run `DATA_ONLY=1 benches/compare_grep.sh` first). The bench
# glossary has no source language, so each concept gets a synthetic Chinese source term
# (deterministic, from its id). Each segment's source is Chinese filler holding the segment's
# numbers and the source terms of the concepts the truth file says were injected into that line
# (so a forbidden variant there stands for its source term, as in a real translation), plus,
# in one segment of 50, the source term of a concept the target does not render (a real
# missing term), and a tag that makes it unique. The corpus is read twice for 100 MB; the second pass marks its targets so
# that no segment repeats another.
#
# Usage: benches/bilingual.sh [SIZE_MB]      (default 100; BENCH_WORK as for compare_grep.sh)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
size_mb="${1:-100}"
work="${BENCH_WORK:-target/bench-work}"
data="$work/bench/data"
corpus="$data/corpus_50_10000.txt"
glossary_tsv="$data/glossary_10000.tsv"
for f in "$corpus" "$glossary_tsv"; do
  [ -f "$f" ] || { echo "missing $f: run DATA_ONLY=1 benches/compare_grep.sh" >&2; exit 2; }
done
out="$work/bilingual"
mkdir -p "$out"

truth="$data/truth_50_10000.tsv"
python3 - "$corpus" "$glossary_tsv" "$out" "$size_mb" "$truth" <<'EOF'
import csv, random, re, sys
corpus, glossary_tsv, out, size_mb, truth = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4]), sys.argv[5]
random.seed(7)

def zh_term(n):
    # Three to five CJK ideographs, distinct per concept.
    chars, n = [], n * 7919 + 12345
    for _ in range(3 + n % 3):
        chars.append(chr(0x4E00 + n % 20000))
        n //= 3
        n += 104729
    return "".join(chars)

concepts = []
with open(glossary_tsv, encoding="utf-8") as f:
    for row in csv.reader(f, delimiter="\t"):
        cid, preferred, variants = row[0], row[1], row[2] if len(row) > 2 else ""
        concepts.append((cid, zh_term(len(concepts)), preferred, variants))
with open(f"{out}/glossary.csv", "w", encoding="utf-8", newline="") as f:
    w = csv.writer(f)
    w.writerow(["id", "source", "preferred", "forbidden"])
    for cid, zh, preferred, variants in concepts:
        w.writerow([cid, zh, preferred, variants])

filler = "本文介绍了系统的设计和实现方法以及相关的注意事项"
by_id = {c[0]: c for c in concepts}
injected = {}
with open(truth, encoding="utf-8") as f:
    for row in csv.reader(f, delimiter="\t"):
        if row[1] == "exact" and row[3] in by_id:
            injected.setdefault(int(row[0]), []).append(by_id[row[3]][1])
raw = open(corpus, encoding="utf-8").read().split("\n")
lines = [(n + 1, l.strip()) for n, l in enumerate(raw) if l.strip()]
def source_for(number, line, i):
    numbers = "".join(f"{n}项" for n in re.findall(r"\d+(?:\.\d+)?", line))
    terms = "".join(injected.get(number, []))
    if i % 50 == 0:
        terms += random.choice(concepts)[1]
    # A tag of its own, so that no two segments share a source (real sentences rarely do).
    tag = "".join(chr(0x6000 + (i >> (12 * k)) % 4096) for k in range(2))
    return f"{tag}{filler}{terms}{numbers}。"

def esc(s):
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")

limit = size_mb * 1_000_000
with open(f"{out}/segments.tsv", "w", encoding="utf-8") as tsv, \
     open(f"{out}/segments.tmx", "w", encoding="utf-8") as tmx:
    tsv.write("source\ttarget\n")
    tmx.write('<?xml version="1.0" encoding="UTF-8"?>\n<tmx version="1.4">\n'
              '<header srclang="zh-CN" datatype="plaintext" segtype="sentence" adminlang="en"'
              ' creationtool="bench" creationtoolversion="1" o-tmf="none"/>\n<body>\n')
    written_tsv = written_tmx = 0
    i = 0
    while written_tsv < limit or written_tmx < limit:
        number, line = lines[i % len(lines)]
        line = line.replace("\t", " ")
        if i >= len(lines):
            line = f"{line} (reprinted)"
        src = source_for(number, line, i)
        if written_tsv < limit:
            row = f"{src}\t{line}\n"
            tsv.write(row)
            written_tsv += len(row.encode())
        if written_tmx < limit:
            tu = (f'<tu tuid="{i}"><tuv xml:lang="zh-CN"><seg>{esc(src)}</seg></tuv>'
                  f'<tuv xml:lang="en-US"><seg>{esc(line)}</seg></tuv></tu>\n')
            tmx.write(tu)
            written_tmx += len(tu.encode())
        i += 1
    tmx.write("</body>\n</tmx>\n")
EOF

cargo build --release --quiet
bin=target/release/termcheck
printf '%-8s %-10s %9s %8s %8s %10s %9s\n' input rules MB wall_s MB/s peak_MB findings
for input in segments.tmx segments.tsv; do
  file="$out/$input"
  mb=$(python3 -c "import os,sys; print(f'{os.path.getsize(sys.argv[1])/1e6:.1f}')" "$file")
  for rules in all exact; do
    sel=()
    [ "$rules" = exact ] && sel=(--select forbidden-term,deprecated-term)
    /usr/bin/time -f '%e %M' -o "$out/time" "$bin" check "$file" -g "$out/glossary.csv" \
      -j 1 --format csv -o "$out/report.csv" "${sel[@]}" || [ $? -eq 1 ]
    read -r wall rss < <(tail -n 1 "$out/time")
    findings=$(python3 -c "import csv,sys; print(sum(1 for _ in csv.reader(open(sys.argv[1], encoding='utf-8'))) - 1)" "$out/report.csv")
    printf '%-8s %-10s %9s %8s %8.1f %10.0f %9s\n' "${input#segments.}" "$rules" "$mb" "$wall" \
      "$(python3 -c "print($mb/max($wall,0.01))")" "$((rss / 1024))" "$findings"
  done
done
