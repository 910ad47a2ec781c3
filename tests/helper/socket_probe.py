#!/usr/bin/env python3

# SPDX-FileCopyrightText: 2026 QtResourceSharer contributors
#
# SPDX-License-Identifier: BSD-3-Clause

"""What a socket-activated program sees, as one JSON line on stdout.

The environment (LISTEN_FDS, whether LISTEN_PID is this process, LISTEN_FDNAMES)
and, for each descriptor from 3 on, what matters to a server written for
systemd: O_NONBLOCK, FD_CLOEXEC, family, type, whether it listens, and its
address. tst_tools runs it under systemd-socket-activate and under qrs-detach
and compares the two, field by field.
"""
import fcntl
import json
import os
import socket
import sys


def describe(fd):
    flags = fcntl.fcntl(fd, fcntl.F_GETFL)
    fd_flags = fcntl.fcntl(fd, fcntl.F_GETFD)
    with socket.socket(fileno=os.dup(fd)) as sock:
        address = sock.getsockname()
        if sock.family in (socket.AF_INET, socket.AF_INET6):
            address = "%s:%d" % (address[0], address[1])
        return {
            "nonblocking": bool(flags & os.O_NONBLOCK),
            "cloexec": bool(fd_flags & fcntl.FD_CLOEXEC),
            "family": sock.family.name,
            "type": sock.type.name,
            "listening": bool(sock.getsockopt(socket.SOL_SOCKET, socket.SO_ACCEPTCONN)),
            "address": address,
        }


def main():
    count = int(os.environ.get("LISTEN_FDS", "0"))
    out = {
        "LISTEN_FDS": os.environ.get("LISTEN_FDS"),
        "LISTEN_PID is this process": os.environ.get("LISTEN_PID") == str(os.getpid()),
        "LISTEN_FDNAMES": os.environ.get("LISTEN_FDNAMES"),
        "fds": [describe(fd) for fd in range(3, 3 + count)],
    }
    print(json.dumps(out, sort_keys=True))
    sys.stdout.flush()


if __name__ == "__main__":
    main()
