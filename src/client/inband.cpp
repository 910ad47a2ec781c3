#include "inband_p.h"

#include "common/logging_p.h"
#include "common/text_p.h"
#include "roundtrip_p.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QLocalSocket>

namespace qrs::client {

using namespace qrs::protocol;

QList<ReceivedHandle> takeInBand(HandleCourier *courier, const QString &address,
                                 const QList<Key> &keys, int timeoutMs, QString *error,
                                 const InBandOptions &options)
{
    QDeadlineTimer deadline(timeoutMs < 0 ? QDeadlineTimer::Forever : timeoutMs);
    QList<ReceivedHandle> received;
    const auto fail = [&](const QString &why) {
        for (const ReceivedHandle &r : std::as_const(received))
            courier->discard(r.kind, r.handle);
        received.clear();
        if (error)
            *error = why;
        qCDebug(lcClient) << "transfer from" << address << "failed:" << why;
        return QList<ReceivedHandle>();
    };
    if (keys.isEmpty() || keys.size() > MaxKeysPerRequest)
        return fail(qrs::tr("one transfer takes 1 to %1 resources, not %2")
                            .arg(MaxKeysPerRequest)
                            .arg(keys.size()));

    const qint64 pid =
            options.requestPid >= 0 ? options.requestPid : QCoreApplication::applicationPid();
    Resources announced;
    bool haveResources = false;
    QString problem;    // why everything goes back (the first resource not adopted, say)
    qsizetype next = 0; // the Handle frame due
    QLocalSocket socket;
    QString why;
    const bool answered = roundTrip(
            socket, address, encode(Request{pid, keys}), timeoutMs,
            [&](const Frame &frame, bool *done, QString *bad) {
                if (frame.type == MessageType::Resources && !haveResources) {
                    if (!decode(frame.payload, &announced, bad))
                        return false;
                    if (announced.resources.size() != keys.size()) {
                        *bad = qrs::tr("asked for %1 resources, the sharer announced %2")
                                       .arg(keys.size())
                                       .arg(announced.resources.size());
                        return false;
                    }
                    haveResources = true;
                    if (options.socketsOnly)
                        problem = notOnlySockets(announced.resources);
                    return true;
                }
                Handle handle;
                if (frame.type != MessageType::Handle || !haveResources) {
                    *bad = qrs::tr("the sharer sent an unexpected message");
                    return false;
                }
                if (!decode(frame.payload, &handle, bad))
                    return false;
                if (handle.index != next || next >= announced.resources.size()) {
                    *bad = qrs::tr("the sharer sent resource %1 where %2 was due")
                                   .arg(handle.index + 1)
                                   .arg(next + 1);
                    return false;
                }
                const ResourceHeader &h = announced.resources.at(next);
                QString adoptError;
                const NativeHandle adopted = courier->adopt(h.kind, handle.data, &adoptError);
                if (adopted < 0 && problem.isEmpty()) {
                    problem = qrs::tr("cannot take resource %1 of %2: %3")
                                      .arg(next + 1)
                                      .arg(keys.size())
                                      .arg(adoptError);
                } else if (adopted >= 0 && problem.isEmpty()) {
                    received.append(ReceivedHandle{adopted, h.name, h.kind});
                } else if (adopted >= 0) {
                    courier->discard(h.kind, adopted); // all or none
                }
                *done = ++next == announced.resources.size();
                return true;
            },
            &why);
    if (!answered)
        return fail(why);
    if (!problem.isEmpty()) {
        // Give them back: the sharer keeps the resources available.
        socket.write(encode(Nack{ErrorCode::ReceiverFailed, problem}));
        socket.waitForBytesWritten(int(qMax(qint64(1), deadline.remainingTime())));
        return fail(problem);
    }
    if (!options.acknowledge)
        return received;
    socket.write(encode(Ack{quint16(received.size())}));
    if (!socket.waitForBytesWritten(int(qMax(qint64(1), deadline.remainingTime()))))
        return fail(qrs::tr("cannot acknowledge the transfer to %1: %2")
                            .arg(address, socket.errorString()));
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
    QList<DetachedFd> detached;
    for (const ReceivedHandle &r : takeInBand(courier, address, keys, timeoutMs, error, options))
        detached.append(DetachedFd{r.handle, r.name, ResourceKind(r.kind)});
    return detached;
}

} // namespace qrs::client
