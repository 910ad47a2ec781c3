#!/usr/bin/env python3

# SPDX-FileCopyrightText: 2026 QtResourceSharer contributors
#
# SPDX-License-Identifier: BSD-3-Clause

"""Benchmark cases (h) and (i): request latency while two workers are restarted,
and while the supervisor itself is upgraded in place.

The app (tests/helper/slow_app.py) takes LOAD seconds to load, as real ones do.
Under steady load (CLIENTS clients, one connection per request, each pausing
PAUSE_S between requests), each setup is measured for STEADY_S seconds, then
restarted once while the load goes on, and measured for WINDOW_S seconds from
the restart on:

  taken   qrs-supervise --ready=taken  -- qrs-detach -- gunicorn --preload -w 1
  notify  qrs-supervise --ready=notify -- qrs-detach -- gunicorn --preload -w 1
  gunicorn's own SIGHUP: gunicorn -w 2 (no --preload: its HUP then loads the
          app anew in each new worker, which is what a code upgrade needs)
  (i) upgrade: qrs-supervise --ready=notify as above, upgraded in place with
          qrs-supervise --upgrade PID (a new supervisor, new workers, the same
          sockets) instead of SIGHUP

Prints, per setup, requests, failures, p50/p99/max latency in steady state and
during the restart, and writes them as JSON. Targets: with notify, and through
an upgrade in place, no request waits longer than 0.5 s and none fails.
  restart_latency.py BIN_DIR APP_DIR [--json FILE] [--load S] [--window S]
"""
import argparse
import json
import os
import re
import signal
import socket
import subprocess
import sys
import threading
import time

CLIENTS = 4
PAUSE_S = 0.005
STEADY_S = 2.0
TARGET_MAX_S = 0.5


