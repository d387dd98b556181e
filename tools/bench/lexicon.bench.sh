# Bench "lexicon", sourced by tools/benchmark.sh (which defines log, die, time_tool,
# repeat_command, $runs, $repo, $tools, $work, $venv, $shared, $markdown).
#
# Converts every shared lexicon to JSON lines with
#   lexiform     .build/release/lexiform lexicon convert IN OUT.jsonl
#   lxml         tools/bench/lexicon_lxml.py IN OUT (the same fields, lxml iterparse)
#   pyglossary   pyglossary IN OUT --write-format=Json, for the formats it reads
#                (FreeDict TEI and dictd)
# then converts FreeDict TEI repeated to 100 and 200 MB (tools/make-xml-corpus.sh)
# with Lexiform alone, to show that peak memory does not grow with the file,
# and times 1,000 dictd lookups by random access (lexiform-benchmark dictd-lookup).

bench_lexicon() {
  if ! "$venv/bin/python" -c 'import lxml' >/dev/null 2>&1 || [[ ! -x $venv/bin/pyglossary ]]; then
    log "installing lxml and pyglossary into $venv"
    # pyglossary 5.3 and later use Python 3.12 syntax; the machines have 3.11.
    "$venv/bin/python" -m pip install --quiet --disable-pip-version-check lxml "pyglossary==5.2.1" >&2
  fi
  log "building lexiform (swift build -c release --product lexiform)"
  (cd "$repo" && swift build -c release --product lexiform) >&2
  local lexiform="$repo/.build/release/lexiform"
  local lexicons="$shared/data/lexicons"
  local out="$work/lexicon-out"
  mkdir -p "$out"
  local results="$work/results-lexicon.jsonl"
  : >"$results"
  local load
  load=$(cut -d' ' -f1 /proc/loadavg 2>/dev/null || echo "?")


  local input name
  for input in "$lexicons"/freedict/*.tei "$lexicons"/apertium/*.dix "$lexicons"/lift/tha-food.lift "$lexicons"/lift/AllFLExFields.lift; do
    name=$(basename "$input")
    time_tool "$results" lexiform "lexiform lexicon convert" "$input" "$lexiform" lexicon convert --quiet "$input" "$out/$name.jsonl"
    time_tool "$results" lxml "lxml iterparse script" "$input" "$venv/bin/python" "$tools/bench/lexicon_lxml.py" "$input" "$out/$name.lxml.jsonl"
    if [[ $input == *.tei ]]; then
      time_tool "$results" pyglossary "pyglossary (FreeDict → Json)" "$input" "$tools/bench/silent.sh" "$venv/bin/pyglossary" "$input" "$out/$name.pg.json" \
        --read-format=FreeDict --write-format=Json --no-progress-bar --no-color
    fi
  done
  local dictd="$lexicons/dictd/freedict-eng-spa.index"
  time_tool "$results" lexiform "lexiform lexicon convert" "$dictd" "$lexiform" lexicon convert --quiet "$dictd" "$out/dictd.jsonl"
  time_tool "$results" pyglossary "pyglossary (DictOrg → Json)" "$dictd" "$tools/bench/silent.sh" "$venv/bin/pyglossary" "$dictd" "$out/dictd.pg.json" \
    --read-format=DictOrg --write-format=Json --no-progress-bar --no-color

  # Memory against size: the same TEI at 3, 100 and 200 MB.
  local mb big
  for mb in 100 200; do
    big="$work/corpus/freedict-kur-tur-${mb}mb.tei"
    [[ -s $big ]] || "$tools/make-xml-corpus.sh" "$big" "$mb" "$lexicons/freedict/kur-tur.tei"
    time_tool "$results" lexiform "lexiform lexicon convert" "$big" "$lexiform" lexicon convert --quiet "$big" "$out/big.jsonl"
  done
  rm -f "$out/big.jsonl"

  # dictd random access: open once, then 1,000 seeded random lookups.
  (cd "$repo" && swift build -c release --product lexiform-benchmark) >&2
  local lookups
  lookups=$("$repo/.build/release/lexiform-benchmark" dictd-lookup "$lexicons/dictd/freedict-eng-spa.dict.dz" 1000)
  log "dictd lookups: $lookups"

  local write=()
  [[ -n $markdown ]] && write=(--markdown "$markdown")
  python3 "$tools/bench/section_report.py" --results "$results" --bench lexicon --baseline lexiform \
    --title "Lexicon conversion to JSON lines" --command "$(repeat_command lexicon)" "${write[@]}" \
    --note "Load average (1 min) when the bench started: $load." \
    --note "lexiform: lexicon convert IN OUT.jsonl (Lexiform's lossless JSON lines: every field of the model); lxml: tools/bench/lexicon_lxml.py, headword, part of speech, translations and definitions only; pyglossary: its FreeDict and DictOrg readers with its Json writer (headword → HTML-ish definition text)." \
    --note "dictd lookup (\`lexiform-benchmark dictd-lookup freedict-eng-spa.dict.dz 1000\`: the dictionary opened once, then 1,000 seeded random headwords looked up, each reading and inflating only its dictzip chunk): $lookups (times in ms)." \
    --note "The 100 and 200 MB inputs repeat the entries of kur-tur.tei (tools/make-xml-corpus.sh): peak RSS stays flat as the input grows."
}
