#!/usr/bin/env python3

# SPDX-FileCopyrightText: 2026 QtResourceSharer contributors
#
# SPDX-License-Identifier: BSD-3-Clause

"""Benchmark case (j): rolling restarts at size.

For each number of workers N (1, 8, 32 and 64 by default) and each surge
(--surge 1 and --surge 25%), a qrs-supervise runs N workers of qrs-demo-worker
that load for LOAD_MS before they say READY=1 (--ready=notify). Under steady
load (the clients of restart_latency.py), `qrs-supervise --restart PID` asks for
one rolling restart through the control channel and returns when it is over.
Reported per run:

  restart s        the --restart command's wall time
  x start          that time over one worker's start-to-ready (N = 1's, measured)
  max ms, failed   the longest request and the failed requests from the
                   restart's start to its end
  CPU ms/start     the supervisor's CPU time (all threads, schedstat) during the
                   restart, per worker started
  RSS KiB          the supervisor's resident set, once the N workers are ready

Targets: 64 workers at --surge 25% restart within 6 times one worker's
start-to-ready, no request fails, none waits over 100 ms, and the supervisor's
RSS grows by at most 64 KiB per worker.
  scale_restart.py BIN_DIR [--json FILE] [--workers 1,8,32,64] [--load-ms 500]
"""
import argparse
import json
import os
import re
import subprocess
import sys
import threading
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from restart_latency import Load, collect, request, summary, wait_for  # noqa: E402

TARGET_FACTOR = 6.0
TARGET_MAX_MS = 100.0
TARGET_RSS_PER_WORKER_KIB = 64.0


def cpu_seconds(pid):
    """The CPU time of every thread of pid so far, in ns steps (schedstat)."""
    total = 0
    for task in os.listdir("/proc/%d/task" % pid):
        try:
            with open("/proc/%d/task/%s/schedstat" % (pid, task)) as f:
                total += int(f.read().split()[0])
        except OSError:
            pass  # a thread that has just ended
    return total / 1e9


def rss_kib(pid):
    with open("/proc/%d/status" % pid) as f:
        return int(re.search(r"VmRSS:\s+(\d+)", f.read()).group(1))


def status(bin_dir, pid):
    out = subprocess.run([os.path.join(bin_dir, "qrs-supervise"), "--status", str(pid), "--json"],
                         capture_output=True, text=True, timeout=30)
    if out.returncode != 0:
        return {}
    return json.loads(out.stdout).get("status", {})


