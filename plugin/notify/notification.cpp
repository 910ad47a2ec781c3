// SPDX-FileCopyrightText: 2026 QtResourceSharer contributors
//
// SPDX-License-Identifier: BSD-3-Clause

#include "notification.h"

namespace qrs::notify {

Notification parseNotification(const QByteArray &datagram)
{
    Notification n;
    if (datagram.contains('\0')) {
        n.refused = true;
        return n;
    }
    for (const QByteArray &line : datagram.split('\n')) {
        if (line.isEmpty())
            continue;
        const qsizetype eq = line.indexOf('=');
        if (eq <= 0) {
            ++n.malformedLines;
            continue;
        }
        n.assignments.append({line.left(eq), line.mid(eq + 1)});
    }
    return n;
}

qint64 parseUnsigned(const QByteArray &text)
{
    if (text.isEmpty() || text.size() > 18)
        return -1;
    qint64 value = 0;
    for (char c : text) {
        if (c < '0' || c > '9')
            return -1;
        value = value * 10 + (c - '0');
    }
    return value;
}

} // namespace qrs::notify
