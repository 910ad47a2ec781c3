// SPDX-FileCopyrightText: 2026 QtResourceSharer contributors
//
// SPDX-License-Identifier: BSD-3-Clause

// The server object: lives on the sharer's QThread, accepts with QLocalServer
// and runs one small state machine per connection. Never blocks on a client.
// Two ways to carry a connection: on the raw descriptor with SCM_RIGHTS (a
// QLocalSocket cannot send those), or, where a HandleCourier makes resources
// over in band (Windows' named pipes), on a QLocalSocket with Handle frames.
// Everything between reading a frame and writing a reply is shared.
#pragma once

#include "common/handlecourier_p.h"
#include "platform/fdpassing.h"
#include "protocol/protocol.h"
#include "resourcesharer_p.h"

#include <QDeadlineTimer>
#include <QLocalServer>
#include <QTimer>

#include <functional>
#include <memory>
#include <unordered_map>
#include <vector>

QT_BEGIN_NAMESPACE
class QLocalSocket;
class QSocketNotifier;
QT_END_NAMESPACE

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
    // Server thread: sends the outcomes to every watcher.
    void broadcast(const QList<ResourceSharerPrivate::Outcome> &outcomes);
    // Server thread: the process's new status, to every watcher.
    void broadcastStatus(const QByteArray &json);

protected:
    // Server thread.
    void incomingConnection(quintptr socketDescriptor) override;

private:
    struct Connection
    {
        enum class State { AwaitingRequest, AwaitingAck, Watching, Closing };
        qintptr key = -1; // in m_connections: the descriptor, or the serial in band
        quint64 serial = 0;
        platform::PeerCredentials peer;
        State state = State::AwaitingRequest;
        protocol::FrameReader reader;
        // With SCM_RIGHTS:
        int fd = -1;
        QSocketNotifier *readNotifier = nullptr;
        QSocketNotifier *writeNotifier = nullptr;
        QByteArray out;                   // unsent bytes of the one reply
        std::vector<NativeHandle> outFds; // descriptors not yet sent with it
        // In band:
        QLocalSocket *socket = nullptr;
        QList<protocol::Key> reserved;
        QDeadlineTimer deadline;
        quint64 snapshotRevision = 0; // a watcher gets only newer changes
    };

    void acceptDescriptor(std::unique_ptr<Connection> c, int fd);
    void acceptInBand(std::unique_ptr<Connection> c, quintptr socketDescriptor);
    QSocketNotifier *takeReadNotifier(int fd);
    void onReadable(qintptr key);
    void onWritable(qintptr key);
    // Reads what has arrived; *eof once the peer is gone.
    void readInto(Connection *c, bool *eof);
    qint64 unsentBytes(const Connection *c) const;
    void handleFrame(Connection *c, const protocol::Frame &frame);
    void handleRequest(Connection *c, const protocol::Request &request);
    void handleInspect(Connection *c, protocol::MessageType type, const protocol::Inspect &m);
    void handleRevoke(Connection *c, const protocol::Revoke &m);
    // Refuses (and returns false) unless the peer is pid and of an allowed uid:
    // for inspection and revocation, of this process's own uid.
    bool admit(Connection *c, qint64 pid, bool ownUidOnly, const QList<protocol::Key> &keys = {});
    void send(Connection *c, QByteArray bytes, std::vector<NativeHandle> fds);
    // In band: the Resources frame, then each resource made over to the peer.
    void sendInBand(Connection *c, const protocol::Resources &reply,
                    const std::vector<NativeHandle> &fds);
    void refuse(Connection *c, protocol::ErrorCode code, const QString &message,
                int keyIndex = protocol::NoKeyIndex);
    // Refuses as far as the socket takes it now, and closes the connection.
    void refuseAndClose(Connection *c, protocol::ErrorCode code, const QString &message);
    void closeConnection(qintptr key, const QString &transferFailure = {});
    // bytesFor(c) to every watcher (nothing when empty); a watcher that does not
    // read its events is dropped.
    void sendToWatchers(const std::function<QByteArray(const Connection *)> &bytesFor);
    void sweep();
    void watchListening();
#ifndef Q_OS_WIN
    // Before the thread sleeps: if it has just served, waits awake (spin_p.h)
    // for what usually follows within microseconds, an acknowledgement or the
    // receiver's next connection.
    void awaitAwake();
#endif
    void makeRoom();

    ResourceSharerPrivate *const d;
    HandleCourier *const m_courier; // null: descriptors travel by SCM_RIGHTS
    const uint m_euid;              // this process's, checked against every peer
    std::unordered_map<qintptr, std::unique_ptr<Connection>> m_connections;
    quint64 m_nextSerial = 1;
    int m_watchers = 0;
    // Read notifiers of closed connections, disabled, for the next ones.
    static constexpr size_t MaxIdleNotifiers = 64;
    std::vector<QSocketNotifier *> m_idleReadNotifiers;
    QTimer m_sweepTimer;
    QTimer m_expiryTimer;
    QTimer m_listenWatch;
    QString m_path;
    int m_listenFd = -1;
#ifndef Q_OS_WIN
    qint64 m_spinNs = 0;
    bool m_servedSinceBlock = false;
    std::vector<struct pollfd> m_awakeFds;
#endif
};

} // namespace qrs
