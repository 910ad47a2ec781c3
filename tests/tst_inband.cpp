// SPDX-FileCopyrightText: 2026 QtResourceSharer contributors
//
// SPDX-License-Identifier: BSD-3-Clause

// The in-band transport, Windows' way of handing resources over (a Handle
// frame per resource instead of SCM_RIGHTS), run on Linux: the sharer's
// server, the receiver (client::Transfer over the in-band channel) and the protocol are the code
// Windows runs; only the courier differs. Here it makes a resource over to this
// very process (a dup, its number as the bytes), so every case is in-process.
// The Win32 courier's calls are tested under Wine (tests/windows/).
#include "testutil.h"

#include "client/roundtrip_p.h"
#include "client/transfer_p.h"
#include "inspect/inspectclient_p.h"
#include "protocol/handlecourier_p.h"
#include "resourcesharer_p.h"

#include <qrs/detachjob.h>
#include <qrs/dupsocket.h>
#include <qrs/resourcesharer.h>

#include <QSemaphore>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTest>
#include <QtEndian>

#include <fcntl.h>
#include <unistd.h>

#include <atomic>

using qrs::NativeHandle;
using qrs::ResourceId;
using qrs::ResourceSharer;
using qrs::protocol::Key;

namespace {

struct InBandOptions
{
    qint64 requestPid = -1;   // -1: this process's
    bool acknowledge = true;  // false: stop before the Ack
    bool socketsOnly = false; // give everything back unless all are sockets
};

// One transfer through courier, blocking, as DupFd::detach() runs it.
QList<qrs::DetachedFd> takeInBand(qrs::HandleCourier *courier, const QString &address,
                                  const QList<Key> &keys, int timeoutMs, QString *error,
                                  const InBandOptions &options, qrs::Error *code = nullptr)
{
    qrs::client::Transfer transfer(address, keys, courier);
    if (options.requestPid >= 0)
        transfer.setRequestPid(options.requestPid);
    transfer.setAcknowledge(options.acknowledge);
    transfer.setSocketsOnly(options.socketsOnly);
    return transfer.runBlocking(timeoutMs, error, code);
}

class SameProcessCourier : public qrs::HandleCourier
{
public:
    // Which call fails on purpose (counted from 0), or -1.
    std::atomic<int> failMakeOverAt{-1};
    std::atomic<int> failAdoptAt{-1};
    std::atomic<int> makeOverCalls{0};
    std::atomic<int> adoptCalls{0};
    std::atomic<int> takenBack{0};
    std::atomic<int> discarded{0};
    // When set, makeOver() (the sharer's thread) waits on it, with the
    // resource reserved: a test can act while the transfer is under way.
    std::atomic<QSemaphore *> holdMakeOver{nullptr};
    std::atomic<bool> inMakeOver{false};
    std::atomic<int> lastMadeOver{-1};

    bool makeOver(NativeHandle handle, qrs::ResourceKind, qint64 pid, QByteArray *data,
                  QString *error) override
    {
        if (QSemaphore *hold = holdMakeOver.load()) {
            inMakeOver = true;
            hold->acquire();
        }
        if (makeOverCalls++ == failMakeOverAt) {
            *error = QStringLiteral("refused on purpose");
            return false;
        }
        if (pid != ::getpid()) {
            *error = QStringLiteral("this courier serves its own process only");
            return false;
        }
        const int copy = qrs::platform::dupCloexec(int(handle));
        if (copy < 0) {
            *error = QString::fromStdString(qrs::platform::errorText(errno));
            return false;
        }
        data->resize(8);
        qToLittleEndian(quint64(copy), data->data());
        lastMadeOver = copy;
        return true;
    }
    void takeBack(qrs::ResourceKind, const QByteArray &data, qint64) override
    {
        ::close(int(qFromLittleEndian<quint64>(data.constData())));
        ++takenBack;
    }
    bool peer(qintptr socketDescriptor, qrs::platform::PeerCredentials *out) override
    {
        return qrs::platform::peerCredentials(int(socketDescriptor), out);
    }
    NativeHandle adopt(qrs::ResourceKind, const QByteArray &data, QString *error) override
    {
        if (adoptCalls++ == failAdoptAt || data.size() != 8) {
            *error = QStringLiteral("cannot adopt on purpose");
            // What was made over to us is ours to close, even so.
            if (data.size() == 8)
                ::close(int(qFromLittleEndian<quint64>(data.constData())));
            return -1;
        }
        return NativeHandle(qFromLittleEndian<quint64>(data.constData()));
    }
    void discard(qrs::ResourceKind, NativeHandle handle) override
    {
        ::close(int(handle));
        ++discarded;
    }
};

} // namespace

