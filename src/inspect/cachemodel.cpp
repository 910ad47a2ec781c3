// SPDX-FileCopyrightText: 2026 QtResourceSharer contributors
//
// SPDX-License-Identifier: BSD-3-Clause

#include <qrs/cachemodel.h>

#include "text_p.h"
#include "inspectclient_p.h"

#include <qrs/resourcesharer.h>

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QJsonObject>
#include <QTimer>

#include <algorithm>

namespace qrs {

using protocol::ChangeKind;

namespace {
constexpr int DefaultKeepFinishedMs = 5000;
constexpr int TickMs = 1000;
constexpr int RevokeTimeoutMs = 2000;

bool isFinished(ResourceState state)
{
    return state == ResourceState::Taken || state == ResourceState::Expired
            || state == ResourceState::Revoked;
}

QString kindToken(ResourceKind kind)
{
    switch (kind) {
    case ResourceKind::File:
        return QStringLiteral("file");
    case ResourceKind::Pipe:
        return QStringLiteral("pipe");
    case ResourceKind::Socket:
        return QStringLiteral("socket");
    case ResourceKind::Memfd:
        return QStringLiteral("memfd");
    case ResourceKind::Other:
        break;
    }
    return QStringLiteral("other");
}
} // namespace

class CacheModelPrivate
{
public:
    struct Row
    {
        ResourceInfo info;
        qint64 finishedAt = -1; // steady clock, ms
    };

    explicit CacheModelPrivate(CacheModel *model)
        : q(model)
    { }

    void follow();
    void unfollow();
    void setStatus(CacheModel::Status s, const QString &error = {});
    void apply(ChangeKind kind, const ResourceInfo &info, const QString &reason);
    void applySnapshot(const inspect::Listing &listing);
    void setProcessStatus(const QJsonObject &status);
    void removeRow(int row);
    void removeFinished();
    void scheduleRemoval();
    void reindexFrom(int row);
    QModelIndex index(int row) const { return q->index(row, 0); }

