#include "protocol/protocol.h"

#include <QtEndian>
#include <QtTest>

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

QTEST_GUILESS_MAIN(tst_Protocol)
#include "tst_protocol.moc"
