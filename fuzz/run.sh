#!/usr/bin/env bash
# Runs every fuzz target (or those named) for SECONDS each (default 600), seeded from the
# repository's own samples and glossaries and, when TERMCHECK_SHARED is set, the shared format
# corpus. Needs `cargo install cargo-fuzz` and a nightly toolchain. Usage:
#   fuzz/run.sh [SECONDS] [TARGET…]
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"
seconds="${1:-600}"
shift || true
targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
  mapfile -t targets < <(cargo +nightly fuzz list)
fi

seed() { # seed TARGET FILE…
  mkdir -p "corpus/$1"
  shift_target="$1"; shift
  for f in "$@"; do
    # Corpus files in different directories share names: prefix a hash of the path.
    if [ -f "$f" ]; then
      cp "$f" "corpus/$shift_target/seed-$(printf %s "$f" | cksum | cut -d' ' -f1)-$(basename "$f")"
    fi
  done
}
shared="${TERMCHECK_SHARED:-}"
for t in "${targets[@]}"; do
  case "$t" in
    glossary_csv) seed "$t" ../glossaries/*.csv ../tests/eval/glossaries/*.csv \
        ${shared:+$shared/corpus/formats/glossary-csv-tsv/*/*/*} ;;
    decode|normalize|check_text) seed "$t" ../samples/* ;;
    xliff) seed "$t" ${shared:+$(find "$shared/corpus/formats/xliff12" "$shared/corpus/formats/xliff20" -type f ! -name MANIFEST.md)} ;;
    tmx) seed "$t" ${shared:+$(find "$shared/corpus/formats/tmx" -type f ! -name MANIFEST.md)} ;;
    po) seed "$t" ${shared:+$(find "$shared/corpus/formats/po" -type f ! -name MANIFEST.md)} ;;
    tbx) seed "$t" ${shared:+$(find "$shared/corpus/formats/tbx" -type f ! -name MANIFEST.md)} ;;
    tabular) seed "$t" ../tests/eval/cases.tsv \
        ${shared:+$(find "$shared/corpus/formats/glossary-csv-tsv" -type f ! -name MANIFEST.md)} ;;
    jsonl|config_toml|baseline) seed "$t" ;;
    *) seed "$t" ;;
  esac
  # Small hand-written seeds covering each format's constructs (markup, escapes, encodings).
  [ -d "seeds/$t" ] && seed "$t" seeds/"$t"/*
  echo "== $t for ${seconds}s"
  cargo +nightly fuzz run -O "$t" "corpus/$t" -- -max_total_time="$seconds" -rss_limit_mb=2048 \
    -max_len=65536 2>&1 | grep -E "^#[0-9]+ *DONE|Done [0-9]+ runs|ERROR|panicked|SUMMARY" || true
done
