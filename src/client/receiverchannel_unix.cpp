// SPDX-FileCopyrightText: 2026 QtResourceSharer contributors
//
// SPDX-License-Identifier: BSD-3-Clause

// Unix: descriptors travel beside the bytes, over an AF_UNIX socket with
// SCM_RIGHTS, unless a test installed a courier.

#include "receiverchannel_p.h"
#include "roundtrip_p.h"

#include "fdpassing.h"
#include "spin_p.h"
#include "text_p.h"

#include <QDeadlineTimer>
#include <QFile>
#include <QSocketNotifier>
#include <QTimer>

#include <poll.h>
#include <sys/socket.h>
#include <sys/un.h>

#include <cerrno>
#include <climits>
#include <cstring>

namespace qrs::client {

using namespace qrs::protocol;

namespace {

class DescriptorChannel final : public ReceiverChannel
{
public:
    using ReceiverChannel::ReceiverChannel;
    ~DescriptorChannel() override
    {
        close();
        for (int fd : m_fds)
            platform::closeFd(fd);
    }

    Io connect() override;
    Io write(QByteArray *bytes) override;
    Io read(Frame *frame, Resources *resources) override;
    void close() override;
    void discard(ResourceKind, NativeHandle handle) override { platform::closeFd(handle); }
    bool wait(Io io, const QDeadlineTimer &deadline) override;
    void watch(Io io, QObject *context, const std::function<void()> &resume) override;

private:
    QSocketNotifier *notifier(QSocketNotifier::Type type, QObject *context);

