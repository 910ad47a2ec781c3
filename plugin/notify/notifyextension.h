// SPDX-FileCopyrightText: 2026 QtResourceSharer contributors
//
// SPDX-License-Identifier: BSD-3-Clause

// The notify supervisor extension: each worker gets its own NOTIFY_SOCKET (a
// datagram socket in a private 0700 directory) and may speak systemd's
// sd_notify protocol there, or, with the host's "ready" setting fd:N, s6's
// notification descriptor. It holds the worker's readiness until the worker
// says it is ready (ready=notify or fd:N), passes STATUS= to the host, and
// kills a worker whose watchdog (the host's "watchdog" setting) runs out.
#pragma once

#include <qrs/supervisorextension.h>

#include <QObject>

#include <map>
#include <memory>

namespace qrs {

namespace notify {
struct Notification;
}

class NotifyExtension : public QObject, public SupervisorExtension
{
    Q_OBJECT
    Q_PLUGIN_METADATA(IID QRS_SUPERVISOR_EXTENSION_IID FILE "notify.json")
    Q_INTERFACES(qrs::SupervisorExtension)

public:
    NotifyExtension();
    ~NotifyExtension() override;

    // All hooks: the host's main thread.
    bool initialize(SupervisorHost *host, QString *error) override;
    bool beforeStart(const WorkerInfo &worker, QProcess *process, QString *error) override;
    void started(const WorkerInfo &worker) override;
    void finished(const WorkerInfo &worker, int exitCode, QProcess::ExitStatus status) override;

private:
    struct Worker;

    void readDatagrams(Worker *w);
    void apply(Worker *w, const notify::Notification &n, int fdCount);
    void readReadinessFd(Worker *w);
    void becameReady(Worker *w, const QString &how);
    void armWatchdog(Worker *w);
    void say(Worker *w, const QString &message);
    QString who(const Worker *w) const;

    SupervisorHost *m_host = nullptr;
    Readiness m_readiness;
    int m_watchdogMs = 0; // 0: none
    QString m_directory;  // private (0700; 0711 with workerUid): the workers' sockets
    // The workers' user when it is not the host's (setting "uid"), and group:
    // each worker's socket is theirs alone (0600).
    qint64 m_workerUid = -1;
    qint64 m_workerGid = -1;
    std::map<quint64, std::unique_ptr<Worker>> m_workers;
};

} // namespace qrs
