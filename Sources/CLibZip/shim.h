#ifndef WAYMARK_CLIBZIP_SHIM_H
#define WAYMARK_CLIBZIP_SHIM_H
#include <zip.h>
#endif
