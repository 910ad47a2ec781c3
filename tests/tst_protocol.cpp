// SPDX-FileCopyrightText: 2026 QtResourceSharer contributors
//
// SPDX-License-Identifier: BSD-3-Clause

#include "protocol/protocol.h"
#include "testutil.h"

#include <QTest>
#include <QtEndian>

using namespace qrs::protocol;

class tst_Protocol : public QObject
{
    Q_OBJECT

private:
    static Key key(quint8 fill)
    {
        Key k;
        k.bytes.fill(fill);
        return k;
    }
    static Frame readOne(const QByteArray &bytes)
    {
        FrameReader reader;
        reader.append(bytes.constData(), bytes.size());
        Frame frame;
        [&] {
            QCOMPARE(reader.next(&frame), FrameReader::Status::Ready);
        }();
        return frame;
    }

private Q_SLOTS:
    void requestRoundTrip()
    {
        const Request in{4242, {key(1), key(2), key(0xff)}};
        const Frame frame = readOne(encode(in));
        QCOMPARE(frame.type, MessageType::Request);
        Request out;
        QString error;
        QVERIFY2(decode(frame.payload, &out, &error), qPrintable(error));
        QCOMPARE(out.pid, 4242);
        QCOMPARE(out.keys, in.keys);
    }

    void resourcesRoundTrip()
    {
        Resources in;
        in.resources = {{WireKind::Socket, QStringLiteral("http")},
                        {WireKind::File, QStringLiteral("journal \u00e9t\u00e9")},
                        {WireKind::Memfd, QString()}};
        Resources out;
        QString error;
        QVERIFY2(decode(readOne(encode(in)).payload, &out, &error), qPrintable(error));
        QCOMPARE(out.resources.size(), 3);
        QCOMPARE(out.resources.at(1).name, in.resources.at(1).name);
        QCOMPARE(out.resources.at(0).kind, WireKind::Socket);
    }

    // Windows' named pipes carry no descriptors: each resource follows its
    // Resources frame as the bytes that rebuild it in the receiver.
    void handleRoundTripAndRefusals()
    {
        QByteArray protocolInfo(628, '\0');
        for (int i = 0; i < protocolInfo.size(); ++i)
            protocolInfo[i] = char(i * 7);
        for (const Handle &in :
             {Handle{0, protocolInfo}, Handle{127, QByteArray(8, '\x42')}, Handle{3, QByteArray()},
              Handle{9, QByteArray(MaxHandleDataSize, 'x')}}) {
            const Frame frame = readOne(encode(in));
            QCOMPARE(frame.type, MessageType::Handle);
            Handle out;
            QString error;
            QVERIFY2(decode(frame.payload, &out, &error), qPrintable(error));
            QCOMPARE(out.index, in.index);
            QCOMPARE(out.data, in.data);
            // Every cut of the payload is refused, and so is a byte too many.
            for (qsizetype n = 0; n < frame.payload.size(); ++n)
                QVERIFY(!decode(frame.payload.left(n), &out, &error));
            QVERIFY(!decode(frame.payload + 'x', &out, &error));
            // The message's kind, as the protocol names it (never translated).
            QVERIFY2(error.contains(QLatin1String("handle")), qPrintable(error));
        }
        // A length past the limit is refused even with the bytes there.
        QByteArray tooLong(4, '\0');
        qToBigEndian(quint16(MaxHandleDataSize + 1), tooLong.data() + 2);
        tooLong.append(QByteArray(MaxHandleDataSize + 1, 'x'));
        Handle out;
        QString error;
        QVERIFY(!decode(tooLong, &out, &error));
    }

    // A process status is one JSON object, as it was sent, or nothing.
    void statusRoundTripAndRefusals()
    {
        const QByteArray json =
                R"({"supervisor":{"pid":42},"workers":[{"slot":0,"status":"grün"}]})";
        const Frame frame = readOne(encode(Status{json}));
        QCOMPARE(frame.type, MessageType::Status);
        Status out;
        QString error;
        QVERIFY2(decode(frame.payload, &out, &error), qPrintable(error));
        QCOMPARE(out.json, json);
        for (const QByteArray &bad :
             {QByteArray(), QByteArray("[1,2]"), QByteArray("\"text\""), QByteArray("{\"a\":"),
              QByteArray("{} {}"), QByteArray("{\"a\":\"\xff\"}"),
              "{\"a\":\"" + QByteArray(MaxStatusSize, 'x') + "\"}"}) {
            QVERIFY2(!decode(bad, &out, &error), bad.left(40).constData());
            QVERIFY2(error.contains(QLatin1String("status")), qPrintable(error));
        }
    }

