// SPDX-FileCopyrightText: 2026 QtResourceSharer contributors
//
// SPDX-License-Identifier: BSD-3-Clause

#include <qrs/detachjob.h>

#include "invoke_p.h"
#include "logging_p.h"
#include "text_p.h"
#include "transfer_p.h"

#include <QMetaMethod>
#include <QTimer>

#include <memory>

namespace qrs {

using client::Transfer;

class DetachJobPrivate
{
public:
    explicit DetachJobPrivate(DetachJob *q)
        : q_ptr(q)
    { }

    // The job's thread, from its event loop.
    void start();
    void drive(Transfer::Step step);
    // Error::NoError: done.
    void finish(Error code, const QString &why);

    DetachJob *const q_ptr;
    Q_DECLARE_PUBLIC(DetachJob)
    QList<ResourceId> ids;
    int timeoutMs = 0;
    std::unique_ptr<Transfer> transfer;
    QTimer deadline;
    QList<DetachedFd> results;
    QString error;
    Error code = Error::NoError;
    bool autoDelete = true;
    bool finished = false;
};

DetachJob::DetachJob(const QList<ResourceId> &ids, int timeoutMs, QObject *parent)
    : QObject(parent)
    , d_ptr(new DetachJobPrivate(this))
{
    Q_D(DetachJob);
    d->ids = ids;
    d->timeoutMs = timeoutMs;
    // Start from the event loop, so that the caller can connect first.
    postTo(this, [d] { d->start(); });
}

DetachJob::~DetachJob()
{
    Q_D(DetachJob);
    for (const DetachedFd &r : std::as_const(d->results))
        d->transfer->discard(r);
}

void DetachJob::setAutoDelete(bool autoDelete)
{
    Q_D(DetachJob);
    d->autoDelete = autoDelete;
}

bool DetachJob::isFinished() const
{
    Q_D(const DetachJob);
    return d->finished;
}

QList<DetachedFd> DetachJob::takeResults()
{
    Q_D(DetachJob);
    return std::exchange(d->results, {});
}

Error DetachJob::error() const
{
    Q_D(const DetachJob);
    return d->code;
}

QString DetachJob::errorString() const
{
    Q_D(const DetachJob);
    return d->error;
}

void DetachJobPrivate::start()
{
    QString why;
    transfer = Transfer::forIds(ids, &why);
    if (!transfer)
        return finish(Error::InvalidId, why);
    Q_Q(DetachJob);
    deadline.setSingleShot(true);
    QObject::connect(&deadline, &QTimer::timeout, q, [this] {
        finish(Error::Timeout,
               qrs::tr("timed out after %1 ms waiting for the sharer at %2")
                       .arg(timeoutMs)
                       .arg(ids.first().address()));
    });
    if (timeoutMs >= 0)
        deadline.start(timeoutMs);
    drive(transfer->start());
}

void DetachJobPrivate::drive(Transfer::Step step)
{
    if (finished)
        return;
    switch (step) {
    case Transfer::Step::WantRead:
    case Transfer::Step::WantWrite:
    case Transfer::Step::RetryConnect: {
        Q_Q(DetachJob);
        transfer->watch(step, q, [this] { drive(transfer->resume()); });
        return;
    }
    case Transfer::Step::Done:
        results = transfer->takeResults();
        return finish(Error::NoError, {});
    case Transfer::Step::Failed:
        return finish(transfer->error(), transfer->errorString());
    }
}

void DetachJobPrivate::finish(Error failure, const QString &why)
{
    Q_Q(DetachJob);
    if (finished)
        return;
    finished = true;
    deadline.stop();
    if (transfer)
        transfer->abort(); // an unfinished transfer is abandoned unacknowledged
    error = why;
    code = failure;
    if (failure != Error::NoError) {
        qCDebug(lcClient) << "asynchronous detach failed:" << failure << why;
        Q_EMIT q->detachFailed(failure, why);
    } else if (q->isSignalConnected(QMetaMethod::fromSignal(&DetachJob::detached))) {
        // Receivers of detached() own the descriptors.
        const QList<DetachedFd> received = std::exchange(results, {});
        for (const DetachedFd &r : received)
            Q_EMIT q->detached(r.fd);
    }
    Q_EMIT q->finished();
    if (autoDelete)
        q->deleteLater();
}

} // namespace qrs
