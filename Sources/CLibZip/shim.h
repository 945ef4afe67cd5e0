#ifndef WAYMARK_CLIBZIP_SHIM_H
#define WAYMARK_CLIBZIP_SHIM_H
#include <zip.h>
#include <zlib.h>

/* deflateInit2 is a macro, which Swift cannot call: the raw deflate stream of a ZIP entry as
   libzip 1.7 starts it for ZIP_CM_DEFLATE (no zlib header, a 32 KB window, memory level 9,
   the default strategy), at `level`. */
static inline int waymark_deflate_init(z_streamp stream, int level) {
    return deflateInit2(stream, level, Z_DEFLATED, -MAX_WBITS, MAX_MEM_LEVEL, Z_DEFAULT_STRATEGY);
}
#endif
