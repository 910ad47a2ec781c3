// SPDX-FileCopyrightText: 2026 QtResourceSharer contributors
//
// SPDX-License-Identifier: BSD-3-Clause

#include "resourcesharerextension.h"

#include <qrs/childresources.h>

namespace qrs {

void ResourceSharerExtension::log(const QString &message) const
{
    m_host->log(QStringLiteral("resource-sharer"), message);
}

bool ResourceSharerExtension::initialize(SupervisorHost *host, QString *error)
{
    if (!host) {
        if (error)
            *error = tr("no host given");
        return false;
    }
    m_host = host;
    return true;
}

bool ResourceSharerExtension::beforeStart(const WorkerInfo &worker, QProcess *process,
                                          QString *error)
{
    Q_ASSERT(m_host);
    const QList<HostResource> resources = m_host->resourcesFor(worker);
    if (resources.isEmpty())
        return true;
    auto *shared = new ChildResources(process);
    for (const HostResource &r : resources) {
        if (!shared->addDescriptor(r.name, r.fd, error)) {
            delete shared; // revokes what was added
            return false;
        }
    }
    const QString hold =
            tr("waiting for it to take %1").arg(shared->names().join(QLatin1String(", ")));
    m_host->holdReadiness(worker.id, hold);

    const quint64 id = worker.id;
    const int slot = worker.slot;
    connect(shared, &ChildResources::taken, this, [this, slot](const QString &name, qint64 pid) {
        log(tr("worker %1 (pid %2) took %3").arg(slot).arg(pid).arg(name));
    });
    connect(shared, &ChildResources::allTaken, this,
            [this, id, hold] { m_host->releaseReadiness(id, hold); });
    connect(shared, &ChildResources::revoked, this, [this, slot](const QString &name) {
        log(tr("worker %1 ended without taking %2; it was withdrawn").arg(slot).arg(name));
    });
    return true;
}

void ResourceSharerExtension::started(const WorkerInfo &) { }

void ResourceSharerExtension::finished(const WorkerInfo &, int, QProcess::ExitStatus)
{
    // Nothing to do: ChildResources revokes what is left when its process ends.
}

} // namespace qrs