    CacheModel *const q;
    QString source;
    int keepFinishedMs = DefaultKeepFinishedMs;
    CacheModel::Status status = CacheModel::Status::Following;
    QString error;
    QString address;
    qint64 sharerPid = 0;
    SharerStatistics stats;
    QJsonObject processStatus;
    quint64 snapshotRevision = 0;
    QList<Row> rows;
    QHash<QByteArray, int> rowOfKey;
    int cached = 0;
    QTimer tick;
    QTimer removal;
    inspect::Watcher *watcher = nullptr;
    QList<QMetaObject::Connection> localConnections;
};

void CacheModelPrivate::follow()
{
    if (!source.isEmpty()) {
        watcher = new inspect::Watcher(q);
        QObject::connect(watcher, &inspect::Watcher::connecting, q,
                         [this] { setStatus(CacheModel::Status::Connecting); });
        QObject::connect(watcher, &inspect::Watcher::lost, q,
                         [this](const QString &why) { setStatus(CacheModel::Status::Error, why); });
        QObject::connect(watcher, &inspect::Watcher::snapshotReceived, q,
                         [this](const inspect::Listing &listing) {
                             address = listing.address;
                             sharerPid = listing.sharerPid;
                             setProcessStatus(listing.processStatus);
                             applySnapshot(listing);
                             setStatus(CacheModel::Status::Following);
                         });
        QObject::connect(watcher, &inspect::Watcher::processStatusReceived, q,
                         [this](const QJsonObject &status) { setProcessStatus(status); });
        QObject::connect(watcher, &inspect::Watcher::changed, q,
                         [this](ChangeKind kind, const ResourceInfo &info, const QString &why) {
                             apply(kind, info, why);
                         });
        watcher->start(source);
        return;
    }
    // Connected before the snapshot: whatever happens after it arrives as a
    // signal, and what happened before it is skipped by revision.
    ResourceSharer *sharer = ResourceSharer::instance();
    const auto on = [this](ChangeKind kind) {
        return [this, kind](const ResourceInfo &info) {
            apply(kind, info, {});
        };
    };
    localConnections = {
            QObject::connect(sharer, &ResourceSharer::resourceRegistered, q,
                             on(ChangeKind::Registered)),
            QObject::connect(sharer, &ResourceSharer::transferStarted, q,
                             on(ChangeKind::InTransfer)),
            QObject::connect(sharer, &ResourceSharer::resourceTransferred, q,
                             on(ChangeKind::Taken)),
            QObject::connect(sharer, &ResourceSharer::resourceExpired, q, on(ChangeKind::Expired)),
            QObject::connect(sharer, &ResourceSharer::resourceRevoked, q, on(ChangeKind::Revoked)),
            QObject::connect(sharer, &ResourceSharer::transferFailed, q,
                             [this](const ResourceInfo &info, const QString &why) {
                                 apply(ChangeKind::Failed, info, why);
                             }),
            QObject::connect(sharer, &ResourceSharer::processStatusChanged, q,
                             [this](const QJsonObject &status) { setProcessStatus(status); }),
            QObject::connect(sharer, &ResourceSharer::runningChanged, q,
                             [this, sharer] {
                                 address = sharer->address();
                                 Q_EMIT q->statusChanged();
                             }),
    };
    inspect::Listing listing;
    listing.entries = sharer->snapshot(&listing.statistics);
    address = sharer->address();
    sharerPid = QCoreApplication::applicationPid();
    setProcessStatus(sharer->processStatus());
    applySnapshot(listing);
    setStatus(CacheModel::Status::Following);
}

void CacheModelPrivate::unfollow()
{
    for (const auto &c : std::as_const(localConnections))
        QObject::disconnect(c);
    localConnections.clear();
    // The watcher may be the sender of the signal being handled.
    if (inspect::Watcher *w = std::exchange(watcher, nullptr)) {
        w->disconnect(q);
        w->stop();
        w->deleteLater();
    }
    address.clear();
    sharerPid = 0;
    error.clear();
    setProcessStatus({});
}

void CacheModelPrivate::setProcessStatus(const QJsonObject &status)
{
    if (status == processStatus)
        return;
    processStatus = status;
    Q_EMIT q->processStatusChanged();
}

void CacheModelPrivate::setStatus(CacheModel::Status s, const QString &why)
{
    if (status == s && error == why)
        return;
    status = s;
    error = why;
    Q_EMIT q->statusChanged();
}

void CacheModelPrivate::apply(ChangeKind kind, const ResourceInfo &incoming, const QString &reason)
{
    // Each event arrives once: it counts if the snapshot did not count it yet.
    const bool isNew = incoming.revision > snapshotRevision;
    if (isNew) {
        protocol::countChange(&stats, kind);
        stats.revision = qMax(stats.revision, incoming.revision);
    }
    const QString outcome = kind == ChangeKind::InTransfer ? QStringLiteral("started")
            : kind == ChangeKind::Taken                    ? QStringLiteral("taken")
            : kind == ChangeKind::Failed                   ? QStringLiteral("failed")
                                                           : QString();
    if (isNew && !outcome.isEmpty())
        Q_EMIT q->transferLogged(incoming.name, incoming.takenByPid, outcome, reason,
                                 QDateTime::currentDateTime());

    ResourceInfo info = incoming;
    if (info.state == ResourceState::Available)
        info.takenByPid = 0; // a failed transfer names its receiver; the row does not
    const bool finished = isFinished(info.state);
    const QByteArray key = info.id.key();
    const auto found = rowOfKey.constFind(key);
    if (found != rowOfKey.cend()) {
        const int row = *found;
        Row &r = rows[row];
        if (info.revision <= r.info.revision)
            return; // older than what the row shows
        const bool wasCached = !isFinished(r.info.state);
        r.info = info;
        if (finished && wasCached) {
            --cached;
            r.finishedAt = QDeadlineTimer::current().deadline();
        }
        if (finished && keepFinishedMs == 0)
            removeRow(row);
        else
            Q_EMIT q->dataChanged(index(row), index(row));
        if (finished && !removal.isActive())
            scheduleRemoval();
    } else {
        if (!isNew || (finished && keepFinishedMs == 0))
            return; // gone before our snapshot, or not to be shown
        const int row = int(rows.size());
        q->beginInsertRows(QModelIndex(), row, row);
        rows.append(Row{info, finished ? QDeadlineTimer::current().deadline() : -1});
        rowOfKey.insert(key, row);
        if (!finished)
            ++cached;
        q->endInsertRows();
        if (finished && !removal.isActive())
            scheduleRemoval();
        if (!tick.isActive())
            tick.start();
    }
    if (isNew)
        Q_EMIT q->statisticsChanged();
}

void CacheModelPrivate::applySnapshot(const inspect::Listing &listing)
{
    stats = listing.statistics;
    snapshotRevision = listing.statistics.revision;
    QHash<QByteArray, const ResourceInfo *> present;
    for (const ResourceInfo &e : listing.entries)
        present.insert(e.id.key(), &e);
    // Cached rows the sharer no longer has went while we were not looking.
    for (int row = int(rows.size()) - 1; row >= 0; --row) {
        if (!isFinished(rows.at(row).info.state) && !present.contains(rows.at(row).info.id.key()))
            removeRow(row);
    }
    // The snapshot is the truth as of now: it replaces rows whatever their revision
    // (a sharer in a new process counts revisions from zero again).
    QList<ResourceInfo> added;
    for (const ResourceInfo &e : listing.entries) {
        const auto found = rowOfKey.constFind(e.id.key());
        if (found == rowOfKey.cend()) {
            added.append(e);
            continue;
        }
        Row &r = rows[*found];
        if (isFinished(r.info.state))
            ++cached;
        r = Row{e, -1};
        Q_EMIT q->dataChanged(index(*found), index(*found));
    }
    if (!added.isEmpty()) {
        const int first = int(rows.size());
        q->beginInsertRows(QModelIndex(), first, first + int(added.size()) - 1);
        for (const ResourceInfo &e : std::as_const(added)) {
            rowOfKey.insert(e.id.key(), int(rows.size()));
            rows.append(Row{e, -1});
        }
        cached += int(added.size());
        q->endInsertRows();
    }
    if (!rows.isEmpty() && !tick.isActive())
        tick.start();
    Q_EMIT q->statisticsChanged();
}

void CacheModelPrivate::removeRow(int row)
{
    q->beginRemoveRows(QModelIndex(), row, row);
    if (!isFinished(rows.at(row).info.state))
        --cached;
    rowOfKey.remove(rows.at(row).info.id.key());
    rows.removeAt(row);
    reindexFrom(row);
    q->endRemoveRows();
    if (rows.isEmpty())
        tick.stop();
}

void CacheModelPrivate::reindexFrom(int row)
{
    for (int i = row; i < rows.size(); ++i)
        rowOfKey[rows.at(i).info.id.key()] = i;
}

void CacheModelPrivate::removeFinished()
{
    const qint64 now = QDeadlineTimer::current().deadline();
    for (int row = int(rows.size()) - 1; row >= 0; --row) {
        const qint64 at = rows.at(row).finishedAt;
        if (at >= 0 && at + keepFinishedMs <= now)
            removeRow(row);
    }
    scheduleRemoval();
}

// Arms the removal timer for the row that finished first. Rows finish in time
// order, so a timer already running is never late for a newer one.
void CacheModelPrivate::scheduleRemoval()
{
    qint64 earliest = -1;
    for (const Row &r : std::as_const(rows)) {
        if (r.finishedAt >= 0 && (earliest < 0 || r.finishedAt < earliest))
            earliest = r.finishedAt;
    }
    if (earliest < 0) {
        removal.stop();
        return;
    }
    const qint64 wait = earliest + keepFinishedMs - QDeadlineTimer::current().deadline();
    removal.start(int(qBound(qint64(0), wait, qint64(keepFinishedMs))));
}

// ---------------------------------------------------------------- CacheModel

CacheModel::CacheModel(QObject *parent)
    : QAbstractListModel(parent)
    , d(new CacheModelPrivate(this))
{
    d->tick.setInterval(TickMs);
    connect(&d->tick, &QTimer::timeout, this, [this] {
        if (!d->rows.isEmpty())
            Q_EMIT dataChanged(d->index(0), d->index(int(d->rows.size()) - 1),
                               {AgeRole, TtlLeftRole});
    });
    d->removal.setSingleShot(true);
    connect(&d->removal, &QTimer::timeout, this, [this] { d->removeFinished(); });
    d->follow();
}

CacheModel::~CacheModel()
{
    d->unfollow();
}

QString CacheModel::source() const
{
    return d->source;
}

void CacheModel::setSource(const QString &source)
{
    if (d->source == source)
        return;
    beginResetModel(); // another sharer: nothing of the old one stays
    d->unfollow();
    d->rows.clear();
    d->rowOfKey.clear();
    d->cached = 0;
    d->stats = {};
    d->snapshotRevision = 0;
    d->source = source;
    d->removal.stop();
    d->tick.stop();
    endResetModel();
    d->follow();
    Q_EMIT sourceChanged();
    Q_EMIT statisticsChanged();
}

int CacheModel::keepFinishedFor() const
{
    return d->keepFinishedMs;
}

void CacheModel::setKeepFinishedFor(int ms)
{
    ms = qMax(0, ms);
    if (d->keepFinishedMs == ms)
        return;
    d->keepFinishedMs = ms;
    d->removeFinished();
    Q_EMIT keepFinishedForChanged();
}

CacheModel::Status CacheModel::status() const
{
    return d->status;
}

QString CacheModel::errorString() const
{
    return d->error;
}

QString CacheModel::address() const
{
    return d->address;
}

qint64 CacheModel::sharerPid() const
{
    return d->sharerPid;
}

quint64 CacheModel::registeredCount() const
{
    return d->stats.registered;
}

quint64 CacheModel::takenCount() const
{
    return d->stats.taken;
}

quint64 CacheModel::expiredCount() const
{
    return d->stats.expired;
}

quint64 CacheModel::revokedCount() const
{
    return d->stats.revoked;
}

quint64 CacheModel::failedCount() const
{
    return d->stats.failed;
}

int CacheModel::cachedCount() const
{
    return d->cached;
}

QVariantMap CacheModel::processStatus() const
{
    return d->processStatus.toVariantMap();
}

bool CacheModel::revoke(int row)
{
    if (row < 0 || row >= d->rows.size())
        return false;
    const ResourceInfo &info = d->rows.at(row).info;
    if (isFinished(info.state))
        return false;
    if (d->source.isEmpty())
        return ResourceSharer::instance()->revoke(info.id);
    QString why;
    const int n = inspect::revoke(info.id.address(), {protocol::Key::fromBytes(info.id.key())},
                                  RevokeTimeoutMs, &why);
    if (n < 0)
        d->setStatus(d->status, why);
    return n > 0;
}

QVariantMap CacheModel::get(int row) const
{
    QVariantMap map;
    if (row < 0 || row >= d->rows.size())
        return map;
    const QHash<int, QByteArray> names = roleNames();
    for (auto it = names.cbegin(); it != names.cend(); ++it)
        map.insert(QString::fromLatin1(it.value()), data(index(row), it.key()));
    return map;
}

int CacheModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(d->rows.size());
}

