"""The Python peer of `lexiform lexicon convert IN OUT.jsonl`: the same fields
(headword, language, part of speech, translations with language, definitions)
extracted with lxml iterparse from FreeDict TEI, Apertium .dix or LIFT, written
as JSON lines.

    python3 lexicon_lxml.py IN OUT

Written for Lexiform's benchmarks; streaming (elements cleared as it goes).
"""

import json
import sys

from lxml import etree

TEI = "{http://www.tei-c.org/ns/1.0}"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


def text(element):
    return " ".join("".join(element.itertext()).split()) if element is not None else ""


def tei(path, out):
    for _, entry in etree.iterparse(path, events=("end",), tag=TEI + "entry"):
        orth = entry.find(f"{TEI}form/{TEI}orth")
        pos = entry.find(f"{TEI}gramGrp/{TEI}pos")
        translations = [
            {"text": text(q), "lang": cit.get(XML_LANG)}
            for cit in entry.iter(TEI + "cit")
            if cit.get("type") in ("trans", "translation")
            for q in cit.findall(TEI + "quote")
        ]
        definitions = [text(d) for d in entry.iter(TEI + "def")]
        out.write(json.dumps({"headword": text(orth), "pos": text(pos) or None,
                              "translations": translations, "definitions": definitions},
                             ensure_ascii=False) + "\n")
        entry.clear()
        while entry.getprevious() is not None:
            del entry.getparent()[0]


def side(element):
    words, tags = [], []
    for node in element.iter():
        if node is element:
            words.append(node.text or "")
        elif node.tag == "b":
            words.append(" ")
        elif node.tag == "s":
            tags.append(node.get("n"))
        if node is not element:
            words.append(node.tail or "")
    return "".join(words), tags


def dix(path, out):
    in_section = False
    for event, element in etree.iterparse(path, events=("start", "end")):
        if element.tag == "section":
            in_section = event == "start"
        elif event == "end" and element.tag == "e" and in_section:
            p = element.find("p")
            i = element.find("i")
            if p is not None:
                left, ltags = side(p.find("l"))
                right, rtags = side(p.find("r"))
            elif i is not None:
                left, ltags = side(i)
                right, rtags = left, ltags
            else:
                left = right = ""
                ltags = rtags = []
            out.write(json.dumps({"headword": left, "pos": ltags[0] if ltags else None,
                                  "translations": [{"text": right, "tags": rtags,
                                                    "direction": element.get("r")}]},
                                 ensure_ascii=False) + "\n")
            element.clear()


def lift(path, out):
    for _, entry in etree.iterparse(path, events=("end",), tag="entry"):
        form = entry.find("lexical-unit/form")
        glosses = [{"text": text(g.find("text")), "lang": g.get("lang")} for g in entry.iter("gloss")]
        info = entry.find("sense/grammatical-info")
        out.write(json.dumps({"headword": text(form.find("text")) if form is not None else "",
                              "lang": form.get("lang") if form is not None else None,
                              "pos": info.get("value") if info is not None else None,
                              "translations": glosses,
                              "deleted": entry.get("dateDeleted") is not None},
                             ensure_ascii=False) + "\n")
        entry.clear()
        while entry.getprevious() is not None:
            del entry.getparent()[0]


def main():
    source, target = sys.argv[1], sys.argv[2]
    kind = {"tei": tei, "dix": dix, "lift": lift}[source.rsplit(".", 1)[-1]]
    count = 0
    with open(target, "w", encoding="utf-8") as out:
        kind(source, out)
    with open(target, encoding="utf-8") as written:
        count = sum(1 for _ in written)
    print(f"entries={count}")


if __name__ == "__main__":
    main()
