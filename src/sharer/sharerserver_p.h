// SPDX-FileCopyrightText: 2026 QtResourceSharer contributors
//
// SPDX-License-Identifier: BSD-3-Clause

// The server object: lives on the sharer's QThread, accepts with QLocalServer
// and runs one small state machine per connection, over a ServerChannel
// (serverchannel_p.h) that carries the bytes and the resources whichever way
// the platform does. Never blocks on a client.
#pragma once

#include "fdpassing.h"
#include "protocol.h"
#include "resourcesharer_p.h"
#include "serverchannel_p.h"

#include <QDeadlineTimer>
#include <QLocalServer>
#include <QTimer>

#include <functional>
#include <memory>
#include <unordered_map>
#include <vector>

namespace qrs {

class ResourceSharerPrivate;

class SharerServer : public QLocalServer
{
    Q_OBJECT

public:
    explicit SharerServer(ResourceSharerPrivate *sharer);
    ~SharerServer() override;

    // Server thread.
    bool startListening(const QString &path, QString *error);
    // Server thread: refuses waiting clients, drops every connection, closes the
    // listening socket (QLocalServer removes the file) and every cached resource.
    void shutdown();
    // Server thread: re-arms the expiry timer for the earliest TTL.
    void scheduleExpiry();
    // Server thread: also listens at path, the door for other users
    // (sharerplatform::newDoorAddress()).
    bool openDoor(const QString &path, QString *error);
    // Server thread: serves again the requests that waited for a binding.
    void retryParked();
    // Server thread: sends the outcomes to every watcher.
    void broadcast(const QList<ResourceSharerPrivate::Outcome> &outcomes);
    // Server thread: the process's new status, to every watcher.
    void broadcastStatus(const QByteArray &json);
    // Server thread: the answer to the command on connection serial, if it is
    // still there; the connection closes after it.
    void sendReply(quint64 serial, const QByteArray &json);

protected:
    // Server thread.
    void incomingConnection(quintptr socketDescriptor) override;

private:
    class Door;
    // Server thread: a connection through the private address or the door.
    void accept(quintptr socketDescriptor, bool viaDoor);

    struct Connection
    {
        // AwaitingBinding: its request waits for ResourceSharer::bindToProcess().
        // AwaitingReply: a command runs in the process (ResourceSharer::setCommandHandler()).
        enum class State {
            AwaitingRequest,
            AwaitingBinding,
            AwaitingAck,
            AwaitingReply,
            Watching,
            Closing
        };
        quint64 serial = 0; // the key in m_connections
        platform::PeerCredentials peer;
        Cache::Taker taker; // peer, as the cache's rules see it
        protocol::Request parked;
        State state = State::AwaitingRequest;
        protocol::FrameReader reader;
        std::unique_ptr<ServerChannel> channel;
        QList<protocol::Key> reserved;
        QDeadlineTimer deadline;
        quint64 snapshotRevision = 0; // a watcher gets only newer changes
    };

    void onReadable(quint64 serial);
    void onWritable(quint64 serial);
    void handleFrame(Connection *c, const protocol::Frame &frame);
    void handleRequest(Connection *c, const protocol::Request &request);
    void handleAnswer(Connection *c, const protocol::Frame &frame);
    void handleInspect(Connection *c, protocol::MessageType type, const protocol::Inspect &m);
    void handleRevoke(Connection *c, const protocol::Revoke &m);
    void handleCommand(Connection *c, const protocol::Command &m);
    // Refuses (and returns false) unless the peer is pid and of an allowed uid:
    // for inspection and revocation, of this process's own uid.
    bool admit(Connection *c, qint64 pid, bool ownUidOnly, const QList<protocol::Key> &keys = {});
    void send(Connection *c, QByteArray bytes);
    void refuse(Connection *c, protocol::ErrorCode code, const QString &message,
                int keyIndex = protocol::NoKeyIndex);
    // Refuses as far as the socket takes it now, and closes the connection.
    void refuseAndClose(Connection *c, protocol::ErrorCode code, const QString &message);
    void closeConnection(quint64 serial, const QString &transferFailure = {});
    // bytesFor(c) to every watcher (nothing when empty); a watcher that does not
    // read its events is dropped.
    void sendToWatchers(const std::function<QByteArray(const Connection *)> &bytesFor);
    void sweep();
    // QLocalServer closes itself when accept() fails (out of descriptors, say):
    // both addresses listen again once they can.
    void watchListening();
    void listenAgain(QLocalServer *server, const QString &path, int *fd);
    // Before the thread sleeps: if it has just served, waits awake (spin_p.h)
    // for what usually follows within microseconds, an acknowledgement or the
    // receiver's next connection.
    void awaitAwake();
    void makeRoom();

    ResourceSharerPrivate *const d;
    const uint m_euid; // this process's, checked against every peer
    // Before the connections: their channels go first.
    std::unique_ptr<ServerChannels> m_channels;
    std::unordered_map<quint64, std::unique_ptr<Connection>> m_connections;
    quint64 m_nextSerial = 1;
    int m_watchers = 0;
    QTimer m_sweepTimer;
    QTimer m_expiryTimer;
    QTimer m_listenWatch;
    QString m_path;
    int m_listenFd = -1;
    Door *m_door = nullptr; // a child: deleted with the server
    QString m_doorPath;
    int m_doorFd = -1;
    bool m_servedSinceBlock = false;
    std::vector<int> m_awakeFds;
};

} // namespace qrs
