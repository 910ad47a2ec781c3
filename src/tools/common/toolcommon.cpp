// SPDX-FileCopyrightText: 2026 QtResourceSharer contributors
//
// SPDX-License-Identifier: BSD-3-Clause

#include "toolcommon.h"

#include <qrs/error.h>

#include "fdpassing.h"
#include "translations_p.h"

#include <qrs/version.h>

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFileInfo>
#include <QHostAddress>
#include <QSocketNotifier>
#include <QStandardPaths>
#include <QTcpServer>

#include <cstdio>
#include <cstring>
#include <limits>

namespace {
// Every tool speaks the user's language from its first message on.
void loadTranslations()
{
    qrs::i18n::install();
}
} // namespace

Q_COREAPP_STARTUP_FUNCTION(loadTranslations)

namespace qrs::tools {

bool parseCommandLine(QCommandLineParser &parser, const QStringList &arguments)
{
    if (!parser.parse(arguments)) {
        printError(parser.errorText());
        return false;
    }
    if (parser.isSet(QStringLiteral("help")))
        parser.showHelp(0);
    if (parser.isSet(QStringLiteral("version")))
        parser.showVersion();
    return true;
}

qint64 positiveMilliseconds(const QCommandLineParser &parser, const QCommandLineOption &option)
{
    bool ok = false;
    const qint64 ms = parser.value(option).toLongLong(&ok);
    if (ok && ms > 0 && ms <= std::numeric_limits<int>::max())
        return ms;
    printError(QCoreApplication::translate(
                       "qrs-tools", "--%1 takes a positive number of milliseconds, not \"%2\"")
                       .arg(option.names().constFirst(), parser.value(option)));
    return -1;
}

int programSeparator(int argc, char **argv)
{
    int split = 1;
    while (split < argc && std::strcmp(argv[split], "--") != 0)
        ++split;
    return split;
}

QString findProgram(const QString &program)
{
    const QString path =
            program.contains(QLatin1Char('/')) ? program : QStandardPaths::findExecutable(program);
    const QFileInfo fi(path);
    if (!path.isEmpty() && fi.isFile() && fi.isExecutable())
        return path;
    printError(
            QCoreApplication::translate("qrs-tools", "cannot run %1: not found or not executable")
                    .arg(program));
    return {};
}

void setUpTool(QCommandLineParser *parser, const QString &name, const QString &description)
{
    QCoreApplication::setApplicationName(name);
    QCoreApplication::setApplicationVersion(QStringLiteral(QRS_VERSION_STR));
    parser->setApplicationDescription(description);
    parser->addHelpOption();
    parser->addVersionOption();
}

bool parseHostPort(const QString &hostPort, const QString &syntax, QHostAddress *address,
                   quint16 *port, QString *error)
{
    const qsizetype colon = hostPort.lastIndexOf(QLatin1Char(':'));
    bool ok = false;
    const uint number = colon < 0 ? 0 : hostPort.mid(colon + 1).toUInt(&ok);
    if (colon < 0 || !ok || number > 65535) {
        *error = QCoreApplication::translate("qrs-tools",
                                             "expected %1 with a port from 0 to 65535, not \"%2\"")
                         .arg(syntax, hostPort);
        return false;
    }
    QString host = hostPort.left(colon);
    if (host.startsWith(QLatin1Char('[')) && host.endsWith(QLatin1Char(']')))
        host = host.mid(1, host.size() - 2);
    if (host.isEmpty() || host == QLatin1String("*")) {
        *address = QHostAddress::Any;
    } else if (host == QLatin1String("localhost")) {
        *address = QHostAddress::LocalHost;
    } else if (!address->setAddress(host)) {
        *error = QCoreApplication::translate(
                         "qrs-tools", "\"%1\" is not a numeric IP address (or * or localhost)")
                         .arg(host);
        return false;
    }
    *port = quint16(number);
    return true;
}

qrs::NativeHandle listenTcp(const QHostAddress &address, quint16 port, int backlog,
                            quint16 *boundPort, QString *error)
{
    QTcpServer server;
    server.setListenBacklogSize(backlog);
    if (!server.listen(address, port)) {
        *error = QCoreApplication::translate("qrs-tools", "cannot listen on %1 port %2: %3")
                         .arg(address.toString())
                         .arg(port)
                         .arg(server.errorString());
        return -1;
    }
    // Blocking, as systemd hands a socket (NonBlocking=no): the flag belongs to
    // the socket, so QTcpServer's O_NONBLOCK would reach every program given it.
    const auto fd = qrs::NativeHandle(platform::duplicateBlockingSocket(server.socketDescriptor()));
    if (fd < 0) {
        *error = QCoreApplication::translate("qrs-tools", "cannot duplicate a socket: %1")
                         .arg(systemErrorText(errno));
        return -1;
    }
    *boundPort = server.serverPort();
    return fd; // QTcpServer closes only its own descriptor: the socket keeps listening
}

int exitStatusFor(Error error)
{
    switch (error) {
    case Error::NoError:
        return 0;
    case Error::InvalidId:
    case Error::InvalidArgument:
        return 2;
    case Error::UnknownKey:
    case Error::AlreadyTaken:
    case Error::Expired:
    case Error::Revoked:
        return 3;
    case Error::SharerUnreachable:
    case Error::SharerStopping:
        return 4;
    case Error::Timeout:
    case Error::Busy:
    case Error::Overloaded:
        return 5;
    case Error::Denied:
        return 6;
    case Error::DescriptorLimit:
        return 7;
    case Error::WrongKind:
    case Error::NotFound:
        return 8;
    case Error::Malformed:
    case Error::TooLarge:
    case Error::SystemError:
        break;
    }
    return 1;
}

void printError(const QString &message)
{
    std::fprintf(stderr, "%s: %s\n", qPrintable(QCoreApplication::applicationName()),
                 qPrintable(message));
    std::fflush(stderr);
}

} // namespace qrs::tools
