"""Grow an XML lexicon to a given size by repeating its entries.

    python3 xml_corpus.py OUT SIZE_MB SOURCE.xml

Keeps SOURCE's bytes before its first entry (XML declaration, comments, DOCTYPE,
header, the root and container start tags) and after its last one (container
and root end tags), and repeats the run of entries in between, from the start
of the first entry to the end of the last, until OUT has at least
SIZE_MB * 1,000,000 bytes. Copies are joined by the whitespace that separates
the first two entries in SOURCE. The result is as well-formed as SOURCE.

The kind of file is told by its root element:

    TEI         entries are the <entry> children of <body>
    dictionary  entries are the <e> children of a <section> (Apertium .dix;
                the section with the most entries when there are several)
    lift        entries are the <entry> children of <lift>

Uses only the standard library (expat). Byte offsets come from expat itself,
so nothing is matched as text and comments or CDATA cannot fool it.
"""

import os
import sys
import xml.parsers.expat

KINDS = {
    # root local name: (container local name, entry local name)
    "TEI": ("body", "entry"),
    "TEI.2": ("body", "entry"),
    "dictionary": ("section", "e"),
    "lift": ("lift", "entry"),
}


def local(name):
    return name.rsplit(":", 1)[-1]


def find_entries(data):
    """Return (start, end, separator) of the longest run of entries."""
    parser = xml.parsers.expat.ParserCreate()
    parser.buffer_text = False
    state = {
        "stack": [],  # local names of open elements
        "kind": None,
        "runs": [],  # (start, end, count, separator) per container
        "first": None,  # start of the first entry in the open container
        "count": 0,
        "ends": [],  # ends of entries in the open container (first two kept)
        "starts": [],  # starts of entries in the open container (first two kept)
        "pending": False,  # an entry just ended: the next event starts at its end
        "container_depth": None,
    }

    def settle():
        if state["pending"]:
            state["pending"] = False
            position = parser.CurrentByteIndex
            state["last"] = position
            if len(state["ends"]) < 2:
                state["ends"].append(position)

    def start(name, _attrs):
        settle()
        stack = state["stack"]
        name = local(name)
        if not stack:
            if name not in KINDS:
                raise SystemExit(
                    f"xml_corpus: root element <{name}> is not one of "
                    f"{', '.join(sorted(KINDS))}"
                )
            state["kind"] = KINDS[name]
        container, entry = state["kind"]
        depth = len(stack)
        if state["container_depth"] is None and name == container:
            state["container_depth"] = depth
            state.update(first=None, count=0, ends=[], starts=[])
        elif state["container_depth"] is not None and depth == state["container_depth"] + 1 and name == entry:
            position = parser.CurrentByteIndex
            if state["first"] is None:
                state["first"] = position
            if len(state["starts"]) < 2:
                state["starts"].append(position)
            state["count"] += 1
        stack.append(name)

    def end(name):
        settle()
        stack = state["stack"]
        stack.pop()
        depth = len(stack)
        if state["container_depth"] is not None:
            if depth == state["container_depth"] + 1 and local(name) == state["kind"][1]:
                state["pending"] = True
            elif depth == state["container_depth"]:
                if state["count"]:
                    separator = b""
                    if len(state["starts"]) == 2:
                        separator = data[state["ends"][0] : state["starts"][1]]
                        if separator.strip():
                            separator = b""
                    state["runs"].append(
                        (state["first"], state["last"], state["count"], separator)
                    )
                state["container_depth"] = None

    def other(*_args):
        settle()

    parser.StartElementHandler = start
    parser.EndElementHandler = end
    parser.CharacterDataHandler = other
    parser.CommentHandler = other
    parser.ProcessingInstructionHandler = other
    parser.StartCdataSectionHandler = other
    parser.EndCdataSectionHandler = other
    parser.DefaultHandler = other
    try:
        parser.Parse(data, True)
    except xml.parsers.expat.ExpatError as error:
        raise SystemExit(f"xml_corpus: source is not well-formed: {error}")
    if not state["runs"]:
        container, entry = state["kind"]
        raise SystemExit(f"xml_corpus: no <{entry}> inside <{container}> in source")
    first, last, count, separator = max(state["runs"], key=lambda run: run[2])
    return first, last, count, separator


def main(argv):
    if len(argv) != 4:
        print(f"usage: {argv[0]} OUT SIZE_MB SOURCE.xml", file=sys.stderr)
        return 2
    out, size_mb, source = argv[1], float(argv[2]), argv[3]
    with open(source, "rb") as handle:
        data = handle.read()
    first, last, count, separator = find_entries(data)
    head, body, tail = data[:first], data[first:last], data[last:]
    target = int(size_mb * 1_000_000)
    copies = 1
    while len(head) + copies * len(body) + (copies - 1) * len(separator) + len(tail) < target:
        copies += 1
    with open(out, "wb") as handle:
        handle.write(head)
        for index in range(copies):
            if index:
                handle.write(separator)
            handle.write(body)
        handle.write(tail)
    size = os.path.getsize(out)
    print(
        f"xml_corpus: {out}: {size / 1e6:.1f} MB, {copies} cop{'y' if copies == 1 else 'ies'} of "
        f"{count} entries from {os.path.basename(source)}",
        file=sys.stderr,
    )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
