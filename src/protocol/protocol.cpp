// SPDX-FileCopyrightText: 2026 QtResourceSharer contributors
//
// SPDX-License-Identifier: BSD-3-Clause

#include "protocol.h"

#include <QJsonDocument>

#include "logging_p.h"

#include <QCoreApplication>
#include <QRandomGenerator>
#include <QtEndian>

namespace qrs::protocol {

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

namespace {

// Appends big-endian fields to a frame and patches its length at the end.
class Writer
{
public:
    explicit Writer(MessageType type, qsizetype reserve = 0)
    {
        m_data.reserve(FrameHeaderSize + reserve);
        m_data.append('Q').append('R').append(char(Version)).append(char(type));
        u32(0);
    }
    Writer &u8(quint8 v)
    {
        m_data.append(char(v));
        return *this;
    }
    Writer &u16(quint16 v)
    {
        char b[2];
        qToBigEndian(v, b);
        m_data.append(b, 2);
        return *this;
    }
    Writer &u32(quint32 v)
    {
        char b[4];
        qToBigEndian(v, b);
        m_data.append(b, 4);
        return *this;
    }
    Writer &u64(quint64 v)
    {
        char b[8];
        qToBigEndian(v, b);
        m_data.append(b, 8);
        return *this;
    }
    Writer &bytes(const QByteArray &b)
    {
        m_data.append(b);
        return *this;
    }
    // A UTF-8 string with a u16 length, cut to at most maxBytes.
    Writer &text(const QString &s, int maxBytes)
    {
        QByteArray utf8 = s.toUtf8();
        if (utf8.size() > maxBytes) {
            utf8.truncate(maxBytes);
            // Do not leave half a UTF-8 sequence at the end.
            while (!utf8.isEmpty() && (quint8(utf8.back()) & 0xc0) == 0x80)
                utf8.chop(1);
            if (!utf8.isEmpty() && (quint8(utf8.back()) & 0x80))
                utf8.chop(1);
        }
        u16(quint16(utf8.size()));
        return bytes(utf8);
    }
    qsizetype size() const { return m_data.size(); }
    void truncate(qsizetype size) { m_data.truncate(size); }
    QByteArray finish()
    {
        qToBigEndian(quint32(m_data.size() - FrameHeaderSize), m_data.data() + 4);
        return std::move(m_data);
    }

private:
    QByteArray m_data;
};

class Reader
{
public:
    explicit Reader(const QByteArray &data)
        : m_data(data)
    { }
    bool u8(quint8 *v)
    {
        if (!need(1))
            return false;
        *v = quint8(m_data.at(m_pos++));
        return true;
    }
    bool u16(quint16 *v)
    {
        if (!need(2))
            return false;
        *v = qFromBigEndian<quint16>(m_data.constData() + m_pos);
        m_pos += 2;
        return true;
    }
    bool u32(quint32 *v)
    {
        if (!need(4))
            return false;
        *v = qFromBigEndian<quint32>(m_data.constData() + m_pos);
        m_pos += 4;
        return true;
    }
    bool u64(quint64 *v)
    {
        if (!need(8))
            return false;
        *v = qFromBigEndian<quint64>(m_data.constData() + m_pos);
        m_pos += 8;
        return true;
    }
    bool bytes(qsizetype n, QByteArray *out)
    {
        if (!need(n))
            return false;
        *out = m_data.mid(m_pos, n);
        m_pos += n;
        return true;
    }
    bool text(int maxBytes, QString *out)
    {
        quint16 len;
        QByteArray raw;
        if (!u16(&len) || len > maxBytes || !bytes(len, &raw))
            return false;
        *out = QString::fromUtf8(raw);
        return true;
    }
    bool atEnd() const { return m_pos == m_data.size(); }

private:
    bool need(qsizetype n) const { return n >= 0 && m_data.size() - m_pos >= n; }

