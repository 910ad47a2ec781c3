// SPDX-FileCopyrightText: 2026 QtResourceSharer contributors
//
// SPDX-License-Identifier: BSD-3-Clause

#pragma once

#include "sharer/resourcesharer_p.h"

#include <qrs/dupfd.h>

#include <atomic>

namespace qrs {

class DupFdPrivate
{
public:
    explicit DupFdPrivate(DupFd *q)
        : q_ptr(q)
    { }

    // Any thread, with the sharer's mutex held: queues the event to the DupFd's
    // own thread. ~DupFd unregisters under the same mutex, so owner is alive.
    static void notify(DupFd *owner, ResourceSharerPrivate::Event event, qint64 pid);
    // DupFd::detach(); socketsOnly: give everything back unless all are sockets.
    static QList<DetachedFd> detach(const QList<ResourceId> &ids, int timeoutMs, QString *error,
                                    bool socketsOnly);

    DupFd *const q_ptr;
    Q_DECLARE_PUBLIC(DupFd)
    ResourceId id;
    QString errorString;
    // Written by notify() in the server thread, read in the owner's.
    std::atomic<qint64> detachedBy{0};
    std::atomic<bool> settled{false}; // taken, expired or revoked: nothing more to hear
};

} // namespace qrs
