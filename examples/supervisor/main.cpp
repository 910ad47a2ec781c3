// SPDX-FileCopyrightText: 2026 QtResourceSharer contributors
//
// SPDX-License-Identifier: BSD-3-Clause

// example-supervisor WORKER_PROGRAM
// A Qt program that supervises its own workers: it listens on 127.0.0.1 (any
// port), runs two workers of WORKER_PROGRAM (qrs-demo-worker answers HTTP with
// its pid) that take the socket by name through the resource-sharer plugin,
// asks one of them, replaces both with a rolling restart, asks again, and then
// upgrades itself in place: Supervisor::upgrade() starts this program anew,
// which finds the socket its predecessor handed it, runs its own workers, says
// READY=1 once they are ready, is answered by one of them on the same port,
// and stops.
#include <qrs/servicenotifier.h>
#include <qrs/supervisor.h>

#include <QCoreApplication>
#include <QTcpSocket>

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

    qrs::Supervisor supervisor;
    supervisor.setProgram(QString::fromLocal8Bit(argv[1]));
    supervisor.setWorkerCount(2);
    QObject::connect(&supervisor, &qrs::Supervisor::message,
                     [](const QString &line) { qInfo("supervisor: %s", qPrintable(line)); });

    // Started by its predecessor's upgrade(), or anew. A successor tells its
    // predecessor READY=1 once its own workers are ready, and must find the
    // socket it handed over ("inherit": taken by name, never bound anew).
    const qrs::Supervisor::Predecessor predecessor = qrs::Supervisor::takePredecessor();
    supervisor.setServiceManager(qrs::ServiceNotifier(), predecessor);
    qrs::ListenSpec http;
    qrs::ListenSpec::parse(predecessor.pid ? QStringLiteral("http=inherit")
                                           : QStringLiteral("http=tcp:127.0.0.1:0"),
                           0, &http);
    if (!supervisor.listen({http})) {
        qCritical("cannot listen: %s", qPrintable(supervisor.errorString()));
        return 1;
    }
    const QString address = supervisor.listeners().constFirst().description; // tcp:127.0.0.1:PORT
    const quint16 port = address.section(QLatin1Char(':'), -1).toUShort();
    QString error;
    if (!supervisor.loadDefaultExtensions(&error)) { // the resource-sharer and notify plugins
        qCritical("%s", qPrintable(error));
        return 1;
    }

    if (predecessor.pid) {
        // Once its own workers are ready (READY=1 went to the predecessor, which
        // stops its workers), one of this one's answers, and it stops too.
        QObject::connect(&supervisor, &qrs::Supervisor::readinessChanged, &supervisor,
                         [&](int ready, int total) {
                             if (ready < total || supervisor.isStopping())
                                 return;
                             QList<qint64> ours;
                             for (const qrs::WorkerInfo &w : supervisor.workers())
                                 ours.append(w.pid);
                             for (int i = 0; i < 50; ++i) {
                                 const QByteArray answer = get(port);
                                 if (ours.contains(answer.mid(4).toLongLong())) {
                                     qInfo("the successor (pid %lld)'s worker, %s, answered on "
                                           "the same socket",
                                           QCoreApplication::applicationPid(), answer.constData());
                                     break;
                                 }
                             }
                             supervisor.shutdown();
                         });
        QObject::connect(&supervisor, &qrs::Supervisor::finished, &app,
                         [] { QCoreApplication::exit(0); });
        supervisor.start();
        return QCoreApplication::exec();
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
                         supervisor.upgrade(); // this program anew, on the same socket
                     });
    qint64 successor = 0;
    QObject::connect(&supervisor, &qrs::Supervisor::upgradeSucceeded, &supervisor,
                     [&successor](qint64 pid) {
                         successor = pid;
                         qInfo("upgraded in place: pid %lld took over", pid);
                     });
    QObject::connect(&supervisor, &qrs::Supervisor::upgradeFailed, &supervisor,
                     [&supervisor](const QString &why) {
                         qCritical("the upgrade failed: %s", qPrintable(why));
                         supervisor.shutdown();
                     });
    QObject::connect(&supervisor, &qrs::Supervisor::finished, &app, [&] {
        // Both answered, by different workers, and a successor took over.
        const bool ok = before.startsWith("pid ") && after.startsWith("pid ") && before != after
                && successor > 0;
        QCoreApplication::exit(ok ? 0 : 1);
    });
    supervisor.start();
    return QCoreApplication::exec();
}
