"""A plain-Python word-by-word translator, the second peer in the augment
bench: what a user would write instead of nlpaug.

    python augment_python.py LEXICON.tsv INPUT > OUTPUT

Tokens are `\\w+` or single other non-space characters; lookup is by the
lowercased token; the longest headword of up to 3 tokens starting at each
word wins; the best-scored translation is used, cased like the source
(lower, Title, UPPER); other tokens are kept; tokens are joined by spaces.
Standard library only.
"""
import re
import sys

TOKEN = re.compile(r"\w+|[^\w\s]")


def main():
    lexicon, source = sys.argv[1], sys.argv[2]
    best = {}
    with open(lexicon, encoding="utf-8") as handle:
        next(handle)
        for line in handle:
            parts = line.rstrip("\n").split("\t")
            if len(parts) < 2:
                continue
            key = tuple(parts[0].lower().split())
            score = float(parts[2]) if len(parts) > 2 and parts[2] else 0.0
            if key not in best or score > best[key][1]:
                best[key] = (parts[1], score)
    table = {key: value[0] for key, value in best.items()}
    longest = max((len(k) for k in table), default=1)
    out = sys.stdout
    for line in open(source, encoding="utf-8"):
        tokens = TOKEN.findall(line)
        lower = [t.lower() for t in tokens]
        result = []
        i = 0
        while i < len(tokens):
            for n in range(min(longest, len(tokens) - i), 0, -1):
                translation = table.get(tuple(lower[i:i + n]))
                if translation is not None:
                    word = tokens[i]
                    if word.isupper() and len(word) > 1:
                        translation = translation.upper()
                    elif word[:1].isupper():
                        translation = translation[:1].upper() + translation[1:]
                    result.append(translation)
                    i += n
                    break
            else:
                result.append(tokens[i])
                i += 1
        out.write(" ".join(result) + "\n")


if __name__ == "__main__":
    main()
