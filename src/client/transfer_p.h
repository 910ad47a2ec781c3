// SPDX-FileCopyrightText: 2026 QtResourceSharer contributors
//
// SPDX-License-Identifier: BSD-3-Clause

// The receiving side of one transfer: connect, ask, receive, acknowledge. One
// non-blocking state machine over a ReceiverChannel, whichever way resources
// travel, with no event loop of its own: runBlocking() (DupFd::detach(),
// DupSocket::detach(), InheritedResources, qrs-detach) and DetachJob (on its
// event loop, through watch()) drive the same code.
#pragma once

#include "protocol.h"
#include "receiverchannel_p.h"

#include <qrs/resourceinfo.h>

#include <QList>
#include <QString>

#include <memory>

namespace qrs {
class HandleCourier;
}

namespace qrs::client {

class Transfer
{
public:
    enum class Step {
        WantRead,     // wait (wait() or watch()), then call resume()
        WantWrite,    // the same
        RetryConnect, // the same: the sharer's backlog was full
        Done,
        Failed,
    };

    // All keys must belong to the sharer at address. courier: resources travel
    // in band through it (null: the platform's way).
    Transfer(const QString &address, const QList<protocol::Key> &keys,
             HandleCourier *courier = defaultCourier());
    // A transfer of ids, which must be valid and name one sharer; else null
    // and *error says why.
    static std::unique_ptr<Transfer> forIds(const QList<ResourceId> &ids, QString *error);
    ~Transfer(); // closes the connection and any resource nobody took
    Q_DISABLE_COPY_MOVE(Transfer)

    Step start();
    Step resume();
    // Ends the transfer where it is; what was received but not taken is closed
    // and, unacknowledged, stays the sharer's.
    void abort();
    // Blocks until step can go on, at most until deadline (false then).
    bool wait(Step step, const QDeadlineTimer &deadline);
    // On the calling thread's event loop: calls resume once step can go on.
    void watch(Step step, QObject *context, const std::function<void()> &resume);

    QList<DetachedFd> takeResults();
    // Closes a resource this transfer received that nobody takes.
    void discard(const DetachedFd &resource);
    QString errorString() const { return m_error; }
    Error error() const { return m_code; }
    // The code of the sharer's refusal, or of our Nack.
    protocol::ErrorCode refusalCode() const { return m_refusal; }

    // For tests: the pid the request names (default: this process's).
    void setRequestPid(qint64 pid) { m_requestPid = pid; }
    // For tests: stop after receiving, without acknowledging (Step::Done).
    void setAcknowledge(bool acknowledge) { m_acknowledge = acknowledge; }
    // Gives everything back (Nack) unless every resource is a socket (DupSocket).
    void setSocketsOnly(bool socketsOnly) { m_socketsOnly = socketsOnly; }

    // Drives the whole transfer, blocking the calling thread at most timeoutMs
    // (negative: no limit). Any thread; needs no event loop.
    QList<DetachedFd> runBlocking(int timeoutMs, QString *error, Error *code = nullptr);

    // What receivers use unless told otherwise: HandleCourier::receiving().
    static HandleCourier *defaultCourier();

private:
    enum class State { Idle, Connecting, SendingRequest, Receiving, SendingAnswer, Finished };
    using Io = ReceiverChannel::Io;

    Step connect();
    Step flush(State next);
    Step receive();
    Step handleFrame(const protocol::Frame &frame, ReceiverChannel::Resources *resources);
    Step giveBack(Error error, protocol::ErrorCode code, const QString &problem);
    Step waitFor(Io io);
    Step fail(Error code, const QString &text,
              protocol::ErrorCode refusal = protocol::ErrorCode::None);
    void discardResults();

    QString m_address;
    QList<protocol::Key> m_keys;
    HandleCourier *m_courier;
    std::unique_ptr<ReceiverChannel> m_channel;
    qint64 m_requestPid;
    bool m_acknowledge = true;
    bool m_socketsOnly = false;
    bool m_answerIsAck = true;
    State m_state = State::Idle;
    QByteArray m_out;
    QList<DetachedFd> m_results;
    QString m_error;
    Error m_code = Error::NoError;
    protocol::ErrorCode m_refusal = protocol::ErrorCode::None;
};

// Takes ids that may name several sharers: one blocking round trip per sharer
// and per MaxKeysPerRequest ids, in order, each timeoutMs at most. Each round
// trip is all or none, the whole is not: if a later one fails, what earlier
// ones received is closed (those resources are spent) and the list is empty.
QList<DetachedFd> detachFromSharers(const QList<ResourceId> &ids, int timeoutMs, QString *error,
                                    bool socketsOnly = false, Error *code = nullptr);

} // namespace qrs::client
