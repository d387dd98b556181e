#!/usr/bin/env python3
"""Make a large UniMorph table for benchmarks from the shared SIGMORPHON files.

    tools/make-unimorph-table.py OUT [--lines N] [--shared DIR]

Reads every file of DIR/data/sigmorphon2017/task1/ (lemma, form, tags) and
DIR/data/sigmorphon2023/ (lemma, tags, form; rewritten as lemma, form, tags),
in sorted order, and writes their rows as lemma<TAB>form<TAB>tags until OUT
has N lines (default 1,000,000). When the files run out they are read again,
and each later pass appends its pass number to lemmas and forms (walk →
walk2, walked → walked2) so that the table is not one long run of duplicates.
The result is deterministic. Standard library only.
"""

import argparse
import os
import sys


def rows(shared):
    sources = []
    for folder, order in (("sigmorphon2017/task1", "lft"), ("sigmorphon2023", "ltf")):
        directory = os.path.join(shared, "data", folder)
        for name in sorted(os.listdir(directory)):
            sources.append((os.path.join(directory, name), order))
    if not sources:
        sys.exit(f"make-unimorph-table: no SIGMORPHON files under {shared}/data")
    for path, order in sources:
        with open(path, encoding="utf-8", newline="\n") as handle:
            for line in handle:
                fields = line.rstrip("\n").split("\t")
                if len(fields) != 3:
                    continue
                if order == "ltf":
                    fields = [fields[0], fields[2], fields[1]]
                yield fields


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("out")
    parser.add_argument("--lines", type=int, default=1_000_000)
    here = os.path.dirname(os.path.abspath(__file__))
    parser.add_argument("--shared", default=os.path.join(here, "..", "..", "shared"))
    args = parser.parse_args()
    written = 0
    passes = 0
    temporary = args.out + ".tmp"
    with open(temporary, "w", encoding="utf-8", newline="\n") as out:
        while written < args.lines:
            suffix = "" if passes == 0 else str(passes + 1)
            for lemma, form, tags in rows(args.shared):
                out.write(f"{lemma}{suffix}\t{form}{suffix}\t{tags}\n")
                written += 1
                if written >= args.lines:
                    break
            passes += 1
    os.replace(temporary, args.out)
    print(f"make-unimorph-table: wrote {written} lines to {args.out}", file=sys.stderr)


if __name__ == "__main__":
    main()
