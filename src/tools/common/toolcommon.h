// SPDX-FileCopyrightText: 2026 QtResourceSharer contributors
//
// SPDX-License-Identifier: BSD-3-Clause

// What the tools share: one-line errors, command-line parsing, listening
// sockets, exit statuses; signals as Qt signals (signalwatcher.h).
#pragma once

#include "signalwatcher.h"
#include "text_p.h"

#include <qrs/global.h>

#include <QList>
#include <QObject>

QT_BEGIN_NAMESPACE
class QCommandLineOption;
class QCommandLineParser;
class QHostAddress;
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

// "HOST:PORT" with HOST a numeric address, [IPv6], '*' (any) or localhost, and
// PORT 0 to 65535. On error *error says what is wrong, naming syntax (for
// example "tcp:HOST:PORT").
bool parseHostPort(const QString &hostPort, const QString &syntax, QHostAddress *address,
                   quint16 *port, QString *error);

// A listening TCP socket, bound by QTcpServer (address handling,
// SO_REUSEADDR) and returned as a duplicate that nothing in this process
// accepts on: on Unix blocking and close-on-exec (as systemd creates sockets),
// on Windows a SOCKET no child inherits. *boundPort is the port it got (for
// port 0). -1 after saying why in *error.
qrs::NativeHandle listenTcp(const QHostAddress &address, quint16 port, int backlog,
                            quint16 *boundPort, QString *error);

// The exit status of a tool that failed with error (the man pages' table):
// 1 any other failure, 2 a malformed id or argument, 3 the resource is gone
// (unknown key, already taken, expired, revoked), 4 no sharer (unreachable,
// stopping), 5 try again (timeout, busy, overloaded), 6 denied, 7 out of
// descriptors, 8 no resource of that name or kind.
int exitStatusFor(qrs::Error error);

// errno as a sentence: the library's (common/text_p.h).
using qrs::systemErrorText;

} // namespace qrs::tools
