#!/usr/bin/env python3

# SPDX-FileCopyrightText: 2026 QtResourceSharer contributors
#
# SPDX-License-Identifier: BSD-3-Clause

"""The main job (run by ./scripts/demo): zero-downtime restarts under load.

qrs-supervise binds 127.0.0.1:<any port>, runs two qrs-demo-worker processes
and hands each the listening socket through QtResourceSharer. Each worker
loads for a second after taking the socket, as a real server does, and says
READY=1 on its NOTIFY_SOCKET when it serves (--ready=notify): only then is the
worker it replaces stopped. While clients send a few thousand HTTP requests,
the demo triggers a rolling restart by SIGHUP and one by its control channel
(qrs-supervise --restart PID, which waits for the outcome), grows it to four
workers (qrs-supervise --scale PID 4), restarts those two at a time (--surge
50%), shrinks it back to two, crashes a worker and upgrades the supervisor
itself in place (qrs-supervise --upgrade PID: a new supervisor takes the same
socket over), then stops everything (SIGTERM) and prints what happened. Exit
status 0 only if no request failed.
"""
import collections
import os
import re
import signal
import socket
import subprocess
import sys
import threading
import time

CLIENTS = 8
MIN_REQUESTS = 3000
MAX_REQUESTS = 40000  # the bound, whatever happens
PAUSE_S = 0.01  # each client's pause between requests: load that lasts through the restarts
STEP = 400  # requests between two events
LOAD_MS = 1000  # how long a worker loads before it serves
DEADLINE_S = 30  # for each thing the demo waits for


class Log:
    """The supervisor's output, printed as it comes, searchable."""

    def __init__(self, stream):
        self.lines = []
        self.cond = threading.Condition()
        threading.Thread(target=self._read, args=(stream,), daemon=True).start()

    def _read(self, stream):
        for raw in stream:
            line = raw.decode(errors="replace").rstrip("\n")
            print("    | " + line, flush=True)
            with self.cond:
                self.lines.append(line)
                self.cond.notify_all()
        with self.cond:
            self.lines.append(None)  # end of output
            self.cond.notify_all()

    def count(self, pattern):
        return sum(1 for l in self.lines if l is not None and re.search(pattern, l))

    def wait(self, pattern, n=1):
        deadline = time.monotonic() + DEADLINE_S
        with self.cond:
            while self.count(pattern) < n:
                left = deadline - time.monotonic()
                if left <= 0 or (self.lines and self.lines[-1] is None):
                    sys.exit("demo: gave up waiting for %r (x%d)" % (pattern, n))
                self.cond.wait(left)
            return [l for l in self.lines if l is not None and re.search(pattern, l)]


class Load:
    """CLIENTS threads, one connection per request, until stop()."""

    def __init__(self, port):
        self.port = port
        self.lock = threading.Condition()
        self.sent = self.answered = self.failed = 0
        self.pids = collections.Counter()
        self.errors = []
        self.slowest = 0.0
        self.stopping = False
        self.threads = [threading.Thread(target=self._client) for _ in range(CLIENTS)]
        for t in self.threads:
            t.start()

    def _client(self):
        while True:
            with self.lock:
                if self.stopping or self.sent >= MAX_REQUESTS:
                    return
                self.sent += 1
            try:
                start = time.monotonic()
                body = request(self.port, "/")
                pid = int(body.split()[1])
                took = time.monotonic() - start
                with self.lock:
                    self.slowest = max(self.slowest, took)
                    self.answered += 1
                    self.pids[pid] += 1
                    self.lock.notify_all()
            except Exception as e:  # any failure counts, with its reason
                with self.lock:
                    self.failed += 1
                    self.errors.append(repr(e))
                    self.lock.notify_all()
            time.sleep(PAUSE_S)

    def wait_answered(self, n):
        with self.lock:
            if not self.lock.wait_for(
                    lambda: self.answered >= n or self.answered + self.failed >= MAX_REQUESTS,
                    timeout=DEADLINE_S):
                sys.exit("demo: the load stalled at %d answers" % self.answered)

    def stop(self):
        with self.lock:
            self.stopping = True
        for t in self.threads:
            t.join()


