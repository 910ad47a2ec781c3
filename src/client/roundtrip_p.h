// SPDX-FileCopyrightText: 2026 QtResourceSharer contributors
//
// SPDX-License-Identifier: BSD-3-Clause

// One blocking exchange with a sharer over a QLocalSocket, with no event loop:
// what inspection (List, Revoke) and the receiver where descriptors travel
// in-band (Windows) have in common.
#pragma once

#include "protocol.h"

#include <qrs/resourceid.h>

#include <QString>

#include <functional>

QT_BEGIN_NAMESPACE
class QDeadlineTimer;
class QLocalSocket;
QT_END_NAMESPACE

namespace qrs::client {

// The keys of ids, which must be valid and name one sharer (*address); else
// false and *error says why.
bool keysOfOneSharer(const QList<ResourceId> &ids, QString *address, QList<protocol::Key> *keys,
                     QString *error);

// Why a receiver that takes sockets only gives these resources back, or empty.
QString notOnlySockets(const QList<protocol::ResourceHeader> &resources);

// "the sharer at address sent a bad reply: why".
QString badReply(const QString &address, const QString &why);

// A Refusal frame's sentence (its code's text if it has none).
QString refusalText(const QByteArray &payload);

// The deadline of a timeout in ms; negative: none. (Not QDeadlineTimer(ms):
// that means no deadline only for -1.)
QDeadlineTimer deadlineAfter(int timeoutMs);

// What a waitFor…() of QLocalSocket takes for what is left of deadline: -1 for
// no deadline, else at least 1 ms.
int waitMs(const QDeadlineTimer &deadline);

// Connects socket to address, sends message and hands each frame of the answer
// to onFrame until it sets *done; false with *error on a refusal, a bad frame,
// a closed connection or the deadline (timeoutMs; negative: none). The socket
// stays connected, for a reply.
bool roundTrip(QLocalSocket &socket, const QString &address, const QByteArray &message,
               int timeoutMs,
               const std::function<bool(const protocol::Frame &, bool *, QString *)> &onFrame,
               QString *error);

} // namespace qrs::client
