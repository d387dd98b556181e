"""sacremoses peer: MosesTokenizer (English rules, escape off), one line out
per line in.

    python tokenize_sacremoses.py FILE > OUT      (prints tokens=N on stderr)
"""
import sys

from sacremoses import MosesTokenizer

moses = MosesTokenizer(lang="en")
tokens = 0
out = sys.stdout
with open(sys.argv[1], encoding="utf-8") as handle:
    for line in handle:
        found = moses.tokenize(line.rstrip("\n"), escape=False)
        tokens += len(found)
        out.write(" ".join(found) + "\n")
print(f"tokens={tokens}", file=sys.stderr)
