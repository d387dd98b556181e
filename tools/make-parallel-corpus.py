"""Make large parallel corpora for the parallel-text bench from two Bibles.

    python3 make-parallel-corpus.py BIBLE_A.xml LANG_A BIBLE_B.xml LANG_B OUT_PREFIX TMX_MB PAIRS

Aligns the two CES Bibles by verse id, then writes
  OUT_PREFIX.tmx      a TMX 1.4 file of at least TMX_MB × 1,000,000 bytes
                      (the aligned verses repeated, each unit with a tuid and
                      a <prop>, some segments with inline <hi> markup), and
  OUT_PREFIX.tsv      PAIRS lines SRC<TAB>TGT (the verses repeated; every
                      tenth repeat gets a counter appended, so that the
                      duplicate filter has work to do but not everything is
                      a duplicate).
Standard library only; not API (see tools/README.md).
"""
import re
import sys
from xml.sax.saxutils import escape


def verses(path):
    text = open(path, encoding="utf-8").read()
    found = {}
    for vid, body in re.findall(r'<seg id="([^"]+)" type="verse">(.*?)</seg>', text, re.S):
        body = " ".join(re.sub(r"<[^>]+>", "", body).split())
        if body:
            found[vid] = body
    return found


def main():
    a_path, a_lang, b_path, b_lang, prefix, tmx_mb, pairs = sys.argv[1:8]
    a, b = verses(a_path), verses(b_path)
    aligned = [(vid, a[vid], b[vid]) for vid in a if vid in b]
    limit = int(float(tmx_mb) * 1_000_000)
    with open(prefix + ".tmx", "w", encoding="utf-8") as out:
        out.write('<?xml version="1.0" encoding="UTF-8"?>\n<tmx version="1.4">\n'
                  f'<header creationtool="make-parallel-corpus" creationtoolversion="1" segtype="sentence" '
                  f'o-tmf="none" adminlang="en" srclang="{a_lang}" datatype="plaintext"/>\n<body>\n')
        written, n = 0, 0
        while written < limit:
            for vid, x, y in aligned:
                n += 1
                xs = escape(x)
                if n % 7 == 0:
                    words = xs.split(" ", 1)
                    xs = f"<hi>{words[0]}</hi> " + (words[1] if len(words) > 1 else "")
                unit = (f'<tu tuid="{n}"><prop type="verse">{vid}</prop>'
                        f'<tuv xml:lang="{a_lang}"><seg>{xs}</seg></tuv>'
                        f'<tuv xml:lang="{b_lang}"><seg>{escape(y)}</seg></tuv></tu>\n')
                out.write(unit)
                written += len(unit.encode("utf-8"))
                if written >= limit:
                    break
        out.write("</body>\n</tmx>\n")
    with open(prefix + ".tsv", "w", encoding="utf-8") as out:
        count, round_ = 0, 0
        while count < int(pairs):
            for _, x, y in aligned:
                suffix = f" {round_}" if round_ % 10 == 9 else ""
                out.write(f"{x}{suffix}\t{y}{suffix}\n")
                count += 1
                if count >= int(pairs):
                    break
            round_ += 1


if __name__ == "__main__":
    main()
