// SPDX-FileCopyrightText: 2026 QtResourceSharer contributors
//
// SPDX-License-Identifier: BSD-3-Clause

#include "subscriptions_p.h"

namespace qrs {

void Subscriptions::unsubscribe(const protocol::Key &key, CacheSubscriber *subscriber)
{
    QMutexLocker lock(&m_mutex);
    auto it = m_subscribers.find(key);
    if (it != m_subscribers.end() && it.value() == subscriber)
        m_subscribers.erase(it);
}

void Subscriptions::settle(const QList<Cache::Outcome> &outcomes)
{
    QMutexLocker lock(&m_mutex);
    for (const Cache::Outcome &o : outcomes) {
        if (!o.isFinal() || m_subscribers.isEmpty())
            continue;
        if (CacheSubscriber *subscriber = m_subscribers.take(o.key))
            subscriber->settled(o);
    }
}

} // namespace qrs
