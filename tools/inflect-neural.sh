#!/usr/bin/env bash
# Trains and scores Lexiform's neural inflection model on the shared tasks'
# dev sets: the whole sweep, or a subset.
#
#   tools/inflect-neural.sh [--lexiform BIN] [--max-epochs N] [--seed N]
#                           [--languages "fin tur …"] [--settings "low medium high"]
#                           [--jobs N] [--train-args "ARGS"] [YEAR…]
#
# YEAR: 2023 (SIGMORPHON–UniMorph 2023, LANG.trn → LANG.dev, 27 languages)
# and/or 2017 (CoNLL–SIGMORPHON 2017 task 1, LANG-train-SETTING → LANG-dev,
# 52 languages × low/medium/high); default both. Each run is
#   lexiform inflect train TRAIN --dev DEV --model neural -o MODEL
#   lexiform inflect predict MODEL DEV -o PRED
#   lexiform inflect eval DEV PRED --json      (2023: --nfc, as evaluate.py)
# DEV is used for early stopping, so these are dev figures of a model tuned
# on dev, as the shared tasks' dev results are; the test splits are not here.
# Each run's learning curve is drawn in $INFLECT_WORK/neural/*.curve.svg.
# Appends {"year", "language", "setting", "accuracy", "levenshtein",
# "train_seconds"} per run to $INFLECT_WORK/neural.jsonl (a finished run is
# skipped when run again) and prints a table with per-setting macro-averages.
# Progress (epochs) on stderr. Run long sweeps with nice.
#
# --jobs N trains N languages at a time, job k pinned to processor k with
# taskset (each then trains on one thread: Lexiform counts the processors of
# its affinity mask); on a 2-core machine --jobs 2 finishes a sweep sooner
# than one job on both cores. The model is the same either way (a seed gives
# the same bytes whatever the thread count). --train-args adds options to
# every `inflect train` (e.g. "--ensemble 2"); they are recorded with each
# result, so give such runs an INFLECT_WORK of their own.
#
# Environment: LEXIFORM_SHARED (the shared/ folder, default ../shared beside
# the repo), INFLECT_WORK (default tools/.bench/inflect).
set -euo pipefail
tools=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
repo=$(cd "$tools/.." && pwd)
shared=${LEXIFORM_SHARED:-$repo/../shared}
data="$shared/data"
work=${INFLECT_WORK:-$tools/.bench/inflect}
lexiform="" epochs=60 seed=1 languages="" settings="low medium high" jobs=1 train_args=""
years=()
while [[ $# -gt 0 ]]; do
  case $1 in
    --lexiform) lexiform=$2; shift 2 ;;
    --max-epochs) epochs=$2; shift 2 ;;
    --seed) seed=$2; shift 2 ;;
    --languages) languages=$2; shift 2 ;;
    --settings) settings=$2; shift 2 ;;
    --jobs) jobs=$2; shift 2 ;;
    --train-args) train_args=$2; shift 2 ;;
    -h|--help) sed -n '2,/^set -euo/p' "${BASH_SOURCE[0]}" | sed '$d; s/^# \{0,1\}//' >&2; exit 0 ;;
    *) years+=("$1"); shift ;;
  esac
