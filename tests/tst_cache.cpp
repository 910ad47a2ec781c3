// SPDX-FileCopyrightText: 2026 QtResourceSharer contributors
//
// SPDX-License-Identifier: BSD-3-Clause

// The sharer's cache on its own: no server thread, no sockets, no descriptors
// (the handles are plain numbers the cache never touches).

#include "sharer/cache_p.h"
#include "testutil.h"

#include <QTest>

#include <thread>

using namespace qrs;
using namespace qrs::protocol;

namespace {

const QString Address = QStringLiteral("/run/test/sharer");

// The main thread's registrations, a millisecond apart: the snapshot orders by
// time, then key. (Threads of concurrentUse() make their own.)
ResourceInfo info(const QString &name, ResourceKind kind = ResourceKind::Socket)
{
    static QDateTime clock = QDateTime::currentDateTimeUtc();
    clock = clock.addMSecs(1);
    ResourceInfo i;
    i.name = name;
    i.kind = kind;
    i.registeredAt = clock;
    return i;
}

struct Reservation
{
    bool ok = false;
    std::vector<NativeHandle> handles;
    QList<ResourceHeader> headers;
    ErrorCode code = ErrorCode::None;
    int keyIndex = NoKeyIndex;
    QString message;
    Cache::Outcomes outcomes;
};

// A taker of the sharer's own user.
Cache::Taker own(qint64 pid)
{
    Cache::Taker t;
    t.pid = pid;
    t.ownUser = true;
    return t;
}

Reservation reserve(Cache &cache, const QList<Key> &keys, quint64 serial, const Cache::Taker &taker,
                    bool followed = true)
{
    Reservation r;
    r.ok = cache.reserve(keys, serial, taker, followed, &r.handles, &r.headers, &r.code,
                         &r.keyIndex, &r.message, &r.outcomes);
    return r;
}

Reservation reserve(Cache &cache, const QList<Key> &keys, quint64 serial, qint64 pid = 7,
                    bool followed = true)
{
    return reserve(cache, keys, serial, own(pid), followed);
}

QList<Cache::Event> events(const Cache::Outcomes &outcomes)
{
    QList<Cache::Event> result;
    for (const Cache::Outcome &o : outcomes)
        result.append(o.event);
    return result;
}

} // namespace

class tst_Cache : public QObject
{
    Q_OBJECT

private Q_SLOTS:

    // Who a rule admits, decided from the kernel's account of the taker.
    void accessRules_data()
    {
        QTest::addColumn<QList<uint>>("uids");
        QTest::addColumn<QList<uint>>("gids");
        QTest::addColumn<uint>("uid");
        QTest::addColumn<uint>("gid");
        QTest::addColumn<QList<uint>>("groups");
        QTest::addColumn<bool>("ownUser");
        QTest::addColumn<bool>("admitted");
        using L = QList<uint>;
        QTest::newRow("own user, no rule") << L{} << L{} << 0u << 0u << L{} << true << true;
        QTest::newRow("stranger, no rule")
                << L{} << L{} << 65534u << 65534u << L{} << false << false;
        QTest::newRow("named uid")
                << L{33, 65534} << L{} << 65534u << 65534u << L{} << false << true;
        QTest::newRow("other uid") << L{65534} << L{} << 65533u << 65534u << L{} << false << false;
        QTest::newRow("primary group") << L{} << L{33} << 1000u << 33u << L{} << false << true;
        QTest::newRow("supplementary group")
                << L{} << L{33} << 1000u << 1000u << L{4, 33} << false << true;
        QTest::newRow("no named group")
                << L{} << L{33} << 1000u << 1000u << L{4, 24} << false << false;
        QTest::newRow("own user beside a rule")
                << L{65534} << L{} << 0u << 0u << L{} << true << true;
    }
    void accessRules()
    {
        QFETCH(QList<uint>, uids);
        QFETCH(QList<uint>, gids);
        QFETCH(uint, uid);
        QFETCH(uint, gid);
        QFETCH(QList<uint>, groups);
        QFETCH(bool, ownUser);
        QFETCH(bool, admitted);
        Cache cache;
        ResourceInfo i = info(QStringLiteral("r"));
        i.allowedUids = uids;
        i.allowedGids = gids;
        const Key k = cache.insert(10, i, -1, Address).key;
        Cache::Taker taker;
        taker.pid = 4242;
        taker.uid = uid;
        taker.gid = gid;
        taker.groups.assign(groups.cbegin(), groups.cend());
        taker.ownUser = ownUser;
        QCOMPARE(cache.admitsAnything(taker), admitted);
        const Reservation r = reserve(cache, {k}, 1, taker);
        QCOMPARE(r.ok, admitted);
        if (!admitted) {
            QCOMPARE(r.code, ErrorCode::Denied);
            QCOMPARE(cache.snapshot().constFirst().state, ResourceState::Available);
        }
    }

