// SPDX-FileCopyrightText: 2026 QtResourceSharer contributors
//
// SPDX-License-Identifier: BSD-3-Clause

// The sharer's cache: key -> entry, the tombstones of keys that are gone, the
// expiries, the revisions and the statistics. One mutex inside, held only for
// map operations; no threads, no I/O, no signals. Every change returns its
// outcomes, and the caller acts on them once the mutex is released: closes the
// handles they carry, tells the owner of the key, emits, informs watchers.
// Any thread may call any method.
#pragma once

#include "process.h"
#include "protocol.h"

#include <qrs/resourceinfo.h>

#include <QHash>
#include <QList>
#include <QMultiMap>
#include <QMutex>

#include <deque>
#include <memory>
#include <vector>

namespace qrs {

class Cache
{
public:
    // What happened to an entry.
    enum class Event { Registered, Reserved, Transferred, Expired, Revoked, Failed };
    // The same event as watchers see it.
    static protocol::ChangeKind changeKind(Event event);

    struct Outcome
    {
        Event event;
        ResourceInfo info;
        NativeHandle handleToClose = -1; // the entry left the cache: close this
        QString reason;                  // Failed: why
        protocol::Key key;
        // Transferred, Expired, Revoked: nothing more happens to this key.
        bool isFinal() const
        {
            return event == Event::Transferred || event == Event::Expired
                    || event == Event::Revoked;
        }
    };
    using Outcomes = QList<Outcome>;

    // Who asks for resources, as the kernel reported it when it connected.
    struct Taker
    {
        qint64 pid = 0;
        uint uid = 0;
        uint gid = 0;
        std::vector<uint32_t> groups; // supplementary; read for other users only
        bool ownUser = false;         // the sharer's own uid
        bool allowedUser = false;     // on ResourceSharer::setAllowedUids()
    };

    // Adds handle (owned by the cache from now on) with info, under a fresh key
    // of the sharer at address. expiryDeadline: ms on the steady clock, or -1.
    // binding: the process of info.boundPid (> 0), held on to.
    Outcome insert(NativeHandle handle, ResourceInfo info, qint64 expiryDeadline,
                   const QString &address, platform::ProcessBinding binding = {});

    // Marks every key to connection serial and taker, or none: on failure
    // *code, *keyIndex and *message say why. A taker of another user learns
    // nothing but Denied. AwaitingBinding: a key waits for bind(). followed:
    // record the Reserved outcomes (someone watches or listens); otherwise
    // *outcomes stays empty.
    bool reserve(const QList<protocol::Key> &keys, quint64 serial, const Taker &taker,
                 bool followed, std::vector<NativeHandle> *handles,
                 QList<protocol::ResourceHeader> *headers, protocol::ErrorCode *code, int *keyIndex,
                 QString *message, Outcomes *outcomes);
    // Whether any entry's rule could admit taker: who may reach the sharer at all.
    bool admitsAnything(const Taker &taker) const;
    // Binds the keys registered with RegisterOptions::BoundLater to process,
    // which those entries share; returns how many were waiting.
    int bind(const QList<protocol::Key> &keys,
             const std::shared_ptr<platform::ProcessBinding> &process);
    // The receiver (pid) acknowledged: the entries reserved by serial leave.
    Outcomes commit(const QList<protocol::Key> &keys, quint64 serial, qint64 pid);
    // The transfer of serial broke: the entries are available again, unless a
    // revocation or an expiry (due at now) waited for it.
    Outcomes release(const QList<protocol::Key> &keys, quint64 serial, const QString &reason,
                     qint64 now);
    // A request for keys was refused: Failed for each key still cached.
    Outcomes refused(const QList<protocol::Key> &keys, const QString &reason);
    // Expires what is due at now (entries in transfer wait for release());
    // *next: the next deadline, or -1.
    Outcomes expireDue(qint64 now, qint64 *next);
    // The earliest deadline of an entry not in transfer, or -1.
    qint64 nextExpiry() const;
    // Revokes the keys that are cached (one in transfer once its receiver has
    // answered); *found: how many were.
    Outcomes revoke(const QList<protocol::Key> &keys, int *found);
    // Revokes every entry of the sharer at address (a newer one's stay).
    Outcomes revokeAll(const QString &address);

    // The entries in the order of registration, and the counters, at one moment.
    QList<ResourceInfo> snapshot(SharerStatistics *statistics = nullptr) const;
    SharerStatistics statistics() const;
    int count() const;

    // fork(): lock before, unlock after in both processes. In the child, with
    // the lock held: forgets everything and returns the handles to close.
    void lock() const { m_mutex.lock(); }
    void unlock() const { m_mutex.unlock(); }
    std::vector<NativeHandle> clearInChild();

private:
    struct Entry
    {
        NativeHandle handle = -1;
        ResourceInfo info;
        quint64 holder = 0;         // connection serial while in transfer
        qint64 expiryDeadline = -1; // -1 without TTL
        bool revokePending = false;
        std::shared_ptr<platform::ProcessBinding> process; // info.boundPid's, once bound
    };
    using Entries = QHash<protocol::Key, Entry>;

    // All with the mutex held.
    // Gives info the next revision and counts the event in the statistics.
    void count(Event event, ResourceInfo *info);
    Outcome remove(Entries::iterator it, ResourceState state, qint64 pid = 0);
    void remember(const protocol::Key &key, ResourceState state);
    protocol::ErrorCode refusalFor(const protocol::Key &key) const;
    static bool mayTake(const Entry &e, const Taker &taker);
    // Counts e's rule in (delta +1) or out (-1) of the index below.
    void index(const Entry &e, int delta);

    mutable QMutex m_mutex;
    Entries m_entries;
    QHash<protocol::Key, ResourceState> m_tombstones;
    std::deque<protocol::Key> m_tombstoneOrder;
    QMultiMap<qint64, protocol::Key> m_expiries;
    // Who the entries' rules name, so that admitsAnything() need not look at
    // every entry for every connection: uids and gids with how many entries
    // name each, the bindings by pid, and how many wait for theirs.
    QHash<uint, int> m_namedUids;
    QHash<uint, int> m_namedGids;
    QMultiHash<qint64, const platform::ProcessBinding *> m_bindings;
    int m_awaitingBinding = 0;
    SharerStatistics m_stats;
};

} // namespace qrs
