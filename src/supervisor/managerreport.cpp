// SPDX-FileCopyrightText: 2026 QtResourceSharer contributors
//
// SPDX-License-Identifier: BSD-3-Clause

#include "managerreport_p.h"

#include "supervisor_p.h"

#include "common/processwatch_p.h"
#include "common/text_p.h"

#include <QCoreApplication>

#include <chrono>
#include <utility>

namespace qrs {

ManagerReport::ManagerReport(const ServiceNotifier &manager,
                             const Supervisor::Predecessor &predecessor, Supervisor *q,
                             SupervisorPrivate *d)
    : QObject(d)
    , q(q)
    , d(d)
    , m_manager(manager)
{
    connect(q, &Supervisor::readinessChanged, this,
            [this](int ready, int total) { onReadiness(ready, total); });
    connect(q, &Supervisor::rollingRestartStarted, this, [this] {
        told(m_manager.notifyReloading(&m_error));
        status(qrs::tr("rolling restart"));
    });
    connect(q, &Supervisor::rollingRestartFinished, this, [this](int replaced, int total) {
        told(m_manager.notifyReady(&m_error));
        status(qrs::tr("rolling restart done: %1 of %2 workers replaced; %3 of %2 ready")
                       .arg(replaced)
                       .arg(total)
                       .arg(this->d->readyCount()));
    });
    connect(q, &Supervisor::upgradeSucceeded, this, [this](qint64 successor) {
        // Under systemd, it follows the successor from now on.
        told(m_manager.notify("MAINPID=" + QByteArray::number(successor), &m_error));
        status(qrs::tr("handed over to pid %1").arg(successor));
    });
    const auto interval =
            std::chrono::duration_cast<std::chrono::milliseconds>(m_manager.watchdogInterval());
    if (interval.count() > 0) {
        m_watchdog.setTimerType(Qt::PreciseTimer);
        connect(&m_watchdog, &QTimer::timeout, this,
                [this] { told(m_manager.notifyWatchdog(&m_error)); });
        m_watchdog.start(qMax<qint64>(1, interval.count() / 2));
    }
    if (predecessor.pid) {
        new ProcessEndWatch(
                predecessor.pid,
                [this, predecessor] {
                    this->d->info(qrs::tr("the supervisor this one replaces (pid %1) has exited")
                                          .arg(predecessor.pid));
                    switchTo(ServiceNotifier(predecessor.managerAddress));
                },
                this);
    }
    status(qrs::tr("starting %1 workers").arg(d->workerCount()));
}

void ManagerReport::status(const QString &text)
{
    told(m_manager.notifyStatus(text, &m_error));
}

void ManagerReport::stopping()
{
    told(m_manager.notifyStopping(&m_error));
    status(qrs::tr("stopping"));
}

void ManagerReport::switchTo(const ServiceNotifier &manager)
{
    m_manager = manager;
    m_failureSaid = false;
    // READY=1 only if it is: a predecessor killed mid-upgrade leaves one that is not yet.
    m_readySaid = d->readyCount() == d->workerCount();
    told(m_manager.notify("MAINPID=" + QByteArray::number(QCoreApplication::applicationPid())
                                  + (m_readySaid ? "\nREADY=1" : ""),
                          &m_error));
    status(qrs::tr("%1 of %2 workers ready").arg(d->readyCount()).arg(d->workerCount()));
}

void ManagerReport::onReadiness(int ready, int total)
{
    if (d->isRolling())
        return; // said when the rolling restart is done
    status(qrs::tr("%1 of %2 workers ready").arg(ready).arg(total));
    if (!m_readySaid && ready == total) {
        m_readySaid = true;
        told(m_manager.notifyReady(&m_error));
    }
}

void ManagerReport::told(bool sent)
{
    if (!sent && !std::exchange(m_failureSaid, true))
        d->info(qrs::tr("cannot tell the service manager: %1 (said once)").arg(m_error));
}

} // namespace qrs
