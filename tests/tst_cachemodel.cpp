// SPDX-FileCopyrightText: 2026 QtResourceSharer contributors
//
// SPDX-License-Identifier: BSD-3-Clause

// qrs::CacheModel following this process's sharer and another process's, the
// inspection protocol (list, watch, revoke) across processes and users, finding a
// sharer by pid, and qrs-inspect's JSON.
#include "inspect/inspectclient_p.h"
#include "testutil.h"

#include <qrs/cachemodel.h>
#include <qrs/dupfd.h>
#include <qrs/resourcesharer.h>

#include <QAbstractItemModelTester>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QTest>

#include <thread>

using qrs::CacheModel;
using qrs::ResourceId;
using qrs::ResourceSharer;

namespace {

ResourceId registerPipe(const QString &name, qint64 ttlMs = 0)
{
    qrstest::Pipe pipe;
    return ResourceSharer::instance()->registerResource(pipe.takeRead(), {name, ttlMs});
}

int rowOf(const QAbstractItemModel &model, const QString &name)
{
    for (int row = 0; row < model.rowCount(); ++row) {
        if (model.index(row, 0).data(CacheModel::NameRole).toString() == name)
            return row;
    }
    return -1;
}

QString stateOf(const QAbstractItemModel &model, const QString &name)
{
    const int row = rowOf(model, name);
    return row < 0 ? QStringLiteral("(no row)")
                   : model.index(row, 0).data(CacheModel::StateRole).toString();
}

} // namespace

