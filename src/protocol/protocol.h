// SPDX-FileCopyrightText: 2026 QtResourceSharer contributors
//
// SPDX-License-Identifier: BSD-3-Clause

// The sharer's wire protocol: frames and messages, encode and decode. Pure
// functions over bytes, no I/O; see docs/protocol.md.
#pragma once

#include "protocollimits.h"

#include <qrs/resourceinfo.h>

#include <QByteArray>
#include <QHashFunctions>
#include <QList>
#include <QString>

#include <array>
#include <cstring>

namespace qrs::protocol {

struct Key
{
    std::array<quint8, KeySize> bytes{};

    static Key fromBytes(const QByteArray &raw); // raw.size() must be KeySize
    QByteArray toBytes() const;
    QByteArray toHex() const;
    // Freshly drawn from the operating system's CSPRNG.
    static Key generate();

    friend bool operator==(const Key &a, const Key &b) { return a.bytes == b.bytes; }
    friend bool operator!=(const Key &a, const Key &b) { return !(a == b); }
};

inline size_t qHash(const Key &key, size_t seed = 0) noexcept
{
    // The key is uniformly random already; a word of it is a good hash.
    size_t h;
    std::memcpy(&h, key.bytes.data(), sizeof(h));
    return h ^ seed;
}

enum class MessageType : quint8 {
    Request = 1,   // client -> server: pid + keys
    Resources = 2, // server -> client: one header per key; descriptors ride along
    Ack = 3,       // client -> server: every descriptor arrived
    Nack = 4,      // client -> server: they did not; keep the resources
    Refusal = 5,   // server -> client: code + sentence
    // Inspection (docs/protocol.md, "Inspecting a sharer"):
    List = 6,    // client -> server: pid; answered by Entries frames, then closed
    Watch = 7,   // client -> server: pid; answered by Entries frames, then Changes
    Entries = 8, // server -> client: a part of the snapshot
    Change = 9,  // server -> client: what happened to one entry
    Revoke = 10, // client -> server: pid + keys to withdraw
    Done = 11,   // server -> client: how many keys Revoke withdrew
    // Where descriptors cannot travel beside the bytes (Windows' named pipes):
    Handle = 12, // server -> client: after Resources, one per resource, in order
    // Inspection again:
    Status = 13, // server -> client: what the sharer's process says about itself
    // Control of the sharer's process (ResourceSharer::setCommandHandler()):
    Command = 14, // client -> server: pid + one JSON object
    Reply = 15,   // server -> client: the command's outcome, one JSON object
};
constexpr quint8 LastMessageType = quint8(MessageType::Reply);

// Codes of refusals and negative acknowledgements. Values are on the wire.
enum class ErrorCode : quint16 {
    None = 0,
    UnknownKey = 1,
    AlreadyTaken = 2,
    Expired = 3,
    Revoked = 4,
    Denied = 5,
    Malformed = 6,
    TooLarge = 7,
    Stopping = 8,
    Busy = 9,
    UnsupportedVersion = 10,
    Truncated = 11,
    ReceiverFailed = 12,
    Timeout = 13,
    Overloaded = 14,
    // Never on the wire: the sharer holds a request for a resource that waits
    // for ResourceSharer::bindToProcess().
    AwaitingBinding = 0xfffe,
};
// A sentence for the code, used when the peer sent none.
QString errorCodeText(ErrorCode code);
// The code's name in docs/protocol.md, for logs ("already-taken").
const char *errorCodeName(ErrorCode code);
// What the public API reports for a code a peer sent.
qrs::Error toError(ErrorCode code);

// Resource kinds as they travel; the same values as qrs::ResourceKind.
enum class WireKind : quint8 { Other = 0, File = 1, Pipe = 2, Socket = 3, Memfd = 4 };

constexpr int FrameHeaderSize = 8; // "QR", version, type, payload length (u32, big-endian)
constexpr quint16 NoKeyIndex = 0xffff;

struct Request
{
    qint64 pid = 0;
    QList<Key> keys;
};

struct ResourceHeader
{
    WireKind kind = WireKind::Other;
    QString name;
};

struct Resources
{
    QList<ResourceHeader> resources;
};

struct Ack
{
    quint16 count = 0;
};

struct Nack
{
    ErrorCode code = ErrorCode::ReceiverFailed;
    QString reason;
};

struct Refusal
{
    ErrorCode code = ErrorCode::None;
    quint16 keyIndex = NoKeyIndex; // which key of the request, if one
    QString message;
};

// List and Watch carry the same body: the requester's pid.
struct Inspect
{
    qint64 pid = 0;
};

// One frame of a snapshot; the last one has last set. The entries' ids carry
// keys only: the receiver knows the address it asked.
struct Entries
{
    bool last = true;
    SharerStatistics statistics;
    qint64 sharerPid = 0;
    QList<ResourceInfo> entries;
};

// What happened to an entry; values are on the wire.
enum class ChangeKind : quint8 {
    Registered = 1,
    InTransfer = 2,
    Taken = 3,
    Expired = 4,
    Revoked = 5,
    Failed = 6,
};

// Adds one event of this kind to the counters it belongs to.
void countChange(SharerStatistics *statistics, ChangeKind kind);

struct Change
{
    ChangeKind kind = ChangeKind::Registered;
    QString reason; // why a transfer failed
    ResourceInfo entry;
};

struct Revoke
{
    qint64 pid = 0;
    QList<Key> keys;
};

struct Done
{
    quint16 count = 0;
};

// The index-th resource of the Resources frame before it, made over to the
// receiver's process: for a socket the WSAPROTOCOL_INFOW that rebuilds it
// there, for any other handle its value there (DuplicateHandle), little-endian.
struct Handle
{
    quint16 index = 0;
    QByteArray data; // at most MaxHandleDataSize bytes
};

// What the sharer's process says about itself (ResourceSharer::setProcessStatus):
// a JSON object in UTF-8, at most MaxStatusSize bytes. Sent to a List or Watch
// before the snapshot, and to watchers again whenever it changes.
struct Status
{
    QByteArray json; // as it travels: decode() checks it is one JSON object
};

// A command to the sharer's process (ResourceSharer::setCommandHandler()): the
// sender's pid and a JSON object of at most MaxCommandSize bytes. Answered by
// one Reply (a JSON object of at most MaxReplySize bytes), then closed.
struct Command
{
    qint64 pid = 0;
    QByteArray json; // as it travels: decode() checks it is one JSON object
};
struct Reply
{
    QByteArray json;
};

QByteArray encode(const Request &m);
QByteArray encode(const Resources &m);
QByteArray encode(const Ack &m);
QByteArray encode(const Nack &m);
QByteArray encode(const Refusal &m);
QByteArray encode(MessageType listOrWatch, const Inspect &m);
QByteArray encode(const Entries &m);
QByteArray encode(const Change &m);
QByteArray encode(const Revoke &m);
QByteArray encode(const Done &m);
QByteArray encode(const Handle &m);
QByteArray encode(const Status &m);
QByteArray encode(const Command &m);
QByteArray encode(const Reply &m);
// A whole snapshot as Entries frames, each as full as MaxPayloadSize allows.
QList<QByteArray> encodeSnapshot(const QList<ResourceInfo> &entries,
                                 const SharerStatistics &statistics, qint64 sharerPid);

struct Frame
{
    MessageType type = MessageType::Request;
    QByteArray payload;
};

// Incremental frame reader: feed it bytes as they arrive; next() says whether a
// whole frame is there. A bad header is an error at once, never trusted.
class FrameReader
{
public:
    enum class Status { NeedMore, Ready, Error };

