"""PyICU peer: NFC, then ICU's word BreakIterator, tokens (segments that are
not all whitespace) joined by spaces, one line out per line in.

    python tokenize_pyicu.py FILE > OUT      (prints tokens=N on stderr)
"""
import sys

import icu

nfc = icu.Normalizer2.getNFCInstance()
words = icu.BreakIterator.createWordInstance(icu.Locale.getRoot())
tokens = 0
out = sys.stdout
with open(sys.argv[1], encoding="utf-8") as handle:
    for line in handle:
        text = icu.UnicodeString(nfc.normalize(line.rstrip("\n")))
        words.setText(text)
        found = []
        start = words.first()
        for end in words:
            piece = str(text[start:end])
            if piece.strip():
                found.append(piece.lstrip())
            start = end
        tokens += len(found)
        out.write(" ".join(found) + "\n")
print(f"tokens={tokens}", file=sys.stderr)
