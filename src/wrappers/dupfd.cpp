// SPDX-FileCopyrightText: 2026 QtResourceSharer contributors
//
// SPDX-License-Identifier: BSD-3-Clause

#include <qrs/detachjob.h>
#include <qrs/dupfd.h>

#include "dupfd_p.h"
#include "fdpassing.h"
#include "handles.h"
#include "invoke_p.h"
#include "logging_p.h"
#include "text_p.h"
#include "transfer_p.h"

#include <QCoreApplication>
#include <QMetaMethod>

#include <cerrno>

namespace qrs {

DupFd::DupFd(NativeHandle fd, QObject *parent)
    : DupFd(fd, RegisterOptions(), ResourceKind::Other, parent)
{ }

DupFd::DupFd(NativeHandle fd, const RegisterOptions &options, QObject *parent)
    : DupFd(fd, options, ResourceKind::Other, parent)
{ }

DupFd::DupFd(NativeHandle fd, const RegisterOptions &options, ResourceKind required,
             QObject *parent)
    : QObject(parent)
    , d_ptr(new DupFdPrivate(this))
{
    Q_D(DupFd);
    const NativeHandle dup = ResourceSharer::duplicate(fd);
    if (dup < 0) {
        d->error = errno == EMFILE || errno == ENFILE ? Error::DescriptorLimit
                : errno == EBADF                      ? Error::InvalidArgument
                                                      : Error::SystemError;
        d->errorString =
                qrs::tr("cannot duplicate descriptor %1: %2").arg(fd).arg(systemErrorText(errno));
        qCWarning(lcDupFd) << d->errorString;
        return;
    }
    ResourceSharer *sharer = ResourceSharer::instance();
    if (!sharer) {
        platform::closeHandle(dup);
        d->error = Error::SharerStopping;
        d->errorString = qrs::tr("the process is exiting: its sharer has stopped");
        return;
    }
    if (required == ResourceKind::Socket && !platform::isSocketHandle(dup)) {
        platform::closeHandle(dup);
        d->error = Error::WrongKind;
        d->errorString = qrs::tr("descriptor %1 is not a socket").arg(fd);
        qCWarning(lcDupFd) << d->errorString;
        return;
    }
    d->id = ResourceSharerPrivate::get(sharer)->registerResource(dup, options, d, &d->error,
                                                                 &d->errorString);
    if (!d->id.isValid())
        return;
    postTo(this, [this, id = d->id] { Q_EMIT registered(id); });
}

DupFd::~DupFd()
{
    Q_D(DupFd);
    ResourceSharer *sharer = ResourceSharer::instance();
    if (d->id.isValid() && !d->ended && sharer)
        ResourceSharerPrivate::get(sharer)->unsubscribe(d->id, d);
}

void DupFdPrivate::settled(const Cache::Outcome &outcome)
{
    using Event = Cache::Event;
    Q_Q(DupFd);
    const Event event = outcome.event;
    const qint64 pid = outcome.info.takenByPid;
    QMetaMethod signal;
    switch (event) {
    case Event::Transferred:
        detachedBy.store(pid);
        signal = QMetaMethod::fromSignal(&DupFd::detached);
        break;
    case Event::Expired:
        signal = QMetaMethod::fromSignal(&DupFd::expired);
        break;
    case Event::Revoked:
        signal = QMetaMethod::fromSignal(&DupFd::revoked);
        break;
    case Event::Registered:
    case Event::Reserved:
    case Event::Failed:
        return;
    }
    ended.store(true);
    // A queued call wakes the owner's thread: only for a signal someone listens to.
    if (!q->isSignalConnected(signal))
        return;
    postTo(q, [q, event, pid] {
        if (event == Event::Transferred)
            Q_EMIT q->detached(pid);
        else if (event == Event::Expired)
            Q_EMIT q->expired();
        else
            Q_EMIT q->revoked();
    });
}

bool DupFd::isValid() const
{
    Q_D(const DupFd);
    return d->id.isValid();
}

Error DupFd::error() const
{
    Q_D(const DupFd);
    return d->error;
}

QString DupFd::errorString() const
{
    Q_D(const DupFd);
    return d->errorString;
}

ResourceId DupFd::id() const
{
    Q_D(const DupFd);
    return d->id;
}

qint64 DupFd::detachedBy() const
{
    Q_D(const DupFd);
    return d->detachedBy;
}

bool DupFd::revoke()
{
    Q_D(DupFd);
    ResourceSharer *sharer = ResourceSharer::instance();
    return d->id.isValid() && sharer && sharer->revoke(d->id);
}

NativeHandle DupFd::detach(const ResourceId &id, int timeoutMs, QString *errorString)
{
    return detach(id, timeoutMs, nullptr, errorString);
}

NativeHandle DupFd::detach(const ResourceId &id, int timeoutMs, Error *error, QString *errorString)
{
    const QList<DetachedFd> received =
            DupFdPrivate::detach({id}, timeoutMs, error, errorString, false);
    return received.isEmpty() ? -1 : received.first().fd;
}

QList<DetachedFd> DupFd::detach(const QList<ResourceId> &ids, int timeoutMs, QString *errorString)
{
    return DupFdPrivate::detach(ids, timeoutMs, nullptr, errorString, false);
}

QList<DetachedFd> DupFd::detach(const QList<ResourceId> &ids, int timeoutMs, Error *error,
                                QString *errorString)
{
    return DupFdPrivate::detach(ids, timeoutMs, error, errorString, false);
}

QList<DetachedFd> DupFdPrivate::detach(const QList<ResourceId> &ids, int timeoutMs, Error *error,
                                       QString *errorString, bool socketsOnly)
{
    QString why;
    Error code = Error::InvalidId;
    QList<DetachedFd> received;
    const std::unique_ptr<client::Transfer> transfer = client::Transfer::forIds(ids, &why);
    if (transfer) {
        transfer->setSocketsOnly(socketsOnly);
        received = transfer->runBlocking(timeoutMs, &why, &code);
    }
    if (error)
        *error = received.isEmpty() ? code : Error::NoError;
    if (received.isEmpty() && errorString)
        *errorString = why;
    return received;
}

QList<DetachedFd> DupFd::detachFromSharers(const QList<ResourceId> &ids, int timeoutMs,
                                           QString *errorString)
{
    return client::detachFromSharers(ids, timeoutMs, errorString);
}

QList<DetachedFd> DupFd::detachFromSharers(const QList<ResourceId> &ids, int timeoutMs,
                                           Error *error, QString *errorString)
{
    Error code = Error::NoError;
    const QList<DetachedFd> received =
            client::detachFromSharers(ids, timeoutMs, errorString, false, &code);
    if (error)
        *error = code;
    return received;
}

DetachJob *DupFd::detachAsync(const ResourceId &id, int timeoutMs, QObject *parent)
{
    return new DetachJob({id}, timeoutMs, parent);
}

} // namespace qrs