    void refusalNackAckRoundTrip()
    {
        Refusal r;
        QVERIFY(decode(readOne(encode(Refusal{ErrorCode::AlreadyTaken, 3, QStringLiteral("gone")}))
                               .payload,
                       &r, nullptr));
        QCOMPARE(r.code, ErrorCode::AlreadyTaken);
        QCOMPARE(r.keyIndex, quint16(3));
        QCOMPARE(r.message, QStringLiteral("gone"));

        Nack n;
        QVERIFY(decode(readOne(encode(Nack{ErrorCode::Truncated, QStringLiteral("x")})).payload, &n,
                       nullptr));
        QCOMPARE(n.code, ErrorCode::Truncated);

        Ack a;
        QVERIFY(decode(readOne(encode(Ack{7})).payload, &a, nullptr));
        QCOMPARE(a.count, quint16(7));
    }

    void longTextIsCutOnACharacterBoundary()
    {
        const QString longName = QString(300, QChar(0x00e9)); // 2 UTF-8 bytes each
        Resources in;
        in.resources = {{WireKind::File, longName}};
        Resources out;
        QVERIFY(decode(readOne(encode(in)).payload, &out, nullptr));
        QVERIFY(out.resources.at(0).name.toUtf8().size() <= MaxNameSize);
        QVERIFY(longName.startsWith(out.resources.at(0).name));
        QVERIFY(!out.resources.at(0).name.contains(QChar::ReplacementCharacter));
    }

    void incrementalFeedSaysNotYetComplete()
    {
        const QByteArray bytes = encode(Request{1, {key(9)}}) + encode(Ack{1});
        FrameReader reader;
        Frame frame;
        int ready = 0;
        for (char c : bytes) {
            reader.append(&c, 1);
            const FrameReader::Status s = reader.next(&frame);
            QVERIFY(s != FrameReader::Status::Error);
            if (s == FrameReader::Status::Ready)
                ++ready;
        }
        QCOMPARE(ready, 2);
        QCOMPARE(frame.type, MessageType::Ack);
        QCOMPARE(reader.buffered(), 0);
    }

