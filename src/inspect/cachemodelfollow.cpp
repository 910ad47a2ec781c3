// SPDX-FileCopyrightText: 2026 QtResourceSharer contributors
//
// SPDX-License-Identifier: BSD-3-Clause

#include "cachemodel_p.h"

#include <qrs/resourcesharer.h>

#include <QCoreApplication>
#include <QDeadlineTimer>

#include <algorithm>

namespace qrs {

using protocol::ChangeKind;

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

} // namespace qrs
