// SPDX-FileCopyrightText: 2026 QtResourceSharer contributors
//
// SPDX-License-Identifier: BSD-3-Clause

// Tells the service manager that runs qrs-supervise (NOTIFY_SOCKET: systemd's
// Type=notify, or the supervisor this one replaces in an upgrade) how it is
// doing: READY=1 once every worker is ready, RELOADING=1 for a rolling restart
// and READY=1 after it, STOPPING=1, STATUS= lines, and WATCHDOG=1 at half the
// manager's WATCHDOG_USEC. Without a manager it says nothing. Main thread.
#pragma once

#include <qrs/servicenotifier.h>

#include <QString>
#include <QTimer>

namespace qrs {
class Supervisor;
}

namespace qrs::supervise {

class ManagerReport
{
public:
    ManagerReport(Supervisor *supervisor, const ServiceNotifier &manager);

    const ServiceNotifier &manager() const { return m_manager; }
    void status(const QString &text);
    void stopping();
    // From now on, tell another manager: the one an upgraded supervisor's
    // predecessor answered to. Says MAINPID= (this process) there, and READY=1
    // if every worker is ready (else once they are).
    void switchTo(const ServiceNotifier &manager);
    // Sends state as it is (MAINPID=, for one); logs a failure.
    void tell(const QByteArray &state);

private:
    void onReadiness(int ready, int total);
    void told(bool sent);

    Supervisor *m_supervisor;
    ServiceNotifier m_manager;
    QTimer m_watchdog;
    QString m_error;
    bool m_readySaid = false;
};

} // namespace qrs::supervise
