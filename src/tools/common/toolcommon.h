// SPDX-FileCopyrightText: 2026 QtResourceSharer contributors
//
// SPDX-License-Identifier: BSD-3-Clause

// What the tools share: one-line errors, command-line parsing, exit statuses;
// signals as Qt signals (signalwatcher.h). Listening sockets:
// launch/listensocket_p.h.
#pragma once

#include "signalwatcher.h"
#include "text_p.h"

#include <qrs/global.h>

#include <QList>
#include <QObject>

QT_BEGIN_NAMESPACE
class QCommandLineOption;
class QCommandLineParser;
class QSocketNotifier;
QT_END_NAMESPACE

namespace qrs {
enum class Error;
}

namespace qrs::tools {

// Names the application (name, version) and gives parser --help and --version.
void setUpTool(QCommandLineParser *parser, const QString &name, const QString &description);

// One line on stderr, after the program's name ("qrs-share: ...").
void printError(const QString &message);

// Parses the command line and answers --help and --version itself (exit 0).
// A bad command line: one line on stderr and false (the tool exits 2).
bool parseCommandLine(QCommandLineParser &parser, const QStringList &arguments);

// The option's value as a positive number of milliseconds (at most INT_MAX), or
// -1 after saying on stderr what is wrong with it.
qint64 positiveMilliseconds(const QCommandLineParser &parser, const QCommandLineOption &option);

// For "TOOL [OPTIONS] -- PROGRAM [ARGS...]": the index of the first "--" in
// argv (argc if there is none). Qt parses argv before it; PROGRAM's part is
// left untouched.
int programSeparator(int argc, char **argv);

// PROGRAM as a path to an executable file (searched in PATH when it has no
// '/'), or an empty string after saying on stderr that it cannot be run.
QString findProgram(const QString &program);

// The exit status of a tool that failed with error (the man pages' table):
// 1 any other failure, 2 a malformed id or argument, 3 the resource is gone
// (unknown key, already taken, expired, revoked), 4 no sharer (unreachable,
// stopping), 5 try again (timeout, busy, overloaded), 6 denied, 7 out of
// descriptors, 8 no resource of that name or kind.
int exitStatusFor(qrs::Error error);

// errno as a sentence: the library's (common/text_p.h).
using qrs::systemErrorText;

} // namespace qrs::tools
