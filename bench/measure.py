#!/usr/bin/env python3
"""Runs a command several times; prints the best wall time and its peak RSS.

    measure.py RUNS CMD...   ->  "<best seconds> <peak RSS KiB>"
stdout of the command is discarded.
"""
import os
import resource
import subprocess
import sys
import time


def main():
    runs = int(sys.argv[1])
    cmd = sys.argv[2:]
    best = None
    for _ in range(runs):
        start = time.perf_counter()
        pid = subprocess.Popen(cmd, stdout=subprocess.DEVNULL).pid
        _, status, usage = os.wait4(pid, 0)
        secs = time.perf_counter() - start
        if status != 0:
            sys.exit("measure: command failed: %s" % " ".join(cmd))
        if best is None or secs < best[0]:
            best = (secs, usage.ru_maxrss)
    print("%.4f %d" % best)


if __name__ == "__main__":
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
    main()
