// SPDX-FileCopyrightText: 2026 QtResourceSharer contributors
//
// SPDX-License-Identifier: BSD-3-Clause

#pragma once

#include "resourcesharer_p.h"

#include <qrs/dupfd.h>

#include <atomic>

namespace qrs {

class DupFdPrivate : public CacheSubscriber
{
public:
    explicit DupFdPrivate(DupFd *q)
        : q_ptr(q)
    { }

    virtual ~DupFdPrivate() = default;
    // Any thread, the sharer's subscriptions locked: queues the end of the
    // resource to the DupFd's own thread. ~DupFd unsubscribes under the same
    // lock, so the DupFd is alive.
    void settled(const Cache::Outcome &outcome) override;
    // DupFd::detach(); socketsOnly: give everything back unless all are sockets.
    static QList<DetachedFd> detach(const QList<ResourceId> &ids, int timeoutMs, Error *error,
                                    QString *errorString, bool socketsOnly);

    DupFd *const q_ptr;
    Q_DECLARE_PUBLIC(DupFd)
    ResourceId id;
    Error error = Error::NoError;
    QString errorString;
    // Written by notify() in the server thread, read in the owner's.
    std::atomic<qint64> detachedBy{0};
    std::atomic<bool> ended{false}; // taken, expired or revoked: nothing more to hear
};

} // namespace qrs
