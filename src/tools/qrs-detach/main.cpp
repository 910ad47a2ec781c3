// SPDX-FileCopyrightText: 2026 QtResourceSharer contributors
//
// SPDX-License-Identifier: BSD-3-Clause

// qrs-detach [--timeout MS] [--nonblocking] [ID...] -- PROGRAM [ARGS...]
// Receives every resource (given as IDs, or else the ones QRS_RESOURCES passed
// to this process, which it then removes from the environment), places them at descriptors 3, 4,
// ... in order, sets LISTEN_FDS, LISTEN_PID and LISTEN_FDNAMES (systemd's socket activation) and
// execs PROGRAM, which keeps this pid. PROGRAM sees them exactly as systemd
// passes sockets: no FD_CLOEXEC, and blocking unless --nonblocking
// (NonBlocking=yes). Any failure: one line on stderr, nothing
// is run. Exit codes: 2 bad usage or malformed id, 1 transfer failed,
// 127 PROGRAM not found or not executable.
#include "fdpassing.h"
#include "protocol/protocollimits.h"
#include "toolcommon.h"

#include <qrs/dupfd.h>
#include <qrs/inheritedresources.h>

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFile>

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <fcntl.h>
#include <unistd.h>

namespace {

using qrs::tools::printError;

// The translation context of this tool's messages.
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(qrs_detach)
};

// A name LISTEN_FDNAMES can carry: no ':' (the separator), printable ASCII.
QByteArray fdName(const QString &name)
{
    QByteArray out;
    for (QChar c : name) {
        const ushort u = c.unicode();
        out.append(u > 0x20 && u < 0x7f && u != ':' ? char(u) : '_');
    }
    return out.isEmpty() ? QByteArray("unknown") : out;
}

// O_NONBLOCK belongs to the open socket, shared by every process that holds it.
// Our listeners are created blocking, so a non-blocking one was made so by
// another holder (a Qt worker: QTcpServer needs it). Clearing the flag would
// leave that holder's accept() blocking its event loop when a peer took the
// connection first, so it is kept, and PROGRAM is warned about.
void applyBlockingMode(const qrs::DetachedFd &r, bool nonBlocking)
{
    const int flags = ::fcntl(r.fd, F_GETFL);
    if (flags < 0 || nonBlocking) {
        qrs::platform::setNonBlocking(r.fd, true);
        return;
    }
    if (flags & O_NONBLOCK)
        printError(Text::tr("warning: \"%1\" was made non-blocking by another process that "
                            "holds it (a Qt program?); it stays so, since clearing the flag would "
                            "hang that process. A blocking accept() or read() in PROGRAM fails "
                            "with EAGAIN: do not share one socket between Qt programs and "
                            "programs that expect it blocking, or pass --nonblocking if PROGRAM "
                            "copes")
                           .arg(r.name));
}

} // namespace

