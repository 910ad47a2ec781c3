// SPDX-FileCopyrightText: 2026 QtResourceSharer contributors
//
// SPDX-License-Identifier: BSD-3-Clause

// DupFd: its signals, synchronous and asynchronous detaching, and a resource
// read in another process. Built for Linux and for Windows (tst_dupfd_win, run
// under Wine), where a descriptor is a HANDLE.
#include "common/filehandle_p.h"
#include "testutil.h"

#include <qrs/detachjob.h>
#include <qrs/dupfd.h>
#include <qrs/resourcesharer.h>

#include <QSignalSpy>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

#include <thread>

using qrstest::closeHandle;
using qrstest::Pipe;

class tst_DupFd : public QObject
{
    Q_OBJECT

private:
    // Runs the helper's "detach ID --read" and returns what it read from the resource.
    static QByteArray readInHelper(const qrs::ResourceId &id, qint64 *pid, int *exitCode)
    {
        const QByteArray out = qrstest::runHelper(
                {QStringLiteral("detach"), id.toString(), QStringLiteral("--read")}, exitCode,
                nullptr, pid);
        const qsizetype at = out.indexOf("read=");
        return at < 0 ? QByteArray() : out.mid(at + 5).trimmed();
    }

private Q_SLOTS:
    // The leak checks of every suite count on it: files, pipes and sockets
    // (on Windows their handles, not Qt's events or threads).
    void openFdsCountsFilesPipesAndSockets()
    {
        const int baseline = qrstest::openFds();
        QVERIFY(baseline > 0);
        {
            Pipe pipe;
            QCOMPARE(qrstest::openFds(), baseline + 2);
            QTcpServer server;
            QVERIFY(server.listen(QHostAddress::LocalHost));
            QCOMPARE(qrstest::openFds(), baseline + 3);
            QTemporaryDir dir;
            QFile file(dir.filePath(QStringLiteral("f")));
            QVERIFY(file.open(QIODevice::WriteOnly));
            QCOMPARE(qrstest::openFds(), baseline + 4);
        }
        QCOMPARE(qrstest::openFds(), baseline);
    }

#ifdef Q_OS_WIN
    // DupFd::detach() in a thread that runs no event loop: the pipe socket it
    // talked over goes when it returns, with its events. (Left to a
    // deleteLater(), both stayed until the thread ended: for ever in a main()
    // that takes its resources before exec(), or in a worker that never returns.)
    void blockingDetachesInAThreadWithoutAnEventLoopKeepNothing()
    {
        constexpr int Count = 50;
        std::vector<std::unique_ptr<qrs::DupFd>> shared;
        for (int i = 0; i < Count; ++i) {
            Pipe pipe;
            shared.push_back(std::make_unique<qrs::DupFd>(pipe.readEnd()));
        }
        const int before = qrs::platform::openHandleCount();
        int taken = 0;
        int after = 0;
        std::thread plain([&] {
            for (const auto &s : shared) {
                const qrs::NativeHandle fd = qrs::DupFd::detach(s->id(), 5000);
                if (fd >= 0) {
                    closeHandle(fd);
                    ++taken;
                }
            }
            // Counted while this thread lives. The sharer's ends of the
            // connections go in its own time; Qt's events and threads come and
            // go: wait for the count to settle below what two kept per detach
            // would make it (100 more).
            const QDeadlineTimer deadline(10'000);
            while ((after = qrs::platform::openHandleCount()) >= before + Count / 2
                   && !deadline.hasExpired())
                QThread::msleep(20);
        });
        plain.join();
        QCOMPARE(taken, Count);
        QVERIFY2(after < before + Count / 2,
                 qPrintable(QStringLiteral("%1 handles, %2 before").arg(after).arg(before)));
    }
#endif

    void registeredIsQueuedAfterConstruction()
    {
        Pipe pipe;
        qrs::DupFd shared(pipe.readEnd());
        QVERIFY2(shared.isValid(), qPrintable(shared.errorString()));
        QSignalSpy registered(&shared, &qrs::DupFd::registered);
        QTRY_COMPARE(registered.count(), 1);
        QCOMPARE(registered.at(0).at(0).value<qrs::ResourceId>(), shared.id());
        // DupFd duplicated: the caller's descriptor is still its own.
        QVERIFY(qrs::platform::isOpenHandle(pipe.readEnd()));
        QVERIFY(shared.revoke());
    }

    void detachedCarriesThePid()
    {
        Pipe pipe;
        qrs::DupFd shared(pipe.readEnd(), {QStringLiteral("events"), 0});
        pipe.closeRead();
        QSignalSpy detached(&shared, &qrs::DupFd::detached);
        QString error;
        const qrs::NativeHandle fd = qrs::DupFd::detach(shared.id(), 5000, &error);
        QVERIFY2(fd >= 0, qPrintable(error));
        QVERIFY(!qrstest::isInherited(fd));
        QTRY_COMPARE(detached.count(), 1);
        const qint64 self = QCoreApplication::applicationPid();
        QCOMPARE(detached.at(0).at(0).toLongLong(), self);
        QCOMPARE(shared.detachedBy(), self);
        // Same pipe: what goes in one end comes out of the received descriptor.
        QVERIFY(qrstest::writeTo(pipe.writeEnd(), "x"));
        QCOMPARE(qrstest::readFrom(fd, 1), QByteArray("x"));
        closeHandle(fd);
    }

    void detachedByIsKnownWithoutAListener()
    {
        // With nothing connected no event is queued, yet the state is there.
        Pipe pipe;
        qrs::DupFd shared(pipe.readEnd());
        QString error;
        const qrs::NativeHandle fd = qrs::DupFd::detach(shared.id(), 5000, &error);
        QVERIFY2(fd >= 0, qPrintable(error));
        QTRY_COMPARE(shared.detachedBy(), QCoreApplication::applicationPid());
        QVERIFY(!shared.revoke()); // taken: nothing left to withdraw
        closeHandle(fd);
    }

    void expiredAndRevokedReachTheOwner()
    {
        Pipe pipe;
        qrs::DupFd shortLived(pipe.readEnd(), {QString(), 50});
        qrs::DupFd revoked(pipe.readEnd());
        pipe.closeRead();
        pipe.closeWrite();
        QSignalSpy expiredSpy(&shortLived, &qrs::DupFd::expired);
        QSignalSpy revokedSpy(&revoked, &qrs::DupFd::revoked);
        QVERIFY(revoked.revoke());
        QTRY_COMPARE(revokedSpy.count(), 1);
        QTRY_COMPARE(expiredSpy.count(), 1);
    }

    void invalidDescriptor()
    {
        qrs::DupFd shared(-1);
        QVERIFY(!shared.isValid());
        QCOMPARE(shared.error(), qrs::Error::InvalidArgument);
        QVERIFY(!shared.errorString().isEmpty());
        QVERIFY(!shared.id().isValid());
        QVERIFY(!shared.revoke());
        qrs::DupFd notOpen(qrstest::notOpenHandle());
        QCOMPARE(notOpen.error(), qrs::Error::InvalidArgument);
    }

    void destroyedOwnerLeavesTheRegistration()
    {
        Pipe pipe;
        qrs::ResourceId id;
        {
            qrs::DupFd shared(pipe.readEnd());
            id = shared.id();
        }
        pipe.closeRead();
        QString error;
        const qrs::NativeHandle fd = qrs::DupFd::detach(id, 5000, &error);
        QVERIFY2(fd >= 0, qPrintable(error));
        closeHandle(fd);
    }

    void asyncDetach()
    {
        Pipe pipe;
        qrs::DupFd shared(pipe.readEnd());
        pipe.closeRead();
        qrs::DetachJob *job = qrs::DupFd::detachAsync(shared.id(), 5000, this);
        QSignalSpy detached(job, &qrs::DetachJob::detached);
        QSignalSpy finished(job, &qrs::DetachJob::finished);
        QPointer<qrs::DetachJob> guard(job);
        QTRY_COMPARE(finished.count(), 1);
        QCOMPARE(detached.count(), 1);
        const auto fd = qrs::NativeHandle(detached.at(0).at(0).toLongLong());
        QVERIFY(qrs::platform::isOpenHandle(fd));
        closeHandle(fd);
        QTRY_VERIFY(guard.isNull()); // deletes itself
    }

    void asyncDetachFails()
    {
        Pipe pipe;
        qrs::DupFd shared(pipe.readEnd());
        QVERIFY(shared.revoke());
        qrs::DetachJob *job = qrs::DupFd::detachAsync(shared.id(), 5000, this);
        QSignalSpy failed(job, &qrs::DetachJob::detachFailed);
        QTRY_COMPARE(failed.count(), 1);
        QCOMPARE(failed.at(0).at(0).value<qrs::Error>(), qrs::Error::Revoked);
        QVERIFY(!failed.at(0).at(1).toString().isEmpty());

        // A job kept after it finishes still says why.
        auto *kept = new qrs::DetachJob({shared.id()}, 5000, this);
        kept->setAutoDelete(false);
        QSignalSpy keptFinished(kept, &qrs::DetachJob::finished);
        QTRY_COMPARE(keptFinished.count(), 1);
        QCOMPARE(kept->error(), qrs::Error::Revoked);
        QVERIFY(!kept->errorString().isEmpty());
        delete kept;

        auto *bad = new qrs::DetachJob({qrs::ResourceId()}, 1000, this);
        QSignalSpy badFailed(bad, &qrs::DetachJob::detachFailed);
        QTRY_COMPARE(badFailed.count(), 1);
        QCOMPARE(badFailed.at(0).at(0).value<qrs::Error>(), qrs::Error::InvalidId);
    }

    void asyncBatchWithoutReceiversKeepsResults()
    {
        QList<qrs::ResourceId> ids;
        std::vector<std::unique_ptr<qrs::DupFd>> shared;
        for (int i = 0; i < 5; ++i) {
            Pipe pipe;
            shared.push_back(std::make_unique<qrs::DupFd>(pipe.readEnd()));
            ids.append(shared.back()->id());
        }
        auto *job = new qrs::DetachJob(ids, 5000, this);
        job->setAutoDelete(false);
        QSignalSpy finished(job, &qrs::DetachJob::finished);
        QTRY_COMPARE(finished.count(), 1);
        QVERIFY2(job->errorString().isEmpty(), qPrintable(job->errorString()));
        const QList<qrs::DetachedFd> got = job->takeResults();
        QCOMPARE(got.size(), 5);
        for (const qrs::DetachedFd &d : got)
            closeHandle(d.fd);
        delete job;
    }

    void abandonedAsyncDetachLeavesResourceAvailable()
    {
        Pipe pipe;
        qrs::DupFd shared(pipe.readEnd());
        auto *job = qrs::DupFd::detachAsync(shared.id(), 5000, this);
        delete job; // before it ran at all
        QString error;
        const qrs::NativeHandle fd = qrs::DupFd::detach(shared.id(), 5000, &error);
        QVERIFY2(fd >= 0, qPrintable(error));
        closeHandle(fd);
    }

    // In another process: a file (its offset shared), and a pipe, taken once.
    void aFileIsReadInAnotherProcess()
    {
        QTemporaryDir dir;
        QFile file(dir.filePath(QStringLiteral("shared.txt")));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("the file's content");
        file.close();
        QVERIFY(file.open(QIODevice::ReadOnly));
        qrs::DupFd shared(qrs::nativeHandleOf(file), {QStringLiteral("config"), 0});
        QVERIFY2(shared.isValid(), qPrintable(shared.errorString()));
        const QList<qrs::ResourceInfo> cached = qrs::ResourceSharer::instance()->snapshot();
        const auto entry = std::find_if(cached.cbegin(), cached.cend(),
                                        [&](const auto &info) { return info.id == shared.id(); });
        QVERIFY(entry != cached.cend());
        QCOMPARE(entry->kind, qrs::ResourceKind::File);

        qint64 pid = 0;
        int exitCode = -1;
        QCOMPARE(readInHelper(shared.id(), &pid, &exitCode), QByteArray("the file's content"));
        QCOMPARE(exitCode, 0);
        QTRY_COMPARE(shared.detachedBy(), pid);
    }

    void aPipeIsReadInAnotherProcessOnce()
    {
        Pipe pipe;
        qrs::DupFd shared(pipe.readEnd(), {QStringLiteral("log"), 0});
        pipe.closeRead(); // the sharer keeps its own duplicate
        QVERIFY2(shared.isValid(), qPrintable(shared.errorString()));
        QVERIFY(qrstest::writeTo(pipe.writeEnd(), "through the pipe"));
        pipe.closeWrite();

        qint64 pid = 0;
        int exitCode = -1;
        QCOMPARE(readInHelper(shared.id(), &pid, &exitCode), QByteArray("through the pipe"));
        QCOMPARE(exitCode, 0);
        QTRY_COMPARE(shared.detachedBy(), pid);

        // Taken once: the next receiver is told so, as a code.
        QVERIFY(readInHelper(shared.id(), &pid, &exitCode).isEmpty());
        QCOMPARE(exitCode, 1);
        qrs::Error code = qrs::Error::NoError;
        QCOMPARE(qrs::DupFd::detach(shared.id(), 5000, &code, nullptr), qrs::NativeHandle(-1));
        QCOMPARE(code, qrs::Error::AlreadyTaken);
    }

    void batchFromTwoSharersIsRefused()
    {
        const qrs::ResourceId a(qrstest::sharerAddress("a"), QByteArray(16, 'a'));
        const qrs::ResourceId b(qrstest::sharerAddress("b"), QByteArray(16, 'b'));
        QVERIFY(a.isValid() && b.isValid());
        QString error;
        qrs::Error code = qrs::Error::NoError;
        QVERIFY(qrs::DupFd::detach(QList<qrs::ResourceId>{a, b}, 1000, &code, &error).isEmpty());
        QCOMPARE(code, qrs::Error::InvalidId);
        QVERIFY(!error.isEmpty());
        QCOMPARE(qrs::DupFd::detach(qrs::ResourceId(), 1000, &code, nullptr), -1);
        QCOMPARE(code, qrs::Error::InvalidId);
        // The three-argument form still says why.
        QCOMPARE(qrs::DupFd::detach(qrs::ResourceId(), 1000, &error), -1);
        QVERIFY(!error.isEmpty());
    }

    // The codes are registered with the meta-object system: QDebug and QML
    // print their names.
    void errorCodesHaveNames()
    {
        QCOMPARE(QMetaEnum::fromType<qrs::Error>().valueToKey(int(qrs::Error::AlreadyTaken)),
                 "AlreadyTaken");
        QString printed;
        QDebug(&printed) << qrs::Error::SharerUnreachable;
        QCOMPARE(printed.trimmed(), QStringLiteral("qrs::Error::SharerUnreachable"));
        QCOMPARE(QVariant::fromValue(qrs::Error::Timeout).toString(), QStringLiteral("Timeout"));
    }

    // Resources of several sharers, in order: each sharer's are all or none,
    // the whole is not.
    void detachFromSeveralSharers()
    {
        // Two sharers in other processes: this process holds no server-side
        // descriptor that would close later and upset the count below.
        qrstest::RemoteSharer one;
        qrstest::RemoteSharer other;
        QVERIFY(one.start());
        QVERIFY(other.start());
        const auto id = [](qrstest::RemoteSharer &sharer, const QByteArray &name) {
            return qrs::ResourceId::fromString(
                    QString::fromLatin1(sharer.command("register " + name)));
        };
        const qrs::ResourceId first = id(one, "first");
        const qrs::ResourceId middle = id(other, "middle");
        const qrs::ResourceId last = id(one, "last");
        QVERIFY(first.isValid() && middle.isValid() && last.isValid());

        QString error;
        qrs::Error code = qrs::Error::Timeout;
        const QList<qrs::DetachedFd> got =
                qrs::DupFd::detachFromSharers({first, middle, last}, 5000, &code, &error);
        QVERIFY2(got.size() == 3, qPrintable(error));
        QCOMPARE(code, qrs::Error::NoError);
        QCOMPARE(got.at(0).name, QStringLiteral("first"));
        QCOMPARE(got.at(1).name, QStringLiteral("middle"));
        QCOMPARE(got.at(2).name, QStringLiteral("last"));
        for (const qrs::DetachedFd &r : got)
            closeHandle(r.fd);

        // The second sharer refuses: what the first gave is spent, nothing returned.
        const qrs::ResourceId again = id(one, "again");
        const int baseline = qrstest::openFds();
        QVERIFY(qrs::DupFd::detachFromSharers({again, middle}, 5000, &code, &error).isEmpty());
        QCOMPARE(code, qrs::Error::AlreadyTaken);
        QCOMPARE(qrstest::openFds(), baseline);
        QVERIFY(qrs::DupFd::detach(again, 5000, &code, &error) < 0);
        QCOMPARE(code, qrs::Error::AlreadyTaken);
        QVERIFY(qrs::DupFd::detachFromSharers({}, 5000, &code, &error).isEmpty());
    }
};

QRS_TEST_MAIN(tst_DupFd)
#include "tst_dupfd.moc"
