// SPDX-FileCopyrightText: 2026 QtResourceSharer contributors
//
// SPDX-License-Identifier: BSD-3-Clause

#include <qrs/detachjob.h>

#include "common/invoke_p.h"
#include "common/logging_p.h"
#include "common/text_p.h"
#include "inband_p.h"
#include "roundtrip_p.h"
#include "sharer/sharerplatform_p.h"
#include "transfer_p.h"

#include <QCoreApplication>
#include <QLocalSocket>
#include <QMetaMethod>
#include <QSocketNotifier>
#include <QTimer>

#include <memory>

namespace qrs {

#ifndef Q_OS_WIN
using client::Transfer;
#endif

class DetachJobPrivate
{
public:
    explicit DetachJobPrivate(DetachJob *q)
        : q_ptr(q)
    { }

    // The job's thread, from its event loop.
    void start();
    // In band (Windows, or a test's courier): a QLocalSocket on this event loop.
    void startInBand(HandleCourier *courier, const QString &address,
                     const QList<protocol::Key> &keys);
    void readInBand();
    void finish(const QString &error);
#ifndef Q_OS_WIN
    // With descriptor passing: Transfer, driven by socket notifiers.
    void startTransfer();
    void drive(Transfer::Step step);
    QSocketNotifier *notifier(QSocketNotifier::Type type);
#endif

    DetachJob *const q_ptr;
    Q_DECLARE_PUBLIC(DetachJob)
    QList<ResourceId> ids;
    int timeoutMs = 0;
#ifndef Q_OS_WIN
    std::unique_ptr<Transfer> transfer;
    std::unique_ptr<QSocketNotifier> readNotifier;
    std::unique_ptr<QSocketNotifier> writeNotifier;
    QTimer retry;
#endif
    std::unique_ptr<QLocalSocket> socket;
    std::unique_ptr<client::InBandReceiver> inBand;
    protocol::FrameReader reader;
    bool answered = false; // in band: the Ack or Nack is on its way
    QTimer deadline;
    QList<DetachedFd> results;
    QString error;
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
        sharerplatform::close(r.fd);
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

QString DetachJob::errorString() const
{
    Q_D(const DetachJob);
    return d->error;
}

void DetachJobPrivate::start()
{
    QString why;
    QString address;
    QList<protocol::Key> keys;
    if (!client::keysOfOneSharer(ids, &address, &keys, &why))
        return finish(why);
    Q_Q(DetachJob);
    deadline.setSingleShot(true);
    QObject::connect(&deadline, &QTimer::timeout, q, [this, address] {
        finish(qrs::tr("timed out after %1 ms waiting for the sharer at %2")
                       .arg(timeoutMs)
                       .arg(address));
    });
    if (timeoutMs >= 0)
        deadline.start(timeoutMs);
    if (HandleCourier *courier = HandleCourier::receiving())
        return startInBand(courier, address, keys);
#ifndef Q_OS_WIN // there is always a courier there
    startTransfer();
#endif
}

void DetachJobPrivate::startInBand(HandleCourier *courier, const QString &address,
                                   const QList<protocol::Key> &keys)
{
    Q_Q(DetachJob);
    inBand = std::make_unique<client::InBandReceiver>(courier, keys);
    socket = std::make_unique<QLocalSocket>();
    QObject::connect(socket.get(), &QLocalSocket::connected, q,
                     [this] { socket->write(inBand->request()); });
    QObject::connect(socket.get(), &QLocalSocket::readyRead, q, [this] { readInBand(); });
    QObject::connect(socket.get(), &QLocalSocket::bytesWritten, q, [this] {
        if (!answered || socket->bytesToWrite() > 0)
            return;
        // The answer is out: an Ack makes the resources ours, a Nack gave them back.
        if (!inBand->problem().isEmpty())
            return finish(inBand->problem());
        results = inBand->takeReceived();
        finish({});
    });
    QObject::connect(socket.get(), &QLocalSocket::errorOccurred, q,
                     [this, address](QLocalSocket::LocalSocketError) {
                         finish(qrs::tr("the connection to the sharer at %1 broke: %2")
                                        .arg(address, socket->errorString()));
                     });
    socket->connectToServer(address);
}

void DetachJobPrivate::readInBand()
{
    const QByteArray bytes = socket->readAll();
    reader.append(bytes.constData(), bytes.size());
    protocol::Frame frame;
    while (!finished && !answered) {
        const protocol::FrameReader::Status status = reader.next(&frame);
        if (status == protocol::FrameReader::Status::NeedMore)
            return;
        if (status == protocol::FrameReader::Status::Error)
            return finish(reader.errorString());
        if (frame.type == protocol::MessageType::Refusal)
            return finish(qrs::tr("refused: %1").arg(client::refusalText(frame.payload)));
        bool done = false;
        QString why;
        if (!inBand->onFrame(frame, &done, &why))
            return finish(why);
        if (done) {
            answered = true;
            socket->write(inBand->answer());
        }
    }
}

#ifndef Q_OS_WIN
void DetachJobPrivate::startTransfer()
{
    QString why;
    transfer = Transfer::forIds(ids, &why);
    if (!transfer)
        return finish(why);

    Q_Q(DetachJob);
    retry.setSingleShot(true);
    QObject::connect(&retry, &QTimer::timeout, q, [this] { drive(transfer->resume()); });

    drive(transfer->start());
}

QSocketNotifier *DetachJobPrivate::notifier(QSocketNotifier::Type type)
{
    std::unique_ptr<QSocketNotifier> &n =
            type == QSocketNotifier::Read ? readNotifier : writeNotifier;
    if (!n) {
        Q_Q(DetachJob);
        n = std::make_unique<QSocketNotifier>(qintptr(transfer->socket()), type);
        QObject::connect(n.get(), &QSocketNotifier::activated, q,
                         [this] { drive(transfer->resume()); });
    }
    return n.get();
}

void DetachJobPrivate::drive(Transfer::Step step)
{
    if (finished)
        return;
    if (readNotifier)
        readNotifier->setEnabled(step == Transfer::Step::WantRead);
    if (writeNotifier)
        writeNotifier->setEnabled(step == Transfer::Step::WantWrite);
    switch (step) {
    case Transfer::Step::WantRead:
        notifier(QSocketNotifier::Read)->setEnabled(true);
        return;
    case Transfer::Step::WantWrite:
        notifier(QSocketNotifier::Write)->setEnabled(true);
        return;
    case Transfer::Step::RetryConnect:
        retry.start(2);
        return;
    case Transfer::Step::Done:
        results = transfer->takeResults();
        return finish({});
    case Transfer::Step::Failed:
        return finish(transfer->errorString());
    }
}

#endif // !Q_OS_WIN

void DetachJobPrivate::finish(const QString &why)
{
    Q_Q(DetachJob);
    if (finished)
        return;
    finished = true;
    deadline.stop();
#ifndef Q_OS_WIN
    retry.stop();
    // Notifiers go before the transfer closes the socket they watch.
    readNotifier.reset();
    writeNotifier.reset();
    transfer.reset(); // an unfinished transfer is abandoned unacknowledged
#endif
    if (socket) {
        socket->disconnect(q);
        socket->abort();                 // nor is an exchange in band
        socket.release()->deleteLater(); // it may be the sender of this signal
    }
    inBand.reset(); // closes what nobody took
    error = why;
    if (!why.isEmpty()) {
        qCDebug(lcClient) << "asynchronous detach failed:" << why;
        Q_EMIT q->detachFailed(why);
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
