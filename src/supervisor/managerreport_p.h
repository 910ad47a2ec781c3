// SPDX-FileCopyrightText: 2026 QtResourceSharer contributors
//
// SPDX-License-Identifier: BSD-3-Clause

// Supervisor::setServiceManager(): tells the service manager the supervisor
// answers to (NOTIFY_SOCKET: systemd's Type=notify, or the supervisor this one
// replaces in an upgrade) how it is doing: READY=1 once every worker is ready,
// RELOADING=1 for a rolling restart and READY=1 after it, STOPPING=1,
// STATUS= lines, WATCHDOG=1 at half the manager's WATCHDOG_USEC, MAINPID= of
// a successor that took over. In a successor, once the predecessor has ended,
// its manager is this one's. Main thread.
#pragma once

#include <qrs/servicenotifier.h>
#include <qrs/supervisor.h>

#include <QObject>
#include <QString>
#include <QTimer>

namespace qrs {

class SupervisorPrivate;

class ManagerReport : public QObject
{
public:
    ManagerReport(const ServiceNotifier &manager, const Supervisor::Predecessor &predecessor,
                  Supervisor *q, SupervisorPrivate *d);

    // The supervisor stops (not handed over): STOPPING=1.
    void stopping();
    // The manager it tells now.
    const ServiceNotifier &manager() const { return m_manager; }

private:
    void status(const QString &text);
    // From now on, tell another manager: the one an upgraded supervisor's
    // predecessor answered to. Says MAINPID= (this process) there, and READY=1
    // if every worker is ready (else once they are).
    void switchTo(const ServiceNotifier &manager);
    void onReadiness(int ready, int total);
    // Logs the first failure to tell this manager: a predecessor that is
    // stopping has closed its socket, and no log needs a line per message.
    void told(bool sent);

    Supervisor *const q;
    SupervisorPrivate *const d;
    ServiceNotifier m_manager;
    QTimer m_watchdog;
    QString m_error;
    bool m_readySaid = false;
    bool m_failureSaid = false;
};

} // namespace qrs