    // Another user is told "denied" whatever the reason: it learns nothing of
    // which keys exist or existed.
    void otherUsersLearnNothing()
    {
        Cache cache;
        ResourceInfo i = info(QStringLiteral("r"));
        i.allowedUids = {65534};
        const Key k = cache.insert(10, i, -1, Address).key;
        Cache::Taker nobody;
        nobody.pid = 4242;
        nobody.uid = 65534;
        nobody.gid = 65534;
        Reservation r = reserve(cache, {Key::generate()}, 1, nobody);
        QCOMPARE(r.code, ErrorCode::Denied);
        QVERIFY(reserve(cache, {k}, 2, nobody).ok);
        cache.commit({k}, 2, 4242);
        QVERIFY(!cache.admitsAnything(nobody)); // no rule names it any more
        r = reserve(cache, {k}, 3, nobody);
        QCOMPARE(r.code, ErrorCode::Denied); // its own user would hear "already taken"
        QCOMPARE(reserve(cache, {k}, 4).code, ErrorCode::AlreadyTaken);
    }

#ifndef Q_OS_WIN
    // A resource bound to a process goes to that process and to no other, not
    // even of the sharer's own user, and to nobody once it has exited.
    void pidBinding()
    {
        qrstest::ForkedAs waiting(uint(::geteuid()),
                                  [](const QByteArray &) { return QByteArray(); });
        const pid_t child = waiting.pid();
        Cache cache;
        ResourceInfo i = info(QStringLiteral("r"));
        i.boundPid = child;
        platform::ProcessBinding binding = platform::ProcessBinding::open(child);
        QVERIFY(binding.isValid());
        const Key k = cache.insert(10, i, -1, Address, std::move(binding)).key;

        Reservation r = reserve(cache, {k}, 1, QCoreApplication::applicationPid());
        QCOMPARE(r.code, ErrorCode::Denied); // a sibling of the same user
        Cache::Taker asNobody;               // the bound process, after it dropped its privileges
        asNobody.pid = child;
        asNobody.uid = 65534;
        asNobody.gid = 65534;
        QVERIFY(cache.admitsAnything(asNobody));
        r = reserve(cache, {k}, 2, asNobody);
        QVERIFY2(r.ok, qPrintable(r.message));
        cache.release({k}, 2, QStringLiteral("test"), 0);

        QCOMPARE(waiting.finish(), QByteArray()); // it has exited, and is reaped
        // Its pid may be anyone's now.
        QVERIFY(!cache.admitsAnything(asNobody));
        r = reserve(cache, {k}, 3, asNobody);
        QCOMPARE(r.code, ErrorCode::Denied);
        QCOMPARE(reserve(cache, {k}, 4, own(child)).code, ErrorCode::Denied);
    }
#endif

    void boundLaterWaitsForItsProcess()
    {
        Cache cache;
        ResourceInfo i = info(QStringLiteral("r"));
        i.boundPid = RegisterOptions::BoundLater;
        const Key k = cache.insert(10, i, -1, Address).key;
        const Key sibling = cache.insert(11, i, -1, Address).key; // shares the binding
        const qint64 self = QCoreApplication::applicationPid();
        Cache::Taker stranger;
        stranger.pid = self;
        stranger.uid = 65534;
        QVERIFY(cache.admitsAnything(stranger)); // it may be the process yet to come
        QCOMPARE(reserve(cache, {k}, 1, self).code, ErrorCode::AwaitingBinding);
        auto process =
                std::make_shared<platform::ProcessBinding>(platform::ProcessBinding::open(self));
        QVERIFY(process->isValid());
        QCOMPARE(cache.bind({k, sibling, Key::generate()}, process), 2);
        QCOMPARE(cache.snapshot().constFirst().boundPid, self);
        QCOMPARE(reserve(cache, {k}, 2, self + 1).code, ErrorCode::Denied);
        QVERIFY(reserve(cache, {k}, 3, self).ok);
        QCOMPARE(cache.bind({k}, process), 0); // bound once only
        cache.commit({k}, 3, self);
        QVERIFY(cache.admitsAnything(stranger)); // its sibling still names the process
        stranger.pid = self + 1;
        QVERIFY(!cache.admitsAnything(stranger));
    }
    void insertGivesFreshKeysAndRevisions()
    {
        Cache cache;
        const Cache::Outcome a = cache.insert(10, info(QStringLiteral("a")), -1, Address);
        const Cache::Outcome b = cache.insert(11, info(QStringLiteral("b")), -1, Address);
        QCOMPARE(a.event, Cache::Event::Registered);
        QVERIFY(!a.isFinal());
        QCOMPARE(a.handleToClose, -1); // the cache keeps it
        QCOMPARE(a.info.id.address(), Address);
        QCOMPARE(a.info.id.key(), a.key.toBytes());
        QVERIFY(a.key != b.key);
        QCOMPARE(a.info.revision, 1u);
        QCOMPARE(b.info.revision, 2u);
        QCOMPARE(a.info.state, ResourceState::Available);
        QCOMPARE(cache.count(), 2);

        SharerStatistics stats;
        const QList<ResourceInfo> entries = cache.snapshot(&stats);
        QCOMPARE(stats.registered, 2u);
        QCOMPARE(stats.revision, 2u);
        QCOMPARE(entries.size(), 2);
        QCOMPARE(entries.at(0).name, QStringLiteral("a")); // in the order of registration
        QCOMPARE(entries.at(1).name, QStringLiteral("b"));
    }

