// SPDX-FileCopyrightText: 2026 QtResourceSharer contributors
//
// SPDX-License-Identifier: BSD-3-Clause

// qrs::Supervisor as a Qt program embeds it: shell workers, an in-process
// extension that holds readiness until told, the plugins loaded by file, and
// every signal a user connects to.
#include "testutil.h"

#include <qrs/processcontrol.h>
#include <qrs/resourcesharer.h>
#include <qrs/servicenotifier.h>
#include <qrs/supervisor.h>
#include <qrs/supervisorstatus.h>

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocalSocket>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTimer>

#include <csignal>
#include <fcntl.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

namespace {

// Holds each worker's readiness until release() is called for it.
class HoldingExtension : public qrs::SupervisorExtension
{
public:
    bool initialize(qrs::SupervisorHost *host, QString *) override
    {
        this->host = host;
        return true;
    }
    bool beforeStart(const qrs::WorkerInfo &worker, QProcess *, QString *) override
    {
        host->holdReadiness(worker.id, QStringLiteral("held by the test"));
        return true;
    }
    void started(const qrs::WorkerInfo &worker) override { startedIds.append(worker.id); }
    void finished(const qrs::WorkerInfo &worker, int, QProcess::ExitStatus) override
    {
        finishedIds.append(worker.id);
    }
    void release(quint64 id) { host->releaseReadiness(id, QStringLiteral("held by the test")); }

