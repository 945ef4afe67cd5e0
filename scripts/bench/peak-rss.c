/* Preloaded by scripts/bench/run.sh's memory part: when the process is `waymark`, writes its own
   peak resident set (VmHWM, in KB) to the file WAYMARK_PEAK_RSS names, as it exits. The usual
   figures (getrusage, /usr/bin/time) give the largest of a process and the children it waited
   for, and Waymark's Typst helper (a Python process drawing the site's covers) is larger than
   Waymark: they would measure the helper. */
#define _GNU_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

__attribute__((destructor)) static void waymark_peak_rss(void) {
    const char *out = getenv("WAYMARK_PEAK_RSS");
    if (!out || !*out) return;
    char name[64] = {0};
    FILE *comm = fopen("/proc/self/comm", "r");
    if (!comm) return;
    if (!fgets(name, sizeof name, comm)) name[0] = 0;
    fclose(comm);
    if (strncmp(name, "waymark", 7) != 0) return;
    FILE *status = fopen("/proc/self/status", "r");
    if (!status) return;
    char line[256];
    while (fgets(line, sizeof line, status)) {
        if (strncmp(line, "VmHWM:", 6) == 0) {
            FILE *file = fopen(out, "w");
            if (file) { fputs(line + 6, file); fclose(file); }
            break;
        }
    }
    fclose(status);
}