    void reserveThenCommit()
    {
        Cache cache;
        const Key a = cache.insert(10, info(QStringLiteral("a")), -1, Address).key;
        const Key b =
                cache.insert(11, info(QStringLiteral("b"), ResourceKind::File), -1, Address).key;
        const Reservation r = reserve(cache, {b, a}, 1, 4242);
        QVERIFY(r.ok);
        QCOMPARE(r.handles, (std::vector<NativeHandle>{11, 10})); // in the request's order
        QCOMPARE(r.headers.size(), 2);
        QCOMPARE(r.headers.at(0).name, QStringLiteral("b"));
        QCOMPARE(r.headers.at(0).kind, WireKind(quint8(ResourceKind::File)));
        QCOMPARE(events(r.outcomes), QList<Cache::Event>(2, Cache::Event::Reserved));
        QCOMPARE(r.outcomes.at(0).info.state, ResourceState::InTransfer);
        QCOMPARE(r.outcomes.at(0).info.takenByPid, 4242);

        // Another connection's commit changes nothing.
        QVERIFY(cache.commit({a, b}, 2, 99).isEmpty());
        const Cache::Outcomes taken = cache.commit({a, b}, 1, 4242);
        QCOMPARE(events(taken), QList<Cache::Event>(2, Cache::Event::Transferred));
        QVERIFY(taken.at(0).isFinal());
        QCOMPARE(taken.at(0).handleToClose, 10);
        QCOMPARE(taken.at(1).handleToClose, 11);
        QCOMPARE(taken.at(0).info.state, ResourceState::Taken);
        QCOMPARE(taken.at(0).info.takenByPid, 4242);
        QCOMPARE(cache.count(), 0);
        QCOMPARE(cache.statistics().taken, 2u);
        QCOMPARE(cache.statistics().revision, 6u);

        // The tombstone answers a second request.
        const Reservation again = reserve(cache, {a}, 3);
        QVERIFY(!again.ok);
        QCOMPARE(again.code, ErrorCode::AlreadyTaken);
        QCOMPARE(again.keyIndex, 0);
    }

    void reserveUnfollowedRecordsNothing()
    {
        Cache cache;
        const Key a = cache.insert(10, info(QStringLiteral("a")), -1, Address).key;
        const Reservation r = reserve(cache, {a}, 1, 7, false);
        QVERIFY(r.ok);
        QVERIFY(r.outcomes.isEmpty());
        QCOMPARE(cache.statistics().revision, 2u); // counted all the same
    }

    void reserveIsAllOrNone()
    {
        Cache cache;
        const Key a = cache.insert(10, info(QStringLiteral("a")), -1, Address).key;
        const Key b = cache.insert(11, info(QStringLiteral("b")), -1, Address).key;
        Key unknown;
        unknown.bytes.fill(0xab);

        Reservation r = reserve(cache, {a, unknown}, 1);
        QVERIFY(!r.ok);
        QCOMPARE(r.code, ErrorCode::UnknownKey);
        QCOMPARE(r.keyIndex, 1);
        QVERIFY(r.handles.empty());

        r = reserve(cache, {a, b, a}, 1);
        QVERIFY(!r.ok);
        QCOMPARE(r.code, ErrorCode::Malformed);
        QCOMPARE(r.keyIndex, 2);

        // Nothing of the refused requests was reserved.
        QVERIFY(reserve(cache, {a}, 2).ok);
        r = reserve(cache, {b, a}, 3);
        QVERIFY(!r.ok);
        QCOMPARE(r.code, ErrorCode::Busy);
        QCOMPARE(r.keyIndex, 1);
        QVERIFY(reserve(cache, {b}, 3).ok);
    }

