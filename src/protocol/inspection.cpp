// SPDX-FileCopyrightText: 2026 QtResourceSharer contributors
//
// SPDX-License-Identifier: BSD-3-Clause

// The inspection messages: List and Watch, the snapshot in Entries frames, each
// Change, Revoke and Done, the process's Status.

#include "protocol.h"

#include "wire_p.h"

#include <QCoreApplication>
#include <QJsonDocument>

namespace qrs::protocol {

using namespace wire;

namespace {

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
            .u64(wireTime(e.expiresAt))
            .u32(quint32(e.boundPid)) // BoundLater travels as 0xffffffff
            .u8(quint8(e.allowedUids.size()));
    for (uint uid : e.allowedUids)
        w.u32(uid);
    w.u8(quint8(e.allowedGids.size()));
    for (uint gid : e.allowedGids)
        w.u32(gid);
}

// A rule's list of ids: a count, then each.
bool readIds(Reader &r, QList<uint> *ids)
{
    quint8 count;
    if (!r.u8(&count) || count > MaxRuleIds)
        return false;
    for (int i = 0; i < count; ++i) {
        quint32 id;
        if (!r.u32(&id))
            return false;
        ids->append(id);
    }
    return true;
}

bool readEntry(Reader &r, ResourceInfo *e)
{
    QByteArray key;
    quint8 kind, state, listening;
    quint32 port, registeringPid, takenByPid, boundPid;
    quint64 registeredAt, expiresAt;
    if (!r.bytes(KeySize, &key) || !r.u64(&e->revision) || !r.u8(&kind)
        || kind > quint8(ResourceKind::Memfd) || !r.u8(&state)
        || state > quint8(ResourceState::Revoked) || !r.text(MaxNameSize, &e->name)
        || !r.text(MaxPathSize, &e->description) || !r.text(MaxPathSize, &e->path)
        || !r.text(MaxShortTextSize, &e->socketFamily) || !r.text(MaxShortTextSize, &e->socketType)
        || !r.u8(&listening) || listening > 1 || !r.text(MaxShortTextSize, &e->localAddress)
        || !r.u32(&port) || port > 65536 || !r.u32(&registeringPid) || !r.u32(&takenByPid)
        || !r.u64(&registeredAt) || !r.u64(&expiresAt) || !r.u32(&boundPid)
        || !readIds(r, &e->allowedUids) || !readIds(r, &e->allowedGids)
        || e->allowedUids.size() + e->allowedGids.size() > MaxRuleIds)
        return false;
    e->boundPid = boundPid == 0xffffffffu ? RegisterOptions::BoundLater : qint64(boundPid);
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

} // namespace

QByteArray encode(const Status &m)
{
    Q_ASSERT(m.json.size() <= MaxStatusSize);
    return Writer(MessageType::Status, m.json.size()).bytes(m.json).finish();
}

QByteArray encode(const Command &m)
{
    Q_ASSERT(m.json.size() <= MaxCommandSize);
    return Writer(MessageType::Command, 4 + m.json.size())
            .u32(quint32(m.pid))
            .bytes(m.json)
            .finish();
}

QByteArray encode(const Reply &m)
{
    Q_ASSERT(m.json.size() <= MaxReplySize);
    return Writer(MessageType::Reply, m.json.size()).bytes(m.json).finish();
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

bool decode(const QByteArray &payload, Status *m, QString *error)
{
    if (payload.size() > MaxStatusSize || !QJsonDocument::fromJson(payload).isObject())
        return malformed(error, "status");
    m->json = payload;
    return true;
}

bool decode(const QByteArray &payload, Command *m, QString *error)
{
    Reader r(payload);
    quint32 pid;
    if (!r.u32(&pid))
        return malformed(error, "command");
    const QByteArray json = payload.mid(4);
    if (json.size() > MaxCommandSize) {
        if (error)
            *error = QCoreApplication::translate("qrs",
                                                 "the command is %1 bytes; at most %2 are "
                                                 "taken")
                             .arg(json.size())
                             .arg(MaxCommandSize);
        return false;
    }
    if (!QJsonDocument::fromJson(json).isObject())
        return malformed(error, "command");
    m->pid = pid;
    m->json = json;
    return true;
}

bool decode(const QByteArray &payload, Reply *m, QString *error)
{
    if (payload.size() > MaxReplySize || !QJsonDocument::fromJson(payload).isObject())
        return malformed(error, "reply");
    m->json = payload;
    return true;
}

} // namespace qrs::protocol