    const QByteArray &m_data;
    qsizetype m_pos = 0;
};

quint64 wireTime(const QDateTime &t)
{
    return t.isValid() ? quint64(qMax(qint64(1), t.toMSecsSinceEpoch())) : 0;
}

QDateTime fromWireTime(quint64 ms)
{
    return ms ? QDateTime::fromMSecsSinceEpoch(qint64(ms), Qt::UTC) : QDateTime();
}

void writeEntry(Writer &w, const ResourceInfo &e)
{
    w.bytes(e.id.key().leftJustified(KeySize, '\0', true))
            .u64(e.revision)
            .u8(quint8(e.kind))
            .u8(quint8(e.state))
            .text(e.name, MaxNameSize)
            .text(e.description, MaxPathSize)
            .text(e.path, MaxPathSize)
            .text(e.socketFamily, MaxShortTextSize)
            .text(e.socketType, MaxShortTextSize)
            .u8(e.listening ? 1 : 0)
            .text(e.localAddress, MaxShortTextSize)
            .u32(quint32(e.localPort + 1)) // 0: no port
            .u32(quint32(e.registeringPid))
            .u32(quint32(e.takenByPid))
            .u64(wireTime(e.registeredAt))
            .u64(wireTime(e.expiresAt));
}

bool readEntry(Reader &r, ResourceInfo *e)
{
    QByteArray key;
    quint8 kind, state, listening;
    quint32 port, registeringPid, takenByPid;
    quint64 registeredAt, expiresAt;
    if (!r.bytes(KeySize, &key) || !r.u64(&e->revision) || !r.u8(&kind)
        || kind > quint8(ResourceKind::Memfd) || !r.u8(&state)
        || state > quint8(ResourceState::Revoked) || !r.text(MaxNameSize, &e->name)
        || !r.text(MaxPathSize, &e->description) || !r.text(MaxPathSize, &e->path)
        || !r.text(MaxShortTextSize, &e->socketFamily) || !r.text(MaxShortTextSize, &e->socketType)
        || !r.u8(&listening) || listening > 1 || !r.text(MaxShortTextSize, &e->localAddress)
        || !r.u32(&port) || port > 65536 || !r.u32(&registeringPid) || !r.u32(&takenByPid)
        || !r.u64(&registeredAt) || !r.u64(&expiresAt))
        return false;
    e->id = ResourceId(QString(), key);
    e->kind = ResourceKind(kind);
    e->state = ResourceState(state);
    e->listening = listening;
    e->localPort = int(port) - 1;
    e->registeringPid = registeringPid;
    e->takenByPid = takenByPid;
    e->registeredAt = fromWireTime(registeredAt);
    e->expiresAt = fromWireTime(expiresAt);
    return true;
}

void writeEntriesHeader(Writer &w, bool last, const SharerStatistics &s, qint64 sharerPid)
{
    w.u8(last ? 1 : 0)
            .u64(s.registered)
            .u64(s.taken)
            .u64(s.expired)
            .u64(s.revoked)
            .u64(s.failed)
            .u64(s.revision)
            .u32(quint32(sharerPid));
}

// Header (1 + 6 * 8 + 4) and count (2).
constexpr qsizetype EntriesHeaderSize = 55;

bool malformed(QString *error, const char *what)
{
    if (error)
        *error = QCoreApplication::translate("qrs", "malformed %1 message")
                         .arg(QString::fromLatin1(what));
    return false;
}

// Request and Revoke: u32 pid, u16 count, count keys.
QByteArray encodePidAndKeys(MessageType type, qint64 pid, const QList<Key> &keys)
{
    Writer w(type, 6 + keys.size() * KeySize);
    w.u32(quint32(pid)).u16(quint16(keys.size()));
    for (const Key &k : keys)
        w.bytes(k.toBytes());
    return w.finish();
}
} // namespace

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

QByteArray encode(const Status &m)
{
    Q_ASSERT(m.json.size() <= MaxStatusSize);
    return Writer(MessageType::Status, m.json.size()).bytes(m.json).finish();
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

QByteArray encode(MessageType listOrWatch, const Inspect &m)
{
    Q_ASSERT(listOrWatch == MessageType::List || listOrWatch == MessageType::Watch);
    return Writer(listOrWatch, 4).u32(quint32(m.pid)).finish();
}

QByteArray encode(const Entries &m)
{
    Writer w(MessageType::Entries);
    writeEntriesHeader(w, m.last, m.statistics, m.sharerPid);
    w.u16(quint16(m.entries.size()));
    for (const ResourceInfo &e : m.entries)
        writeEntry(w, e);
    return w.finish();
}

QList<QByteArray> encodeSnapshot(const QList<ResourceInfo> &entries,
                                 const SharerStatistics &statistics, qint64 sharerPid)
{
    QList<QByteArray> frames;
    qsizetype next = 0;
    do {
        // Entries go in while the frame stays under the limit; the count and the
        // last flag are patched in once it is known where the frame ends.
        Writer w(MessageType::Entries);
        writeEntriesHeader(w, false, statistics, sharerPid);
        w.u16(0);
        quint16 count = 0;
        while (next < entries.size() && count < 0xffff) {
            const qsizetype before = w.size();
            writeEntry(w, entries.at(next));
            if (w.size() - FrameHeaderSize > qsizetype(MaxPayloadSize)) {
                w.truncate(before);
                break;
            }
            ++count;
            ++next;
        }
        QByteArray frame = w.finish();
        frame[FrameHeaderSize] = char(next == entries.size() ? 1 : 0);
        qToBigEndian(count, frame.data() + FrameHeaderSize + EntriesHeaderSize - 2);
        frames.append(frame);
    } while (next < entries.size());
    return frames;
}

void countChange(SharerStatistics *statistics, ChangeKind kind)
{
    switch (kind) {
    case ChangeKind::Registered:
        ++statistics->registered;
        break;
    case ChangeKind::InTransfer:
        break;
    case ChangeKind::Taken:
        ++statistics->taken;
        break;
    case ChangeKind::Expired:
        ++statistics->expired;
        break;
    case ChangeKind::Revoked:
        ++statistics->revoked;
        break;
    case ChangeKind::Failed:
        ++statistics->failed;
        break;
    }
}

QByteArray encode(const Change &m)
{
    Writer w(MessageType::Change);
    w.u8(quint8(m.kind)).text(m.reason, MaxMessageSize);
    writeEntry(w, m.entry);
    return w.finish();
}

QByteArray encode(const Revoke &m)
{
    return encodePidAndKeys(MessageType::Revoke, m.pid, m.keys);
}

QByteArray encode(const Done &m)
{
    return Writer(MessageType::Done, 2).u16(m.count).finish();
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

namespace {
// Request and Revoke: u32 pid, u16 count, count keys.
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
} // namespace

bool decode(const QByteArray &payload, Request *m, QString *error)
{
    return decodePidAndKeys(payload, &m->pid, &m->keys, error, "request");
}

bool decode(const QByteArray &payload, Revoke *m, QString *error)
{
    return decodePidAndKeys(payload, &m->pid, &m->keys, error, "revoke");
}

bool decode(const QByteArray &payload, Inspect *m, QString *error)
{
    Reader r(payload);
    quint32 pid;
    if (!r.u32(&pid) || !r.atEnd())
        return malformed(error, "list or watch");
    m->pid = pid;
    return true;
}

bool decode(const QByteArray &payload, Entries *m, QString *error)
{
    Reader r(payload);
    quint8 last;
    quint32 pid;
    quint16 count;
    SharerStatistics &s = m->statistics;
    if (!r.u8(&last) || last > 1 || !r.u64(&s.registered) || !r.u64(&s.taken) || !r.u64(&s.expired)
        || !r.u64(&s.revoked) || !r.u64(&s.failed) || !r.u64(&s.revision) || !r.u32(&pid)
        || !r.u16(&count))
        return malformed(error, "entries");
    m->last = last;
    m->sharerPid = pid;
    m->entries.clear();
    for (int i = 0; i < count; ++i) {
        ResourceInfo e;
        if (!readEntry(r, &e))
            return malformed(error, "entries");
        m->entries.append(e);
    }
    return r.atEnd() || malformed(error, "entries");
}

bool decode(const QByteArray &payload, Change *m, QString *error)
{
    Reader r(payload);
    quint8 kind;
    if (!r.u8(&kind) || kind < quint8(ChangeKind::Registered) || kind > quint8(ChangeKind::Failed)
        || !r.text(MaxMessageSize, &m->reason) || !readEntry(r, &m->entry) || !r.atEnd())
        return malformed(error, "change");
    m->kind = ChangeKind(kind);
    return true;
}

bool decode(const QByteArray &payload, Done *m, QString *error)
{
    Reader r(payload);
    return (r.u16(&m->count) && r.atEnd()) || malformed(error, "done");
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

bool decode(const QByteArray &payload, Status *m, QString *error)
{
    if (payload.size() > MaxStatusSize || !QJsonDocument::fromJson(payload).isObject())
        return malformed(error, "status");
    m->json = payload;
    return true;
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