class tst_InBand : public QObject
{
    Q_OBJECT

private:
    ResourceSharer *sharer = ResourceSharer::instance();
    qrs::ResourceSharerPrivate *d = qrs::ResourceSharerPrivate::get(sharer);
    SameProcessCourier courier;
    int baselineFds = 0;

    ResourceId registerPipe(int *writeEnd, const QString &name = {})
    {
        int p[2];
        if (::pipe2(p, O_CLOEXEC) != 0)
            return {};
        *writeEnd = p[1];
        QString error;
        const ResourceId id = sharer->registerResource(p[0], {name, 0}, &error);
        if (!id.isValid())
            qWarning() << error;
        return id;
    }
    static Key keyOf(const ResourceId &id) { return Key::fromBytes(id.key()); }
    QList<qrs::DetachedFd> take(const QList<ResourceId> &ids, QString *error,
                                const InBandOptions &options = {})
    {
        QList<Key> keys;
        for (const ResourceId &id : ids)
            keys.append(keyOf(id));
        return takeInBand(&courier, sharer->address(), keys, 5000, error, options, &lastError);
    }
    qrs::Error lastError = qrs::Error::NoError; // of the last take()
    qrs::ResourceState stateOf(const ResourceId &id)
    {
        for (const qrs::ResourceInfo &info : sharer->snapshot()) {
            if (info.id == id)
                return info.state;
        }
        return qrs::ResourceState::Taken; // gone from the cache
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(sharer->stop());
        d->setCourier(&courier);
        // DupFd::detach(), DupSocket::detach() and DetachJob go in band too.
        qrs::HandleCourier::setReceivingForTesting(&courier);
        // Start the server now, so that its descriptors are in every baseline.
        int writeEnd = -1;
        QVERIFY(sharer->revoke(registerPipe(&writeEnd)));
        ::close(writeEnd);
        baselineFds = qrstest::openFds();
    }
    void cleanupTestCase()
    {
        QVERIFY(sharer->stop());
        d->setCourier(qrs::HandleCourier::forPlatform());
        qrs::HandleCourier::setReceivingForTesting(nullptr);
    }
    void init()
    {
        for (const qrs::ResourceInfo &info : sharer->snapshot())
            sharer->revoke(info.id);
        QTRY_COMPARE(sharer->count(), 0);
        QCoreApplication::sendPostedEvents();
        courier.failMakeOverAt = -1;
        courier.failAdoptAt = -1;
        courier.makeOverCalls = 0;
        courier.adoptCalls = 0;
        courier.takenBack = 0;
        courier.discarded = 0;
        courier.inMakeOver = false;
        // What the last test left closes asynchronously (the server's end of
        // its connections): every test starts from the same descriptors.
        QTRY_COMPARE(qrstest::openFds(), baselineFds);
    }

