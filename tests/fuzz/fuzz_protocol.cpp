// SPDX-FileCopyrightText: 2026 QtResourceSharer contributors
//
// SPDX-License-Identifier: BSD-3-Clause

// A libFuzzer target over everything that parses bytes from a peer: the frame
// reader, every message decoder, and the identifier parser. Beyond "no crash",
// it checks that whatever decodes also survives encode -> decode unchanged.
// Built with clang and -fsanitize=fuzzer by ./scripts/fuzz; with any other
// compiler it is linked with replay_main.cpp, and ctest replays the corpus.
#include "protocol/protocol.h"

#include <qrs/resourceid.h>

#include <cstdint>
#include <cstdlib>
#include <cstring>

using namespace qrs::protocol;

namespace {

void check(bool ok)
{
    if (!ok)
        std::abort(); // a finding: libFuzzer saves the input
}

template<typename Message>
void roundTrip(const QByteArray &payload, MessageType type)
{
    Message m;
    QString error;
    if (!decode(payload, &m, &error)) {
        check(!error.isEmpty());
        return;
    }
    QByteArray again;
    if constexpr (std::is_same_v<Message, Inspect>)
        again = encode(type == MessageType::Watch ? MessageType::Watch : MessageType::List, m);
    else
        again = encode(m);
    FrameReader reader;
    reader.append(again.constData(), again.size());
    Frame frame;
    check(reader.next(&frame) == FrameReader::Status::Ready);
    Message back;
    check(decode(frame.payload, &back, &error));
    // Byte-for-byte: what decoded is what the sender meant.
    QByteArray twice;
    if constexpr (std::is_same_v<Message, Inspect>)
        twice = encode(type == MessageType::Watch ? MessageType::Watch : MessageType::List, back);
    else
        twice = encode(back);
    check(twice == again);
}

void decodeFrame(const Frame &frame)
{
    // Every decoder sees every payload, whatever the frame's type says.
    roundTrip<Request>(frame.payload, frame.type);
    roundTrip<Resources>(frame.payload, frame.type);
    roundTrip<Ack>(frame.payload, frame.type);
    roundTrip<Nack>(frame.payload, frame.type);
    roundTrip<Refusal>(frame.payload, frame.type);
    roundTrip<Inspect>(frame.payload, frame.type);
    roundTrip<Entries>(frame.payload, frame.type);
    roundTrip<Change>(frame.payload, frame.type);
    roundTrip<Revoke>(frame.payload, frame.type);
    roundTrip<Done>(frame.payload, frame.type);
    roundTrip<Handle>(frame.payload, frame.type);
    roundTrip<Status>(frame.payload, frame.type);
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const char *bytes = reinterpret_cast<const char *>(data);
    // The frame reader, fed in two pieces split where the first byte says.
    FrameReader reader;
    const size_t split = size ? data[0] % (size + 1) : 0;
    reader.append(bytes, qsizetype(split));
    Frame frame;
    bool more = true;
    for (int pass = 0; pass < 2; ++pass) {
        for (;;) {
            const FrameReader::Status status = reader.next(&frame);
            if (status == FrameReader::Status::Ready) {
                decodeFrame(frame);
                continue;
            }
            if (status == FrameReader::Status::Error) {
                check(reader.error() != ErrorCode::None && !reader.errorString().isEmpty());
                more = false;
            }
            break;
        }
        if (!more)
            break;
        reader.append(bytes + split, qsizetype(size - split));
    }
    // The whole input as one payload, too.
    decodeFrame(Frame{MessageType::Request, QByteArray(bytes, qsizetype(size))});

    // The identifier parser: what parses prints back to the same identifier.
    QString error;
    const qrs::ResourceId id =
            qrs::ResourceId::fromString(QString::fromUtf8(bytes, qsizetype(size)), &error);
    if (id.isValid()) {
        const qrs::ResourceId again = qrs::ResourceId::fromString(id.toString(), &error);
        check(again.isValid() && again == id && again.toString() == id.toString());
    } else {
        check(!error.isEmpty());
    }
    return 0;
}
