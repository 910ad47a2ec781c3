// SPDX-FileCopyrightText: 2026 QtResourceSharer contributors
//
// SPDX-License-Identifier: BSD-3-Clause

// The server's inspection side: List, Watch and Revoke, and the changes sent
// to every watcher. The handoff itself is in sharerserver.cpp.

#include "sharerserver_p.h"

#include "logging_p.h"
#include "text_p.h"

#include <QCoreApplication>

namespace qrs {

using namespace qrs::protocol;

void SharerServer::handleInspect(Connection *c, MessageType type, const Inspect &m)
{
    if (!admit(c, m.pid, true))
        return;
    if (type == MessageType::Watch) {
        if (m_watchers >= MaxWatchers) {
            refuse(c, ErrorCode::Overloaded,
                   qrs::tr("the sharer already has %1 watchers").arg(m_watchers));
            return;
        }
        // Watch first, then look: a change made after the snapshot reaches the
        // watcher, one made before it is in the snapshot (or skipped by revision).
        if (m_watchers++ == 0)
            d->watchHub.set(this);
        c->state = Connection::State::Watching;
        c->deadline = QDeadlineTimer(QDeadlineTimer::Forever);
    } else {
        c->state = Connection::State::Closing;
    }
    SharerStatistics statistics;
    const QList<ResourceInfo> entries = d->cache.snapshot(&statistics);
    c->snapshotRevision = statistics.revision;
    qCDebug(lcSharer) << "pid" << c->peer.pid << (type == MessageType::Watch ? "watches" : "lists")
                      << entries.size() << "entries";
    const QList<QByteArray> frames =
            encodeSnapshot(entries, statistics, QCoreApplication::applicationPid());
    // The process's status first: a List ends with the snapshot's last frame.
    const QByteArray status = d->processStatus();
    QByteArray bytes = status.isEmpty() ? QByteArray() : encode(Status{status});
    for (const QByteArray &f : frames)
        bytes.append(f);
    send(c, std::move(bytes));
}

void SharerServer::handleRevoke(Connection *c, const Revoke &m)
{
    if (!admit(c, m.pid, true))
        return;
    const int count = d->revokeKeys(m.keys);
    qCInfo(lcSharer) << "pid" << c->peer.pid << "revoked" << count << "of" << m.keys.size()
                     << "resources";
    c->state = Connection::State::Closing;
    send(c, encode(Done{quint16(count)}));
}

void SharerServer::broadcast(const QList<ResourceSharerPrivate::Outcome> &outcomes)
{
    QList<std::pair<quint64, QByteArray>> changes;
    changes.reserve(outcomes.size());
    for (const auto &o : outcomes) {
        Change change;
        change.kind = Cache::changeKind(o.event);
        change.reason = o.reason;
        change.entry = o.info;
        changes.append({o.info.revision, encode(change)});
    }
    sendToWatchers([&changes](const Connection *c) {
        QByteArray bytes;
        for (const auto &[revision, frame] : std::as_const(changes)) {
            if (revision > c->snapshotRevision)
                bytes.append(frame);
        }
        return bytes;
    });
}

void SharerServer::broadcastStatus(const QByteArray &json)
{
    const QByteArray frame = encode(Status{json});
    sendToWatchers([&frame](const Connection *) { return frame; });
}

void SharerServer::sendToWatchers(const std::function<QByteArray(const Connection *)> &bytesFor)
{
    std::vector<quint64> watchers;
    for (const auto &[key, c] : m_connections) {
        if (c->state == Connection::State::Watching)
            watchers.push_back(key);
    }
    for (quint64 key : watchers) {
        auto it = m_connections.find(key);
        if (it == m_connections.end())
            continue;
        Connection *c = it->second.get();
        if (c->channel->pendingBytes() > MaxWatcherBacklog) {
            qCWarning(lcSharer) << "dropping the watcher from pid" << c->peer.pid
                                << ": it does not read its events";
            closeConnection(key);
            continue;
        }
        QByteArray bytes = bytesFor(c);
        if (!bytes.isEmpty())
            send(c, std::move(bytes));
    }
}

} // namespace qrs
