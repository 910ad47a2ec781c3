// SPDX-FileCopyrightText: 2026 QtResourceSharer contributors
//
// SPDX-License-Identifier: BSD-3-Clause

#include "sharerserver_p.h"

#include "common/logging_p.h"
#include "common/spin_p.h"
#include "common/text_p.h"
#include "resourcesharer_p.h"
#include "sharerplatform_p.h"

#include <QAbstractEventDispatcher>
#include <QCoreApplication>
#include <QLocalSocket>
#include <QSocketNotifier>

#ifndef Q_OS_WIN
#include <poll.h>
#endif

#include <cerrno>

namespace qrs {

using namespace qrs::protocol;

SharerServer::SharerServer(ResourceSharerPrivate *sharer)
    : d(sharer)
    , m_courier(sharer->courier)
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
#ifndef Q_OS_WIN
    m_spinNs = qint64(spinBudgetUs("QRS_SHARER_SPIN_US", DefaultSharerSpinUs)) * 1000;
    if (m_spinNs > 0)
        connect(QAbstractEventDispatcher::instance(), &QAbstractEventDispatcher::aboutToBlock, this,
                &SharerServer::awaitAwake);
#endif
    qCDebug(lcSharer) << "listening on" << path;
    return true;
}

#ifndef Q_OS_WIN
void SharerServer::awaitAwake()
{
    // With many connections open a poll costs more than it spares, and one of
    // them has usually something to read anyway.
    constexpr size_t MaxAwakeConnections = 64;
    if (!std::exchange(m_servedSinceBlock, false) || m_connections.size() > MaxAwakeConnections)
        return;
    m_awakeFds.clear();
    if (m_listenFd >= 0)
        m_awakeFds.push_back({m_listenFd, POLLIN, 0});
    for (const auto &[key, c] : m_connections) {
        if (c->fd >= 0
            && (c->state == Connection::State::AwaitingRequest
                || c->state == Connection::State::AwaitingAck))
            m_awakeFds.push_back({c->fd, POLLIN, 0});
    }
    // Whatever becomes ready, the event loop's own poll then finds at once.
    platform::pollAwake(m_awakeFds.data(), m_awakeFds.size(), m_spinNs);
}
#endif

// QLocalServer closes itself (and removes its socket file) when accept() fails,
// as it does when the process is out of descriptors. Listen again at the same
// address once it can.
void SharerServer::watchListening()
{
    if (isListening())
        return;
    if (m_listenFd >= 0) {
        qCWarning(lcSharer) << "the listening socket closed:" << errorString()
                            << "; listening again when descriptors allow";
        d->trackServerFd(std::exchange(m_listenFd, -1), false);
    }
    if (!listen(m_path))
        return; // still out of descriptors, say: try again at the next tick
    m_listenFd = int(socketDescriptor());
    d->trackServerFd(m_listenFd, true);
    qCInfo(lcSharer) << "listening again on" << m_path;
}

void SharerServer::shutdown()
{
    d->setWatchHub(nullptr);
    std::vector<qintptr> keys;
    keys.reserve(m_connections.size());
    for (const auto &[key, c] : m_connections)
        keys.push_back(key);
    for (qintptr key : keys) {
        Connection *c = m_connections.at(key).get();
        if (c->state == Connection::State::AwaitingRequest
            || c->state == Connection::State::Watching) {
            refuseAndClose(c, ErrorCode::Stopping, errorCodeText(ErrorCode::Stopping));
        } else {
            closeConnection(key, errorCodeText(ErrorCode::Stopping));
        }
    }
    m_listenWatch.stop();
    if (m_listenFd >= 0)
        d->trackServerFd(std::exchange(m_listenFd, -1), false);
    if (isListening())
        close(); // also removes the socket file
    if (!m_path.isEmpty())
        d->closeAll(m_path);
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
    if (int(m_connections.size()) >= MaxConnections)
        makeRoom();

    auto c = std::make_unique<Connection>();
    c->serial = m_nextSerial++;
    c->deadline = QDeadlineTimer(d->connectionTimeoutMs());
    if (!m_sweepTimer.isActive())
        m_sweepTimer.start(); // sweep() stops it once no connection is left
    if (m_courier)
        acceptInBand(std::move(c), socketDescriptor);
    else
        acceptDescriptor(std::move(c), int(socketDescriptor));
}

void SharerServer::acceptDescriptor(std::unique_ptr<Connection> c, int fd)
{
    c->key = fd;
    c->fd = fd;
    d->trackServerFd(fd, true);
    // The descriptor stays blocking: every receive and send on it is non-blocking.
    Connection *conn = c.get();
    m_connections.emplace(fd, std::move(c));

    if (!platform::peerCredentials(fd, &conn->peer)) {
        refuse(conn, ErrorCode::Denied, qrs::tr("the peer's credentials cannot be read"));
        return;
    }
    conn->readNotifier = takeReadNotifier(fd);
    qCDebug(lcSharer) << "connection" << conn->serial << "from pid" << conn->peer.pid << "uid"
                      << conn->peer.uid;
    // The request has usually arrived with the connection: serve it now rather
    // than after another trip through the event loop.
    onReadable(fd);
}

