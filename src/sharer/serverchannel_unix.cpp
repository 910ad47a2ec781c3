// SPDX-FileCopyrightText: 2026 QtResourceSharer contributors
//
// SPDX-License-Identifier: BSD-3-Clause

// Unix: the connection's raw AF_UNIX descriptor, descriptors beside the first
// byte of a reply (SCM_RIGHTS), unless a test installed a courier.

#include "serverchannel_p.h"

#include "spin_p.h"
#include "text_p.h"

#include <QObject>
#include <QSocketNotifier>

#include <poll.h>

#include <cerrno>

namespace qrs {

using namespace qrs::protocol;

namespace {

class DescriptorChannels;

class DescriptorChannel final : public ServerChannel
{
public:
    DescriptorChannel(DescriptorChannels *host, int fd, quint64 serial)
        : m_host(host)
        , m_fd(fd)
        , m_serial(serial)
    { }
    ~DescriptorChannel() override;

    bool peer(platform::PeerCredentials *out) override
    {
        return platform::peerCredentials(m_fd, out);
    }
    bool peerGroups(std::vector<uint32_t> *out) override { return platform::peerGroups(m_fd, out); }
    void read(FrameReader *reader, bool *eof) override;
    void queue(QByteArray bytes) override;
    bool queueResources(const Resources &reply, const std::vector<NativeHandle> &handles, qint64,
                        QString *, int *) override
    {
        // Descriptors travel with the first byte of a reply: only one may carry them.
        Q_ASSERT(m_outFds.empty());
        m_outFds = handles;
        queue(encode(reply));
        return true;
    }
    Flush flush(QString *why) override;
    qint64 pendingBytes() const override { return m_out.size(); }
    int pollDescriptor() const override { return m_fd; }

    QSocketNotifier *readNotifier = nullptr;

private:
    DescriptorChannels *const m_host;
    const int m_fd;
    const quint64 m_serial;
    QSocketNotifier *m_writeNotifier = nullptr;
    QByteArray m_out;                   // unsent bytes
    std::vector<NativeHandle> m_outFds; // descriptors not yet sent with them
};

class DescriptorChannels final : public ServerChannels
{
public:
    DescriptorChannels(QObject *parent, const Hooks &hooks)
        : parent(parent)
        , hooks(hooks)
        , m_spinNs(qint64(spinBudgetUs("QRS_SHARER_SPIN_US", DefaultSharerSpinUs)) * 1000)
    { }
    ~DescriptorChannels() override { qDeleteAll(m_idleReadNotifiers); }

    std::unique_ptr<ServerChannel> accept(quintptr socketDescriptor, quint64 serial,
                                          QString *) override
    {
        const int fd = int(socketDescriptor);
        hooks.track(fd, true);
        // The descriptor stays blocking: every receive and send on it is non-blocking.
        auto channel = std::make_unique<DescriptorChannel>(this, fd, serial);
        channel->readNotifier = takeReadNotifier(fd, serial);
        return channel;
    }
    bool waitsAwake() const override { return m_spinNs > 0; }
    void waitAwake(const std::vector<int> &fds) override
    {
        m_awakeFds.clear();
        for (int fd : fds)
            m_awakeFds.push_back({fd, POLLIN, 0});
        // Whatever becomes ready, the event loop's own poll then finds at once.
        platform::pollAwake(m_awakeFds.data(), m_awakeFds.size(), m_spinNs);
    }

    // A handoff opens and closes one connection; reusing its read notifier
    // spares an allocation and a deferred delete, which would cost an extra
    // pass through the event loop.
    QSocketNotifier *takeReadNotifier(int fd, quint64 serial);
    void retire(QSocketNotifier *n);

    QObject *const parent;
    const Hooks hooks;

private:
    static constexpr size_t MaxIdleNotifiers = 64;
    std::vector<QSocketNotifier *> m_idleReadNotifiers;
    const qint64 m_spinNs;
    std::vector<struct pollfd> m_awakeFds;
};

QSocketNotifier *DescriptorChannels::takeReadNotifier(int fd, quint64 serial)
{
    QSocketNotifier *n = nullptr;
    if (m_idleReadNotifiers.empty()) {
        n = new QSocketNotifier(qintptr(fd), QSocketNotifier::Read, parent);
    } else {
        n = m_idleReadNotifiers.back();
        m_idleReadNotifiers.pop_back();
        n->setSocket(qintptr(fd));
    }
    QObject::connect(n, &QSocketNotifier::activated, parent,
                     [this, serial] { hooks.readable(serial); });
    n->setEnabled(true);
    return n;
}

void DescriptorChannels::retire(QSocketNotifier *n)
{
    // It may be the sender of the signal being handled: disable it now; keep
    // it for the next connection, or delete it later.
    n->setEnabled(false);
    QObject::disconnect(n, &QSocketNotifier::activated, parent, nullptr);
    if (m_idleReadNotifiers.size() < MaxIdleNotifiers)
        m_idleReadNotifiers.push_back(n);
    else
        n->deleteLater();
}

DescriptorChannel::~DescriptorChannel()
{
    if (readNotifier)
        m_host->retire(readNotifier);
    if (m_writeNotifier) {
        m_writeNotifier->setEnabled(false);
        m_writeNotifier->deleteLater();
    }
    m_host->hooks.track(m_fd, false);
    platform::closeFd(m_fd);
}

void DescriptorChannel::read(FrameReader *reader, bool *eof)
{
    char buf[4096];
    for (;;) {
        const ssize_t n = platform::receiveNonBlocking(m_fd, buf, sizeof(buf));
        if (n > 0) {
            reader->append(buf, n);
            if (n < ssize_t(sizeof(buf)))
                return;
            continue;
        }
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0 && errno == EAGAIN)
            return;
        *eof = true; // orderly shutdown or a broken connection
        return;
    }
}

void DescriptorChannel::queue(QByteArray bytes)
{
    if (m_out.isEmpty())
        m_out = std::move(bytes);
    else
        m_out.append(bytes);
}

ServerChannel::Flush DescriptorChannel::flush(QString *why)
{
    while (!m_out.isEmpty()) {
        const ssize_t n = platform::sendWithFds(m_fd, m_out.constData(), size_t(m_out.size()),
                                                m_outFds.data(), m_outFds.size());
        if (n < 0 && errno == EAGAIN) {
            if (!m_writeNotifier) {
                m_writeNotifier =
                        new QSocketNotifier(qintptr(m_fd), QSocketNotifier::Write, m_host->parent);
                QObject::connect(
                        m_writeNotifier, &QSocketNotifier::activated, m_host->parent,
                        [host = m_host, serial = m_serial] { host->hooks.writable(serial); });
            }
            m_writeNotifier->setEnabled(true);
            return Flush::Pending;
        }
        if (n < 0) {
            *why = systemErrorText(errno);
            return Flush::Failed;
        }
        m_outFds.clear(); // they travelled with the first byte
        m_out.remove(0, n);
    }
    if (m_writeNotifier)
        m_writeNotifier->setEnabled(false);
    return Flush::Done;
}

} // namespace

std::unique_ptr<ServerChannels> platformServerChannels(HandleCourier *courier, QObject *parent,
                                                       const ServerChannels::Hooks &hooks)
{
    if (courier)
        return inBandServerChannels(courier, parent, hooks);
    return std::make_unique<DescriptorChannels>(parent, hooks);
}

} // namespace qrs
