// SPDX-FileCopyrightText: 2026 QtResourceSharer contributors
//
// SPDX-License-Identifier: BSD-3-Clause

// One sd_notify datagram, parsed as systemd's manager does: newline-separated
// KEY=VALUE assignments; a datagram with a NUL byte is refused whole. Pure
// functions, no I/O.
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

Notification parseNotification(const QByteArray &datagram);

// A decimal number of at most 18 digits, or -1.
qint64 parseUnsigned(const QByteArray &text);

} // namespace qrs::notify
