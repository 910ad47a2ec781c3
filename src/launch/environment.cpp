// SPDX-FileCopyrightText: 2026 QtResourceSharer contributors
//
// SPDX-License-Identifier: BSD-3-Clause

#include "environment_p.h"

#include "text_p.h"

#include <QSet>

namespace qrs::launch {

QString checkName(const QString &name)
{
    if (name.isEmpty())
        return qrs::tr("a resource name must not be empty");
    if (name.size() > MaxNameLength)
        return qrs::tr("the resource name \"%1...\" is longer than %2 characters")
                .arg(name.left(40))
                .arg(MaxNameLength);
    for (QChar c : name) {
        const ushort u = c.unicode();
        if (u <= 0x20 || u >= 0x7f || u == ':')
            return qrs::tr("the resource name \"%1\" may only hold printable ASCII characters "
                           "other than space and ':'")
                    .arg(name);
    }
    return {};
}

void encode(const QList<NamedId> &entries, QByteArray *ids, QByteArray *names)
{
    QByteArrayList idList, nameList;
    for (const NamedId &e : entries) {
        idList.append(e.id.toString().toLatin1());
        nameList.append(e.name.toLatin1());
    }
    *ids = idList.join(' ');
    *names = nameList.join(' ');
}

bool decode(const QByteArray &ids, const QByteArray &names, QList<NamedId> *out, QString *error)
{
    const auto fail = [error, out](const QString &why) {
        out->clear();
        if (error)
            *error = why;
        return false;
    };
    out->clear();
    const QList<QByteArray> idTexts = ids.simplified().split(' ');
    const QByteArray simplifiedNames = names.simplified();
    const QList<QByteArray> nameTexts =
            simplifiedNames.isEmpty() ? QList<QByteArray>() : simplifiedNames.split(' ');
    if (ids.simplified().isEmpty())
        return nameTexts.isEmpty() ? true
                                   : fail(qrs::tr("%1 names resources but %2 is empty")
                                                  .arg(QLatin1String(NamesVariable),
                                                       QLatin1String(ResourcesVariable)));
    if (!nameTexts.isEmpty() && nameTexts.size() != idTexts.size())
        return fail(qrs::tr("%1 holds %2 identifiers but %3 holds %4 names")
                            .arg(QLatin1String(ResourcesVariable))
                            .arg(idTexts.size())
                            .arg(QLatin1String(NamesVariable))
                            .arg(nameTexts.size()));
    QSet<QString> seen;
    for (qsizetype i = 0; i < idTexts.size(); ++i) {
        NamedId entry;
        QString why;
        entry.id = ResourceId::fromString(QString::fromLatin1(idTexts.at(i)), &why);
        if (!entry.id.isValid())
            return fail(qrs::tr("%1: %2").arg(QLatin1String(ResourcesVariable), why));
        if (!nameTexts.isEmpty()) {
            entry.name = QString::fromLatin1(nameTexts.at(i));
            why = checkName(entry.name);
            if (!why.isEmpty())
                return fail(qrs::tr("%1: %2").arg(QLatin1String(NamesVariable), why));
            if (seen.contains(entry.name))
                return fail(qrs::tr("%1: the name \"%2\" is given twice")
                                    .arg(QLatin1String(NamesVariable), entry.name));
            seen.insert(entry.name);
        }
        out->append(entry);
    }
    return true;
}

} // namespace qrs::launch
