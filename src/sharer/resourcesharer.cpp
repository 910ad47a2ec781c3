// SPDX-FileCopyrightText: 2026 QtResourceSharer contributors
//
// SPDX-License-Identifier: BSD-3-Clause

#include "resourcesharer_p.h"

#include "common/invoke_p.h"
#include "common/logging_p.h"
#include "common/text_p.h"
#include "dupfd_p.h"
#include "platform/fdpassing.h"
#include "sharerplatform_p.h"
#include "sharerserver_p.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QMetaMethod>
#include <QThread>

#include <algorithm>
#include <mutex>

namespace qrs {

using namespace qrs::protocol;

namespace {

WireKind wireKind(ResourceKind kind)
{
    return WireKind(quint8(kind));
}

} // namespace

// ---------------------------------------------------------------- lifecycle

// Caller holds lifecycleMutex.
bool ResourceSharerPrivate::ensureStarted(QString *error)
{
    if (server)
        return true;

    QElapsedTimer coldStart;
    coldStart.start();
    QString path;
    if (!sharerplatform::newAddress(lastPath, &path, &directory, error))
        return false;

    auto *newThread = new QThread;
    newThread->setObjectName(QStringLiteral("qrs-sharer"));
    auto *newServer = new SharerServer(this);
    newServer->moveToThread(newThread);

    // Signals belong to the application's threads (as in Python's sharer).
    sharerplatform::startWithSignalsBlocked(newThread);

    bool ok = false;
    QString listenError;
    auto gone = std::make_shared<sharerplatform::ThreadGone>();
    runIn(newServer, [&] {
        sharerplatform::ThreadGone::arm(gone);
        ok = newServer->startListening(path, &listenError);
    });
    if (!ok) {
        runIn(newServer, [newServer] { delete newServer; });
        newThread->quit();
        newThread->wait();
        delete newThread;
        QDir().rmdir(directory);
        directory.clear();
        if (error)
            *error = listenError;
        return false;
    }
    thread = newThread;
    threadGone = gone;
    server = newServer;
    lastPath = path;
    {
        QMutexLocker lock(&mutex);
        m_address = path;
    }
    publishedFile = sharerplatform::publishAddress(path);
    qCInfo(lcSharer) << "sharer started at" << path << "in" << coldStart.nsecsElapsed() / 1000
                     << "us";
    Q_Q(ResourceSharer);
    postTo(q, [q, path] {
        Q_EMIT q->started(path);
        Q_EMIT q->runningChanged();
    });
    return true;
}

void ResourceSharerPrivate::setCourier(HandleCourier *c)
{
    QMutexLocker lifecycle(&lifecycleMutex);
    Q_ASSERT(!server); // the running server keeps the one it started with
    courier = c;
}

bool ResourceSharerPrivate::stop(int timeoutMs)
{
    QMutexLocker lifecycle(&lifecycleMutex);
    if (!server)
        return true;
    QDeadlineTimer deadline(qMax(0, timeoutMs));
    SharerServer *oldServer = std::exchange(server, nullptr);
    QThread *oldThread = std::exchange(thread, nullptr);
    const std::shared_ptr<sharerplatform::ThreadGone> gone = std::exchange(threadGone, nullptr);
    const QString oldDirectory = std::exchange(directory, QString());
    if (!publishedFile.isEmpty())
        QFile::remove(std::exchange(publishedFile, QString()));
    {
        QMutexLocker lock(&mutex);
        m_address.clear();
    }
    // The server never blocks on a client, so this finishes promptly; the
    // deadline only guards against the unforeseen.
    postTo(oldServer, [oldServer, oldDirectory] {
        oldServer->shutdown();
        delete oldServer;
        QDir().rmdir(oldDirectory);
        QThread::currentThread()->quit();
    });
    // Gone entirely: a process that exits right after stop() leaves nothing behind.
    const bool finished = oldThread->wait(deadline) && gone->wait(deadline);
    if (finished) {
        delete oldThread;
    } else {
        qCWarning(lcSharer) << "the sharer thread did not stop within" << timeoutMs
                            << "ms; it will finish on its own";
        QObject::connect(oldThread, &QThread::finished, oldThread, &QObject::deleteLater);
    }
    qCInfo(lcSharer) << "sharer stopped";
    Q_Q(ResourceSharer);
    postTo(q, [q] {
        Q_EMIT q->stopped();
        Q_EMIT q->runningChanged();
    });
    return finished;
}

// ---------------------------------------------------------------- cache

ResourceId ResourceSharerPrivate::registerResource(NativeHandle handle,
                                                   const RegisterOptions &options, DupFd *owner,
                                                   QString *error)
{
    const auto failed = [&](const QString &text) {
        sharerplatform::close(handle);
        if (error)
            *error = text;
        qCWarning(lcSharer) << "registration failed:" << text;
        return ResourceId();
    };
    if (!sharerplatform::isOpen(handle)) {
        if (error)
            *error = qrs::tr("descriptor %1 is not open").arg(handle);
        return {};
    }
    if (options.name.toUtf8().size() > MaxNameSize)
        return failed(qrs::tr("the name is longer than %1 bytes").arg(MaxNameSize));
    if (options.ttlMs < 0)
        return failed(qrs::tr("the TTL must not be negative"));

    Entry entry;
    entry.handle = handle;
    entry.owner = owner;
    entry.info.name = options.name;
    entry.info.registeringPid = QCoreApplication::applicationPid();
    entry.info.registeredAt = QDateTime::currentDateTimeUtc();
    sharerplatform::describeInto(handle, &entry.info);
    if (options.ttlMs > 0) {
        entry.expiryDeadline = QDeadlineTimer(options.ttlMs).deadline();
        entry.info.expiresAt = entry.info.registeredAt.addMSecs(options.ttlMs);
    }

    QMutexLocker lifecycle(&lifecycleMutex);
    QString startError;
    if (!ensureStarted(&startError))
        return failed(startError);
    Outcome registered;
    {
        QMutexLocker lock(&mutex);
        Key key;
        do {
            key = Key::generate();
        } while (m_entries.contains(key) || m_tombstones.contains(key));
        entry.info.id = ResourceId(m_address, key.toBytes());
        if (entry.expiryDeadline >= 0)
            m_expiries.insert(entry.expiryDeadline, key);
        count(Event::Registered, &entry.info);
        registered = Outcome{Event::Registered, entry.info, -1, {}};
        m_entries.insert(key, std::move(entry));
    }
    if (options.ttlMs > 0) {
        SharerServer *s = server;
        postTo(s, [s] { s->scheduleExpiry(); });
    }
    lifecycle.unlock();
    const ResourceId id = registered.info.id;
    qCDebug(lcSharer) << "registered" << registered.info.description << "as" << id.toString();
    publish({std::move(registered)});
    return id;
}

void ResourceSharerPrivate::forgetOwner(const ResourceId &id, DupFd *owner)
{
    if (id.key().size() != KeySize)
        return;
    QMutexLocker lock(&mutex);
    auto it = m_entries.find(Key::fromBytes(id.key()));
    if (it != m_entries.end() && it->owner == owner)
        it->owner = nullptr;
}

void ResourceSharerPrivate::notifyOwner(const Entry &entry, Event event, qint64 pid)
{
    if (entry.owner)
        DupFdPrivate::notify(entry.owner, event, pid);
}

ChangeKind ResourceSharerPrivate::changeKind(Event event)
{
    switch (event) {
    case Event::Registered:
        return ChangeKind::Registered;
    case Event::Reserved:
        return ChangeKind::InTransfer;
    case Event::Transferred:
        return ChangeKind::Taken;
    case Event::Expired:
        return ChangeKind::Expired;
    case Event::Revoked:
        return ChangeKind::Revoked;
    case Event::Failed:
        return ChangeKind::Failed;
    }
    Q_UNREACHABLE();
    return ChangeKind::Failed;
}

void ResourceSharerPrivate::count(Event event, ResourceInfo *info)
{
    info->revision = ++m_stats.revision;
    countChange(&m_stats, changeKind(event));
}

ResourceSharerPrivate::Outcome ResourceSharerPrivate::removeEntry(Entries::iterator it,
                                                                  ResourceState state, qint64 pid)
{
    Entry &e = it.value();
    const Event event = state == ResourceState::Taken ? Event::Transferred
            : state == ResourceState::Expired         ? Event::Expired
                                                      : Event::Revoked;
    notifyOwner(e, event, pid);
    if (e.expiryDeadline >= 0)
        m_expiries.remove(e.expiryDeadline, it.key());
    remember(it.key(), state);
    Outcome outcome{event, std::move(e.info), e.handle, {}};
    outcome.info.state = state;
    outcome.info.takenByPid = pid;
    m_entries.erase(it);
    count(event, &outcome.info);
    return outcome;
}

void ResourceSharerPrivate::remember(const Key &key, ResourceState state)
{
    m_tombstones.insert(key, state);
    m_tombstoneOrder.push_back(key);
    while (m_tombstoneOrder.size() > size_t(MaxTombstones)) {
        m_tombstones.remove(m_tombstoneOrder.front());
        m_tombstoneOrder.pop_front();
    }
}

namespace {
QMetaMethod signalOf(ResourceSharerPrivate::Event event)
{
    using Event = ResourceSharerPrivate::Event;
    switch (event) {
    case Event::Registered:
        return QMetaMethod::fromSignal(&ResourceSharer::resourceRegistered);
    case Event::Reserved:
        return QMetaMethod::fromSignal(&ResourceSharer::transferStarted);
    case Event::Transferred:
        return QMetaMethod::fromSignal(&ResourceSharer::resourceTransferred);
    case Event::Expired:
        return QMetaMethod::fromSignal(&ResourceSharer::resourceExpired);
    case Event::Revoked:
        return QMetaMethod::fromSignal(&ResourceSharer::resourceRevoked);
    case Event::Failed:
        break;
    }
    return QMetaMethod::fromSignal(&ResourceSharer::transferFailed);
}
} // namespace

void ResourceSharerPrivate::publish(QList<Outcome> outcomes)
{
    for (Outcome &o : outcomes) {
        sharerplatform::close(std::exchange(o.handleToClose, -1));
    }
    if (outcomes.isEmpty())
        return;
    if (m_watched.load(std::memory_order_acquire)) {
        QMutexLocker lock(&watchMutex);
        if (SharerServer *hub = m_watchHub) {
            postTo(hub, [hub, outcomes] { hub->broadcast(outcomes); });
        }
    }
    Q_Q(ResourceSharer);
    // A queued call wakes the main thread, once per handoff under load: only
    // when a signal of these outcomes has a receiver.
    if (std::none_of(outcomes.cbegin(), outcomes.cend(),
                     [q](const Outcome &o) { return q->isSignalConnected(signalOf(o.event)); }))
        return;
    // One queued call per batch: the signals arrive in the sharer's thread.
    postTo(q, [q, outcomes = std::move(outcomes)] {
        for (const Outcome &o : outcomes) {
            switch (o.event) {
            case Event::Registered:
                Q_EMIT q->resourceRegistered(o.info);
                break;
            case Event::Reserved:
                Q_EMIT q->transferStarted(o.info, o.info.takenByPid);
                break;
            case Event::Transferred:
                Q_EMIT q->resourceTransferred(o.info, o.info.takenByPid);
                break;
            case Event::Expired:
                Q_EMIT q->resourceExpired(o.info);
                break;
            case Event::Revoked:
                Q_EMIT q->resourceRevoked(o.info);
                break;
            case Event::Failed:
                Q_EMIT q->transferFailed(o.info, o.reason);
                break;
            }
        }
    });
}

bool ResourceSharerPrivate::reserve(const QList<Key> &keys, quint64 serial, qint64 pid,
                                    std::vector<NativeHandle> *handles,
                                    QList<ResourceHeader> *headers, ErrorCode *code, int *keyIndex,
                                    QString *message)
{
    QMutexLocker lock(&mutex);
    QVarLengthArray<Entry *, 8> found;
    for (int i = 0; i < keys.size(); ++i) {
        auto it = m_entries.find(keys.at(i));
        ErrorCode refusal = ErrorCode::None;
        if (it == m_entries.end()) {
            switch (m_tombstones.value(keys.at(i), ResourceState::Available)) {
            case ResourceState::Taken:
                refusal = ErrorCode::AlreadyTaken;
                break;
            case ResourceState::Expired:
                refusal = ErrorCode::Expired;
                break;
            case ResourceState::Revoked:
                refusal = ErrorCode::Revoked;
                break;
            default:
                refusal = ErrorCode::UnknownKey;
                break;
            }
        } else if (it->info.state == ResourceState::InTransfer) {
            refusal = ErrorCode::Busy;
        } else if (std::find(found.begin(), found.end(), &it.value()) != found.end()) {
            refusal = ErrorCode::Malformed; // the same key twice
        }
        if (refusal != ErrorCode::None) {
            *code = refusal;
            *keyIndex = i;
            *message = refusal == ErrorCode::Malformed ? qrs::tr("the request names a key twice")
                                                       : errorCodeText(refusal);
            return false;
        }
        found.append(&it.value());
    }
    handles->reserve(size_t(found.size()));
    headers->reserve(found.size());
    // The hot path of every handoff: copy the entries for an event only when
    // someone follows them.
    Q_Q(ResourceSharer);
    const bool followed = m_watched.load(std::memory_order_acquire)
            || q->isSignalConnected(signalOf(Event::Reserved));
    QList<Outcome> outcomes;
    for (Entry *e : found) {
        e->info.state = ResourceState::InTransfer;
        e->info.takenByPid = pid;
        e->holder = serial;
        handles->push_back(e->handle);
        headers->append(ResourceHeader{wireKind(e->info.kind), e->info.name});
        count(Event::Reserved, &e->info);
        if (followed)
            outcomes.append(Outcome{Event::Reserved, e->info, -1, {}});
    }
    lock.unlock();
    publish(std::move(outcomes));
    return true;
}

void ResourceSharerPrivate::commit(const QList<Key> &keys, quint64 serial, qint64 pid)
{
    QList<Outcome> outcomes;
    {
        QMutexLocker lock(&mutex);
        for (const Key &key : keys) {
            auto it = m_entries.find(key);
            if (it != m_entries.end() && it->holder == serial)
                outcomes.append(removeEntry(it, ResourceState::Taken, pid));
        }
    }
    publish(std::move(outcomes));
}

void ResourceSharerPrivate::release(const QList<Key> &keys, quint64 serial, const QString &reason)
{
    QList<Outcome> outcomes;
    {
        QMutexLocker lock(&mutex);
        const qint64 now = QDeadlineTimer::current().deadline();
        for (const Key &key : keys) {
            auto it = m_entries.find(key);
            if (it == m_entries.end() || it->holder != serial)
                continue;
            it->holder = 0;
            it->info.state = ResourceState::Available;
            // The failure names the receiver that failed; the entry no longer does.
            count(Event::Failed, &it->info);
            outcomes.append(Outcome{Event::Failed, it->info, -1, reason});
            it->info.takenByPid = 0;
            // What was asked for while the transfer ran happens now.
            if (it->revokePending)
                outcomes.append(removeEntry(it, ResourceState::Revoked));
            else if (it->expiryDeadline >= 0 && it->expiryDeadline <= now)
                outcomes.append(removeEntry(it, ResourceState::Expired));
        }
    }
    publish(std::move(outcomes));
}

void ResourceSharerPrivate::reportRefused(const QList<Key> &keys, const QString &reason)
{
    QList<Outcome> outcomes;
    {
        QMutexLocker lock(&mutex);
        for (const Key &key : keys) {
            auto it = m_entries.find(key);
            if (it == m_entries.end())
                continue;
            count(Event::Failed, &it->info);
            outcomes.append(Outcome{Event::Failed, it->info, -1, reason});
        }
    }
    publish(std::move(outcomes));
}

qint64 ResourceSharerPrivate::expireDue()
{
    QList<Outcome> outcomes;
    qint64 next = -1;
    {
        QMutexLocker lock(&mutex);
        const qint64 now = QDeadlineTimer::current().deadline();
        auto it = m_expiries.begin();
        while (it != m_expiries.end() && it.key() <= now) {
            auto entry = m_entries.find(it.value());
            ++it;
            if (entry == m_entries.end() || entry->info.state == ResourceState::InTransfer)
                continue; // in transfer: release() expires it if it comes back
            // removeEntry() erases this expiry; `it` already points past it.
            outcomes.append(removeEntry(entry, ResourceState::Expired));
        }
        if (it != m_expiries.end())
            next = it.key();
    }
    for (const Outcome &o : std::as_const(outcomes))
        qCInfo(lcSharer) << "expired" << o.info.description << o.info.id.toString();
    publish(std::move(outcomes));
    return next;
}

qint64 ResourceSharerPrivate::nextExpiry() const
{
    QMutexLocker lock(&mutex);
    // Entries in transfer stay in the map; skip past deadlines already handled.
    for (auto it = m_expiries.cbegin(); it != m_expiries.cend(); ++it) {
        auto entry = m_entries.constFind(it.value());
        if (entry != m_entries.cend() && entry->info.state != ResourceState::InTransfer)
            return it.key();
    }
    return -1;
}

void ResourceSharerPrivate::closeAll(const QString &address)
{
    QList<Outcome> outcomes;
    {
        QMutexLocker lock(&mutex);
        // Erasing from a QHash invalidates other iterators: pick the keys first.
        QList<Key> keys;
        for (auto it = m_entries.cbegin(); it != m_entries.cend(); ++it) {
            if (it->info.id.address() == address)
                keys.append(it.key());
        }
        for (const Key &key : std::as_const(keys))
            outcomes.append(removeEntry(m_entries.find(key), ResourceState::Revoked));
    }
    if (!outcomes.isEmpty())
        qCInfo(lcSharer) << "closed" << outcomes.size() << "cached resources";
    publish(std::move(outcomes));
}

int ResourceSharerPrivate::revokeKeys(const QList<Key> &keys)
{
    QList<Outcome> outcomes;
    int count = 0;
    {
        QMutexLocker lock(&mutex);
        for (const Key &key : keys) {
            auto it = m_entries.find(key);
            if (it == m_entries.end())
                continue;
            ++count;
            if (it->info.state == ResourceState::InTransfer)
                it->revokePending = true; // settled when the receiver answers
            else
                outcomes.append(removeEntry(it, ResourceState::Revoked));
        }
    }
    for (const Outcome &o : std::as_const(outcomes))
        qCDebug(lcSharer) << "revoked" << o.info.description << o.info.id.toString();
    publish(std::move(outcomes));
    return count;
}

QList<ResourceInfo> ResourceSharerPrivate::snapshot(SharerStatistics *statistics) const
{
    QMutexLocker lock(&mutex);
    QList<ResourceInfo> result;
    result.reserve(m_entries.size());
    for (const auto &e : m_entries)
        result.append(e.info);
    if (statistics)
        *statistics = m_stats;
    lock.unlock();
    // In the order of registration, which the revision of an unchanged entry
    // no longer tells: by time, then key.
    std::sort(result.begin(), result.end(), [](const ResourceInfo &a, const ResourceInfo &b) {
        return a.registeredAt != b.registeredAt ? a.registeredAt < b.registeredAt
                                                : a.id.key() < b.id.key();
    });
    return result;
}

QByteArray ResourceSharerPrivate::processStatus() const
{
    QMutexLocker lock(&mutex);
    return m_processStatus;
}

void ResourceSharerPrivate::setProcessStatus(const QByteArray &json)
{
    {
        QMutexLocker lock(&mutex);
        m_processStatus = json;
    }
    if (m_watched.load(std::memory_order_acquire)) {
        QMutexLocker lock(&watchMutex);
        if (SharerServer *hub = m_watchHub)
            postTo(hub, [hub, json] { hub->broadcastStatus(json); });
    }
}

void ResourceSharerPrivate::setWatchHub(SharerServer *hub)
{
    QMutexLocker lock(&watchMutex);
    m_watchHub = hub;
    m_watched.store(hub != nullptr, std::memory_order_release);
}

void ResourceSharerPrivate::trackServerFd(int fd, bool open)
{
    QMutexLocker lock(&mutex);
    if (open)
        m_serverFds.insert(fd);
    else
        m_serverFds.remove(fd);
}

bool ResourceSharerPrivate::isUidAllowed(uint uid) const
{
    if (uid == sharerplatform::effectiveUid())
        return true;
    QMutexLocker lock(&mutex);
    return m_allowedUids.contains(uid);
}

int ResourceSharerPrivate::connectionTimeoutMs() const
{
    QMutexLocker lock(&mutex);
    return m_connectionTimeoutMs;
}

// ---------------------------------------------------------------- fork

void ResourceSharerPrivate::lockForFork()
{
    lifecycleMutex.lock();
    mutex.lock();
}

void ResourceSharerPrivate::unlockForFork()
{
    mutex.unlock();
    lifecycleMutex.unlock();
}

// In the child of fork(): only the forking thread exists. Close the child's
// copies of everything the parent's server holds and forget that server; never
// touch its thread or objects (they belong to the parent). The child's next
// registration starts the child's own server.
void ResourceSharerPrivate::resetInChild()
{
    for (const Entry &e : std::as_const(m_entries))
        sharerplatform::close(e.handle);
    for (int fd : std::as_const(m_serverFds))
        sharerplatform::close(fd);
    m_entries.clear();
    m_serverFds.clear();
    m_expiries.clear();
    m_tombstones.clear();
    m_tombstoneOrder.clear();
    m_address.clear();
    m_stats = {};
    m_watchHub = nullptr;
    m_watched = false;
    // Leaked on purpose: deleting a QThread whose thread is gone would abort.
    thread = nullptr;
    threadGone.reset();
    server = nullptr;
    directory.clear();
    lastPath.clear();
    publishedFile.clear(); // the parent's, not ours to remove
}

// ---------------------------------------------------------------- public API

struct ResourceSharerHolder
{
    ResourceSharer *sharer = new ResourceSharer;
    ~ResourceSharerHolder()
    {
        // Process exit: stop promptly, leave no socket behind.
        sharer->stop(1000);
        delete sharer;
    }
};
Q_GLOBAL_STATIC(ResourceSharerHolder, s_holder)

namespace {
void forkPrepare()
{
    ResourceSharerPrivate::get(s_holder()->sharer)->lockForFork();
}
void forkParent()
{
    ResourceSharerPrivate::get(s_holder()->sharer)->unlockForFork();
}
void forkChild()
{
    ResourceSharerPrivate *d = ResourceSharerPrivate::get(s_holder()->sharer);
    d->resetInChild();
    d->unlockForFork();
}
void stopAtApplicationExit()
{
    if (s_holder.exists())
        s_holder()->sharer->stop(1000);
}
} // namespace

ResourceSharer *ResourceSharer::instance()
{
    if (s_holder.isDestroyed())
        return nullptr; // during static destruction, after the sharer stopped
    static std::once_flag once;
    ResourceSharer *sharer = s_holder()->sharer;
    std::call_once(once, [] {
        sharerplatform::installForkHandlers(forkPrepare, forkParent, forkChild);
        qAddPostRoutine(stopAtApplicationExit);
    });
    return sharer;
}

ResourceSharer::ResourceSharer()
    : d_ptr(new ResourceSharerPrivate(this))
{
    qRegisterMetaType<ResourceInfo>();
    qRegisterMetaType<ResourceId>();
    if (QCoreApplication *app = QCoreApplication::instance())
        moveToThread(app->thread());
}

ResourceSharer::~ResourceSharer() = default;

ResourceId ResourceSharer::registerResource(NativeHandle handle, const RegisterOptions &options,
                                            QString *error)
{
    Q_D(ResourceSharer);
    return d->registerResource(handle, options, nullptr, error);
}

bool ResourceSharer::revoke(const ResourceId &id)
{
    Q_D(ResourceSharer);
    if (!id.isValid() || id.address() != address())
        return false;
    return d->revokeKeys({Key::fromBytes(id.key())}) > 0;
}

bool ResourceSharer::stop(int timeoutMs)
{
    Q_D(ResourceSharer);
    return d->stop(timeoutMs);
}

bool ResourceSharer::setProcessStatus(const QJsonObject &status, QString *error)
{
    Q_D(ResourceSharer);
    const QByteArray json = QJsonDocument(status).toJson(QJsonDocument::Compact);
    if (json.size() > protocol::MaxStatusSize) {
        if (error)
            *error = qrs::tr("a process status of %1 bytes is over the limit of %2")
                             .arg(json.size())
                             .arg(protocol::MaxStatusSize);
        return false;
    }
    {
        QMutexLocker lifecycle(&d->lifecycleMutex);
        QString startError;
        if (!d->ensureStarted(&startError)) {
            if (error)
                *error = startError;
            return false;
        }
    }
    d->setProcessStatus(json);
    if (isSignalConnected(QMetaMethod::fromSignal(&ResourceSharer::processStatusChanged)))
        postTo(this, [this, status] { Q_EMIT processStatusChanged(status); });
    return true;
}

QJsonObject ResourceSharer::processStatus() const
{
    Q_D(const ResourceSharer);
    return QJsonDocument::fromJson(d->processStatus()).object();
}

QList<ResourceInfo> ResourceSharer::snapshot(SharerStatistics *statistics) const
{
    Q_D(const ResourceSharer);
    return d->snapshot(statistics);
}

SharerStatistics ResourceSharer::statistics() const
{
    Q_D(const ResourceSharer);
    QMutexLocker lock(&d->mutex);
    return d->m_stats;
}

int ResourceSharer::count() const
{
    Q_D(const ResourceSharer);
    QMutexLocker lock(&d->mutex);
    return int(d->m_entries.size());
}

bool ResourceSharer::isRunning() const
{
    return !address().isEmpty();
}

QString ResourceSharer::address() const
{
    Q_D(const ResourceSharer);
    QMutexLocker lock(&d->mutex);
    return d->m_address;
}

void ResourceSharer::setAllowedUids(const QList<uint> &uids)
{
    Q_D(ResourceSharer);
    QMutexLocker lock(&d->mutex);
    d->m_allowedUids = uids;
}

QList<uint> ResourceSharer::allowedUids() const
{
    Q_D(const ResourceSharer);
    QMutexLocker lock(&d->mutex);
    return d->m_allowedUids;
}

void ResourceSharer::setConnectionTimeout(int ms)
{
    Q_D(ResourceSharer);
    QMutexLocker lock(&d->mutex);
    d->m_connectionTimeoutMs = qMax(1, ms);
}

int ResourceSharer::connectionTimeout() const
{
    Q_D(const ResourceSharer);
    return d->connectionTimeoutMs();
}

NativeHandle ResourceSharer::duplicate(NativeHandle handle)
{
    return sharerplatform::duplicate(handle);
}

QString ResourceSharer::addressOfProcess(qint64 pid, QString *error)
{
    return sharerplatform::addressOfProcess(pid, error);
}

} // namespace qrs
