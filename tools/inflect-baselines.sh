#!/usr/bin/env bash
# Runs Lexiform's non-neural baseline beside the organisers' baseline scripts
# on the shared tasks' dev sets, and scores both the same way.
#
#   tools/inflect-baselines.sh [--lexiform BIN] [YEAR...]     (YEAR: 2017 2023; default both)
#
# 2023: SIGMORPHON–UniMorph 2023, LANG.trn → LANG.dev, 27 languages; the
#       organisers' nonneural.py (2020–2023). Scored like the 2022/2023
#       evaluate.py (NFC comparison): lexiform inflect eval --nfc.
# 2017: CoNLL–SIGMORPHON 2017 task 1, LANG-train-{low,medium,high} → LANG-dev,
#       52 languages; the organisers' baseline.py (Python 2). Scored as
#       evalm.py: lexiform inflect eval.
#
# The organisers' scripts come from tools/fetch-sigmorphon-scripts.sh
# (tools/.cache/sigmorphon/); without them only Lexiform's column is filled.
# They run once, into $INFLECT_WORK/org2023 and org2017 (kept between runs;
# delete them to run again: the 2017 script takes about an hour here).
# Writes $INFLECT_WORK/results.jsonl, one {"year", "language", "setting",
# "lexiform", "organisers"} (accuracy in percent) per line, and prints a table
# with the macro-averages. Progress on stderr.
#
# Environment: LEXIFORM_SHARED (the shared/ folder, default ../shared beside
# the repo), INFLECT_WORK (default tools/.bench/inflect).
set -euo pipefail
tools=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
repo=$(cd "$tools/.." && pwd)
shared=${LEXIFORM_SHARED:-$repo/../shared}
data="$shared/data"
work=${INFLECT_WORK:-$tools/.bench/inflect}
cache="$tools/.cache/sigmorphon"
lexiform=""
years=()
while [[ $# -gt 0 ]]; do
  case $1 in
    --lexiform) lexiform=$2; shift 2 ;;
    -h|--help) sed -n '2,/^set -euo/p' "${BASH_SOURCE[0]}" | sed '$d; s/^# \{0,1\}//' >&2; exit 0 ;;
    *) years+=("$1"); shift ;;
  esac
done
[[ ${#years[@]} -gt 0 ]] || years=(2023 2017)
log() { printf 'inflect-baselines: %s\n' "$*" >&2; }
source "$tools/lib/release-lexiform.sh"
lexiform=$(release_lexiform "$repo" "$lexiform")
[[ -d $data ]] || { log "no shared data at $data"; exit 1; }
mkdir -p "$work"
results="$work/results.jsonl"
: >"$results"

accuracy() {  # accuracy [--nfc] GOLD PRED → percent, or "null" when PRED is missing
  local flags=()
  if [[ $1 == --nfc ]]; then flags=(--nfc); shift; fi
  [[ -s $2 ]] || { echo null; return; }
  "$lexiform" inflect eval "$1" "$2" "${flags[@]}" --json --quiet |
    python3 -c 'import json, sys; print(json.load(sys.stdin)["accuracy"])'
}

run_2023() {
  local dir="$data/sigmorphon2023" org="$work/org2023" ours="$work/ours2023"
  mkdir -p "$org" "$ours"
  if [[ -f $cache/nonneural2023.py ]] && ! ls "$org"/*.out >/dev/null 2>&1; then
    for f in "$dir"/*.trn "$dir"/*.dev; do ln -sf "$f" "$org/"; done
    log "2023: organisers' nonneural.py on $(ls "$dir"/*.trn | wc -l) languages"
    (PYTHONHASHSEED=0 python3 "$cache/nonneural2023.py" -o -p "$org/" >"$work/org2023.log") || log "nonneural.py failed (see $work/org2023.log)"
  fi
  for trn in "$dir"/*.trn; do
    local lang
    lang=$(basename "$trn" .trn)
    log "2023: $lang"
    "$lexiform" inflect train "$trn" -o "$ours/$lang.lxm" --quiet
    "$lexiform" inflect predict "$ours/$lang.lxm" "$dir/$lang.dev" -o "$ours/$lang.pred" --quiet 2>/dev/null
    printf '{"year": 2023, "language": "%s", "setting": "", "lexiform": %s, "organisers": %s}\n' "$lang" \
      "$(accuracy --nfc "$dir/$lang.dev" "$ours/$lang.pred")" "$(accuracy --nfc "$dir/$lang.dev" "$org/$lang.out")" >>"$results"
  done
}

run_2017() {
  local dir="$data/sigmorphon2017/task1" org="$work/org2017" ours="$work/ours2017"
  mkdir -p "$org/task1" "$org/task2" "$ours"
  if [[ -f $cache/baseline2017.py && -x $cache/python2 ]] && ! ls "$org"/task1/*-out >/dev/null 2>&1; then
    for f in "$dir"/*; do ln -sf "$f" "$org/task1/"; done
    log "2017: organisers' baseline.py (Python 2; about an hour)"
    # The script goes on to task 2, which is not in the shared data: its
    # failure there comes after every task 1 output is written.
    (cd "$org" && PYTHONHASHSEED=0 "$cache/python2" "$cache/baseline2017.py" -o -p "$org/" >"$work/org2017.log" 2>&1) || true
  fi
  for dev in "$dir"/*-dev; do
    local lang
    lang=$(basename "$dev" -dev)
    for setting in low medium high; do
      local trn="$dir/$lang-train-$setting"
      [[ -f $trn ]] || continue
      log "2017: $lang $setting"
      "$lexiform" inflect train "$trn" -o "$ours/$lang-$setting.lxm" --quiet
      "$lexiform" inflect predict "$ours/$lang-$setting.lxm" "$dev" -o "$ours/$lang-$setting.pred" --quiet 2>/dev/null
      printf '{"year": 2017, "language": "%s", "setting": "%s", "lexiform": %s, "organisers": %s}\n' "$lang" "$setting" \
        "$(accuracy "$dev" "$ours/$lang-$setting.pred")" "$(accuracy "$dev" "$org/task1/$lang-$setting-out")" >>"$results"
    done
  done
}

for year in "${years[@]}"; do
  case $year in
    2023) run_2023 ;;
    2017) run_2017 ;;
    *) log "unknown year $year (2017 or 2023)"; exit 2 ;;
  esac
done
python3 "$tools/bench/inflect_report.py" --results "$results"
