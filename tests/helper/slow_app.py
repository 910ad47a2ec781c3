# SPDX-FileCopyrightText: 2026 QtResourceSharer contributors
#
# SPDX-License-Identifier: BSD-3-Clause

"""A WSGI app that takes a while to load, as real ones do (imports, caches).

QRS_APP_LOAD_SECONDS (default 2) is how long its import takes. It answers
every request with "pid <pid>", the worker's pid. Run by gunicorn in the tests
and the benchmark: gunicorn --preload --chdir tests/helper slow_app:app
"""
import os
import time

time.sleep(float(os.environ.get("QRS_APP_LOAD_SECONDS", "2")))


def app(environ, start_response):
    body = b"pid %d\n" % os.getpid()
    start_response("200 OK", [("Content-Type", "text/plain"),
                              ("Content-Length", str(len(body))),
                              ("Connection", "close")])
    return [body]
