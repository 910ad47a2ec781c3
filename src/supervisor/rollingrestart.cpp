// SPDX-FileCopyrightText: 2026 QtResourceSharer contributors
//
// SPDX-License-Identifier: BSD-3-Clause

#include "rollingrestart_p.h"

#include <QtGlobal>

#include <utility>

namespace qrs {

void RollingRestart::setSurge(int value, bool percent)
{
    m_surge = qMax(1, value);
    m_surgeIsPercent = percent;
}

int RollingRestart::surge(int workers) const
{
    if (!m_surgeIsPercent)
        return m_surge;
    return qMax(1, (workers * m_surge + 99) / 100);
}

QString RollingRestart::surgeText() const
{
    return m_surgeIsPercent ? QString::number(m_surge) + QLatin1Char('%')
                            : QString::number(m_surge);
}

void RollingRestart::begin(const QList<int> &which)
{
    abandon();
    m_active = true;
    m_queue = which;
    m_total = int(which.size());
}

int RollingRestart::takeNext(int workers)
{
    while (!m_queue.isEmpty() && m_inFlight.size() < surge(workers)) {
        const int slot = m_queue.takeFirst();
        if (slot < workers) // else scaled away meanwhile
            return slot;
    }
    return -1;
}

bool RollingRestart::done(int slot, bool replaced)
{
    if (!m_inFlight.removeOne(slot))
        return false;
    if (replaced)
        ++m_replaced;
    return true;
}

RollingRestart::Outcome RollingRestart::finish()
{
    const Outcome outcome{m_replaced, m_total, m_again};
    abandon();
    return outcome;
}

void RollingRestart::abandon()
{
    m_active = false;
    m_again = false;
    m_queue.clear();
    m_inFlight.clear();
    m_replaced = 0;
    m_total = 0;
}

} // namespace qrs