def request(port, path):
    with socket.create_connection(("127.0.0.1", port), timeout=10) as s:
        s.sendall(b"GET %s HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n"
                  % path.encode())
        data = b""
        while True:
            chunk = s.recv(4096)
            if not chunk:
                break
            data += chunk
    head, sep, body = data.partition(b"\r\n\r\n")
    if not sep or not head.startswith(b"HTTP/1.1 200"):
        raise RuntimeError("bad answer %r" % data[:80])
    return body.decode()


def ready_before_stop(lines):
    """For each stopped worker: where its replacement said READY=1, where it was stopped."""
    lines = [l for l in lines if l is not None]
    pairs = []
    for i, line in enumerate(lines):
        m = re.search(r"stopping worker (\d) \(pid (\d+)\)", line)
        if not m or "all workers" in line:
            continue
        slot, old = m.group(1), m.group(2)
        # The replacement is the next worker of the slot started after the old one.
        started = [j for j, l in enumerate(lines)
                   if re.search(r"worker %s \(pid (?!%s\))\d+\) started" % (slot, old), l)
                   and j > lines_index(lines, r"worker %s \(pid %s\) started" % (slot, old))]
        if not started:
            continue
        new = re.search(r"pid (\d+)", lines[started[0]]).group(1)
        said = lines_index(lines, r"worker %s \(pid %s\) said it is ready" % (slot, new))
        if said >= 0 and started[0] < i:
            pairs.append((said, i))
    return pairs


def wait_gone(pid, timeout_s=DEADLINE_S):
    """0 once process pid (not a child of ours) has ended, None if it still runs."""
    deadline = time.monotonic() + timeout_s
    while True:
        try:
            with open("/proc/%d/stat" % pid) as f:
                if f.read().rsplit(")", 1)[1].split()[0] == "Z":
                    return 0
        except (FileNotFoundError, ProcessLookupError):
            return 0
        if time.monotonic() >= deadline:
            return None
        time.sleep(0.05)


def lines_index(lines, pattern):
    for i, l in enumerate(lines):
        if re.search(pattern, l):
            return i
    return -1