    void badHeaders_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<ErrorCode>("code");
        QByteArray tooLarge = encode(Ack{1});
        qToBigEndian(quint32(MaxPayloadSize + 1), tooLarge.data() + 4);
        QByteArray oldVersion = encode(Ack{1});
        oldVersion[2] = char(Version + 1);
        QByteArray badType = encode(Ack{1});
        badType[3] = char(99);
        QTest::newRow("garbage") << QByteArray("GET / HTTP/1.1\r\n") << ErrorCode::Malformed;
        QTest::newRow("one bad byte") << QByteArray("X") << ErrorCode::Malformed;
        QTest::newRow("too large") << tooLarge << ErrorCode::TooLarge;
        QTest::newRow("other version") << oldVersion << ErrorCode::UnsupportedVersion;
        QTest::newRow("unknown type") << badType << ErrorCode::Malformed;
    }

    void badHeaders()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(ErrorCode, code);
        FrameReader reader;
        reader.append(bytes.constData(), bytes.size());
        Frame frame;
        QCOMPARE(reader.next(&frame), FrameReader::Status::Error);
        QCOMPARE(reader.error(), code);
        QVERIFY(!reader.errorString().isEmpty());
        // An error is final: more bytes do not revive the reader.
        const QByteArray good = encode(Ack{1});
        reader.append(good.constData(), good.size());
        QCOMPARE(reader.next(&frame), FrameReader::Status::Error);
    }

    void badPayloads_data()
    {
        QTest::addColumn<QByteArray>("payload");
        QByteArray noKeys(6, '\0');
        QByteArray tooManyKeys(6, '\0');
        qToBigEndian(quint16(MaxKeysPerRequest + 1), tooManyKeys.data() + 4);
        QByteArray shortKey(6, '\0');
        qToBigEndian(quint16(1), shortKey.data() + 4);
        shortKey.append(QByteArray(KeySize - 1, 'k'));
        QByteArray trailing = readOne(encode(Request{1, {key(1)}})).payload + "x";
        QTest::newRow("empty") << QByteArray();
        QTest::newRow("no keys") << noKeys;
        QTest::newRow("too many keys") << tooManyKeys;
        QTest::newRow("truncated key") << shortKey;
        QTest::newRow("trailing byte") << trailing;
    }

    void badPayloads()
    {
        QFETCH(QByteArray, payload);
        Request request;
        QString error;
        QVERIFY(!decode(payload, &request, &error));
        QVERIFY(!error.isEmpty());
    }

    static qrs::ResourceInfo sampleEntry(quint8 fill, int pathBytes = 10)
    {
        qrs::ResourceInfo e;
        e.id = qrs::ResourceId(QStringLiteral("/ignored"), key(fill).toBytes());
        e.revision = 1000 + fill;
        e.kind = qrs::ResourceKind::Socket;
        e.state = qrs::ResourceState::InTransfer;
        e.name = QStringLiteral("listener-%1 \u00e9").arg(fill);
        e.description = QStringLiteral("tcp 127.0.0.1:8080 listening");
        e.path = QString(pathBytes, QLatin1Char('p'));
        e.socketFamily = QStringLiteral("ipv4");
        e.socketType = QStringLiteral("stream");
        e.listening = true;
        e.localAddress = QStringLiteral("127.0.0.1");
        e.localPort = 8080;
        e.registeringPid = 77;
        e.takenByPid = 78;
        e.registeredAt = QDateTime::fromMSecsSinceEpoch(1'700'000'000'123, Qt::UTC);
        e.expiresAt = fill % 2 ? QDateTime() : e.registeredAt.addSecs(30);
        return e;
    }
    static void compareEntries(const qrs::ResourceInfo &a, const qrs::ResourceInfo &b)
    {
        QCOMPARE(a.id.key(), b.id.key());
        QVERIFY(a.id.address().isEmpty()); // the receiver knows the address
        QCOMPARE(a.revision, b.revision);
        QCOMPARE(a.kind, b.kind);
        QCOMPARE(a.state, b.state);
        QCOMPARE(a.name, b.name);
        QCOMPARE(a.description, b.description);
        QCOMPARE(a.path, b.path);
        QCOMPARE(a.socketFamily, b.socketFamily);
        QCOMPARE(a.socketType, b.socketType);
        QCOMPARE(a.listening, b.listening);
        QCOMPARE(a.localAddress, b.localAddress);
        QCOMPARE(a.localPort, b.localPort);
        QCOMPARE(a.registeringPid, b.registeringPid);
        QCOMPARE(a.takenByPid, b.takenByPid);
        QCOMPARE(a.registeredAt, b.registeredAt);
        QCOMPARE(a.expiresAt, b.expiresAt);
    }

    void inspectionMessagesRoundTrip()
    {
        for (MessageType type : {MessageType::List, MessageType::Watch}) {
            const Frame frame = readOne(encode(type, Inspect{4321}));
            QCOMPARE(frame.type, type);
            Inspect out;
            QString error;
            QVERIFY2(decode(frame.payload, &out, &error), qPrintable(error));
            QCOMPARE(out.pid, 4321);
        }

        Change change;
        change.kind = ChangeKind::Failed;
        change.reason = QStringLiteral("the receiver went away");
        change.entry = sampleEntry(3);
        change.entry.localPort = -1; // no port survives as none
        Frame frame = readOne(encode(change));
        QCOMPARE(frame.type, MessageType::Change);
        Change changeOut;
        QString error;
        QVERIFY2(decode(frame.payload, &changeOut, &error), qPrintable(error));
        QCOMPARE(changeOut.kind, ChangeKind::Failed);
        QCOMPARE(changeOut.reason, change.reason);
        compareEntries(changeOut.entry, change.entry);

        frame = readOne(encode(Revoke{99, {key(4), key(5)}}));
        QCOMPARE(frame.type, MessageType::Revoke);
        Revoke revokeOut;
        QVERIFY2(decode(frame.payload, &revokeOut, &error), qPrintable(error));
        QCOMPARE(revokeOut.pid, 99);
        QCOMPARE(revokeOut.keys, (QList<Key>{key(4), key(5)}));

        Done doneOut;
        QVERIFY(decode(readOne(encode(Done{2})).payload, &doneOut, &error));
        QCOMPARE(doneOut.count, 2);
    }

    void snapshotIsSplitUnderThePayloadLimit_data()
    {
        QTest::addColumn<int>("count");
        QTest::addColumn<int>("pathBytes");
        QTest::newRow("empty cache") << 0 << 0;
        QTest::newRow("one entry") << 1 << 10;
        QTest::newRow("many small") << 2000 << 10;
        QTest::newRow("long paths") << 100 << MaxPathSize;
    }

    void snapshotIsSplitUnderThePayloadLimit()
    {
        QFETCH(int, count);
        QFETCH(int, pathBytes);
        QList<qrs::ResourceInfo> in;
        for (int i = 0; i < count; ++i)
            in.append(sampleEntry(quint8(i), pathBytes));
        qrs::SharerStatistics stats{10, 4, 3, 2, 1, 12345};
        const QList<QByteArray> frames = encodeSnapshot(in, stats, 555);
        QVERIFY(!frames.isEmpty());
        FrameReader reader;
        for (const QByteArray &f : frames)
            reader.append(f.constData(), f.size());
        QList<qrs::ResourceInfo> out;
        for (int i = 0; i < frames.size(); ++i) {
            QVERIFY(frames.at(i).size() <= FrameHeaderSize + qsizetype(MaxPayloadSize));
            Frame frame;
            QCOMPARE(reader.next(&frame), FrameReader::Status::Ready);
            QCOMPARE(frame.type, MessageType::Entries);
            Entries part;
            QString error;
            QVERIFY2(decode(frame.payload, &part, &error), qPrintable(error));
            QCOMPARE(part.last, i == frames.size() - 1);
            QCOMPARE(part.sharerPid, 555);
            QCOMPARE(part.statistics.taken, 4u);
            QCOMPARE(part.statistics.revision, 12345u);
            out.append(part.entries);
        }
        QCOMPARE(out.size(), in.size());
        for (int i = 0; i < in.size(); ++i)
            compareEntries(out.at(i), in.at(i));
        if (count == 2000)
            QVERIFY(frames.size() > 1);
    }

    void badInspectionPayloads()
    {
        QString error;
        Entries entries;
        QByteArray payload = readOne(encode(Entries{true, {}, 1, {sampleEntry(1)}})).payload;
        QVERIFY(decode(payload, &entries, &error));
        for (qsizetype cut = 0; cut < payload.size(); ++cut)
            QVERIFY2(!decode(payload.left(cut), &entries, &error),
                     qPrintable(QString::number(cut)));
        QVERIFY(!decode(payload + "x", &entries, &error));
        // An unknown state or kind is refused, not trusted.
        QByteArray badState = payload;
        const qsizetype stateOffset = 55 + KeySize + 8 + 1;
        badState[stateOffset] = char(9);
        QVERIFY(!decode(badState, &entries, &error));

        Change change;
        change.entry = sampleEntry(2);
        QByteArray badKind = readOne(encode(change)).payload;
        badKind[0] = char(0);
        QVERIFY(!decode(badKind, &change, &error));
        QVERIFY(!error.isEmpty());

        Inspect inspect;
        QVERIFY(!decode(QByteArray(3, '\0'), &inspect, &error));
        QVERIFY(!decode(QByteArray(5, '\0'), &inspect, &error));
        Revoke revoke;
        QVERIFY(!decode(QByteArray(6, '\0'), &revoke, &error)); // no keys
    }

    void everyCodeHasTextAndName()
    {
        for (int c = 1; c <= int(ErrorCode::Overloaded); ++c) {
            QVERIFY2(!errorCodeText(ErrorCode(c)).isEmpty(), qPrintable(QString::number(c)));
            QVERIFY(QByteArray(errorCodeName(ErrorCode(c))) != "unknown-code");
        }
    }

    void keysAreRandomAndDistinct()
    {
        QSet<QByteArray> seen;
        for (int i = 0; i < 1000; ++i)
            seen.insert(Key::generate().toBytes());
        QCOMPARE(seen.size(), 1000);
        QVERIFY(!seen.contains(QByteArray(KeySize, '\0')));
    }
};

QRS_TEST_MAIN(tst_Protocol)
#include "tst_protocol.moc"
