// SPDX-FileCopyrightText: 2026 QtResourceSharer contributors
//
// SPDX-License-Identifier: BSD-3-Clause

// The sharer's shared state: the cache (cache_p.h), who follows its keys, the
// settings, and the server's lifecycle and fork handling. SharerServer (server
// thread) and the public API (any thread) meet here.
#pragma once

#include "cache_p.h"
#include "commandrelay_p.h"
#include "handlecourier_p.h"
#include "protocol.h"
#include "subscriptions_p.h"
#include "watchhub_p.h"

#include <qrs/resourcesharer.h>

#include <QHash>
#include <QMutex>
#include <QSet>

#include <atomic>
#include <functional>
#include <memory>

QT_BEGIN_NAMESPACE
class QThread;
QT_END_NAMESPACE

namespace qrs::sharerplatform {
class ThreadGone;
}

namespace qrs {

class SharerServer;

class ResourceSharerPrivate
{
public:
    explicit ResourceSharerPrivate(ResourceSharer *q)
        : q_ptr(q)
    { }
    static ResourceSharerPrivate *get(ResourceSharer *q) { return q->d_func(); }

    // Any thread. Takes ownership of handle; subscriber (may be null) hears of the end.
    ResourceId registerResource(NativeHandle handle, const RegisterOptions &options,
                                CacheSubscriber *subscriber, Error *code, QString *error);
    // Any thread: subscriber hears nothing more of id.
    void unsubscribe(const ResourceId &id, CacheSubscriber *subscriber);

    using Event = Cache::Event;
    using Outcome = Cache::Outcome;

    // Server thread. Marks every key in transfer to connection serial and
    // taker, or none: on failure *code, *keyIndex and *message say why.
    bool reserve(const QList<protocol::Key> &keys, quint64 serial, const Cache::Taker &taker,
                 std::vector<NativeHandle> *handles, QList<protocol::ResourceHeader> *headers,
                 protocol::ErrorCode *code, int *keyIndex, QString *message);
    // Server thread: the receiver (pid) acknowledged; the entries leave the cache.
    void commit(const QList<protocol::Key> &keys, quint64 serial, qint64 pid);
    // Server thread: the transfer broke; the entries are available again.
    void release(const QList<protocol::Key> &keys, quint64 serial, const QString &reason);
    // Server thread: tells the owner of existing keys that a request was refused.
    void reportRefused(const QList<protocol::Key> &keys, const QString &reason);
    // Server thread: expires what is due; returns the next deadline (ms, steady
    // clock) or -1.
    qint64 expireDue();
    // Server thread, on shutdown: revokes and closes every entry of the server at
    // address (a newer server's entries are left alone).
    void closeAll(const QString &address);
    // Server thread: descriptors of the server itself, closed in a forked child.
    void trackServerFd(int fd, bool open);

    // Any thread: binds the keys registered with RegisterOptions::BoundLater to
    // the live process pid, and serves the requests that waited for it.
    bool bindToProcess(const QList<protocol::Key> &keys, qint64 pid, Error *code, QString *error);
    // Any thread: whether address is this sharer's (its own, or its door).
    bool isOwnAddress(const QString &address) const;

    // Any thread: revokes the keys of this sharer that are cached (a key in
    // transfer is revoked if its receiver does not acknowledge); returns how many.
    int revokeKeys(const QList<protocol::Key> &keys);
    Cache cache;

    // Any thread: what the process says about itself (a compact JSON object, or
    // empty), served to inspectors; setting it tells the watchers.
    QByteArray processStatus() const;
    void setProcessStatus(const QByteArray &json);

    // The server that forwards every outcome and status to its watchers: set
    // by the server thread while it has watchers, cleared before it goes away.
    WatchHub watchHub;

    bool isUidAllowed(uint uid) const;
    CommandRelay commands;
    // Any thread: the reply to the command on connection serial of server s,
    // if s still runs (the caller of a command may outlive a restart of it).
    void deliverReply(SharerServer *s, quint64 serial, const QByteArray &json);
    int connectionTimeoutMs() const;

    // atfork handlers (fork() caller's thread, or the child).
    void lockForFork();
    void unlockForFork();
    void resetInChild();

    ResourceSharer *const q_ptr;
    Q_DECLARE_PUBLIC(ResourceSharer)

    // Lifecycle: guarded by lifecycleMutex (taken before mutex when both are).
    QMutex lifecycleMutex;
    QThread *thread = nullptr;
    std::shared_ptr<sharerplatform::ThreadGone> threadGone; // thread's exit, clean-up included
    SharerServer *server = nullptr;
    QString directory;
    QString doorDirectory; // sharerplatform::newDoorAddress(), once opened
    QString lastPath;      // reused by the next start, so that watchers find us again
    QString publishedFile; // <runtime>/qrs-sharers-<uid>/<pid>, while running
    // Where resources travel in band, how they are made over: the platform's,
    // or a test's (set while stopped; the next server uses it).
    HandleCourier *courier = HandleCourier::forPlatform();
    void setCourier(HandleCourier *c);
    bool ensureStarted(QString *error);
    // Caller holds lifecycleMutex, the server runs: opens the door for other
    // users if it is not open; its address in *address.
    bool ensureDoor(QString *address, QString *error);
    bool stop(int timeoutMs);

private:
    // Without any lock: close the handles, tell subscribers, then emit in the
    // sharer's thread and inform watchers.
    void publish(QList<Outcome> outcomes);

    // Settings and the address: guarded by mutex (taken after lifecycleMutex).
    mutable QMutex mutex;
    QString m_address;     // empty while stopped
    QString m_doorAddress; // empty until a rule names other users
    QSet<int> m_serverFds;
    QList<uint> m_allowedUids;
    int m_connectionTimeoutMs = protocol::DefaultConnectionTimeoutMs;
    QByteArray m_processStatus;

    // Its lock is taken before the cache's own when both are.
    Subscriptions m_subscriptions;

    friend class ResourceSharer;
};

} // namespace qrs