void SharerServer::acceptInBand(std::unique_ptr<Connection> c, quintptr socketDescriptor)
{
    const qintptr key = qintptr(c->serial);
    c->key = key;
    auto *socket = new QLocalSocket(this);
    c->socket = socket;
    Connection *conn = c.get();
    m_connections.emplace(key, std::move(c));
    if (!socket->setSocketDescriptor(qintptr(socketDescriptor))) {
        qCWarning(lcSharer) << "cannot take a connection:" << socket->errorString();
        closeConnection(key);
        return;
    }
    connect(socket, &QLocalSocket::readyRead, this, [this, key] { onReadable(key); });
    connect(socket, &QLocalSocket::disconnected, this, [this, key] { onReadable(key); });
    connect(socket, &QLocalSocket::bytesWritten, this, [this, key] { onWritable(key); });
    if (!m_courier->peer(qintptr(socketDescriptor), &conn->peer)) {
        refuse(conn, ErrorCode::Denied, qrs::tr("the peer's credentials cannot be read"));
        return;
    }
    qCDebug(lcSharer) << "connection" << conn->serial << "in band from pid" << conn->peer.pid;
    onReadable(key);
}

// A read notifier for fd: a retired one if there is one. A handoff opens and
// closes one connection; reusing its notifier spares an allocation and a
// deferred delete, which would cost an extra pass through the event loop.
QSocketNotifier *SharerServer::takeReadNotifier(int fd)
{
    if (m_idleReadNotifiers.empty()) {
        auto *n = new QSocketNotifier(qintptr(fd), QSocketNotifier::Read, this);
        connect(n, &QSocketNotifier::activated, this,
                [this](QSocketDescriptor socket) { onReadable(int(socket)); });
        return n;
    }
    QSocketNotifier *n = m_idleReadNotifiers.back();
    m_idleReadNotifiers.pop_back();
    n->setSocket(qintptr(fd));
    n->setEnabled(true);
    return n;
}