def request(port):
    with socket.create_connection(("127.0.0.1", port), timeout=30) as s:
        s.sendall(b"GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
        data = b""
        while True:
            chunk = s.recv(4096)
            if not chunk:
                break
            data += chunk
    if not data.startswith(b"HTTP/1.1 200") or b"\r\n\r\npid " not in data:
        raise RuntimeError("bad answer %r" % data[:60])


class Load:
    """CLIENTS threads; each request's start time, latency and outcome."""

    def __init__(self, port):
        self.port = port
        self.samples = []  # (start, seconds, ok)
        self.lock = threading.Lock()
        self.stopping = False
        self.threads = [threading.Thread(target=self.run) for _ in range(CLIENTS)]
        for t in self.threads:
            t.start()

    def run(self):
        while not self.stopping:
            start = time.monotonic()
            try:
                request(self.port)
                ok = True
            except Exception:
                ok = False
            with self.lock:
                self.samples.append((start, time.monotonic() - start, ok))
            time.sleep(PAUSE_S)

    def stop(self):
        self.stopping = True
        for t in self.threads:
            t.join()

    def between(self, t0, t1):
        with self.lock:
            return [s for s in self.samples if t0 <= s[0] < t1]


def summary(samples):
    times = sorted(s[1] for s in samples)
    pick = lambda q: times[min(len(times) - 1, int(q * len(times)))] * 1000 if times else 0.0
    return {"requests": len(samples), "failed": sum(1 for s in samples if not s[2]),
            "p50_ms": round(pick(0.50), 1), "p99_ms": round(pick(0.99), 1),
            "max_ms": round(times[-1] * 1000, 1) if times else 0.0}


def wait_for(proc, lines, pattern, deadline_s=60):
    """Reads proc's output into lines until a line matches; returns the match."""
    end = time.monotonic() + deadline_s
    while time.monotonic() < end:
        for line in list(lines):
            m = re.search(pattern, line)
            if m:
                return m
        if proc.poll() is not None:
            break
        time.sleep(0.01)
    sys.exit("restart_latency: gave up waiting for %r; output:\n%s" % (pattern, "\n".join(lines)))


def collect(proc, lines):
    for raw in proc.stdout:
        lines.append(raw.decode(errors="replace").rstrip("\n"))


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def signal_hup(proc):
    proc.send_signal(signal.SIGHUP)


def measure(name, argv, env, ready_pattern, ready_count, port_of, window_s, restart=signal_hup):
    """restart(proc) restarts; it may return the pid of a process that replaced proc."""
    lines = []
    proc = subprocess.Popen(argv, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    threading.Thread(target=collect, args=(proc, lines), daemon=True).start()
    successor = None
    try:
        port = port_of(proc, lines)
        deadline = time.monotonic() + 60
        while sum(1 for l in lines if re.search(ready_pattern, l)) < ready_count:
            if time.monotonic() > deadline or proc.poll() is not None:
                sys.exit("restart_latency: %s did not become ready:\n%s" % (name, "\n".join(lines)))
            time.sleep(0.01)
        request(port)  # served: the app is loaded
        load = Load(port)
        time.sleep(STEADY_S)  # the steady-state window, measured as it passes
        began = time.monotonic()
        successor = restart(proc)
        time.sleep(max(0.0, began + window_s - time.monotonic()))  # the restart window
        end = time.monotonic()
        load.stop()
        steady = summary(load.between(began - STEADY_S, began))
        during = summary(load.between(began, end))
    finally:
        if successor:
            os.kill(successor, signal.SIGTERM)
        proc.send_signal(signal.SIGTERM)
        try:
            proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            proc.kill()
    return {"case": name, "steady": steady, "restart": during}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("bin_dir")
    ap.add_argument("app_dir")
    ap.add_argument("--json")
    ap.add_argument("--load", type=float, default=2.0, help="seconds the app takes to load")
    ap.add_argument("--window", type=float, default=7.0, help="seconds measured from the restart")
    args = ap.parse_args()
    gunicorn = "/usr/bin/gunicorn"
    if not os.access(gunicorn, os.X_OK):
        sys.exit("restart_latency: %s is missing (Debian package gunicorn)" % gunicorn)
    env = dict(os.environ, QRS_APP_LOAD_SECONDS=str(args.load))
    for name in ("NOTIFY_SOCKET", "LISTEN_FDS", "LISTEN_PID", "LISTEN_FDNAMES"):
        env.pop(name, None)
    app = ["--chdir", args.app_dir, "slow_app:app"]

    def supervised_port(proc, lines):
        return int(wait_for(proc, lines, r"listening on tcp:127\.0\.0\.1:(\d+) as http").group(1))

    results = []
    for mode in ("taken", "notify"):
        print("==> (h) qrs-supervise --ready=%s, 2 workers, an app that loads for %.1f s"
              % (mode, args.load), flush=True)
        argv = [os.path.join(args.bin_dir, "qrs-supervise"), "--workers", "2", "--ready", mode,
                "--ready-timeout", "60000", "--listen", "http=tcp:127.0.0.1:0", "--",
                os.path.join(args.bin_dir, "qrs-detach"), "--", gunicorn, "-w", "1",
                "--preload"] + app
        # Ready when gunicorn has loaded: its "Starting gunicorn" comes after --preload.
        results.append(measure("qrs-supervise --ready=" + mode, argv, env,
                                r"\[INFO\] Starting gunicorn", 2, supervised_port, args.window))

    def upgrade(proc):
        out = subprocess.run([os.path.join(args.bin_dir, "qrs-supervise"), "--upgrade",
                              str(proc.pid)], capture_output=True, text=True, timeout=120)
        m = re.search(r"pid (\d+) took over", out.stdout)
        if out.returncode != 0 or not m:
            sys.exit("restart_latency: the upgrade failed: %s" % (out.stdout + out.stderr))
        return int(m.group(1))

    print("==> (i) qrs-supervise --ready=notify upgraded in place (--upgrade PID), the same app",
          flush=True)
    argv = [os.path.join(args.bin_dir, "qrs-supervise"), "--workers", "2", "--ready", "notify",
            "--ready-timeout", "60000", "--listen", "http=tcp:127.0.0.1:0", "--",
            os.path.join(args.bin_dir, "qrs-detach"), "--", gunicorn, "-w", "1", "--preload"] + app
    results.append(measure("(i) qrs-supervise --upgrade", argv, env, r"\[INFO\] Starting gunicorn",
                           2, supervised_port, args.window, restart=upgrade))

    print("==> (h) gunicorn -w 2 and its own SIGHUP, the same app", flush=True)
    port = free_port()
    argv = [gunicorn, "-w", "2", "--bind", "127.0.0.1:%d" % port] + app
    results.append(measure("gunicorn's own SIGHUP", argv, env, r"\[INFO\] Booting worker", 2,
                           lambda proc, lines: port, args.window))

    print()
    print("%-30s %9s %7s %9s %9s %9s   %s" % ("(h), (i): 2 workers", "requests", "failed",
                                            "p50 ms", "p99 ms", "max ms", "steady p99/max ms"))
    for r in results:
        d, s = r["restart"], r["steady"]
        print("%-30s %9d %7d %9.1f %9.1f %9.1f   %.1f / %.1f" % (
            r["case"], d["requests"], d["failed"], d["p50_ms"], d["p99_ms"], d["max_ms"],
            s["p99_ms"], s["max_ms"]))
    met = True
    for case, r in (("(h) target", results[1]), ("(i) target", results[2])):
        d = r["restart"]
        ok = d["failed"] == 0 and d["max_ms"] <= TARGET_MAX_S * 1000
        met = met and ok
        print("%-30s %s: %s: no request may wait over %.0f ms (max %.1f ms) or fail (%d failed)"
              % (case, "met" if ok else "NOT MET", r["case"], TARGET_MAX_S * 1000, d["max_ms"],
                 d["failed"]))
    if args.json:
        with open(args.json, "w") as f:
            json.dump({"load_seconds": args.load, "window_seconds": args.window,
                       "clients": CLIENTS, "cases": results, "target_met": met}, f, indent=1)
    return 0


if __name__ == "__main__":
    sys.exit(main())
