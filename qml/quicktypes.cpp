// SPDX-FileCopyrightText: 2026 QtResourceSharer contributors
//
// SPDX-License-Identifier: BSD-3-Clause

#include "quicktypes.h"

#include <qrs/error.h>

#include <QtQml/qqml.h>

namespace qrs::quick {

namespace {
// qrs's enums (Error, ResourceKind, ResourceState) in QML as Qrs:
// Qrs.AlreadyTaken. Registered by hand when the module's library loads: Qt
// 6.4's qmltyperegistrar cannot take QML_FOREIGN_NAMESPACE of a namespace.
void registerQrsNamespace()
{
    qmlRegisterUncreatableMetaObject(qrs::staticMetaObject, "QtResourceSharer", 1, 0, "Qrs",
                                     QStringLiteral("Qrs holds qrs's enums only"));
}
} // namespace
Q_CONSTRUCTOR_FUNCTION(registerQrsNamespace)

CacheFilterModel::CacheFilterModel(QObject *parent)
    : QSortFilterProxyModel(parent)
{
    for (auto signal : {&QAbstractItemModel::rowsInserted, &QAbstractItemModel::rowsRemoved})
        connect(this, signal, this, &CacheFilterModel::countChanged);
    connect(this, &QAbstractItemModel::modelReset, this, &CacheFilterModel::countChanged);
    connect(this, &QAbstractItemModel::layoutChanged, this, &CacheFilterModel::countChanged);
}

void CacheFilterModel::setFilterText(const QString &text)
{
    if (m_filterText == text)
        return;
    m_filterText = text;
    invalidateRowsFilter();
    Q_EMIT filterTextChanged();
    Q_EMIT countChanged();
}

bool CacheFilterModel::revoke(int row)
{
    auto *cache = qobject_cast<CacheModel *>(sourceModel());
    const QModelIndex source = mapToSource(index(row, 0));
    return cache && source.isValid() && cache->revoke(source.row());
}

bool CacheFilterModel::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    if (m_filterText.isEmpty())
        return true;
    const QModelIndex i = sourceModel()->index(sourceRow, 0, sourceParent);
    for (int role : {CacheModel::NameRole, CacheModel::KeyRole, CacheModel::KindRole,
                     CacheModel::DescriptionRole, CacheModel::StateTextRole,
                     CacheModel::RegisteringPidRole, CacheModel::TakenByPidRole}) {
        if (i.data(role).toString().contains(m_filterText, Qt::CaseInsensitive))
            return true;
    }
    return false;
}

} // namespace qrs::quick
