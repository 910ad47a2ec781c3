# SPDX-FileCopyrightText: 2026 QtResourceSharer contributors
#
# SPDX-License-Identifier: BSD-3-Clause

"""A socket-activated HTTP worker that loads for a while, then says READY=1
through systemd's own systemd-notify, as a shell-scripted service would.

Run under qrs-detach (the socket is descriptor 3). QRS_APP_LOAD_SECONDS
(default 2) is how long it loads; --no-notify: it says nothing. Answers every
request with "pid <pid> uid <uid>".
"""
import os
import select
import signal
import socket
import subprocess
import sys
import time

# SIGTERM (a rolling restart) ends it between requests, never during one.
signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGTERM})

listener = socket.socket(fileno=3)
time.sleep(float(os.environ.get("QRS_APP_LOAD_SECONDS", "2")))
if "--no-notify" not in sys.argv:
    subprocess.run(["systemd-notify", "--ready"], check=True)
listener.setblocking(False)
while signal.SIGTERM not in signal.sigpending():
    if not select.select([listener], [], [], 0.05)[0]:
        continue
    try:
        conn, _ = listener.accept()
    except BlockingIOError:
        continue  # another worker took it
    conn.setblocking(True)
    with conn:
        conn.recv(4096)
        body = b"pid %d uid %d\n" % (os.getpid(), os.getuid())
        conn.sendall(b"HTTP/1.1 200 OK\r\nContent-Length: %d\r\nConnection: close\r\n\r\n"
                     % len(body) + body)
