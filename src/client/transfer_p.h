// SPDX-FileCopyrightText: 2026 QtResourceSharer contributors
//
// SPDX-License-Identifier: BSD-3-Clause

// The receiving side of one transfer: connect, ask, receive, acknowledge. A
// non-blocking state machine with no event loop of its own, so that the blocking
// API (poll) and DetachJob (QSocketNotifier) drive the same code.
#pragma once

#include "protocol/protocol.h"

#include <qrs/dupfd.h>

#include <QList>
#include <QString>

#include <memory>
#include <vector>

namespace qrs::client {

class Transfer
{
public:
    enum class Step {
        WantRead,     // wait until socket() is readable, then call resume()
        WantWrite,    // wait until socket() is writable, then call resume()
        RetryConnect, // the sharer's backlog is full: call resume() a little later
        Done,
        Failed,
    };

    // All keys must belong to the sharer at address.
    Transfer(const QString &address, const QList<protocol::Key> &keys);
    // A transfer of ids, which must be valid and name one sharer; else null
    // and *error says why.
    static std::unique_ptr<Transfer> forIds(const QList<ResourceId> &ids, QString *error);
    ~Transfer(); // closes the socket and any descriptor nobody took
    Q_DISABLE_COPY_MOVE(Transfer)

    Step start();
    Step resume();
    int socket() const { return m_socket; }

    QList<DetachedFd> takeResults();
    QString errorString() const { return m_error; }
    protocol::ErrorCode refusalCode() const { return m_refusal; }

    // For tests: the pid the request names (default: this process's).
    void setRequestPid(qint64 pid) { m_requestPid = pid; }
    // For tests: stop after receiving, without acknowledging (Step::Done).
    void setAcknowledge(bool acknowledge) { m_acknowledge = acknowledge; }
    // Gives everything back (Nack) unless every resource is a socket (DupSocket).
    void setSocketsOnly(bool socketsOnly) { m_socketsOnly = socketsOnly; }

    // Drives the whole transfer, blocking the calling thread at most timeoutMs
    // (negative: no limit). Any thread; needs no event loop.
    QList<DetachedFd> runBlocking(int timeoutMs, QString *error);

private:
    enum class State { Idle, Connecting, SendingRequest, Receiving, SendingAnswer, Finished };

    Step connectSocket();
    Step flush(State next);
    Step receive();
    Step handleFrame(const protocol::Frame &frame);
    Step fail(const QString &text, protocol::ErrorCode code = protocol::ErrorCode::None);
    void closeReceived();

    QString m_address;
    QList<protocol::Key> m_keys;
    qint64 m_requestPid;
    bool m_acknowledge = true;
    bool m_socketsOnly = false;
    bool m_answerIsAck = true;
    State m_state = State::Idle;
    int m_socket = -1;
    QByteArray m_out;
    protocol::FrameReader m_reader;
    std::vector<int> m_fds;
    bool m_truncated = false;
    QList<DetachedFd> m_results;
    QString m_error;
    protocol::ErrorCode m_refusal = protocol::ErrorCode::None;
};

// Takes ids that may name several sharers: one blocking round trip per sharer
// and per MaxKeysPerRequest ids, in order, each timeoutMs at most. Each round
// trip is all or none, the whole is not: if a later one fails, what earlier
// ones received is closed (those resources are spent) and the list is empty.
QList<DetachedFd> detachFromSharers(const QList<ResourceId> &ids, int timeoutMs, QString *error);

} // namespace qrs::client
