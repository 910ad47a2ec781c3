// SPDX-FileCopyrightText: 2026 QtResourceSharer contributors
//
// SPDX-License-Identifier: BSD-3-Clause

// A supervisor host for plugin tests: records every call an extension makes.
#pragma once

#include <qrs/supervisorextension.h>

#include <QHash>
#include <QPair>
#include <QStringList>

namespace qrstest {

class FakeHost : public qrs::SupervisorHost
{
public:
    QList<qrs::HostResource> resourcesFor(const qrs::WorkerInfo &) const override
    {
        return resources;
    }
    void holdReadiness(quint64 workerId, const QString &reason) override
    {
        holds.append({workerId, reason});
    }
    void releaseReadiness(quint64 workerId, const QString &reason) override
    {
        released.append(workerId);
        releasedReasons.append(reason);
    }
    void log(const QString &extension, const QString &message) override
    {
        lines.append(extension + QLatin1String(": ") + message);
    }
    QString setting(const QString &name) const override { return settings.value(name); }
    void setStatus(quint64 workerId, const QString &status) override
    {
        statuses.append({workerId, status});
    }
    void extendTimeout(quint64 workerId, int ms) override { extended.append({workerId, ms}); }
    void killWorker(quint64 workerId, const QString &reason) override
    {
        killed.append({workerId, reason});
    }
    void setPidVariable(quint64 workerId, const QString &name) override
    {
        pidVariables.append({workerId, name});
    }

    QList<qrs::HostResource> resources;
    QList<QPair<quint64, QString>> holds;
    QList<quint64> released;
    QStringList releasedReasons;
    QHash<QString, QString> settings;
    QList<QPair<quint64, QString>> statuses;
    QList<QPair<quint64, int>> extended;
    QList<QPair<quint64, QString>> killed;
    QList<QPair<quint64, QString>> pidVariables;
    QStringList lines;
};

} // namespace qrstest
