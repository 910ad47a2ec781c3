// SPDX-FileCopyrightText: 2026 QtResourceSharer contributors
//
// SPDX-License-Identifier: BSD-3-Clause

// qrs::Supervisor's private side: the SupervisorHost its extensions see, the
// worker slots, restarts with backoff, rolling restarts, readiness holds and
// grace periods. Everything runs in the supervisor's (main) thread.
#pragma once

#include <qrs/supervisor.h>

#include "users.h"

#include <QElapsedTimer>
#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QLoggingCategory>
#include <QStringList>

#include <memory>

QT_BEGIN_NAMESPACE
class QPluginLoader;
class QTimer;
QT_END_NAMESPACE

namespace qrs {

Q_DECLARE_LOGGING_CATEGORY(lcSupervisor)

class SupervisorPrivate : public QObject, public SupervisorHost
{
public:
    struct Settings
    {
        QString program;
        QStringList arguments;
        int workers = 1;
        int graceMs = 5000;
        int readyTimeoutMs = 10000;
        // What extensions read with SupervisorHost::setting() ("ready", "watchdog").
        QHash<QString, QString> extensionSettings;
        // setUser(): who the workers run as, if not this process's user.
        QString user;
        std::shared_ptr<const platform::UserIdentity> identity;
    };
    struct Extension
    {
        QString name;
        QPluginLoader *loader = nullptr; // null for one added in-process
        SupervisorExtension *hooks = nullptr;
    };

    explicit SupervisorPrivate(Supervisor *owner);
    ~SupervisorPrivate() override;

    // Initializes the extension; false after saying why in *error.
    bool addExtension(const Extension &extension, QString *error);

    void start();
    void rollingRestart();
    void shutdown();

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
    bool isRolling() const { return m_rolling >= 0 || !m_rollQueue.isEmpty(); }
    bool isStopping() const { return m_stopping; }
    QList<WorkerInfo> workers() const;
    void setStatusField(const QString &key, const QJsonValue &value);

    Supervisor *const q;
    Settings m_settings;
    QList<HostResource> m_listeners;
    QList<Extension> m_extensions;
    // The last failure of loadExtension() and the like (Supervisor::error()).
    bool fail(QString *error, Error code, const QString &text);
    Error m_lastError = Error::NoError;
    QString m_lastErrorString;

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
        QElapsedTimer upTime;    // valid once started (info.pid is set then too)
        QTimer *timer = nullptr; // ready timeout, then the grace period
    };
    struct Slot
    {
        Worker *current = nullptr;
        Worker *replacement = nullptr;
        int generation = 0;
        int failures = 0; // in a row, for the backoff
        QTimer *restartTimer = nullptr;
    };

    Worker *startWorker(int slot, Role role);
    void prepareChild(Worker *w);
    void onStarted(Worker *w);
    void onFinished(Worker *w, int exitCode, QProcess::ExitStatus status);
    void markReady(Worker *w);
    void retire(Worker *w);
    void scheduleRestart(int slot, const QString &why);
    void rollNext();
    void finishIfIdle();
    Worker *find(quint64 id) const;
    // Publishes slots, pids, readiness and statuses for qrs-inspect and the
    // panel (ResourceSharer::setProcessStatus), once per event-loop pass.
    void statusChanged();
    void publishStatus();
    QString say(const Worker *w) const;
    void info(const QString &message) const;

    QList<Slot> m_slots;
    QList<Worker *> m_workers; // every worker with a live process
    quint64 m_nextId = 1;
    bool m_stopping = false;
    // Rolling restart: the slots still to replace, and whether another SIGHUP came.
    QList<int> m_rollQueue;
    int m_rolling = -1;
    bool m_rollAgain = false;
    int m_replaced = 0;
    QTimer *m_statusTimer = nullptr;
    QJsonObject m_statusFields;
    // For the last line of the log.
    int m_restarts = 0;
    int m_rollingRestarts = 0;
    int m_failures = 0;
};

} // namespace qrs
