# Bench "tokenize", sourced by tools/benchmark.sh (which defines log, die,
# repeat_command, $runs, $repo, $tools, $work, $venv, $shared, $markdown).
#
# On a multi-script corpus of TOKENIZE_CORPUS_MB MB (default 50) built by
# tools/make-token-corpus.py from shared/data/bible and ICU-shipped text in
# Thai, Lao, Khmer, Myanmar, Chinese and Japanese, times:
#   floor         tools/bench/tokenize_floor.c: u_strFromUTF8 + unorm2_normalize + ubrk_next, no output
#   lexiform-1    lexiform tokenize --format json --threads 1 (NFC + default profile + offsets + scripts)
#   lexiform-2    the same with --threads 2
#   lexiform-text lexiform tokenize --threads 1 (space-separated tokens)
#   pyicu         PyICU: NFC + word BreakIterator, tokens written
#   hf            HF tokenizers: NFC normalizer + Whitespace pre-tokenizer
#   sacremoses    MosesTokenizer, on the first TOKENIZE_MOSES_MB MB (default 5), 1 run
# Output goes to /dev/null (tools/bench/tokenize_run.sh); peak RSS is per process.

bench_tokenize() {
  local corpus_mb=${TOKENIZE_CORPUS_MB:-50}
  local moses_mb=${TOKENIZE_MOSES_MB:-5}
  if ! "$venv/bin/python" -c 'import icu, sacremoses, tokenizers' >/dev/null 2>&1; then
    log "installing PyICU, sacremoses and tokenizers into $venv"
    if ! pkg-config --exists icu-uc 2>/dev/null; then
      [[ $(id -u) -eq 0 ]] || die "PyICU needs libicu-dev and pkg-config"
      DEBIAN_FRONTEND=noninteractive apt-get install -y -qq libicu-dev pkg-config >&2
    fi
    "$venv/bin/python" -m pip install --quiet --disable-pip-version-check PyICU sacremoses tokenizers >&2
  fi
  local floor="$work/tokenize_floor"
  if [[ ! -x $floor || $floor -ot $tools/bench/tokenize_floor.c ]]; then
    log "building the tokenization floor"
    mkdir -p "$work"
    # shellcheck disable=SC2046 # pkg-config's flags are meant to split
    gcc -O2 -o "$floor" "$tools/bench/tokenize_floor.c" $(pkg-config --cflags --libs icu-uc icu-i18n)
  fi
  local lexiform=${LEXIFORM_TOKENIZE_BIN:-}
  if [[ -z $lexiform ]]; then
    log "building lexiform (swift build -c release --product lexiform)"
    (cd "$repo" && swift build -c release --product lexiform) >&2
    lexiform="$repo/.build/release/lexiform"
  fi
  [[ -x $lexiform ]] || die "no $lexiform"

  local corpus="$work/corpus/tokenize-${corpus_mb}mb.txt"
  if [[ ! -s $corpus ]]; then
    mkdir -p "$work/corpus"
    log "generating $corpus"
    "$venv/bin/python" "$tools/make-token-corpus.py" "$corpus" "$corpus_mb" "$shared/data/bible"
  fi
  local moses_corpus="$work/corpus/tokenize-${moses_mb}mb-prefix.txt"
  if [[ ! -s $moses_corpus || $moses_corpus -ot $corpus ]]; then
    head -c "$((moses_mb * 1000000))" "$corpus" | sed '$d' >"$moses_corpus"
  fi

  local load
  load=$(cut -d' ' -f1 /proc/loadavg 2>/dev/null || echo "?")
  local results="$work/results-tokenize.jsonl"
  : >"$results"
  local tool input tool_runs warmup label
  local -a cmd
  for tool in floor lexiform-1 lexiform-2 lexiform-text pyicu hf sacremoses; do
    input=$corpus
    tool_runs=$runs
    warmup=1
    case $tool in
      floor) cmd=("$floor"); label="C floor: u_strFromUTF8 + unorm2_normalize (NFC) + ubrk_next, counts tokens, writes none" ;;
      lexiform-1) cmd=("$tools/bench/tokenize_run.sh" "$lexiform" tokenize --format json --threads 1); label="lexiform tokenize --format json --threads 1 (NFC + default profile + offsets + scripts)" ;;
      lexiform-2) cmd=("$tools/bench/tokenize_run.sh" "$lexiform" tokenize --format json --threads 2); label="lexiform tokenize --format json --threads 2" ;;
      lexiform-text) cmd=("$tools/bench/tokenize_run.sh" "$lexiform" tokenize --threads 1); label="lexiform tokenize --threads 1 (text)" ;;
      pyicu) cmd=("$tools/bench/tokenize_run.sh" "$venv/bin/python" "$tools/bench/tokenize_pyicu.py"); label="PyICU $("$venv/bin/python" -c 'import icu; print(icu.VERSION, "ICU", icu.ICU_VERSION)'): NFC + word BreakIterator" ;;
      hf) cmd=("$tools/bench/tokenize_run.sh" "$venv/bin/python" "$tools/bench/tokenize_hf.py"); label="HF tokenizers $("$venv/bin/python" -c 'import tokenizers; print(tokenizers.__version__)'): NFC + Whitespace pre-tokenizer" ;;
      sacremoses) cmd=("$tools/bench/tokenize_run.sh" "$venv/bin/python" "$tools/bench/tokenize_sacremoses.py"); input=$moses_corpus; tool_runs=1; warmup=0; label="sacremoses $("$venv/bin/python" -c 'import importlib.metadata as m; print(m.version("sacremoses"))') MosesTokenizer(lang=en), first ${moses_mb} MB, 1 run" ;;
    esac
    log "tokenize: $tool"
    python3 "$tools/bench/timeit.py" --runs "$tool_runs" --warmup "$warmup" --label "$tool" \
      --meta "input=$input" --meta "tool=$tool" --meta "label=$label" \
      -- "${cmd[@]}" "$input" >>"$results" || die "$tool failed: ${cmd[*]} $input"
  done
  local write=()
  [[ -n $markdown ]] && write=(--markdown "$markdown")
  python3 "$tools/bench/tokenize_report.py" --results "$results" --command "$(repeat_command tokenize)" "${write[@]}" \
    --note "Load average (1 min) when the bench started: $load (2 cores, shared with other work)." \
    --note "Corpus: tools/make-token-corpus.py, ${corpus_mb} MB: the verses of the six New Testaments in shared/data/bible (Cherokee, Syriac, Gujarati, K'iche', Ukrainian, Swahili) and lines in Thai, Lao, Khmer, Myanmar, Chinese and Japanese made from ICU's names of languages, countries, months and days, shuffled with a fixed seed." \
    --note "Every tool but the floor writes its tokens (to /dev/null, through tools/bench/tokenize_run.sh); the floor only counts them. HF's Whitespace pre-tokenizer and sacremoses do not segment Thai, Lao, Khmer, Myanmar, Chinese or Japanese into words, so they do less work on a third of the corpus."
}
