// qrs-detach [--timeout MS] ID... -- PROGRAM [ARGS...]
// Receives every resource, places them at descriptors 3, 4, ... in order, sets
// LISTEN_FDS, LISTEN_PID and LISTEN_FDNAMES (systemd's socket activation) and
// execs PROGRAM, which keeps this pid. Any failure: one line on stderr, nothing
// is run. Exit codes: 2 bad usage or malformed id, 1 transfer failed,
// 127 PROGRAM not found or not executable.
#include "protocol/limits.h"
#include "toolcommon.h"

#include <qrs/dupfd.h>

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFileInfo>
#include <QStandardPaths>

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fcntl.h>
#include <unistd.h>

namespace {

using qrs::tools::printError;

QString tr(const char *text)
{
    return QCoreApplication::translate("qrs-detach", text);
}

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

} // namespace

int main(int argc, char **argv)
{
    // Everything after the first "--" belongs to PROGRAM, untouched.
    int split = 1;
    while (split < argc && std::strcmp(argv[split], "--") != 0)
        ++split;

    QCoreApplication app(split, argv);
    QCoreApplication::setApplicationName(QStringLiteral("qrs-detach"));
    QCoreApplication::setApplicationVersion(QStringLiteral(QRS_VERSION_STR));
    QCommandLineParser parser;
    parser.setApplicationDescription(
            tr("Receives shared resources and runs PROGRAM with them at descriptors 3, 4, ... "
               "(systemd socket activation: LISTEN_FDS, LISTEN_PID, LISTEN_FDNAMES)."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption timeoutOption(
            QStringLiteral("timeout"),
            tr("Give up after MS milliseconds (default %1).")
                    .arg(qrs::protocol::DefaultTransferTimeoutMs),
            QStringLiteral("MS"), QString::number(qrs::protocol::DefaultTransferTimeoutMs));
    parser.addOption(timeoutOption);
    parser.addPositionalArgument(QStringLiteral("ID"), tr("A resource identifier."),
                                 QStringLiteral("ID... -- PROGRAM [ARGS...]"));
    if (!qrs::tools::parseCommandLine(parser, app.arguments()))
        return 2;

    const qint64 timeoutMs = qrs::tools::positiveMilliseconds(parser, timeoutOption);
    if (timeoutMs < 0)
        return 2;
    if (split + 1 >= argc) {
        printError(tr("no PROGRAM: usage: qrs-detach [--timeout MS] ID... -- PROGRAM [ARGS...]"));
        return 2;
    }
    const QStringList idTexts = parser.positionalArguments();
    if (idTexts.isEmpty()) {
        printError(tr("no resource id given before \"--\""));
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
    const QString path =
            program.contains(QLatin1Char('/')) ? program : QStandardPaths::findExecutable(program);
    const QFileInfo fi(path);
    if (path.isEmpty() || !fi.isFile() || !fi.isExecutable()) {
        printError(tr("cannot run %1: not found or not executable").arg(program));
        return 127;
    }

    // One round trip per sharer (and per MaxKeysPerRequest ids), in order.
    QList<qrs::DetachedFd> received;
    for (qsizetype i = 0; i < ids.size();) {
        QList<qrs::ResourceId> batch{ids.at(i)};
        qsizetype j = i + 1;
        while (j < ids.size() && ids.at(j).address() == ids.at(i).address()
               && batch.size() < qrs::protocol::MaxKeysPerRequest)
            batch.append(ids.at(j++));
        QString error;
        const QList<qrs::DetachedFd> got = qrs::DupFd::detach(batch, int(timeoutMs), &error);
        if (got.isEmpty()) {
            printError(error);
            return 1;
        }
        received += got;
        i = j;
    }

    // Move everything above the target range first, then into place: a
    // received descriptor may already sit at a number we are about to fill.
    const int count = int(received.size());
    QByteArray names;
    for (qrs::DetachedFd &r : received) {
        const int high = ::fcntl(r.fd, F_DUPFD_CLOEXEC, 3 + count);
        if (high < 0) {
            printError(tr("cannot move a received descriptor: %1")
                               .arg(QString::fromLocal8Bit(std::strerror(errno))));
            return 1;
        }
        ::close(r.fd);
        r.fd = high;
        names += (names.isEmpty() ? "" : ":") + fdName(r.name);
    }
    for (int i = 0; i < count; ++i) {
        // dup2() leaves the new descriptor without close-on-exec: PROGRAM keeps it.
        if (::dup2(received.at(i).fd, 3 + i) < 0) {
            printError(tr("cannot place descriptor %1: %2")
                               .arg(3 + i)
                               .arg(QString::fromLocal8Bit(std::strerror(errno))));
            return 1;
        }
        ::close(received.at(i).fd);
    }
    ::setenv("LISTEN_FDS", QByteArray::number(count).constData(), 1);
    ::setenv("LISTEN_PID", QByteArray::number(qint64(::getpid())).constData(), 1);
    ::setenv("LISTEN_FDNAMES", names.constData(), 1);

    const QByteArray file = QFile::encodeName(path);
    ::execv(file.constData(), argv + split + 1);
    printError(tr("cannot run %1: %2").arg(program, QString::fromLocal8Bit(std::strerror(errno))));
    return 127;
}
