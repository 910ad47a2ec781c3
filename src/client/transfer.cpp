// SPDX-FileCopyrightText: 2026 QtResourceSharer contributors
//
// SPDX-License-Identifier: BSD-3-Clause

#include "transfer_p.h"

#include "common/logging_p.h"
#include "common/spin_p.h"
#include "common/text_p.h"
#include "platform/fdpassing.h"
#include "roundtrip_p.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QFile>

#include <poll.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

namespace qrs::client {

using namespace qrs::protocol;

Transfer::Transfer(const QString &address, const QList<Key> &keys)
    : m_address(address)
    , m_keys(keys)
    , m_requestPid(::getpid())
{ }

Transfer::~Transfer()
{
    platform::closeFd(m_socket);
    closeReceived();
    for (const DetachedFd &r : std::as_const(m_results))
        platform::closeFd(r.fd);
}

void Transfer::closeReceived()
{
    for (int fd : m_fds)
        platform::closeFd(fd);
    m_fds.clear();
}

QList<DetachedFd> Transfer::takeResults()
{
    return std::exchange(m_results, {});
}

Transfer::Step Transfer::fail(const QString &text, ErrorCode code)
{
    m_error = text;
    m_refusal = code;
    m_state = State::Finished;
    closeReceived();
    platform::closeFd(m_socket);
    m_socket = -1;
    qCDebug(lcClient) << "transfer from" << m_address << "failed:" << text;
    return Step::Failed;
}

Transfer::Step Transfer::start()
{
    Q_ASSERT(m_state == State::Idle);
    if (m_keys.isEmpty() || m_keys.size() > MaxKeysPerRequest)
        return fail(qrs::tr("one transfer takes 1 to %1 resources, not %2")
                            .arg(MaxKeysPerRequest)
                            .arg(m_keys.size()));
    const QByteArray path = QFile::encodeName(m_address);
    if (path.isEmpty() || size_t(path.size()) > platform::maxUnixPathLength())
        return fail(qrs::tr("invalid sharer address \"%1\"").arg(m_address));
    m_socket = ::socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC | SOCK_NONBLOCK, 0);
    if (m_socket < 0)
        return fail(qrs::tr("cannot create a socket: %1").arg(systemErrorText(errno)));
    m_out = encode(Request{m_requestPid, m_keys});
    m_state = State::Connecting;
    return connectSocket();
}

Transfer::Step Transfer::connectSocket()
{
    struct sockaddr_un addr = {};
    addr.sun_family = AF_UNIX;
    const QByteArray path = QFile::encodeName(m_address);
    std::memcpy(addr.sun_path, path.constData(), size_t(path.size()));
    if (::connect(m_socket, reinterpret_cast<sockaddr *>(&addr), sizeof(addr)) != 0) {
        const int err = errno;
        if (err == EAGAIN) // AF_UNIX: the listen backlog is full right now
            return Step::RetryConnect;
        if (err == EINTR || err == EINPROGRESS) {
            m_state = State::SendingRequest;
            return Step::WantWrite;
        }
        if (err == ENOENT || err == ECONNREFUSED)
            return fail(
                    qrs::tr("no sharer is listening at %1 (%2); has the sharing process exited?")
                            .arg(m_address, systemErrorText(err)));
        return fail(qrs::tr("cannot connect to the sharer at %1: %2")
                            .arg(m_address, systemErrorText(err)));
    }
    qCDebug(lcClient) << "connected to" << m_address;
    return flush(State::Receiving);
}

// Writes what is left of m_out; then moves to next.
Transfer::Step Transfer::flush(State next)
{
    m_state = next == State::Receiving ? State::SendingRequest : State::SendingAnswer;
    while (!m_out.isEmpty()) {
        const ssize_t n = ::send(m_socket, m_out.constData(), size_t(m_out.size()), MSG_NOSIGNAL);
        if (n < 0) {
            if (errno == EINTR)
                continue;
            if (errno == EAGAIN)
                return Step::WantWrite;
            if (m_state == State::SendingRequest && errno == EPIPE) {
                // The sharer may have refused us already: read its reason.
                m_out.clear();
                break;
            }
            const int err = errno;
            if (!m_answerIsAck)
                return fail(m_error, m_refusal); // the reason we gave back matters more
            if (m_state == State::SendingAnswer)
                return fail(qrs::tr("cannot acknowledge the transfer to %1: %2")
                                    .arg(m_address, systemErrorText(err)));
            return fail(qrs::tr("cannot send the request to %1: %2")
                                .arg(m_address, systemErrorText(err)));
        }
        m_out.remove(0, n);
    }
    if (next == State::Finished) {
        m_state = State::Finished;
        platform::closeFd(m_socket);
        m_socket = -1;
        if (!m_answerIsAck)
            return Step::Failed;
        qCDebug(lcClient) << "received" << m_results.size() << "resources from" << m_address;
        return Step::Done;
    }
    m_state = next;
    return Step::WantRead;
}

