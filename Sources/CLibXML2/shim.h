#ifndef WAYMARK_CLIBXML2_SHIM_H
#define WAYMARK_CLIBXML2_SHIM_H
// libxml2's headers pull in ICU when it is enabled, and Foundation ships its
// own ICU module: a file that sees both fails with "'UErrorCode' has
// different definitions". Read the version header first, then switch ICU off.
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>
#include <libxml/xmlsave.h>
#include <libxml/HTMLparser.h>
#include <libxml/HTMLtree.h>

// xmlFree is a global function pointer; Swift 6 cannot call it safely.
static inline void waymark_xml_free(void *pointer) { xmlFree(pointer); }
#endif
