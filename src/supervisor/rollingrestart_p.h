// SPDX-FileCopyrightText: 2026 QtResourceSharer contributors
//
// SPDX-License-Identifier: BSD-3-Clause

// The bookkeeping of a rolling restart (Supervisor::rollingRestart(),
// restartWorker()): the slots still to replace, those under way (at most
// surge() at once), and the outcome. It starts and stops nothing: the
// supervisor starts a replacement for each slot takeNext() gives it and says
// when that slot is done. Main thread.
#pragma once

#include <QList>
#include <QString>

namespace qrs {

class RollingRestart
{
public:
    // How many replacements start at once: a count, or a percentage of the
    // workers (rounded up); at least 1.
    void setSurge(int value, bool percent);
    int surge(int workers) const;
    // As --surge writes it: "2" or "25%".
    QString surgeText() const;

    bool isActive() const { return m_active; }
    // Another rolling restart was asked for during this one: it follows.
    void askAgain() { m_again = true; }
    void begin(const QList<int> &which);
    // The next slot to replace, while fewer than surge(workers) are under way
    // and slots remain (those scaled away are skipped); -1 if none now.
    int takeNext(int workers);
    // A replacement for slot started; it is under way until done().
    void started(int slot) { m_inFlight.append(slot); }
    bool isUnderWay(int slot) const { return m_inFlight.contains(slot); }
    // A slot under way is done, replaced or not. False if it was not under way.
    bool done(int slot, bool replaced);
    // Active, and nothing is left to start or to wait for.
    bool isOver() const { return m_active && m_queue.isEmpty() && m_inFlight.isEmpty(); }

    struct Outcome
    {
        int replaced = 0;
        int total = 0;
        bool again = false; // another was asked for meanwhile
    };
    // Ends it (isActive() is false after).
    Outcome finish();
    // Drops it unfinished (the supervisor stops).
    void abandon();

private:
    int m_surge = 1;
    bool m_surgeIsPercent = false;
    bool m_active = false;
    bool m_again = false;
    QList<int> m_queue;
    QList<int> m_inFlight;
    int m_replaced = 0;
    int m_total = 0;
};

} // namespace qrs
