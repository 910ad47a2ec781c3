// SPDX-FileCopyrightText: 2026 QtResourceSharer contributors
//
// SPDX-License-Identifier: BSD-3-Clause

// The receiver's channel where descriptors cannot travel beside the bytes
// (Windows; tests on Linux with a courier of their own): a QLocalSocket, and
// the resources of a Resources frame in the Handle frames that follow it, each
// adopted through the courier as it arrives. Handle frames stop here: the
// transfer above sees the Resources frame once every resource is in.

#include "receiverchannel_p.h"

#include "handlecourier_p.h"
#include "roundtrip_p.h"
#include "text_p.h"

#include <QDeadlineTimer>
#include <QLocalSocket>

namespace qrs::client {

using namespace qrs::protocol;

namespace {

class InBandChannel final : public ReceiverChannel
{
public:
    InBandChannel(const QString &address, HandleCourier *courier)
        : ReceiverChannel(address)
        , m_courier(courier)
    { }
    ~InBandChannel() override
    {
        close();
        for (qsizetype i = 0; i < qsizetype(m_pending.handles.size()); ++i)
            m_courier->discard(ResourceKind(m_announced.resources.at(i).kind),
                               m_pending.handles[size_t(i)]);
    }

    Io connect() override;
    Io write(QByteArray *bytes) override;
    Io read(Frame *frame, Resources *resources) override;
    void close() override;
    void discard(ResourceKind kind, NativeHandle handle) override
    {
        m_courier->discard(kind, handle);
    }
    bool wait(Io io, const QDeadlineTimer &deadline) override;
    void watch(Io io, QObject *context, const std::function<void()> &resume) override;

private:
    // A Handle frame: adopts its resource. False if the exchange cannot go on.
    bool adopt(const Frame &frame);
    Io connectionLost();

