// SPDX-FileCopyrightText: 2026 QtResourceSharer contributors
//
// SPDX-License-Identifier: BSD-3-Clause

#include "transfer_p.h"

#include "handlecourier_p.h"
#include "logging_p.h"
#include "roundtrip_p.h"
#include "text_p.h"

#include <QCoreApplication>
#include <QDeadlineTimer>

namespace qrs::client {

using namespace qrs::protocol;

HandleCourier *Transfer::defaultCourier()
{
    return HandleCourier::receiving();
}

Transfer::Transfer(const QString &address, const QList<Key> &keys, HandleCourier *courier)
    : m_address(address)
    , m_keys(keys)
    , m_courier(courier)
    , m_requestPid(QCoreApplication::applicationPid())
{ }

Transfer::~Transfer()
{
    discardResults();
}

void Transfer::discardResults()
{
    for (const DetachedFd &r : std::as_const(m_results))
        discard(r);
    m_results.clear();
}

void Transfer::discard(const DetachedFd &resource)
{
    if (m_channel)
        m_channel->discard(resource.kind, resource.fd);
}

QList<DetachedFd> Transfer::takeResults()
{
    return std::exchange(m_results, {});
}

Transfer::Step Transfer::fail(Error code, const QString &text, ErrorCode refusal)
{
    m_code = code;
    m_error = text;
    m_refusal = refusal;
    m_state = State::Finished;
    discardResults();
    if (m_channel)
        m_channel->close();
    qCDebug(lcClient) << "transfer from" << m_address << "failed:" << text;
    return Step::Failed;
}

void Transfer::abort()
{
    if (m_state == State::Finished)
        return;
    m_state = State::Finished;
    discardResults();
    if (m_channel)
        m_channel->close();
}

Transfer::Step Transfer::waitFor(Io io)
{
    switch (io) {
    case Io::WantRead:
        return Step::WantRead;
    case Io::WantWrite:
        return Step::WantWrite;
    case Io::RetryConnect:
        return Step::RetryConnect;
    default:
        return fail(m_channel->error(), m_channel->errorString());
    }
}

Transfer::Step Transfer::start()
{
    Q_ASSERT(m_state == State::Idle);
    if (m_keys.isEmpty() || m_keys.size() > MaxKeysPerRequest)
        return fail(m_keys.isEmpty() ? Error::InvalidId : Error::TooLarge,
                    qrs::tr("one transfer takes 1 to %1 resources, not %2")
                            .arg(MaxKeysPerRequest)
                            .arg(m_keys.size()));
    m_channel = openReceiverChannel(m_address, m_courier);
    m_out = encode(Request{m_requestPid, m_keys});
    m_state = State::Connecting;
    return connect();
}

Transfer::Step Transfer::connect()
{
    const Io io = m_channel->connect();
    if (io != Io::Ready)
        return waitFor(io);
    qCDebug(lcClient) << "connected to" << m_address;
    return flush(State::Receiving);
}

// Writes what is left of m_out; then moves to next.
Transfer::Step Transfer::flush(State next)
{
    m_state = next == State::Receiving ? State::SendingRequest : State::SendingAnswer;
    const Io io = m_channel->write(&m_out);
    if (io == Io::PeerClosed && m_state == State::SendingRequest) {
        // The sharer may have refused us already: read its reason.
        m_out.clear();
    } else if (io == Io::PeerClosed || io == Io::Failed) {
        if (!m_answerIsAck)
            return fail(m_code, m_error, m_refusal); // the reason we gave back matters more
        if (m_state == State::SendingAnswer)
            return fail(Error::SharerUnreachable,
                        qrs::tr("cannot acknowledge the transfer to %1: %2")
                                .arg(m_address, m_channel->errorString()));
        return fail(Error::SharerUnreachable,
                    qrs::tr("cannot send the request to %1: %2")
                            .arg(m_address, m_channel->errorString()));
    } else if (io != Io::Ready) {
        return waitFor(io);
    }
    if (next == State::Finished) {
        m_state = State::Finished;
        m_channel->close();
        if (!m_answerIsAck)
            return Step::Failed;
        qCDebug(lcClient) << "received" << m_results.size() << "resources from" << m_address;
        return Step::Done;
    }
    m_state = next;
    return receive();
}

Transfer::Step Transfer::resume()
{
    switch (m_state) {
    case State::Connecting:
        return connect();
    case State::SendingRequest:
        return flush(State::Receiving);
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
    Frame frame;
    ReceiverChannel::Resources resources;
    const Io io = m_channel->read(&frame, &resources);
    if (io != Io::Ready)
        return waitFor(io);
    return handleFrame(frame, &resources);
}

Transfer::Step Transfer::giveBack(Error error, ErrorCode code, const QString &problem)
{
    m_code = error;
    m_error = problem;
    m_refusal = code;
    m_answerIsAck = false;
    m_out = encode(Nack{code, problem});
    return flush(State::Finished);
}

Transfer::Step Transfer::handleFrame(const Frame &frame, ReceiverChannel::Resources *received)
{
    // Whatever arrived is ours to close until it is handed on.
    for (size_t i = 0; i < received->handles.size(); ++i)
        m_results.append(DetachedFd{received->handles[i], QString(), ResourceKind::Other});
    QString why;
    if (frame.type == MessageType::Refusal) {
        Refusal refusal;
        if (!decode(frame.payload, &refusal, &why))
            return fail(Error::Malformed, badReply(m_address, why));
        const QString text =
                refusal.message.isEmpty() ? errorCodeText(refusal.code) : refusal.message;
        if (m_keys.size() > 1 && refusal.keyIndex < m_keys.size())
            return fail(toError(refusal.code),
                        qrs::tr("refused (resource %1 of %2): %3")
                                .arg(refusal.keyIndex + 1)
                                .arg(m_keys.size())
                                .arg(text),
                        refusal.code);
        return fail(toError(refusal.code), qrs::tr("refused: %1").arg(text), refusal.code);
    }
    if (frame.type != MessageType::Resources)
        return fail(Error::Malformed,
                    qrs::tr("the sharer at %1 sent an unexpected message").arg(m_address));

    Resources resources;
    if (!decode(frame.payload, &resources, &why))
        return fail(Error::Malformed, badReply(m_address, why));
    for (qsizetype i = 0; i < m_results.size() && i < resources.resources.size(); ++i) {
        const ResourceHeader &h = resources.resources.at(i);
        m_results[i].name = h.name;
        m_results[i].kind = ResourceKind(h.kind);
    }

    // Anything short of every resource is given back: the sharer keeps them
    // available and we close what did arrive.
    QString problem;
    ErrorCode code = ErrorCode::ReceiverFailed;
    Error error = Error::SystemError;
    if (received->truncated) {
        code = ErrorCode::Truncated;
        error = Error::DescriptorLimit;
        problem =
                qrs::tr("received %1 of %2 descriptors: the kernel dropped the rest (MSG_CTRUNC); "
                        "is the receiving process at its descriptor limit?")
                        .arg(received->handles.size())
                        .arg(m_keys.size());
    } else if (!received->problem.isEmpty()) {
        problem = received->problem;
    } else if (resources.resources.size() != m_keys.size()
               || received->handles.size() != size_t(m_keys.size())) {
        error = Error::Malformed;
        problem = qrs::tr("expected %1 descriptors, received %2 with %3 headers")
                          .arg(m_keys.size())
                          .arg(received->handles.size())
                          .arg(resources.resources.size());
    } else if (m_socketsOnly) {
        error = Error::WrongKind;
        problem = notOnlySockets(resources.resources);
    }
    if (!problem.isEmpty()) {
        discardResults();
        return giveBack(error, code, problem);
    }
    if (!m_acknowledge) {
        m_state = State::Finished;
        return Step::Done;
    }
    m_out = encode(Ack{quint16(m_results.size())});
    const Step step = flush(State::Finished);
    if (step == Step::Failed)
        discardResults(); // not acknowledged means not ours: the sharer keeps them
    return step;
}

namespace {
// What the channel waits for at a step that waits.
ReceiverChannel::Io ioFor(Transfer::Step step)
{
    using Io = ReceiverChannel::Io;
    return step == Transfer::Step::WantRead     ? Io::WantRead
            : step == Transfer::Step::WantWrite ? Io::WantWrite
                                                : Io::RetryConnect;
}
} // namespace

bool Transfer::wait(Step step, const QDeadlineTimer &deadline)
{
    return m_channel->wait(ioFor(step), deadline);
}

void Transfer::watch(Step step, QObject *context, const std::function<void()> &resume)
{
    m_channel->watch(ioFor(step), context, resume);
}

std::unique_ptr<Transfer> Transfer::forIds(const QList<ResourceId> &ids, QString *error)
{
    QString address;
    QList<Key> keys;
    if (!keysOfOneSharer(ids, &address, &keys, error))
        return {};
    return std::make_unique<Transfer>(address, keys);
}

QList<DetachedFd> Transfer::runBlocking(int timeoutMs, QString *error, Error *code)
{
    const QDeadlineTimer deadline = deadlineAfter(timeoutMs);
    Step step = start();
    while (step != Step::Done && step != Step::Failed) {
        if (!wait(step, deadline)) {
            if (deadline.hasExpired() || m_channel->errorString().isEmpty())
                fail(Error::Timeout,
                     qrs::tr("timed out after %1 ms waiting for the sharer at %2")
                             .arg(timeoutMs)
                             .arg(m_address));
            else
                fail(m_channel->error(), m_channel->errorString());
            break;
        }
        step = resume();
    }
    if (step == Step::Done)
        return takeResults();
    if (error)
        *error = m_error;
    if (code)
        *code = m_code;
    return {};
}

QList<DetachedFd> detachFromSharers(const QList<ResourceId> &ids, int timeoutMs, QString *error,
                                    bool socketsOnly, Error *code)
{
    // Kept until the end: a failure gives back what the earlier ones received.
    std::vector<std::pair<std::unique_ptr<Transfer>, QList<DetachedFd>>> done;
    for (qsizetype i = 0; i < ids.size();) {
        qsizetype j = i + 1;
        while (j < ids.size() && ids.at(j).address() == ids.at(i).address()
               && j - i < MaxKeysPerRequest)
            ++j;
        QString why;
        Error failure = Error::InvalidId;
        std::unique_ptr<Transfer> transfer = Transfer::forIds(ids.mid(i, j - i), &why);
        if (transfer)
            transfer->setSocketsOnly(socketsOnly);
        QList<DetachedFd> got =
                transfer ? transfer->runBlocking(timeoutMs, &why, &failure) : QList<DetachedFd>();
        if (got.isEmpty()) {
            for (auto &[earlier, received] : done) {
                for (const DetachedFd &r : std::as_const(received))
                    earlier->discard(r);
            }
            if (error)
                *error = why;
            if (code)
                *code = failure;
            return {};
        }
        done.emplace_back(std::move(transfer), std::move(got));
        i = j;
    }
    QList<DetachedFd> received;
    for (auto &[transfer, got] : done)
        received += got;
    return received;
}

} // namespace qrs::client
