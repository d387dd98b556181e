"""lxml's side of the XML reading benchmark.

Streams FILE with lxml.etree.iterparse, the idiomatic fast way: elements are
counted at their end event, then cleared and their earlier siblings deleted,
so memory stays flat whatever the file's size. Only end events are asked for:
an element's name, attributes and text are all there by then. Prints one line to stdout:

    elements=N attributes=M textbytes=T

Attributes exclude namespace declarations (lxml keeps those apart, as
Lexiform's reader does). T is the UTF-8 byte length of all element text and
tails, whitespace-only ones included; comments and processing instructions are
dropped by the parser, which joins the text around them, so the total is the
same as summing the separate text nodes.

Run with tools/.venv/bin/python (tools/benchmark.sh installs lxml there).
Exits 1 with lxml's message on malformed input.
"""

import sys

from lxml import etree


def count(path):
    elements = attributes = textbytes = 0
    context = etree.iterparse(
        path,
        events=("end",),
        remove_comments=True,
        remove_pis=True,
        # The defaults, spelled out: no network, no huge-tree mode, and only
        # internal entities replaced (as XML_PARSE_NOENT does in the floor).
        no_network=True,
        huge_tree=False,
    )
    for _, elem in context:
        elements += 1
        attributes += len(elem.attrib)
        text = elem.text
        if text:
            textbytes += len(text.encode("utf-8"))
        if len(elem):
            # Each child deleted its earlier siblings at its own end, so only
            # the last child is left; its tail ends at this end tag. Clearing
            # frees it (a leaf has nothing to free: it goes with its parent or
            # as an earlier sibling).
            tail = elem[-1].tail
            if tail:
                textbytes += len(tail.encode("utf-8"))
            elem.clear(keep_tail=True)
        # Earlier siblings are complete, tails included: count their tails and
        # delete them, so the tree never holds more than one path of elements.
        previous = elem.getprevious()
        if previous is not None:
            parent = elem.getparent()
            while previous is not None:
                tail = previous.tail
                if tail:
                    textbytes += len(tail.encode("utf-8"))
                parent.remove(previous)
                previous = elem.getprevious()
    del context
    return elements, attributes, textbytes


def main(argv):
    if len(argv) != 2:
        print(f"usage: {argv[0]} FILE.xml", file=sys.stderr)
        return 2
    try:
        elements, attributes, textbytes = count(argv[1])
    except (etree.XMLSyntaxError, OSError) as error:
        print(f"xml_lxml: {argv[1]}: {error}", file=sys.stderr)
        return 1
    print(f"elements={elements} attributes={attributes} textbytes={textbytes}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
