// SPDX-FileCopyrightText: 2026 QtResourceSharer contributors
//
// SPDX-License-Identifier: BSD-3-Clause

// The notify supervisor plugin through QPluginLoader, with a recording host:
// readiness said by the real systemd-notify and by s6's notification
// descriptor, the watchdog, and everything a hostile or broken worker can send
// (another uid, a NUL byte, oversized, malformed, descriptors, a flood).
#include "fakehost.h"
#include "testutil.h"

#include <qrs/version.h>

#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonObject>
#include <QPluginLoader>
#include <QTimer>

#include <memory>
#include <thread>

#include <fcntl.h>
#include <poll.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

namespace {

// A datagram socket connected to path; -1 if that fails.
int connectTo(const QString &path)
{
    const int fd = ::socket(AF_UNIX, SOCK_DGRAM | SOCK_CLOEXEC, 0);
    struct sockaddr_un addr = {};
    addr.sun_family = AF_UNIX;
    const QByteArray p = QFile::encodeName(path);
    std::memcpy(addr.sun_path, p.constData(), size_t(p.size()));
    if (::connect(fd, reinterpret_cast<sockaddr *>(&addr), sizeof(addr)) != 0) {
        ::close(fd);
        return -1;
    }
    return fd;
}

// Sends one datagram without blocking, with a descriptor attached if fd >= 0.
bool send(int socketFd, const QByteArray &data, int fd = -1)
{
    return qrs::platform::sendWithFds(socketFd, data.constData(), size_t(data.size()), &fd,
                                      fd >= 0 ? 1 : 0)
            == data.size();
}

} // namespace

class tst_NotifyPlugin : public QObject
{
    Q_OBJECT

private:
    // The plugin, initialized with these host settings; null after a failure.
    qrs::SupervisorExtension *start(qrstest::FakeHost *host,
                                    const QHash<QString, QString> &settings)
    {
        auto *loader = new QPluginLoader(QStringLiteral(QRS_NOTIFY_PLUGIN_FILE), this);
        auto *hooks = qobject_cast<qrs::SupervisorExtension *>(loader->instance());
        if (!hooks) {
            qWarning() << loader->errorString();
            return nullptr;
        }
        host->settings = settings;
        QString error;
        if (!hooks->initialize(host, &error)) {
            qWarning() << error;
            return nullptr;
        }
        return hooks;
    }

    static QString logOf(const qrstest::FakeHost &host)
    {
        return host.lines.join(QLatin1Char('\n'));
    }

    // beforeStart() for worker, then a socket connected to the NOTIFY_SOCKET it
    // was given: what the worker would speak through. -1 on failure.
    static int speakAs(qrs::SupervisorExtension *hooks, const qrs::WorkerInfo &worker,
                       QProcess *child)
    {
        QString error;
        if (!hooks->beforeStart(worker, child, &error)) {
            qWarning() << error;
            return -1;
        }
        return connectTo(child->processEnvironment().value(QStringLiteral("NOTIFY_SOCKET")));
    }

private Q_SLOTS:
    void metadataSaysWhatItProvides()
    {
        QPluginLoader loader(QStringLiteral(QRS_NOTIFY_PLUGIN_FILE));
        const QJsonObject meta = loader.metaData();
        QVERIFY2(!meta.isEmpty(), qPrintable(loader.errorString()));
        QCOMPARE(meta.value(QLatin1String("IID")).toString(),
                 QStringLiteral(QRS_SUPERVISOR_EXTENSION_IID));
        const QJsonObject own = meta.value(QLatin1String("MetaData")).toObject();
        QCOMPARE(own.value(QLatin1String("name")).toString(), QStringLiteral("notify"));
        QCOMPARE(own.value(QLatin1String("version")).toString(), QStringLiteral(QRS_VERSION_STR));
        QCOMPARE(own.value(QLatin1String("readiness")).toArray(),
                 QJsonArray({QStringLiteral("notify"), QStringLiteral("fd")}));
        QCOMPARE(own.value(QLatin1String("watchdog")).toBool(), true);
    }

