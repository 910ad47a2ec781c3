// SPDX-FileCopyrightText: 2026 QtResourceSharer contributors
//
// SPDX-License-Identifier: BSD-3-Clause

// qrs::Supervisor's control channel: runs one command at a time (status,
// restart, restart-worker, scale, stop and those added by the program), answers
// each when its work is over, refuses the others with the reason, and takes
// the same commands from the process's sharer. Main thread (the supervisor's).
#pragma once

#include <qrs/supervisor.h>

#include <QHash>
#include <QJsonObject>
#include <QObject>
#include <QTimer>

namespace qrs {

class SupervisorPrivate;

class SupervisorControl : public QObject
{
public:
    SupervisorControl(Supervisor *supervisor, SupervisorPrivate *priv);

    void run(const QJsonObject &command, const Supervisor::CommandDone &done);
    void add(const QString &name, const Supervisor::Command &command);
    // Takes commands from the process's sharer too.
    void listen();
    // The supervisor is stopping: what runs now ends unfinished (a stop excepted).
    void stopping();
    // The command under way ("restart", "scale"...), or empty: for the status.
    QString current() const { return m_current; }

private:
    void restart(const Supervisor::CommandDone &done);
    void restartWorker(const QJsonObject &command, const Supervisor::CommandDone &done);
    void scale(const QJsonObject &command, const Supervisor::CommandDone &done);
    void stop(const Supervisor::CommandDone &done);
    // Why a command cannot run now, or empty.
    QString busy() const;
    // name: the command's; what: the same for people ("a rolling restart").
    void begin(const QString &name, const QString &what, const Supervisor::CommandDone &done);
    // Answers the command under way and forgets it.
    void end(const QJsonObject &reply);
    void checkScale();

    Supervisor *const q;
    SupervisorPrivate *const d;
    QHash<QString, Supervisor::Command> m_added;
    QString m_current;
    QString m_currentText;
    Supervisor::CommandDone m_done;
    QList<Supervisor::CommandDone> m_stopWaiters;
    QList<QMetaObject::Connection> m_watching; // of the command under way
    // scale: the count asked for, and its deadline.
    int m_scaleTo = 0;
    int m_scaleFrom = 0;
    QTimer m_deadline;
};

} // namespace qrs