    void releaseMakesAvailableAgain()
    {
        Cache cache;
        const Key a = cache.insert(10, info(QStringLiteral("a")), -1, Address).key;
        QVERIFY(reserve(cache, {a}, 1, 55).ok);
        QVERIFY(cache.release({a}, 2, QStringLiteral("not mine"), 0).isEmpty());
        const Cache::Outcomes failed = cache.release({a}, 1, QStringLiteral("broke"), 0);
        QCOMPARE(events(failed), QList<Cache::Event>{Cache::Event::Failed});
        QCOMPARE(failed.at(0).reason, QStringLiteral("broke"));
        QCOMPARE(failed.at(0).info.takenByPid, 55); // the receiver that failed
        QCOMPARE(failed.at(0).handleToClose, -1);
        QCOMPARE(cache.snapshot().at(0).state, ResourceState::Available);
        QCOMPARE(cache.snapshot().at(0).takenByPid, 0);
        QCOMPARE(cache.statistics().failed, 1u);
        QVERIFY(reserve(cache, {a}, 2).ok);
    }

    void revokeWaitsForTheTransfer()
    {
        Cache cache;
        const Key a = cache.insert(10, info(QStringLiteral("a")), -1, Address).key;
        const Key b = cache.insert(11, info(QStringLiteral("b")), -1, Address).key;
        QVERIFY(reserve(cache, {a}, 1).ok);
        int found = -1;
        Key unknown;
        unknown.bytes.fill(1);
        const Cache::Outcomes revoked = cache.revoke({a, b, unknown}, &found);
        QCOMPARE(found, 2);
        QCOMPARE(events(revoked), QList<Cache::Event>{Cache::Event::Revoked}); // b only
        QCOMPARE(revoked.at(0).key, b);
        QCOMPARE(revoked.at(0).handleToClose, 11);

        // The receiver of a gives it back: revoked now.
        const Cache::Outcomes released = cache.release({a}, 1, QStringLiteral("nack"), 0);
        QCOMPARE(events(released),
                 (QList<Cache::Event>{Cache::Event::Failed, Cache::Event::Revoked}));
        QCOMPARE(released.at(1).handleToClose, 10);
        QCOMPARE(reserve(cache, {a}, 2).code, ErrorCode::Revoked);

        // Had it acknowledged, it would have been taken.
        const Key c = cache.insert(12, info(QStringLiteral("c")), -1, Address).key;
        QVERIFY(reserve(cache, {c}, 3).ok);
        QCOMPARE(cache.revoke({c}, &found).size(), 0);
        QCOMPARE(events(cache.commit({c}, 3, 7)), QList<Cache::Event>{Cache::Event::Transferred});
    }

    void expiry()
    {
        Cache cache;
        const Key a = cache.insert(10, info(QStringLiteral("a")), 100, Address).key;
        const Key b = cache.insert(11, info(QStringLiteral("b")), 200, Address).key;
        cache.insert(12, info(QStringLiteral("c")), -1, Address);
        QCOMPARE(cache.nextExpiry(), 100);

        qint64 next = 0;
        QVERIFY(cache.expireDue(99, &next).isEmpty());
        QCOMPARE(next, 100);

        // In transfer at its deadline: it waits for the receiver.
        QVERIFY(reserve(cache, {a}, 1).ok);
        QCOMPARE(cache.nextExpiry(), 200);
        QVERIFY(cache.expireDue(150, &next).isEmpty());
        QCOMPARE(next, 200);
        const Cache::Outcomes released = cache.release({a}, 1, QStringLiteral("broke"), 150);
        QCOMPARE(events(released),
                 (QList<Cache::Event>{Cache::Event::Failed, Cache::Event::Expired}));
        QCOMPARE(reserve(cache, {a}, 2).code, ErrorCode::Expired);

        const Cache::Outcomes expired = cache.expireDue(250, &next);
        QCOMPARE(events(expired), QList<Cache::Event>{Cache::Event::Expired});
        QCOMPARE(expired.at(0).key, b);
        QCOMPARE(expired.at(0).handleToClose, 11);
        QCOMPARE(next, -1);
        QCOMPARE(cache.nextExpiry(), -1);
        QCOMPARE(cache.count(), 1);
        QCOMPARE(cache.statistics().expired, 2u);
    }

