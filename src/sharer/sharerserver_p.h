// The server object: lives on the sharer's QThread, accepts with QLocalServer
// and runs one small state machine per connection on the raw descriptor (a
// QLocalSocket cannot send SCM_RIGHTS). Never blocks on a client.
#pragma once

#include "platform/fdpassing.h"
#include "protocol/protocol.h"
#include "resourcesharer_p.h"

#include <QDeadlineTimer>
#include <QLocalServer>
#include <QTimer>

#include <memory>
#include <unordered_map>
#include <vector>

QT_BEGIN_NAMESPACE
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

protected:
    // Server thread.
    void incomingConnection(quintptr socketDescriptor) override;

private:
    struct Connection
    {
        enum class State { AwaitingRequest, AwaitingAck, Watching, Closing };
        int fd = -1;
        quint64 serial = 0;
        platform::PeerCredentials peer;
        State state = State::AwaitingRequest;
        QSocketNotifier *readNotifier = nullptr;
        QSocketNotifier *writeNotifier = nullptr;
        protocol::FrameReader reader;
        QByteArray out;          // unsent bytes of the one reply
        std::vector<int> outFds; // descriptors not yet sent with it
        QList<protocol::Key> reserved;
        QDeadlineTimer deadline;
        quint64 snapshotRevision = 0; // a watcher gets only newer changes
    };

    QSocketNotifier *takeReadNotifier(int fd);
    void onReadable(int fd);
    void onWritable(int fd);
    void handleFrame(Connection *c, const protocol::Frame &frame);
    void handleRequest(Connection *c, const protocol::Request &request);
    void handleInspect(Connection *c, protocol::MessageType type, const protocol::Inspect &m);
    void handleRevoke(Connection *c, const protocol::Revoke &m);
    // Refuses (and returns false) unless the peer is pid and of an allowed uid:
    // for inspection and revocation, of this process's own uid.
    bool admit(Connection *c, qint64 pid, bool ownUidOnly, const QList<protocol::Key> &keys = {});
    void send(Connection *c, QByteArray bytes, std::vector<int> fds);
    void refuse(Connection *c, protocol::ErrorCode code, const QString &message,
                int keyIndex = protocol::NoKeyIndex);
    void closeConnection(int fd, const QString &transferFailure = {});
    void sweep();
    void watchListening();
    void makeRoom();

    ResourceSharerPrivate *const d;
    const uint m_euid; // this process's, checked against every peer
    std::unordered_map<int, std::unique_ptr<Connection>> m_connections;
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
};

} // namespace qrs
