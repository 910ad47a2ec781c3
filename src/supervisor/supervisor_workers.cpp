// SPDX-FileCopyrightText: 2026 QtResourceSharer contributors
//
// SPDX-License-Identifier: BSD-3-Clause

// SupervisorPrivate's workers: starting them, their readiness, their end and
// restarts, rolling restarts, the shutdown and the published status. The
// public class and the host side of extensions are in supervisor.cpp.

#include "childenvironment_p.h"
#include "managerreport_p.h"
#include "supervisor_p.h"
#include "supervisorcontrol_p.h"
#include "upgrade_p.h"

#include "common/text_p.h"

#include <qrs/resourcesharer.h>
#include <qrs/supervisorstatus.h>

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QPluginLoader>
#include <QProcess>
#include <QTimer>

#include <algorithm>
#include <csignal>
#include <cstring>
#include <memory>
#include <sys/prctl.h>
#include <unistd.h>
#include <vector>

namespace qrs {

namespace {

QString howItEnded(int exitCode, QProcess::ExitStatus status)
{
    if (status == QProcess::CrashExit && exitCode > 0)
        return qrs::tr("killed by signal %1 (%2)")
                .arg(exitCode)
                .arg(QString::fromLocal8Bit(::strsignal(exitCode)));
    if (status == QProcess::CrashExit)
        return qrs::tr("could not be started");
    return qrs::tr("exited with code %1").arg(exitCode);
}

// The variables that tell a process about its own service manager: the
// supervisor's, never its workers' (the notify plugin gives each its own).
const char *const ManagerVariables[] = {"NOTIFY_SOCKET",  "LISTEN_FDS",    "LISTEN_PID",
                                        "LISTEN_FDNAMES", "WATCHDOG_USEC", "WATCHDOG_PID",
                                        "FDSTORE"};

} // namespace

void SupervisorPrivate::start()
{
    m_slots.resize(m_settings.workers);
    // The sharer (found by this process's pid) starts before any worker is
    // forked, as it does when the first listener is handed over: its thread is
    // started with every signal blocked, and a signal that arrives meanwhile is
    // better not one of a worker's.
    m_status->publishNow();
    m_control->listen();
    for (int slot = 0; slot < m_slots.size(); ++slot) {
        if (!startWorker(slot, Role::Active))
            scheduleRestart(slot, qrs::tr("could not be started"));
    }
}

QString SupervisorPrivate::say(const Worker *w) const
{
    return w->info.pid ? qrs::tr("worker %1 (pid %2)").arg(w->info.slot).arg(w->info.pid)
                       : qrs::tr("worker %1").arg(w->info.slot);
}

void SupervisorPrivate::info(const QString &message) const
{
    qCInfo(lcSupervisor).noquote() << message;
    Q_EMIT q->message(message);
}

SupervisorPrivate::Worker *SupervisorPrivate::startWorker(int slot, Role role)
{
    Slot &s = m_slots[slot];
    auto *w = new Worker;
    w->info.id = m_nextId++;
    w->info.slot = slot;
    w->info.generation = s.generation++;
    w->role = role;
    w->process = new QProcess(this);
    w->process->setProgram(m_settings.program);
    w->process->setArguments(m_settings.arguments);
    w->process->setProcessChannelMode(QProcess::ForwardedChannels);
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    for (const char *name : ManagerVariables)
        env.remove(QLatin1String(name));
    env.insert(QStringLiteral("QRS_WORKER_SLOT"), QString::number(slot));
    if (const platform::UserIdentity *who = m_settings.identity.get()) {
        // As login(1) and systemd's User= set them.
        env.insert(QStringLiteral("HOME"), QFile::decodeName(QByteArray::fromStdString(who->home)));
        env.insert(QStringLiteral("USER"), QString::fromStdString(who->name));
        env.insert(QStringLiteral("LOGNAME"), QString::fromStdString(who->name));
        env.insert(QStringLiteral("SHELL"),
                   QFile::decodeName(QByteArray::fromStdString(who->shell)));
    }
    w->process->setProcessEnvironment(env);
    w->timer = new QTimer(w->process);
    w->timer->setSingleShot(true);
    connect(w->timer, &QTimer::timeout, this, [this, w] {
        if (w->role == Role::Retiring)
            info(qrs::tr("%1 did not stop within %2 ms; killing it")
                         .arg(say(w))
                         .arg(m_settings.graceMs));
        else
            info(qrs::tr("%1 is not ready after %2 ms (%3); killing it")
                         .arg(say(w))
                         .arg(m_settings.readyTimeoutMs)
                         .arg(w->holds.join(QLatin1String("; "))
                              + (w->status.isEmpty()
                                         ? QString()
                                         : qrs::tr("; its last status: %1").arg(w->status))));
        w->process->kill();
    });

    m_workers.append(w); // extensions may hold its readiness from beforeStart()
    QString who, error;
    if (!m_extensions.beforeStart(w->info, w->process, &who, &error)) {
        info(qrs::tr("the plugin %1 cancelled the start of worker %2: %3")
                     .arg(who)
                     .arg(slot)
                     .arg(error));
        m_workers.removeOne(w);
        delete w->process;
        delete w;
        return nullptr;
    }
    (role == Role::Replacement ? s.replacement : s.current) = w;
    prepareChild(w);

    connect(w->process, &QProcess::started, this, [this, w] { onStarted(w); });
    connect(w->process, &QProcess::finished, this,
            [this, w](int code, QProcess::ExitStatus status) { onFinished(w, code, status); });
    connect(w->process, &QProcess::errorOccurred, this, [this, w](QProcess::ProcessError error) {
        if (error == QProcess::FailedToStart) {
            info(qrs::tr("cannot start %1: %2").arg(m_settings.program, w->process->errorString()));
            onFinished(w, -1, QProcess::CrashExit);
        }
    });
    // The child sets environ (ChildEnvironment::install()) before it execs, and
    // QProcess's child shares this process's memory until then (CLONE_VM): put
    // this process's own back, or it would point into the worker's copy.
    char **const ownEnvironment = environ;
    w->process->start();
    environ = ownEnvironment;
    return w;
}

// After the extensions have had their say: the host's own child modifier,
// around theirs (see SupervisorExtension).
void SupervisorPrivate::prepareChild(Worker *w)
{
    QProcess *process = w->process;
    std::shared_ptr<ChildEnvironment> env;
    if (!w->pidVariables.isEmpty()) {
        env = std::make_shared<ChildEnvironment>(process->processEnvironment(), w->pidVariables);
        // QProcess then execs with environ, which the modifier sets.
        process->setProcessEnvironment(QProcessEnvironment(QProcessEnvironment::InheritFromParent));
    }
    // Only root drops privileges; a supervisor whose workers run as itself has nothing to drop.
    std::shared_ptr<const platform::UserIdentity> who =
            ::geteuid() == 0 ? m_settings.identity : nullptr;
    process->setChildProcessModifier([previous = process->childProcessModifier(), env, who] {
        if (who && !platform::becomeUser(*who)) {
            static const char message[] = "qrs-supervise: cannot change to the workers' user\n";
            (void)!::write(STDERR_FILENO, message, sizeof(message) - 1);
            ::_exit(126);
        }
        // A worker must not outlive a supervisor that was killed outright. After
        // the change of user, which clears it.
        ::prctl(PR_SET_PDEATHSIG, SIGTERM);
        if (env)
            env->install();
        if (previous)
            previous();
    });
}

void SupervisorPrivate::onStarted(Worker *w)
{
    w->info.pid = w->process->processId();
    w->upTime.start();
    w->startedAt = QDateTime::currentMSecsSinceEpoch();
    info(qrs::tr("%1 started (generation %2)").arg(say(w)).arg(w->info.generation));
    Q_EMIT q->workerStarted(w->info);
    statusChanged();
    m_extensions.started(w->info);
    if (w->holds.isEmpty())
        markReady(w);
    else
        w->timer->start(m_settings.readyTimeoutMs);
}

void SupervisorPrivate::holdReadiness(quint64 workerId, const QString &reason)
{
    if (Worker *w = find(workerId))
        w->holds.append(reason);
}

void SupervisorPrivate::releaseReadiness(quint64 workerId, const QString &reason)
{
    Worker *w = find(workerId);
    if (!w || w->holds.isEmpty())
        return;
    const qsizetype at = w->holds.indexOf(reason);
    w->holds.removeAt(at < 0 ? 0 : at);
    if (w->holds.isEmpty() && w->info.pid) // else onStarted() marks it ready
        markReady(w);
}

int SupervisorPrivate::readyCount() const
{
    int n = 0;
    for (int slot = 0; slot < qMin(int(m_slots.size()), m_settings.workers); ++slot)
        n += m_slots.at(slot).current && m_slots.at(slot).current->ready ? 1 : 0;
    return n;
}

bool SupervisorPrivate::isSettled() const
{
    if (m_slots.size() != m_settings.workers || readyCount() != m_settings.workers)
        return false;
    for (const Slot &s : m_slots) {
        if (s.replacement)
            return false;
    }
    return true;
}

QString SupervisorPrivate::lastExit(int slot) const
{
    return slot >= 0 && slot < m_slots.size() ? m_slots.at(slot).lastExit : QString();
}

void SupervisorPrivate::markReady(Worker *w)
{
    w->timer->stop();
    w->ready = true;
    w->readyAt = QDateTime::currentMSecsSinceEpoch();
    info(qrs::tr("%1 is ready").arg(say(w)));
    Q_EMIT q->workerReady(w->info);
    statusChanged();
    if (w->role != Role::Replacement) {
        Q_EMIT q->readinessChanged(readyCount(), workerCount());
        return;
    }
    Slot &s = m_slots[w->info.slot];
    Worker *old = s.current;
    s.current = w;
    s.replacement = nullptr;
    w->role = Role::Active;
    if (old)
        retire(old); // its slot is done when it has stopped
    else if (m_roll.isUnderWay(w->info.slot))
        slotRolled(w->info.slot);
    Q_EMIT q->readinessChanged(readyCount(), workerCount());
}

void SupervisorPrivate::retire(Worker *w)
{
    w->role = Role::Retiring;
    statusChanged();
    Slot &s = m_slots[w->info.slot];
    if (s.current == w)
        s.current = nullptr;
    if (s.replacement == w)
        s.replacement = nullptr;
    info(qrs::tr("stopping %1").arg(say(w)));
    w->process->terminate();
    w->timer->start(m_settings.graceMs);
}

void SupervisorPrivate::onFinished(Worker *w, int exitCode, QProcess::ExitStatus status)
{
    if (!m_workers.removeOne(w))
        return; // told twice (errorOccurred, then finished)
    statusChanged();
    m_extensions.finished(w->info, exitCode, status);
    Q_EMIT q->workerExited(w->info, exitCode, status);
    const QString how = howItEnded(exitCode, status);
    const int slot = w->info.slot;
    Slot &s = m_slots[slot];
    const bool wasReplacement = s.replacement == w;
    const bool wasCurrent = s.current == w;
    if (wasReplacement)
        s.replacement = nullptr;
    if (wasCurrent)
        s.current = nullptr;
    if (wasCurrent && w->ready && !m_stopping)
        Q_EMIT q->readinessChanged(readyCount(), workerCount());
    const qint64 upMs = w->upTime.isValid() ? w->upTime.elapsed() : 0;
    const bool unexpected = w->role != Role::Retiring && !m_stopping;
    remember(w, how, unexpected);
    const bool rolling = m_roll.isUnderWay(slot);

    if (!unexpected) {
        info(qrs::tr("%1 stopped: %2").arg(say(w), how));
        if (rolling && !s.replacement) // the worker its replacement replaced, or one scaled away
            slotRolled(slot, s.current ? QString() : qrs::tr("worker %1 was removed").arg(slot));
    } else if (wasReplacement) {
        ++m_failures;
        s.lastExit = how;
        const QString failure = s.current
                ? qrs::tr("the replacement %1 ended before it was ready (%2); %3 keeps "
                          "running")
                          .arg(say(w), how, say(s.current))
                : qrs::tr("the replacement %1 ended before it was ready (%2)").arg(say(w), how);
        info(failure);
        if (!s.current && slot < m_settings.workers) // its predecessor has gone meanwhile
            scheduleRestart(slot, qrs::tr("slot %1 has no worker left").arg(slot));
        if (rolling)
            slotRolled(slot, failure);
    } else {
        ++m_failures;
        s.lastExit = how;
        s.backoff.failedAfter(upMs);
        // A replacement on its way takes the slot over when ready; a slot
        // scaled away gets no new worker.
        if (slot >= m_settings.workers)
            info(qrs::tr("%1 %2").arg(say(w), how));
        else if (!s.replacement)
            scheduleRestart(slot, qrs::tr("%1 %2").arg(say(w), how));
        else
            info(qrs::tr("%1 %2; its replacement is starting").arg(say(w), how));
    }
    w->process->deleteLater();
    delete w;
    trimSlots();
    finishIfIdle();
}

void SupervisorPrivate::remember(const Worker *w, const QString &how, bool unexpected)
{
    SupervisedWorker ended;
    ended.slot = w->info.slot;
    ended.pid = w->info.pid;
    ended.generation = w->info.generation;
    ended.started = w->startedAt;
    ended.readySince = w->readyAt;
    ended.ended = QDateTime::currentMSecsSinceEpoch();
    ended.how = how;
    ended.unexpected = unexpected;
    m_status->remember(ended);
}

// The slots past the wanted count go once their last worker has.
void SupervisorPrivate::trimSlots()
{
    while (m_slots.size() > m_settings.workers) {
        const int slot = int(m_slots.size()) - 1;
        const bool busy = std::any_of(m_workers.cbegin(), m_workers.cend(),
                                      [slot](const Worker *w) { return w->info.slot == slot; });
        if (busy)
            return;
        delete m_slots.last().restartTimer;
        m_slots.removeLast();
        statusChanged();
    }
}

void SupervisorPrivate::scheduleRestart(int slot, const QString &why)
{
    if (m_stopping)
        return;
    Slot &s = m_slots[slot];
    const int delay = s.backoff.nextDelay();
    info(qrs::tr("%1; restarting it in %2 ms").arg(why).arg(delay));
    Q_EMIT q->workerRestartScheduled(slot, delay);
    if (!s.restartTimer) {
        s.restartTimer = new QTimer(this);
        s.restartTimer->setSingleShot(true);
        connect(s.restartTimer, &QTimer::timeout, this, [this, slot] {
            Slot &s = m_slots[slot];
            if (m_stopping || s.current || s.replacement || slot >= m_settings.workers)
                return;
            ++m_restarts;
            ++s.restarts;
            if (!startWorker(slot, Role::Active))
                scheduleRestart(slot, qrs::tr("worker %1 could not be started").arg(slot));
        });
    }
    s.restartTimer->start(delay);
}

void SupervisorPrivate::rollingRestart()
{
    if (m_stopping)
        return;
    if (m_roll.isActive()) {
        m_roll.askAgain();
        info(qrs::tr("a rolling restart is under way; another one will follow it"));
        return;
    }
    ++m_rollingRestarts;
    info(qrs::tr("rolling restart: replacing %1 workers, %2 at a time")
                 .arg(m_settings.workers)
                 .arg(surge()));
    QList<int> every;
    for (int slot = 0; slot < m_settings.workers; ++slot)
        every.append(slot);
    beginRoll(every);
}

bool SupervisorPrivate::restartWorker(int slot)
{
    if (m_stopping || m_roll.isActive() || slot < 0 || slot >= m_settings.workers
        || slot >= m_slots.size() || !m_slots.at(slot).current)
        return false;
    info(qrs::tr("replacing worker %1").arg(slot));
    beginRoll({slot});
    return true;
}

void SupervisorPrivate::beginRoll(const QList<int> &which)
{
    m_roll.begin(which);
    Q_EMIT q->rollingRestartStarted();
    statusChanged();
    rollNext();
}

int SupervisorPrivate::surge() const
{
    return m_roll.surge(m_settings.workers);
}

// Starts replacements while fewer than surge() slots are under way.
void SupervisorPrivate::rollNext()
{
    for (int slot; !m_stopping && (slot = m_roll.takeNext(m_settings.workers)) >= 0;) {
        if (!m_slots.at(slot).current) {
            info(qrs::tr("worker %1 is down; its restart will run the new program").arg(slot));
            continue;
        }
        if (startWorker(slot, Role::Replacement)) {
            m_roll.started(slot);
        } else {
            const QString failure =
                    qrs::tr("worker %1: its replacement could not be started").arg(slot);
            info(failure);
            Q_EMIT q->workerReplaced(slot, false, failure);
        }
    }
    if (m_stopping || !m_roll.isOver())
        return;
    const RollingRestart::Outcome done = m_roll.finish();
    info(qrs::tr("rolling restart done: %1 of %2 workers replaced")
                 .arg(done.replaced)
                 .arg(done.total));
    if (done.again) {
        rollingRestart();
        return;
    }
    Q_EMIT q->rollingRestartFinished(done.replaced, done.total);
    statusChanged();
}

void SupervisorPrivate::slotRolled(int slot, const QString &failure)
{
    if (!m_roll.done(slot, failure.isEmpty()))
        return;
    Q_EMIT q->workerReplaced(slot, failure.isEmpty(), failure);
    rollNext();
}

void SupervisorPrivate::setWorkerCount(int count)
{
    const int before = m_settings.workers;
    m_settings.workers = count;
    if (count == before || m_slots.isEmpty()) // not started: start() makes the slots
        return;
    info(qrs::tr("workers: %1 -> %2").arg(before).arg(count));
    Q_EMIT q->workerCountChanged(count);
    statusChanged();
    if (count > before) {
        if (m_slots.size() < count)
            m_slots.resize(count);
        for (int slot = before; slot < count; ++slot) {
            Slot &s = m_slots[slot];
            if (s.current || s.replacement || m_stopping)
                continue;
            if (!startWorker(slot, Role::Active))
                scheduleRestart(slot, qrs::tr("worker %1 could not be started").arg(slot));
        }
    } else {
        // The newest slots go: their workers stop gracefully.
        for (int slot = int(m_slots.size()) - 1; slot >= count; --slot) {
            Slot &s = m_slots[slot];
            if (s.restartTimer)
                s.restartTimer->stop();
            if (s.replacement)
                retire(s.replacement);
            if (s.current)
                retire(s.current);
        }
        trimSlots();
        Q_EMIT q->readinessChanged(readyCount(), workerCount());
    }
}

void SupervisorPrivate::shutdown()
{
    if (m_stopping)
        return;
    if (m_report && !m_upgrade->handedOver())
        m_report->stopping();
    m_upgrade->cancel(); // a successor under way stops too, unless it took over
    m_stopping = true;
    statusChanged();
    m_roll.abandon();
    m_control->stopping();
    info(qrs::tr("stopping %1 workers").arg(m_workers.size()));
    for (Slot &s : m_slots) {
        if (s.restartTimer)
            s.restartTimer->stop();
    }
    for (Worker *w : std::as_const(m_workers))
        retire(w);
    finishIfIdle();
}

void SupervisorPrivate::finishIfIdle()
{
    if (!m_stopping || !m_workers.isEmpty())
        return;
    info(qrs::tr("all workers stopped; %1 crash restarts, %2 rolling restarts, %3 unexpected exits")
                 .arg(m_restarts)
                 .arg(m_rollingRestarts)
                 .arg(m_failures));
    Q_EMIT q->finished();
}

void SupervisorPrivate::setStatusField(const QString &key, const QJsonValue &value)
{
    m_status->setField(key, value);
}

void SupervisorPrivate::statusChanged()
{
    m_status->changed();
}

SupervisorStatus SupervisorPrivate::status() const
{
    static const char *const roles[] = {"active", "replacement", "retiring"};
    SupervisorStatus status = SupervisorStatus::fromJson(
            {{QStringLiteral("supervisor"), m_status->fields()}}); // "upgrade" and extra fields
    for (const Worker *w : std::as_const(m_workers)) {
        const Slot &s = m_slots.at(w->info.slot);
        SupervisedWorker worker;
        worker.slot = w->info.slot;
        worker.pid = w->info.pid;
        worker.generation = w->info.generation;
        worker.uid = q->workerUid();
        worker.role = QLatin1String(roles[int(w->role)]);
        worker.ready = w->ready;
        worker.started = w->startedAt;
        worker.readySince = w->readyAt;
        worker.restarts = s.restarts;
        worker.lastExit = s.lastExit;
        worker.status = w->status;
        status.workerList.append(worker);
    }
    status.history = m_status->history();
    status.pid = QCoreApplication::applicationPid();
    status.program = m_settings.program;
    status.user = m_settings.user;
    status.workers = m_settings.workers;
    status.maxWorkers = Supervisor::MaxWorkers;
    status.ready = readyCount();
    status.surge = m_roll.surgeText();
    status.rolling = isRolling();
    status.stopping = m_stopping;
    status.command = m_control->current();
    status.now = QDateTime::currentMSecsSinceEpoch();
    return status;
}

} // namespace qrs