    void threeResourcesArriveAndWork()
    {
        int writeEnds[3];
        QList<ResourceId> ids;
        for (int i = 0; i < 3; ++i)
            ids.append(registerPipe(&writeEnds[i], QStringLiteral("pipe-%1").arg(i)));
        QSignalSpy transferred(sharer, &ResourceSharer::resourceTransferred);
        QString error;
        const QList<qrs::DetachedFd> got = take(ids, &error);
        QCOMPARE(got.size(), 3);
        for (int i = 0; i < 3; ++i) {
            QCOMPARE(got.at(i).name, QStringLiteral("pipe-%1").arg(i));
            QCOMPARE(got.at(i).kind, qrs::ResourceKind::Pipe);
            const QByteArray text = QByteArray("through the courier ") + QByteArray::number(i);
            QCOMPARE(::write(writeEnds[i], text.constData(), size_t(text.size())),
                     ssize_t(text.size()));
            ::close(writeEnds[i]);
            char buf[64] = {};
            QCOMPARE(::read(int(got.at(i).fd), buf, sizeof(buf)), ssize_t(text.size()));
            QCOMPARE(QByteArray(buf), text);
            ::close(int(got.at(i).fd));
        }
        QTRY_COMPARE(transferred.count(), 3);
        QCOMPARE(transferred.at(0).at(1).toLongLong(), qint64(::getpid()));
        QCOMPARE(sharer->count(), 0);
        // The sharer's copies are closed, the connection too.
        QTRY_COMPARE(qrstest::openFds(), baselineFds);
    }

