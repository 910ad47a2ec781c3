#!/usr/bin/env python3

# SPDX-FileCopyrightText: 2026 QtResourceSharer contributors
#
# SPDX-License-Identifier: BSD-3-Clause

"""Fails when the layers as built differ from docs/architecture.md's table, or
when a source includes a header of a layer it may not use.

  check_layers.py SOURCE_DIR
The table's "may use" column must name exactly the layers each qrs_layer() of
src/CMakeLists.txt DEPENDS on; every #include <qrs/X.h> and #include "Y_p.h"
of a layer's files must belong to the layer or to one it may use, directly or
through those.
"""
import glob
import os
import re
import sys


def main():
    root = sys.argv[1]
    cmake = open(os.path.join(root, "src/CMakeLists.txt"), encoding="utf-8").read()
    layers = {}
    for m in re.finditer(r"qrs_layer\((\w+)(.*?)\)\n", cmake, re.S):
        body = m.group(2)
        headers = re.search(r"HEADERS(.*?)(?:SOURCES|UNIX|WIN32|DEPENDS)", body, re.S)
        depends = re.search(r"DEPENDS(.*)", body, re.S)
        layers[m.group(1)] = {
            "headers": headers.group(1).split() if headers else [],
            "depends": {d[4:] for d in (depends.group(1).split() if depends else [])
                        if d.startswith("qrs_")},
        }
    table = {}
    doc = open(os.path.join(root, "docs/architecture.md"), encoding="utf-8").read()
    for m in re.finditer(r"^\| `qrs_(\w+)` \| `src/\w+/` \| ([^|]*) \|", doc, re.M):
        table[m.group(1)] = {w for w in re.findall(r"[a-z0-9]+", m.group(2))
                             if w in layers or w in ("platform", "i18n")}
    problems = []
    for name, layer in layers.items():
        if name not in table:
            problems.append("docs/architecture.md has no row for qrs_%s" % name)
        elif table[name] != layer["depends"]:
            problems.append("qrs_%s: the table says it may use %s, src/CMakeLists.txt %s"
                            % (name, sorted(table[name]), sorted(layer["depends"])))

    def allowed(name, seen=None):
        seen = set() if seen is None else seen
        seen.add(name)
        for d in layers.get(name, {}).get("depends", ()):
            if d not in seen:
                allowed(d, seen)
        return seen

    public = {h: n for n, l in layers.items() for h in l["headers"]}
    private = {}
    for n in list(layers) + ["platform", "i18n"]:
        for f in glob.glob(os.path.join(root, "src", n, "*")):
            private[os.path.basename(f)] = n
    checked = 0
    for name in layers:
        may = allowed(name) | {"platform", "i18n"}
        for f in sorted(glob.glob(os.path.join(root, "src", name, "*"))):
            for line in open(f, encoding="utf-8"):
                m = re.match(r'#include [<"](?:qrs/)?([\w.]+)[>"]', line)
                if not m:
                    continue
                checked += 1
                inc = m.group(1)
                owner = public.get(inc) if "<qrs/" in line else private.get(inc)
                if owner and owner not in may:
                    problems.append("%s includes %s, of the %s layer, which %s may not use"
                                    % (os.path.relpath(f, root), inc, owner, name))
    if problems or not layers:
        sys.exit("\n".join(problems) or "no layer found")
    print("%d layers as docs/architecture.md says; %d includes, none running up"
          % (len(layers), checked))


if __name__ == "__main__":
    main()