    void badSettingsAreRefused_data()
    {
        QTest::addColumn<QString>("ready");
        QTest::addColumn<QString>("watchdog");
        QTest::addColumn<QString>("expected");
        QTest::newRow("mode") << QStringLiteral("soon") << QString()
                              << QStringLiteral("ready=soon: expected taken, notify or fd:N");
        QTest::newRow("stdout") << QStringLiteral("fd:1") << QString()
                                << QStringLiteral("a number from 3 to 1023");
        QTest::newRow("watchdog") << QStringLiteral("taken") << QStringLiteral("-1")
                                  << QStringLiteral("positive number of milliseconds");
    }
    void badSettingsAreRefused()
    {
        QFETCH(QString, ready);
        QFETCH(QString, watchdog);
        QFETCH(QString, expected);
        QPluginLoader loader(QStringLiteral(QRS_NOTIFY_PLUGIN_FILE));
        auto *hooks = qobject_cast<qrs::SupervisorExtension *>(loader.instance());
        QVERIFY(hooks);
        qrstest::FakeHost host;
        host.settings = {{QStringLiteral("ready"), ready}, {QStringLiteral("watchdog"), watchdog}};
        QString error;
        QVERIFY(!hooks->initialize(&host, &error));
        QVERIFY2(error.contains(expected), qPrintable(error));
    }

