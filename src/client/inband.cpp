// SPDX-FileCopyrightText: 2026 QtResourceSharer contributors
//
// SPDX-License-Identifier: BSD-3-Clause

#include "inband_p.h"

#include "common/logging_p.h"
#include "common/text_p.h"
#include "roundtrip_p.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QLocalSocket>

namespace qrs::client {

using namespace qrs::protocol;

InBandReceiver::InBandReceiver(HandleCourier *courier, const QList<Key> &keys,
                               const InBandOptions &options)
    : m_courier(courier)
    , m_keys(keys)
    , m_options(options)
{ }

InBandReceiver::~InBandReceiver()
{
    for (const DetachedFd &r : std::as_const(m_received))
        m_courier->discard(r.kind, r.fd);
}

QByteArray InBandReceiver::request() const
{
    const qint64 pid =
            m_options.requestPid >= 0 ? m_options.requestPid : QCoreApplication::applicationPid();
    return encode(Request{pid, m_keys});
}

bool InBandReceiver::onFrame(const Frame &frame, bool *done, QString *error)
{
    if (frame.type == MessageType::Resources && !m_haveResources) {
        if (!decode(frame.payload, &m_announced, error))
            return false;
        if (m_announced.resources.size() != m_keys.size()) {
            *error = qrs::tr("asked for %1 resources, the sharer announced %2")
                             .arg(m_keys.size())
                             .arg(m_announced.resources.size());
            return false;
        }
        m_haveResources = true;
        if (m_options.socketsOnly)
            m_problem = notOnlySockets(m_announced.resources);
        return true;
    }
    if (frame.type != MessageType::Handle || !m_haveResources) {
        *error = qrs::tr("the sharer sent an unexpected message");
        return false;
    }
    Handle handle;
    if (!decode(frame.payload, &handle, error))
        return false;
    if (handle.index != m_next || m_next >= m_announced.resources.size()) {
        *error = qrs::tr("the sharer sent resource %1 where %2 was due")
                         .arg(handle.index + 1)
                         .arg(m_next + 1);
        return false;
    }
    const ResourceHeader &h = m_announced.resources.at(m_next);
    const ResourceKind kind = ResourceKind(h.kind);
    QString adoptError;
    const NativeHandle adopted = m_courier->adopt(kind, handle.data, &adoptError);
    if (adopted < 0 && m_problem.isEmpty()) {
        m_problem = qrs::tr("cannot take resource %1 of %2: %3")
                            .arg(m_next + 1)
                            .arg(m_keys.size())
                            .arg(adoptError);
    } else if (adopted >= 0 && m_problem.isEmpty()) {
        m_received.append(DetachedFd{adopted, h.name, kind});
    } else if (adopted >= 0) {
        m_courier->discard(kind, adopted); // all or none
    }
    *done = ++m_next == m_announced.resources.size();
    return true;
}

QByteArray InBandReceiver::answer() const
{
    // A Nack gives them back: the sharer keeps the resources available.
    return m_problem.isEmpty() ? encode(Ack{quint16(m_received.size())})
                               : encode(Nack{ErrorCode::ReceiverFailed, m_problem});
}

QList<DetachedFd> takeInBand(HandleCourier *courier, const QString &address, const QList<Key> &keys,
                             int timeoutMs, QString *error, const InBandOptions &options)
{
    const auto fail = [&](const QString &why) {
        if (error)
            *error = why;
        qCDebug(lcClient) << "transfer from" << address << "failed:" << why;
        return QList<DetachedFd>();
    };
    if (keys.isEmpty() || keys.size() > MaxKeysPerRequest)
        return fail(qrs::tr("one transfer takes 1 to %1 resources, not %2")
                            .arg(MaxKeysPerRequest)
                            .arg(keys.size()));
    const QDeadlineTimer deadline = deadlineAfter(timeoutMs);
    InBandReceiver receiver(courier, keys, options);
    QLocalSocket socket;
    QString why;
    const bool answered = roundTrip(
            socket, address, receiver.request(), timeoutMs,
            [&receiver](const Frame &frame, bool *done, QString *bad) {
                return receiver.onFrame(frame, done, bad);
            },
            &why);
    if (!answered)
        return fail(why);
    if (!options.acknowledge && receiver.problem().isEmpty())
        return receiver.takeReceived();
    socket.write(receiver.answer());
    const bool sent = socket.waitForBytesWritten(waitMs(deadline));
    if (!receiver.problem().isEmpty())
        return fail(receiver.problem());
    if (!sent)
        return fail(qrs::tr("cannot acknowledge the transfer to %1: %2")
                            .arg(address, socket.errorString()));
    const QList<DetachedFd> received = receiver.takeReceived();
    qCDebug(lcClient) << "received" << received.size() << "resources in band from" << address;
    return received;
}

QList<DetachedFd> detachInBand(HandleCourier *courier, const QList<ResourceId> &ids, int timeoutMs,
                               QString *error, bool socketsOnly)
{
    QString address;
    QList<Key> keys;
    if (!keysOfOneSharer(ids, &address, &keys, error))
        return {};
    InBandOptions options;
    options.socketsOnly = socketsOnly;
    return takeInBand(courier, address, keys, timeoutMs, error, options);
}

} // namespace qrs::client
