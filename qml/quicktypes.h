// SPDX-FileCopyrightText: 2026 QtResourceSharer contributors
//
// SPDX-License-Identifier: BSD-3-Clause

// What the QtResourceSharer QML module registers: CacheModel, a filter over it
// for the panel's search field, and qrs's enums (Error, ResourceKind,
// ResourceState) as Qrs.
#pragma once

#include <qrs/cachemodel.h>
#include <qrs/processcontrol.h>

#include <QSortFilterProxyModel>
#include <QtQml/qqmlregistration.h>

namespace qrs::quick {

// qrs::CacheModel as a QML type: "CacheModel { source: "12345" }".
class QuickCacheModel : public CacheModel
{
    Q_OBJECT
    QML_NAMED_ELEMENT(CacheModel)

public:
    using CacheModel::CacheModel;
};

// qrs::ProcessControl as a QML type: the panel's buttons send their commands
// with it. "ProcessControl { onFinished: (command, reply, error) => ... }".
class QuickProcessControl : public ProcessControl
{
    Q_OBJECT
    QML_NAMED_ELEMENT(ProcessControl)

public:
    using ProcessControl::ProcessControl;
    // Sends command (a JS object) to the process target (a pid or an address);
    // false while another awaits its reply.
    Q_INVOKABLE bool send(const QString &target, const QVariantMap &command)
    {
        return post(target, QJsonObject::fromVariantMap(command));
    }
};

// Rows of a CacheModel whose name, key, kind, description, state or pids
// contain filterText (case-insensitive); all rows when it is empty.
class CacheFilterModel : public QSortFilterProxyModel
{
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(QString filterText READ filterText WRITE setFilterText NOTIFY filterTextChanged)
    Q_PROPERTY(int count READ count NOTIFY countChanged)

public:
    explicit CacheFilterModel(QObject *parent = nullptr);

    QString filterText() const { return m_filterText; }
    void setFilterText(const QString &text);
    int count() const { return rowCount(); }

    // Revokes the resource shown in row of this model.
    Q_INVOKABLE bool revoke(int row);

Q_SIGNALS:
    void filterTextChanged();
    void countChanged();

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    QString m_filterText;
};

} // namespace qrs::quick
