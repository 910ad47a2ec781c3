// SPDX-FileCopyrightText: 2026 QtResourceSharer contributors
//
// SPDX-License-Identifier: BSD-3-Clause

#include "watchhub_p.h"

#include "invoke_p.h"
#include "sharerserver_p.h"

namespace qrs {

void WatchHub::set(SharerServer *hub)
{
    QMutexLocker lock(&m_mutex);
    m_hub = hub;
    m_watched.store(hub != nullptr, std::memory_order_release);
}

void WatchHub::broadcast(const QList<Cache::Outcome> &outcomes)
{
    if (!isWatched())
        return;
    QMutexLocker lock(&m_mutex);
    if (SharerServer *hub = m_hub)
        postTo(hub, [hub, outcomes] { hub->broadcast(outcomes); });
}

void WatchHub::broadcastStatus(const QByteArray &json)
{
    if (!isWatched())
        return;
    QMutexLocker lock(&m_mutex);
    if (SharerServer *hub = m_hub)
        postTo(hub, [hub, json] { hub->broadcastStatus(json); });
}

void WatchHub::resetInChild()
{
    m_hub = nullptr;
    m_watched = false;
}

} // namespace qrs