def run(bin_dir, env, workers, surge, load_ms):
    argv = [os.path.join(bin_dir, "qrs-supervise"), "--workers", str(workers), "--surge", surge,
            "--ready", "notify", "--ready-timeout", "60000", "--listen", "http=tcp:127.0.0.1:0",
            "--", os.path.join(bin_dir, "qrs-demo-worker"), "--load-ms", str(load_ms)]
    lines = []
    proc = subprocess.Popen(argv, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    threading.Thread(target=collect, args=(proc, lines), daemon=True).start()
    try:
        port = int(wait_for(proc, lines, r"listening on tcp:127\.0\.0\.1:(\d+) as http").group(1))
        deadline = time.monotonic() + 120
        while True:
            s = status(bin_dir, proc.pid)
            if s.get("supervisor", {}).get("ready") == workers:
                break
            if time.monotonic() > deadline or proc.poll() is not None:
                sys.exit("scale_restart: %d workers did not become ready:\n%s"
                         % (workers, "\n".join(lines[-20:])))
            time.sleep(0.1)
        # One worker's start-to-ready, as the supervisor saw it.
        ready_ms = [w["readySince"] - w["started"] for w in s["workers"]
                    if w.get("readySince") and w.get("started")]
        rss = rss_kib(proc.pid)
        request(port)
        load = Load(port)
        time.sleep(1.0)
        cpu_before = cpu_seconds(proc.pid)
        began = time.monotonic()
        out = subprocess.run([os.path.join(bin_dir, "qrs-supervise"), "--restart", str(proc.pid)],
                             capture_output=True, text=True, timeout=600)
        ended = time.monotonic()
        cpu = cpu_seconds(proc.pid) - cpu_before
        time.sleep(0.2)
        load.stop()
        if out.returncode != 0:
            sys.exit("scale_restart: the restart of %d workers failed: %s"
                     % (workers, out.stdout + out.stderr))
        during = summary(load.between(began, ended))
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=60)
        except subprocess.TimeoutExpired:
            proc.kill()
    return {"workers": workers, "surge": surge, "restart_s": round(ended - began, 3),
            "start_to_ready_ms": round(sorted(ready_ms)[len(ready_ms) // 2], 1) if ready_ms else 0,
            "requests": during["requests"], "failed": during["failed"],
            "max_ms": during["max_ms"], "p99_ms": during["p99_ms"],
            "cpu_ms_per_start": round(cpu * 1000 / workers, 2), "rss_kib": rss}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("bin_dir")
    ap.add_argument("--json")
    ap.add_argument("--workers", default="1,8,32,64")
    ap.add_argument("--load-ms", type=int, default=500)
    args = ap.parse_args()
    env = dict(os.environ)
    for name in ("NOTIFY_SOCKET", "LISTEN_FDS", "LISTEN_PID", "LISTEN_FDNAMES"):
        env.pop(name, None)
    counts = [int(n) for n in args.workers.split(",")]
    results = []
    for workers in counts:
        for surge in ("1", "25%"):
            print("==> (j) %d workers that load for %d ms, --surge %s"
                  % (workers, args.load_ms, surge), flush=True)
            results.append(run(args.bin_dir, env, workers, surge, args.load_ms))
    one = next((r["start_to_ready_ms"] for r in results if r["workers"] == min(counts)), 0)
    base_rss = next((r["rss_kib"] for r in results if r["workers"] == min(counts)), 0)
    print()
    print("%-24s %10s %8s %8s %7s %9s %13s %8s" % ("(j) workers, surge", "restart s", "x start",
                                                  "max ms", "failed", "requests", "CPU ms/start",
                                                  "RSS KiB"))
    for r in results:
        r["times_start_to_ready"] = round(r["restart_s"] * 1000 / one, 2) if one else 0
        print("%-24s %10.2f %8.2f %8.1f %7d %9d %13.2f %8d" % (
            "%d, --surge %s" % (r["workers"], r["surge"]), r["restart_s"],
            r["times_start_to_ready"], r["max_ms"], r["failed"], r["requests"],
            r["cpu_ms_per_start"], r["rss_kib"]))
    big = [r for r in results if r["workers"] == max(counts) and r["surge"] == "25%"]
    rss_per_worker = 0.0
    if len(counts) > 1:
        top = max(r["rss_kib"] for r in results if r["workers"] == max(counts))
        rss_per_worker = (top - base_rss) / (max(counts) - min(counts))
    checks = [
        ("%d workers at --surge 25%% restart within %.0fx one start-to-ready (%.0f ms)"
         % (max(counts), TARGET_FACTOR, one),
         bool(big) and big[0]["times_start_to_ready"] <= TARGET_FACTOR,
         "%.2fx" % (big[0]["times_start_to_ready"] if big else 0)),
        ("no failed request", all(r["failed"] == 0 for r in results),
         "%d failed" % sum(r["failed"] for r in results)),
        ("no request waits over %.0f ms" % TARGET_MAX_MS,
         all(r["max_ms"] <= TARGET_MAX_MS for r in results),
         "max %.1f ms" % max(r["max_ms"] for r in results)),
        ("RSS grows by at most %.0f KiB per worker" % TARGET_RSS_PER_WORKER_KIB,
         rss_per_worker <= TARGET_RSS_PER_WORKER_KIB, "%.1f KiB per worker" % rss_per_worker),
    ]
    for what, ok, value in checks:
        print("(j) target %-8s %s: %s" % ("met" if ok else "NOT MET", what, value))
    if args.json:
        with open(args.json, "w") as f:
            json.dump({"load_ms": args.load_ms, "one_start_to_ready_ms": one,
                       "rss_kib_per_worker": round(rss_per_worker, 1), "runs": results,
                       "targets": [{"what": w, "met": ok, "value": v} for w, ok, v in checks]},
                      f, indent=1)
    return 0


if __name__ == "__main__":
    sys.exit(main())
