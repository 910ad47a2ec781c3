// SPDX-FileCopyrightText: 2026 QtResourceSharer contributors
//
// SPDX-License-Identifier: BSD-3-Clause

#pragma once

#include <qrs/resourceinfo.h>

#include <QAbstractListModel>
#include <QDateTime>

#include <memory>

namespace qrs {

class CacheModelPrivate;

/*!
    \class qrs::CacheModel
    \brief A live list model of a sharer's cache: one row per resource.

    With an empty \l source the model follows this process's ResourceSharer
    through its queued signals; with a socket address, or the pid of a process
    whose sharer is running under this user, it watches that sharer over its
    socket and reconnects when it restarts. Rows are inserted, changed and
    removed one event at a time (never a reset per event). A resource that was
    taken, expired or revoked stays, in its final state, for \l keepFinishedFor
    milliseconds so that a person can see it go.

    Every event carries the entry's revision; an event older than what the row
    already shows (queued signals from two threads may cross) is ignored.
    Works with QSortFilterProxyModel; main thread.

    \code
    auto *model = new qrs::CacheModel(this);
    model->setSource(QStringLiteral("12345")); // the sharer of process 12345
    view->setModel(model);
    \endcode
    \since 0.3
*/
class QRS_EXPORT CacheModel : public QAbstractListModel
{
    Q_OBJECT
    Q_PROPERTY(QString source READ source WRITE setSource NOTIFY sourceChanged)
    Q_PROPERTY(int keepFinishedFor READ keepFinishedFor WRITE setKeepFinishedFor NOTIFY
                       keepFinishedForChanged)
    Q_PROPERTY(Status status READ status NOTIFY statusChanged)
    Q_PROPERTY(QString errorString READ errorString NOTIFY statusChanged)
    Q_PROPERTY(QString address READ address NOTIFY statusChanged)
    Q_PROPERTY(qint64 sharerPid READ sharerPid NOTIFY statusChanged)
    Q_PROPERTY(quint64 registeredCount READ registeredCount NOTIFY statisticsChanged)
    Q_PROPERTY(quint64 takenCount READ takenCount NOTIFY statisticsChanged)
    Q_PROPERTY(quint64 expiredCount READ expiredCount NOTIFY statisticsChanged)
    Q_PROPERTY(quint64 revokedCount READ revokedCount NOTIFY statisticsChanged)
    Q_PROPERTY(quint64 failedCount READ failedCount NOTIFY statisticsChanged)
    Q_PROPERTY(int cachedCount READ cachedCount NOTIFY statisticsChanged)
    Q_PROPERTY(QVariantMap processStatus READ processStatus NOTIFY processStatusChanged)

public:
    enum Role {
        KeyRole = Qt::UserRole + 1, //!< QString: the first 8 hex digits of the key
        IdRole,                     //!< QString: the whole identifier
        NameRole,
        KindRole,           //!< QString: "file", "pipe", "socket", "memfd", "other"
        DescriptionRole,    //!< QString: path, or socket address:port
        StateRole,          //!< QString: "available", "in-transfer", "taken", ...
        StateTextRole,      //!< QString: the state in the user's language
        RegisteredAtRole,   //!< QDateTime (local time)
        AgeRole,            //!< qint64: seconds since registration
        TtlLeftRole,        //!< qint64: ms until it expires, -1 without a TTL
        RegisteringPidRole, //!< qint64
        TakenByPidRole,     //!< qint64: the receiver while in transfer and once taken
        FinishedRole,       //!< bool: taken, expired or revoked; the row will go
        InfoRole,           //!< qrs::ResourceInfo
    };
    Q_ENUM(Role)

    enum class Status {
        Following,  //!< the local sharer, or a remote one with its snapshot in
        Connecting, //!< resolving the target and connecting
        Error,      //!< unreachable, refused or lost; retrying (see errorString)
    };
    Q_ENUM(Status)

    explicit CacheModel(QObject *parent = nullptr);
    ~CacheModel() override;

    // Empty: this process's sharer. Else a socket address, or a pid.
    QString source() const;
    void setSource(const QString &source);
    // Default 5000 ms; 0 removes finished rows at once.
    int keepFinishedFor() const;
    void setKeepFinishedFor(int ms);

    Status status() const;
    QString errorString() const;
    QString address() const;
    qint64 sharerPid() const;
    quint64 registeredCount() const;
    quint64 takenCount() const;
    quint64 expiredCount() const;
    quint64 revokedCount() const;
    quint64 failedCount() const;
    int cachedCount() const; // rows still available or in transfer
    // What the sharer's process says about itself (ResourceSharer::setProcessStatus),
    // e.g. a supervisor's "workers"; empty when it says nothing. \since 0.3
    QVariantMap processStatus() const;

    // Withdraws the resource of row, in whichever sharer holds it: for another
    // process's sharer one round trip over its socket (at most 2 s). False if
    // the row is finished or the sharer does not hold it (errorString says why
    // when the sharer could not be asked).
    Q_INVOKABLE bool revoke(int row);
    // The data of row by role name, for QML delegates outside a view.
    Q_INVOKABLE QVariantMap get(int row) const;

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

    // A state as a stable token ("in-transfer") and as text for the user.
    static QString stateToken(ResourceState state);
    static QString stateText(ResourceState state);

Q_SIGNALS:
    void sourceChanged();
    void keepFinishedForChanged();
    void statusChanged();
    void statisticsChanged();
    void processStatusChanged();
    // A transfer began (outcome "started"), ended with the receiver's
    // acknowledgement ("taken") or broke ("failed", with the reason).
    void transferLogged(const QString &name, qint64 pid, const QString &outcome,
                        const QString &reason, const QDateTime &at);

private:
    friend class CacheModelPrivate;
    std::unique_ptr<CacheModelPrivate> d;
};

} // namespace qrs
