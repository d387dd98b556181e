# Bench "inflect", sourced by tools/benchmark.sh (which defines log, die,
# time_tool, $runs, $repo, $tools, $work, $venv, $shared, $markdown).
#
# 1. Accuracy: tools/inflect-baselines.sh (Lexiform's baseline beside the
#    organisers' scripts on every 2017 and 2023 dev set).
# 2. Speed, timed with timeit.py:
#    - lexiform inflect predict with the Finnish 2023 baseline model on
#      50,000 rows (fin.dev repeated 50 times), and on 1 row (model loading);
#    - train + predict of Finnish 2023 (10,000 + 1,000 rows): lexiform
#      against the organisers' nonneural.py on a folder holding fin only.
# Writes the inflect section of BENCHMARKS.md.
#
# Environment: LEXIFORM_INFLECT_BIN, a lexiform binary to time instead of
# building .build/release/lexiform.

bench_inflect() {
  local lexiform=${LEXIFORM_INFLECT_BIN:-}
  if [[ -z $lexiform ]]; then
    log "building lexiform (swift build -c release --product lexiform)"
    (cd "$repo" && swift build -c release --product lexiform) >&2
    lexiform="$repo/.build/release/lexiform"
  fi
  [[ -x $lexiform ]] || die "no lexiform binary at $lexiform"
  local dir="$shared/data/sigmorphon2023" inflect="$work/inflect"
  [[ -f $dir/fin.trn ]] || die "no SIGMORPHON 2023 data in $dir"
  "$tools/fetch-sigmorphon-scripts.sh" || log "organisers' scripts unavailable: their columns stay empty"
  INFLECT_WORK="$inflect" LEXIFORM_SHARED="$shared" "$tools/inflect-baselines.sh" --lexiform "$lexiform" >&2

  local speed="$work/results-inflect-speed.jsonl" rows="$inflect/fin-50k.tsv" load
  load=$(cut -d' ' -f1 /proc/loadavg 2>/dev/null || echo "?")
  : >"$speed"
  "$lexiform" inflect train "$dir/fin.trn" -o "$inflect/fin.lxm" --quiet
  : >"$rows"
  for _ in $(seq 50); do cat "$dir/fin.dev" >>"$rows"; done
  local forms
  forms=$(wc -l <"$rows")
  time_tool "$speed" lexiform "predict $forms rows (fin model)" "$rows" \
    "$lexiform" inflect predict "$inflect/fin.lxm" "$rows" -o /dev/null --quiet
  sed -i "\$s/}\$/, \"forms\": $forms}/" "$speed"
  head -1 "$dir/fin.dev" >"$inflect/fin-1.tsv"
  time_tool "$speed" lexiform "load the fin model ($(wc -c <"$inflect/fin.lxm") bytes) + predict 1 row" "$inflect/fin-1.tsv" \
    "$lexiform" inflect predict "$inflect/fin.lxm" "$inflect/fin-1.tsv" -o /dev/null --quiet
  local one="$inflect/fin-only"
  mkdir -p "$one"
  ln -sf "$dir/fin.trn" "$dir/fin.dev" "$one/"
  time_tool "$speed" lexiform "train + predict fin (10,000 + 1,000)" "$dir/fin.trn" \
    sh -c "'$lexiform' inflect train '$dir/fin.trn' -o '$one/fin.lxm' --quiet && '$lexiform' inflect predict '$one/fin.lxm' '$dir/fin.dev' -o /dev/null --quiet"
  if [[ -f $tools/.cache/sigmorphon/nonneural2023.py ]]; then
    time_tool "$speed" "organisers' nonneural.py" "train + predict fin (10,000 + 1,000)" "$dir/fin.trn" \
      sh -c "PYTHONHASHSEED=0 python3 '$tools/.cache/sigmorphon/nonneural2023.py' -p '$one/' > /dev/null"
  fi
  python3 "$tools/bench/inflect_report.py" --results "$inflect/results.jsonl" --speed "$speed" \
    ${markdown:+--markdown "$markdown"} --command "tools/benchmark.sh inflect" \
    --note "Load average when the speed runs began: $load (the machine has $(nproc) cores, shared with other work)." \
    --note "Per language (tables below), Lexiform is within 1.5 points of the script everywhere except: 2017 Italian low (−2.4; ties between equally frequent prefix rules, which the Python 2 script breaks by its dictionaries' hash order and Lexiform by first appearance) and 2017 Khaling high (−5.5; the Khaling files are not in NFC: Lexiform reads them in NFC, the script keeps their code points, and evalm.py compares code points; under the NFC comparison of the 2022/2023 scorer the gap is 2.6). Lexiform's baseline uses code points as symbols (\`--segmentation scalars\`, the default) as the script does."
}
