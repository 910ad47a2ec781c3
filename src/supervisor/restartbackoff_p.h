// SPDX-FileCopyrightText: 2026 QtResourceSharer contributors
//
// SPDX-License-Identifier: BSD-3-Clause

// When a slot whose worker failed gets its next one: 100 ms after the first
// failure, twice as long after each further one in a row, up to 10 s; a worker
// that ran more than 10 s before it failed starts the count afresh. One per
// worker slot. Main thread.
#pragma once

#include <QtGlobal>

namespace qrs {

class RestartBackoff
{
public:
    // A worker of the slot failed after running upMs.
    void failedAfter(qint64 upMs)
    {
        if (upMs > HealthyUptimeMs)
            m_failures = 0;
    }
    // How long to wait before the next start; counts one more failure.
    int nextDelay()
    {
        const int delay = qMin(MaxMs, FirstMs << qMin(m_failures, 16));
        ++m_failures;
        return delay;
    }

private:
    static constexpr int FirstMs = 100;
    static constexpr int MaxMs = 10000;
    static constexpr qint64 HealthyUptimeMs = 10000;
    int m_failures = 0;
};

} // namespace qrs
