#!/usr/bin/env python3

# SPDX-FileCopyrightText: 2026 QtResourceSharer contributors
#
# SPDX-License-Identifier: BSD-3-Clause

"""Fails when a command a page shows no longer runs as written: every
qrs-share, qrs-detach, qrs-inspect and qrs-supervise line in the shell blocks
(```sh) of README.md and docs/*.md is parsed, and each --option it uses must be
one the tool's --help lists, and each tool it names must exist.

  check_commands.py TOOLS_DIR PAGE...
"""
import re
import subprocess
import sys

TOOLS = ("qrs-share", "qrs-detach", "qrs-inspect", "qrs-supervise")


def options_of(tools_dir, tool, cache={}):
    if tool not in cache:
        out = subprocess.run(["%s/%s" % (tools_dir, tool), "--help"], capture_output=True,
                             text=True, env={"LC_ALL": "C", "PATH": "/usr/bin:/bin"}).stdout
        cache[tool] = set(re.findall(r"(?<![\w-])--[a-z][a-z-]*", out)) | {"--help", "--version"}
    return cache[tool]


def commands(page):
    """(line number, tool, its arguments up to a "--" or a comment) of each shell line."""
    inside = False
    joined, start = "", 0
    for number, line in enumerate(open(page, encoding="utf-8"), 1):
        if line.startswith("```"):
            inside = line.strip() == "```sh"
            continue
        if not inside:
            continue
        text = line.split(" #", 1)[0].rstrip()
        if not joined:
            start = number
        joined += text.rstrip("\\") + " "
        if text.endswith("\\"):
            continue
        words = joined.replace("$ ", " ", 1).split()
        joined = ""
        for i, word in enumerate(words):
            if word in TOOLS and (i == 0 or words[i - 1] in ("#", "$", "&&", ";", "exec", "--")
                                  or words[i - 1].endswith(";")):
                rest = words[i + 1:]
                if "--" in rest:
                    rest = rest[:rest.index("--")]
                yield start, word, rest
                break


def main():
    tools_dir, pages = sys.argv[1], sys.argv[2:]
    problems, seen = [], 0
    for page in pages:
        for number, tool, args in commands(page):
            seen += 1
            known = options_of(tools_dir, tool)
            for arg in args:
                option = arg.split("=", 1)[0]
                if option.startswith("--") and option not in known:
                    problems.append("%s:%d: %s has no option %s" % (page, number, tool, option))
    if problems or not seen:
        sys.exit("\n".join(problems) or "no command found in " + " ".join(pages))
    print("%d commands in %d pages use only options their tools have" % (seen, len(pages)))


if __name__ == "__main__":
    main()
