#!/usr/bin/env python3
"""Runs `lexiform augment` inside Apache Spark (pyspark, local mode) through
RDD.pipe, and checks that the output equals a single `lexiform` process's
output for the same seed.

    tools/spark-augment.py --lexiform BIN --input FILE [--mode data|shards]
        [--partitions N] [--master local[2]] -- AUGMENT-ARGS...

AUGMENT-ARGS are the arguments after `lexiform augment`, without the input
file, e.g. `codeswitch --lexicon en-es.tsv --lexicon en-fr.tei --ratio 0.5
--cross 0.5 --seed 7`.

Two ways to split the work, both deterministic because every record draws
from its own random stream (seed + record number):

- data (text and MASSIVE): the corpus is an RDD of lines; `zipWithIndex`
  numbers them, each partition pipes `NUMBER<TAB>line` through
  `lexiform augment … --numbered`, and the numbered output lines are sorted
  back into order.
- shards (any format, CoNLL included): an RDD of N shard names `I/N` is
  piped through tools/spark-augment-shard.sh, which runs
  `lexiform augment … --shard I/N FILE` on the file (as on a cluster with a
  shared file system); record r is the (r div N)-th record of shard r mod N.

Prints the record counts and `identical: yes`, or the first difference and
exits 1. Needs pyspark (pip install pyspark) and Java 17. Not run in CI.
"""
import argparse
import os
import shlex
import subprocess
import sys


def records(text, conll):
    """Splits output into records: lines, or blank-line-separated blocks."""
    if not conll:
        return text.splitlines()
    return [block for block in text.split("\n\n") if block.strip()]


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lexiform", required=True)
    parser.add_argument("--input", required=True)
    parser.add_argument("--mode", choices=["data", "shards"], default="data")
    parser.add_argument("--partitions", type=int, default=4)
    parser.add_argument("--master", default="local[2]")
    parser.add_argument("augment", nargs=argparse.REMAINDER)
    args = parser.parse_args()
    augment = args.augment[1:] if args.augment[:1] == ["--"] else args.augment
    if not augment:
        parser.error("give the augment arguments after --")
    lexiform = os.path.abspath(args.lexiform)
    conll = "conll" in augment
    if conll and args.mode == "data":
        parser.error("CoNLL records span lines: use --mode shards")

    single = subprocess.run(
        [lexiform, "augment", *augment, "--quiet", args.input], check=True, capture_output=True, text=True
    ).stdout
    expected = records(single, conll)

    from pyspark import SparkConf, SparkContext

    conf = SparkConf().setMaster(args.master).setAppName("lexiform-augment").set("spark.ui.enabled", "false")
    sc = SparkContext(conf=conf)
    sc.setLogLevel("ERROR")
    try:
        if args.mode == "data":
            command = shlex.join([lexiform, "augment", *augment, "--numbered", "--threads", "1", "--quiet"])
            lines = sc.textFile(os.path.abspath(args.input), minPartitions=args.partitions)
            numbered = lines.zipWithIndex().map(lambda pair: f"{pair[1]}\t{pair[0]}")
            piped = numbered.pipe(command)
            pairs = piped.map(lambda line: line.split("\t", 1)).map(lambda p: (int(p[0]), p[1] if len(p) > 1 else ""))
            got = [text for _, text in pairs.sortByKey(numPartitions=1).collect()]
            parts = numbered.getNumPartitions()
        else:
            shard_script = os.path.join(os.path.dirname(os.path.abspath(__file__)), "spark-augment-shard.sh")
            count = args.partitions
            command = shlex.join([shard_script, lexiform, os.path.abspath(args.input), *augment])
            shards = sc.parallelize([f"{i}/{count}" for i in range(count)], count)
            outputs = shards.pipe(command).glom().collect()
            per_shard = [records("\n".join(lines) + "\n", conll) for lines in outputs]
            got = []
            r = 0
            while True:
                shard, position = r % count, r // count
                if position >= len(per_shard[shard]):
                    break
                got.append(per_shard[shard][position])
                r += 1
            parts = count
    finally:
        sc.stop()

    print(f"mode {args.mode}, {parts} partitions, master {args.master}")
    print(f"single process: {len(expected)} records; spark: {len(got)} records")
    if got == expected:
        print("identical: yes")
        return 0
    for i, (a, b) in enumerate(zip(expected, got)):
        if a != b:
            print(f"identical: no; first difference at record {i}:\n  single: {a!r}\n  spark:  {b!r}")
            return 1
    print("identical: no; the record counts differ")
    return 1


if __name__ == "__main__":
    sys.exit(main())
