// SPDX-FileCopyrightText: 2026 QtResourceSharer contributors
//
// SPDX-License-Identifier: BSD-3-Clause

// qrs::Supervisor's private side: the SupervisorHost its extensions see, the
// worker slots, restarts with backoff, rolling restarts, readiness holds and
// grace periods. Everything runs in the supervisor's (main) thread.
#pragma once

#include <qrs/supervisor.h>
#include <qrs/supervisorstatus.h>

#include "extensionhost_p.h"
#include "listenerset_p.h"
#include "restartbackoff_p.h"
#include "rollingrestart_p.h"
#include "statuspublisher_p.h"
#include "users.h"

#include <QElapsedTimer>
#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QLoggingCategory>
#include <QStringList>

#include <memory>

QT_BEGIN_NAMESPACE
class QTimer;
QT_END_NAMESPACE

namespace qrs {

class ManagerReport;
class SupervisorControl;
class UpgradeInPlace;

Q_DECLARE_LOGGING_CATEGORY(lcSupervisor)

class SupervisorPrivate : public QObject, public SupervisorHost
{
public:
    struct Settings
    {
        QString program;
        QStringList arguments;
        int workers = 1; // the slots wanted; setWorkerCount() changes it live
        int graceMs = 5000;
        int readyTimeoutMs = 10000;
        // What extensions read with SupervisorHost::setting() ("ready", "watchdog").
        QHash<QString, QString> extensionSettings;
        // setUser(): who the workers run as, if not this process's user.
        QString user;
        std::shared_ptr<const platform::UserIdentity> identity;
    };
    explicit SupervisorPrivate(Supervisor *owner);
    ~SupervisorPrivate() override;

    // Adds the extension (loaded, or in-process), says so in the log; false
    // after saying why in *error.
    bool addExtension(const ExtensionHost::Extension &extension, QString *error);

    void start();
    // Replaces every slot's worker, surge() at a time; restartWorker(): one.
    void rollingRestart();
    bool restartWorker(int slot);
    void shutdown();
    // Live: starts the new slots' workers, or stops the newest ones.
    void setWorkerCount(int count);
    // How many replacements a rolling restart starts at once now.
    int surge() const;
    void setSurge(int value, bool percent) { m_roll.setSurge(value, percent); }
    // Whether the slots are as wanted: each ready, none left over, none replaced.
    bool isSettled() const;
    // How slot's last worker ended ("exited with code 1"), or empty.
    QString lastExit(int slot) const;
    // What it publishes about itself (StatusPublisher), as it is now.
    SupervisorStatus status() const;

    // SupervisorHost
    QList<HostResource> resourcesFor(const WorkerInfo &worker) const override;
    void holdReadiness(quint64 workerId, const QString &reason) override;
    void releaseReadiness(quint64 workerId, const QString &reason) override;
    void log(const QString &extension, const QString &message) override;
    QString setting(const QString &name) const override;
    void setStatus(quint64 workerId, const QString &status) override;
    void extendTimeout(quint64 workerId, int ms) override;
    void killWorker(quint64 workerId, const QString &reason) override;
    void setPidVariable(quint64 workerId, const QString &name) override;

    int readyCount() const;
    int workerCount() const { return m_settings.workers; }
    bool isRolling() const { return m_roll.isActive(); }
    bool isStopping() const { return m_stopping; }
    QList<WorkerInfo> workers() const;
    void setStatusField(const QString &key, const QJsonValue &value);

    Supervisor *const q;
    Settings m_settings;
    QList<HostResource> m_listeners;
    ListenerSet m_listenerSet; // what listen() opened
    ExtensionHost m_extensions;
    // The last failure of loadExtension() and the like (Supervisor::error()).
    bool fail(QString *error, Error code, const QString &text);
    Error m_lastError = Error::NoError;
    QString m_lastErrorString;
    SupervisorControl *m_control = nullptr; // a child
    UpgradeInPlace *m_upgrade = nullptr;    // a child
    ManagerReport *m_report = nullptr;      // a child, once setServiceManager()
    // Publishes the status once the event loop is back (coalesced).
    void statusChanged();
    // One line of the log (Supervisor::message()).
    void info(const QString &message) const;

private:
    enum class Role { Active, Replacement, Retiring };
    struct Worker
    {
        WorkerInfo info;
        Role role = Role::Active;
        QProcess *process = nullptr;
        QStringList holds;        // readiness held by extensions, with their reasons
        QStringList pidVariables; // environment variables set to its own pid
        QString status;           // its own account of itself (STATUS=)
        bool ready = false;
        qint64 startedAt = 0;    // ms since the epoch, once started
        qint64 readyAt = 0;      // ms since the epoch, once ready
        QElapsedTimer upTime;    // valid once started (info.pid is set then too)
        QTimer *timer = nullptr; // ready timeout, then the grace period
    };
    struct Slot
    {
        Worker *current = nullptr;
        Worker *replacement = nullptr;
        int generation = 0;
        RestartBackoff backoff; // after failures in a row
        int restarts = 0;       // after unexpected exits, in all
        QString lastExit;
        QTimer *restartTimer = nullptr;
    };
    Worker *startWorker(int slot, Role role);
    void prepareChild(Worker *w);
    void onStarted(Worker *w);
    void onFinished(Worker *w, int exitCode, QProcess::ExitStatus status);
    void markReady(Worker *w);
    void retire(Worker *w);
    void scheduleRestart(int slot, const QString &why);
    void beginRoll(const QList<int> &which);
    void rollNext();
    // A slot of the rolling restart is done: replaced, or not (failure says why).
    void slotRolled(int slot, const QString &failure = {});
    void trimSlots();
    void remember(const Worker *w, const QString &how, bool unexpected);
    void finishIfIdle();
    Worker *find(quint64 id) const;
    QString say(const Worker *w) const;

    QList<Slot> m_slots;
    QList<Worker *> m_workers; // every worker with a live process
    quint64 m_nextId = 1;
    bool m_stopping = false;
    RollingRestart m_roll;
    StatusPublisher *m_status = nullptr; // a child
    // For the last line of the log.
    int m_restarts = 0;
    int m_rollingRestarts = 0;
    int m_failures = 0;
};

} // namespace qrs
