// SPDX-FileCopyrightText: 2026 QtResourceSharer contributors
//
// SPDX-License-Identifier: BSD-3-Clause

// qrs::Supervisor's upgrade in place, as nginx and unicorn do it and tableflip
// and einhorn for Go and Ruby: this supervisor (the predecessor) starts its
// successor (setUpgradeCommand(): by default its own program file as it is on
// disk now, with the same arguments) and hands it every listener through
// QtResourceSharer itself: the successor takes them by name, so the sockets,
// their queues and their ports stay the same. The predecessor is the
// successor's service manager meanwhile (a NOTIFY_SOCKET of its own): once
// every one of the successor's workers is ready, the successor says READY=1,
// and the predecessor stops its own workers gracefully. A successor that
// cannot start, exits, or is not ready in time is stopped, and the predecessor
// goes on serving. One upgrade at a time; refused during a rolling restart or
// a stop. Each attempt is published in the status ("upgrade"). Main thread.
#pragma once

#include <qrs/supervisor.h>

#include <QObject>
#include <QStringList>

#include <functional>
#include <memory>
#include <vector>

QT_BEGIN_NAMESPACE
class QSocketNotifier;
class QTimer;
QT_END_NAMESPACE

namespace qrs {

class DupFd;
class ProcessEndWatch;
class SupervisorPrivate;

// One attempt: the successor, started and watched until it is ready or gone.
class SuccessorLaunch : public QObject
{
    Q_OBJECT

public:
    struct Plan
    {
        QString program; // the program file, as it is on disk now
        QStringList arguments;
        QList<HostResource> listeners;
        int deadlineMs = 0;      // for the successor to say it is ready
        int graceMs = 0;         // for a failed successor to stop before SIGKILL
        QString managerAddress;  // the NOTIFY_SOCKET this supervisor answers to, passed on
        qint64 watchdogUsec = 0; // and its watchdog
    };

    SuccessorLaunch(const Plan &plan, SupervisorPrivate *d, QObject *parent = nullptr);
    ~SuccessorLaunch() override;

    // Starts the successor; false, with *error, if it cannot be started at all.
    bool start(QString *error);
    qint64 successorPid() const { return m_pid; }
    // Gives up: the successor is stopped (failed() follows).
    void cancel(const QString &reason);

Q_SIGNALS:
    void succeeded(qint64 successorPid);
    void failed(const QString &reason);
    // Over, and the successor stopped if it failed: delete this.
    void finished();

private:
    void readNotifications();
    void fail(const QString &reason);
    void successorEnded();

    Plan m_plan;
    SupervisorPrivate *const d;
    QString m_directory; // private (0700): the socket the successor reports to
    int m_socket = -1;
    QSocketNotifier *m_notifier = nullptr;
    ProcessEndWatch *m_successorEnd = nullptr; // a child; null once it has ended
    QTimer *m_deadline = nullptr;
    std::vector<std::unique_ptr<DupFd>> m_handed; // the listeners, registered for it
    qint64 m_pid = 0;
    bool m_over = false;
};

// The upgrades of one supervisor: one at a time.
class UpgradeInPlace : public QObject
{
public:
    UpgradeInPlace(Supervisor *q, SupervisorPrivate *d);

    // The "upgrade" command: done gets {"ok", "successor"} or {"ok": false,
    // "reason"[, "refused": true]}, before this supervisor stops.
    void request(const Supervisor::CommandDone &done);
    bool isUnderWay() const { return m_current != nullptr; }
    // This supervisor is stopping: a successor under way is stopped too.
    void cancel();
    bool handedOver() const { return m_handedOver; }

    QString program;
    QStringList arguments;
    QString managerAddress;
    qint64 watchdogUsec = 0;

private:
    void publish(const QString &state, const QString &reason = {});

    Supervisor *const q;
    SupervisorPrivate *const d;
    SuccessorLaunch *m_current = nullptr;
    int m_attempt = 0;
    qint64 m_successor = 0;
    bool m_handedOver = false;
};

} // namespace qrs
