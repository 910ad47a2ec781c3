// SPDX-FileCopyrightText: 2026 QtResourceSharer contributors
//
// SPDX-License-Identifier: BSD-3-Clause

// One sd_notify datagram, parsed as systemd's manager does: newline-separated
// KEY=VALUE assignments; a datagram with a NUL byte is refused whole. Pure
// functions, no I/O, inline: the one reader of notifications for the notify
// plugin and for qrs-supervise's upgrade (its successor's READY=1).
#pragma once

#include <QByteArray>
#include <QList>
#include <QPair>

namespace qrs::notify {

// systemd reads at most this much of one notification (NOTIFY_BUFFER_MAX).
constexpr qsizetype MaxNotificationBytes = 4096;

struct Notification
{
    bool refused = false;                             // a NUL byte: nothing in it is believed
    QList<QPair<QByteArray, QByteArray>> assignments; // in order
    int malformedLines = 0;                           // not KEY=VALUE: ignored
};

inline Notification parseNotification(const QByteArray &datagram)
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

inline qint64 parseUnsigned(const QByteArray &text)
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
