// SPDX-FileCopyrightText: 2026 QtResourceSharer contributors
//
// SPDX-License-Identifier: BSD-3-Clause

// The server that forwards outcomes and the process's status to its watchers
// (SharerServer::broadcast()), while it has any: set and cleared by the server
// thread, used from any thread that publishes. Checking whether anyone watches
// costs one atomic load. Any thread; one mutex of its own.
#pragma once

#include "cache_p.h"

#include <QByteArray>
#include <QMutex>

#include <atomic>

namespace qrs {

class SharerServer;

class WatchHub
{
public:
    // Server thread: hub forwards from now on; null: nobody watches.
    void set(SharerServer *hub);
    // Any thread: whether some watcher follows (then outcomes are worth building).
    bool isWatched() const { return m_watched.load(std::memory_order_acquire); }
    // Any thread: the outcomes, and a new process status, to every watcher.
    void broadcast(const QList<Cache::Outcome> &outcomes);
    void broadcastStatus(const QByteArray &json);
    // In the child of fork(): the parent's server is not the child's.
    void resetInChild();

private:
    QMutex m_mutex;
    SharerServer *m_hub = nullptr;
    std::atomic<bool> m_watched{false};
};

} // namespace qrs