    qrs::SupervisorHost *host = nullptr;
    QList<quint64> startedIds;
    QList<quint64> finishedIds;
};

// A supervisor of n shell workers that sleep, each held unready by extension
// until released; started.
struct Held
{
    explicit Held(int n)
    {
        supervisor.setProgram(QStringLiteral("/bin/sh"),
                              {QStringLiteral("-c"), QStringLiteral("exec sleep 1000")});
        supervisor.setWorkerCount(n);
        supervisor.setGracePeriod(2000);
        QString error;
        ok = supervisor.addExtension(&extension, QStringLiteral("holding"), &error);
    }
    ~Held()
    {
        QSignalSpy finished(&supervisor, &qrs::Supervisor::finished);
        supervisor.shutdown();
        finished.wait(10'000);
    }
    // Releases every started worker not released yet.
    void releaseAll()
    {
        for (quint64 id : std::as_const(extension.startedIds)) {
            if (!released.contains(id)) {
                released.append(id);
                extension.release(id);
            }
        }
    }

    qrs::Supervisor supervisor;
    HoldingExtension extension;
    QList<quint64> released;
    bool ok = false;
};

// One command through the process's own sharer, as qrs-supervise --status
// PID sends it: from a thread of its own (the handler runs in this one).
QJsonObject throughTheSharer(const QJsonObject &command, QString *error = nullptr)
{
    qrs::ProcessControl control;
    QSignalSpy finished(&control, &qrs::ProcessControl::finished);
    if (!control.post(QString::number(QCoreApplication::applicationPid()), command, 20'000)
        || !finished.wait(30'000))
        return {};
    if (error)
        *error = finished.first().at(2).toString();
    return finished.first().at(1).toJsonObject();
}

// A Command frame as a client sends it (docs/protocol.md), built by hand:
// this suite sees only the public API.
QByteArray commandFrame(quint32 pid, const QByteArray &json)
{
    QByteArray frame("QR\x02\x0e", 4);
    for (quint32 v : {quint32(4 + json.size()), pid})
        for (int shift = 24; shift >= 0; shift -= 8)
            frame.append(char((v >> shift) & 0xff));
    return frame + json;
}

} // namespace

class tst_Supervisor : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void workersStartGetReadyAndAreReplacedOneByOne()
    {
        qrs::Supervisor supervisor;
        supervisor.setProgram(QStringLiteral("/bin/sh"),
                              {QStringLiteral("-c"), QStringLiteral("exec sleep 1000")});
        supervisor.setWorkerCount(2);
        supervisor.setGracePeriod(2000);
        HoldingExtension extension;
        QString error;
        QVERIFY2(supervisor.addExtension(&extension, QStringLiteral("holding"), &error),
                 qPrintable(error));
        QCOMPARE(supervisor.extensionNames(), QStringList{QStringLiteral("holding")});
        QSignalSpy started(&supervisor, &qrs::Supervisor::workerStarted);
        QSignalSpy ready(&supervisor, &qrs::Supervisor::workerReady);
        QSignalSpy readiness(&supervisor, &qrs::Supervisor::readinessChanged);
        QSignalSpy exited(&supervisor, &qrs::Supervisor::workerExited);
        QSignalSpy rolled(&supervisor, &qrs::Supervisor::rollingRestartFinished);
        QSignalSpy finished(&supervisor, &qrs::Supervisor::finished);

        supervisor.start();
        QTRY_COMPARE(started.size(), 2);
        QCOMPARE(supervisor.readyCount(), 0); // held
        QCOMPARE(supervisor.workers().size(), 2);
        for (const qrs::WorkerInfo &w : supervisor.workers())
            QVERIFY(w.pid > 0);
        extension.release(extension.startedIds.at(0));
        extension.release(extension.startedIds.at(1));
        QTRY_COMPARE(ready.size(), 2);
        QCOMPARE(supervisor.readyCount(), 2);
        QCOMPARE(readiness.last(), (QList<QVariant>{2, 2}));

        // A rolling restart: each replacement, once ready, replaces its predecessor.
        supervisor.rollingRestart();
        QVERIFY(supervisor.isRolling());
        QTRY_COMPARE(started.size(), 3);
        QCOMPARE(exited.size(), 0); // not before the replacement is ready
        extension.release(extension.startedIds.at(2));
        QTRY_COMPARE(exited.size(), 1);
        QTRY_COMPARE(started.size(), 4);
        extension.release(extension.startedIds.at(3));
        QTRY_COMPARE(rolled.size(), 1);
        QCOMPARE(rolled.first(), (QList<QVariant>{2, 2}));
        QTRY_COMPARE(exited.size(), 2);
        QCOMPARE(exited.at(0).at(2).value<QProcess::ExitStatus>(), QProcess::CrashExit); // SIGTERM
        QCOMPARE(supervisor.readyCount(), 2);

        supervisor.shutdown();
        QVERIFY(supervisor.isStopping());
        QTRY_COMPARE(finished.size(), 1);
        QCOMPARE(exited.size(), 4);
        QCOMPARE(extension.finishedIds.size(), 4);
    }

    void aCrashedWorkerIsRestartedWithBackoff()
    {
        qrs::Supervisor supervisor;
        supervisor.setProgram(QStringLiteral("/bin/sh"),
                              {QStringLiteral("-c"), QStringLiteral("exit 3")});
        QSignalSpy exited(&supervisor, &qrs::Supervisor::workerExited);
        QSignalSpy scheduled(&supervisor, &qrs::Supervisor::workerRestartScheduled);
        QSignalSpy lines(&supervisor, &qrs::Supervisor::message);
        supervisor.start();
        QTRY_COMPARE_WITH_TIMEOUT(scheduled.size(), 3, 10'000);
        QCOMPARE(scheduled.at(0), (QList<QVariant>{0, 100}));
        QCOMPARE(scheduled.at(1), (QList<QVariant>{0, 200}));
        QCOMPARE(scheduled.at(2), (QList<QVariant>{0, 400}));
        QCOMPARE(exited.at(0).at(1).toInt(), 3);
        QCOMPARE(exited.at(0).at(2).value<QProcess::ExitStatus>(), QProcess::NormalExit);
        bool said = false;
        for (const QList<QVariant> &line : std::as_const(lines))
            said = said
                    || line.at(0).toString().contains(QLatin1String("exited with code 3; "
                                                                    "restarting it in 100 ms"));
        QVERIFY(said);
        QSignalSpy finished(&supervisor, &qrs::Supervisor::finished);
        supervisor.shutdown();
        QTRY_COMPARE(finished.size(), 1);
    }

    // What it is doing is published for qrs-inspect and the panel.
    void publishesItsWorkers()
    {
        qrs::Supervisor supervisor;
        supervisor.setProgram(QStringLiteral("/bin/sh"),
                              {QStringLiteral("-c"), QStringLiteral("exec sleep 1000")});
        supervisor.setStatusField(QStringLiteral("note"), QStringLiteral("embedded"));
        QSignalSpy ready(&supervisor, &qrs::Supervisor::workerReady);
        supervisor.start();
        QTRY_COMPARE(ready.size(), 1); // no extension holds it
        QTRY_VERIFY(qrs::ResourceSharer::instance()
                            ->processStatus()
                            .value(QLatin1String("supervisor"))[QLatin1String("ready")]
                            .toInt()
                    == 1);
        const QJsonObject status = qrs::ResourceSharer::instance()->processStatus();
        QCOMPARE(status.value(QLatin1String("supervisor"))[QLatin1String("note")].toString(),
                 QStringLiteral("embedded"));
        QCOMPARE(status.value(QLatin1String("workers"))[0][QLatin1String("pid")].toInteger(),
                 supervisor.workers().at(0).pid);
        // The same, typed, and its JSON form unchanged by a round trip.
        const qrs::SupervisorStatus typed = qrs::SupervisorStatus::fromJson(status);
        QVERIFY(typed.isValid());
        QCOMPARE(typed.pid, QCoreApplication::applicationPid());
        QCOMPARE(typed.workers, 1);
        QCOMPARE(typed.maxWorkers, qrs::Supervisor::MaxWorkers); // what the panel offers up to
        QVERIFY(!typed.extra.contains(QLatin1String("maxWorkers")));
        QCOMPARE(typed.ready, 1);
        QCOMPARE(typed.surge, QStringLiteral("1"));
        QCOMPARE(typed.workerList.size(), 1);
        QCOMPARE(typed.workerList.at(0).pid, supervisor.workers().at(0).pid);
        QVERIFY(typed.workerList.at(0).ready);
        QVERIFY(typed.workerList.at(0).readySince >= typed.workerList.at(0).started);
        QCOMPARE(typed.extra.value(QLatin1String("note")).toString(), QStringLiteral("embedded"));
        QCOMPARE(qrs::SupervisorStatus::fromJson(typed.toJson()).toJson(), typed.toJson());
        QCOMPARE(typed.toJson(), status);
        QVERIFY(!qrs::SupervisorStatus::fromJson({{QStringLiteral("other"), 1}}).isValid());
        QSignalSpy finished(&supervisor, &qrs::Supervisor::finished);
        supervisor.shutdown();
        QTRY_COMPARE(finished.size(), 1);
    }

    void loadsPluginsByFileAndKnowsWhatTheyProvide()
    {
        qrs::Supervisor supervisor;
        supervisor.setExtensionSetting(QStringLiteral("ready"), QStringLiteral("notify"));
        QString error;
        QVERIFY2(supervisor.loadExtension(QStringLiteral(QRS_NOTIFY_PLUGIN_FILE), &error),
                 qPrintable(error));
        QVERIFY2(supervisor.loadExtension(QStringLiteral(QRS_PLUGIN_FILE), &error),
                 qPrintable(error));
        QCOMPARE(supervisor.extensionNames(),
                 (QStringList{QStringLiteral("notify"), QStringLiteral("resource-sharer")}));
        QVERIFY(supervisor.extensionProvides(QStringLiteral("notify")));
        QVERIFY(supervisor.extensionProvides(QStringLiteral("watchdog")));
        QVERIFY(!supervisor.extensionProvides(QStringLiteral("telepathy")));

        QCOMPARE(supervisor.error(), qrs::Error::NoError);
        QVERIFY(!supervisor.loadExtension(QStringLiteral("/nonexistent/libx.so"), &error));
        QCOMPARE(supervisor.error(), qrs::Error::NotFound);
        QCOMPARE(supervisor.errorString(), error);
        QVERIFY2(error.contains(QLatin1String("/nonexistent/libx.so")), qPrintable(error));
        QVERIFY(!supervisor.loadExtension(qrstest::helperPath(), &error));
        QCOMPARE(supervisor.error(), qrs::Error::WrongKind);
        // A plugin that refuses the settings is not added.
        qrs::Supervisor picky;
        picky.setExtensionSetting(QStringLiteral("ready"), QStringLiteral("whenever"));
        QVERIFY(!picky.loadExtension(QStringLiteral(QRS_NOTIFY_PLUGIN_FILE), &error));
        QCOMPARE(picky.error(), qrs::Error::Denied);
        // The plugin's own words come with it.
        QVERIFY2(error.contains(QLatin1String("ready=whenever")), qPrintable(error));
        QVERIFY(picky.extensionNames().isEmpty());
        QVERIFY(qrs::Supervisor::extensionDirectories().size() >= 1);

        // The same plugin twice: refused, the first one stays.
        QVERIFY(!supervisor.loadExtension(QStringLiteral(QRS_NOTIFY_PLUGIN_FILE), &error));
        QCOMPARE(supervisor.error(), qrs::Error::AlreadyTaken);
        QVERIFY2(error.contains(QLatin1String("a plugin named notify is")), qPrintable(error));
        QCOMPARE(supervisor.extensionNames().size(), 2);
    }

    // A copy of a plugin in a later plugin directory (a QT_PLUGIN_PATH left
    // pointing at another build) is skipped with a line, not loaded twice.
    void loadsEachPluginOnceFromTheFirstDirectory()
    {
        QTemporaryDir dir;
        QVERIFY(QDir(dir.path()).mkpath(QStringLiteral("qrs-supervisor")));
        const QString copy = dir.filePath(QStringLiteral("qrs-supervisor/libqrsnotify.so"));
        QVERIFY(QFile::copy(QStringLiteral(QRS_NOTIFY_PLUGIN_FILE), copy));
        QCoreApplication::addLibraryPath(dir.path()); // before the build's: searched first
        const QStringList directories = qrs::Supervisor::extensionDirectories();
        QCoreApplication::removeLibraryPath(dir.path());
        // The supervisor's own directory (next to the program) comes first;
        // here that is the build's plugin directory or none at all.
        QVERIFY(directories.contains(dir.filePath(QStringLiteral("qrs-supervisor"))));
        qrs::Supervisor supervisor;
        QSignalSpy said(&supervisor, &qrs::Supervisor::message);
        QCoreApplication::addLibraryPath(dir.path());
        QString error;
        const bool loaded = supervisor.loadDefaultExtensions(&error);
        QCoreApplication::removeLibraryPath(dir.path());
        QVERIFY2(loaded, qPrintable(error));
        QCOMPARE(supervisor.extensionNames().count(QStringLiteral("notify")), 1);
        QStringList lines;
        for (const QList<QVariant> &line : std::as_const(said))
            lines.append(line.at(0).toString());
        QVERIFY2(lines.filter(QStringLiteral("the plugin of that name was loaded from")).size()
                         == 1,
                 qPrintable(lines.join(u'\n')));
    }

    // The "ready" setting, parsed in one place for the host and the plugin.
    void readinessIsParsedInOnePlace_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<bool>("valid");
        QTest::addColumn<QString>("canonical");
        QTest::newRow("empty") << QString() << true << QStringLiteral("taken");
        QTest::newRow("taken") << QStringLiteral("taken") << true << QStringLiteral("taken");
        QTest::newRow("notify") << QStringLiteral("notify") << true << QStringLiteral("notify");
        QTest::newRow("fd:3") << QStringLiteral("fd:3") << true << QStringLiteral("fd:3");
        QTest::newRow("fd:1023") << QStringLiteral("fd:1023") << true << QStringLiteral("fd:1023");
        for (const char *bad :
             {"fd:2", "fd:1024", "fd:", "fd:x", "fd:03", "fd:-4", "later", "Notify"})
            QTest::newRow(bad) << QString::fromLatin1(bad) << false << QString();
    }
    void readinessIsParsedInOnePlace()
    {
        QFETCH(QString, text);
        QFETCH(bool, valid);
        QFETCH(QString, canonical);
        qrs::Readiness readiness;
        QString error;
        QCOMPARE(qrs::Readiness::parse(text, &readiness, &error), valid);
        if (!valid) {
            QVERIFY2(error.startsWith(QStringLiteral("ready=") + text + QLatin1Char(':')),
                     qPrintable(error));
            return;
        }
        QCOMPARE(readiness.toString(), canonical);
        qrs::Supervisor supervisor;
        supervisor.setReadiness(readiness);
        QCOMPARE(supervisor.extensionSetting(QStringLiteral("ready")), canonical);
        QCOMPARE(supervisor.readiness().toString(), canonical);
    }

    // Listeners and the service manager, as an embedding program opens them.
    void listenSpecsParseAsTheToolWritesThem_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("name"); // empty: invalid
        QTest::addColumn<int>("kind");
        QTest::addColumn<QString>("where"); // host:port or path
        const auto ok = [](const char *row, const char *text, const char *name,
                           qrs::ListenKind kind, const char *where) {
            QTest::newRow(row) << QString::fromLatin1(text) << QString::fromLatin1(name)
                               << int(kind) << QString::fromLatin1(where);
        };
        ok("tcp", "tcp:127.0.0.1:80", "listen3", qrs::ListenKind::Tcp, "127.0.0.1:80");
        ok("named tcp", "http=tcp:*:8080", "http", qrs::ListenKind::Tcp, "*:8080");
        ok("v6", "v6=tcp:[::1]:0", "v6", qrs::ListenKind::Tcp, "[::1]:0");
        ok("localhost", "tcp:localhost:1", "listen3", qrs::ListenKind::Tcp, "localhost:1");
        ok("unix", "ctl=unix:/run/x.sock", "ctl", qrs::ListenKind::Unix, "/run/x.sock");
        ok("inherit", "web=inherit", "web", qrs::ListenKind::Inherit, "");
        for (const char *bad : {"udp:1.2.3.4:5", "tcp:1.2.3.4", "tcp:1.2.3.4:65536",
                                "tcp:example.org:80", "a b=tcp:*:1", "unix:", "x=", ""})
            QTest::newRow(bad) << QString::fromLatin1(bad) << QString() << 0 << QString();
    }
    void listenSpecsParseAsTheToolWritesThem()
    {
        QFETCH(QString, text);
        QFETCH(QString, name);
        QFETCH(int, kind);
        QFETCH(QString, where);
        qrs::ListenSpec spec;
        QString error;
        QCOMPARE(qrs::ListenSpec::parse(text, 3, &spec, &error), !name.isEmpty());
        if (name.isEmpty()) {
            QVERIFY2(error.startsWith(QStringLiteral("--listen ") + text), qPrintable(error));
            return;
        }
        QCOMPARE(spec.name, name);
        QCOMPARE(int(spec.kind), kind);
        QCOMPARE(spec.kind == qrs::ListenKind::Unix ? spec.path
                         : spec.kind == qrs::ListenKind::Tcp
                         ? spec.host + QLatin1Char(':') + QString::number(spec.port)
                         : QString(),
                 where);
    }

    // listen() binds, replaces a stale socket file, refuses one a server
    // answers on, refuses inherit with nothing passed, and removes what it
    // bound when the supervisor goes.
    void listenBindsAndCleansUp()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("web.sock"));
        const QString stale = dir.filePath(QStringLiteral("stale.sock"));
        {
            // A socket file whose server is gone.
            const int fd = ::socket(AF_UNIX, SOCK_STREAM, 0);
            sockaddr_un addr = {};
            addr.sun_family = AF_UNIX;
            qstrncpy(addr.sun_path, QFile::encodeName(stale).constData(), sizeof(addr.sun_path));
            QCOMPARE(::bind(fd, reinterpret_cast<sockaddr *>(&addr), sizeof(addr)), 0);
            ::close(fd);
            QVERIFY(QFile::exists(stale));
        }
        qrs::ListenSpec web, old, tcp;
        QVERIFY(qrs::ListenSpec::parse(QStringLiteral("web=unix:") + path, 0, &web));
        QVERIFY(qrs::ListenSpec::parse(QStringLiteral("old=unix:") + stale, 1, &old));
        QVERIFY(qrs::ListenSpec::parse(QStringLiteral("tcp:127.0.0.1:0"), 2, &tcp));
        auto supervisor = std::make_unique<qrs::Supervisor>();
        QSignalSpy said(supervisor.get(), &qrs::Supervisor::message);
        QVERIFY2(supervisor->listen({web, old, tcp}), qPrintable(supervisor->errorString()));
        const QList<qrs::HostResource> listeners = supervisor->listeners();
        QCOMPARE(listeners.size(), 3);
        QCOMPARE(listeners.at(0).name, QStringLiteral("web"));
        QCOMPARE(listeners.at(0).description, QStringLiteral("unix:") + path);
        QCOMPARE(listeners.at(2).name, QStringLiteral("listen2"));
        QVERIFY2(listeners.at(2).description.startsWith(QStringLiteral("tcp:127.0.0.1:")),
                 qPrintable(listeners.at(2).description));
        QVERIFY(!listeners.at(2).description.endsWith(QStringLiteral(":0")));
        // Blocking, as systemd passes sockets.
        for (const qrs::HostResource &l : listeners)
            QCOMPARE(::fcntl(l.fd, F_GETFL) & O_NONBLOCK, 0);
        QCOMPARE(said.size(), 3);
        QCOMPARE(said.at(0).at(0).toString(),
                 QStringLiteral("listening on unix:%1 as web").arg(path));

