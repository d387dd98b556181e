"""The peer of `lexiform augment translate` in the augment bench: nlpaug's
dictionary replacement (ReservedAug) over a TSV lexicon.

    python augment_nlpaug.py LEXICON.tsv INPUT > OUTPUT

Each lexicon headword and its translations form one group of ReservedAug's
reserved_tokens (multiword headwords included, matched case-insensitively);
every word found in a group is replaced by another member of it (aug_p=1,
no cap per sentence), which with a source→target lexicon is word-by-word
translation. Seeded. Prints the number of lines to stderr.
"""
import csv
import random
import sys

import nlpaug.augmenter.word as naw


def main():
    lexicon, source = sys.argv[1], sys.argv[2]
    groups = {}
    with open(lexicon, encoding="utf-8") as handle:
        reader = csv.reader(handle, delimiter="\t", quoting=csv.QUOTE_NONE)
        next(reader)  # header
        for row in reader:
            if len(row) >= 2 and row[0] and row[1]:
                groups.setdefault(row[0], [row[0]]).append(row[1])
    random.seed(1)
    aug = naw.ReservedAug(
        reserved_tokens=list(groups.values()), case_sensitive=False, aug_p=1.0, aug_min=0, aug_max=None)
    lines = 0
    out = sys.stdout
    with open(source, encoding="utf-8") as handle:
        for line in handle:
            result = aug.augment(line.rstrip("\n"))
            out.write((result[0] if isinstance(result, list) else result) + "\n")
            lines += 1
    print(f"lines={lines}", file=sys.stderr)


if __name__ == "__main__":
    main()
