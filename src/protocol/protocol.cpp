// SPDX-FileCopyrightText: 2026 QtResourceSharer contributors
//
// SPDX-License-Identifier: BSD-3-Clause

#include "protocol.h"

#include "logging_p.h"
#include "wire_p.h"

#include <QCoreApplication>
#include <QRandomGenerator>
#include <QtEndian>

namespace qrs::protocol {

using namespace wire;

namespace wire {

bool malformed(QString *error, const char *what)
{
    if (error)
        *error = QCoreApplication::translate("qrs", "malformed %1 message")
                         .arg(QString::fromLatin1(what));
    return false;
}

QByteArray encodePidAndKeys(MessageType type, qint64 pid, const QList<Key> &keys)
{
    Writer w(type, 6 + keys.size() * KeySize);
    w.u32(quint32(pid)).u16(quint16(keys.size()));
    for (const Key &k : keys)
        w.bytes(k.toBytes());
    return w.finish();
}

bool decodePidAndKeys(const QByteArray &payload, qint64 *pid, QList<Key> *keys, QString *error,
                      const char *what)
{
    Reader r(payload);
    quint32 rawPid;
    quint16 count;
    if (!r.u32(&rawPid) || !r.u16(&count))
        return malformed(error, what);
    if (count == 0 || count > MaxKeysPerRequest) {
        if (error)
            *error = QCoreApplication::translate("qrs", "a request names 1 to %1 keys, not %2")
                             .arg(MaxKeysPerRequest)
                             .arg(count);
        return false;
    }
    *pid = rawPid;
    keys->clear();
    keys->reserve(count);
    for (int i = 0; i < count; ++i) {
        QByteArray raw;
        if (!r.bytes(KeySize, &raw))
            return malformed(error, what);
        keys->append(Key::fromBytes(raw));
    }
    return r.atEnd() || malformed(error, what);
}

} // namespace wire

qrs::Error toError(ErrorCode code)
{
    switch (code) {
    case ErrorCode::None:
        return Error::NoError;
    case ErrorCode::UnknownKey:
        return Error::UnknownKey;
    case ErrorCode::AlreadyTaken:
        return Error::AlreadyTaken;
    case ErrorCode::Expired:
        return Error::Expired;
    case ErrorCode::Revoked:
        return Error::Revoked;
    case ErrorCode::Denied:
    case ErrorCode::AwaitingBinding:
        return Error::Denied;
    case ErrorCode::Malformed:
    case ErrorCode::UnsupportedVersion:
        return Error::Malformed;
    case ErrorCode::TooLarge:
        return Error::TooLarge;
    case ErrorCode::Stopping:
        return Error::SharerStopping;
    case ErrorCode::Busy:
        return Error::Busy;
    case ErrorCode::Truncated:
        return Error::DescriptorLimit;
    case ErrorCode::ReceiverFailed:
        return Error::SystemError;
    case ErrorCode::Timeout:
        return Error::Timeout;
    case ErrorCode::Overloaded:
        return Error::Overloaded;
    }
    return Error::Malformed; // a code this version does not know
}

Key Key::fromBytes(const QByteArray &raw)
{
    Key key;
    Q_ASSERT(raw.size() == KeySize);
    std::memcpy(key.bytes.data(), raw.constData(), KeySize);
    return key;
}

QByteArray Key::toBytes() const
{
    return QByteArray(reinterpret_cast<const char *>(bytes.data()), KeySize);
}

QByteArray Key::toHex() const
{
    return toBytes().toHex();
}

Key Key::generate()
{
    // QRandomGenerator::system() reads getrandom(2) (or /dev/urandom): the
    // operating system's CSPRNG, never a seeded PRNG.
    Key key;
    quint32 words[KeySize / sizeof(quint32)];
    QRandomGenerator::system()->fillRange(words);
    std::memcpy(key.bytes.data(), words, KeySize);
    return key;
}

QString errorCodeText(ErrorCode code)
{
    switch (code) {
    case ErrorCode::None:
        return {};
    case ErrorCode::UnknownKey:
        return QCoreApplication::translate("qrs", "no resource is registered under this key");
    case ErrorCode::AlreadyTaken:
        return QCoreApplication::translate("qrs", "the resource has already been taken");
    case ErrorCode::Expired:
        return QCoreApplication::translate("qrs", "the resource expired before it was taken");
    case ErrorCode::Revoked:
        return QCoreApplication::translate("qrs", "the resource was revoked by its owner");
    case ErrorCode::Denied:
    case ErrorCode::AwaitingBinding:
        return QCoreApplication::translate("qrs", "access denied");
    case ErrorCode::Malformed:
        return QCoreApplication::translate("qrs", "malformed request");
    case ErrorCode::TooLarge:
        return QCoreApplication::translate("qrs", "request too large");
    case ErrorCode::Stopping:
        return QCoreApplication::translate("qrs", "the sharer is stopping");
    case ErrorCode::Busy:
        return QCoreApplication::translate(
                "qrs", "the resource is being handed to another process right now");
    case ErrorCode::UnsupportedVersion:
        return QCoreApplication::translate("qrs", "unsupported protocol version");
    case ErrorCode::Truncated:
        return QCoreApplication::translate(
                "qrs", "the receiver could not accept every descriptor (descriptor limit?)");
    case ErrorCode::ReceiverFailed:
        return QCoreApplication::translate("qrs", "the receiver failed");
    case ErrorCode::Timeout:
        return QCoreApplication::translate("qrs", "the connection timed out");
    case ErrorCode::Overloaded:
        return QCoreApplication::translate("qrs", "the sharer has too many connections");
    }
    return QCoreApplication::translate("qrs", "error %1").arg(int(code));
}

const char *errorCodeName(ErrorCode code)
{
    switch (code) {
    case ErrorCode::None:
        return "none";
    case ErrorCode::UnknownKey:
        return "unknown-key";
    case ErrorCode::AlreadyTaken:
        return "already-taken";
    case ErrorCode::Expired:
        return "expired";
    case ErrorCode::Revoked:
        return "revoked";
    case ErrorCode::Denied:
        return "denied";
    case ErrorCode::AwaitingBinding:
        return "awaiting-binding";
    case ErrorCode::Malformed:
        return "malformed";
    case ErrorCode::TooLarge:
        return "too-large";
    case ErrorCode::Stopping:
        return "stopping";
    case ErrorCode::Busy:
        return "busy";
    case ErrorCode::UnsupportedVersion:
        return "unsupported-version";
    case ErrorCode::Truncated:
        return "truncated";
    case ErrorCode::ReceiverFailed:
        return "receiver-failed";
    case ErrorCode::Timeout:
        return "timeout";
    case ErrorCode::Overloaded:
        return "overloaded";
    }
    return "unknown-code";
}

QByteArray encode(const Request &m)
{
    return encodePidAndKeys(MessageType::Request, m.pid, m.keys);
}

QByteArray encode(const Resources &m)
{
    Writer w(MessageType::Resources);
    w.u16(quint16(m.resources.size()));
    for (const ResourceHeader &r : m.resources)
        w.u8(quint8(r.kind)).text(r.name, MaxNameSize);
    return w.finish();
}

QByteArray encode(const Handle &m)
{
    Q_ASSERT(m.data.size() <= MaxHandleDataSize);
    return Writer(MessageType::Handle, 4 + m.data.size())
            .u16(m.index)
            .u16(quint16(m.data.size()))
            .bytes(m.data)
            .finish();
}

QByteArray encode(const Ack &m)
{
    return Writer(MessageType::Ack, 2).u16(m.count).finish();
}

QByteArray encode(const Nack &m)
{
    return Writer(MessageType::Nack).u16(quint16(m.code)).text(m.reason, MaxMessageSize).finish();
}

QByteArray encode(const Refusal &m)
{
    return Writer(MessageType::Refusal)
            .u16(quint16(m.code))
            .u16(m.keyIndex)
            .text(m.message, MaxMessageSize)
            .finish();
}

FrameReader::Status FrameReader::fail(ErrorCode code, const QString &text)
{
    m_error = code;
    m_errorString = text;
    qCDebug(lcProtocol) << "frame rejected:" << errorCodeName(code) << text;
    return Status::Error;
}

FrameReader::Status FrameReader::next(Frame *frame)
{
    if (m_error != ErrorCode::None)
        return Status::Error;
    // Check what is there of the header as soon as it arrives, so that garbage is
    // refused without waiting for eight bytes.
    const qsizetype have = m_buffer.size();
    if ((have >= 1 && m_buffer.at(0) != 'Q') || (have >= 2 && m_buffer.at(1) != 'R'))
        return fail(ErrorCode::Malformed,
                    QCoreApplication::translate("qrs", "not a QtResourceSharer frame"));
    if (have >= 3 && quint8(m_buffer.at(2)) != Version)
        return fail(ErrorCode::UnsupportedVersion,
                    QCoreApplication::translate("qrs", "protocol version %1, expected %2")
                            .arg(quint8(m_buffer.at(2)))
                            .arg(Version));
    if (have >= 4) {
        const quint8 type = quint8(m_buffer.at(3));
        if (type < quint8(MessageType::Request) || type > LastMessageType)
            return fail(ErrorCode::Malformed,
                        QCoreApplication::translate("qrs", "unknown message type %1").arg(type));
    }
    if (have < FrameHeaderSize)
        return Status::NeedMore;
    const quint32 length = qFromBigEndian<quint32>(m_buffer.constData() + 4);
    if (length > MaxPayloadSize)
        return fail(ErrorCode::TooLarge,
                    QCoreApplication::translate("qrs", "frame of %1 bytes exceeds the limit of %2")
                            .arg(length)
                            .arg(MaxPayloadSize));
    if (have < FrameHeaderSize + qsizetype(length))
        return Status::NeedMore;
    frame->type = MessageType(quint8(m_buffer.at(3)));
    frame->payload = m_buffer.mid(FrameHeaderSize, length);
    m_buffer.remove(0, FrameHeaderSize + length);
    return Status::Ready;
}

bool decode(const QByteArray &payload, Request *m, QString *error)
{
    return decodePidAndKeys(payload, &m->pid, &m->keys, error, "request");
}

bool decode(const QByteArray &payload, Resources *m, QString *error)
{
    Reader r(payload);
    quint16 count;
    if (!r.u16(&count) || count > MaxKeysPerRequest)
        return malformed(error, "resources");
    m->resources.clear();
    m->resources.reserve(count);
    for (int i = 0; i < count; ++i) {
        quint8 kind;
        ResourceHeader h;
        if (!r.u8(&kind) || kind > quint8(WireKind::Memfd) || !r.text(MaxNameSize, &h.name))
            return malformed(error, "resources");
        h.kind = WireKind(kind);
        m->resources.append(h);
    }
    return r.atEnd() || malformed(error, "resources");
}

bool decode(const QByteArray &payload, Handle *m, QString *error)
{
    Reader r(payload);
    quint16 size;
    return (r.u16(&m->index) && r.u16(&size) && size <= MaxHandleDataSize && r.bytes(size, &m->data)
            && r.atEnd())
            || malformed(error, "handle");
}

bool decode(const QByteArray &payload, Ack *m, QString *error)
{
    Reader r(payload);
    return (r.u16(&m->count) && r.atEnd()) || malformed(error, "acknowledgement");
}

bool decode(const QByteArray &payload, Nack *m, QString *error)
{
    Reader r(payload);
    quint16 code;
    if (!r.u16(&code) || !r.text(MaxMessageSize, &m->reason) || !r.atEnd())
        return malformed(error, "negative acknowledgement");
    m->code = ErrorCode(code);
    return true;
}

bool decode(const QByteArray &payload, Refusal *m, QString *error)
{
    Reader r(payload);
    quint16 code;
    if (!r.u16(&code) || !r.u16(&m->keyIndex) || !r.text(MaxMessageSize, &m->message) || !r.atEnd())
        return malformed(error, "refusal");
    m->code = ErrorCode(code);
    return true;
}

} // namespace qrs::protocol
