// SPDX-FileCopyrightText: 2026 QtResourceSharer contributors
//
// SPDX-License-Identifier: BSD-3-Clause

// qrs::Supervisor as a Qt program embeds it: shell workers, an in-process
// extension that holds readiness until told, the plugins loaded by file, and
// every signal a user connects to.
#include "testutil.h"

#include <qrs/resourcesharer.h>
#include <qrs/supervisor.h>

#include <QJsonObject>
#include <QSignalSpy>
#include <QTemporaryDir>

#include <csignal>

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
    }
};

QTEST_GUILESS_MAIN(tst_Supervisor)
#include "tst_supervisor.moc"