class tst_CacheModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init()
    {
        // Each test starts from an empty cache.
        QVERIFY(ResourceSharer::instance()->stop(5000));
    }

    void followsTheLocalSharerAcrossThreads()
    {
        CacheModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setKeepFinishedFor(300);
        QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
        QSignalSpy logged(&model, &CacheModel::transferLogged);
        const quint64 registeredBefore = model.registeredCount();
        const quint64 takenBefore = model.takenCount();

        // Registered, taken, expired and revoked from another thread, while the
        // model follows in this one.
        std::thread worker([] {
            const ResourceId toTake = registerPipe(QStringLiteral("take-me"));
            registerPipe(QStringLiteral("expire-me"), 50);
            const ResourceId toRevoke = registerPipe(QStringLiteral("revoke-me"));
            registerPipe(QStringLiteral("keep-me"));
            QString error;
            const qrs::NativeHandle fd = qrs::DupFd::detach(toTake, 5000, &error);
            if (fd >= 0)
                qrstest::closeHandle(fd);
            ResourceSharer::instance()->revoke(toRevoke);
        });
        worker.join();

        QTRY_COMPARE(stateOf(model, QStringLiteral("take-me")), QStringLiteral("taken"));
        QTRY_COMPARE(stateOf(model, QStringLiteral("expire-me")), QStringLiteral("expired"));
        QTRY_COMPARE(stateOf(model, QStringLiteral("revoke-me")), QStringLiteral("revoked"));
        QCOMPARE(stateOf(model, QStringLiteral("keep-me")), QStringLiteral("available"));
        QCOMPARE(model.registeredCount(), registeredBefore + 4);
        QCOMPARE(model.takenCount(), takenBefore + 1);
        QVERIFY(model.expiredCount() >= 1);
        QVERIFY(model.revokedCount() >= 1);
        QCOMPARE(model.cachedCount(), 1);

        const QModelIndex taken = model.index(rowOf(model, QStringLiteral("take-me")), 0);
        QCOMPARE(taken.data(CacheModel::TakenByPidRole).toLongLong(),
                 QCoreApplication::applicationPid());
        QCOMPARE(taken.data(CacheModel::RegisteringPidRole).toLongLong(),
                 QCoreApplication::applicationPid());
        QCOMPARE(taken.data(CacheModel::KeyRole).toString().size(), 8);
        QCOMPARE(taken.data(CacheModel::KindRole).toString(), QStringLiteral("pipe"));
        QVERIFY(taken.data(CacheModel::FinishedRole).toBool());
        const QModelIndex keep = model.index(rowOf(model, QStringLiteral("keep-me")), 0);
        QCOMPARE(keep.data(CacheModel::TtlLeftRole).toLongLong(), -1);
        QVERIFY(keep.data(CacheModel::AgeRole).toLongLong() >= 0);
        QVERIFY(keep.data(CacheModel::RegisteredAtRole).toDateTime().isValid());
        QCOMPARE(keep.data(CacheModel::StateTextRole).toString(), QStringLiteral("available"));

        // The transfer was logged as started, then taken, with the receiver's pid.
        QStringList outcomes;
        for (const QList<QVariant> &args : std::as_const(logged)) {
            if (args.at(0).toString() == QLatin1String("take-me"))
                outcomes << args.at(2).toString();
        }
        QCOMPARE(outcomes, (QStringList{QStringLiteral("started"), QStringLiteral("taken")}));

        // Finished rows go after keepFinishedFor; the cached one stays.
        QTRY_COMPARE(model.rowCount(), 1);
        QCOMPARE(stateOf(model, QStringLiteral("keep-me")), QStringLiteral("available"));
        QCOMPARE(resets.count(), 0); // only inserts, changes and removals
    }

    void aBrokenTransferShowsItsReceiverThenComesBack()
    {
        CacheModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy logged(&model, &CacheModel::transferLogged);
        const quint64 failedBefore = model.failedCount();
        const ResourceId id = registerPipe(QStringLiteral("held"));

        // Another process receives it and never acknowledges: in transfer, to it.
        QProcess holder;
        holder.start(qrstest::helperPath(), {QStringLiteral("hold"), id.toString()});
        QVERIFY(holder.waitForStarted(10'000));
        QDeadlineTimer deadline(20'000);
        while (!holder.canReadLine() && !deadline.hasExpired())
            holder.waitForReadyRead(int(deadline.remainingTime()));
        QCOMPARE(holder.readLine().trimmed(), QByteArray("received"));
        QTRY_COMPARE(stateOf(model, QStringLiteral("held")), QStringLiteral("in-transfer"));
        const QModelIndex row = model.index(rowOf(model, QStringLiteral("held")), 0);
        QCOMPARE(row.data(CacheModel::TakenByPidRole).toLongLong(), holder.processId());

        // It dies: the resource is available again, the failure counted and
        // logged with the receiver's pid.
        const qint64 holderPid = holder.processId();
        holder.kill();
        QVERIFY(holder.waitForFinished(10'000));
        QTRY_COMPARE(stateOf(model, QStringLiteral("held")), QStringLiteral("available"));
        QCOMPARE(row.data(CacheModel::TakenByPidRole).toLongLong(), 0);
        QCOMPARE(model.failedCount(), failedBefore + 1);
        QCOMPARE(model.cachedCount(), 1);
        const QList<QVariant> last = logged.constLast();
        QCOMPARE(last.at(2).toString(), QStringLiteral("failed"));
        QCOMPARE(last.at(1).toLongLong(), holderPid);
        QVERIFY(!last.at(3).toString().isEmpty());
    }

    void aSignalOlderThanTheSnapshotIsIgnored()
    {
        // Registered before the model exists: the snapshot has it, and the queued
        // signal that arrives afterwards must not add it twice or count it again.
        // (The sharer queues the signal only when it has a receiver: the spy.)
        QSignalSpy queued(ResourceSharer::instance(), &ResourceSharer::resourceRegistered);
        registerPipe(QStringLiteral("early"));
        QCOMPARE(queued.count(), 0); // not delivered yet
        CacheModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(model.rowCount(), 1);
        const quint64 registered = model.registeredCount();
        QTRY_COMPARE(queued.count(), 1); // now the model has seen it too
        QCOMPARE(model.rowCount(), 1);
        QCOMPARE(model.registeredCount(), registered);
        registerPipe(QStringLiteral("late"));
        QTRY_COMPARE(model.rowCount(), 2);
        QCOMPARE(model.registeredCount(), registered + 1);
    }

    void revokeFromTheModelAndFilterWithAProxy()
    {
        CacheModel model;
        model.setKeepFinishedFor(0);
        registerPipe(QStringLiteral("web-http"));
        registerPipe(QStringLiteral("web-https"));
        registerPipe(QStringLiteral("db"));
        QTRY_COMPARE(model.rowCount(), 3);

        QSortFilterProxyModel proxy;
        proxy.setSourceModel(&model);
        proxy.setFilterRole(CacheModel::NameRole);
        proxy.setFilterFixedString(QStringLiteral("web"));
        QCOMPARE(proxy.rowCount(), 2);

        QVERIFY(model.revoke(rowOf(model, QStringLiteral("db"))));
        QTRY_COMPARE(model.rowCount(), 2); // kept for 0 ms: gone at once
        QCOMPARE(ResourceSharer::instance()->count(), 2);
        QVERIFY(!model.revoke(99));
        QCOMPARE(proxy.rowCount(), 2);
        QCOMPARE(model.get(0).value(QStringLiteral("state")).toString(),
                 QStringLiteral("available"));
    }

    // What a process says about itself reaches a List, a watcher (at once when
    // it changes), the local model and qrs-inspect.
    void processStatusReachesEveryInspector()
    {
        ResourceSharer *sharer = ResourceSharer::instance();
        QString error;
        QVERIFY2(sharer->setProcessStatus({{QStringLiteral("workers"), 1}}, &error),
                 qPrintable(error));
        QVERIFY(sharer->isRunning()); // so that it can be found by pid
        const QString self = QString::number(QCoreApplication::applicationPid());

        qrs::inspect::Listing listing;
        QVERIFY2(qrs::inspect::list(self, 5000, &listing, &error), qPrintable(error));
        QCOMPARE(listing.processStatus, (QJsonObject{{QStringLiteral("workers"), 1}}));

        CacheModel remote;
        remote.setSource(self);
        CacheModel local;
        QSignalSpy remoteChanged(&remote, &CacheModel::processStatusChanged);
        QTRY_COMPARE(remote.processStatus().value(QStringLiteral("workers")).toInt(), 1);
        QCOMPARE(local.processStatus().value(QStringLiteral("workers")).toInt(), 1);
        QVERIFY(sharer->setProcessStatus({{QStringLiteral("workers"), 2}}, &error));
        QTRY_COMPARE(remote.processStatus().value(QStringLiteral("workers")).toInt(), 2);
        QTRY_COMPARE(local.processStatus().value(QStringLiteral("workers")).toInt(), 2);
        QCOMPARE(remoteChanged.size(), 2);

        QProcess inspect;
        inspect.start(qrstest::toolPath("qrs-inspect"), {QStringLiteral("--json"), self});
        QTRY_COMPARE_WITH_TIMEOUT(inspect.state(), QProcess::NotRunning, 20'000);
        const QJsonObject head =
                QJsonDocument::fromJson(inspect.readAllStandardOutput().split('\n').first())
                        .object();
        QCOMPARE(head.value(QLatin1String("status")).toObject(),
                 (QJsonObject{{QStringLiteral("workers"), 2}}));

        // Too large for the protocol: refused, and the last one stays.
        const QJsonObject huge{{QStringLiteral("x"), QString(70'000, QLatin1Char('x'))}};
        qrs::Error code = qrs::Error::NoError;
        QVERIFY(!sharer->setProcessStatus(huge, &code, &error));
        QCOMPARE(code, qrs::Error::TooLarge);
        QVERIFY2(error.contains(QLatin1String("61440")), qPrintable(error));
        QCOMPARE(sharer->processStatus(), (QJsonObject{{QStringLiteral("workers"), 2}}));
        QVERIFY(sharer->setProcessStatus({}, &error));
        QTRY_VERIFY(remote.processStatus().isEmpty());
    }

    void findsASharerByPid()
    {
        QString error;
        const qint64 self = QCoreApplication::applicationPid();
        QVERIFY(ResourceSharer::addressOfProcess(self, &error).isEmpty()); // stopped
        QVERIFY2(error.contains(QString::number(self)), qPrintable(error));

        registerPipe(QStringLiteral("x"));
        const QString address = ResourceSharer::instance()->address();
        QCOMPARE(ResourceSharer::addressOfProcess(self, &error), address);

        QVERIFY(ResourceSharer::instance()->stop(5000));
        QVERIFY(ResourceSharer::addressOfProcess(self, &error).isEmpty());

        // A process that has ended, and nonsense.
        int code = 0;
        qint64 gone = 0;
        qrstest::runHelper({QStringLiteral("no-such-mode")}, &code, nullptr, &gone);
        qrs::Error failure = qrs::Error::NoError;
        QVERIFY(ResourceSharer::addressOfProcess(gone, &failure, &error).isEmpty());
        QCOMPARE(failure, qrs::Error::NotFound);
        QVERIFY(ResourceSharer::addressOfProcess(-1, &failure, &error).isEmpty());
        QCOMPARE(failure, qrs::Error::InvalidArgument);
    }

    void listsAndWatchesAnotherProcess()
    {
        qrstest::RemoteSharer remote;
        QVERIFY(remote.start());
        const ResourceId alpha =
                ResourceId::fromString(QString::fromUtf8(remote.command("register alpha")));
        const ResourceId beta =
                ResourceId::fromString(QString::fromUtf8(remote.command("register beta")));
        QVERIFY(alpha.isValid() && beta.isValid());
        const QString pid = QString::number(remote.pid());

        // list: a snapshot with metadata, found by pid.
        qrs::inspect::Listing listing;
        QString error;
        QVERIFY2(qrs::inspect::list(pid, 5000, &listing, &error), qPrintable(error));
        QCOMPARE(listing.address, alpha.address());
        QCOMPARE(listing.sharerPid, remote.pid());
        QCOMPARE(listing.entries.size(), 2);
        QCOMPARE(listing.statistics.registered, 2u);
        for (const qrs::ResourceInfo &e : std::as_const(listing.entries)) {
            QCOMPARE(e.registeringPid, remote.pid());
            QCOMPARE(e.kind, qrs::ResourceKind::Pipe);
            QVERIFY(e.id == alpha || e.id == beta);
        }

        // watch: the model follows the other process.
        CacheModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setKeepFinishedFor(60'000);
        model.setSource(pid);
        QTRY_COMPARE(model.status(), CacheModel::Status::Following);
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(model.sharerPid(), remote.pid());

        const qrs::NativeHandle fd = qrs::DupFd::detach(alpha, 5000, &error);
        QVERIFY2(fd >= 0, qPrintable(error));
        qrstest::closeHandle(fd);
        QTRY_COMPARE(stateOf(model, QStringLiteral("alpha")), QStringLiteral("taken"));
        QCOMPARE(model.index(rowOf(model, QStringLiteral("alpha")), 0)
                         .data(CacheModel::TakenByPidRole)
                         .toLongLong(),
                 QCoreApplication::applicationPid());
        QTRY_COMPARE(model.takenCount(), 1u);

        // revoke, from this process, in the other one.
        QVERIFY(model.revoke(rowOf(model, QStringLiteral("beta"))));
        QTRY_COMPARE(stateOf(model, QStringLiteral("beta")), QStringLiteral("revoked"));
        qrs::Error code = qrs::Error::NoError;
        QCOMPARE(qrs::DupFd::detach(beta, 5000, &code, &error), -1);
        QCOMPARE(code, qrs::Error::Revoked);

        // The other sharer stops, then starts again: the model says so and follows
        // it again.
        QCOMPARE(remote.command("stop"), QByteArray("stopped"));
        QTRY_COMPARE(model.status(), CacheModel::Status::Error);
        QVERIFY(!model.errorString().isEmpty());
        QVERIFY(remote.command("register gamma").startsWith("qrs1:"));
        QTRY_COMPARE_WITH_TIMEOUT(model.status(), CacheModel::Status::Following, 10'000);
        QTRY_COMPARE(stateOf(model, QStringLiteral("gamma")), QStringLiteral("available"));
        QCOMPARE(model.registeredCount(), 3u);
    }

    void inspectToolWatchingAPidEndsWithItsProcess()
    {
        std::unique_ptr<qrstest::RemoteSharer> remote(new qrstest::RemoteSharer);
        QVERIFY(remote->start());
        QVERIFY(remote->command("register only").startsWith("qrs1:"));
        QProcess watch;
        // Its last line is read below: in English, whatever this test's locale.
        QProcessEnvironment english = QProcessEnvironment::systemEnvironment();
        english.insert(QStringLiteral("LC_ALL"), QStringLiteral("C"));
        english.insert(QStringLiteral("LANGUAGE"), QString());
        watch.setProcessEnvironment(english);
        watch.start(qrstest::toolPath("qrs-inspect"),
                    {QStringLiteral("--watch"), QString::number(remote->pid())});
        QVERIFY(watch.waitForStarted(10'000));
        QDeadlineTimer deadline(20'000);
        QByteArray shown;
        while (!shown.contains("only") && !deadline.hasExpired()) {
            watch.waitForReadyRead(int(deadline.remainingTime()));
            shown += watch.readAllStandardOutput();
        }
        QVERIFY2(shown.contains("only"), shown.constData());
        remote.reset(); // the process quits
        QVERIFY(watch.waitForFinished(20'000));
        QCOMPARE(watch.exitStatus(), QProcess::NormalExit);
        QCOMPARE(watch.exitCode(), 1);
        const QByteArray errors = watch.readAllStandardError();
        QVERIFY2(errors.contains("has ended"), errors.constData());
    }

#ifndef Q_OS_WIN
    void aPeerOfAnotherUidMayNotInspect()
    {
        if (::geteuid() != 0)
            QSKIP("needs root to setuid() to another user");
        const ResourceId id = registerPipe(QStringLiteral("secret"));
        const QString address = id.address();
        const QString dir = QFileInfo(address).path();
        // Each try runs in a child that became uid 65534 and reports its error.
        const auto tryAsNobody = [&address] {
            return qrstest::runForkedAs(65534, [&address] {
                qrs::inspect::Listing listing;
                QString error;
                return qrs::inspect::list(address, 5000, &listing, &error) ? QByteArray("LISTED")
                                                                           : error.toUtf8();
            });
        };
        // As it is: the 0700 directory keeps the other user from the socket.
        const QByteArray closed = tryAsNobody();
        QVERIFY2(closed.contains("cannot connect"), closed.constData());
        // With the directory and socket opened up, the credentials check refuses.
        QVERIFY(QFile::setPermissions(
                dir, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner | QFile::ExeOther));
        QVERIFY(QFile::setPermissions(address,
                                      QFile::ReadOwner | QFile::WriteOwner | QFile::ReadOther
                                              | QFile::WriteOther));
        const QByteArray opened = tryAsNobody();
        QVERIFY2(opened.contains("only uid 0 may inspect"), opened.constData());
        QCOMPARE(ResourceSharer::instance()->count(), 1);
    }
#endif

    void inspectToolPrintsJson()
    {
        registerPipe(QStringLiteral("json-one"));
        registerPipe(QStringLiteral("json-two"), 60'000);
        QProcess tool;
        tool.start(qrstest::toolPath("qrs-inspect"),
                   {QStringLiteral("--json"), QString::number(QCoreApplication::applicationPid())});
        QVERIFY(tool.waitForFinished(20'000));
        QCOMPARE(tool.exitCode(), 0);
        const QList<QByteArray> lines = tool.readAllStandardOutput().trimmed().split('\n');
        QCOMPARE(lines.size(), 3); // the sharer, then one line per entry
        QJsonParseError parseError;
        const QJsonObject head = QJsonDocument::fromJson(lines.at(0), &parseError).object();
        QCOMPARE(parseError.error, QJsonParseError::NoError);
        QCOMPARE(head.value(QLatin1String("pid")).toInteger(), QCoreApplication::applicationPid());
        QCOMPARE(head.value(QLatin1String("address")).toString(),
                 ResourceSharer::instance()->address());
        // Counted since the process started, across stops.
        QCOMPARE(head.value(QLatin1String("statistics"))[QLatin1String("registered")].toInteger(),
                 qint64(ResourceSharer::instance()->statistics().registered));
        QCOMPARE(head.value(QLatin1String("statistics"))[QLatin1String("cached")].toInteger(), 2);
        QStringList names;
        for (int i = 1; i < lines.size(); ++i) {
            const QJsonObject e = QJsonDocument::fromJson(lines.at(i), &parseError).object();
            QCOMPARE(parseError.error, QJsonParseError::NoError);
            names << e.value(QLatin1String("name")).toString();
            QCOMPARE(e.value(QLatin1String("state")).toString(), QStringLiteral("available"));
            QVERIFY(ResourceId::fromString(e.value(QLatin1String("id")).toString()).isValid());
            if (e.value(QLatin1String("name")).toString() == QLatin1String("json-two"))
                QVERIFY(e.value(QLatin1String("ttlLeftMs")).toInteger() > 0);
        }
        names.sort();
        QCOMPARE(names, (QStringList{QStringLiteral("json-one"), QStringLiteral("json-two")}));

        // --watch: the snapshot, then one line per change, until SIGTERM.
        QProcess watch;
        // Its last line is read below: in English, whatever this test's locale.
        QProcessEnvironment english = QProcessEnvironment::systemEnvironment();
        english.insert(QStringLiteral("LC_ALL"), QStringLiteral("C"));
        english.insert(QStringLiteral("LANGUAGE"), QString());
        watch.setProcessEnvironment(english);
        watch.start(qrstest::toolPath("qrs-inspect"),
                    {QStringLiteral("--json"), QStringLiteral("--watch"),
                     QString::number(QCoreApplication::applicationPid())});
        QVERIFY(watch.waitForStarted(10'000));
        const auto nextObject = [&watch]() -> QJsonObject {
            QDeadlineTimer deadline(20'000);
            while (!watch.canReadLine() && !deadline.hasExpired())
                watch.waitForReadyRead(int(deadline.remainingTime()));
            return QJsonDocument::fromJson(watch.readLine()).object();
        };
        QVERIFY(nextObject().contains(QLatin1String("statistics")));
        nextObject(); // the two cached entries
        nextObject();
        const ResourceId id = registerPipe(QStringLiteral("json-three"));
        QJsonObject change = nextObject();
        QCOMPARE(change.value(QLatin1String("name")).toString(), QStringLiteral("json-three"));
        QCOMPARE(change.value(QLatin1String("state")).toString(), QStringLiteral("available"));
        QVERIFY(!change.value(QLatin1String("time")).toString().isEmpty());
        QVERIFY(ResourceSharer::instance()->revoke(id));
        change = nextObject();
        QCOMPARE(change.value(QLatin1String("name")).toString(), QStringLiteral("json-three"));
        QCOMPARE(change.value(QLatin1String("state")).toString(), QStringLiteral("revoked"));
#ifdef Q_OS_WIN
        watch.kill(); // no console signal reaches a child without a console of its own
        QVERIFY(watch.waitForFinished(10'000));
#else
        watch.terminate();
        QVERIFY(watch.waitForFinished(10'000));
        QCOMPARE(watch.exitStatus(), QProcess::NormalExit);
        QCOMPARE(watch.exitCode(), 0);
#endif

        // Unreachable: a clear error and a non-zero exit.
        tool.start(qrstest::toolPath("qrs-inspect"), {QStringLiteral("/nonexistent")});
        QVERIFY(tool.waitForFinished(20'000));
        QCOMPARE(tool.exitCode(), 1);
        QVERIFY(tool.readAllStandardError().contains("/nonexistent"));
        tool.start(qrstest::toolPath("qrs-inspect"), {QStringLiteral("999999999")});
        QVERIFY(tool.waitForFinished(20'000));
        QCOMPARE(tool.exitCode(), 1);
        QVERIFY(tool.readAllStandardError().contains("999999999"));
    }
};

QRS_TEST_MAIN(tst_CacheModel)
#include "tst_cachemodel.moc"