int main(int argc, char **argv)
{
    int split = qrs::tools::programSeparator(argc, argv); // QCoreApplication keeps a reference

    QCoreApplication app(split, argv);
    QCommandLineParser parser;
    qrs::tools::setUpTool(
            &parser, QStringLiteral("qrs-detach"),
            Text::tr(
                    "Receives shared resources and runs PROGRAM with them at descriptors 3, 4, ... "
                    "(systemd socket activation: LISTEN_FDS, LISTEN_PID, LISTEN_FDNAMES)."));
    const QCommandLineOption timeoutOption(
            QStringLiteral("timeout"),
            Text::tr("Give up after MS milliseconds (default %1).")
                    .arg(qrs::protocol::DefaultTransferTimeoutMs),
            QStringLiteral("MS"), QString::number(qrs::protocol::DefaultTransferTimeoutMs));
    const QCommandLineOption nonBlockingOption(
            QStringLiteral("nonblocking"),
            Text::tr("Set O_NONBLOCK on every descriptor passed (systemd's NonBlocking=yes). "
                     "Without it they are passed blocking, as systemd does."));
    parser.addOptions({timeoutOption, nonBlockingOption});
    parser.addPositionalArgument(
            QStringLiteral("ID"),
            Text::tr("A resource identifier. Without any, the resources named in QRS_RESOURCES "
                     "(passed by qrs::ChildResources or qrs-supervise)."),
            QStringLiteral("[ID...] -- PROGRAM [ARGS...]"));
    if (!qrs::tools::parseCommandLine(parser, app.arguments()))
        return 2;

    const qint64 timeoutMs = qrs::tools::positiveMilliseconds(parser, timeoutOption);
    if (timeoutMs < 0)
        return 2;
    if (split + 1 >= argc) {
        printError(Text::tr(
                "no PROGRAM: usage: qrs-detach [--timeout MS] [--nonblocking] [ID...] -- PROGRAM "
                "[ARGS...]"));
        return 2;
    }
    const QStringList idTexts = parser.positionalArguments();
    qrs::InheritedResources inherited;
    if (idTexts.isEmpty() && !inherited.isValid()) {
        printError(inherited.errorString());
        return 2;
    }
    if (idTexts.isEmpty() && inherited.names().isEmpty()) {
        printError(Text::tr("no resource id given before \"--\", and QRS_RESOURCES is not set"));
        return 2;
    }
    QList<qrs::ResourceId> ids;
    for (const QString &text : idTexts) {
        QString error;
        const qrs::ResourceId id = qrs::ResourceId::fromString(text, &error);
        if (!id.isValid()) {
            printError(error);
            return 2;
        }
        ids.append(id);
    }

    // Find PROGRAM before taking anything: a typo must not consume resources.
    const QString program = QFile::decodeName(argv[split + 1]);
    const QString path = qrs::tools::findProgram(program);
    if (path.isEmpty())
        return 127;

    QString error;
    qrs::Error code = qrs::Error::NoError;
    QList<qrs::DetachedFd> received;
    if (idTexts.isEmpty()) {
        inherited.setTimeout(int(timeoutMs));
        received = inherited.takeAll(&error);
        code = inherited.error();
        // PROGRAM has them as LISTEN_FDS: the ids are spent.
        ::unsetenv("QRS_RESOURCES");
        ::unsetenv("QRS_RESOURCE_NAMES");
    } else {
        received = qrs::DupFd::detachFromSharers(ids, int(timeoutMs), &code, &error);
    }
    if (received.isEmpty()) {
        printError(error);
        return qrs::tools::exitStatusFor(code);
    }

    // Move everything above the target range first, then into place: a
    // received descriptor may already sit at a number we are about to fill.
    const int count = int(received.size());
    QByteArray names;
    for (qrs::DetachedFd &r : received) {
        applyBlockingMode(r, parser.isSet(nonBlockingOption));
        const int high = ::fcntl(r.fd, F_DUPFD_CLOEXEC, 3 + count);
        if (high < 0) {
            printError(Text::tr("cannot move a received descriptor: %1")
                               .arg(qrs::tools::systemErrorText(errno)));
            return 1;
        }
        ::close(r.fd);
        r.fd = high;
        names += (names.isEmpty() ? "" : ":") + fdName(r.name);
    }
    for (int i = 0; i < count; ++i) {
        // dup2() leaves the new descriptor without close-on-exec: PROGRAM keeps it.
        if (::dup2(received.at(i).fd, 3 + i) < 0) {
            printError(Text::tr("cannot place descriptor %1: %2")
                               .arg(3 + i)
                               .arg(qrs::tools::systemErrorText(errno)));
            return 1;
        }
        ::close(received.at(i).fd);
    }
    ::setenv("LISTEN_FDS", QByteArray::number(count).constData(), 1);
    ::setenv("LISTEN_PID", QByteArray::number(qint64(::getpid())).constData(), 1);
    ::setenv("LISTEN_FDNAMES", names.constData(), 1);

    const QByteArray file = QFile::encodeName(path);
    ::execv(file.constData(), argv + split + 1);
    printError(Text::tr("cannot run %1: %2").arg(program, qrs::tools::systemErrorText(errno)));
    return 127;
}
