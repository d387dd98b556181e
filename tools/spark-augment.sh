#!/usr/bin/env bash
# Runs tools/spark-augment.py with pyspark from tools/.venv (installed there
# when missing) and a release build of lexiform (or $LEXIFORM_BIN), on the
# augmentation samples: a text corpus in data mode and a CoNLL file in shard
# mode. Not run in CI.
#
#   tools/spark-augment.sh [INPUT.txt [LEXICON…]]
set -euo pipefail
tools=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
repo=$(cd "$tools/.." && pwd)
venv="$tools/.venv"
[[ -x $venv/bin/python ]] || python3 -m venv "$venv"
"$venv/bin/python" -c 'import pyspark' 2>/dev/null ||
  "$venv/bin/python" -m pip install --quiet --disable-pip-version-check pyspark >&2
command -v java >/dev/null || { echo "spark-augment: java (17) is needed" >&2; exit 1; }
source "$tools/lib/release-lexiform.sh"
lexiform=$(release_lexiform "$repo" "${LEXIFORM_BIN:-}")
samples="$repo/resources/samples"
input=${1:-$samples/augment.eng.txt}
shift $(( $# > 0 ? 1 : 0 ))
lexicons=("$@")
[[ ${#lexicons[@]} -gt 0 ]] || lexicons=("$samples/eng-swh.augment.tsv" "$samples/eng-fra.augment.tei")
args=()
for lexicon in "${lexicons[@]}"; do args+=(--lexicon "$lexicon"); done
"$venv/bin/python" "$tools/spark-augment.py" --lexiform "$lexiform" --input "$input" --mode data -- \
  codeswitch "${args[@]}" --ratio 0.6 --cross 0.5 --seed 7
"$venv/bin/python" "$tools/spark-augment.py" --lexiform "$lexiform" --input "$samples/augment.eng.conll" --mode shards -- \
  translate --lexicon "${lexicons[0]}" --format conll --drop-unknown --choose sample --seed 7
