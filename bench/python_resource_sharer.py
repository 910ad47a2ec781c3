#!/usr/bin/env python3

# SPDX-FileCopyrightText: 2026 QtResourceSharer contributors
#
# SPDX-License-Identifier: BSD-3-Clause

"""Baseline (b) of ./scripts/bench: Python's multiprocessing.resource_sharer.

One process registers N DupFd objects of a pipe; a forked child receives them
through a multiprocessing Pipe and detaches them one by one (one connection
each, as resource_sharer always does). Prints one line: "ns v1 v2 ... vN", the
wall time of each detach() in nanoseconds, then "total_ns T".
"""
import multiprocessing as mp
import os
import sys
import time
from multiprocessing import resource_sharer


def receive(conn, n):
    dupfds = conn.recv()
    times = []
    start = time.perf_counter_ns()
    for d in dupfds:
        t0 = time.perf_counter_ns()
        fd = d.detach()
        times.append(time.perf_counter_ns() - t0)
        os.close(fd)
    total = time.perf_counter_ns() - start
    conn.send((times, total))


def main():
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 1000
    r, w = os.pipe()
    dupfds = [resource_sharer.DupFd(r) for _ in range(n)]
    parent, child = mp.Pipe()
    p = mp.get_context("fork").Process(target=receive, args=(child, n))
    p.start()
    parent.send(dupfds)
    times, total = parent.recv()
    p.join()
    print("ns " + " ".join(str(t) for t in times))
    print("total_ns %d" % total)
    resource_sharer.stop()


if __name__ == "__main__":
    main()
