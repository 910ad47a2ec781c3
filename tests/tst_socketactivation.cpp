// SPDX-FileCopyrightText: 2026 QtResourceSharer contributors
//
// SPDX-License-Identifier: BSD-3-Clause

// qrs::SocketActivation against the original: sockets passed by systemd's own
// systemd-socket-activate, and environments written as systemd writes them,
// read by a helper process (the descriptors start at 3, LISTEN_PID must be its
// own pid), with sd_listen_fds_with_names()'s rules.
#include "socketactivate.h"
#include "testutil.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTcpServer>
#include <QTcpSocket>

#include <unistd.h>

namespace {

// The helper's report of what qrs::SocketActivation read, given the
// environment in `variables` (LISTEN_PID=$$ makes it its own pid) and `fds`
// listening sockets at descriptors 3 and up.
QJsonObject readInHelper(const QString &variables, int fds, const QStringList &take = {})
{
    QList<QTcpServer *> servers;
    std::vector<int> descriptors;
    for (int i = 0; i < fds; ++i) {
        servers.append(new QTcpServer);
        servers.last()->listen(QHostAddress::LocalHost);
        descriptors.push_back(int(servers.last()->socketDescriptor()));
    }
    QProcess p;
    p.setChildProcessModifier([descriptors] {
        // Into 3, 4...: first out of the way, then in place.
        std::vector<int> moved;
        for (int fd : descriptors)
            moved.push_back(::fcntl(fd, F_DUPFD, 100));
        for (size_t i = 0; i < moved.size(); ++i)
            ::dup2(moved[i], 3 + int(i)); // dup2 clears FD_CLOEXEC
    });
    QStringList quoted;
    for (const QString &name : take)
        quoted.append(QLatin1Char('\'') + name + QLatin1Char('\''));
    p.start(QStringLiteral("/bin/sh"),
            {QStringLiteral("-c"),
             QStringLiteral("%1 exec '%2' activation %3")
                     .arg(variables, qrstest::helperPath(), quoted.join(QLatin1Char(' ')))});
    p.waitForFinished(20'000);
    qDeleteAll(servers);
    return QJsonDocument::fromJson(p.readAllStandardOutput()).object();
}

QStringList names(const QJsonObject &report)
{
    QStringList out;
    for (const QJsonValue &s : report.value(QLatin1String("sockets")).toArray())
        out.append(s[QLatin1String("name")].toString());
    return out;
}

} // namespace

class tst_SocketActivation : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    // systemd-socket-activate (the original) passes two sockets by name.
    void socketsPassedBySystemdSocketActivate()
    {
        const quint16 ports[2] = {qrstest::freePort(), qrstest::freePort()};
        QVERIFY(ports[0] && ports[1] && ports[0] != ports[1]);
        QProcess reference;
        QByteArray said;
        QVERIFY2(qrstest::socketActivate(
                         &reference,
                         {QStringLiteral("-l"), QStringLiteral("127.0.0.1:%1").arg(ports[0]),
                          QStringLiteral("-l"), QStringLiteral("127.0.0.1:%1").arg(ports[1]),
                          QStringLiteral("--fdname=web:admin"), qrstest::helperPath(),
                          QStringLiteral("activation"), QStringLiteral("admin"),
                          QStringLiteral("web"), QStringLiteral("web")},
                         2, ports[0], &said),
                 said.constData());
        const QJsonObject report =
                QJsonDocument::fromJson(reference.readAllStandardOutput()).object();
        QVERIFY2(report.value(QLatin1String("valid")).toBool(), reference.readAll().constData());
        QCOMPARE(names(report), (QStringList{QStringLiteral("web"), QStringLiteral("admin")}));
        const QJsonArray sockets = report.value(QLatin1String("sockets")).toArray();
        QCOMPARE(sockets.at(0)[QLatin1String("fd")].toInt(), 3);
        QCOMPARE(sockets.at(1)[QLatin1String("fd")].toInt(), 4);
        // As sd_listen_fds(): not for this process's children, and the variables gone.
        QVERIFY(sockets.at(0)[QLatin1String("cloexec")].toBool());
        QVERIFY(sockets.at(1)[QLatin1String("cloexec")].toBool());
        QCOMPARE(report.value(QLatin1String("environment")).toBool(), false);
        // take(): by name, each once.
        QCOMPARE(report.value(QLatin1String("taken")).toArray(), (QJsonArray{4, 3, -1}));
    }

    // Without LISTEN_FDNAMES every socket is "unknown", as sd_listen_fds_with_names() says.
    void unnamedSocketsAreUnknown()
    {
        const QJsonObject report = readInHelper(QStringLiteral("LISTEN_PID=$$ LISTEN_FDS=2"), 2,
                                                {QStringLiteral("unknown")});
        QVERIFY(report.value(QLatin1String("valid")).toBool());
        QCOMPARE(names(report),
                 (QStringList{QStringLiteral("unknown"), QStringLiteral("unknown")}));
        QCOMPARE(report.value(QLatin1String("taken")).toArray(), (QJsonArray{3}));
    }

    // Empty names keep their places.
    void emptyNamesKeepTheirPlaces()
    {
        const QJsonObject report =
                readInHelper(QStringLiteral("LISTEN_PID=$$ LISTEN_FDS=2 LISTEN_FDNAMES=:b"), 2);
        QVERIFY(report.value(QLatin1String("valid")).toBool());
        QCOMPARE(names(report), (QStringList{QString(), QStringLiteral("b")}));
    }

    // For another process, or nothing: no sockets, no error, the variables gone.
    void socketsForAnotherProcessAreNotTaken()
    {
        for (const QString &variables :
             {QStringLiteral("LISTEN_PID=1 LISTEN_FDS=1 LISTEN_FDNAMES=x"),
              QStringLiteral("LISTEN_FDS=1"), QStringLiteral("LISTEN_PID=$$")}) {
            const QJsonObject report = readInHelper(variables, 1);
            QVERIFY2(report.value(QLatin1String("valid")).toBool(), qPrintable(variables));
            QVERIFY2(names(report).isEmpty(), qPrintable(variables));
            QCOMPARE(report.value(QLatin1String("environment")).toBool(), false);
        }
    }

    // Malformed: an error that says what, and no socket.
    void malformedVariablesAreErrors_data()
    {
        QTest::addColumn<QString>("variables");
        QTest::addColumn<QString>("error");
        QTest::newRow("names, not as many")
                << QStringLiteral("LISTEN_PID=$$ LISTEN_FDS=1 LISTEN_FDNAMES=a:b")
                << QStringLiteral("LISTEN_FDNAMES names 2 sockets but LISTEN_FDS passes 1");
        QTest::newRow("count") << QStringLiteral("LISTEN_PID=$$ LISTEN_FDS=two")
                               << QStringLiteral("LISTEN_FDS=two is not a number of descriptors");
        QTest::newRow("pid") << QStringLiteral("LISTEN_PID=me LISTEN_FDS=1")
                             << QStringLiteral("LISTEN_PID=me is not a process id");
    }
    void malformedVariablesAreErrors()
    {
        QFETCH(QString, variables);
        QFETCH(QString, error);
        const QJsonObject report = readInHelper(QStringLiteral("LC_ALL=C ") + variables, 1);
        QCOMPARE(report.value(QLatin1String("valid")).toBool(), false);
        QCOMPARE(report.value(QLatin1String("error")).toString(), error);
        QVERIFY(names(report).isEmpty());
        QCOMPARE(report.value(QLatin1String("environment")).toBool(), false);
    }
};

QRS_TEST_MAIN(tst_SocketActivation)
#include "tst_socketactivation.moc"
