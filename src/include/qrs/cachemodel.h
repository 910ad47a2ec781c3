// SPDX-FileCopyrightText: 2026 QtResourceSharer contributors
//
// SPDX-License-Identifier: BSD-3-Clause

#pragma once

#include <qrs/resourceinfo.h>
#include <qrs/supervisorstatus.h>

#include <QAbstractListModel>
#include <QDateTime>

#include <memory>

namespace qrs {

class CacheModelPrivate;

/*!
    \class qrs::CacheModel
    \brief A live list model of a sharer's cache: one row per resource.

    With an empty \ref source the model follows this process's ResourceSharer
    through its queued signals; with a socket address, or the pid of a process
    whose sharer is running under this user, it watches that sharer over its
    socket and reconnects when it restarts. Rows are inserted, changed and
    removed one event at a time (never a reset per event). A resource that was
    taken, expired or revoked stays, in its final state, for \ref keepFinishedFor
    milliseconds so that a person can see it go.

    Every event carries the entry's revision; an event older than what the row
    already shows (queued signals from two threads may cross) is ignored.
    Works with QSortFilterProxyModel; main thread.

    \snippet snippets.cpp cachemodel
    \since 0.3
*/
class QRS_EXPORT CacheModel : public QAbstractListModel
{
    Q_OBJECT
    //! The sharer followed: see source().
    Q_PROPERTY(QString source READ source WRITE setSource NOTIFY sourceChanged)
    //! How long a finished row stays: see keepFinishedFor().
    Q_PROPERTY(int keepFinishedFor READ keepFinishedFor WRITE setKeepFinishedFor NOTIFY
                       keepFinishedForChanged)
    //! Whether the model follows its sharer: see status().
    Q_PROPERTY(Status status READ status NOTIFY statusChanged)
    //! Why status() is Status::Error.
    Q_PROPERTY(QString errorString READ errorString NOTIFY statusChanged)
    //! The followed sharer's socket address.
    Q_PROPERTY(QString address READ address NOTIFY statusChanged)
    //! The followed sharer's process.
    Q_PROPERTY(qint64 sharerPid READ sharerPid NOTIFY statusChanged)
    //! Registrations since the sharer's process started.
    Q_PROPERTY(quint64 registeredCount READ registeredCount NOTIFY statisticsChanged)
    //! Resources taken by a receiver.
    Q_PROPERTY(quint64 takenCount READ takenCount NOTIFY statisticsChanged)
    //! Resources whose time to live passed.
    Q_PROPERTY(quint64 expiredCount READ expiredCount NOTIFY statisticsChanged)
    //! Resources withdrawn.
    Q_PROPERTY(quint64 revokedCount READ revokedCount NOTIFY statisticsChanged)
    //! Transfers that broke, and refused requests.
    Q_PROPERTY(quint64 failedCount READ failedCount NOTIFY statisticsChanged)
    //! Rows still available or in transfer.
    Q_PROPERTY(int cachedCount READ cachedCount NOTIFY statisticsChanged)
    //! What the sharer's process says about itself.
    Q_PROPERTY(QVariantMap processStatus READ processStatus NOTIFY processStatusChanged)
    //! The same, typed, when the process is a supervisor (else invalid). \since 0.5
    Q_PROPERTY(qrs::SupervisorStatus supervisorStatus READ supervisorStatus NOTIFY
                       processStatusChanged)

public:
    //! The roles of data(), by the names roleNames() gives QML (key, id, name, ...).
    enum Role {
        KeyRole = Qt::UserRole + 1, //!< QString: the first 8 hex digits of the key
        IdRole,                     //!< QString: the whole identifier
        NameRole,                   //!< QString: the name it was registered with
        KindRole,                   //!< QString: "file", "pipe", "socket", "memfd", "other"
        DescriptionRole,            //!< QString: path, or socket address:port
        StateRole,                  //!< QString: "available", "in-transfer", "taken", ...
        StateTextRole,              //!< QString: the state in the user's language
        RegisteredAtRole,           //!< QDateTime (local time)
        AgeRole,                    //!< qint64: seconds since registration
        TtlLeftRole,                //!< qint64: ms until it expires, -1 without a TTL
        RegisteringPidRole,         //!< qint64
        TakenByPidRole,             //!< qint64: the receiver while in transfer and once taken
        FinishedRole,               //!< bool: taken, expired or revoked; the row will go
        InfoRole,                   //!< qrs::ResourceInfo
        //! QString: who besides the sharer's own user may take it, as accessText() says. \since 0.5
        AccessRole,
    };
    Q_ENUM(Role)