        // A second supervisor: the path is in use by a running server now.
        {
            qrs::Supervisor other;
            QVERIFY(!other.listen({web}));
            QCOMPARE(other.error(), qrs::Error::SystemError);
            QCOMPARE(other.errorString(), path + QStringLiteral(" is in use by a running server"));
            qrs::ListenSpec inherit;
            QVERIFY(qrs::ListenSpec::parse(QStringLiteral("web=inherit"), 0, &inherit));
            QVERIFY(!other.listen({inherit}));
            QCOMPARE(other.error(), qrs::Error::InvalidArgument);
            QVERIFY2(other.errorString().contains(QStringLiteral("LISTEN_FDS is not set")),
                     qPrintable(other.errorString()));
            QVERIFY(!other.listen({tcp, tcp}));
            QCOMPARE(other.error(), qrs::Error::InvalidArgument);
            QVERIFY(other.listeners().isEmpty());
            QVERIFY(!other.listen({tcp}, qrs::Supervisor::KeepInServiceManager));
            QCOMPARE(other.error(), qrs::Error::SharerUnreachable);
        }
        QVERIFY(QFile::exists(path)); // the other one removed nothing of ours
        supervisor.reset();
        QVERIFY(!QFile::exists(path));
        QVERIFY(!QFile::exists(stale));
    }

