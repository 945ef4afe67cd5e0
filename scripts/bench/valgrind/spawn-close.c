/* Preloaded under Valgrind by scripts/bench/profile.sh: Foundation's Process asks posix_spawn to
   close every descriptor it sees open, and under Valgrind that includes Valgrind's own, above the
   limit Valgrind gives the program, so glibc refuses the action (EBADF) and the pdf format's
   Typst helper cannot start (every guide then fails). Descriptors at or above the program's limit
   are Valgrind's, not the program's: this skips them and passes every other one on. */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <spawn.h>
#include <unistd.h>
int posix_spawn_file_actions_addclose(posix_spawn_file_actions_t *actions, int fd) {
    static int (*real)(posix_spawn_file_actions_t *, int);
    if (!real) real = (int (*)(posix_spawn_file_actions_t *, int))dlsym(RTLD_NEXT, "posix_spawn_file_actions_addclose");
    if (fd >= getdtablesize()) return 0;
    return real(actions, fd);
}
