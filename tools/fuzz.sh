#!/bin/sh
# tools/fuzz.sh TARGET SECONDS [LIBFUZZER-ARGS...]
#
# Builds lexiform-fuzz with libFuzzer and AddressSanitizer (scratch path
# .build-fuzz, release mode) and fuzzes one reader for SECONDS of wall time,
# seeded with the repository's fixtures (Tests/*/Fixtures, resources/samples,
# tools/fuzz/seeds/TARGET). `tools/fuzz.sh list` prints the targets.
#
# libFuzzer runs in fork mode, so a finding does not end the run. The corpus
# grows in .build-fuzz/corpus/TARGET; crashes, hangs (an input taking more
# than FUZZ_TIMEOUT seconds, default 10) and out-of-memory inputs are saved in
# .build-fuzz/artifacts/TARGET/. The last line printed is a
# summary: target, seconds, executions, corpus size, findings.
# Environment: FUZZ_MAX_LEN (default 16384),
# FUZZ_RSS_MB (default 2048), FUZZ_NO_BUILD=1 to reuse the last build.
set -eu

cd "$(dirname "$0")/.."
root=$(pwd)
scratch="$root/.build-fuzz"

build() {
  swift build -c release --product lexiform-fuzz --scratch-path "$scratch" \
    -Xswiftc -sanitize=fuzzer,address -Xswiftc -DLEXIFORM_FUZZ \
    -Xswiftc -use-ld=lld >&2
}

# The seed files of a target, one per line.
seeds() {
  fixtures="Tests/LexiformLexiconTests/Fixtures"
  case "$1" in
    xml|xmldiff) ls $fixtures/*.dix $fixtures/*.tei $fixtures/*.lift resources/samples/*.tmx resources/samples/*.dix \
            resources/samples/*.tei resources/samples/*.lift ;;
    dix) ls $fixtures/*.dix resources/samples/*.dix ;;
    tei) ls $fixtures/*.tei resources/samples/*.tei ;;
    lift) ls $fixtures/*.lift resources/samples/*.lift ;;
    dictzip) ls $fixtures/dictd/*.dict.dz ;;
    kaikki) ls $fixtures/kaikki/*.jsonl ;;
    jsonl) ls $fixtures/jsonl/*.jsonl ;;
    tsv) ls $fixtures/tsv/* resources/samples/swh-eng.tsv Tests/LexiformCoreTests/Fixtures/*.tsv ;;
    unimorph|bundle) ls resources/samples/*.unimorph.tsv ;;
    tmx) ls resources/samples/*.tmx ;;
    tokenize) ls resources/samples/*.tsv resources/samples/*.txt.gz $fixtures/tsv/* ;;
    gzip) ls resources/samples/*.gz $fixtures/dictd/*.dict.dz ;;
    sigmorphon) ls resources/samples/*.unimorph.tsv resources/samples/*.trn resources/samples/*.dev resources/samples/*.tst ;;
    *) ;;
  esac 2>/dev/null || true
  if [ -d "tools/fuzz/seeds/$1" ]; then
    find "tools/fuzz/seeds/$1" -type f
  fi
}

if [ "${1:-}" = "list" ]; then
  echo "xml xmldiff dix tei lift dictd dictzip kaikki jsonl tsv unimorph bundle moses tmx xces bible vref ptsv tokenize gzip sigmorphon conll massive"
  exit 0
fi
if [ $# -lt 2 ]; then
  echo "usage: tools/fuzz.sh TARGET SECONDS [LIBFUZZER-ARGS...]   (tools/fuzz.sh list)" >&2
  exit 2
fi
target=$1
seconds=$2
shift 2

[ "${FUZZ_NO_BUILD:-0}" = 1 ] || build
binary="$scratch/release/lexiform-fuzz"

corpus="$scratch/corpus/$target"
artifacts="$scratch/artifacts/$target"
seeddir="$scratch/seeds/$target"
mkdir -p "$corpus" "$artifacts" "$seeddir"
seeds "$target" | while read -r file; do
  cp "$file" "$seeddir/$(basename "$file")"
done
# dictd pairs an index with its definitions: seed with index NUL dict.
if [ "$target" = dictd ]; then
  for index in Tests/LexiformLexiconTests/Fixtures/dictd/*.index; do
    dict="${index%.index}.dict"
    [ -f "$dict" ] || continue
    { cat "$index"; printf '\0'; cat "$dict"; } > "$seeddir/$(basename "$index").pair"
  done
fi

# XML readers get libFuzzer a dictionary of XML's syntax.
xmldict=""
case "$target" in xml|xmldiff|dix|tei|lift|tmx|xces|bible) xmldict="-dict=tools/fuzz/xml.dict" ;; esac
log="$scratch/artifacts/$target.log"
echo "fuzzing $target for ${seconds}s (log: $log)" >&2
set +e
LEXIFORM_FUZZ_TARGET=$target SWIFT_BACKTRACE=enable=no ASAN_OPTIONS="detect_leaks=0:${ASAN_OPTIONS:-}" "$binary" \
  -max_total_time="$seconds" -timeout="${FUZZ_TIMEOUT:-10}" -rss_limit_mb="${FUZZ_RSS_MB:-2048}" \
  -max_len="${FUZZ_MAX_LEN:-16384}" -print_final_stats=1 -artifact_prefix="$artifacts/" \
  -fork=1 -ignore_crashes=1 -ignore_timeouts=1 -ignore_ooms=1 \
  $xmldict "$@" "$corpus" "$seeddir" > "$log" 2>&1
status=$?
set -e
# Fork mode (one child at a time, going on after a finding) prints
# "#EXECUTIONS: cov: …" lines; the last one is the total.
runs=$(grep -o '^#[0-9]*: cov' "$log" | tail -n 1 | tr -dc '0-9')
units=$(find "$corpus" -type f | wc -l)
found=$(find "$artifacts" -type f | wc -l)
tail -n 30 "$log" | grep -E 'ERROR|SUMMARY|deadly|timeout|invariant' >&2 || true
echo "$target seconds=$seconds executions=$runs corpus=$units findings=$found exit=$status"
