"""The peer of `lexiform unimorph validate --no-warnings`: the same rules in
plain Python (csv module + set lookups), for tools/bench/unimorph.bench.sh.

    python3 unimorph_validate.py SCHEMA.tsv TABLE

Reads TABLE as lemma<TAB>form<TAB>tags with the csv module and checks, like
Lexiform: three fields, no empty field, bundles that parse (balanced
parentheses, no empty feature, ',' only inside parentheses), every feature in
the schema (listed, or LGSPECn / ARG… / PSS… templates), no two features of
one dimension and exclusion group side by side, no repeated feature, lemma
and form in NFC, no duplicate row. Each distinct feature string is checked
once (cached), as Lexiform does. Prints `rows=N errors=M`. Not checked: forms
unrelated to their lemma (Lexiform's warning). Standard library only.
"""

import csv
import re
import sys
import unicodedata

SYNTAX = set(";,/+()")


def load_schema(path):
    features = {}
    with open(path, encoding="utf-8") as handle:
        for line in handle:
            if line.startswith("#") or not line.strip():
                continue
            dimension, label, _source, _meaning, group = line.rstrip("\n").split("\t")
            if dimension == "dimension":
                continue
            features[label] = (dimension, None if group == "-" else group)
    return features


def make_lookup(features):
    cases = sorted((l for l, (d, _) in features.items() if d == "Case" and not l.endswith("…")), key=len, reverse=True)
    roles = "|".join(["NO", "AC", "AB", "ER", "DA", "BE", "IO"] + [re.escape(c) for c in cases])
    parts = "INCL|EXCL|MASC|NEUT|INFM|FORM|FEM|TRI|SG|DU|PL|[01234SDP]"
    templates = [
        (re.compile(r"LGSPEC0*[1-9][0-9]*\Z"), "LGSPEC…"),
        (re.compile(rf"ARG(?:{roles})?(?:{parts})+\Z"), "ARG…"),
        (re.compile(r"PSS[0-4][SDP]?(?:I|E|M|F|INFM|FORM)?\Z"), "PSS…"),
    ]
    cache = {}

    def lookup(label):
        if label in cache:
            return cache[label]
        found = features.get(label) if not label.endswith("…") else None
        if found is None:
            for pattern, template in templates:
                if pattern.match(label):
                    found = features[template]
                    break
        cache[label] = found
        return found

    return lookup


class BadBundle(Exception):
    pass


def parse(text, top=True):
    """Returns (elements, rest); element = (alternatives, layer or None)."""
    elements = []
    i = 0
    n = len(text)
    while True:
        alternatives = []
        conjunction = []
        while True:
            j = i
            while j < n and text[j] not in SYNTAX:
                j += 1
            if j == i:
                raise BadBundle("empty feature")
            conjunction.append(text[i:j])
            i = j
            if i < n and text[i] == "+":
                i += 1
                continue
            if i < n and text[i] == "/":
                i += 1
                alternatives.append(conjunction)
                conjunction = []
                continue
            break
        alternatives.append(conjunction)
        layer = None
        if i < n and text[i] == "(":
            layer, used = parse(text[i + 1 :], top=False)
            i += 1 + used
            if i >= n or text[i] != ")":
                raise BadBundle("unbalanced")
            i += 1
        elements.append((alternatives, layer))
        if i >= n:
            if not top:
                raise BadBundle("unbalanced")
            return elements, i
        c = text[i]
        if c == ";" or (c == "," and not top):
            i += 1
            continue
        if c == ")" and not top:
            return elements, i
        raise BadBundle("malformed")


def key_of(elements):
    keys = []
    for alternatives, layer in elements:
        head = "/".join(sorted({"+".join(sorted(set(c))) for c in alternatives}))
        keys.append(head if layer is None else f"{head}({key_of(layer)})")
    return ";".join(sorted(set(keys)))


def count_problems(elements, lookup):
    problems = 0
    seen = set()
    groups = {}
    for alternatives, layer in elements:
        labels = [label for conjunction in alternatives for label in conjunction]
        for label in labels:
            if lookup(label) is None:
                problems += 1
        if layer is not None:
            problems += count_problems(layer, lookup)
        key = key_of([(alternatives, layer)])
        if key in seen:
            problems += 1
            continue
        seen.add(key)
        if layer is not None:
            continue
        found = [lookup(label) for label in labels]
        if any(f is None or f[1] is None for f in found) or len({f for f in found}) != 1:
            continue
        group = found[0]
        if group in groups:
            first = groups[group]
            if not (len(first) == 1 and len(labels) == 1 and (first[0].startswith(labels[0] + ".") or labels[0].startswith(first[0] + "."))):
                problems += 1
        else:
            groups[group] = labels
    return problems


def main():
    schema_path, table = sys.argv[1], sys.argv[2]
    lookup = make_lookup(load_schema(schema_path))
    checked = {}
    rows = 0
    errors = 0
    seen_rows = set()
    last_lemma = None
    last_lemma_ok = True
    with open(table, encoding="utf-8", newline="") as handle:
        for row in csv.reader(handle, delimiter="\t", quoting=csv.QUOTE_NONE):
            if not row or (len(row) == 1 and not row[0].strip()) or row[0].startswith("#"):
                continue
            rows += 1
            if len(row) != 3:
                errors += 1
                continue
            lemma, form, tags = row
            empty = sum(1 for field in row if not field)
            errors += empty
            result = checked.get(tags)
            if result is None and tags:
                try:
                    elements, _ = parse(tags)
                    result = (count_problems(elements, lookup), key_of(elements))
                except BadBundle:
                    result = (1, tags)
                checked[tags] = result
            if result is not None:
                errors += result[0]
            if lemma != last_lemma:
                last_lemma = lemma
                last_lemma_ok = unicodedata.is_normalized("NFC", lemma)
            if lemma and not last_lemma_ok:
                errors += 1
            if form and not unicodedata.is_normalized("NFC", form):
                errors += 1
            if empty:
                continue
            key = (lemma, form, result[1] if result else tags)
            if key in seen_rows:
                errors += 1
            else:
                seen_rows.add(key)
    print(f"rows={rows} errors={errors}")


if __name__ == "__main__":
    main()
