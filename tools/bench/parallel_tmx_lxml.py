"""The Python peer of `lexiform parallel convert IN.tmx --langs A,B --to moses`:
lxml iterparse over the <tu>s, the text of each <seg> (inline markup's text
kept, <ph>/<bpt>/<ept>/<it>/<ut> codes dropped), whitespace collapsed, written
to OUT.A and OUT.B. opus_read reads OPUS corpora, not free-standing TMX, so
this script stands in for it. Not API.

    python3 parallel_tmx_lxml.py IN.tmx A B OUT
"""
import sys

from lxml import etree

XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
CODES = {"ph", "bpt", "ept", "it", "ut"}


def seg_text(seg):
    parts = [seg.text or ""]
    for child in seg.iter():
        if child is seg:
            continue
        if child.tag not in CODES:
            parts.append(child.text or "")
        parts.append(child.tail or "")
    return " ".join("".join(parts).split())


def main():
    path, a, b, prefix = sys.argv[1:5]
    count = 0
    with open(f"{prefix}.{a}", "w", encoding="utf-8") as out_a, open(f"{prefix}.{b}", "w", encoding="utf-8") as out_b:
        for _, tu in etree.iterparse(path, events=("end",), tag="tu"):
            texts = {}
            for tuv in tu.iter("tuv"):
                lang = tuv.get(XML_LANG) or tuv.get("lang")
                seg = tuv.find("seg")
                if seg is not None and lang:
                    texts[lang.split("-")[0].lower()] = seg_text(seg)
            if a in texts and b in texts:
                out_a.write(texts[a] + "\n")
                out_b.write(texts[b] + "\n")
                count += 1
            tu.clear()
            while tu.getprevious() is not None:
                del tu.getparent()[0]
    print(f"pairs={count}")


if __name__ == "__main__":
    main()