    // setServiceManager(): READY=1 once every worker is ready, RELOADING=1 and
    // READY=1 around a rolling restart, STOPPING=1 on shutdown(), in order.
    void serviceManagerHearsHowItGoes()
    {
        QTemporaryDir dir;
        const QString address = dir.filePath(QStringLiteral("notify"));
        const int manager = ::socket(AF_UNIX, SOCK_DGRAM | SOCK_CLOEXEC, 0);
        sockaddr_un addr = {};
        addr.sun_family = AF_UNIX;
        qstrncpy(addr.sun_path, QFile::encodeName(address).constData(), sizeof(addr.sun_path));
        QCOMPARE(::bind(manager, reinterpret_cast<sockaddr *>(&addr), sizeof(addr)), 0);
        QStringList heard;
        const auto listen = [&](const char *what) {
            return QTest::qWaitFor(
                    [&] {
                        char buffer[4096];
                        ssize_t n;
                        while ((n = ::recv(manager, buffer, sizeof(buffer), MSG_DONTWAIT)) > 0)
                            heard.append(QString::fromUtf8(buffer, int(n)));
                        return heard.contains(QLatin1String(what));
                    },
                    20'000);
        };
        {
            Held held(2);
            QVERIFY(held.ok);
            held.supervisor.setServiceManager(qrs::ServiceNotifier(address));
            held.supervisor.start();
            QTRY_COMPARE_WITH_TIMEOUT(held.extension.startedIds.size(), 2, 10'000);
            QVERIFY(!heard.contains(QStringLiteral("READY=1")));
            held.releaseAll();
            QVERIFY2(listen("READY=1"), qPrintable(heard.join(u'|')));
            QVERIFY(heard.contains(QStringLiteral("STATUS=2 of 2 workers ready")));
            heard.clear();
            held.supervisor.rollingRestart();
            QTRY_COMPARE_WITH_TIMEOUT(held.extension.startedIds.size(), 3, 10'000);
            held.releaseAll();
            QTRY_COMPARE_WITH_TIMEOUT(held.extension.startedIds.size(), 4, 10'000);
            held.releaseAll();
            QVERIFY2(listen("READY=1"), qPrintable(heard.join(u'|')));
            QVERIFY2(heard.constFirst().startsWith(QStringLiteral("RELOADING=1\nMONOTONIC_USEC=")),
                     qPrintable(heard.join(u'|')));
            heard.clear();
        }
        QVERIFY2(listen("STOPPING=1"), qPrintable(heard.join(u'|')));
        ::close(manager);
    }

    // Surge, live resizing, one worker, the control channel.
    // --surge 2 of 4: two replacements start at once, each old worker stops
    // only once its own replacement is ready, and never fewer are ready.
    void surgeReplacesSeveralAtOnceNeverWithFewerReady()
    {
        Held held(4);
        QVERIFY(held.ok);
        held.supervisor.setSurgePercent(50);
        QCOMPARE(held.supervisor.surge(), 2);
        QSignalSpy started(&held.supervisor, &qrs::Supervisor::workerStarted);
        QSignalSpy exited(&held.supervisor, &qrs::Supervisor::workerExited);
        QSignalSpy rolled(&held.supervisor, &qrs::Supervisor::rollingRestartFinished);
        QSignalSpy replaced(&held.supervisor, &qrs::Supervisor::workerReplaced);
        held.supervisor.start();
        QTRY_COMPARE(started.size(), 4);
        held.releaseAll();
        QTRY_COMPARE(held.supervisor.readyCount(), 4);
        int fewest = 4;
        connect(&held.supervisor, &qrs::Supervisor::readinessChanged, this,
                [&fewest](int ready) { fewest = qMin(fewest, ready); });

        held.supervisor.rollingRestart();
        QTRY_COMPARE(started.size(), 6);
        QCOMPARE(held.extension.startedIds.size(), 6); // two at once, no more
        QCOMPARE(exited.size(), 0);                    // none before its replacement is ready
        held.extension.release(held.extension.startedIds.at(4));
        held.released.append(held.extension.startedIds.at(4));
        QTRY_COMPARE(exited.size(), 1);  // the one it replaced, only
        QTRY_COMPARE(started.size(), 7); // and the third replacement
        QCOMPARE(replaced.size(), 1);
        QCOMPARE(replaced.first().at(1).toBool(), true);
        const QDeadlineTimer until(20'000);
        while (rolled.isEmpty() && !until.hasExpired()) {
            held.releaseAll();
            rolled.wait(100);
        }
        QCOMPARE(rolled.size(), 1);
        QCOMPARE(rolled.first(), (QList<QVariant>{4, 4}));
        QCOMPARE(started.size(), 8);
        QTRY_COMPARE(exited.size(), 4);
        QCOMPARE(held.supervisor.readyCount(), 4);
        QCOMPARE(fewest, 4);
    }

    // setWorkerCount() after start(): new slots at once; the newest go, gracefully.
    void resizesLive()
    {
        Held held(2);
        QVERIFY(held.ok);
        QSignalSpy started(&held.supervisor, &qrs::Supervisor::workerStarted);
        QSignalSpy exited(&held.supervisor, &qrs::Supervisor::workerExited);
        QSignalSpy counted(&held.supervisor, &qrs::Supervisor::workerCountChanged);
        QSignalSpy scheduled(&held.supervisor, &qrs::Supervisor::workerRestartScheduled);
        held.supervisor.start();
        QTRY_COMPARE(started.size(), 2);
        held.releaseAll();
        held.supervisor.setWorkerCount(4);
        QCOMPARE(counted.size(), 1);
        QTRY_COMPARE(started.size(), 4);
        // Both new slots (their processes may start in either order).
        QCOMPARE(started.at(2).at(0).value<qrs::WorkerInfo>().slot
                         + started.at(3).at(0).value<qrs::WorkerInfo>().slot,
                 2 + 3);
        QVERIFY(started.at(2).at(0).value<qrs::WorkerInfo>().slot >= 2);
        QVERIFY(started.at(3).at(0).value<qrs::WorkerInfo>().slot >= 2);
        held.releaseAll();
        QTRY_COMPARE(held.supervisor.readyCount(), 4);

        held.supervisor.setWorkerCount(3);
        QTRY_COMPARE(exited.size(), 1);
        const auto gone = exited.first().at(0).value<qrs::WorkerInfo>();
        QCOMPARE(gone.slot, 3); // the newest
        QCOMPARE(exited.first().at(2).value<QProcess::ExitStatus>(), QProcess::CrashExit);
        QCOMPARE(exited.first().at(1).toInt(), SIGTERM); // gracefully
        QCOMPARE(held.supervisor.readyCount(), 3);
        QCOMPARE(held.supervisor.workers().size(), 3);
        QCOMPARE(scheduled.size(), 0); // not restarted
        QCOMPARE(held.supervisor.workerCount(), 3);
    }

    // restartWorker(): one slot, as a rolling restart of one.
    void restartsOneWorker()
    {
        Held held(3);
        QVERIFY(held.ok);
        QSignalSpy started(&held.supervisor, &qrs::Supervisor::workerStarted);
        QSignalSpy exited(&held.supervisor, &qrs::Supervisor::workerExited);
        QSignalSpy replaced(&held.supervisor, &qrs::Supervisor::workerReplaced);
        held.supervisor.start();
        QTRY_COMPARE(started.size(), 3);
        held.releaseAll();
        QTRY_COMPARE(held.supervisor.readyCount(), 3);
        QVERIFY(!held.supervisor.restartWorker(7));
        QVERIFY(held.supervisor.restartWorker(1));
        QVERIFY(!held.supervisor.restartWorker(2)); // one at a time
        QTRY_COMPARE(started.size(), 4);
        QCOMPARE(started.last().at(0).value<qrs::WorkerInfo>().slot, 1);
        held.releaseAll();
        QTRY_COMPARE(replaced.size(), 1);
        QCOMPARE(replaced.first(), (QList<QVariant>{1, true, QString()}));
        QTRY_COMPARE(exited.size(), 1);
        QCOMPARE(exited.first().at(0).value<qrs::WorkerInfo>().slot, 1);
    }

    // The control channel, through the sharer as a client sends it: each
    // command answers when its work is over, or is refused with the reason.
    void controlCommandsAnswerWhenDone()
    {
        Held held(2);
        QVERIFY(held.ok);
        QSignalSpy started(&held.supervisor, &qrs::Supervisor::workerStarted);
        held.supervisor.start();
        QTRY_COMPARE(started.size(), 2);
        held.releaseAll();
        QTRY_COMPARE(held.supervisor.readyCount(), 2);
        // Releases whatever starts, as the workers' readiness would come.
        connect(&held.supervisor, &qrs::Supervisor::workerStarted, this, [&held] {
            QTimer::singleShot(50, &held.supervisor, [&held] { held.releaseAll(); });
        });

        QJsonObject reply =
                throughTheSharer({{QStringLiteral("command"), QStringLiteral("status")}});
        QVERIFY2(reply.value(QLatin1String("ok")).toBool(), QJsonDocument(reply).toJson());
        const QJsonObject status = reply.value(QLatin1String("status")).toObject();
        QCOMPARE(status[QLatin1String("supervisor")][QLatin1String("ready")].toInt(), 2);
        QCOMPARE(status[QLatin1String("workers")].toArray().size(), 2);
        QVERIFY(status[QLatin1String("workers")][0][QLatin1String("readySince")].toInteger() > 0);

        reply = throughTheSharer({{QStringLiteral("command"), QStringLiteral("scale")},
                                  {QStringLiteral("workers"), 3}});
        QVERIFY2(reply.value(QLatin1String("ok")).toBool(), QJsonDocument(reply).toJson());
        QCOMPARE(reply.value(QLatin1String("ready")).toInt(), 3);
        QCOMPARE(held.supervisor.readyCount(), 3); // it answered once they were

        reply = throughTheSharer({{QStringLiteral("command"), QStringLiteral("restart")}});
        QVERIFY2(reply.value(QLatin1String("ok")).toBool(), QJsonDocument(reply).toJson());
        QCOMPARE(reply.value(QLatin1String("replaced")).toInt(), 3);
        QVERIFY(!held.supervisor.isRolling());

        reply = throughTheSharer({{QStringLiteral("command"), QStringLiteral("restart-worker")},
                                  {QStringLiteral("slot"), 2}});
        QVERIFY2(reply.value(QLatin1String("ok")).toBool(), QJsonDocument(reply).toJson());

        // Refused, with the reason: bad values, unknown commands, a busy supervisor.
        const QList<QJsonObject> bad = {
                {{QStringLiteral("command"), QStringLiteral("scale")},
                 {QStringLiteral("workers"), 0}},
                {{QStringLiteral("command"), QStringLiteral("scale")},
                 {QStringLiteral("workers"), QStringLiteral("many")}},
                {{QStringLiteral("command"), QStringLiteral("restart-worker")},
                 {QStringLiteral("slot"), 3}},
                {{QStringLiteral("command"), QStringLiteral("self-destruct")}},
                {{QStringLiteral("verb"), QStringLiteral("status")}}};
        for (const QJsonObject &command : bad) {
            reply = throughTheSharer(command);
            QVERIFY2(!reply.value(QLatin1String("ok")).toBool(), QJsonDocument(command).toJson());
            QVERIFY(reply.value(QLatin1String("refused")).toBool());
            QVERIFY(!reply.value(QLatin1String("reason")).toString().isEmpty());
        }
        disconnect(&held.supervisor, &qrs::Supervisor::workerStarted, this, nullptr);
        held.supervisor.rollingRestart(); // held: it stays under way
        reply = throughTheSharer({{QStringLiteral("command"), QStringLiteral("scale")},
                                  {QStringLiteral("workers"), 1}});
        QCOMPARE(reply.value(QLatin1String("reason")).toString(),
                 QStringLiteral("a rolling restart is under way"));
        QCOMPARE(held.supervisor.workerCount(), 3);
        // A stop ends what runs, and answers once every worker has stopped.
        QJsonObject stopped;
        held.supervisor.runCommand({{QStringLiteral("command"), QStringLiteral("stop")}},
                                   [&stopped](const QJsonObject &r) { stopped = r; });
        QTRY_VERIFY(!stopped.isEmpty());
        QVERIFY(stopped.value(QLatin1String("ok")).toBool());
        QVERIFY(held.supervisor.workers().isEmpty());
    }

    // What a client must not do: garbage, a command too large, silence, a
    // flood, another uid. Each is refused or dropped, and the supervisor
    // answers on.
    void controlChannelSurvivesBadClients()
    {
        Held held(1);
        QVERIFY(held.ok);
        QSignalSpy started(&held.supervisor, &qrs::Supervisor::workerStarted);
        held.supervisor.start();
        QTRY_COMPARE(started.size(), 1);
        qrs::ResourceSharer *sharer = qrs::ResourceSharer::instance();
        const QString address = sharer->address();
        QVERIFY(!address.isEmpty());
        const auto exchange = [&address](const QByteArray &bytes, int waitMs) {
            QLocalSocket socket;
            socket.connectToServer(address);
            if (!socket.waitForConnected(5000))
                return QByteArray("not connected");
            socket.write(bytes);
            socket.waitForBytesWritten(5000);
            QByteArray answer;
            while (socket.state() == QLocalSocket::ConnectedState
                   && socket.waitForReadyRead(waitMs))
                answer += socket.readAll();
            return answer + socket.readAll();
        };
        // Garbage: refused at its first bad byte, and closed.
        QByteArray answer = exchange("GET / HTTP/1.0\r\n\r\n", 5000);
        QVERIFY2(answer.startsWith("QR"), answer.constData()); // a Refusal frame
        QCOMPARE(quint8(answer.at(3)), quint8(5));
        // A command over 4 KiB: refused as too large.
        QByteArray big =
                QJsonDocument(QJsonObject{{QStringLiteral("command"), QStringLiteral("status")},
                                          {QStringLiteral("pad"), QString(5000, QLatin1Char('x'))}})
                        .toJson(QJsonDocument::Compact);
        answer = exchange(commandFrame(quint32(QCoreApplication::applicationPid()), big), 5000);
        QVERIFY2(answer.size() > 8 && quint8(answer.at(3)) == 5, answer.toHex().constData());
        QVERIFY2(answer.contains("at most 4096"), answer.constData());
        // Silence: dropped after the connection timeout.
        sharer->setConnectionTimeout(300);
        QElapsedTimer silent;
        silent.start();
        answer = exchange({}, 3000);
        QVERIFY2(silent.elapsed() < 3000, "a silent client was not dropped");
        QCOMPARE(quint8(answer.at(3)), quint8(5)); // refused: timeout
        sharer->setConnectionTimeout(10'000);
        // A flood: 100 status commands at once, every one answered.
        std::vector<std::unique_ptr<qrs::ProcessControl>> flood;
        QSignalSpy *spies[100];
        for (int i = 0; i < 100; ++i) {
            flood.push_back(std::make_unique<qrs::ProcessControl>());
            spies[i] = new QSignalSpy(flood.back().get(), &qrs::ProcessControl::finished);
            flood.back()->post(address, {{QStringLiteral("command"), QStringLiteral("status")}},
                               20'000);
        }
        for (QSignalSpy *spy : spies) {
            QTRY_COMPARE_WITH_TIMEOUT(spy->size(), 1, 30'000);
            QVERIFY(spy->first().at(1).toJsonObject().value(QLatin1String("ok")).toBool());
            delete spy;
        }
#ifndef Q_OS_WIN
        // Another uid cannot reach the channel at all (the sharer's directory is 0700).
        if (::geteuid() == 0) {
            const QByteArray denied = qrstest::runForkedAs(65534, [&address] {
                sockaddr_un sa{};
                sa.sun_family = AF_UNIX;
                const QByteArray path = address.toLocal8Bit();
                std::memcpy(sa.sun_path, path.constData(), size_t(path.size()));
                const int fd = ::socket(AF_UNIX, SOCK_STREAM, 0);
                const int rc = ::connect(fd, reinterpret_cast<sockaddr *>(&sa), sizeof(sa));
                const int error = errno;
                ::close(fd);
                return rc == 0 ? QByteArray("connected") : QByteArray(::strerror(error));
            });
            QCOMPARE(denied, QByteArray("Permission denied"));

            // A user that a resource's rule names reaches the door, and may take
            // that resource, but not steer the process: its command is refused.
            int p[2];
            QVERIFY(::pipe(p) == 0);
            ::close(p[1]);
            qrs::RegisterOptions options(QStringLiteral("for-nobody"), 0);
            options.allowedUids = {65534};
            const qrs::ResourceId id = sharer->registerResource(p[0], options);
            QVERIFY(id.isValid());
            const QByteArray door = id.address().toLocal8Bit();
            QVERIFY(door != address.toLocal8Bit());
            const QByteArray refused = qrstest::runForkedAs(65534, [&door] {
                sockaddr_un sa{};
                sa.sun_family = AF_UNIX;
                std::memcpy(sa.sun_path, door.constData(), size_t(door.size()));
                const int fd = ::socket(AF_UNIX, SOCK_STREAM, 0);
                if (::connect(fd, reinterpret_cast<sockaddr *>(&sa), sizeof(sa)) != 0)
                    return QByteArray("cannot connect: ") + ::strerror(errno);
                const QByteArray frame =
                        commandFrame(quint32(::getpid()), "{\"command\":\"stop\"}");
                if (::write(fd, frame.constData(), size_t(frame.size())) != frame.size())
                    return QByteArray("cannot write");
                QByteArray answer;
                char buf[512];
                ssize_t n;
                while ((n = ::read(fd, buf, sizeof(buf))) > 0)
                    answer.append(buf, int(n));
                ::close(fd);
                return answer;
            });
            QVERIFY2(refused.size() > 8 && quint8(refused.at(3)) == 5, refused.constData());
            QVERIFY2(refused.contains("or root may send commands to this process, not uid 65534"),
                     refused.constData());
            QVERIFY(!held.supervisor.isStopping());
            QCOMPARE(sharer->revoke(id), true);
        } else {
            qInfo("SKIP (part): another uid needs root");
        }
#endif
        // And it answers on.
        const QJsonObject reply =
                throughTheSharer({{QStringLiteral("command"), QStringLiteral("status")}});
        QVERIFY(reply.value(QLatin1String("ok")).toBool());
    }
};

QRS_TEST_MAIN(tst_Supervisor)
#include "tst_supervisor.moc"