    void append(const char *data, qsizetype size) { m_buffer.append(data, size); }
    // Takes the next whole frame out of the buffer.
    Status next(Frame *frame);
    ErrorCode error() const { return m_error; }
    QString errorString() const { return m_errorString; }
    qsizetype buffered() const { return m_buffer.size(); }

private:
    Status fail(ErrorCode code, const QString &text);

    QByteArray m_buffer;
    ErrorCode m_error = ErrorCode::None;
    QString m_errorString;
};

// Payload decoders. On failure they return false and say why in *error.
bool decode(const QByteArray &payload, Request *m, QString *error);
bool decode(const QByteArray &payload, Resources *m, QString *error);
bool decode(const QByteArray &payload, Ack *m, QString *error);
bool decode(const QByteArray &payload, Nack *m, QString *error);
bool decode(const QByteArray &payload, Refusal *m, QString *error);
bool decode(const QByteArray &payload, Inspect *m, QString *error);
bool decode(const QByteArray &payload, Entries *m, QString *error);
bool decode(const QByteArray &payload, Change *m, QString *error);
bool decode(const QByteArray &payload, Revoke *m, QString *error);
bool decode(const QByteArray &payload, Done *m, QString *error);
bool decode(const QByteArray &payload, Handle *m, QString *error);
bool decode(const QByteArray &payload, Status *m, QString *error);
bool decode(const QByteArray &payload, Command *m, QString *error);
bool decode(const QByteArray &payload, Reply *m, QString *error);

} // namespace qrs::protocol