QVariant CacheModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const ResourceInfo &info = d->rows.at(index.row()).info;
    switch (role) {
    case Qt::DisplayRole:
    case NameRole:
        return info.name;
    case KeyRole:
        return QString::fromLatin1(info.id.key().toHex().left(8));
    case IdRole:
        return info.id.toString();
    case KindRole:
        return kindToken(info.kind);
    case Qt::ToolTipRole:
    case DescriptionRole:
        return info.description;
    case StateRole:
        return stateToken(info.state);
    case StateTextRole:
        return stateText(info.state);
    case RegisteredAtRole:
        return info.registeredAt.toLocalTime();
    case AgeRole:
        return info.registeredAt.isValid()
                ? qMax(qint64(0), info.registeredAt.secsTo(QDateTime::currentDateTimeUtc()))
                : qint64(0);
    case TtlLeftRole:
        if (!info.expiresAt.isValid() || isFinished(info.state))
            return qint64(-1);
        return qMax(qint64(0), QDateTime::currentDateTimeUtc().msecsTo(info.expiresAt));
    case RegisteringPidRole:
        return info.registeringPid;
    case TakenByPidRole:
        return info.takenByPid;
    case FinishedRole:
        return isFinished(info.state);
    case InfoRole:
        return QVariant::fromValue(info);
    default:
        return {};
    }
}

