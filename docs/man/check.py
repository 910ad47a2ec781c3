#!/usr/bin/env python3

# SPDX-FileCopyrightText: 2026 QtResourceSharer contributors
#
# SPDX-License-Identifier: BSD-3-Clause

"""Fails when an option that TOOL --help lists is missing from its man page.

  check.py TOOL MAN_PAGE
Every "--option" of --help must stand in the page as \\-\\-option (roff's
escaped hyphens), and the page must name the tool in .TH and NAME.
"""
import re
import subprocess
import sys


def main():
    tool, page = sys.argv[1], sys.argv[2]
    name = tool.rsplit("/", 1)[-1]
    helptext = subprocess.run([tool, "--help"], capture_output=True, text=True,
                              env={"LC_ALL": "C", "PATH": "/usr/bin:/bin"}).stdout
    options = sorted(set(re.findall(r"(?<![\w-])--[a-z][a-z-]*", helptext)))
    source = open(page, encoding="utf-8").read()
    missing = [o for o in options if o.replace("-", "\\-") not in source]
    if not re.search(r"^\.TH %s 1 " % re.escape(name.upper()), source, re.M):
        missing.append(".TH " + name.upper())
    if not re.search(r"^%s \\- " % re.escape(name), source, re.M):
        missing.append("NAME: " + name)
    if not options or missing:
        sys.exit("%s: missing from %s: %s" % (name, page, ", ".join(missing) or "(no options read)"))
    print("%s: all %d options of --help are in its man page" % (name, len(options)))


if __name__ == "__main__":
    main()
