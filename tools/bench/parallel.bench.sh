# Bench "parallel", sourced by tools/benchmark.sh (which defines log, die, time_tool,
# repeat_command, $runs, $repo, $tools, $work, $venv, $shared, $markdown).
#
# From the Swahili and Ukrainian New Testaments, tools/make-parallel-corpus.py
# makes a 100 MB TMX and a 1M-pair TSV. Then:
#   TMX → Moses   lexiform parallel convert X.tmx --langs sw,uk --to moses
#                 vs tools/bench/parallel_tmx_lxml.py (lxml iterparse; opus_read
#                 reads OPUS corpora, not a free-standing TMX)
#   filter        lexiform parallel filter --min-length 1 --max-length 500
#                 --max-ratio 3 --dedup exact on the TSV
#                 vs OpusFilter (LengthFilter, LengthRatioFilter, then
#                 remove_duplicates) on the same pairs as two files;
#                 both keep the same number of pairs (checked).

bench_parallel() {
  if ! "$venv/bin/python" -c 'import lxml, opusfilter' >/dev/null 2>&1; then
    log "installing lxml and opusfilter into $venv"
    "$venv/bin/python" -m pip install --quiet --disable-pip-version-check lxml opusfilter >&2
  fi
  log "building lexiform (swift build -c release --product lexiform)"
  (cd "$repo" && swift build -c release --product lexiform) >&2
  local lexiform="$repo/.build/release/lexiform"
  local corpus="$work/corpus/parallel-sw-uk"
  if [[ ! -s $corpus.tmx || ! -s $corpus.tsv ]]; then
    mkdir -p "$work/corpus"
    log "generating $corpus.tmx and .tsv"
    python3 "$tools/make-parallel-corpus.py" "$shared/data/bible/Swahili-NT.xml" sw \
      "$shared/data/bible/Ukranian-NT.xml" uk "$corpus" 100 1000000
  fi
  [[ -s $corpus.sw && $corpus.sw -nt $corpus.tsv ]] || cut -f1 "$corpus.tsv" >"$corpus.sw"
  [[ -s $corpus.uk && $corpus.uk -nt $corpus.tsv ]] || cut -f2 "$corpus.tsv" >"$corpus.uk"
  local out="$work/parallel-out"
  mkdir -p "$out"
  cat >"$out/opusfilter.yaml" <<YAML
common:
  output_directory: $out
steps:
  - type: filter
    parameters:
      inputs: [$corpus.sw, $corpus.uk]
      outputs: [f.sw, f.uk]
      filters:
        - LengthFilter: {unit: char, min_length: 1, max_length: 500}
        - LengthRatioFilter: {unit: char, threshold: 3}
  - type: remove_duplicates
    parameters:
      inputs: [f.sw, f.uk]
      outputs: [d.sw, d.uk]
YAML
  local load
  load=$(cut -d' ' -f1 /proc/loadavg 2>/dev/null || echo "?")
  local results="$work/results-parallel.jsonl"
  : >"$results"
  time_tool "$results" lexiform "lexiform parallel convert --to moses" "$corpus.tmx" \
    "$lexiform" parallel convert --quiet "$corpus.tmx" --langs sw,uk --to moses -o "$out/lexiform"
  time_tool "$results" lxml "lxml iterparse script" "$corpus.tmx" \
    "$tools/bench/silent.sh" "$venv/bin/python" "$tools/bench/parallel_tmx_lxml.py" "$corpus.tmx" sw uk "$out/lxml"
  cmp -s "$out/lexiform.sw" "$out/lxml.sw" && cmp -s "$out/lexiform.uk" "$out/lxml.uk" ||
    die "lexiform and the lxml script extracted different text"
  time_tool "$results" lexiform "lexiform parallel filter" "$corpus.tsv" \
    "$tools/bench/silent.sh" "$lexiform" parallel filter --quiet "$corpus.tsv" --min-length 1 --max-length 500 \
    --max-ratio 3 --dedup exact
  time_tool "$results" opusfilter "OpusFilter (length, ratio, remove_duplicates)" "$corpus.tsv" \
    "$tools/bench/silent.sh" "$venv/bin/opusfilter" --overwrite "$out/opusfilter.yaml"
  local kept_lexiform kept_opus
  kept_lexiform=$("$lexiform" parallel filter --quiet "$corpus.tsv" --min-length 1 --max-length 500 --max-ratio 3 --dedup exact | wc -l)
  kept_opus=$(wc -l <"$out/d.sw")
  [[ $kept_lexiform -eq $kept_opus ]] || die "lexiform kept $kept_lexiform pairs, OpusFilter $kept_opus"

  local write=()
  [[ -n $markdown ]] && write=(--markdown "$markdown")
  python3 "$tools/bench/section_report.py" --results "$results" --bench parallel --baseline lexiform \
    --title "Parallel text: TMX extraction and filtering" --command "$(repeat_command parallel)" "${write[@]}" \
    --note "Load average (1 min) when the bench started: $load." \
    --note "TMX → Moses: both tools write the same two files (checked byte for byte). Filtering: both keep $kept_lexiform of 1,000,000 pairs (checked)." \
    --note "Corpora: tools/make-parallel-corpus.py from shared/data/bible Swahili-NT.xml and Ukranian-NT.xml (aligned verses repeated)."
}