    void revokeAllOfOneAddress()
    {
        Cache cache;
        cache.insert(10, info(QStringLiteral("a")), -1, Address);
        cache.insert(11, info(QStringLiteral("b")), -1, QStringLiteral("/run/test/newer"));
        const Cache::Outcomes gone = cache.revokeAll(Address);
        QCOMPARE(gone.size(), 1);
        QCOMPARE(gone.at(0).handleToClose, 10);
        QCOMPARE(cache.count(), 1);
        QCOMPARE(cache.snapshot().at(0).name, QStringLiteral("b"));
    }

    void refusedCountsExistingKeys()
    {
        Cache cache;
        const Key a = cache.insert(10, info(QStringLiteral("a")), -1, Address).key;
        Key unknown;
        unknown.bytes.fill(2);
        const Cache::Outcomes failed = cache.refused({a, unknown}, QStringLiteral("uid"));
        QCOMPARE(events(failed), QList<Cache::Event>{Cache::Event::Failed});
        QCOMPARE(failed.at(0).reason, QStringLiteral("uid"));
        QCOMPARE(cache.statistics().failed, 1u);
        QCOMPARE(cache.count(), 1);
    }

    void tombstonesAreBounded()
    {
        Cache cache;
        int found = 0;
        const Key first = cache.insert(1, info(QStringLiteral("first")), -1, Address).key;
        QCOMPARE(cache.revoke({first}, &found).size(), 1);
        for (int i = 0; i < MaxTombstones - 1; ++i) {
            const Key k = cache.insert(2, info(QString()), -1, Address).key;
            cache.revoke({k}, &found);
        }
        QCOMPARE(reserve(cache, {first}, 1).code, ErrorCode::Revoked);
        const Key last = cache.insert(3, info(QString()), -1, Address).key;
        cache.revoke({last}, &found);
        // The oldest tombstone made room: that key is merely unknown now.
        QCOMPARE(reserve(cache, {first}, 1).code, ErrorCode::UnknownKey);
        QCOMPARE(reserve(cache, {last}, 1).code, ErrorCode::Revoked);
    }

    void clearInChild()
    {
        Cache cache;
        cache.insert(10, info(QStringLiteral("a")), 100, Address);
        cache.insert(11, info(QStringLiteral("b")), -1, Address);
        cache.lock();
        std::vector<NativeHandle> handles = cache.clearInChild();
        cache.unlock();
        std::sort(handles.begin(), handles.end());
        QCOMPARE(handles, (std::vector<NativeHandle>{10, 11}));
        QCOMPARE(cache.count(), 0);
        QCOMPARE(cache.nextExpiry(), -1);
        QCOMPARE(cache.statistics().registered, 0u);
    }

    // Registrations and handoffs from several threads at once: every key is
    // unique, every revision too, and the counters add up.
    void concurrentUse()
    {
        Cache cache;
        constexpr int Threads = 4;
        constexpr int PerThread = 500;
        std::vector<std::thread> threads;
        for (int t = 0; t < Threads; ++t) {
            threads.emplace_back([&cache, t] {
                for (int i = 0; i < PerThread; ++i) {
                    ResourceInfo mine;
                    mine.registeredAt = QDateTime::currentDateTimeUtc();
                    const Key k = cache.insert(t * PerThread + i, mine, -1, Address).key;
                    if (i % 2)
                        continue;
                    const quint64 serial = quint64(t * PerThread + i + 1);
                    std::vector<NativeHandle> handles;
                    QList<ResourceHeader> headers;
                    ErrorCode code;
                    int index;
                    QString message;
                    Cache::Outcomes outcomes;
                    if (cache.reserve({k}, serial, own(1), false, &handles, &headers, &code, &index,
                                      &message, &outcomes))
                        cache.commit({k}, serial, 1);
                }
            });
        }
        for (std::thread &t : threads)
            t.join();
        const SharerStatistics stats = cache.statistics();
        QCOMPARE(stats.registered, quint64(Threads * PerThread));
        QCOMPARE(stats.taken, quint64(Threads * PerThread / 2));
        QCOMPARE(cache.count(), Threads * PerThread / 2);
        // Registered, then Reserved and Transferred for half of them.
        QCOMPARE(stats.revision, quint64(Threads * PerThread * 2));
        QSet<QByteArray> keys;
        for (const ResourceInfo &i : cache.snapshot())
            keys.insert(i.id.key());
        QCOMPARE(keys.size(), Threads * PerThread / 2);
    }
};

QRS_TEST_MAIN(tst_Cache)
#include "tst_cache.moc"
