#!/usr/bin/env bash
# Used by tools/spark-augment.py --mode shards as RDD.pipe's command: reads
# shard names (I/N), one a line, on standard input and runs
#   LEXIFORM augment ARGS… --shard I/N --threads 1 --quiet FILE
# for each, writing the outputs in order.
#
#   spark-augment-shard.sh LEXIFORM FILE ARGS…
set -euo pipefail
lexiform=$1
file=$2
shift 2
while IFS= read -r shard; do
  [[ -n $shard ]] || continue
  "$lexiform" augment "$@" --shard "$shard" --threads 1 --quiet "$file" 2>/dev/null
done
