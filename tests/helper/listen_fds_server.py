#!/usr/bin/env python3

# SPDX-FileCopyrightText: 2026 QtResourceSharer contributors
#
# SPDX-License-Identifier: BSD-3-Clause

"""A worker in another language: systemd socket activation, nothing of qrs.

It checks LISTEN_PID and LISTEN_FDS as sd_listen_fds() does, serves HTTP on
the inherited listening socket at fd 3 and answers "python <pid> <name>".
SIGTERM: stop accepting, exit 0.
"""
import os
import signal
import socket
import sys

SD_LISTEN_FDS_START = 3


def main():
    if os.environ.get("LISTEN_PID") != str(os.getpid()):
        sys.exit("not socket-activated: LISTEN_PID is %r, my pid is %d"
                 % (os.environ.get("LISTEN_PID"), os.getpid()))
    count = int(os.environ.get("LISTEN_FDS", "0"))
    if count < 1:
        sys.exit("LISTEN_FDS is %r: no socket passed" % os.environ.get("LISTEN_FDS"))
    names = os.environ.get("LISTEN_FDNAMES", "").split(":")
    # Blocking, as systemd passes it: Python takes the mode from O_NONBLOCK, so
    # a socket passed non-blocking would make accept() raise BlockingIOError.
    server = socket.socket(fileno=SD_LISTEN_FDS_START)
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
    while True:
        conn, _ = server.accept()
        with conn:
            request = b""
            while b"\r\n\r\n" not in request:
                chunk = conn.recv(4096)
                if not chunk:
                    break
                request += chunk
            body = ("python %d %s\n" % (os.getpid(), names[0])).encode()
            conn.sendall(b"HTTP/1.1 200 OK\r\nConnection: close\r\nContent-Length: %d\r\n\r\n"
                         % len(body) + body)


if __name__ == "__main__":
    main()