Transfer::Step Transfer::resume()
{
    switch (m_state) {
    case State::Connecting:
        return connectSocket();
    case State::SendingRequest: {
        // A non-blocking connect that was in progress: did it succeed?
        int err = 0;
        socklen_t len = sizeof(err);
        if (::getsockopt(m_socket, SOL_SOCKET, SO_ERROR, &err, &len) == 0 && err != 0)
            return fail(qrs::tr("cannot connect to the sharer at %1: %2")
                                .arg(m_address, systemErrorText(err)));
        return flush(State::Receiving);
    }
    case State::Receiving:
        return receive();
    case State::SendingAnswer:
        return flush(State::Finished);
    case State::Idle:
    case State::Finished:
        break;
    }
    return m_error.isEmpty() ? Step::Done : Step::Failed;
}

Transfer::Step Transfer::receive()
{
    char buf[4096];
    for (;;) {
        const platform::ReceiveResult r =
                platform::receiveWithFds(m_socket, buf, sizeof(buf), &m_fds, MaxKeysPerRequest);
        if (r.truncated)
            m_truncated = true;
        if (r.bytes < 0) {
            if (errno == EAGAIN)
                return Step::WantRead;
            return fail(qrs::tr("lost the connection to the sharer at %1: %2")
                                .arg(m_address, systemErrorText(errno)));
        }
        if (r.bytes == 0)
            return fail(qrs::tr("the sharer at %1 closed the connection without answering")
                                .arg(m_address));
        m_reader.append(buf, r.bytes);
        Frame frame;
        switch (m_reader.next(&frame)) {
        case FrameReader::Status::NeedMore:
            continue;
        case FrameReader::Status::Error:
            return fail(qrs::tr("the sharer at %1 sent a bad reply: %2")
                                .arg(m_address, m_reader.errorString()));
        case FrameReader::Status::Ready:
            return handleFrame(frame);
        }
    }
}

Transfer::Step Transfer::handleFrame(const Frame &frame)
{
    QString why;
    if (frame.type == MessageType::Refusal) {
        Refusal refusal;
        if (!decode(frame.payload, &refusal, &why))
            return fail(qrs::tr("the sharer at %1 sent a bad reply: %2").arg(m_address, why));
        const QString text =
                refusal.message.isEmpty() ? errorCodeText(refusal.code) : refusal.message;
        if (m_keys.size() > 1 && refusal.keyIndex < m_keys.size())
            return fail(qrs::tr("refused (resource %1 of %2): %3")
                                .arg(refusal.keyIndex + 1)
                                .arg(m_keys.size())
                                .arg(text),
                        refusal.code);
        return fail(qrs::tr("refused: %1").arg(text), refusal.code);
    }
    if (frame.type != MessageType::Resources)
        return fail(qrs::tr("the sharer at %1 sent an unexpected message").arg(m_address));

    Resources resources;
    if (!decode(frame.payload, &resources, &why))
        return fail(qrs::tr("the sharer at %1 sent a bad reply: %2").arg(m_address, why));

    // Anything short of every descriptor is given back: the sharer keeps the
    // resources available and we close what did arrive.
    QString problem;
    ErrorCode code = ErrorCode::ReceiverFailed;
    if (m_truncated) {
        code = ErrorCode::Truncated;
        problem =
                qrs::tr("received %1 of %2 descriptors: the kernel dropped the rest (MSG_CTRUNC); "
                        "is the receiving process at its descriptor limit?")
                        .arg(m_fds.size())
                        .arg(m_keys.size());
    } else if (resources.resources.size() != m_keys.size()
               || m_fds.size() != size_t(m_keys.size())) {
        problem = qrs::tr("expected %1 descriptors, received %2 with %3 headers")
                          .arg(m_keys.size())
                          .arg(m_fds.size())
                          .arg(resources.resources.size());
    } else if (m_socketsOnly) {
        problem = notOnlySockets(resources.resources);
    }
    if (!problem.isEmpty()) {
        closeReceived();
        m_error = problem;
        m_refusal = code;
        m_answerIsAck = false;
        m_out = encode(Nack{code, problem});
        return flush(State::Finished);
    }

    for (qsizetype i = 0; i < resources.resources.size(); ++i) {
        const ResourceHeader &h = resources.resources.at(i);
        m_results.append(DetachedFd{m_fds[size_t(i)], h.name, ResourceKind(h.kind)});
    }
    m_fds.clear();
    if (!m_acknowledge) {
        m_state = State::Finished;
        return Step::Done;
    }
    m_out = encode(Ack{quint16(m_results.size())});
    const Step step = flush(State::Finished);
    if (step == Step::Failed) {
        // Not acknowledged means not ours: the sharer keeps the resources.
        for (const DetachedFd &r : std::as_const(m_results))
            platform::closeFd(r.fd);
        m_results.clear();
    }
    return step;
}

