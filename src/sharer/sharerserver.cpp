// SPDX-FileCopyrightText: 2026 QtResourceSharer contributors
//
// SPDX-License-Identifier: BSD-3-Clause

#include "sharerserver_p.h"

#include "logging_p.h"
#include "resourcesharer_p.h"
#include "sharerplatform_p.h"
#include "text_p.h"

#include <QAbstractEventDispatcher>
#include <QCoreApplication>
#include <QJsonDocument>

namespace qrs {

using namespace qrs::protocol;

// The second address (sharerplatform::newDoorAddress()): what arrives there is
// served like the rest, once its peer is one that some rule names.
class SharerServer::Door : public QLocalServer
{
public:
    explicit Door(SharerServer *server)
        : QLocalServer(server)
        , m_server(server)
    { }

protected:
    // Server thread.
    void incomingConnection(quintptr socketDescriptor) override
    {
        m_server->accept(socketDescriptor, true);
    }

private:
    SharerServer *const m_server;
};

SharerServer::SharerServer(ResourceSharerPrivate *sharer)
    : d(sharer)
    , m_euid(sharerplatform::effectiveUid())
    , m_sweepTimer(this)
    , m_expiryTimer(this) // parented: they move threads with us
    , m_listenWatch(this)
{
    m_sweepTimer.setInterval(ConnectionSweepIntervalMs);
    m_listenWatch.setInterval(ListenCheckIntervalMs);
    connect(&m_listenWatch, &QTimer::timeout, this, &SharerServer::watchListening);
    connect(&m_sweepTimer, &QTimer::timeout, this, &SharerServer::sweep);
    m_expiryTimer.setSingleShot(true);
    m_expiryTimer.setTimerType(Qt::PreciseTimer);
    connect(&m_expiryTimer, &QTimer::timeout, this, [this] {
        d->expireDue();
        scheduleExpiry();
    });
    setListenBacklogSize(ListenBacklog);
    ServerChannels::Hooks hooks;
    hooks.readable = [this](quint64 serial) {
        onReadable(serial);
    };
    hooks.writable = [this](quint64 serial) {
        onWritable(serial);
    };
    hooks.track = [sharer](int fd, bool open) {
        sharer->trackServerFd(fd, open);
    };
    m_channels = platformServerChannels(sharer->courier, this, hooks);
}

SharerServer::~SharerServer()
{
    shutdown();
}

bool SharerServer::startListening(const QString &path, QString *error)
{
    setSocketOptions(QLocalServer::UserAccessOption);
    if (!listen(path)) {
        *error = qrs::tr("cannot listen on %1: %2").arg(path, errorString());
        return false;
    }
    m_path = path;
    m_listenFd = int(socketDescriptor());
    d->trackServerFd(m_listenFd, true);
    m_listenWatch.start();
    if (m_channels->waitsAwake())
        connect(QAbstractEventDispatcher::instance(), &QAbstractEventDispatcher::aboutToBlock, this,
                &SharerServer::awaitAwake);
    qCDebug(lcSharer) << "listening on" << path;
    return true;
}

bool SharerServer::openDoor(const QString &path, QString *error)
{
    auto door = std::make_unique<Door>(this);
    // Everyone may connect; the kernel's credentials decide who is served.
    door->setSocketOptions(QLocalServer::WorldAccessOption);
    door->setListenBacklogSize(ListenBacklog);
    if (!door->listen(path)) {
        *error = qrs::tr("cannot listen on %1: %2").arg(path, door->errorString());
        return false;
    }
    m_doorPath = path;
    m_doorFd = int(door->socketDescriptor());
    d->trackServerFd(m_doorFd, true);
    m_door = door.release();
    qCDebug(lcSharer) << "listening for other users on" << path;
    return true;
}

void SharerServer::awaitAwake()
{
    // With many connections open a poll costs more than it spares, and one of
    // them has usually something to read anyway.
    constexpr size_t MaxAwakeConnections = 64;
    if (!std::exchange(m_servedSinceBlock, false) || m_connections.size() > MaxAwakeConnections)
        return;
    m_awakeFds.clear();
    if (m_listenFd >= 0)
        m_awakeFds.push_back(m_listenFd);
    if (m_doorFd >= 0) // the next connection may come through it as well
        m_awakeFds.push_back(m_doorFd);
    for (const auto &[serial, c] : m_connections) {
        const int fd = c->channel->pollDescriptor();
        if (fd >= 0
            && (c->state == Connection::State::AwaitingRequest
                || c->state == Connection::State::AwaitingAck))
            m_awakeFds.push_back(fd);
    }
    m_channels->waitAwake(m_awakeFds);
}

// QLocalServer closes itself (and removes its socket file) when accept() fails,
// as it does when the process is out of descriptors. Listen again at the same
// address once it can: the private socket and the door alike.
void SharerServer::watchListening()
{
    listenAgain(this, m_path, &m_listenFd);
    if (m_door)
        listenAgain(m_door, m_doorPath, &m_doorFd);
}

void SharerServer::listenAgain(QLocalServer *server, const QString &path, int *fd)
{
    if (server->isListening())
        return;
    if (*fd >= 0) {
        qCWarning(lcSharer) << "the listening socket" << path << "closed:" << server->errorString()
                            << "; listening again when descriptors allow";
        d->trackServerFd(std::exchange(*fd, -1), false);
    }
    if (!server->listen(path))
        return; // still out of descriptors, say: try again at the next tick
    *fd = int(server->socketDescriptor());
    d->trackServerFd(*fd, true);
    qCInfo(lcSharer) << "listening again on" << path;
}

void SharerServer::shutdown()
{
    d->watchHub.set(nullptr);
    std::vector<quint64> serials;
    serials.reserve(m_connections.size());
    for (const auto &[serial, c] : m_connections)
        serials.push_back(serial);
    for (quint64 serial : serials) {
        Connection *c = m_connections.at(serial).get();
        if (c->state == Connection::State::AwaitingRequest
            || c->state == Connection::State::AwaitingBinding
            || c->state == Connection::State::Watching) {
            refuseAndClose(c, ErrorCode::Stopping, errorCodeText(ErrorCode::Stopping));
        } else {
            closeConnection(serial, errorCodeText(ErrorCode::Stopping));
        }
    }
    m_listenWatch.stop();
    if (m_listenFd >= 0)
        d->trackServerFd(std::exchange(m_listenFd, -1), false);
    const QString doorPath = std::exchange(m_doorPath, QString());
    if (m_doorFd >= 0)
        d->trackServerFd(std::exchange(m_doorFd, -1), false);
    delete std::exchange(m_door, nullptr); // removes its socket file
    if (isListening())
        close(); // also removes the socket file
    if (!m_path.isEmpty())
        d->closeAll(m_path);
    if (!doorPath.isEmpty())
        d->closeAll(doorPath);
    // Last: releasing transfers above may have re-armed them.
    m_sweepTimer.stop();
    m_expiryTimer.stop();
}

void SharerServer::scheduleExpiry()
{
    const qint64 next = d->cache.nextExpiry();
    if (next < 0) {
        m_expiryTimer.stop();
        return;
    }
    const qint64 wait = next - QDeadlineTimer::current().deadline();
    m_expiryTimer.start(int(qBound(qint64(0), wait, qint64(std::numeric_limits<int>::max()))));
}

void SharerServer::incomingConnection(quintptr socketDescriptor)
{
    accept(socketDescriptor, false);
}

void SharerServer::accept(quintptr socketDescriptor, bool viaDoor)
{
    if (int(m_connections.size()) >= MaxConnections)
        makeRoom();

    auto c = std::make_unique<Connection>();
    const quint64 serial = m_nextSerial++;
    c->serial = serial;
    c->deadline = QDeadlineTimer(d->connectionTimeoutMs());
    QString why;
    c->channel = m_channels->accept(socketDescriptor, serial, &why);
    if (!c->channel) {
        qCWarning(lcSharer) << "cannot take a connection:" << why;
        return;
    }
    if (!m_sweepTimer.isActive())
        m_sweepTimer.start(); // sweep() stops it once no connection is left
    Connection *conn = c.get();
    m_connections.emplace(serial, std::move(c));
    if (!conn->channel->peer(&conn->peer)) {
        refuse(conn, ErrorCode::Denied, qrs::tr("the peer's credentials cannot be read"));
        return;
    }
    qCDebug(lcSharer) << "connection" << serial << "from pid" << conn->peer.pid << "uid"
                      << conn->peer.uid << (viaDoor ? "through the door" : "");
    Cache::Taker &taker = conn->taker;
    taker.pid = conn->peer.pid;
    taker.uid = conn->peer.uid;
    taker.gid = conn->peer.gid;
    taker.ownUser = taker.uid == m_euid;
    if (!taker.ownUser) {
        taker.allowedUser = d->isUidAllowed(taker.uid);
        conn->channel->peerGroups(&taker.groups);
    }
    // Only those a rule names may even talk to the sharer: a stranger cannot
    // hold a connection, and learns nothing but "denied".
    if (viaDoor && !d->cache.admitsAnything(taker)) {
        qCInfo(lcSharer) << "refused a connection from pid" << taker.pid << "uid" << taker.uid
                         << ": no rule names it";
        refuse(conn, ErrorCode::Denied, errorCodeText(ErrorCode::Denied));
        return;
    }
    // The request has usually arrived with the connection: serve it now rather
    // than after another trip through the event loop.
    onReadable(serial);
}

// At the connection cap: the oldest connection still silent makes room.
void SharerServer::makeRoom()
{
    Connection *oldest = nullptr;
    for (const auto &[serial, c] : m_connections) {
        if (c->state == Connection::State::AwaitingRequest
            && (!oldest || c->serial < oldest->serial))
            oldest = c.get();
    }
    if (oldest) {
        qCWarning(lcSharer) << "too many connections; dropping the oldest idle one from pid"
                            << oldest->peer.pid;
        refuse(oldest, ErrorCode::Overloaded, errorCodeText(ErrorCode::Overloaded));
    }
}

void SharerServer::onReadable(quint64 serial)
{
    m_servedSinceBlock = true;
    auto it = m_connections.find(serial);
    if (it == m_connections.end())
        return;
    Connection *c = it->second.get();
    bool eof = false;
    c->channel->read(&c->reader, &eof);

    Frame frame;
    while (m_connections.count(serial) && c->state != Connection::State::Closing) {
        const FrameReader::Status status = c->reader.next(&frame);
        if (status == FrameReader::Status::NeedMore)
            break;
        if (status == FrameReader::Status::Error) {
            const QString why = c->reader.errorString();
            if (c->state == Connection::State::AwaitingAck) {
                closeConnection(serial,
                                qrs::tr("the receiver sent a bad acknowledgement: %1").arg(why));
                return;
            }
            qCWarning(lcSharer).noquote() << "refused pid" << c->peer.pid << ":" << why;
            refuse(c, c->reader.error(), why);
            return;
        }
        handleFrame(c, frame);
    }
    // After end of file a level-triggered notifier would fire forever: close now,
    // even if a refusal is still unsent (the peer has gone).
    if (eof && m_connections.count(serial)) {
        closeConnection(serial,
                        qrs::tr("the receiver (pid %1) closed the connection before acknowledging")
                                .arg(c->peer.pid));
    }
}

void SharerServer::handleFrame(Connection *c, const Frame &frame)
{
    QString why;
    switch (c->state) {
    case Connection::State::AwaitingRequest: {
        // Decodes the payload into *message, or refuses it as malformed.
        const auto decoded = [&](auto *message) {
            if (decode(frame.payload, message, &why))
                return true;
            refuse(c, ErrorCode::Malformed, why);
            return false;
        };
        if (frame.type == MessageType::Request) {
            Request request;
            if (decoded(&request))
                handleRequest(c, request);
        } else if (frame.type == MessageType::List || frame.type == MessageType::Watch) {
            Inspect inspect;
            if (decoded(&inspect))
                handleInspect(c, frame.type, inspect);
        } else if (frame.type == MessageType::Revoke) {
            Revoke revoke;
            if (decoded(&revoke))
                handleRevoke(c, revoke);
        } else if (frame.type == MessageType::Command) {
            Command command;
            if (decode(frame.payload, &command, &why)) {
                handleCommand(c, command);
            } else {
                qCWarning(lcSharer).noquote()
                        << "refused a command from pid" << c->peer.pid << ":" << why;
                refuse(c,
                       frame.payload.size() - 4 > MaxCommandSize ? ErrorCode::TooLarge
                                                                 : ErrorCode::Malformed,
                       why);
            }
        } else {
            refuse(c, ErrorCode::Malformed, qrs::tr("expected a request"));
        }
        return;
    }
    case Connection::State::Watching:
    case Connection::State::AwaitingBinding:
    case Connection::State::AwaitingReply:
        // A watcher only listens; a parked request or a command waits for its answer.
        closeConnection(c->serial);
        return;
    case Connection::State::AwaitingAck: {
        const quint64 key = c->serial;
        if (frame.type == MessageType::Ack) {
            Ack ack;
            if (!decode(frame.payload, &ack, &why) || ack.count != c->reserved.size()) {
                closeConnection(key, qrs::tr("the receiver sent a bad acknowledgement"));
                return;
            }
            d->commit(c->reserved, c->serial, c->peer.pid);
            qCDebug(lcSharer) << "connection" << c->serial << "acknowledged" << c->reserved.size()
                              << "resources";
            c->reserved.clear();
            closeConnection(key);
        } else if (frame.type == MessageType::Nack) {
            Nack nack;
            if (!decode(frame.payload, &nack, &why))
                nack.reason = why;
            closeConnection(
                    key,
                    qrs::tr("the receiver (pid %1) gave the resources back: %2")
                            .arg(c->peer.pid)
                            .arg(nack.reason.isEmpty() ? errorCodeText(nack.code) : nack.reason));
        } else {
            closeConnection(key, qrs::tr("the receiver sent an unexpected message"));
        }
        return;
    }
    case Connection::State::Closing:
        return;
    }
}

bool SharerServer::admit(Connection *c, qint64 pid, bool ownUidOnly, const QList<Key> &keys)
{
    // Who may take what is each resource's rule (the cache's); this is the
    // same for every request.
    QString why;
    if (ownUidOnly && c->peer.uid != m_euid) {
        why = qrs::tr("only uid %1 may inspect or revoke in this sharer, not uid %2")
                      .arg(m_euid)
                      .arg(c->peer.uid);
    } else if (pid != c->peer.pid) {
        why = qrs::tr("the request names pid %1 but comes from pid %2").arg(pid).arg(c->peer.pid);
    } else {
        return true;
    }
    qCWarning(lcSharer) << "refused pid" << c->peer.pid << ":" << why;
    d->reportRefused(keys, why);
    refuse(c, ErrorCode::Denied, why);
    return false;
}

void SharerServer::handleCommand(Connection *c, const Command &m)
{
    // Commands steer the process: its own user's, or root's, as for a signal.
    if (c->peer.uid != m_euid && c->peer.uid != 0) {
        const QString why = qrs::tr("only uid %1 or root may send commands to this process, "
                                    "not uid %2")
                                    .arg(m_euid)
                                    .arg(c->peer.uid);
        qCWarning(lcSharer).noquote() << "refused pid" << c->peer.pid << ":" << why;
        refuse(c, ErrorCode::Denied, why);
        return;
    }
    if (!admit(c, m.pid, false))
        return;
    // Answered once: by the handler, or for it when it drops the reply unanswered.
    struct Once
    {
        ResourceSharerPrivate *d;
        SharerServer *server;
        quint64 serial;
        std::atomic<bool> sent{false};
        void send(const QJsonObject &reply)
        {
            if (sent.exchange(true))
                return;
            QByteArray json = QJsonDocument(reply).toJson(QJsonDocument::Compact);
            if (json.size() > MaxReplySize)
                json = QJsonDocument(QJsonObject{{QStringLiteral("ok"), false},
                                                 {QStringLiteral("reason"),
                                                  qrs::tr("the reply is too large")}})
                               .toJson(QJsonDocument::Compact);
            d->deliverReply(server, serial, json);
        }
        ~Once()
        {
            send({{QStringLiteral("ok"), false},
                  {QStringLiteral("reason"), qrs::tr("the process dropped the command")}});
        }
    };
    auto once = std::make_shared<Once>();
    once->d = d;
    once->server = this;
    once->serial = c->serial;
    c->state = Connection::State::AwaitingReply;
    c->deadline = QDeadlineTimer(QDeadlineTimer::Forever); // as long as the command takes
    const QJsonObject command = QJsonDocument::fromJson(m.json).object();
    qCInfo(lcSharer).noquote() << "command from pid" << c->peer.pid << ":"
                               << command.value(QLatin1String("command")).toString();
    if (!d->commands.dispatch(command, c->peer.pid,
                              [once](const QJsonObject &reply) { once->send(reply); })) {
        once->sent = true;
        refuse(c, ErrorCode::Denied, qrs::tr("this process takes no commands"));
    }
}

void SharerServer::sendReply(quint64 serial, const QByteArray &json)
{
    auto it = m_connections.find(serial);
    if (it == m_connections.end() || it->second->state != Connection::State::AwaitingReply)
        return; // the caller has gone
    Connection *c = it->second.get();
    c->state = Connection::State::Closing;
    send(c, encode(Reply{json}));
}

void SharerServer::handleRequest(Connection *c, const Request &request)
{
    if (!admit(c, request.pid, false, request.keys))
        return;

    std::vector<NativeHandle> fds;
    Resources reply;
    ErrorCode code = ErrorCode::None;
    int keyIndex = NoKeyIndex;
    QString message;
    bool reserved = d->reserve(request.keys, c->serial, c->taker, &fds, &reply.resources, &code,
                               &keyIndex, &message);
    if (!reserved && code == ErrorCode::Busy) {
        // The holder's acknowledgement may already sit unread in its socket (a
        // receiver that took a resource and at once asks again): read those first,
        // so that the answer is "already taken", not "busy".
        std::vector<quint64> waiting;
        for (const auto &[key, other] : m_connections) {
            if (other->state == Connection::State::AwaitingAck)
                waiting.push_back(key);
        }
        for (quint64 key : waiting)
            onReadable(key);
        reserved = d->reserve(request.keys, c->serial, c->taker, &fds, &reply.resources, &code,
                              &keyIndex, &message);
    }
    if (!reserved && code == ErrorCode::AwaitingBinding) {
        qCDebug(lcSharer) << "connection" << c->serial << "waits for its resources' process";
        c->parked = request;
        c->state = Connection::State::AwaitingBinding;
        return;
    }
    if (!reserved && code == ErrorCode::Denied) {
        const QString why =
                qrs::tr("no rule admits pid %1 (uid %2)").arg(c->peer.pid).arg(c->peer.uid);
        qCInfo(lcSharer).noquote() << "refused:" << why;
        d->reportRefused(request.keys, why);
    }
    if (!reserved) {
        qCDebug(lcSharer) << "refused pid" << c->peer.pid << errorCodeName(code) << message;
        refuse(c, code, message, keyIndex);
        return;
    }
    int index = NoKeyIndex;
    if (!c->channel->queueResources(reply, fds, c->peer.pid, &message, &index)) {
        qCWarning(lcSharer) << message;
        d->release(request.keys, c->serial, message);
        refuse(c, ErrorCode::Denied, message, index);
        return;
    }
    c->reserved = request.keys;
    c->state = Connection::State::AwaitingAck;
    onWritable(c->serial);
}

void SharerServer::retryParked()
{
    std::vector<quint64> parked;
    for (const auto &[serial, c] : m_connections) {
        if (c->state == Connection::State::AwaitingBinding)
            parked.push_back(serial);
    }
    for (quint64 serial : parked) {
        auto it = m_connections.find(serial);
        if (it == m_connections.end())
            continue;
        Connection *c = it->second.get();
        c->state = Connection::State::AwaitingRequest;
        handleRequest(c, std::exchange(c->parked, Request()));
    }
}

void SharerServer::send(Connection *c, QByteArray bytes)
{
    c->channel->queue(std::move(bytes));
    onWritable(c->serial);
}

void SharerServer::onWritable(quint64 serial)
{
    auto it = m_connections.find(serial);
    if (it == m_connections.end())
        return;
    Connection *c = it->second.get();
    QString why;
    switch (c->channel->flush(&why)) {
    case ServerChannel::Flush::Pending:
        return;
    case ServerChannel::Flush::Done:
        if (c->state == Connection::State::Closing)
            closeConnection(serial);
        return;
    case ServerChannel::Flush::Failed:
        closeConnection(serial,
                        c->state == Connection::State::AwaitingAck
                                ? qrs::tr("cannot send to pid %1: %2").arg(c->peer.pid).arg(why)
                                : QString());
        return;
    }
}

void SharerServer::refuse(Connection *c, ErrorCode code, const QString &message, int keyIndex)
{
    Refusal refusal;
    refusal.code = code;
    refusal.keyIndex = quint16(keyIndex);
    refusal.message = message;
    c->state = Connection::State::Closing;
    send(c, encode(refusal));
}

void SharerServer::refuseAndClose(Connection *c, ErrorCode code, const QString &message)
{
    const quint64 serial = c->serial;
    refuse(c, code, message);
    // refuse() closes once the refusal is out; the rest of it is not waited for.
    closeConnection(serial);
}

void SharerServer::closeConnection(quint64 serial, const QString &transferFailure)
{
    auto it = m_connections.find(serial);
    if (it == m_connections.end())
        return;
    std::unique_ptr<Connection> c = std::move(it->second);
    m_connections.erase(it);
    if (c->state == Connection::State::Watching && --m_watchers == 0)
        d->watchHub.set(nullptr);
    if (!c->reserved.isEmpty()) {
        qCInfo(lcSharer) << "transfer to pid" << c->peer.pid << "broke:" << transferFailure;
        d->release(c->reserved, c->serial,
                   transferFailure.isEmpty() ? qrs::tr("the transfer broke off") : transferFailure);
        scheduleExpiry(); // a TTL that passed during the transfer counts now
    }
    // The channel closes the connection as c goes.
}

void SharerServer::sweep()
{
    if (m_connections.empty()) {
        m_sweepTimer.stop();
        return;
    }
    std::vector<quint64> late;
    for (const auto &[key, c] : m_connections) {
        if (c->deadline.hasExpired())
            late.push_back(key);
    }
    for (quint64 key : late) {
        Connection *c = m_connections.at(key).get();
        qCInfo(lcSharer) << "dropping connection" << c->serial << "from pid" << c->peer.pid
                         << "after" << d->connectionTimeoutMs() << "ms";
        if (c->state == Connection::State::AwaitingRequest) {
            refuseAndClose(c, ErrorCode::Timeout,
                           qrs::tr("no request within %1 ms").arg(d->connectionTimeoutMs()));
        } else if (c->state == Connection::State::AwaitingBinding) {
            // The process it waited for never came: whoever asked is not it.
            refuseAndClose(c, ErrorCode::Denied, errorCodeText(ErrorCode::Denied));
        } else {
            closeConnection(key,
                            qrs::tr("the receiver (pid %1) did not acknowledge within %2 ms")
                                    .arg(c->peer.pid)
                                    .arg(d->connectionTimeoutMs()));
        }
    }
}

} // namespace qrs
