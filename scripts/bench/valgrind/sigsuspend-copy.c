/* Preloaded under Valgrind by scripts/bench/profile.sh: Valgrind 3.19 writes to the mask that
   sigsuspend() is given, and libdispatch passes one in read-only memory (Swift's async main
   waits in it), so Valgrind crashes. This passes a copy on the stack instead. */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <signal.h>
int sigsuspend(const sigset_t *mask) {
    static int (*real)(const sigset_t *);
    if (!real) real = (int (*)(const sigset_t *))dlsym(RTLD_NEXT, "sigsuspend");
    sigset_t copy = *mask;
    return real(&copy);
}
