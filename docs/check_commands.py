#!/usr/bin/env python3

# SPDX-FileCopyrightText: 2026 QtResourceSharer contributors
#
# SPDX-License-Identifier: BSD-3-Clause

"""Fails when a command a page shows no longer runs as written: every
qrs-share, qrs-detach, qrs-inspect and qrs-supervise line in the shell blocks
(```sh) of README.md and docs/*.md is parsed, each --option it uses must be
one the tool's --help lists, and each tool it names must exist. Then each one
is run, harmlessly: a pid ($!, or a number of 1000 and more) becomes one that
has just ended, and the PROGRAM after "--" one that does not exist. The tool
must accept every option and value as written: a supervisor gets as far as
looking for its PROGRAM (exit 127, nothing bound, nothing started), any other
command must not fail as a usage error (exit 2). What runs on (a sharer, the
panel) is stopped after a few seconds. A line with a "..." placeholder is
checked for its options only, as is one with --user when not run as root.

  check_commands.py TOOLS_DIR PAGE...
"""
import os
import re
import subprocess
import sys

RUN_SECONDS = 4

TOOLS = ("qrs-share", "qrs-detach", "qrs-inspect", "qrs-supervise")


def options_of(tools_dir, tool, cache={}):
    if tool not in cache:
        out = subprocess.run(["%s/%s" % (tools_dir, tool), "--help"], capture_output=True,
                             text=True, env={"LC_ALL": "C", "PATH": "/usr/bin:/bin"}).stdout
        cache[tool] = set(re.findall(r"(?<![\w-])--[a-z][a-z-]*", out)) | {"--help", "--version"}
    return cache[tool]


def commands(page):
    """(line number, tool, its arguments up to a "--" or a comment, whether a
    PROGRAM follows "--") of each shell line."""
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
                program = "--" in rest
                if program:
                    rest = rest[:rest.index("--")]
                yield start, word, rest, program
                break


def ended_pid():
    """The pid of a process that has just ended."""
    child = subprocess.Popen(["true"])
    child.wait()
    return str(child.pid)


def run(tools_dir, tool, args, program):
    """None if the command runs as written, else what went wrong."""
    pid = ended_pid()
    argv = ["%s/%s" % (tools_dir, tool)]
    argv += [pid if a == "$!" or (a.isdigit() and int(a) >= 1000) else a for a in args]
    if program:
        argv += ["--", "/nonexistent/qrs-docs-check"]
    env = dict(os.environ, LC_ALL="C", LANGUAGE="", QT_QPA_PLATFORM="offscreen")
    try:
        done = subprocess.run(argv, capture_output=True, text=True, env=env,
                              timeout=RUN_SECONDS)
    except subprocess.TimeoutExpired:
        return None  # it ran, and would have gone on
    said = done.stderr.strip().splitlines()
    why = said[0] if said else "(nothing on stderr)"
    if tool == "qrs-supervise" and program and done.returncode != 127:
        return "exit %d before looking for PROGRAM: %s" % (done.returncode, why)
    if done.returncode == 2:
        return "a usage error: %s" % why
    return None


def main():
    tools_dir, pages = sys.argv[1], sys.argv[2:]
    problems, seen, ran = [], 0, 0
    for page in pages:
        for number, tool, args, program in commands(page):
            seen += 1
            known = options_of(tools_dir, tool)
            unknown = [a for a in args if a.startswith("--") and a.split("=", 1)[0] not in known]
            for arg in unknown:
                problems.append("%s:%d: %s has no option %s" % (page, number, tool, arg))
            if unknown or any("..." in a for a in args) or ("--user" in args and os.geteuid()):
                continue
            ran += 1
            wrong = run(tools_dir, tool, args, program)
            if wrong:
                problems.append("%s:%d: %s %s: %s" % (page, number, tool, " ".join(args), wrong))
    if problems or not seen:
        sys.exit("\n".join(problems) or "no command found in " + " ".join(pages))
    print("%d commands in %d pages use only options their tools have; %d of them ran as written"
          % (seen, len(pages), ran))


if __name__ == "__main__":
    main()
