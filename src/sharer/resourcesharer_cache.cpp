// SPDX-FileCopyrightText: 2026 QtResourceSharer contributors
//
// SPDX-License-Identifier: BSD-3-Clause

// ResourceSharerPrivate and the cache: registration, acting on the cache's
// outcomes (closing, telling subscribers, signals, watchers), the settings.
// Lifecycle, fork handling and the public class are in resourcesharer.cpp.

#include "resourcesharer_p.h"

#include "handles.h"
#include "invoke_p.h"
#include "logging_p.h"
#include "sharerplatform_p.h"
#include "sharerserver_p.h"
#include "text_p.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QMetaMethod>

#include <algorithm>
#include <cerrno>

namespace qrs {

using namespace qrs::protocol;

ResourceId ResourceSharerPrivate::registerResource(NativeHandle handle,
                                                   const RegisterOptions &options,
                                                   CacheSubscriber *subscriber, Error *code,
                                                   QString *error)
{
    const auto failed = [&](Error failure, const QString &text) {
        platform::closeHandle(handle);
        if (code)
            *code = failure;
        if (error)
            *error = text;
        qCWarning(lcSharer) << "registration failed:" << text;
        return ResourceId();
    };
    if (code)
        *code = Error::NoError;
    if (!platform::isOpenHandle(handle)) {
        if (code)
            *code = Error::InvalidArgument;
        if (error)
            *error = qrs::tr("descriptor %1 is not open").arg(handle);
        return {};
    }
    if (options.name.toUtf8().size() > MaxNameSize)
        return failed(Error::TooLarge,
                      qrs::tr("the name is longer than %1 bytes").arg(MaxNameSize));
    if (options.ttlMs < 0)
        return failed(Error::InvalidArgument, qrs::tr("the TTL must not be negative"));
    const bool namesUsers = !options.allowedUids.isEmpty() || !options.allowedGids.isEmpty();
    if (options.boundPid < RegisterOptions::BoundLater)
        return failed(Error::InvalidArgument,
                      qrs::tr("%1 is not a process id").arg(options.boundPid));
    if (namesUsers && !sharerplatform::HasDoor)
        return failed(Error::InvalidArgument,
                      qrs::tr("this platform has no users or groups to name"));
    if (options.boundPid != 0 && namesUsers)
        return failed(Error::InvalidArgument,
                      qrs::tr("a resource bound to one process may not name users or groups "
                              "besides"));
    if (options.allowedUids.size() + options.allowedGids.size() > MaxRuleIds)
        return failed(Error::TooLarge,
                      qrs::tr("a rule names at most %1 users and groups").arg(MaxRuleIds));
    platform::ProcessBinding process;
    if (options.boundPid > 0) {
        process = platform::ProcessBinding::open(options.boundPid);
        if (!process.isValid())
            return failed(errno == ESRCH ? Error::InvalidArgument : Error::SystemError,
                          qrs::tr("cannot bind the resource to pid %1: %2")
                                  .arg(options.boundPid)
                                  .arg(systemErrorText(errno)));
    }

    ResourceInfo info;
    info.name = options.name;
    info.registeringPid = QCoreApplication::applicationPid();
    info.registeredAt = QDateTime::currentDateTimeUtc();
    info.allowedUids = options.allowedUids;
    info.allowedGids = options.allowedGids;
    info.boundPid = options.boundPid;
    sharerplatform::describeInto(handle, &info);
    qint64 expiryDeadline = -1;
    if (options.ttlMs > 0) {
        expiryDeadline = QDeadlineTimer(options.ttlMs).deadline();
        info.expiresAt = info.registeredAt.addMSecs(options.ttlMs);
    }

    QMutexLocker lifecycle(&lifecycleMutex);
    QString startError;
    if (!ensureStarted(&startError))
        return failed(Error::SystemError, startError);
    QString address;
    bool othersAllowed;
    {
        QMutexLocker lock(&mutex);
        address = m_address;
        othersAllowed = !m_allowedUids.isEmpty();
    }
    // A resource for other users (or for a process that may become one) names
    // the door they can reach.
    if (sharerplatform::HasDoor && (namesUsers || options.boundPid != 0 || othersAllowed)
        && !ensureDoor(&address, &startError))
        return failed(Error::SystemError, startError);
    Outcome registered;
    if (subscriber) {
        // Subscribed before any outcome of the key can be published.
        registered = m_subscriptions.subscribeWhile(subscriber, [&] {
            return cache.insert(handle, std::move(info), expiryDeadline, address,
                                std::move(process));
        });
    } else {
        registered =
                cache.insert(handle, std::move(info), expiryDeadline, address, std::move(process));
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

bool ResourceSharerPrivate::bindToProcess(const QList<Key> &keys, qint64 pid, Error *code,
                                          QString *error)
{
    const auto fail = [&](Error failure, const QString &text) {
        if (code)
            *code = failure;
        if (error)
            *error = text;
        qCWarning(lcSharer).noquote() << text;
        return false;
    };
    auto process = std::make_shared<platform::ProcessBinding>(platform::ProcessBinding::open(pid));
    if (!process->isValid())
        return fail(errno == ESRCH ? Error::NotFound : Error::SystemError,
                    qrs::tr("cannot bind to pid %1: %2").arg(pid).arg(systemErrorText(errno)));
    if (cache.bind(keys, process) != keys.size())
        return fail(Error::NotFound,
                    qrs::tr("not every resource is in this sharer and waiting for its process"));
    if (code)
        *code = Error::NoError;
    QMutexLocker lifecycle(&lifecycleMutex);
    if (SharerServer *s = server)
        postTo(s, [s] { s->retryParked(); });
    return true;
}

void ResourceSharerPrivate::unsubscribe(const ResourceId &id, CacheSubscriber *subscriber)
{
    if (id.key().size() != KeySize)
        return;
    m_subscriptions.unsubscribe(Key::fromBytes(id.key()), subscriber);
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
    if (settled)
        m_subscriptions.settle(outcomes);
    watchHub.broadcast(outcomes);
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

bool ResourceSharerPrivate::reserve(const QList<Key> &keys, quint64 serial,
                                    const Cache::Taker &taker, std::vector<NativeHandle> *handles,
                                    QList<ResourceHeader> *headers, ErrorCode *code, int *keyIndex,
                                    QString *message)
{
    Q_Q(ResourceSharer);
    const bool followed = watchHub.isWatched() || q->isSignalConnected(signalOf(Event::Reserved));
    Cache::Outcomes outcomes;
    if (!cache.reserve(keys, serial, taker, followed, handles, headers, code, keyIndex, message,
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
    watchHub.broadcastStatus(json);
}

void ResourceSharerPrivate::deliverReply(SharerServer *s, quint64 serial, const QByteArray &json)
{
    QMutexLocker lifecycle(&lifecycleMutex);
    if (server == s)
        postTo(s, [s, serial, json] { s->sendReply(serial, json); });
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

} // namespace qrs