    //! Whether the model follows its sharer.
    enum class Status {
        Following,  //!< the local sharer, or a remote one with its snapshot in
        Connecting, //!< resolving the target and connecting
        Error,      //!< unreachable, refused or lost; retrying (see errorString)
    };
    Q_ENUM(Status)

    //! An empty model that follows this process's sharer once the event loop runs.
    explicit CacheModel(QObject *parent = nullptr);
    ~CacheModel() override;

    //! Empty: this process's sharer. Else a socket address, or a pid.
    QString source() const;
    //! Follows \a source from now on (the rows start again from its snapshot).
    void setSource(const QString &source);
    //! Default 5000 ms; 0 removes finished rows at once.
    int keepFinishedFor() const;
    //! Sets keepFinishedFor() to \a ms milliseconds.
    void setKeepFinishedFor(int ms);

    //! Whether the model follows its sharer, connects, or cannot reach it.
    Status status() const;
    //! Why status() is Status::Error; empty otherwise.
    QString errorString() const;
    //! The socket address of the sharer followed (empty until it is known).
    QString address() const;
    //! The pid of the sharer's process, or 0 until it is known.
    qint64 sharerPid() const;
    //! Registrations the sharer counted since its process started.
    quint64 registeredCount() const;
    //! Resources a receiver took.
    quint64 takenCount() const;
    //! Resources whose time to live passed before anyone took them.
    quint64 expiredCount() const;
    //! Resources withdrawn by their owner or by a stop.
    quint64 revokedCount() const;
    //! Transfers that broke before the acknowledgement, and refused requests.
    quint64 failedCount() const;
    //! Rows still available or in transfer.
    int cachedCount() const;
    //! What the sharer's process says about itself (ResourceSharer::setProcessStatus),
    //! e.g. a supervisor's "workers"; empty when it says nothing. \since 0.3
    QVariantMap processStatus() const;
    //! processStatus() read as a supervisor's (invalid if it is not one). \since 0.5
    SupervisorStatus supervisorStatus() const;

    //! Withdraws the resource of row, in whichever sharer holds it: for another
    //! process's sharer one round trip over its socket (at most 2 s). False if
    //! the row is finished or the sharer does not hold it (errorString says why
    //! when the sharer could not be asked).
    Q_INVOKABLE bool revoke(int row);
    //! The data of row by role name, for QML delegates outside a view.
    Q_INVOKABLE QVariantMap get(int row) const;

    //! One row per resource (finished ones for keepFinishedFor()).
    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    /*!
        Who may take \a info, for people: "owner" (the sharer's own user only),
        or its rule: "pid 4242", "uid 33, group www-data", "pid (starting)" for
        one bound to a process that has not started yet.
        \since 0.5
    */
    static QString accessText(const ResourceInfo &info);

    //! The value of \a role (a Role) for the row of \a index.
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    //! The roles by name, for QML delegates: "key", "id", "name", "kind", ...
    QHash<int, QByteArray> roleNames() const override;

    //! A state as a stable token ("in-transfer") and as text for the user.
    static QString stateToken(ResourceState state);
    //! \overload
    //! The state \a state as text in the user's language.
    static QString stateText(ResourceState state);

Q_SIGNALS:
    //! source() changed.
    void sourceChanged();
    //! keepFinishedFor() changed.
    void keepFinishedForChanged();
    //! status(), errorString(), address() or sharerPid() changed.
    void statusChanged();
    //! One of the counters changed.
    void statisticsChanged();
    //! processStatus() changed.
    void processStatusChanged();
    //! A transfer began (outcome "started"), ended with the receiver's
    //! acknowledgement ("taken") or broke ("failed", with the reason).
    void transferLogged(const QString &name, qint64 pid, const QString &outcome,
                        const QString &reason, const QDateTime &at);

private:
    friend class CacheModelPrivate;
    std::unique_ptr<CacheModelPrivate> d;
};

} // namespace qrs