done
[[ ${#years[@]} -gt 0 ]] || years=(2023 2017)
[[ $jobs =~ ^[1-9][0-9]*$ ]] || { printf 'inflect-neural: --jobs must be a positive number, not %s\n' "$jobs" >&2; exit 2; }
read -r -a extra <<<"$train_args"
log() { printf 'inflect-neural: %s\n' "$*" >&2; }
source "$tools/lib/release-lexiform.sh"
lexiform=$(release_lexiform "$repo" "$lexiform")
[[ -d $data ]] || { log "no shared data at $data"; exit 1; }
out="$work/neural"
mkdir -p "$out"
results="$work/neural.jsonl"
touch "$results"

run_one() {  # run_one YEAR LANG SETTING TRAIN DEV [--nfc]
  local year=$1 lang=$2 setting=$3 trn=$4 dev=$5 nfc=${6:-}
  local key="\"year\": $year, \"language\": \"$lang\", \"setting\": \"$setting\""
  if grep -qF "$key," "$results"; then log "$year $lang $setting: done before, skipped"; return; fi
  local base="$out/$year-$lang${setting:+-$setting}"
  log "$year $lang $setting"
  local t0 t1
  t0=$(date +%s.%N)
  "$lexiform" inflect train "$trn" --dev "$dev" --model neural --max-epochs "$epochs" --seed "$seed" "${extra[@]}" --learning-curve "$base.curve.svg" -o "$base.lxm"
  t1=$(date +%s.%N)
  "$lexiform" inflect predict "$base.lxm" "$dev" -o "$base.pred" --quiet
  local json
  json=$("$lexiform" inflect eval "$dev" "$base.pred" $nfc --json --quiet)
  python3 - "$json" "$year" "$lang" "$setting" "$t0" "$t1" "$train_args" >>"$results" <<'PY'
import json, sys
r = json.loads(sys.argv[1])
row = {"year": int(sys.argv[2]), "language": sys.argv[3], "setting": sys.argv[4],
       "accuracy": r["accuracy"], "levenshtein": r["levenshtein"],
       "train_seconds": round(float(sys.argv[6]) - float(sys.argv[5]), 1)}
if sys.argv[7]:
    row["train_args"] = sys.argv[7]
print(json.dumps(row))
PY
  tail -1 "$results" >&2
}

runs=()  # "YEAR|LANG|SETTING|TRAIN|DEV|NFC", run by run_one
for year in "${years[@]}"; do
  case $year in
    2023)
      dir="$data/sigmorphon2023"
      for trn in "$dir"/*.trn; do
        lang=$(basename "$trn" .trn)
        [[ -z $languages || " $languages " == *" $lang "* ]] || continue
        runs+=("2023|$lang||$trn|$dir/$lang.dev|--nfc")
      done ;;
    2017)
      dir="$data/sigmorphon2017/task1"
      for dev in "$dir"/*-dev; do
        lang=$(basename "$dev" -dev)
        [[ -z $languages || " $languages " == *" $lang "* ]] || continue
        for setting in $settings; do
          [[ -f $dir/$lang-train-$setting ]] && runs+=("2017|$lang|$setting|$dir/$lang-train-$setting|$dev|")
        done
      done ;;
    *) log "unknown year $year (2017 or 2023)"; exit 1 ;;
  esac
done

run_share() {  # run_share K N: runs K, K+N, K+2N, …
  local k
  for ((k = $1; k < ${#runs[@]}; k += $2)); do
    IFS='|' read -r year lang setting trn dev nfc <<<"${runs[k]}"
    run_one "$year" "$lang" "$setting" "$trn" "$dev" $nfc
  done
}
if [[ $jobs -eq 1 ]]; then
  run_share 0 1
else
  processors=$(nproc)
  pids=()
  for ((j = 0; j < jobs; j++)); do
    if command -v taskset >/dev/null && [[ $jobs -le $processors ]]; then
      (taskset -p -c "$j" $BASHPID >/dev/null && run_share "$j" "$jobs") &
    else
      run_share "$j" "$jobs" &
    fi
    pids+=($!)
  done
  failed=0
  for pid in "${pids[@]}"; do wait "$pid" || failed=1; done
  [[ $failed -eq 0 ]] || { log "a job failed"; exit 1; }
fi

python3 - "$results" <<'PY'
import json, sys
from collections import defaultdict
rows = [json.loads(l) for l in open(sys.argv[1]) if l.strip()]
groups = defaultdict(list)
print("| year | setting | language | accuracy | levenshtein | train s |")
print("| --- | --- | --- | ---: | ---: | ---: |")
for r in sorted(rows, key=lambda r: (r["year"], r["setting"], r["language"])):
    groups[(r["year"], r["setting"])].append(r["accuracy"])
    print(f'| {r["year"]} | {r["setting"] or "-"} | {r["language"]} | {r["accuracy"]:.2f} | {r["levenshtein"]:.3f} | {r["train_seconds"]:.0f} |')
for (year, setting), accs in sorted(groups.items()):
    print(f'| {year} | {setting or "-"} | macro-average of {len(accs)} | {sum(accs) / len(accs):.2f} | | |')
PY