    // The reference sender: systemd's own systemd-notify, run as the worker.
    void readyFromSystemdNotifyReleasesTheHold()
    {
        const QString systemdNotify = qrstest::referenceProgram(QStringLiteral("systemd-notify"));
        QVERIFY2(!systemdNotify.isEmpty(), "systemd-notify is not installed (package systemd)");
        qrstest::FakeHost host;
        qrs::SupervisorExtension *hooks =
                start(&host, {{QStringLiteral("ready"), QStringLiteral("notify")}});
        QVERIFY(hooks);
        qrs::WorkerInfo worker;
        worker.id = 11;
        QProcess child;
        child.setProgram(systemdNotify);
        child.setArguments({QStringLiteral("--ready"), QStringLiteral("--status=loaded the app")});
        QString error;
        QVERIFY2(hooks->beforeStart(worker, &child, &error), qPrintable(error));
        QCOMPARE(host.holds.size(), 1);
        QCOMPARE(host.holds.at(0).second,
                 QStringLiteral("waiting for READY=1 on its NOTIFY_SOCKET"));

        // Its own socket, in a directory only this user may enter.
        const QString socket = child.processEnvironment().value(QStringLiteral("NOTIFY_SOCKET"));
        QVERIFY(QFileInfo(socket).exists());
        QCOMPARE(QFileInfo(QFileInfo(socket).path()).permissions() & 0x0077,
                 QFileDevice::Permissions());
        QVERIFY(host.pidVariables.isEmpty()); // no watchdog asked for

        child.start();
        QVERIFY(child.waitForStarted());
        worker.pid = child.processId();
        hooks->started(worker);
        QTRY_COMPARE_WITH_TIMEOUT(host.released, QList<quint64>{11}, 20'000);
        QCOMPARE(host.releasedReasons, QStringList{host.holds.at(0).second});
        QCOMPARE(host.statuses,
                 (QList<QPair<quint64, QString>>{{11, QStringLiteral("loaded the app")}}));
        QVERIFY2(logOf(host).contains(QStringLiteral("worker 0 (pid %1) said it is ready (READY=1)")
                                              .arg(worker.pid)),
                 qPrintable(logOf(host)));
        QTRY_COMPARE_WITH_TIMEOUT(child.state(), QProcess::NotRunning, 20'000);
        QCOMPARE(child.exitCode(), 0);
        hooks->finished(worker, 0, QProcess::NormalExit);
        QVERIFY(!QFileInfo::exists(socket)); // removed with the worker
    }

    // In the default mode nothing is held: a program that never speaks the
    // protocol is ready once it has taken its sockets. STATUS= still counts.
    void takenModeHoldsNothing()
    {
        qrstest::FakeHost host;
        qrs::SupervisorExtension *hooks = start(&host, {});
        QVERIFY(hooks);
        qrs::WorkerInfo worker;
        worker.id = 12;
        QProcess child;
        const int fd = speakAs(hooks, worker, &child);
        QVERIFY(fd >= 0);
        QVERIFY(host.holds.isEmpty());
        QVERIFY(send(fd, "STATUS=warming up\nREADY=1"));
        QTRY_COMPARE(host.statuses.size(), 1);
        QVERIFY(host.released.isEmpty());
        ::close(fd);
        hooks->finished(worker, 0, QProcess::NormalExit);
    }

    // Whatever a worker sends, the host goes on, and says once what it ignored.
    void badNotificationsAreIgnoredAndSaidSo()
    {
        qrstest::FakeHost host;
        qrs::SupervisorExtension *hooks =
                start(&host, {{QStringLiteral("ready"), QStringLiteral("notify")}});
        QVERIFY(hooks);
        qrs::WorkerInfo worker;
        worker.id = 13;
        worker.slot = 2;
        QProcess child;
        const int fd = speakAs(hooks, worker, &child);
        QVERIFY(fd >= 0);
        const auto expectLine = [&host](const QString &line) {
            QTRY_VERIFY2_WITH_TIMEOUT(logOf(host).contains(line),
                                      qPrintable(line + QLatin1String(" not in:\n") + logOf(host)),
                                      10'000);
        };

        QVERIFY(send(fd, QByteArray("READY=1\0STATUS=x", 16)));
        expectLine(QStringLiteral("worker 2: a notification with a NUL byte was ignored"));
        QVERIFY(send(fd, "STATUS=" + QByteArray(4993, 'x')));
        expectLine(QStringLiteral(
                "worker 2: a notification of 5000 bytes was ignored: the limit is 4096"));
        QVERIFY(send(fd, "garbage\n=x\n\nSTATUS=fine"));
        expectLine(QStringLiteral("worker 2: 2 lines that are not KEY=VALUE were ignored"));
        QTRY_COMPARE(host.statuses.size(), 1); // the good line of it counts
        QVERIFY(send(fd, "MAINPID=abc"));
        expectLine(QStringLiteral("worker 2: MAINPID=abc is not a pid; ignored"));
        QVERIFY(send(fd, "MAINPID=4242"));
        expectLine(QStringLiteral("worker 2 names pid 4242 as its main process"));
        QVERIFY(send(fd, "ERRNO=2"));
        expectLine(QStringLiteral("worker 2 reports error 2 (No such file or directory)"));
        QVERIFY(send(fd, "STOPPING=1"));
        expectLine(QStringLiteral("worker 2 says it is stopping"));
        QVERIFY(send(fd, "RELOADING=1\nMONOTONIC_USEC=1"));
        expectLine(QStringLiteral("worker 2 says it is reloading"));
        QVERIFY(send(fd, "EXTEND_TIMEOUT_USEC=2500000"));
        QTRY_COMPARE(host.extended, (QList<QPair<quint64, int>>{{13, 2500}}));

        // A descriptor for the store is closed: the sender sees its pipe's far end go.
        int pipeFds[2];
        QCOMPARE(::pipe2(pipeFds, O_CLOEXEC), 0);
        QVERIFY(send(fd, "FDSTORE=1\nFDNAME=http", pipeFds[1]));
        ::close(pipeFds[1]);
        expectLine(QStringLiteral(
                "worker 2: FDSTORE=1 is not supported yet; the 1 descriptors sent were closed"));
        struct pollfd p = {pipeFds[0], POLLIN, 0};
        QCOMPARE(::poll(&p, 1, 10'000), 1);
        char byte;
        QCOMPARE(::read(pipeFds[0], &byte, 1), 0); // end of file: no copy is left open
        ::close(pipeFds[0]);

        // Another uid cannot speak for the worker (root could reach the socket).
        if (::geteuid() == 0) {
            const QByteArray result = qrstest::runForkedAs(65534, [fd] {
                return send(fd, "READY=1") ? QByteArray("sent") : QByteArray("send failed");
            });
            QCOMPARE(result, QByteArray("sent"));
            expectLine(QStringLiteral("worker 2: a notification from uid 65534 (pid "));
            QVERIFY(logOf(host).contains(
                    QStringLiteral("was ignored: only uid 0 may speak for it")));
        }
        QVERIFY(host.released.isEmpty()); // nothing above said READY=1 and was believed

        QVERIFY(send(fd, "READY=1"));
        QTRY_COMPARE(host.released, QList<quint64>{13});
        QVERIFY(send(fd, "WATCHDOG=trigger"));
        QTRY_COMPARE(host.killed.size(), 1);
        QCOMPARE(host.killed.at(0).second,
                 QStringLiteral("it triggered its watchdog (WATCHDOG=trigger)"));
        ::close(fd);
        hooks->finished(worker, 0, QProcess::NormalExit);
    }

    // A worker that sends as fast as it can neither stalls the host's event loop
    // nor floods its log; everything it said is still taken into account.
    void floodCannotStallTheHost()
    {
        qrstest::FakeHost host;
        qrs::SupervisorExtension *hooks =
                start(&host, {{QStringLiteral("ready"), QStringLiteral("notify")}});
        QVERIFY(hooks);
        qrs::WorkerInfo worker;
        worker.id = 14;
        QProcess child;
        const int fd = speakAs(hooks, worker, &child);
        QVERIFY(fd >= 0);
        // The kernel queues only a few datagrams (net.unix.max_dgram_qlen): a
        // thread sends as fast as the host takes them.
        constexpr int Flood = 2000;
        const int blockingFd = ::fcntl(fd, F_SETFL, 0) == 0 ? fd : -1;
        QVERIFY(blockingFd >= 0);
        // A std::thread: join() returns once it has exited entirely (QThread::wait()
        // returns before Qt's per-thread data is gone, which LeakSanitizer may see).
        std::thread sender;
        const auto flood = [blockingFd] {
            for (int i = 0; i < Flood; ++i) {
                const QByteArray status = "STATUS=" + QByteArray::number(i);
                if (::send(blockingFd, status.constData(), size_t(status.size()), 0) < 0)
                    return;
            }
        };
        QElapsedTimer clock;
        clock.start();
        int ticks = 0;
        QTimer tick;
        connect(&tick, &QTimer::timeout, this, [&] {
            if (host.statuses.size() < Flood)
                ++ticks;
        });
        tick.start(1);
        sender = std::thread(flood);
        QTRY_COMPARE_WITH_TIMEOUT(host.statuses.size(), qsizetype(Flood), 60'000);
        sender.join();
        const qint64 seconds = clock.elapsed() / 1000 + 1;
        QVERIFY2(ticks > 0, "the event loop did not run while the flood lasted");
        const qsizetype logged = logOf(host).count(QStringLiteral(": status: "));
        QVERIFY2(logged <= 20 * (seconds + 1),
                 qPrintable(QStringLiteral("%1 lines in %2 s").arg(logged).arg(seconds)));
        qInfo("%d notifications in %lld ms, %lld of them logged, the event loop ran %d times "
              "meanwhile",
              Flood, clock.elapsed(), qint64(logged), ticks);
        QVERIFY(send(fd, "READY=1"));
        QTRY_COMPARE(host.released, QList<quint64>{14});
        ::close(fd);
        hooks->finished(worker, 0, QProcess::NormalExit);
    }

    // s6's convention: the worker writes a newline to an agreed descriptor.
    void readinessDescriptor()
    {
        qrstest::FakeHost host;
        qrs::SupervisorExtension *hooks =
                start(&host, {{QStringLiteral("ready"), QStringLiteral("fd:5")}});
        QVERIFY(hooks);
        qrs::WorkerInfo ready;
        ready.id = 15;
        QProcess readyChild;
        readyChild.setProgram(QStringLiteral("/bin/sh"));
        readyChild.setArguments({QStringLiteral("-c"), QStringLiteral("echo >&5")});
        qrs::WorkerInfo silent;
        silent.id = 16;
        silent.slot = 1;
        QProcess silentChild;
        silentChild.setProgram(QStringLiteral("/bin/sh"));
        silentChild.setArguments({QStringLiteral("-c"), QStringLiteral("exec 5>&-")});
        QString error;
        QVERIFY(hooks->beforeStart(ready, &readyChild, &error));
        QVERIFY(hooks->beforeStart(silent, &silentChild, &error));
        QCOMPARE(host.holds.at(0).second,
                 QStringLiteral("waiting for a newline on its descriptor 5"));
        readyChild.start();
        silentChild.start();
        QVERIFY(readyChild.waitForStarted() && silentChild.waitForStarted());
        ready.pid = readyChild.processId();
        silent.pid = silentChild.processId();
        hooks->started(ready);
        hooks->started(silent);
        QTRY_COMPARE_WITH_TIMEOUT(host.released, QList<quint64>{15}, 20'000);
        QTRY_VERIFY_WITH_TIMEOUT(
                logOf(host).contains(QStringLiteral("worker 1 (pid %1) closed its descriptor 5 "
                                                    "without writing a newline: it is not ready")
                                             .arg(silent.pid)),
                20'000);
        QCOMPARE(host.released, QList<quint64>{15});
        QTRY_COMPARE_WITH_TIMEOUT(readyChild.state(), QProcess::NotRunning, 20'000);
        QTRY_COMPARE_WITH_TIMEOUT(silentChild.state(), QProcess::NotRunning, 20'000);
        hooks->finished(ready, 0, QProcess::NormalExit);
        hooks->finished(silent, 0, QProcess::NormalExit);
    }

    // WATCHDOG=1 keeps a worker alive; silence longer than the interval kills it.
    void watchdog()
    {
        qrstest::FakeHost host;
        qrs::SupervisorExtension *hooks =
                start(&host, {{QStringLiteral("watchdog"), QStringLiteral("300")}});
        QVERIFY(hooks);
        qrs::WorkerInfo worker;
        worker.id = 17;
        worker.pid = 4242;
        QProcess child;
        QString error;
        QVERIFY(hooks->beforeStart(worker, &child, &error));
        QCOMPARE(child.processEnvironment().value(QStringLiteral("WATCHDOG_USEC")),
                 QStringLiteral("300000"));
        QCOMPARE(host.pidVariables,
                 (QList<QPair<quint64, QString>>{{17, QStringLiteral("WATCHDOG_PID")}}));
        const int fd = connectTo(child.processEnvironment().value(QStringLiteral("NOTIFY_SOCKET")));
        QVERIFY(fd >= 0);
        hooks->started(worker); // taken mode: watched from its start, as systemd does

        QTimer ping;
        int pings = 0;
        connect(&ping, &QTimer::timeout, this, [&] {
            ++pings;
            send(fd, "WATCHDOG=1");
        });
        ping.start(50);
        QTRY_VERIFY_WITH_TIMEOUT(pings >= 16, 20'000); // 800 ms and more of pings
        QVERIFY2(host.killed.isEmpty(), qPrintable(host.killed.value(0).second));
        ping.stop();
        QTRY_COMPARE_WITH_TIMEOUT(host.killed.size(), 1, 20'000);
        QCOMPARE(host.killed.at(0).second,
                 QStringLiteral("its watchdog ran out: no WATCHDOG=1 for 300 ms"));
        ::close(fd);
        hooks->finished(worker, 0, QProcess::NormalExit);
    }
};

QRS_TEST_MAIN(tst_NotifyPlugin)
#include "tst_notifyplugin.moc"
