// SPDX-FileCopyrightText: 2026 QtResourceSharer contributors
//
// SPDX-License-Identifier: BSD-3-Clause

// The server's channel where descriptors cannot travel beside the bytes
// (Windows; tests on Linux with a courier of their own): a QLocalSocket, and
// after a Resources reply one Handle frame per resource, made over to the
// receiver's pid through the courier.

#include "serverchannel_p.h"

#include "handlecourier_p.h"
#include "logging_p.h"
#include "text_p.h"

#include <QLocalSocket>

namespace qrs {

using namespace qrs::protocol;

namespace {

class InBandChannel final : public ServerChannel
{
public:
    InBandChannel(HandleCourier *courier, QLocalSocket *socket, quintptr socketDescriptor,
                  QObject *host)
        : m_courier(courier)
        , m_host(host)
        , m_socket(socket)
        , m_socketDescriptor(socketDescriptor)
    { }
    ~InBandChannel() override
    {
        // It may be the sender of the signal being handled: delete it later.
        m_socket->disconnect(m_host);
        m_socket->abort();
        m_socket->deleteLater();
    }

    bool peer(platform::PeerCredentials *out) override
    {
        return m_courier->peer(qintptr(m_socketDescriptor), out);
    }
    void read(FrameReader *reader, bool *eof) override
    {
        const QByteArray bytes = m_socket->readAll();
        reader->append(bytes.constData(), bytes.size());
        *eof = m_socket->state() != QLocalSocket::ConnectedState;
    }
    // QLocalSocket writes from its own buffer.
    void queue(QByteArray bytes) override { m_socket->write(bytes); }
    bool queueResources(const Resources &reply, const std::vector<NativeHandle> &handles,
                        qint64 pid, QString *why, int *index) override;
    Flush flush(QString *) override
    {
        return m_socket->bytesToWrite() == 0 ? Flush::Done : Flush::Pending;
    }
    qint64 pendingBytes() const override { return m_socket->bytesToWrite(); }

private:
    HandleCourier *const m_courier;
    QObject *const m_host;
    QLocalSocket *const m_socket;
    const quintptr m_socketDescriptor;
};

bool InBandChannel::queueResources(const Resources &reply, const std::vector<NativeHandle> &handles,
                                   qint64 pid, QString *why, int *index)
{
    QByteArray bytes = encode(reply);
    QList<QByteArray> madeOver;
    for (size_t i = 0; i < handles.size(); ++i) {
        const ResourceKind kind = ResourceKind(reply.resources.at(qsizetype(i)).kind);
        QByteArray data;
        QString error;
        if (!m_courier->makeOver(handles[i], kind, pid, &data, &error)
            || data.size() > MaxHandleDataSize) {
            // Undo what would have reached the receiver.
            for (qsizetype j = 0; j < madeOver.size(); ++j)
                m_courier->takeBack(ResourceKind(reply.resources.at(j).kind), madeOver.at(j), pid);
            *why = qrs::tr("cannot make resource %1 of %2 over to pid %3: %4")
                           .arg(i + 1)
                           .arg(handles.size())
                           .arg(pid)
                           .arg(error);
            *index = int(i);
            return false;
        }
        bytes.append(encode(Handle{quint16(i), data}));
        madeOver.append(std::move(data));
    }
    queue(std::move(bytes));
    return true;
}

class InBandChannels final : public ServerChannels
{
public:
    InBandChannels(HandleCourier *courier, QObject *parent, const Hooks &hooks)
        : m_courier(courier)
        , m_parent(parent)
        , m_hooks(hooks)
    { }

    std::unique_ptr<ServerChannel> accept(quintptr socketDescriptor, quint64 serial,
                                          QString *why) override
    {
        auto *socket = new QLocalSocket(m_parent);
        if (!socket->setSocketDescriptor(qintptr(socketDescriptor))) {
            *why = socket->errorString();
            delete socket;
            return {};
        }
        const auto readable = [this, serial] {
            m_hooks.readable(serial);
        };
        QObject::connect(socket, &QLocalSocket::readyRead, m_parent, readable);
        QObject::connect(socket, &QLocalSocket::disconnected, m_parent, readable);
        QObject::connect(socket, &QLocalSocket::bytesWritten, m_parent,
                         [this, serial] { m_hooks.writable(serial); });
        return std::make_unique<InBandChannel>(m_courier, socket, socketDescriptor, m_parent);
    }

private:
    HandleCourier *const m_courier;
    QObject *const m_parent;
    const Hooks m_hooks;
};

} // namespace

std::unique_ptr<ServerChannels> inBandServerChannels(HandleCourier *courier, QObject *parent,
                                                     const ServerChannels::Hooks &hooks)
{
    return std::make_unique<InBandChannels>(courier, parent, hooks);
}

} // namespace qrs