std::unique_ptr<Transfer> Transfer::forIds(const QList<ResourceId> &ids, QString *error)
{
    QString address;
    QList<Key> keys;
    if (!keysOfOneSharer(ids, &address, &keys, error))
        return {};
    return std::make_unique<Transfer>(address, keys);
}

QList<DetachedFd> Transfer::runBlocking(int timeoutMs, QString *error)
{
    const QDeadlineTimer deadline = deadlineAfter(timeoutMs);
    Step step = start();
    int backoffMs = 1;
    for (;;) {
        if (step == Step::Done)
            return takeResults();
        if (step == Step::Failed)
            break;
        if (deadline.hasExpired()) {
            fail(qrs::tr("timed out after %1 ms waiting for the sharer at %2")
                         .arg(timeoutMs)
                         .arg(m_address));
            break;
        }
        const int remaining = int(qMin<qint64>(deadline.remainingTime(), INT_MAX));
        if (step == Step::RetryConnect) {
            // The backlog of the listening socket is full; nothing to poll on.
            ::poll(nullptr, 0, remaining < 0 ? backoffMs : qMin(backoffMs, remaining));
            backoffMs = qMin(backoffMs * 2, 50);
        } else {
            struct pollfd pfd = {m_socket, short(step == Step::WantRead ? POLLIN : POLLOUT), 0};
            // The reply is usually a few microseconds away: wait for it awake first.
            static const qint64 spinNs =
                    qint64(spinBudgetUs("QRS_RECEIVE_SPIN_US", DefaultReceiveSpinUs)) * 1000;
            const qint64 awakeNs =
                    deadline.isForever() ? spinNs : qMin(spinNs, deadline.remainingTimeNSecs());
            if (step == Step::WantRead && awakeNs > 0 && platform::pollAwake(&pfd, 1, awakeNs)) {
                step = resume();
                continue;
            }
            const int r = ::poll(&pfd, 1, remaining);
            if (r < 0 && errno != EINTR) {
                fail(qrs::tr("poll failed: %1").arg(systemErrorText(errno)));
                break;
            }
            if (r <= 0)
                continue;
        }
        step = resume();
    }
    if (error)
        *error = m_error;
    return {};
}

QList<DetachedFd> detachFromSharers(const QList<ResourceId> &ids, int timeoutMs, QString *error)
{
    QList<DetachedFd> received;
    for (qsizetype i = 0; i < ids.size();) {
        qsizetype j = i + 1;
        while (j < ids.size() && ids.at(j).address() == ids.at(i).address()
               && j - i < MaxKeysPerRequest)
            ++j;
        QString why;
        const std::unique_ptr<Transfer> transfer = Transfer::forIds(ids.mid(i, j - i), &why);
        const QList<DetachedFd> got =
                transfer ? transfer->runBlocking(timeoutMs, &why) : QList<DetachedFd>();
        if (got.isEmpty()) {
            for (const DetachedFd &r : std::as_const(received))
                platform::closeFd(r.fd);
            if (error)
                *error = why;
            return {};
        }
        received += got;
        i = j;
    }
    return received;
}

} // namespace qrs::client
