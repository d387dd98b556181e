/*
 * xml_floor: the floor for the XML reading benchmark.
 *
 * A plain libxml2 xmlTextReader loop doing the least work a data reader
 * needs: the node type of every node; for elements, the local name and each
 * attribute's local name and value; for text and CDATA nodes, the value and
 * its length. Namespace declarations (xmlns, xmlns:p) are walked over but not
 * counted as attributes, as Lexiform's reader reports them apart.
 *
 * Prints one line to stdout:
 *
 *     elements=N attributes=M textbytes=T
 *
 * where T is the total UTF-8 byte length of text and CDATA node values,
 * whitespace-only ones included. Exits 1, after libxml2's own message on
 * stderr, when the input is not well-formed; 2 on bad usage.
 *
 * Built by tools/benchmark.sh:
 *     gcc -O2 xml_floor.c $(pkg-config --cflags --libs libxml-2.0)
 */

#include <stdio.h>
#include <string.h>

#include <libxml/parser.h>
#include <libxml/xmlreader.h>

/* Name and value lengths are summed here so that the work cannot be dropped. */
static volatile unsigned long long sink;

int main(int argc, char **argv) {
  if (argc != 2) {
    fprintf(stderr, "usage: %s FILE.xml\n", argv[0]);
    return 2;
  }
  LIBXML_TEST_VERSION

  xmlTextReaderPtr reader =
      xmlReaderForFile(argv[1], NULL, XML_PARSE_NONET | XML_PARSE_NOENT);
  if (reader == NULL) {
    fprintf(stderr, "xml_floor: cannot open %s\n", argv[1]);
    return 1;
  }

  unsigned long long elements = 0, attributes = 0, textbytes = 0;
  unsigned long long namebytes = 0;
  int ret;
  while ((ret = xmlTextReaderRead(reader)) == 1) {
    switch (xmlTextReaderNodeType(reader)) {
    case XML_READER_TYPE_ELEMENT: {
      elements++;
      const xmlChar *name = xmlTextReaderConstLocalName(reader);
      namebytes += strlen((const char *)name);
      if (xmlTextReaderHasAttributes(reader) == 1) {
        while (xmlTextReaderMoveToNextAttribute(reader) == 1) {
          if (xmlTextReaderIsNamespaceDecl(reader) == 1)
            continue;
          attributes++;
          const xmlChar *aname = xmlTextReaderConstLocalName(reader);
          const xmlChar *avalue = xmlTextReaderConstValue(reader);
          namebytes += strlen((const char *)aname);
          if (avalue != NULL)
            namebytes += strlen((const char *)avalue);
        }
        xmlTextReaderMoveToElement(reader);
      }
      break;
    }
    case XML_READER_TYPE_TEXT:
    case XML_READER_TYPE_CDATA:
    case XML_READER_TYPE_WHITESPACE:
    case XML_READER_TYPE_SIGNIFICANT_WHITESPACE: {
      const xmlChar *value = xmlTextReaderConstValue(reader);
      if (value != NULL)
        textbytes += strlen((const char *)value);
      break;
    }
    default:
      break;
    }
  }
  sink = namebytes;

  xmlFreeTextReader(reader);
  xmlCleanupParser();
  if (ret != 0) {
    /* libxml2 has already printed the parser error to stderr. */
    fprintf(stderr, "xml_floor: %s is not well-formed\n", argv[1]);
    return 1;
  }
  printf("elements=%llu attributes=%llu textbytes=%llu\n", elements, attributes,
         textbytes);
  return 0;
}
