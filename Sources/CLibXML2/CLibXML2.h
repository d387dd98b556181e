// The libxml2 headers that LexiformXML uses.
//
// Debian's libxml2 is built with ICU, so its headers would pull ICU's in, and
// ICU's types clash with Foundation's bundled `_FoundationICU`. Read the
// version header first and switch ICU off before anything else is included.
#ifndef LEXIFORM_CLIBXML2_H
#define LEXIFORM_CLIBXML2_H

#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED

#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/SAX2.h>
#include <libxml/xmlerror.h>
#include <libxml/xmlIO.h>
#include <libxml/xmlreader.h>
#include <libxml/xmlstring.h>

// `xmlFree` is a global function pointer macro, which Swift cannot call.
static inline void _lexiform_xmlFree(void *_Nullable p) { xmlFree(p); }

// The SAX2 magic number, a macro Swift does not import as a typed constant.
static inline unsigned int _lexiform_xmlSAX2Magic(void) { return XML_SAX2_MAGIC; }

// The run-time library version ("20914"); `xmlParserVersion` is a macro.
static inline const char *_Nonnull _lexiform_xmlParserVersion(void) { return xmlParserVersion; }

#endif
