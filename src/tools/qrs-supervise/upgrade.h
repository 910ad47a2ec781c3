// SPDX-FileCopyrightText: 2026 QtResourceSharer contributors
//
// SPDX-License-Identifier: BSD-3-Clause

// Upgrade in place (SIGUSR2, or qrs-supervise --upgrade PID), as nginx and
// unicorn do it and tableflip and einhorn for Go and Ruby: the running
// supervisor (the predecessor) starts its successor, the program file as it is
// on disk now with the same arguments, and hands it every listener through
// QtResourceSharer itself: the successor takes them by identifier, so the
// sockets, their queues and their ports stay the same. The predecessor is the
// successor's service manager meanwhile (a NOTIFY_SOCKET of its own): once
// every one of the successor's workers is ready, the successor says READY=1,
// and the predecessor stops its own workers gracefully and exits. A successor
// that cannot start, exits, or is not ready in time is stopped, and the
// predecessor goes on serving. Main thread.
#pragma once

#include "listeners.h"

#include <qrs/supervisorextension.h>

#include <QJsonObject>
#include <QObject>
#include <QStringList>

#include <functional>
#include <memory>

QT_BEGIN_NAMESPACE
class QSocketNotifier;
class QTimer;
QT_END_NAMESPACE

namespace qrs {
class DupFd;
class ProcessEndWatch;
} // namespace qrs

namespace qrs {
class Supervisor;
}

namespace qrs::supervise {

// The predecessor's side of one upgrade.
class Upgrade : public QObject
{
    Q_OBJECT

public:
    struct Plan
    {
        QString program;       // the program file, as it is on disk now
        QStringList arguments; // this process's own
        QList<HostResource> listeners;
        int deadlineMs = 0;      // for the successor to say it is ready
        int graceMs = 0;         // for a failed successor to stop before SIGKILL
        QString managerAddress;  // this process's own NOTIFY_SOCKET, passed on
        qint64 watchdogUsec = 0; // and its watchdog
    };

    explicit Upgrade(const Plan &plan, QObject *parent = nullptr);
    ~Upgrade() override;

    // Starts the successor; false, with *error, if it cannot be started at all.
    bool start(QString *error);
    qint64 successorPid() const { return m_pid; }
    // Gives up: the successor is stopped (failed() follows).
    void cancel(const QString &reason);

Q_SIGNALS:
    // Every worker of the successor is ready: this process is to stop its own.
    void succeeded(qint64 successorPid);
    // The successor is being stopped (or was never started); this process goes on.
    void failed(const QString &reason);
    // The upgrade is over and the successor stopped, if it failed: delete this.
    void finished();

private:
    void readNotifications();
    void fail(const QString &reason);
    void successorEnded();

    Plan m_plan;
    QString m_directory; // private (0700): the socket the successor reports to
    int m_socket = -1;
    QSocketNotifier *m_notifier = nullptr;
    // The successor's end, though it is not our child (a child: null once it has ended).
    ProcessEndWatch *m_successorEnd = nullptr;
    QTimer *m_deadline = nullptr;
    std::vector<std::unique_ptr<DupFd>> m_handed; // the listeners, registered for it
    qint64 m_pid = 0;
    bool m_over = false;
};

class ManagerReport;

// A supervisor's upgrades: one at a time, refused during a rolling restart or
// a stop, each attempt's state published in the process status
// ("supervisor": {"upgrade": {attempt, state, successor, reason}}) for
// --upgrade PID, qrs-inspect and the panel. Main thread.
class Upgrades : public QObject
{
    Q_OBJECT

public:
    // plan: all but what changes per attempt.
    Upgrades(Supervisor *supervisor, ManagerReport *report, const Upgrade::Plan &plan,
             QObject *parent = nullptr);

    // The "upgrade" command (SIGUSR2, --upgrade PID): done gets its outcome,
    // {"ok", "successor"} or {"ok": false, "reason"}, before this supervisor stops.
    void request(const std::function<void(const QJsonObject &)> &done);
    bool isUnderWay() const { return m_current != nullptr; }
    // This supervisor is stopping: a successor under way is stopped too.
    void cancel();
    // The successor took over: the sockets are its own now (do not remove them).
    bool handedOver() const { return m_handedOver; }

Q_SIGNALS:
    // The successor is ready: stop this supervisor's workers and exit.
    void successorReady();

private:
    void publish(const QString &state, const QString &reason = {});

    Supervisor *m_supervisor;
    ManagerReport *m_report;
    Upgrade::Plan m_plan;
    Upgrade *m_current = nullptr;
    int m_attempt = 0;
    qint64 m_successor = 0;
    bool m_handedOver = false;
};

// The successor's side: the listeners its predecessor handed over
// (QRS_UPGRADE_RESOURCES, QRS_UPGRADE_RESOURCE_NAMES), taken by name and added
// to *out; nothing when there is no predecessor. The variables are removed.
bool takePredecessorListeners(QList<PassedListener> *out, QString *error);

// The successor's side: who the predecessor is, and the service manager it
// answered to (QRS_UPGRADE_PREDECESSOR, QRS_UPGRADE_MANAGER_SOCKET); 0 and
// empty when this process is not a successor. The variables are removed.
struct Predecessor
{
    qint64 pid = 0;
    QString managerAddress;
};
Predecessor takePredecessor();

// Calls ended() from the event loop once process pid has ended (any process of
// this user, not only a child: a pidfd). False if it has ended already.
bool whenProcessEnds(qint64 pid, QObject *context, const std::function<void()> &ended);

} // namespace qrs::supervise