QHash<int, QByteArray> CacheModel::roleNames() const
{
    return {
            {Qt::DisplayRole, "display"},
            {KeyRole, "key"},
            {IdRole, "resourceId"},
            {NameRole, "name"},
            {KindRole, "kind"},
            {DescriptionRole, "description"},
            {StateRole, "state"},
            {StateTextRole, "stateText"},
            {RegisteredAtRole, "registeredAt"},
            {AgeRole, "age"},
            {TtlLeftRole, "ttlLeft"},
            {RegisteringPidRole, "registeringPid"},
            {TakenByPidRole, "takenByPid"},
            {FinishedRole, "finished"},
            {InfoRole, "info"},
    };
}

QString CacheModel::stateToken(ResourceState state)
{
    switch (state) {
    case ResourceState::Available:
        return QStringLiteral("available");
    case ResourceState::InTransfer:
        return QStringLiteral("in-transfer");
    case ResourceState::Taken:
        return QStringLiteral("taken");
    case ResourceState::Expired:
        return QStringLiteral("expired");
    case ResourceState::Revoked:
        return QStringLiteral("revoked");
    }
    return QStringLiteral("unknown");
}

QString CacheModel::stateText(ResourceState state)
{
    switch (state) {
    case ResourceState::Available:
        return qrs::tr("available");
    case ResourceState::InTransfer:
        return qrs::tr("in transfer");
    case ResourceState::Taken:
        return qrs::tr("taken");
    case ResourceState::Expired:
        return qrs::tr("expired");
    case ResourceState::Revoked:
        return qrs::tr("revoked");
    }
    return qrs::tr("unknown");
}

} // namespace qrs
