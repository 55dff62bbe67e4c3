#!/usr/bin/env bash
# Bilingual throughput: a ~100 MB TMX and a ~100 MB TSV with a 10,000-concept bilingual
# glossary, checked with every rule (source-aware ones included) and with the exact rules only,
# one thread. Prints MB/s and peak RSS.
#
# The English side is the corpus ../shared/bench makes (real documentation text with injected
# glossary errors; run `DATA_ONLY=1 benches/compare_grep.sh` first). The bench glossary has no
# source language, so each concept gets a synthetic Chinese source term (deterministic, from its
# id), and each segment's source is Chinese filler holding the source terms of two concepts and
# the segment's numbers: enough for the source automaton, missing-term and number-mismatch to do
# their real work on every segment.
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

python3 - "$corpus" "$glossary_tsv" "$out" "$size_mb" <<'EOF'
import csv, random, re, sys
corpus, glossary_tsv, out, size_mb = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
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
lines = [l.strip() for l in open(corpus, encoding="utf-8") if l.strip()]
def source_for(line):
    picked = random.sample(concepts, 2)
    numbers = " ".join(re.findall(r"\d+", line)[:4])
    return f"{filler}{picked[0][1]}{filler[:6]}{picked[1][1]}{numbers}。"

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
        line = lines[i % len(lines)].replace("\t", " ")
        src = source_for(line)
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
    read -r wall rss < "$out/time"
    findings=$(($(wc -l < "$out/report.csv") - 1))
    printf '%-8s %-10s %9s %8s %8.1f %10.0f %9s\n' "${input#segments.}" "$rules" "$mb" "$wall" \
      "$(python3 -c "print($mb/max($wall,0.01))")" "$((rss / 1024))" "$findings"
  done
done
