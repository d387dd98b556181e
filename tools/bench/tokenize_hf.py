"""HF tokenizers peer: NFC normalizer and the Whitespace pre-tokenizer
(\\w+|[^\\w\\s]+, with offsets), tokens joined by spaces, one line out per line in.

    python tokenize_hf.py FILE > OUT      (prints tokens=N on stderr)
"""
import sys

from tokenizers import normalizers, pre_tokenizers

nfc = normalizers.NFC()
split = pre_tokenizers.Whitespace()
tokens = 0
out = sys.stdout
with open(sys.argv[1], encoding="utf-8") as handle:
    for line in handle:
        pieces = split.pre_tokenize_str(nfc.normalize_str(line.rstrip("\n")))
        tokens += len(pieces)
        out.write(" ".join(piece for piece, _ in pieces) + "\n")
print(f"tokens={tokens}", file=sys.stderr)
