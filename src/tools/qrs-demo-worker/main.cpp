// SPDX-FileCopyrightText: 2026 QtResourceSharer contributors
//
// SPDX-License-Identifier: BSD-3-Clause

// qrs-demo-worker [--socket NAME] [--load-ms MS]
// The worker of ./scripts/demo, and an example of the child's side: it adopts
// the listening socket its supervisor passed (qrs::InheritedResources) into a
// QTcpServer, loads for MS milliseconds as a real server would (connections
// wait in the socket's queue meanwhile), says READY=1 to its service manager
// (qrs::ServiceNotifier: qrs-supervise --ready=notify, or systemd) and answers
// every HTTP request with its pid. GET /crash makes it
// crash (abort()) once it has answered what it already accepted. On SIGTERM it
// stops accepting, finishes the requests it holds, and exits 0: connections
// waiting in the shared listening socket go to the other workers.
#include "toolcommon.h"

#include <qrs/inheritedresources.h>
#include <qrs/servicenotifier.h>

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QHash>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>

#include <csignal>
#include <cstdlib>

namespace {

// The translation context of this tool's messages.
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(qrs_demo_worker)
};

constexpr qsizetype MaxRequestHeader = 8192;

class Worker : public QObject
{
public:
    explicit Worker(QTcpServer *server)
        : m_server(server)
    {
        connect(server, &QTcpServer::newConnection, this, [this] { acceptAll(); });
    }

    // Stops accepting, answers what was accepted, then exits (or crashes).
    void drain(bool crash)
    {
        m_crash = m_crash || crash;
        if (m_server->isListening()) {
            acceptAll(); // QTcpServer::close() would drop accepted connections
            m_server->close();
        }
        finishIfDrained();
    }

private:
    void acceptAll()
    {
        while (QTcpSocket *socket = m_server->nextPendingConnection()) {
            m_open.insert(socket, {});
            connect(socket, &QTcpSocket::readyRead, this, [this, socket] { serve(socket); });
            connect(socket, &QTcpSocket::disconnected, this, [this, socket] {
                m_open.remove(socket);
                socket->deleteLater();
                finishIfDrained();
            });
        }
    }

    void serve(QTcpSocket *socket)
    {
        QByteArray &buffer = m_open[socket];
        buffer += socket->readAll();
        const qsizetype end = buffer.indexOf("\r\n\r\n");
        if (end < 0) {
            if (buffer.size() > MaxRequestHeader)
                socket->abort();
            return;
        }
        const QList<QByteArray> requestLine = buffer.left(buffer.indexOf("\r\n")).split(' ');
        disconnect(socket, &QTcpSocket::readyRead, this, nullptr); // one request per connection
        const QByteArray path = requestLine.value(1);
        const bool crash = path == "/crash";
        const QByteArray body = (crash ? QByteArray("crashing: pid ") : QByteArray("pid "))
                + QByteArray::number(QCoreApplication::applicationPid()) + '\n';
        socket->write("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nConnection: close\r\n"
                      "Content-Length: "
                      + QByteArray::number(body.size()) + "\r\n\r\n" + body);
        socket->disconnectFromHost();
        if (crash)
            drain(true);
    }

    void finishIfDrained()
    {
        if (m_server->isListening() || !m_open.isEmpty())
            return;
        if (m_crash)
            std::abort(); // the supervisor sees SIGABRT and restarts this slot
        QCoreApplication::exit(0);
    }

    QTcpServer *m_server;
    QHash<QTcpSocket *, QByteArray> m_open; // accepted, not yet closed: the request so far
    bool m_crash = false;
};

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    qrs::tools::setUpTool(
            &parser, QStringLiteral("qrs-demo-worker"),
            Text::tr("Answers HTTP requests with its pid on the listening socket its supervisor "
                     "passed."));
    const QCommandLineOption socketOption(
            QStringLiteral("socket"), Text::tr("The name of the inherited socket (default http)."),
            QStringLiteral("NAME"), QStringLiteral("http"));
    const QCommandLineOption loadOption(
            QStringLiteral("load-ms"),
            Text::tr("How long it loads after taking the socket before it serves and says "
                     "READY=1 (default 0)."),
            QStringLiteral("MS"), QStringLiteral("0"));
    parser.addOptions({socketOption, loadOption});
    if (!qrs::tools::parseCommandLine(parser, app.arguments()))
        return 2;

    QTcpServer server;
    qrs::InheritedResources inherited;
    QString error;
    if (!inherited.adoptTcpServer(parser.value(socketOption), &server, &error)) {
        qrs::tools::printError(error);
        return 1;
    }
    bool ok = false;
    const int loadMs = parser.value(loadOption).toInt(&ok);
    if (!ok || loadMs < 0) {
        qrs::tools::printError(Text::tr("--load-ms takes a number of milliseconds, not \"%1\"")
                                       .arg(parser.value(loadOption)));
        return 2;
    }
    Worker worker(&server);
    // Loading: connections wait in the kernel's queue (or go to other workers).
    server.pauseAccepting();
    QTimer::singleShot(loadMs, &server, [&server] {
        server.resumeAccepting();
        QString why;
        if (!qrs::ServiceNotifier().notifyReady(&why))
            qrs::tools::printError(why);
    });
    qrs::tools::SignalWatcher signalWatcher({SIGTERM, SIGINT});
    QObject::connect(&signalWatcher, &qrs::tools::SignalWatcher::signalReceived, &worker,
                     [&worker] { worker.drain(false); });
    return QCoreApplication::exec();
}
