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
        if (!directory.isEmpty()) // none on Windows: a pipe name is no file
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

bool ResourceSharerPrivate::ensureDoor(QString *address, QString *error)
{
    {
        QMutexLocker lock(&mutex);
        if (!m_doorAddress.isEmpty()) {
            *address = m_doorAddress;
            return true;
        }
    }
    QString path;
    if (!sharerplatform::newDoorAddress(&path, &doorDirectory, error))
        return false;
    bool ok = false;
    SharerServer *s = server;
    runIn(s, [&] { ok = s->openDoor(path, error); });
    if (!ok) {
        QDir().rmdir(std::exchange(doorDirectory, QString()));
        return false;
    }
    qCInfo(lcSharer) << "other users named by a rule reach the sharer at" << path;
    QMutexLocker lock(&mutex);
    m_doorAddress = path;
    *address = path;
    return true;
}

bool ResourceSharerPrivate::isOwnAddress(const QString &address) const
{
    QMutexLocker lock(&mutex);
    return !address.isEmpty() && (address == m_address || address == m_doorAddress);
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
    const QString oldDoorDirectory = std::exchange(doorDirectory, QString());
    if (!publishedFile.isEmpty())
        QFile::remove(std::exchange(publishedFile, QString()));
    {
        QMutexLocker lock(&mutex);
        m_address.clear();
        m_doorAddress.clear();
    }
    // The server never blocks on a client, so this finishes promptly; the
    // deadline only guards against the unforeseen.
    postTo(oldServer, [oldServer, oldDirectory, oldDoorDirectory] {
        oldServer->shutdown();
        delete oldServer;
        for (const QString &dir : {oldDirectory, oldDoorDirectory}) {
            if (!dir.isEmpty())
                QDir().rmdir(dir);
        }
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

// ---------------------------------------------------------------- fork

void ResourceSharerPrivate::lockForFork()
{
    lifecycleMutex.lock();
    mutex.lock();
    m_subscriptions.lockForFork();
    cache.lock();
}

void ResourceSharerPrivate::unlockForFork()
{
    cache.unlock();
    m_subscriptions.unlockForFork();
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
    m_subscriptions.resetInChild(); // the parent's objects; the child hears nothing of them
    m_address.clear();
    m_doorAddress.clear();
    watchHub.resetInChild();
    // Leaked on purpose: deleting a QThread whose thread is gone would abort.
    thread = nullptr;
    threadGone.reset();
    server = nullptr;
    directory.clear();
    doorDirectory.clear();
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
                                            QString *errorString)
{
    return registerResource(handle, options, nullptr, errorString);
}

ResourceId ResourceSharer::registerResource(NativeHandle handle, const RegisterOptions &options,
                                            Error *error, QString *errorString)
{
    Q_D(ResourceSharer);
    return d->registerResource(handle, options, nullptr, error, errorString);
}

bool ResourceSharer::revoke(const ResourceId &id)
{
    Q_D(ResourceSharer);
    if (!id.isValid() || !d->isOwnAddress(id.address()))
        return false;
    return d->revokeKeys({Key::fromBytes(id.key())}) > 0;
}

bool ResourceSharer::bindToProcess(const QList<ResourceId> &ids, qint64 pid, Error *error,
                                   QString *errorString)
{
    Q_D(ResourceSharer);
    QList<Key> keys;
    for (const ResourceId &id : ids) {
        if (!id.isValid() || !d->isOwnAddress(id.address())) {
            if (error)
                *error = Error::NotFound;
            if (errorString)
                *errorString = qrs::tr("%1 is not a resource of this sharer").arg(id.toString());
            return false;
        }
        keys.append(Key::fromBytes(id.key()));
    }
    return d->bindToProcess(keys, pid, error, errorString);
}

bool ResourceSharer::stop(int timeoutMs)
{
    Q_D(ResourceSharer);
    return d->stop(timeoutMs);
}

bool ResourceSharer::setProcessStatus(const QJsonObject &status, QString *errorString)
{
    return setProcessStatus(status, nullptr, errorString);
}

bool ResourceSharer::setProcessStatus(const QJsonObject &status, Error *error, QString *errorString)
{
    Q_D(ResourceSharer);
    if (error)
        *error = Error::NoError;
    const QByteArray json = QJsonDocument(status).toJson(QJsonDocument::Compact);
    if (json.size() > protocol::MaxStatusSize) {
        if (error)
            *error = Error::TooLarge;
        if (errorString)
            *errorString = qrs::tr("a process status of %1 bytes is over the limit of %2")
                                   .arg(json.size())
                                   .arg(protocol::MaxStatusSize);
        return false;
    }
    {
        QMutexLocker lifecycle(&d->lifecycleMutex);
        QString startError;
        if (!d->ensureStarted(&startError)) {
            if (error)
                *error = Error::SystemError;
            if (errorString)
                *errorString = startError;
            return false;
        }
    }
    d->setProcessStatus(json);
    if (isSignalConnected(QMetaMethod::fromSignal(&ResourceSharer::processStatusChanged)))
        postTo(this, [this, status] { Q_EMIT processStatusChanged(status); });
    return true;
}

void ResourceSharer::setCommandHandler(QObject *context, CommandHandler handler)
{
    d_func()->commands.setHandler(context, std::move(handler));
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

QString ResourceSharer::addressOfProcess(qint64 pid, QString *errorString)
{
    return sharerplatform::addressOfProcess(pid, nullptr, errorString);
}

QString ResourceSharer::addressOfProcess(qint64 pid, Error *error, QString *errorString)
{
    return sharerplatform::addressOfProcess(pid, error, errorString);
}

} // namespace qrs
