// SPDX-FileCopyrightText: 2026 QtResourceSharer contributors
//
// SPDX-License-Identifier: BSD-3-Clause

#include "inspectclient_p.h"

#include "logging_p.h"
#include "roundtrip_p.h"
#include "text_p.h"

#include <qrs/resourcesharer.h>

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QJsonDocument>
#include <QLocalSocket>

namespace qrs::inspect {

using namespace qrs::protocol;

namespace {

// Completes ids with the address they came from.
void setAddress(QList<ResourceInfo> *entries, const QString &address)
{
    for (ResourceInfo &e : *entries)
        e.id = ResourceId(address, e.id.key());
}

// Adds an Entries frame to *listing; *last says whether it was the final part.
bool addEntries(const QByteArray &payload, Listing *listing, bool *last, QString *error)
{
    Entries part;
    if (!decode(payload, &part, error))
        return false;
    listing->statistics = part.statistics;
    listing->sharerPid = part.sharerPid;
    setAddress(&part.entries, listing->address);
    listing->entries.append(part.entries);
    *last = part.last;
    return true;
}

bool decodeStatus(const QByteArray &payload, QJsonObject *out, QString *error)
{
    Status status;
    if (!decode(payload, &status, error))
        return false;
    *out = QJsonDocument::fromJson(status.json).object();
    return true;
}

} // namespace

QString resolveTarget(const QString &target, QString *error)
{
    bool numeric = false;
    const qint64 pid = target.toLongLong(&numeric);
    if (!numeric) {
        if (target.isEmpty())
            *error = qrs::tr("no sharer address or pid given");
        return target;
    }
    return ResourceSharer::addressOfProcess(pid, error);
}

bool list(const QString &target, int timeoutMs, Listing *out, QString *error)
{
    *out = Listing();
    out->address = resolveTarget(target, error);
    if (out->address.isEmpty())
        return false;
    const QByteArray message =
            encode(MessageType::List, Inspect{QCoreApplication::applicationPid()});
    QLocalSocket socket;
    return client::roundTrip(
            socket, out->address, message, timeoutMs,
            [out](const Frame &frame, bool *done, QString *why) {
                if (frame.type == MessageType::Status)
                    return decodeStatus(frame.payload, &out->processStatus, why);
                if (frame.type != MessageType::Entries) {
                    *why = qrs::tr("the sharer sent an unexpected message");
                    return false;
                }
                return addEntries(frame.payload, out, done, why);
            },
            error);
}

int revoke(const QString &address, const QList<Key> &keys, int timeoutMs, QString *error)
{
    Done done;
    const QByteArray message = encode(Revoke{QCoreApplication::applicationPid(), keys});
    QLocalSocket socket;
    const bool ok = client::roundTrip(
            socket, address, message, timeoutMs,
            [&done](const Frame &frame, bool *finished, QString *why) {
                *finished = true;
                if (frame.type == MessageType::Done && decode(frame.payload, &done, why))
                    return true;
                if (frame.type != MessageType::Done)
                    *why = qrs::tr("the sharer sent an unexpected message");
                return false;
            },
            error);
    return ok ? done.count : -1;
}

bool command(const QString &target, const QJsonObject &command, int timeoutMs, QJsonObject *reply,
             QString *error)
{
    const QString address = resolveTarget(target, error);
    if (address.isEmpty())
        return false;
    Command message{QCoreApplication::applicationPid(),
                    QJsonDocument(command).toJson(QJsonDocument::Compact)};
    if (message.json.size() > MaxCommandSize) {
        *error = qrs::tr("the command is %1 bytes; at most %2 are taken")
                         .arg(message.json.size())
                         .arg(MaxCommandSize);
        return false;
    }
    QLocalSocket socket;
    return client::roundTrip(
            socket, address, encode(message), timeoutMs,
            [reply](const Frame &frame, bool *done, QString *why) {
                *done = true;
                Reply answer;
                if (frame.type != MessageType::Reply) {
                    *why = qrs::tr("the sharer sent an unexpected message");
                    return false;
                }
                if (!decode(frame.payload, &answer, why))
                    return false;
                *reply = QJsonDocument::fromJson(answer.json).object();
                return true;
            },
            error);
}

// ---------------------------------------------------------------- Watcher

namespace {
constexpr int FirstRetryMs = 250;
constexpr int LastRetryMs = 2000;
} // namespace

Watcher::Watcher(QObject *parent)
    : QObject(parent)
    , m_retry(this)
{
    m_retry.setSingleShot(true);
    connect(&m_retry, &QTimer::timeout, this, &Watcher::connectNow);
}

Watcher::~Watcher()
{
    stop();
}

void Watcher::start(const QString &target)
{
    stop();
    m_target = target;
    m_backoffMs = 0;
    connectNow();
}

void Watcher::stop()
{
    m_retry.stop();
    dropSocket();
    m_address.clear();
}

void Watcher::dropSocket()
{
    if (!m_socket)
        return;
    m_socket->disconnect(this);
    m_socket->abort();
    m_socket->deleteLater(); // we may be in one of its signals
    m_socket = nullptr;
}

void Watcher::connectNow()
{
    dropSocket();
    Q_EMIT connecting();
    QString error;
    m_address = resolveTarget(m_target, &error);
    if (m_address.isEmpty()) {
        fail(error);
        return;
    }
    m_reader = FrameReader();
    m_pending = Listing();
    m_pending.address = m_address;
    m_snapshotDone = false;
    m_socket = new QLocalSocket(this);
    connect(m_socket, &QLocalSocket::connected, this, [this] {
        m_socket->write(encode(MessageType::Watch, Inspect{QCoreApplication::applicationPid()}));
    });
    connect(m_socket, &QLocalSocket::readyRead, this, &Watcher::onReadyRead);
    connect(m_socket, &QLocalSocket::errorOccurred, this, [this] {
        fail(qrs::tr("the connection to the sharer at %1 broke: %2")
                     .arg(m_address, m_socket->errorString()));
    });
    m_socket->connectToServer(m_address);
}

void Watcher::onReadyRead()
{
    const QByteArray bytes = m_socket->readAll();
    m_reader.append(bytes.constData(), bytes.size());
    Frame frame;
    QString why;
    for (;;) {
        const FrameReader::Status status = m_reader.next(&frame);
        if (status == FrameReader::Status::NeedMore)
            return;
        if (status == FrameReader::Status::Error) {
            fail(m_reader.errorString());
            return;
        }
        if (frame.type == MessageType::Refusal) {
            fail(qrs::tr("the sharer at %1 refused: %2")
                         .arg(m_address, client::refusalText(frame.payload)));
            return;
        }
        if (frame.type == MessageType::Status) {
            QJsonObject status;
            if (!decodeStatus(frame.payload, &status, &why)) {
                fail(why);
                return;
            }
            if (m_snapshotDone)
                Q_EMIT processStatusReceived(status);
            else
                m_pending.processStatus = status;
        } else if (!m_snapshotDone && frame.type == MessageType::Entries) {
            if (!addEntries(frame.payload, &m_pending, &m_snapshotDone, &why)) {
                fail(why);
                return;
            }
            if (m_snapshotDone) {
                m_backoffMs = 0; // connected for real: the next loss retries soon
                Q_EMIT snapshotReceived(std::exchange(m_pending, Listing()));
            }
        } else if (m_snapshotDone && frame.type == MessageType::Change) {
            Change change;
            if (!decode(frame.payload, &change, &why)) {
                fail(why);
                return;
            }
            change.entry.id = ResourceId(m_address, change.entry.id.key());
            Q_EMIT changed(change.kind, change.entry, change.reason);
        } else {
            fail(qrs::tr("the sharer sent an unexpected message"));
            return;
        }
        if (!m_socket)
            return; // a receiver stopped us
    }
}

void Watcher::fail(const QString &reason)
{
    dropSocket();
    m_backoffMs = m_backoffMs == 0 ? FirstRetryMs : qMin(LastRetryMs, m_backoffMs * 2);
    qCDebug(lcSharer) << "watching" << m_target << "failed:" << reason << "; retrying in"
                      << m_backoffMs << "ms";
    m_retry.start(m_backoffMs);
    Q_EMIT lost(reason);
}

} // namespace qrs::inspect
