// SPDX-FileCopyrightText: 2026 QtResourceSharer contributors
//
// SPDX-License-Identifier: BSD-3-Clause

// The resource-sharer supervisor extension: for each worker, shares what the
// host configured for it through qrs::ChildResources and holds the worker's
// readiness until the worker has taken all of it.
#pragma once

#include <qrs/supervisorextension.h>

#include <QObject>

namespace qrs {

class ResourceSharerExtension : public QObject, public SupervisorExtension
{
    Q_OBJECT
    Q_PLUGIN_METADATA(IID QRS_SUPERVISOR_EXTENSION_IID FILE "resourcesharer.json")
    Q_INTERFACES(qrs::SupervisorExtension)

public:
    // All hooks: the host's main thread.
    bool initialize(SupervisorHost *host, QString *error) override;
    bool beforeStart(const WorkerInfo &worker, QProcess *process, QString *error) override;
    void started(const WorkerInfo &worker) override;
    void finished(const WorkerInfo &worker, int exitCode, QProcess::ExitStatus status) override;

private:
    void log(const QString &message) const;

    SupervisorHost *m_host = nullptr;
};

} // namespace qrs
