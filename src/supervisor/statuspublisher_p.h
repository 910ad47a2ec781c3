// SPDX-FileCopyrightText: 2026 QtResourceSharer contributors
//
// SPDX-License-Identifier: BSD-3-Clause

// What a supervisor publishes about itself (ResourceSharer::setProcessStatus(),
// for qrs-inspect, the console and the control channel's "status"): at most
// once per event-loop pass however often it changes, with the fields others
// set (Supervisor::setStatusField()) and the workers that ended lately, for
// the console's timeline. The supervisor's (main) thread.
#pragma once

#include <qrs/supervisorstatus.h>

#include <QJsonObject>
#include <QObject>
#include <QTimer>

#include <functional>

namespace qrs {

class StatusPublisher : public QObject
{
public:
    // build: the status as it is now, from fields() and history(); log: says
    // why it could not be published.
    StatusPublisher(std::function<SupervisorStatus()> build,
                    std::function<void(const QString &)> log, QObject *parent);

    // Something changed: publish once the event loop is back.
    void changed();
    // Publish now (before the first worker is forked: the sharer starts here).
    void publishNow();
    void setField(const QString &key, const QJsonValue &value);
    QJsonObject fields() const { return m_fields; }
    // A worker ended; the oldest go past 128 of them, or 10 minutes.
    void remember(const SupervisedWorker &ended);
    QList<SupervisedWorker> history() const { return m_history; }

private:
    std::function<SupervisorStatus()> m_build;
    std::function<void(const QString &)> m_log;
    QTimer m_timer;
    QJsonObject m_fields;
    QList<SupervisedWorker> m_history;
};

} // namespace qrs
