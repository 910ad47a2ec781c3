// SPDX-FileCopyrightText: 2026 QtResourceSharer contributors
//
// SPDX-License-Identifier: BSD-3-Clause

#include "cachemodel_p.h"

#include "text_p.h"

#include <qrs/resourcesharer.h>

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QJsonObject>
#include <QTimer>

#include <algorithm>

#ifndef Q_OS_WIN
#include "users.h"
#endif

namespace qrs {

using protocol::ChangeKind;

namespace {
constexpr int TickMs = 1000;
constexpr int RevokeTimeoutMs = 2000;

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

SupervisorStatus CacheModel::supervisorStatus() const
{
    return SupervisorStatus::fromJson(d->processStatus);
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
    case AccessRole:
        return accessText(info);
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
            {AccessRole, "access"},
    };
}

QString CacheModel::accessText(const ResourceInfo &info)
{
    if (info.boundPid == RegisterOptions::BoundLater)
        return qrs::tr("pid (starting)");
    if (info.boundPid > 0)
        return qrs::tr("pid %1").arg(info.boundPid);
    QStringList who;
    for (uint uid : info.allowedUids)
        who.append(qrs::tr("uid %1").arg(uid));
    for (uint gid : info.allowedGids) {
#ifdef Q_OS_WIN
        who.append(qrs::tr("gid %1").arg(gid));
#else
        const std::string name = platform::groupName(gid_t(gid));
        who.append(name.empty() ? qrs::tr("gid %1").arg(gid)
                                : qrs::tr("group %1").arg(QString::fromStdString(name)));
#endif
    }
    return who.isEmpty() ? qrs::tr("owner") : who.join(QLatin1String(", "));
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
