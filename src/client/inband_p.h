// SPDX-FileCopyrightText: 2026 QtResourceSharer contributors
//
// SPDX-License-Identifier: BSD-3-Clause

// The receiver where descriptors cannot travel beside the bytes (Windows):
// Request; Resources, then one Handle frame per resource, each adopted through
// the courier; Ack. All or none, like Transfer: anything short of every
// resource is given back (Nack) and what was adopted is closed.
#pragma once

#include "common/handlecourier_p.h"
#include "protocol/protocol.h"

#include <qrs/dupfd.h>

#include <QList>
#include <QString>

namespace qrs::client {

struct InBandOptions
{
    qint64 requestPid = -1;   // -1: this process's; another one only in tests
    bool acknowledge = true;  // false: stop before the Ack (tests)
    bool socketsOnly = false; // give everything back unless all are sockets
};

// The receiving side of one exchange, without I/O: the blocking takeInBand()
// and DetachJob (on the event loop) feed it the frames they read.
class InBandReceiver
{
public:
    InBandReceiver(HandleCourier *courier, const QList<protocol::Key> &keys,
                   const InBandOptions &options = {});
    ~InBandReceiver(); // closes what nobody took
    Q_DISABLE_COPY_MOVE(InBandReceiver)

    QByteArray request() const;
    // One frame of the answer but a Refusal; false (*error) if the exchange
    // cannot go on. *done once every Handle frame is in.
    bool onFrame(const protocol::Frame &frame, bool *done, QString *error);
    // Once done: why everything goes back (then answer() is a Nack), or empty.
    QString problem() const { return m_problem; }
    QByteArray answer() const;
    QList<DetachedFd> takeReceived() { return std::exchange(m_received, {}); }

private:
    HandleCourier *const m_courier;
    const QList<protocol::Key> m_keys;
    const InBandOptions m_options;
    protocol::Resources m_announced;
    bool m_haveResources = false;
    qsizetype m_next = 0; // the Handle frame due
    QString m_problem;
    QList<DetachedFd> m_received;
};

// Blocking, any thread, no event loop of its own.
QList<DetachedFd> takeInBand(HandleCourier *courier, const QString &address,
                             const QList<protocol::Key> &keys, int timeoutMs, QString *error,
                             const InBandOptions &options = {});

// DupFd::detach() where resources travel in band: ids of one sharer, all or none.
QList<DetachedFd> detachInBand(HandleCourier *courier, const QList<ResourceId> &ids, int timeoutMs,
                               QString *error, bool socketsOnly = false);

} // namespace qrs::client
