// SPDX-FileCopyrightText: 2026 QtResourceSharer contributors
//
// SPDX-License-Identifier: BSD-3-Clause

#include "managerreport.h"

#include "toolcommon.h"

#include <qrs/supervisor.h>

#include <QCoreApplication>

namespace qrs::supervise {

namespace {
// The translation context of this tool's messages.
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(qrs_supervise)
};
} // namespace

ManagerReport::ManagerReport(Supervisor *supervisor, const ServiceNotifier &manager)
    : m_supervisor(supervisor)
    , m_manager(manager)
{
    QObject::connect(supervisor, &Supervisor::readinessChanged, supervisor,
                     [this](int ready, int total) { onReadiness(ready, total); });
    QObject::connect(supervisor, &Supervisor::rollingRestartStarted, supervisor, [this] {
        told(m_manager.notifyReloading(&m_error));
        status(Text::tr("rolling restart"));
    });
    QObject::connect(supervisor, &Supervisor::rollingRestartFinished, supervisor,
                     [this](int replaced, int total) {
                         told(m_manager.notifyReady(&m_error));
                         status(Text::tr("rolling restart done: %1 of %2 workers replaced; "
                                         "%3 of %2 ready")
                                        .arg(replaced)
                                        .arg(total)
                                        .arg(m_supervisor->readyCount()));
                     });
    const auto interval =
            std::chrono::duration_cast<std::chrono::milliseconds>(m_manager.watchdogInterval());
    if (interval.count() > 0) {
        m_watchdog.setTimerType(Qt::PreciseTimer);
        QObject::connect(&m_watchdog, &QTimer::timeout, supervisor,
                         [this] { told(m_manager.notifyWatchdog(&m_error)); });
        m_watchdog.start(qMax<qint64>(1, interval.count() / 2));
    }
    status(Text::tr("starting %1 workers").arg(supervisor->workerCount()));
}

void ManagerReport::status(const QString &text)
{
    told(m_manager.notifyStatus(text, &m_error));
}

void ManagerReport::stopping()
{
    told(m_manager.notifyStopping(&m_error));
    status(Text::tr("stopping"));
}

void ManagerReport::switchTo(const ServiceNotifier &manager)
{
    m_manager = manager;
    // READY=1 only if it is: a predecessor killed mid-upgrade leaves one that is not yet.
    m_readySaid = m_supervisor->readyCount() == m_supervisor->workerCount();
    tell("MAINPID=" + QByteArray::number(QCoreApplication::applicationPid())
         + (m_readySaid ? "\nREADY=1" : ""));
    status(Text::tr("%1 of %2 workers ready")
                   .arg(m_supervisor->readyCount())
                   .arg(m_supervisor->workerCount()));
}

void ManagerReport::tell(const QByteArray &state)
{
    told(m_manager.notify(state, &m_error));
}

void ManagerReport::onReadiness(int ready, int total)
{
    if (m_supervisor->isRolling())
        return; // said when the rolling restart is done
    status(Text::tr("%1 of %2 workers ready").arg(ready).arg(total));
    if (!m_readySaid && ready == total) {
        m_readySaid = true;
        told(m_manager.notifyReady(&m_error));
    }
}

void ManagerReport::told(bool sent)
{
    if (!sent)
        tools::printError(Text::tr("cannot tell the service manager: %1").arg(m_error));
}

} // namespace qrs::supervise