def main():
    bin_dir = sys.argv[1]
    print("==> starting qrs-supervise: 2 workers that load for %d ms, one listening socket on "
          "127.0.0.1, ready when they say READY=1" % LOAD_MS)
    sup = subprocess.Popen(
        [os.path.join(bin_dir, "qrs-supervise"), "--workers", "2", "--surge", "50%",
         "--ready", "notify",
         "--listen", "http=tcp:127.0.0.1:0", "--grace", "5000", "--",
         os.path.join(bin_dir, "qrs-demo-worker"), "--load-ms", str(LOAD_MS)],
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    successor = None
    try:
        log = Log(sup.stdout)
        port = int(re.search(r":(\d+) as http", log.wait(r"listening on tcp:")[0]).group(1))
        log.wait(r"is ready$", 2)

        print("==> %d clients send requests to 127.0.0.1:%d, one connection each" % (CLIENTS, port))
        load = Load(port)
        load.wait_answered(load.answered + STEP)
        print("==> rolling restart 1 (SIGHUP) after %d answers" % load.answered)
        sup.send_signal(signal.SIGHUP)
        log.wait(r"rolling restart done: 2 of 2")
        commands = []

        def command(args, expected):
            """qrs-supervise ARGS PID: waits for the outcome, which must be expected."""
            load.wait_answered(load.answered + STEP)
            shown = "qrs-supervise %s" % " ".join(args).replace("PID", str(sup.pid))
            print("==> %s after %d answers" % (shown, load.answered))
            done = subprocess.run([os.path.join(bin_dir, "qrs-supervise")]
                                  + [str(sup.pid) if a == "PID" else a for a in args],
                                  capture_output=True, text=True, timeout=DEADLINE_S * 4)
            print("    " + (done.stdout + done.stderr).strip())
            if done.returncode != 0 or done.stdout.strip() != expected:
                sys.exit("demo: %s did not answer \"%s\"" % (shown, expected))
            commands.append(args[0])

        command(["--restart", "PID"], "restarted: 2 of 2 workers replaced")
        command(["--scale", "PID", "4"], "scaled: 4 workers ready")
        command(["--restart", "PID"], "restarted: 4 of 4 workers replaced")
        command(["--scale", "PID", "2"], "scaled: 2 workers ready")
        load.wait_answered(load.answered + STEP)
        ready = log.count(r"is ready$")
        print("==> a worker crashes (GET /crash makes it abort()) after %d answers" % load.answered)
        crash_body = request(port, "/crash")
        log.wait(r"killed by signal")
        log.wait(r"is ready$", ready + 1)
        load.wait_answered(load.answered + STEP)

        # The supervisor itself: a new qrs-supervise takes the same socket over.
        print("==> upgrading qrs-supervise in place (qrs-supervise --upgrade %d) after %d answers"
              % (sup.pid, load.answered))
        upgrade = subprocess.run([os.path.join(bin_dir, "qrs-supervise"), "--upgrade",
                                  str(sup.pid)], capture_output=True, text=True,
                                 timeout=DEADLINE_S)
        took_over = re.search(r"pid (\d+) took over", upgrade.stdout)
        if upgrade.returncode != 0 or not took_over:
            sys.exit("demo: the upgrade failed: %s" % (upgrade.stdout + upgrade.stderr).strip())
        successor = int(took_over.group(1))
        print("    " + upgrade.stdout.strip())
        predecessor_code = sup.wait(timeout=DEADLINE_S)  # it leaves once the new workers are ready
        load.wait_answered(max(MIN_REQUESTS, load.answered + STEP))
        load.stop()

        print("==> stopping (SIGTERM to pid %d)" % successor)
        os.kill(successor, signal.SIGTERM)
        log.wait(r"all workers stopped", 2)
        code = wait_gone(successor)
    finally:
        if sup.poll() is None:
            sup.kill()
        if successor and not wait_gone(successor, 0):
            os.kill(successor, signal.SIGKILL)

    handoffs = log.count(r"\] worker \d \(pid \d+\) took http")
    said_ready = log.count(r"said it is ready \(READY=1\)")
    # Each of the 10 replacements (8 by rolling restarts, 2 by the upgrade) said
    # READY=1 before the worker it replaced was stopped.
    pairs = ready_before_stop(log.lines)
    in_order = len(pairs) == 10 and all(said < stop for said, stop in pairs)
    same_socket = log.count(r"listening on tcp:127\.0\.0\.1:%d as http \(passed by the supervisor"
                            r" it replaces\)" % port) == 1
    restarts = log.count(r"rolling restart done: (\d) of \1")
    surged = log.count(r"rolling restart: replacing 4 workers, 2 at a time")
    crashes = log.count(r"killed by signal")
    print()
    print("==> what happened")
    print("    requests sent        %d" % load.sent)
    print("    answered             %d" % load.answered)
    print("    failed               %d%s" % (load.failed,
          "" if not load.errors else "  (first: %s)" % load.errors[0]))
    print("    slowest request      %.0f ms (a worker loads for %d ms)" % (load.slowest * 1000,
                                                                    LOAD_MS))
    print("    rolling restarts     %d (each: start a replacement, wait until it has taken"
          " the socket and said READY=1, then SIGTERM the old one; of 4 workers, 2 at a time)"
          % restarts)
    print("    control commands     %d (--restart twice, --scale 4 and --scale 2: each answered"
          " once its work was over)" % len(commands))
    print("    READY=1 said         %d (one per worker start; each replacement %s)" % (
        said_ready, "before its predecessor was stopped" if in_order else "NOT IN ORDER"))
    print("    crashes restarted    %d (%s)" % (crashes, crash_body.strip()))
    print("    upgrade in place     pid %d took over from pid %d on the same socket%s; the old one"
          " exited %d once the new one's workers were ready" % (
              successor, sup.pid, "" if same_socket else " (NOT THE SAME SOCKET)",
              predecessor_code))
    print("    socket handoffs      %d (one per worker start, by QtResourceSharer; the new"
          " supervisor took the socket the same way)" % handoffs)
    print("    pids that served     %s" % ", ".join(
        "%d (%d)" % (pid, n) for pid, n in sorted(load.pids.items())))
    print("    qrs-supervise exit   %d" % code)
    ok = load.failed == 0 and load.answered == load.sent and restarts == 3 and crashes == 1 \
        and surged == 1 and len(commands) == 4 and handoffs == 15 and said_ready == 15 \
        and in_order and same_socket and predecessor_code == 0 and code == 0
    print()
    print("==> %s" % ("done: %d requests, none refused or lost, across 3 rolling restarts (2 of"
                      " them by --restart), a resize to 4 workers and back by --scale, a crash"
                      " and an upgrade of the supervisor in place" % load.answered
                      if ok else "FAILED"))
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
