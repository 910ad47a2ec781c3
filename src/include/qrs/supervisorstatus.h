// SPDX-FileCopyrightText: 2026 QtResourceSharer contributors
//
// SPDX-License-Identifier: BSD-3-Clause

#pragma once

#include <qrs/global.h>

#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QString>

namespace qrs {

/*!
    \struct qrs::SupervisedWorker
    \brief One worker as a supervisor publishes it (SupervisorStatus::workerList),
    or one that ended lately (SupervisorStatus::history).
    \since 0.5
*/
struct QRS_EXPORT SupervisedWorker
{
    Q_GADGET
    Q_PROPERTY(int slot MEMBER slot)
    Q_PROPERTY(qint64 pid MEMBER pid)
    Q_PROPERTY(qint64 uid MEMBER uid)
    Q_PROPERTY(int generation MEMBER generation)
    Q_PROPERTY(QString role MEMBER role)
    Q_PROPERTY(bool ready MEMBER ready)
    Q_PROPERTY(qint64 started MEMBER started)
    Q_PROPERTY(qint64 readySince MEMBER readySince)
    Q_PROPERTY(int restarts MEMBER restarts)
    Q_PROPERTY(QString lastExit MEMBER lastExit)
    Q_PROPERTY(QString status MEMBER status)
    Q_PROPERTY(qint64 ended MEMBER ended)
    Q_PROPERTY(QString how MEMBER how)
    Q_PROPERTY(bool unexpected MEMBER unexpected)

public:
    int slot = 0;          //!< 0 .. workers-1
    qint64 pid = 0;        //!< 0 until started
    qint64 uid = -1;       //!< the user it runs as; -1 if not published
    int generation = 0;    //!< how many starts its slot had before this one
    QString role;          //!< "active", "replacement" or "retiring"
    bool ready = false;    //!< every hold on its readiness released
    qint64 started = 0;    //!< when it started, in ms since the epoch (0: not yet)
    qint64 readySince = 0; //!< when it became ready, in ms since the epoch (0: not yet)
    int restarts = 0;      //!< its slot's restarts after unexpected exits
    QString lastExit;      //!< how its slot's last worker ended ("exited with code 1")
    QString status;        //!< its own account of itself (STATUS=)
    // Of a worker that ended (SupervisorStatus::history):
    qint64 ended = 0;        //!< when, in ms since the epoch
    QString how;             //!< how ("killed by signal 9 (Killed)")
    bool unexpected = false; //!< it was not stopped by the supervisor

    //! Its JSON form, the keys as named above (the ended ones only when \a ended is set).
    QJsonObject toJson() const;
    //! Reads what toJson() writes; missing keys keep their defaults.
    static SupervisedWorker fromJson(const QJsonObject &json);
};

/*!
    \struct qrs::UpgradeStatus
    \brief The last upgrade in place of a supervisor (\c qrs-supervise's), as it
    publishes it.
    \since 0.5
*/
struct QRS_EXPORT UpgradeStatus
{
    Q_GADGET
    Q_PROPERTY(int attempt MEMBER attempt)
    Q_PROPERTY(QString state MEMBER state)
    Q_PROPERTY(qint64 successor MEMBER successor)
    Q_PROPERTY(QString reason MEMBER reason)

public:
    int attempt = 0;      //!< how many were asked for; 0: none
    QString state;        //!< "running", "done", "failed" or "refused"
    qint64 successor = 0; //!< the successor's pid, once started
    QString reason;       //!< why it failed or was refused

    //! Whether every field is the same.
    bool operator==(const UpgradeStatus &o) const
    {
        return attempt == o.attempt && state == o.state && successor == o.successor
                && reason == o.reason;
    }
    //! Whether any field differs.
    bool operator!=(const UpgradeStatus &o) const { return !(*this == o); }
};

/*!
    \struct qrs::SupervisorStatus
    \brief What a qrs::Supervisor publishes about itself as its process status
    (ResourceSharer::setProcessStatus()), typed: the one place its JSON form is
    written and read. The supervisor writes it, its control channel's
    \c status command returns it, and \c qrs-inspect, \c qrs-supervise \c --status
    and CacheModel read it.
    \code
    const qrs::SupervisorStatus status =
            qrs::SupervisorStatus::fromJson(QJsonObject::fromVariantMap(model.processStatus()));
    if (status.isValid())
        qInfo() << status.ready << "of" << status.workers << "workers ready";
    \endcode
    \since 0.5
*/
struct QRS_EXPORT SupervisorStatus
{
    Q_GADGET
    //! Whether it is a supervisor's: see isValid().
    Q_PROPERTY(bool valid READ isValid)
    Q_PROPERTY(qint64 pid MEMBER pid)
    Q_PROPERTY(QString program MEMBER program)
    Q_PROPERTY(QString user MEMBER user)
    Q_PROPERTY(int workers MEMBER workers)
    Q_PROPERTY(int maxWorkers MEMBER maxWorkers)
    Q_PROPERTY(int ready MEMBER ready)
    Q_PROPERTY(QString surge MEMBER surge)
    Q_PROPERTY(bool rolling MEMBER rolling)
    Q_PROPERTY(bool stopping MEMBER stopping)
    Q_PROPERTY(QString command MEMBER command)
    Q_PROPERTY(qint64 now MEMBER now)
    //! Its last upgrade in place (the member \ref upgrade).
    Q_PROPERTY(qrs::UpgradeStatus upgrade MEMBER upgrade)

public:
    qint64 pid = 0;        //!< the supervisor's
    QString program;       //!< what its workers run
    QString user;          //!< who they run as, as given ("www-data"); empty: its own
    int workers = 0;       //!< the slots wanted
    int maxWorkers = 0;    //!< the most slots it takes (Supervisor::MaxWorkers); 0: not said
    int ready = 0;         //!< slots with a ready worker
    QString surge;         //!< "1", "25%"
    bool rolling = false;  //!< a rolling restart is under way
    bool stopping = false; //!< it is stopping its workers, to exit
    QString command;       //!< the control command under way ("restart", "scale"...), or empty
    qint64 now = 0;        //!< when it was published, in ms since the epoch
    UpgradeStatus upgrade; //!< its last upgrade in place (attempt 0: none)
    QList<SupervisedWorker> workerList; //!< every worker with a live process
    QList<SupervisedWorker> history;    //!< workers that ended lately, oldest first
    //! Other fields of the "supervisor" object (Supervisor::setStatusField()).
    QJsonObject extra;

    //! Whether it is a supervisor's (it has a pid).
    bool isValid() const { return pid > 0; }
    //! The process status: {"supervisor": {...}, "workers": [...], "history": [...]}.
    QJsonObject toJson() const;
    //! Reads a process status; invalid unless it is a supervisor's.
    static SupervisorStatus fromJson(const QJsonObject &processStatus);
};

} // namespace qrs