    HandleCourier *const m_courier;
    std::unique_ptr<QLocalSocket> m_socket;
    FrameReader m_reader;
    Frame m_resourcesFrame; // held back until its resources are in
    protocol::Resources m_announced;
    bool m_awaitingHandles = false;
    Resources m_pending;  // adopted so far
    qsizetype m_next = 0; // the Handle frame due
    std::function<void()> m_resume;
    bool m_watching = false;
};

ReceiverChannel::Io InBandChannel::connect()
{
    if (!m_socket) {
        m_socket = std::make_unique<QLocalSocket>();
        m_socket->connectToServer(m_address);
    }
    switch (m_socket->state()) {
    case QLocalSocket::ConnectedState:
        return Io::Ready;
    case QLocalSocket::ConnectingState:
        return Io::WantWrite;
    default:
        return fail(Error::SharerUnreachable,
                    qrs::tr("cannot connect to the sharer at %1: %2")
                            .arg(m_address, m_socket->errorString()));
    }
}

ReceiverChannel::Io InBandChannel::write(QByteArray *bytes)
{
    if (!bytes->isEmpty()) {
        if (m_socket->write(*bytes) != bytes->size())
            return m_socket->state() == QLocalSocket::ConnectedState
                    ? fail(Error::SharerUnreachable, m_socket->errorString())
                    : Io::PeerClosed;
        bytes->clear();
    }
    // QLocalSocket writes from its own buffer.
    if (m_socket->bytesToWrite() == 0)
        return Io::Ready;
    return m_socket->state() == QLocalSocket::ConnectedState ? Io::WantWrite : Io::PeerClosed;
}

ReceiverChannel::Io InBandChannel::connectionLost()
{
    return fail(Error::SharerUnreachable,
                qrs::tr("the sharer at %1 closed the connection without answering: %2")
                        .arg(m_address, m_socket->errorString()));
}

bool InBandChannel::adopt(const Frame &frame)
{
    Handle handle;
    QString why;
    if (!decode(frame.payload, &handle, &why)) {
        fail(Error::Malformed, badReply(m_address, why));
        return false;
    }
    if (handle.index != m_next) {
        fail(Error::Malformed,
             qrs::tr("the sharer sent resource %1 where %2 was due")
                     .arg(handle.index + 1)
                     .arg(m_next + 1));
        return false;
    }
    const ResourceKind kind = ResourceKind(m_announced.resources.at(m_next).kind);
    QString adoptError;
    const NativeHandle adopted = m_courier->adopt(kind, handle.data, &adoptError);
    if (adopted < 0 && m_pending.problem.isEmpty())
        m_pending.problem = qrs::tr("cannot take resource %1 of %2: %3")
                                    .arg(m_next + 1)
                                    .arg(m_announced.resources.size())
                                    .arg(adoptError);
    else if (adopted >= 0 && m_pending.problem.isEmpty())
        m_pending.handles.push_back(adopted);
    else if (adopted >= 0)
        m_courier->discard(kind, adopted); // all or none: everything goes back
    ++m_next;
    return true;
}

ReceiverChannel::Io InBandChannel::read(Frame *frame, Resources *resources)
{
    for (;;) {
        switch (m_reader.next(frame)) {
        case FrameReader::Status::Error:
            return fail(Error::Malformed, badReply(m_address, m_reader.errorString()));
        case FrameReader::Status::Ready:
            if (frame->type == MessageType::Handle) {
                if (!m_awaitingHandles)
                    return fail(
                            Error::Malformed,
                            qrs::tr("the sharer at %1 sent an unexpected message").arg(m_address));
                if (!adopt(*frame))
                    return Io::Failed;
                if (m_next < m_announced.resources.size())
                    continue;
                m_awaitingHandles = false;
                *frame = std::move(m_resourcesFrame);
                *resources = std::exchange(m_pending, {});
                return Io::Ready;
            }
            if (frame->type == MessageType::Resources && !m_awaitingHandles) {
                // A frame that does not decode goes up as it is, to be refused there.
                QString why;
                if (decode(frame->payload, &m_announced, &why)
                    && !m_announced.resources.isEmpty()) {
                    m_awaitingHandles = true;
                    m_next = 0;
                    m_resourcesFrame = std::move(*frame);
                    continue;
                }
            }
            return Io::Ready;
        case FrameReader::Status::NeedMore:
            break;
        }
        if (m_socket->bytesAvailable() == 0) {
            return m_socket->state() == QLocalSocket::ConnectedState ? Io::WantRead
                                                                     : connectionLost();
        }
        const QByteArray bytes = m_socket->readAll();
        m_reader.append(bytes.constData(), bytes.size());
    }
}

void InBandChannel::close()
{
    if (!m_socket)
        return;
    m_socket->disconnect();
    m_socket->abort();
    if (m_watching) {
        // It may be the sender of the signal being handled; the event loop
        // that runs the watch deletes it.
        m_socket.release()->deleteLater();
    } else {
        // Blocking use, perhaps in a thread that never runs an event loop,
        // where deleteLater() would keep it (and, on Windows, its events) for ever.
        m_socket.reset();
    }
}

bool InBandChannel::wait(Io io, const QDeadlineTimer &deadline)
{
    if (deadline.hasExpired())
        return false;
    const int ms = waitMs(deadline);
    switch (io) {
    case Io::WantWrite:
        if (m_socket->state() == QLocalSocket::ConnectingState)
            return m_socket->waitForConnected(ms) || !deadline.hasExpired();
        return m_socket->waitForBytesWritten(ms) || !deadline.hasExpired();
    case Io::WantRead:
        // False also when the connection closed: read() then says so.
        return m_socket->waitForReadyRead(ms) || !deadline.hasExpired();
    default:
        return true;
    }
}

void InBandChannel::watch(Io, QObject *context, const std::function<void()> &resume)
{
    // Any of the socket's signals may let the transfer go on; one too many
    // only finds it waiting still.
    m_resume = resume;
    if (std::exchange(m_watching, true))
        return;
    QLocalSocket *socket = m_socket.get();
    const auto go = [this] {
        m_resume();
    };
    QObject::connect(socket, &QLocalSocket::connected, context, go);
    QObject::connect(socket, &QLocalSocket::readyRead, context, go);
    QObject::connect(socket, &QLocalSocket::bytesWritten, context, go);
    QObject::connect(socket, &QLocalSocket::disconnected, context, go);
    QObject::connect(socket, &QLocalSocket::errorOccurred, context, go);
}

} // namespace

std::unique_ptr<ReceiverChannel> openInBandChannel(const QString &address, HandleCourier *courier)
{
    return std::make_unique<InBandChannel>(address, courier);
}

} // namespace qrs::client
