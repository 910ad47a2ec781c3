// SPDX-FileCopyrightText: 2026 QtResourceSharer contributors
//
// SPDX-License-Identifier: BSD-3-Clause

// Who hears how each key's entry ends (a DupFd subscribes when it registers):
// subscribed before any outcome of the key can be published, told once, from
// whichever thread settles it. Any thread; one mutex of its own, taken before
// the cache's when both are.
#pragma once

#include "cache_p.h"

#include <QHash>
#include <QMutex>

namespace qrs {

// Hears how the entry of one key ends (Transferred, Expired or Revoked): what
// a DupFd subscribes to when it registers.
class CacheSubscriber
{
public:
    // Any thread, with the subscriptions' lock held: once unsubscribe() has
    // returned, no call is running or will come.
    virtual void settled(const Cache::Outcome &outcome) = 0;

protected:
    ~CacheSubscriber() = default;
};

class Subscriptions
{
public:
    // Runs insert (which puts the entry in the cache and returns its outcome)
    // and subscribes subscriber to its key, under one lock: no outcome of the
    // key can be told before the subscription is in.
    template<typename Insert>
    Cache::Outcome subscribeWhile(CacheSubscriber *subscriber, Insert &&insert)
    {
        QMutexLocker lock(&m_mutex);
        Cache::Outcome registered = insert();
        m_subscribers.insert(registered.key, subscriber);
        return registered;
    }
    // subscriber hears nothing more of key; no call of it runs once this returns.
    void unsubscribe(const protocol::Key &key, CacheSubscriber *subscriber);
    // Tells each final outcome's subscriber, once.
    void settle(const QList<Cache::Outcome> &outcomes);

    // fork(): the forking thread holds the lock across it; the child forgets
    // the parent's subscribers (its objects; the child hears nothing of them).
    void lockForFork() { m_mutex.lock(); }
    void unlockForFork() { m_mutex.unlock(); }
    void resetInChild() { m_subscribers.clear(); }

private:
    QMutex m_mutex;
    QHash<protocol::Key, CacheSubscriber *> m_subscribers;
};

} // namespace qrs