    int m_socket = -1;
    bool m_connecting = false; // a non-blocking connect is in progress
    FrameReader m_reader;
    std::vector<int> m_fds; // received, not yet handed on with a frame
    bool m_truncated = false;
    int m_backoffMs = 1;
    std::function<void()> m_resume;
    std::unique_ptr<QSocketNotifier> m_readNotifier;
    std::unique_ptr<QSocketNotifier> m_writeNotifier;
    std::unique_ptr<QTimer> m_retry;
};

ReceiverChannel::Io DescriptorChannel::connect()
{
    if (m_connecting) {
        // The connect that was in progress: did it succeed?
        int err = 0;
        socklen_t len = sizeof(err);
        if (::getsockopt(m_socket, SOL_SOCKET, SO_ERROR, &err, &len) == 0 && err != 0)
            return fail(Error::SharerUnreachable,
                        qrs::tr("cannot connect to the sharer at %1: %2")
                                .arg(m_address, systemErrorText(err)));
        m_connecting = false;
        return Io::Ready;
    }
    const QByteArray path = QFile::encodeName(m_address);
    if (path.isEmpty() || size_t(path.size()) > platform::maxUnixPathLength())
        return fail(Error::InvalidId, qrs::tr("invalid sharer address \"%1\"").arg(m_address));
    if (m_socket < 0) {
        m_socket = ::socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC | SOCK_NONBLOCK, 0);
        if (m_socket < 0)
            return fail(errno == EMFILE || errno == ENFILE ? Error::DescriptorLimit
                                                           : Error::SystemError,
                        qrs::tr("cannot create a socket: %1").arg(systemErrorText(errno)));
    }
    struct sockaddr_un addr = {};
    addr.sun_family = AF_UNIX;
    std::memcpy(addr.sun_path, path.constData(), size_t(path.size()));
    if (::connect(m_socket, reinterpret_cast<sockaddr *>(&addr), sizeof(addr)) == 0)
        return Io::Ready;
    const int err = errno;
    if (err == EAGAIN) // AF_UNIX: the listen backlog is full right now
        return Io::RetryConnect;
    if (err == EINTR || err == EINPROGRESS) {
        m_connecting = true;
        return Io::WantWrite;
    }
    if (err == ENOENT || err == ECONNREFUSED)
        return fail(Error::SharerUnreachable,
                    qrs::tr("no sharer is listening at %1 (%2); has the sharing process exited?")
                            .arg(m_address, systemErrorText(err)));
    // The kernel keeps this user out of the sharer's directory: no rule names it.
    if (err == EACCES || err == EPERM)
        return fail(Error::Denied,
                    qrs::tr("cannot connect to the sharer at %1: %2; it shares nothing with this "
                            "user")
                            .arg(m_address, systemErrorText(err)));
    return fail(
            Error::SharerUnreachable,
            qrs::tr("cannot connect to the sharer at %1: %2").arg(m_address, systemErrorText(err)));
}

ReceiverChannel::Io DescriptorChannel::write(QByteArray *bytes)
{
    while (!bytes->isEmpty()) {
        const ssize_t n = ::send(m_socket, bytes->constData(), size_t(bytes->size()), MSG_NOSIGNAL);
        if (n >= 0) {
            bytes->remove(0, n);
            continue;
        }
        if (errno == EINTR)
            continue;
        if (errno == EAGAIN)
            return Io::WantWrite;
        if (errno == EPIPE) {
            m_error = systemErrorText(errno);
            return Io::PeerClosed;
        }
        return fail(Error::SharerUnreachable, systemErrorText(errno));
    }
    return Io::Ready;
}

ReceiverChannel::Io DescriptorChannel::read(Frame *frame, Resources *resources)
{
    char buf[4096];
    for (;;) {
        switch (m_reader.next(frame)) {
        case FrameReader::Status::Error:
            return fail(Error::Malformed, badReply(m_address, m_reader.errorString()));
        case FrameReader::Status::Ready:
            // Descriptors travel with the first byte of the frame that names them.
            if (frame->type == MessageType::Resources) {
                resources->handles = std::exchange(m_fds, {});
                resources->truncated = std::exchange(m_truncated, false);
            }
            return Io::Ready;
        case FrameReader::Status::NeedMore:
            break;
        }
        const platform::ReceiveResult r =
                platform::receiveWithFds(m_socket, buf, sizeof(buf), &m_fds, MaxKeysPerRequest);
        if (r.truncated)
            m_truncated = true;
        if (r.bytes < 0) {
            if (errno == EAGAIN)
                return Io::WantRead;
            if (errno == EINTR)
                continue;
            return fail(Error::SharerUnreachable,
                        qrs::tr("lost the connection to the sharer at %1: %2")
                                .arg(m_address, systemErrorText(errno)));
        }
        if (r.bytes == 0)
            return fail(Error::SharerUnreachable,
                        qrs::tr("the sharer at %1 closed the connection without answering")
                                .arg(m_address));
        m_reader.append(buf, r.bytes);
    }
}

void DescriptorChannel::close()
{
    // Notifiers go before the socket they watch.
    m_readNotifier.reset();
    m_writeNotifier.reset();
    m_retry.reset();
    platform::closeFd(std::exchange(m_socket, -1));
}

bool DescriptorChannel::wait(Io io, const QDeadlineTimer &deadline)
{
    if (deadline.hasExpired())
        return false;
    const int remaining = int(qMin<qint64>(deadline.remainingTime(), INT_MAX));
    if (io == Io::RetryConnect) {
        // The backlog of the listening socket is full; nothing to poll on.
        ::poll(nullptr, 0, remaining < 0 ? m_backoffMs : qMin(m_backoffMs, remaining));
        m_backoffMs = qMin(m_backoffMs * 2, 50);
        return true;
    }
    struct pollfd pfd = {m_socket, short(io == Io::WantRead ? POLLIN : POLLOUT), 0};
    // The reply is usually a few microseconds away: wait for it awake first.
    static const qint64 spinNs =
            qint64(spinBudgetUs("QRS_RECEIVE_SPIN_US", DefaultReceiveSpinUs)) * 1000;
    const qint64 awakeNs =
            deadline.isForever() ? spinNs : qMin(spinNs, deadline.remainingTimeNSecs());
    if (io == Io::WantRead && awakeNs > 0 && platform::pollAwake(&pfd, 1, awakeNs))
        return true;
    const int r = ::poll(&pfd, 1, remaining);
    if (r < 0 && errno != EINTR) {
        fail(Error::SystemError, qrs::tr("poll failed: %1").arg(systemErrorText(errno)));
        return false;
    }
    return r > 0 || !deadline.hasExpired();
}

QSocketNotifier *DescriptorChannel::notifier(QSocketNotifier::Type type, QObject *context)
{
    std::unique_ptr<QSocketNotifier> &n =
            type == QSocketNotifier::Read ? m_readNotifier : m_writeNotifier;
    if (!n) {
        n = std::make_unique<QSocketNotifier>(qintptr(m_socket), type);
        QObject::connect(n.get(), &QSocketNotifier::activated, context, [this] { m_resume(); });
    }
    return n.get();
}

void DescriptorChannel::watch(Io io, QObject *context, const std::function<void()> &resume)
{
    m_resume = resume;
    if (m_readNotifier)
        m_readNotifier->setEnabled(io == Io::WantRead);
    if (m_writeNotifier)
        m_writeNotifier->setEnabled(io == Io::WantWrite);
    if (io == Io::WantRead || io == Io::WantWrite) {
        notifier(io == Io::WantRead ? QSocketNotifier::Read : QSocketNotifier::Write, context)
                ->setEnabled(true);
    } else if (io == Io::RetryConnect) {
        if (!m_retry) {
            m_retry = std::make_unique<QTimer>();
            m_retry->setSingleShot(true);
            QObject::connect(m_retry.get(), &QTimer::timeout, context, [this] { m_resume(); });
        }
        m_retry->start(2);
    }
}

} // namespace

std::unique_ptr<ReceiverChannel> openReceiverChannel(const QString &address, HandleCourier *courier)
{
    if (courier)
        return openInBandChannel(address, courier);
    return std::make_unique<DescriptorChannel>(address);
}

} // namespace qrs::client