// At the connection cap: the oldest connection still silent makes room.
void SharerServer::makeRoom()
{
    Connection *oldest = nullptr;
    for (const auto &[fd, c] : m_connections) {
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

void SharerServer::readInto(Connection *c, bool *eof)
{
    if (c->socket) {
        const QByteArray bytes = c->socket->readAll();
        c->reader.append(bytes.constData(), bytes.size());
        *eof = c->socket->state() != QLocalSocket::ConnectedState;
        return;
    }
    char buf[4096];
    for (;;) {
        const ssize_t n = platform::receiveNonBlocking(c->fd, buf, sizeof(buf));
        if (n > 0) {
            c->reader.append(buf, n);
            if (n < ssize_t(sizeof(buf)))
                return;
            continue;
        }
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0 && errno == EAGAIN)
            return;
        *eof = true; // orderly shutdown or a broken connection
        return;
    }
}

void SharerServer::onReadable(qintptr key)
{
#ifndef Q_OS_WIN
    m_servedSinceBlock = true;
#endif
    auto it = m_connections.find(key);
    if (it == m_connections.end())
        return;
    Connection *c = it->second.get();
    bool eof = false;
    readInto(c, &eof);

    Frame frame;
    while (m_connections.count(key) && c->state != Connection::State::Closing) {
        const FrameReader::Status status = c->reader.next(&frame);
        if (status == FrameReader::Status::NeedMore)
            break;
        if (status == FrameReader::Status::Error) {
            const QString why = c->reader.errorString();
            if (c->state == Connection::State::AwaitingAck) {
                closeConnection(key,
                                qrs::tr("the receiver sent a bad acknowledgement: %1").arg(why));
                return;
            }
            refuse(c, c->reader.error(), why);
            return;
        }
        handleFrame(c, frame);
    }
    // After end of file a level-triggered notifier would fire forever: close now,
    // even if a refusal is still unsent (the peer has gone).
    if (eof && m_connections.count(key)) {
        closeConnection(key,
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
        } else {
            refuse(c, ErrorCode::Malformed, qrs::tr("expected a request"));
        }
        return;
    }
    case Connection::State::Watching:
        // A watcher only listens.
        closeConnection(c->key);
        return;
    case Connection::State::AwaitingAck: {
        const qintptr key = c->key;
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
    QString why;
    const bool uidAllowed = c->peer.uid == m_euid || (!ownUidOnly && d->isUidAllowed(c->peer.uid));
    if (!uidAllowed) {
        why = ownUidOnly
                ? qrs::tr("only uid %1 may inspect or revoke in this sharer, not uid %2")
                          .arg(m_euid)
                          .arg(c->peer.uid)
                : qrs::tr("uid %1 may not take resources from this sharer").arg(c->peer.uid);
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
            d->setWatchHub(this);
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
    send(c, std::move(bytes), {});
}

void SharerServer::handleRevoke(Connection *c, const Revoke &m)
{
    if (!admit(c, m.pid, true))
        return;
    const int count = d->revokeKeys(m.keys);
    qCInfo(lcSharer) << "pid" << c->peer.pid << "revoked" << count << "of" << m.keys.size()
                     << "resources";
    c->state = Connection::State::Closing;
    send(c, encode(Done{quint16(count)}), {});
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
    std::vector<qintptr> watchers;
    for (const auto &[key, c] : m_connections) {
        if (c->state == Connection::State::Watching)
            watchers.push_back(key);
    }
    for (qintptr key : watchers) {
        auto it = m_connections.find(key);
        if (it == m_connections.end())
            continue;
        Connection *c = it->second.get();
        if (unsentBytes(c) > MaxWatcherBacklog) {
            qCWarning(lcSharer) << "dropping the watcher from pid" << c->peer.pid
                                << ": it does not read its events";
            closeConnection(key);
            continue;
        }
        QByteArray bytes = bytesFor(c);
        if (!bytes.isEmpty())
            send(c, std::move(bytes), {});
    }
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
    bool reserved = d->reserve(request.keys, c->serial, c->peer.pid, &fds, &reply.resources, &code,
                               &keyIndex, &message);
    if (!reserved && code == ErrorCode::Busy) {
        // The holder's acknowledgement may already sit unread in its socket (a
        // receiver that took a resource and at once asks again): read those first,
        // so that the answer is "already taken", not "busy".
        std::vector<qintptr> waiting;
        for (const auto &[key, other] : m_connections) {
            if (other->state == Connection::State::AwaitingAck)
                waiting.push_back(key);
        }
        for (qintptr key : waiting)
            onReadable(key);
        reserved = d->reserve(request.keys, c->serial, c->peer.pid, &fds, &reply.resources, &code,
                              &keyIndex, &message);
    }
    if (!reserved) {
        qCDebug(lcSharer) << "refused pid" << c->peer.pid << errorCodeName(code) << message;
        refuse(c, code, message, keyIndex);
        return;
    }
    c->reserved = request.keys;
    c->state = Connection::State::AwaitingAck;
    if (m_courier)
        sendInBand(c, reply, fds);
    else
        send(c, encode(reply), std::move(fds));
}

void SharerServer::sendInBand(Connection *c, const Resources &reply,
                              const std::vector<NativeHandle> &fds)
{
    QByteArray bytes = encode(reply);
    QList<QByteArray> madeOver;
    for (size_t i = 0; i < fds.size(); ++i) {
        const ResourceKind kind = ResourceKind(reply.resources.at(qsizetype(i)).kind);
        QByteArray data;
        QString why;
        if (!m_courier->makeOver(fds[i], kind, c->peer.pid, &data, &why)
            || data.size() > MaxHandleDataSize) {
            for (qsizetype j = 0; j < madeOver.size(); ++j)
                m_courier->takeBack(ResourceKind(reply.resources.at(j).kind), madeOver.at(j),
                                    c->peer.pid);
            const QString reason = qrs::tr("cannot make resource %1 of %2 over to pid %3: %4")
                                           .arg(i + 1)
                                           .arg(fds.size())
                                           .arg(c->peer.pid)
                                           .arg(why);
            qCWarning(lcSharer) << reason;
            d->release(std::exchange(c->reserved, {}), c->serial, reason);
            refuse(c, ErrorCode::Denied, reason, int(i));
            return;
        }
        bytes.append(encode(Handle{quint16(i), data}));
        madeOver.append(std::move(data));
    }
    send(c, std::move(bytes), {});
}

qint64 SharerServer::unsentBytes(const Connection *c) const
{
    return c->socket ? c->socket->bytesToWrite() : c->out.size();
}

void SharerServer::send(Connection *c, QByteArray bytes, std::vector<NativeHandle> fds)
{
    if (c->socket) {
        Q_ASSERT(fds.empty()); // in band, resources travel as Handle frames
        c->socket->write(bytes);
        onWritable(c->key);
        return;
    }
    // Descriptors travel with the first byte of a reply: only one may carry them.
    Q_ASSERT(fds.empty() || c->outFds.empty());
    const bool idle = c->out.isEmpty();
    if (idle)
        c->out = std::move(bytes);
    else
        c->out.append(bytes);
    if (!fds.empty())
        c->outFds = std::move(fds);
    if (idle)
        onWritable(c->key);
}

void SharerServer::onWritable(qintptr key)
{
    auto it = m_connections.find(key);
    if (it == m_connections.end())
        return;
    Connection *c = it->second.get();
    if (c->socket) {
        // QLocalSocket writes from its own buffer; close once it is empty.
        if (c->state == Connection::State::Closing && c->socket->bytesToWrite() == 0)
            closeConnection(key);
        return;
    }
#ifdef Q_OS_WIN
    Q_UNREACHABLE(); // every connection is in band there
#else
    const int fd = c->fd;
    while (!c->out.isEmpty()) {
        const ssize_t n = platform::sendWithFds(fd, c->out.constData(), size_t(c->out.size()),
                                                c->outFds.data(), c->outFds.size());
        if (n < 0 && errno == EAGAIN) {
            if (!c->writeNotifier) {
                c->writeNotifier = new QSocketNotifier(qintptr(fd), QSocketNotifier::Write, this);
                connect(c->writeNotifier, &QSocketNotifier::activated, this,
                        [this, fd] { onWritable(fd); });
            }
            c->writeNotifier->setEnabled(true);
            return;
        }
        if (n < 0) {
            const QString why = qrs::tr("cannot send to pid %1: %2")
                                        .arg(c->peer.pid)
                                        .arg(systemErrorText(errno));
            closeConnection(key, c->state == Connection::State::AwaitingAck ? why : QString());
            return;
        }
        c->outFds.clear(); // they travelled with the first byte
        c->out.remove(0, n);
    }
    if (c->writeNotifier)
        c->writeNotifier->setEnabled(false);
    if (c->state == Connection::State::Closing)
        closeConnection(key);
#endif
}

void SharerServer::refuse(Connection *c, ErrorCode code, const QString &message, int keyIndex)
{
    Refusal refusal;
    refusal.code = code;
    refusal.keyIndex = quint16(keyIndex);
    refusal.message = message;
    c->state = Connection::State::Closing;
    send(c, encode(refusal), {});
}

void SharerServer::refuseAndClose(Connection *c, ErrorCode code, const QString &message)
{
    const qintptr key = c->key;
    refuse(c, code, message);
    // refuse() closes once the refusal is out; the rest of it is not waited for.
    closeConnection(key);
}

void SharerServer::closeConnection(qintptr key, const QString &transferFailure)
{
    auto it = m_connections.find(key);
    if (it == m_connections.end())
        return;
    std::unique_ptr<Connection> c = std::move(it->second);
    m_connections.erase(it);
    if (c->state == Connection::State::Watching && --m_watchers == 0)
        d->setWatchHub(nullptr);
    if (!c->reserved.isEmpty()) {
        qCInfo(lcSharer) << "transfer to pid" << c->peer.pid << "broke:" << transferFailure;
        d->release(c->reserved, c->serial,
                   transferFailure.isEmpty() ? qrs::tr("the transfer broke off") : transferFailure);
        scheduleExpiry(); // a TTL that passed during the transfer counts now
    }
    if (QLocalSocket *socket = c->socket) {
        // It may be the sender of the signal being handled: delete it later.
        socket->disconnect(this);
        socket->abort();
        socket->deleteLater();
        return;
    }
    // A notifier may be the sender of the signal being handled: disable it now;
    // keep it for the next connection, or delete it later.
    if (QSocketNotifier *n = c->readNotifier) {
        n->setEnabled(false);
        if (m_idleReadNotifiers.size() < MaxIdleNotifiers)
            m_idleReadNotifiers.push_back(n);
        else
            n->deleteLater();
    }
    if (QSocketNotifier *n = c->writeNotifier) {
        n->setEnabled(false);
        n->deleteLater();
    }
    d->trackServerFd(c->fd, false);
    platform::closeFd(c->fd);
}

void SharerServer::sweep()
{
    if (m_connections.empty()) {
        m_sweepTimer.stop();
        return;
    }
    std::vector<qintptr> late;
    for (const auto &[key, c] : m_connections) {
        if (c->deadline.hasExpired())
            late.push_back(key);
    }
    for (qintptr key : late) {
        Connection *c = m_connections.at(key).get();
        qCInfo(lcSharer) << "dropping connection" << c->serial << "from pid" << c->peer.pid
                         << "after" << d->connectionTimeoutMs() << "ms";
        if (c->state == Connection::State::AwaitingRequest) {
            refuseAndClose(c, ErrorCode::Timeout,
                           qrs::tr("no request within %1 ms").arg(d->connectionTimeoutMs()));
        } else {
            closeConnection(key,
                            qrs::tr("the receiver (pid %1) did not acknowledge within %2 ms")
                                    .arg(c->peer.pid)
                                    .arg(d->connectionTimeoutMs()));
        }
    }
}

} // namespace qrs
