// SPDX-FileCopyrightText: 2026 QtResourceSharer contributors
//
// SPDX-License-Identifier: BSD-3-Clause

#include "resourcesharer_p.h"

#include "fdpassing.h"
#include "invoke_p.h"
#include "logging_p.h"
#include "sharerplatform_p.h"
#include "sharerserver_p.h"
#include "text_p.h"

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
                                                   const RegisterOptions &options,
                                                   CacheSubscriber *subscriber, QString *error)
{
    const auto failed = [&](const QString &text) {
        platform::closeHandle(handle);
        if (error)
            *error = text;
        qCWarning(lcSharer) << "registration failed:" << text;
        return ResourceId();
    };
    if (!platform::isOpenHandle(handle)) {
        if (error)
            *error = qrs::tr("descriptor %1 is not open").arg(handle);
        return {};
    }
    if (options.name.toUtf8().size() > MaxNameSize)
        return failed(qrs::tr("the name is longer than %1 bytes").arg(MaxNameSize));
    if (options.ttlMs < 0)
        return failed(qrs::tr("the TTL must not be negative"));

    ResourceInfo info;
    info.name = options.name;
    info.registeringPid = QCoreApplication::applicationPid();
    info.registeredAt = QDateTime::currentDateTimeUtc();
    sharerplatform::describeInto(handle, &info);
    qint64 expiryDeadline = -1;
    if (options.ttlMs > 0) {
        expiryDeadline = QDeadlineTimer(options.ttlMs).deadline();
        info.expiresAt = info.registeredAt.addMSecs(options.ttlMs);
    }

    QMutexLocker lifecycle(&lifecycleMutex);
    QString startError;
    if (!ensureStarted(&startError))
        return failed(startError);
    QString address;
    {
        QMutexLocker lock(&mutex);
        address = m_address;
    }
    Outcome registered;
    if (subscriber) {
        // Subscribed before any outcome of the key can be published.
        QMutexLocker subscriptions(&subscriptionMutex);
        registered = cache.insert(handle, std::move(info), expiryDeadline, address);
        m_subscribers.insert(registered.key, subscriber);
    } else {
        registered = cache.insert(handle, std::move(info), expiryDeadline, address);
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

void ResourceSharerPrivate::unsubscribe(const ResourceId &id, CacheSubscriber *subscriber)
{
    if (id.key().size() != KeySize)
        return;
    QMutexLocker lock(&subscriptionMutex);
    auto it = m_subscribers.find(Key::fromBytes(id.key()));
    if (it != m_subscribers.end() && it.value() == subscriber)
        m_subscribers.erase(it);
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
    if (outcomes.isEmpty())
        return;
    bool settled = false;
    for (Outcome &o : outcomes) {
        platform::closeHandle(std::exchange(o.handleToClose, -1));
        settled = settled || o.isFinal();
    }
    if (settled) {
        QMutexLocker lock(&subscriptionMutex);
        for (const Outcome &o : std::as_const(outcomes)) {
            if (!o.isFinal() || m_subscribers.isEmpty())
                continue;
            if (CacheSubscriber *subscriber = m_subscribers.take(o.key))
                subscriber->settled(o);
        }
    }
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
    Q_Q(ResourceSharer);
    const bool followed = m_watched.load(std::memory_order_acquire)
            || q->isSignalConnected(signalOf(Event::Reserved));
    Cache::Outcomes outcomes;
    if (!cache.reserve(keys, serial, pid, followed, handles, headers, code, keyIndex, message,
                       &outcomes))
        return false;
    publish(std::move(outcomes));
    return true;
}

void ResourceSharerPrivate::commit(const QList<Key> &keys, quint64 serial, qint64 pid)
{
    publish(cache.commit(keys, serial, pid));
}

void ResourceSharerPrivate::release(const QList<Key> &keys, quint64 serial, const QString &reason)
{
    publish(cache.release(keys, serial, reason, QDeadlineTimer::current().deadline()));
}

void ResourceSharerPrivate::reportRefused(const QList<Key> &keys, const QString &reason)
{
    publish(cache.refused(keys, reason));
}

qint64 ResourceSharerPrivate::expireDue()
{
    qint64 next = -1;
    const Cache::Outcomes outcomes = cache.expireDue(QDeadlineTimer::current().deadline(), &next);
    for (const Outcome &o : outcomes)
        qCInfo(lcSharer) << "expired" << o.info.description << o.info.id.toString();
    publish(outcomes);
    return next;
}

void ResourceSharerPrivate::closeAll(const QString &address)
{
    const Cache::Outcomes outcomes = cache.revokeAll(address);
    if (!outcomes.isEmpty())
        qCInfo(lcSharer) << "closed" << outcomes.size() << "cached resources";
    publish(outcomes);
}

int ResourceSharerPrivate::revokeKeys(const QList<Key> &keys)
{
    int found = 0;
    const Cache::Outcomes outcomes = cache.revoke(keys, &found);
    for (const Outcome &o : outcomes)
        qCDebug(lcSharer) << "revoked" << o.info.description << o.info.id.toString();
    publish(outcomes);
    return found;
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
    subscriptionMutex.lock();
    cache.lock();
}

void ResourceSharerPrivate::unlockForFork()
{
    cache.unlock();
    subscriptionMutex.unlock();
    mutex.unlock();
    lifecycleMutex.unlock();
}

// In the child of fork(): only the forking thread exists. Close the child's
// copies of everything the parent's server holds and forget that server; never
// touch its thread or objects (they belong to the parent). The child's next
// registration starts the child's own server.
void ResourceSharerPrivate::resetInChild()
{
    for (NativeHandle handle : cache.clearInChild())
        platform::closeHandle(handle);
    for (int fd : std::as_const(m_serverFds))
        platform::closeHandle(fd);
    m_serverFds.clear();
    m_subscribers.clear(); // the parent's objects; the child hears nothing of them
    m_address.clear();
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
    return d->cache.snapshot(statistics);
}

SharerStatistics ResourceSharer::statistics() const
{
    Q_D(const ResourceSharer);
    return d->cache.statistics();
}

int ResourceSharer::count() const
{
    Q_D(const ResourceSharer);
    return d->cache.count();
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
    return NativeHandle(platform::duplicateHandle(handle));
}

QString ResourceSharer::addressOfProcess(qint64 pid, QString *error)
{
    return sharerplatform::addressOfProcess(pid, error);
}

} // namespace qrs
