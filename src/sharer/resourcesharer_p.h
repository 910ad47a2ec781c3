// SPDX-FileCopyrightText: 2026 QtResourceSharer contributors
//
// SPDX-License-Identifier: BSD-3-Clause

// The sharer's shared state: the cache (key -> entry) guarded by one mutex that
// is held only for map operations, never across I/O, plus the server's
// lifecycle. SharerServer (server thread) and the public API (any thread) meet
// here.
#pragma once

#include "common/handlecourier_p.h"
#include "protocol/protocol.h"

#include <qrs/resourcesharer.h>

#include <QHash>
#include <QMultiMap>
#include <QMutex>
#include <QSet>

#include <atomic>
#include <deque>
#include <functional>
#include <memory>

QT_BEGIN_NAMESPACE
class QThread;
QT_END_NAMESPACE

namespace qrs::sharerplatform {
class ThreadGone;
}

namespace qrs {

class DupFd;
class SharerServer;

class ResourceSharerPrivate
{
public:
    explicit ResourceSharerPrivate(ResourceSharer *q)
        : q_ptr(q)
    { }
    static ResourceSharerPrivate *get(ResourceSharer *q) { return q->d_func(); }

    // Any thread. Takes ownership of handle; owner (may be null) hears of the end.
    ResourceId registerResource(NativeHandle handle, const RegisterOptions &options, DupFd *owner,
                                QString *error);
    // Any thread: a DupFd going away must not be notified any more.
    void forgetOwner(const ResourceId &id, DupFd *owner);

    // What happened to an entry, collected under the mutex and acted on after it
    // is released: close the resource, emit the signal.
    enum class Event { Registered, Reserved, Transferred, Expired, Revoked, Failed };
    // The same event as watchers see it.
    static protocol::ChangeKind changeKind(Event event);
    struct Outcome
    {
        Event event;
        ResourceInfo info;
        NativeHandle handleToClose = -1;
        QString reason;
    };

    // Server thread. Marks every key in transfer to connection serial and pid,
    // or none: on failure *code, *keyIndex and *message say why.
    bool reserve(const QList<protocol::Key> &keys, quint64 serial, qint64 pid,
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
    qint64 nextExpiry() const;
    // Server thread, on shutdown: revokes and closes every entry of the server at
    // address (a newer server's entries are left alone).
    void closeAll(const QString &address);
    // Server thread: descriptors of the server itself, closed in a forked child.
    void trackServerFd(int fd, bool open);

    // Any thread: revokes the keys of this sharer that are cached (a key in
    // transfer is revoked if its receiver does not acknowledge); returns how many.
    int revokeKeys(const QList<protocol::Key> &keys);
    // Any thread: the cache and the counters at one moment.
    QList<ResourceInfo> snapshot(SharerStatistics *statistics) const;

    // Any thread: what the process says about itself (a compact JSON object, or
    // empty), served to inspectors; setting it tells the watchers.
    QByteArray processStatus() const;
    void setProcessStatus(const QByteArray &json);

    // Server thread: the server that forwards every outcome to its watchers, or
    // null. Set while the server has watchers, cleared before it goes away.
    void setWatchHub(SharerServer *hub);

    bool isUidAllowed(uint uid) const;
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
    QString lastPath;      // reused by the next start, so that watchers find us again
    QString publishedFile; // <runtime>/qrs-sharers-<uid>/<pid>, while running
    // Where resources travel in band, how they are made over: the platform's,
    // or a test's (set while stopped; the next server uses it).
    HandleCourier *courier = HandleCourier::forPlatform();
    void setCourier(HandleCourier *c);
    bool ensureStarted(QString *error);
    bool stop(int timeoutMs);

private:
    struct Entry
    {
        NativeHandle handle = -1;
        ResourceInfo info;
        DupFd *owner = nullptr;
        quint64 holder = 0;         // connection serial while in transfer
        qint64 expiryDeadline = -1; // ms on the steady clock, -1 without TTL
        bool revokePending = false;
    };
    using Entries = QHash<protocol::Key, Entry>;

    // All with mutex held.
    // Gives info the next revision and counts the event in the statistics.
    void count(Event event, ResourceInfo *info);
    Outcome removeEntry(Entries::iterator it, ResourceState state, qint64 pid = 0);
    void remember(const protocol::Key &key, ResourceState state);
    void notifyOwner(const Entry &entry, Event event, qint64 pid);
    // Without the mutex: close descriptors, then emit in the sharer's thread.
    void publish(QList<Outcome> outcomes);

    mutable QMutex mutex;
    QString m_address; // empty while stopped
    Entries m_entries;
    QHash<protocol::Key, ResourceState> m_tombstones;
    std::deque<protocol::Key> m_tombstoneOrder;
    QMultiMap<qint64, protocol::Key> m_expiries;
    QSet<int> m_serverFds;
    QList<uint> m_allowedUids;
    int m_connectionTimeoutMs = protocol::DefaultConnectionTimeoutMs;
    SharerStatistics m_stats;
    QByteArray m_processStatus;

    QMutex watchMutex;
    SharerServer *m_watchHub = nullptr;
    std::atomic<bool> m_watched{false};

    friend class ResourceSharer;
};

} // namespace qrs
