// SPDX-FileCopyrightText: 2026 QtResourceSharer contributors
//
// SPDX-License-Identifier: BSD-3-Clause

#include "roundtrip_p.h"

#include "text_p.h"

#include <QDeadlineTimer>
#include <QLocalSocket>

namespace qrs::client {

using namespace qrs::protocol;

bool keysOfOneSharer(const QList<ResourceId> &ids, QString *address, QList<Key> *keys,
                     QString *error)
{
    keys->clear();
    for (const ResourceId &id : ids) {
        if (!id.isValid()) {
            *error = qrs::tr("invalid resource id");
            return false;
        }
        if (id.address() != ids.first().address()) {
            *error = qrs::tr("one transfer takes resources of one sharer; %1 and %2 differ")
                             .arg(ids.first().address(), id.address());
            return false;
        }
        keys->append(Key::fromBytes(id.key()));
    }
    if (keys->isEmpty()) {
        *error = qrs::tr("no resource id given");
        return false;
    }
    *address = ids.first().address();
    return true;
}

QString notOnlySockets(const QList<ResourceHeader> &resources)
{
    for (const ResourceHeader &h : resources) {
        if (h.kind != WireKind::Socket)
            return qrs::tr("the resource \"%1\" is not a socket").arg(h.name);
    }
    return {};
}

QString badReply(const QString &address, const QString &why)
{
    return qrs::tr("the sharer at %1 sent a bad reply: %2").arg(address, why);
}

QString refusalText(const QByteArray &payload)
{
    Refusal refusal;
    QString why;
    if (!decode(payload, &refusal, &why))
        return why;
    return refusal.message.isEmpty() ? errorCodeText(refusal.code) : refusal.message;
}

QDeadlineTimer deadlineAfter(int timeoutMs)
{
    return timeoutMs < 0 ? QDeadlineTimer(QDeadlineTimer::Forever) : QDeadlineTimer(timeoutMs);
}

int waitMs(const QDeadlineTimer &deadline)
{
    if (deadline.isForever())
        return -1;
    return int(qBound(qint64(1), deadline.remainingTime(), qint64(INT_MAX)));
}

bool roundTrip(QLocalSocket &socket, const QString &address, const QByteArray &message,
               int timeoutMs, const std::function<bool(const Frame &, bool *, QString *)> &onFrame,
               QString *error)
{
    const QDeadlineTimer deadline = deadlineAfter(timeoutMs);
    socket.connectToServer(address);
    if (!socket.waitForConnected(waitMs(deadline))) {
        *error = qrs::tr("cannot connect to the sharer at %1: %2")
                         .arg(address, socket.errorString());
        return false;
    }
    socket.write(message);
    FrameReader reader;
    bool done = false;
    while (!done) {
        Frame frame;
        switch (reader.next(&frame)) {
        case FrameReader::Status::Error:
            *error = reader.errorString();
            return false;
        case FrameReader::Status::Ready:
            if (frame.type == MessageType::Refusal) {
                *error = qrs::tr("the sharer at %1 refused: %2")
                                 .arg(address, refusalText(frame.payload));
                return false;
            }
            if (!onFrame(frame, &done, error))
                return false;
            continue;
        case FrameReader::Status::NeedMore:
            break;
        }
        if (socket.bytesAvailable() == 0 && !socket.waitForReadyRead(waitMs(deadline))) {
            *error = deadline.hasExpired() ? qrs::tr("the sharer at %1 did not answer within %2 ms")
                                                     .arg(address)
                                                     .arg(timeoutMs)
                                           : qrs::tr("the sharer at %1 closed the connection: %2")
                                                     .arg(address, socket.errorString());
            return false;
        }
        const QByteArray bytes = socket.readAll();
        reader.append(bytes.constData(), bytes.size());
    }
    return true;
}

} // namespace qrs::client
