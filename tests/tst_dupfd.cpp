// SPDX-FileCopyrightText: 2026 QtResourceSharer contributors
//
// SPDX-License-Identifier: BSD-3-Clause

#include "testutil.h"

#include <qrs/detachjob.h>
#include <qrs/dupfd.h>
#include <qrs/resourcesharer.h>

#include <QSignalSpy>
#include <QtTest>

#include <fcntl.h>
#include <unistd.h>

class tst_DupFd : public QObject
{
    Q_OBJECT

private:
    static int makePipe(int *writeEnd)
    {
        int p[2];
        *writeEnd = -1;
        if (::pipe2(p, O_CLOEXEC) != 0)
            return -1;
        *writeEnd = p[1];
        return p[0];
    }

private Q_SLOTS:
    void registeredIsQueuedAfterConstruction()
    {
        int w = -1;
        const int r = makePipe(&w);
        qrs::DupFd shared(r);
        QVERIFY2(shared.isValid(), qPrintable(shared.errorString()));
        QSignalSpy registered(&shared, &qrs::DupFd::registered);
        QTRY_COMPARE(registered.count(), 1);
        QCOMPARE(registered.at(0).at(0).value<qrs::ResourceId>(), shared.id());
        // DupFd duplicated: the caller's descriptor is still its own.
        QVERIFY(qrs::platform::isValidFd(r));
        ::close(r);
        ::close(w);
        QVERIFY(shared.revoke());
    }

    void detachedCarriesThePid()
    {
        int w = -1;
        const int r = makePipe(&w);
        qrs::DupFd shared(r, {QStringLiteral("events"), 0});
        ::close(r);
        QSignalSpy detached(&shared, &qrs::DupFd::detached);
        QString error;
        const int fd = qrs::DupFd::detach(shared.id(), 5000, &error);
        QVERIFY2(fd >= 0, qPrintable(error));
        QVERIFY(::fcntl(fd, F_GETFD) & FD_CLOEXEC);
        QTRY_COMPARE(detached.count(), 1);
        QCOMPARE(detached.at(0).at(0).toLongLong(), qint64(::getpid()));
        QCOMPARE(shared.detachedBy(), qint64(::getpid()));
        // Same pipe: what goes in one end comes out of the received descriptor.
        QCOMPARE(::write(w, "x", 1), 1);
        char c = 0;
        QCOMPARE(::read(fd, &c, 1), 1);
        QCOMPARE(c, 'x');
        ::close(fd);
        ::close(w);
    }

    void detachedByIsKnownWithoutAListener()
    {
        // With nothing connected no event is queued, yet the state is there.
        int w = -1;
        const int r = makePipe(&w);
        qrs::DupFd shared(r);
        ::close(r);
        QString error;
        const int fd = qrs::DupFd::detach(shared.id(), 5000, &error);
        QVERIFY2(fd >= 0, qPrintable(error));
        QTRY_COMPARE(shared.detachedBy(), qint64(::getpid()));
        QVERIFY(!shared.revoke()); // taken: nothing left to withdraw
        ::close(fd);
        ::close(w);
    }

    void expiredAndRevokedReachTheOwner()
    {
        int w = -1;
        const int r = makePipe(&w);
        qrs::DupFd shortLived(r, {QString(), 50});
        qrs::DupFd revoked(r);
        ::close(r);
        ::close(w);
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
    }

    void destroyedOwnerLeavesTheRegistration()
    {
        int w = -1;
        const int r = makePipe(&w);
        qrs::ResourceId id;
        {
            qrs::DupFd shared(r);
            id = shared.id();
        }
        ::close(r);
        QString error;
        const int fd = qrs::DupFd::detach(id, 5000, &error);
        QVERIFY2(fd >= 0, qPrintable(error));
        ::close(fd);
        ::close(w);
    }

    void asyncDetach()
    {
        int w = -1;
        const int r = makePipe(&w);
        qrs::DupFd shared(r);
        ::close(r);
        qrs::DetachJob *job = qrs::DupFd::detachAsync(shared.id(), 5000, this);
        QSignalSpy detached(job, &qrs::DetachJob::detached);
        QSignalSpy finished(job, &qrs::DetachJob::finished);
        QPointer<qrs::DetachJob> guard(job);
        QTRY_COMPARE(finished.count(), 1);
        QCOMPARE(detached.count(), 1);
        const int fd = detached.at(0).at(0).toInt();
        QVERIFY(qrs::platform::isValidFd(fd));
        ::close(fd);
        ::close(w);
        QTRY_VERIFY(guard.isNull()); // deletes itself
    }

    void asyncDetachFails()
    {
        int w = -1;
        const int r = makePipe(&w);
        qrs::DupFd shared(r);
        ::close(r);
        ::close(w);
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
            int w = -1;
            const int r = makePipe(&w);
            shared.push_back(std::make_unique<qrs::DupFd>(r));
            ::close(r);
            ::close(w);
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
            ::close(d.fd);
        delete job;
    }

    void abandonedAsyncDetachLeavesResourceAvailable()
    {
        int w = -1;
        const int r = makePipe(&w);
        qrs::DupFd shared(r);
        ::close(r);
        ::close(w);
        auto *job = qrs::DupFd::detachAsync(shared.id(), 5000, this);
        delete job; // before it ran at all
        QString error;
        const int fd = qrs::DupFd::detach(shared.id(), 5000, &error);
        QVERIFY2(fd >= 0, qPrintable(error));
        ::close(fd);
    }

    void batchFromTwoSharersIsRefused()
    {
        const qrs::ResourceId a(QStringLiteral("/tmp/a"), QByteArray(16, 'a'));
        const qrs::ResourceId b(QStringLiteral("/tmp/b"), QByteArray(16, 'b'));
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
            ::close(int(r.fd));

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

QTEST_GUILESS_MAIN(tst_DupFd)
#include "tst_dupfd.moc"
