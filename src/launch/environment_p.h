// SPDX-FileCopyrightText: 2026 QtResourceSharer contributors
//
// SPDX-License-Identifier: BSD-3-Clause

// How a parent tells a child which resources it may take: two environment
// variables, QRS_RESOURCES (identifiers) and QRS_RESOURCE_NAMES (names, same
// order), each a list separated by single spaces. Used by ChildResources,
// InheritedResources and qrs-detach.
#pragma once

#include <qrs/resourceid.h>

#include <QList>
#include <QString>

namespace qrs::launch {

inline constexpr char ResourcesVariable[] = "QRS_RESOURCES";
inline constexpr char NamesVariable[] = "QRS_RESOURCE_NAMES";
inline constexpr qsizetype MaxNameLength = 255; // as systemd's FileDescriptorName=

struct NamedId
{
    QString name;
    ResourceId id;
};

// A name that fits both lists and LISTEN_FDNAMES: 1 to 255 printable ASCII
// characters, no space and no ':'. Returns an empty string or why it does not fit.
QString checkName(const QString &name);

// The two variables' values for these entries.
void encode(const QList<NamedId> &entries, QByteArray *ids, QByteArray *names);

// Parses the two values. A missing names list gives every entry an empty name;
// anything malformed (a bad id, a bad name, lists of different lengths, a
// name given twice) is an error, never a guess.
bool decode(const QByteArray &ids, const QByteArray &names, QList<NamedId> *out, QString *error);

} // namespace qrs::launch
