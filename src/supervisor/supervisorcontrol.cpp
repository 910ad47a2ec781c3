// SPDX-FileCopyrightText: 2026 QtResourceSharer contributors
//
// SPDX-License-Identifier: BSD-3-Clause

#include "supervisorcontrol_p.h"

#include "supervisor_p.h"

#include "common/text_p.h"

#include <qrs/resourcesharer.h>

namespace qrs {

namespace {

// A scale waits for the new workers' ready timeout, their grace and this.
constexpr int ScaleSlackMs = 5000;

QJsonObject refusal(const QString &reason)
{
    return {{QStringLiteral("ok"), false},
            {QStringLiteral("refused"), true},
            {QStringLiteral("reason"), reason}};
}

QJsonObject failure(const QString &reason)
{
    return {{QStringLiteral("ok"), false}, {QStringLiteral("reason"), reason}};
}

} // namespace

SupervisorControl::SupervisorControl(Supervisor *supervisor, SupervisorPrivate *priv)
    : QObject(priv)
    , q(supervisor)
    , d(priv)
    , m_deadline(this)
{
    m_deadline.setSingleShot(true);
    connect(&m_deadline, &QTimer::timeout, this, [this] {
        end(failure(qrs::tr("only %1 of %2 workers are ready after %3 ms")
                            .arg(d->readyCount())
                            .arg(m_scaleTo)
                            .arg(m_deadline.interval())));
    });
}

void SupervisorControl::listen()
{
    ResourceSharer::instance()->setCommandHandler(
            this,
            [this](const QJsonObject &command, qint64 fromPid,
                   const ResourceSharer::CommandReply &reply) {
                const QString name = command.value(QLatin1String("command")).toString();
                if (name != QLatin1String("status"))
                    d->log(QStringLiteral("control"),
                           qrs::tr("%1, asked by pid %2").arg(name).arg(fromPid));
                run(command, reply);
            });
}

void SupervisorControl::add(const QString &name, const Supervisor::Command &command)
{
    m_added.insert(name, command);
}

QString SupervisorControl::busy() const
{
    if (d->isStopping())
        return qrs::tr("the supervisor is stopping");
    if (!m_current.isEmpty())
        return qrs::tr("%1 is under way").arg(m_currentText);
    if (d->isRolling())
        return qrs::tr("a rolling restart is under way");
    return {};
}

void SupervisorControl::run(const QJsonObject &command, const Supervisor::CommandDone &reply)
{
    const QString name = command.value(QLatin1String("command")).toString();
    // Every refusal is said in the supervisor's log too.
    const Supervisor::CommandDone done = [this, name, reply](const QJsonObject &outcome) {
        if (outcome.value(QLatin1String("refused")).toBool())
            d->info(qrs::tr("%1 refused: %2")
                            .arg(name, outcome.value(QLatin1String("reason")).toString()));
        if (reply)
            reply(outcome);
    };
    if (name == QLatin1String("status")) {
        done({{QStringLiteral("ok"), true}, {QStringLiteral("status"), d->status().toJson()}});
        return;
    }
    if (name == QLatin1String("stop")) {
        stop(done);
        return;
    }
    static const QStringList builtIn = {QStringLiteral("status"), QStringLiteral("restart"),
                                        QStringLiteral("restart-worker"), QStringLiteral("scale"),
                                        QStringLiteral("stop")};
    if (!builtIn.contains(name) && !m_added.contains(name)) {
        QStringList known = builtIn + m_added.keys();
        known.sort();
        done(refusal(qrs::tr("unknown command \"%1\"; known: %2")
                             .arg(name, known.join(QLatin1String(", ")))));
        return;
    }
    if (m_added.contains(name) && m_current == name) {
        m_added.value(name)(command, done); // it says best why it runs once at a time
        return;
    }
    if (const QString why = busy(); !why.isEmpty()) {
        done(refusal(why));
        return;
    }
    if (name == QLatin1String("restart")) {
        restart(done);
    } else if (name == QLatin1String("restart-worker")) {
        restartWorker(command, done);
    } else if (name == QLatin1String("scale")) {
        scale(command, done);
    } else {
        begin(name, qrs::tr("the command \"%1\"").arg(name), done);
        m_added.value(name)(command, [this, name](const QJsonObject &reply) {
            if (m_current == name)
                end(reply);
        });
    }
}

void SupervisorControl::begin(const QString &name, const QString &what,
                              const Supervisor::CommandDone &done)
{
    m_current = name;
    m_currentText = what;
    m_done = done;
    d->statusChanged();
}

void SupervisorControl::end(const QJsonObject &reply)
{
    for (const QMetaObject::Connection &c : std::as_const(m_watching))
        disconnect(c);
    m_watching.clear();
    m_deadline.stop();
    m_current.clear();
    const Supervisor::CommandDone done = std::exchange(m_done, {});
    d->statusChanged();
    if (done)
        done(reply);
}

void SupervisorControl::restart(const Supervisor::CommandDone &done)
{
    begin(QStringLiteral("restart"), qrs::tr("a rolling restart"), done);
    auto failures = std::make_shared<QStringList>();
    m_watching.append(connect(q, &Supervisor::workerReplaced, this,
                              [failures](int, bool replaced, const QString &reason) {
                                  if (!replaced)
                                      failures->append(reason);
                              }));
    m_watching.append(connect(q, &Supervisor::rollingRestartFinished, this,
                              [this, failures](int replaced, int total) {
                                  QJsonObject reply{{QStringLiteral("replaced"), replaced},
                                                    {QStringLiteral("total"), total}};
                                  reply.insert(QStringLiteral("ok"), failures->isEmpty());
                                  if (!failures->isEmpty())
                                      reply.insert(
                                              QStringLiteral("reason"),
                                              qrs::tr("%1 of %2 workers were not "
                                                      "replaced: %3")
                                                      .arg(failures->size())
                                                      .arg(total)
                                                      .arg(failures->join(QLatin1String("; "))));
                                  end(reply);
                              }));
    d->rollingRestart();
}

void SupervisorControl::restartWorker(const QJsonObject &command,
                                      const Supervisor::CommandDone &done)
{
    const QJsonValue value = command.value(QLatin1String("slot"));
    const int slot = value.toInt(-1);
    if (!value.isDouble() || slot < 0 || slot >= d->workerCount() || value.toDouble() != slot) {
        done(refusal(
                qrs::tr("restart-worker takes a slot from 0 to %1").arg(d->workerCount() - 1)));
        return;
    }
    begin(QStringLiteral("restart-worker"), qrs::tr("the restart of worker %1").arg(slot), done);
    m_watching.append(connect(
            q, &Supervisor::workerReplaced, this,
            [this](int slot, bool replaced, const QString &reason) {
                QJsonObject reply{{QStringLiteral("ok"), replaced}, {QStringLiteral("slot"), slot}};
                if (!replaced)
                    reply.insert(QStringLiteral("reason"), reason);
                end(reply);
            }));
    if (!d->restartWorker(slot))
        end(refusal(qrs::tr("worker %1 is not running; it restarts on its own").arg(slot)));
}

void SupervisorControl::scale(const QJsonObject &command, const Supervisor::CommandDone &done)
{
    const QJsonValue value = command.value(QLatin1String("workers"));
    const int count = value.toInt(0);
    if (!value.isDouble() || count < 1 || count > Supervisor::MaxWorkers
        || value.toDouble() != count) {
        done(refusal(qrs::tr("scale takes a number of workers from 1 to %1")
                             .arg(Supervisor::MaxWorkers)));
        return;
    }
    begin(QStringLiteral("scale"), qrs::tr("a scaling to %1 workers").arg(count), done);
    m_scaleFrom = d->workerCount();
    m_scaleTo = count;
    // Queued: a slot scaled away is gone only once its worker's end is handled.
    m_watching.append(connect(q, &Supervisor::readinessChanged, this,
                              &SupervisorControl::checkScale, Qt::QueuedConnection));
    m_watching.append(connect(q, &Supervisor::workerExited, this, &SupervisorControl::checkScale,
                              Qt::QueuedConnection));
    // A new slot's worker that fails before it is ready is the answer.
    m_watching.append(connect(q, &Supervisor::workerRestartScheduled, this, [this](int slot) {
        if (slot >= m_scaleFrom && slot < m_scaleTo)
            end(failure(qrs::tr("worker %1 %2 before it was ready; it is restarted with backoff")
                                .arg(slot)
                                .arg(d->lastExit(slot))));
    }));
    m_deadline.start(d->m_settings.readyTimeoutMs + d->m_settings.graceMs + ScaleSlackMs);
    d->setWorkerCount(count);
    checkScale();
}

void SupervisorControl::checkScale()
{
    if (m_current == QLatin1String("scale") && d->isSettled())
        end({{QStringLiteral("ok"), true},
             {QStringLiteral("workers"), m_scaleTo},
             {QStringLiteral("ready"), d->readyCount()}});
}

void SupervisorControl::stop(const Supervisor::CommandDone &done)
{
    if (d->isStopping() && d->workers().isEmpty()) { // stopped already
        done({{QStringLiteral("ok"), true}});
        return;
    }
    if (m_stopWaiters.isEmpty())
        connect(q, &Supervisor::finished, this, [this] {
            for (const Supervisor::CommandDone &waiter : std::exchange(m_stopWaiters, {}))
                waiter({{QStringLiteral("ok"), true}});
        });
    m_stopWaiters.append(done);
    d->shutdown();
}

void SupervisorControl::stopping()
{
    if (!m_current.isEmpty())
        end(failure(qrs::tr("the supervisor is stopping")));
}

} // namespace qrs