    // What the socket waits are given: -1 without a deadline (it was once 1 ms).
    void waitsFollowTheDeadline()
    {
        QCOMPARE(qrs::client::waitMs(QDeadlineTimer(QDeadlineTimer::Forever)), -1);
        QCOMPARE(qrs::client::waitMs(QDeadlineTimer(0)), 1);
        const int left = qrs::client::waitMs(QDeadlineTimer(60'000));
        QVERIFY2(left > 1 && left <= 60'000, qPrintable(QString::number(left)));
    }

    // A negative timeout means no deadline (it once meant an expired one).
    void noDeadlineWaitsAsLongAsItTakes()
    {
        int writeEnd = -1;
        const ResourceId id = registerPipe(&writeEnd, QStringLiteral("no deadline"));
        QString error;
        const QList<qrs::DetachedFd> got =
                takeInBand(&courier, sharer->address(), {keyOf(id)}, -1, &error, {});
        QVERIFY2(got.size() == 1, qPrintable(error));
        QCOMPARE(::write(writeEnd, "z", 1), ssize_t(1));
        char c = 0;
        QCOMPARE(::read(int(got.at(0).fd), &c, 1), ssize_t(1));
        QCOMPARE(c, 'z');
        ::close(int(got.at(0).fd));
        ::close(writeEnd);
    }

    void refusalsAreThoseOfEveryTransport()
    {
        int writeEnd = -1;
        const ResourceId id = registerPipe(&writeEnd);
        QString error;
        QVERIFY(take({ResourceId(id.address(), QByteArray(16, 'z'))}, &error).isEmpty());
        QCOMPARE(lastError, qrs::Error::UnknownKey);
        const QList<qrs::DetachedFd> got = take({id}, &error);
        QCOMPARE(got.size(), 1);
        ::close(int(got.at(0).fd));
        QVERIFY(take({id}, &error).isEmpty());
        QCOMPARE(lastError, qrs::Error::AlreadyTaken);
        // The pid the request names must be the peer's.
        int otherEnd = -1;
        const ResourceId other = registerPipe(&otherEnd);
        QVERIFY(take({other}, &error, InBandOptions{1, true}).isEmpty());
        QCOMPARE(lastError, qrs::Error::Denied);
        QCOMPARE(stateOf(other), qrs::ResourceState::Available);
        ::close(writeEnd);
        ::close(otherEnd);
    }

    void aReceiverThatCannotAdoptGivesEverythingBack()
    {
        int writeEnds[2];
        const QList<ResourceId> ids = {registerPipe(&writeEnds[0]), registerPipe(&writeEnds[1])};
        QSignalSpy failed(sharer, &ResourceSharer::transferFailed);
        courier.failAdoptAt = 1; // the first is adopted, the second is not
        QString error;
        QVERIFY(take(ids, &error).isEmpty());
        QCOMPARE(lastError, qrs::Error::SystemError);
        // The courier's own words (not translated) travel in the Nack.
        QVERIFY2(error.contains(QLatin1String("cannot adopt on purpose")), qPrintable(error));
        QCOMPARE(courier.discarded.load(), 1); // the first, all or none
        QTRY_COMPARE(failed.count(), 2);
        QVERIFY2(failed.at(0).at(1).toString().contains(QLatin1String("cannot adopt on purpose")),
                 qPrintable(failed.at(0).at(1).toString()));
        QCOMPARE(stateOf(ids.at(0)), qrs::ResourceState::Available);
        QCOMPARE(stateOf(ids.at(1)), qrs::ResourceState::Available);
        // ... and a second try takes them.
        courier.failAdoptAt = -1;
        const QList<qrs::DetachedFd> got = take(ids, &error);
        QCOMPARE(got.size(), 2);
        for (const qrs::DetachedFd &r : got)
            ::close(int(r.fd));
        ::close(writeEnds[0]);
        ::close(writeEnds[1]);
        QTRY_COMPARE(qrstest::openFds(), baselineFds);
    }

    // DupSocket's receiver: three pipes are given back, each one adopted and
    // closed again as its frame arrives, and all stay available.
    void aReceiverForSocketsOnlyGivesEveryPipeBack()
    {
        int writeEnds[3];
        QList<ResourceId> ids;
        for (int i = 0; i < 3; ++i)
            ids.append(registerPipe(&writeEnds[i], QStringLiteral("p%1").arg(i)));
        QString error;
        InBandOptions options;
        options.socketsOnly = true;
        QVERIFY(take(ids, &error, options).isEmpty());
        QCOMPARE(lastError, qrs::Error::WrongKind);
        QCOMPARE(courier.adoptCalls.load(), 3);
        QCOMPARE(courier.discarded.load(), 3);
        for (const ResourceId &id : ids)
            QTRY_COMPARE(stateOf(id), qrs::ResourceState::Available);
        for (int fd : writeEnds)
            ::close(fd);
        QTRY_COMPARE(qrstest::openFds() - 3, baselineFds); // the three cached read ends
    }

    void aResourceThatCannotBeMadeOverIsRefusedAndTheRestTakenBack()
    {
        int writeEnds[2];
        const QList<ResourceId> ids = {registerPipe(&writeEnds[0]), registerPipe(&writeEnds[1])};
        QSignalSpy failed(sharer, &ResourceSharer::transferFailed);
        courier.failMakeOverAt = 1;
        QString error;
        QVERIFY(take(ids, &error).isEmpty());
        QCOMPARE(lastError, qrs::Error::Denied);
        QVERIFY2(error.contains(QLatin1String("refused on purpose")), qPrintable(error));
        QCOMPARE(courier.takenBack.load(), 1);
        QTRY_COMPARE(failed.count(), 2);
        QCOMPARE(stateOf(ids.at(0)), qrs::ResourceState::Available);
        QCOMPARE(stateOf(ids.at(1)), qrs::ResourceState::Available);
        ::close(writeEnds[0]);
        ::close(writeEnds[1]);
        QTRY_COMPARE(qrstest::openFds() - 2, baselineFds); // the two cached read ends
    }

    void aReceiverThatLeavesWithoutAcknowledgingLeavesThemAvailable()
    {
        int writeEnd = -1;
        const ResourceId id = registerPipe(&writeEnd);
        QSignalSpy failed(sharer, &ResourceSharer::transferFailed);
        QString error;
        const QList<qrs::DetachedFd> got = take({id}, &error, InBandOptions{-1, false});
        QCOMPARE(got.size(), 1);
        ::close(int(got.at(0).fd));
        QTRY_COMPARE(failed.count(), 1);
        QCOMPARE(failed.at(0).at(0).value<qrs::ResourceInfo>().takenByPid, qint64(::getpid()));
        QCOMPARE(stateOf(id), qrs::ResourceState::Available);
        ::close(writeEnd);
    }

    // The public API, as Windows uses it: blocking, sockets only, on the event loop.
    void thePublicReceiversGoInBand()
    {
        int writeEnd = -1;
        const ResourceId pipe = registerPipe(&writeEnd, QStringLiteral("blocking"));
        QString error;
        const int fd = qrs::DupFd::detach(pipe, 5000, &error);
        QVERIFY2(fd >= 0, qPrintable(error));
        QCOMPARE(courier.adoptCalls.load(), 1);
        ::close(fd);

        QTcpServer server;
        QVERIFY(server.listen(QHostAddress::LocalHost));
        qrs::DupSocket listener(server.socketDescriptor());
        QVERIFY2(listener.isValid(), qPrintable(listener.errorString()));
        const qintptr socket = qrs::DupSocket::detach(listener.id(), 5000, &error);
        QVERIFY2(socket >= 0, qPrintable(error));
        QTcpServer adopted;
        QVERIFY(adopted.setSocketDescriptor(socket));
        QCOMPARE(adopted.serverPort(), server.serverPort());
        adopted.close();

        ::close(writeEnd);
        const ResourceId later = registerPipe(&writeEnd, QStringLiteral("async"));
        qrs::DetachJob *job = qrs::DupFd::detachAsync(later, 5000, this);
        QSignalSpy detached(job, &qrs::DetachJob::detached);
        QSignalSpy finished(job, &qrs::DetachJob::finished);
        QVERIFY(finished.wait(5000));
        QCOMPARE(detached.count(), 1);
        ::close(detached.at(0).at(0).toInt());
        QTRY_COMPARE(stateOf(later), qrs::ResourceState::Taken);

        // Refused on the event loop too.
        qrs::DetachJob *again = qrs::DupFd::detachAsync(later, 5000, this);
        QSignalSpy failed(again, &qrs::DetachJob::detachFailed);
        QVERIFY(failed.wait(5000));
        QCOMPARE(failed.at(0).at(0).value<qrs::Error>(), qrs::Error::AlreadyTaken);
        ::close(writeEnd);
    }

    // A job destroyed before it finishes never acknowledges: the resource stays.
    void anAbandonedJobLeavesTheResourceAvailable()
    {
        int writeEnd = -1;
        const ResourceId id = registerPipe(&writeEnd);
        QSemaphore hold;
        courier.holdMakeOver = &hold;
        auto *job = new qrs::DetachJob({id}, 5000);
        QSignalSpy failed(sharer, &ResourceSharer::transferFailed);
        // Drop the job while the sharer holds the resource in transfer for it.
        QVERIFY(QTest::qWaitFor([this] { return courier.inMakeOver.load(); }, 5000));
        QCOMPARE(stateOf(id), qrs::ResourceState::InTransfer);
        delete job;
        courier.holdMakeOver = nullptr;
        hold.release();
        QTRY_COMPARE(stateOf(id), qrs::ResourceState::Available);
        QTRY_COMPARE(failed.count(), 1); // queued to this thread
        QCOMPARE(courier.discarded.load(), courier.adoptCalls.load());
        // What was made over to a receiver that never read it is the receiver's
        // to close (docs/protocol.md); here that is this process.
        ::close(courier.lastMadeOver.load());
        ::close(writeEnd);
    }

    void inspectionWorksInBandToo()
    {
        int writeEnd = -1;
        const ResourceId id = registerPipe(&writeEnd, QStringLiteral("listed"));
        qrs::inspect::Listing listing;
        QString error;
        QVERIFY2(qrs::inspect::list(sharer->address(), 5000, &listing, &error), qPrintable(error));
        QCOMPARE(listing.entries.size(), 1);
        QCOMPARE(listing.entries.at(0).id, id);
        QCOMPARE(listing.entries.at(0).name, QStringLiteral("listed"));
        ::close(writeEnd);
    }
};

QRS_TEST_MAIN(tst_InBand)
#include "tst_inband.moc"
