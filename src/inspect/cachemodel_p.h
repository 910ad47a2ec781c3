// SPDX-FileCopyrightText: 2026 QtResourceSharer contributors
//
// SPDX-License-Identifier: BSD-3-Clause

// The model's state and how it follows a sharer: the local one through its
// signals, another process's through an inspect::Watcher. The public
// CacheModel is in cachemodel.cpp. The thread of the model.
#pragma once

#include "inspectclient_p.h"

#include <qrs/cachemodel.h>

#include <QHash>
#include <QJsonObject>
#include <QTimer>

namespace qrs {

inline bool isFinished(ResourceState state)
{
    return state == ResourceState::Taken || state == ResourceState::Expired
            || state == ResourceState::Revoked;
}

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
    void apply(protocol::ChangeKind kind, const ResourceInfo &info, const QString &reason);
    void applySnapshot(const inspect::Listing &listing);
    void setProcessStatus(const QJsonObject &status);
    void removeRow(int row);
    void removeFinished();
    void scheduleRemoval();
    void reindexFrom(int row);
    QModelIndex index(int row) const { return q->index(row, 0); }

    CacheModel *const q;
    QString source;
    int keepFinishedMs = 5000; // CacheModel::keepFinishedFor()
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

} // namespace qrs
