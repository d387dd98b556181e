# Bench "unimorph", sourced by tools/benchmark.sh (which defines log, die,
# repeat_command, $runs, $repo, $tools, $work, $venv, $shared, $markdown).
#
# A 1,000,000-line UniMorph table made by tools/make-unimorph-table.py from
# the shared SIGMORPHON 2017 and 2023 files, then
#   python-csv   tools/bench/unimorph_validate.py: Lexiform's validation rules
#                (all but the unrelated-form warning) in Python, csv module +
#                set lookups
#   lexiform     lexiform unimorph validate --no-warnings (the same rules)
#   lexiform-all lexiform unimorph validate (plus the unrelated-form warning)
#   pandas       pandas.read_csv of the table (reading only)
#   mawk         mawk counting rows without three columns (reading only)
#   lexiform-read lexiform unimorph convert --to lemma-tags-form > /dev/null
#                (every row read as bytes and written back)
# Validators must report the same number of errors.
#
# Environment: LEXIFORM_UNIMORPH_BIN, a lexiform binary to time instead of
# building .build/release/lexiform.

bench_unimorph() {
  local lexiform=${LEXIFORM_UNIMORPH_BIN:-}
  if [[ -z $lexiform ]]; then
    log "building lexiform (swift build -c release --product lexiform)"
    (cd "$repo" && swift build -c release --product lexiform) >&2
    lexiform="$repo/.build/release/lexiform"
  fi
  [[ -x $lexiform ]] || die "no lexiform binary at $lexiform"
  if ! "$venv/bin/python" -c 'import pandas' >/dev/null 2>&1; then
    log "installing pandas into $venv"
    "$venv/bin/python" -m pip install --quiet --disable-pip-version-check pandas >&2
  fi
  if ! command -v mawk >/dev/null 2>&1; then
    if [[ $(id -u) -eq 0 ]] && command -v apt-get >/dev/null 2>&1; then
      DEBIAN_FRONTEND=noninteractive apt-get install -y -qq mawk >&2
    else
      die "mawk is missing (Debian: apt-get install mawk)"
    fi
  fi
  local table="$work/corpus/unimorph-1m.tsv"
  if [[ ! -s $table ]]; then
    mkdir -p "$work/corpus"
    log "generating $table"
    python3 "$tools/make-unimorph-table.py" "$table" --lines 1000000 --shared "$shared"
  fi
  local schema="$repo/resources/unimorph/schema.tsv"
  local results="$work/results-unimorph.jsonl"
  : >"$results"
  local load
  load=$(cut -d' ' -f1 /proc/loadavg 2>/dev/null || echo "?")

  run() {  # run TOOL LABEL CMD...
    local tool=$1 label=$2
    shift 2
    log "$(basename "$table"): $tool"
    python3 "$tools/bench/timeit.py" --runs "$runs" --warmup 1 \
      --meta "input=$table" --meta "tool=$tool" --meta "label=$label" -- "$@" >>"$results" ||
      die "$tool failed on $table"
  }
  local pandas_version mawk_version python_version
  python_version=$(python3 -c 'import platform; print(platform.python_version())')
  pandas_version=$("$venv/bin/python" -c 'import pandas; print(pandas.__version__)')
  mawk_version=$( (mawk -W version 2>&1 || true) | awk 'NR == 1 {print $2}')
  run python-csv "Python $python_version csv + sets (same rules)" \
    python3 "$tools/bench/unimorph_validate.py" "$schema" "$table"
  run lexiform "lexiform unimorph validate --no-warnings (same rules)" \
    sh -c '"$0" unimorph validate --no-warnings --columns lemma-form-tags "$1" 2>&1 >/dev/null | tail -1' "$lexiform" "$table"
  run lexiform-all "lexiform unimorph validate (all checks)" \
    sh -c '"$0" unimorph validate --columns lemma-form-tags "$1" 2>&1 >/dev/null | tail -1' "$lexiform" "$table"
  run pandas "pandas $pandas_version read_csv (reading only)" \
    "$venv/bin/python" -c 'import sys, csv, pandas as pd; f = pd.read_csv(sys.argv[1], sep="\t", header=None, quoting=csv.QUOTE_NONE, dtype=str, keep_default_na=False); print(f"rows={len(f)}")' "$table"
  run mawk "mawk $mawk_version counting columns (reading only)" \
    mawk -F'\t' 'NF != 3 { bad++ } END { printf "rows=%d bad=%d\n", NR, bad }' "$table"
  run lexiform-read "lexiform unimorph convert > /dev/null (reading every row)" \
    sh -c '"$0" unimorph convert --quiet --columns lemma-form-tags --to lemma-tags-form "$1" >/dev/null && echo done' "$lexiform" "$table"

  local write=()
  [[ -n $markdown ]] && write=(--markdown "$markdown")
  python3 "$tools/bench/unimorph_report.py" --results "$results" --command "$(repeat_command unimorph)" "${write[@]}" \
    --note "Load average (1 min) when the bench started: $load (2 cores shared with other work: wall times vary run to run)." \
    --note "Table: tools/make-unimorph-table.py, the rows of every shared SIGMORPHON 2017 task 1 and 2023 file (2023 rewritten as lemma, form, tags), read again with numbered lemmas and forms until 1,000,000 lines." \
    --note "python-csv and lexiform apply the same rules (column count, empty fields, bundle syntax, schema features and templates, conflicting and repeated features, NFC, duplicate rows) and must report the same number of errors; lexiform-all adds the unrelated-form warning (a longest-common-substring check per paradigm)." \
    --note "pandas and mawk only read the table (pandas into a DataFrame of strings; mawk counting rows without three fields); lexiform-read reads every row (as bytes, through UniMorphTableReader.withNextRow, with the same checks and skips as entries) and writes it back in the other column order to /dev/null."
}
