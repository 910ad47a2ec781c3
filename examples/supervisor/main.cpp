// SPDX-FileCopyrightText: 2026 QtResourceSharer contributors
//
// SPDX-License-Identifier: BSD-3-Clause

// example-supervisor WORKER_PROGRAM
// A Qt program that supervises its own workers: it listens on 127.0.0.1 (any
// port), runs two workers of WORKER_PROGRAM (qrs-demo-worker answers HTTP with
// its pid) that take the socket by name through the resource-sharer plugin,
// asks one of them, replaces both with a rolling restart, asks again, and stops.
#include <qrs/supervisor.h>

#include <QCoreApplication>
#include <QTcpServer>
#include <QTcpSocket>

#include <fcntl.h>
#include <unistd.h>

namespace {

// GET / on 127.0.0.1:port, blocking; the answer's body.
QByteArray get(quint16 port)
{
    QTcpSocket socket;
    socket.connectToHost(QHostAddress::LocalHost, port);
    if (!socket.waitForConnected(10'000))
        return {};
    socket.write("GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
    QByteArray answer;
    while (socket.waitForReadyRead(10'000))
        answer += socket.readAll();
    return answer.mid(answer.indexOf("\r\n\r\n") + 4).trimmed();
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    if (argc != 2) {
        qCritical("usage: example-supervisor WORKER_PROGRAM");
        return 2;
    }

    // The socket the workers share: this process keeps it, and never accepts on it.
    QTcpServer server;
    if (!server.listen(QHostAddress::LocalHost)) {
        qCritical("cannot listen: %s", qPrintable(server.errorString()));
        return 1;
    }
    const int fd = ::fcntl(int(server.socketDescriptor()), F_DUPFD_CLOEXEC, 3);
    ::fcntl(fd, F_SETFL, ::fcntl(fd, F_GETFL) & ~O_NONBLOCK); // as systemd passes sockets
    const quint16 port = server.serverPort();
    server.close(); // the duplicate goes on listening

    qrs::Supervisor supervisor;
    supervisor.setProgram(QString::fromLocal8Bit(argv[1]));
    supervisor.setWorkerCount(2);
    supervisor.addListener(
            {QStringLiteral("http"), fd, QStringLiteral("tcp:127.0.0.1:%1").arg(port)});
    QObject::connect(&supervisor, &qrs::Supervisor::message,
                     [](const QString &line) { qInfo("supervisor: %s", qPrintable(line)); });
    QString error;
    if (!supervisor.loadDefaultExtensions(&error)) { // the resource-sharer and notify plugins
        qCritical("%s", qPrintable(error));
        return 1;
    }

    QByteArray before;
    QObject::connect(&supervisor, &qrs::Supervisor::readinessChanged, &supervisor,
                     [&](int ready, int total) {
                         if (ready < total || !before.isEmpty() || supervisor.isRolling())
                             return;
                         before = get(port);
                         qInfo("%d of %d workers ready: %s answered", ready, total,
                               before.constData());
                         supervisor.rollingRestart();
                     });
    QByteArray after;
    QObject::connect(&supervisor, &qrs::Supervisor::rollingRestartFinished, &supervisor,
                     [&](int replaced, int total) {
                         after = get(port);
                         qInfo("%d of %d workers replaced; after the rolling restart, %s answered",
                               replaced, total, after.constData());
                         supervisor.shutdown();
                     });
    QObject::connect(&supervisor, &qrs::Supervisor::finished, &app, [&] {
        // Both answered, by different workers: the old ones are gone.
        const bool ok = before.startsWith("pid ") && after.startsWith("pid ") && before != after;
        QCoreApplication::exit(ok ? 0 : 1);
    });
    supervisor.start();
    return QCoreApplication::exec();
}
