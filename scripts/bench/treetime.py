#!/usr/bin/env python3
"""Time a command and every process it starts, including those it leaves behind.

    treetime.py OUT COMMAND [ARG ...]

Like `/usr/bin/time -f "%e %U %S %M" -o OUT`, but this process makes itself a
child subreaper (Linux prctl PR_SET_CHILD_SUBREAPER) and waits for every
descendant before it writes, so that a helper process the command started and
did not wait for (Waymark's Typst helper ends on its own, after Waymark has
exited, when its input closes) is counted too. /usr/bin/time counts only the
command and the children the command waited for.

OUT gets one line, "wall user sys max_rss_kb own_user own_sys": wall seconds
until the last descendant ended; user and sys CPU seconds of the whole tree;
the largest single process's peak RSS in KB; and the CPU of the command itself
with the children it waited for (the rest is what it left behind). The exit
status is the command's. Python standard library only.
"""

import ctypes
import os
import resource
import sys
import time

PR_SET_CHILD_SUBREAPER = 36


def main():
    if len(sys.argv) < 3:
        sys.exit("usage: treetime.py OUT COMMAND [ARG ...]")
    out, command = sys.argv[1], sys.argv[2:]
    libc = ctypes.CDLL(None, use_errno=True)
    if libc.prctl(PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0) != 0:
        sys.exit("treetime.py: prctl(PR_SET_CHILD_SUBREAPER) failed: %s" % os.strerror(ctypes.get_errno()))
    start = time.monotonic()
    pid = os.fork()
    if pid == 0:
        try:
            os.execvp(command[0], command)
        finally:
            os._exit(127)
    _, status, own = os.wait4(pid, 0)
    # Then everything the command left behind, reparented to this process.
    while True:
        try:
            os.wait()
        except ChildProcessError:
            break
    wall = time.monotonic() - start
    tree = resource.getrusage(resource.RUSAGE_CHILDREN)
    with open(out, "w", encoding="utf-8") as handle:
        handle.write("%.3f %.3f %.3f %d %.3f %.3f\n" % (
            wall, tree.ru_utime, tree.ru_stime, tree.ru_maxrss, own.ru_utime, own.ru_stime))
    sys.exit(os.waitstatus_to_exitcode(status) if hasattr(os, "waitstatus_to_exitcode") else status >> 8)


if __name__ == "__main__":
    main()
