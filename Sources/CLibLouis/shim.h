#ifndef WAYMARK_CLIBLOUIS_SHIM_H
#define WAYMARK_CLIBLOUIS_SHIM_H
#include <liblouis/liblouis.h>
#endif
