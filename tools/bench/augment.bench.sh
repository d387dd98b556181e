# Bench "augment", sourced by tools/benchmark.sh (which defines log, die,
# repeat_command, $runs, $repo, $tools, $work, $venv, $shared, $markdown).
#
# `lexiform augment translate` on an AUGMENT_CORPUS_MB MB (default 50)
# English-like corpus with a 100,000-entry TSV lexicon (about a tenth of the
# headwords multiword), both made by tools/make-augment-corpus.py, beside:
#   python   tools/bench/augment_python.py: dictionary replacement in plain
#            Python (longest match of up to 3 tokens, case kept), whole corpus
#   nlpaug   tools/bench/augment_nlpaug.py: nlpaug's ReservedAug with the
#            lexicon's groups, on the first AUGMENT_NLPAUG_KB KB (default 100), 1 run
# Tokens are counted by lexiform (its --summary) on each input, so every
# tool's tokens/s is over the same count. Output goes to /dev/null.

bench_augment() {
  local corpus_mb=${AUGMENT_CORPUS_MB:-50}
  local nlpaug_kb=${AUGMENT_NLPAUG_KB:-100}
  if ! "$venv/bin/python" -c 'import nlpaug' >/dev/null 2>&1; then
    log "installing nlpaug into $venv"
    "$venv/bin/python" -m pip install --quiet --disable-pip-version-check nlpaug >&2
  fi
  source "$tools/lib/release-lexiform.sh"
  local lexiform
  lexiform=$(release_lexiform "$repo" "${LEXIFORM_AUGMENT_BIN:-}") || die "cannot build lexiform"
  [[ -x $lexiform ]] || die "no $lexiform"

  local corpus="$work/corpus/augment-${corpus_mb}mb.txt"
  local lexicon="$work/corpus/augment-lexicon-100k.tsv"
  if [[ ! -s $corpus || ! -s $lexicon || $corpus -ot $tools/make-augment-corpus.py ]]; then
    mkdir -p "$work/corpus"
    log "generating $corpus and $lexicon"
    python3 "$tools/make-augment-corpus.py" "$corpus" "$corpus_mb" "$lexicon" 100000
  fi
  local prefix="$work/corpus/augment-${nlpaug_kb}kb-prefix.txt"
  if [[ ! -s $prefix || $prefix -ot $corpus ]]; then
    head -c "$((nlpaug_kb * 1000))" "$corpus" | sed '$d' >"$prefix"
  fi
  local tokens_corpus tokens_prefix
  "$lexiform" augment translate --lexicon "$lexicon" --quiet --summary "$work/augment-summary.json" "$corpus" >/dev/null 2>&1 ||
    die "lexiform augment translate failed on $corpus"
  tokens_corpus=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["tokens"])' "$work/augment-summary.json")
  "$lexiform" augment translate --lexicon "$lexicon" --quiet --summary "$work/augment-summary-prefix.json" "$prefix" >/dev/null 2>&1 ||
    die "lexiform augment translate failed on $prefix"
  tokens_prefix=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["tokens"])' "$work/augment-summary-prefix.json")

  local load
  load=$(cut -d' ' -f1 /proc/loadavg 2>/dev/null || echo "?")
  local results="$work/results-augment.jsonl"
  : >"$results"
  local tool input tool_runs warmup label tokens
  local -a cmd
  for tool in lexiform-1 lexiform-2 python nlpaug; do
    input=$corpus
    tokens=$tokens_corpus
    tool_runs=$runs
    warmup=1
    case $tool in
      lexiform-1) cmd=("$tools/bench/augment_run.sh" "$lexiform" augment translate --lexicon "$lexicon" --threads 1 --quiet); label="lexiform augment translate --threads 1" ;;
      lexiform-2) cmd=("$tools/bench/augment_run.sh" "$lexiform" augment translate --lexicon "$lexicon" --threads 2 --quiet); label="lexiform augment translate --threads 2" ;;
      python) cmd=("$tools/bench/augment_run.sh" "$venv/bin/python" "$tools/bench/augment_python.py" "$lexicon"); label="plain Python $(python3 -c 'import platform; print(platform.python_version())') dictionary replacement (tools/bench/augment_python.py)" ;;
      nlpaug) cmd=("$tools/bench/augment_run.sh" "$venv/bin/python" "$tools/bench/augment_nlpaug.py" "$lexicon"); input=$prefix; tokens=$tokens_prefix; tool_runs=1; warmup=0; label="nlpaug $("$venv/bin/python" -c 'import nlpaug; print(nlpaug.__version__)') ReservedAug (tools/bench/augment_nlpaug.py), first ${nlpaug_kb} KB, 1 run" ;;
    esac
    log "augment: $tool"
    python3 "$tools/bench/timeit.py" --runs "$tool_runs" --warmup "$warmup" --label "$tool" \
      --meta "input=$input" --meta "tool=$tool" --meta "label=$label" --meta "tokens=$tokens" \
      -- "${cmd[@]}" "$input" >>"$results" || die "$tool failed: ${cmd[*]} $input"
  done
  local write=()
  [[ -n $markdown ]] && write=(--markdown "$markdown")
  python3 "$tools/bench/augment_report.py" --results "$results" --command "$(repeat_command augment)" "${write[@]}" \
    --note "Load average (1 min) when the bench started: $load (2 cores, shared with other work); CPU time (user + system, from wait4) is what a loaded machine inflates least." \
    --note "Corpus and lexicon: tools/make-augment-corpus.py, ${corpus_mb} MB of English-like sentences (Zipf-distributed made-up words, capitals, commas, numbers) and 100,000 TSV lines (the most frequent words, a fifth with two or three scored translations, a tenth multiword headwords); token coverage about 92%." \
    --note "Every tool reads the lexicon and the text and writes the translation (to /dev/null); lexiform's time includes reading the lexicon (about 0.7 s). Tokens are lexiform's count on the same input. The Python peers tokenize more simply (no UAX #29, no NFC) and join tokens with spaces." \
    --note "With the load average above the number of cores, a second thread finds no free core, and wall times are about 2.8 times the CPU times: compare CPU times across tools." \
    --note "nlpaug's ReservedAug compiles one regular expression per multiword group and runs every one over every line, so it is run on a prefix only."
}
