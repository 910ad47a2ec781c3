// SPDX-FileCopyrightText: 2026 QtResourceSharer contributors
//
// SPDX-License-Identifier: BSD-3-Clause

// ResourceId: the token's round trip and every way it can be malformed. Built
// for Linux and for Windows (tst_resourceid_win, run under Wine), where the
// address is a pipe name rather than a socket path.
#include "testutil.h"

#include <qrs/resourceid.h>

#include <QTest>

namespace {
#ifdef Q_OS_WIN
const QString Root;                                       // a pipe name
const QString NotAnAddress = QStringLiteral("pipe name"); // what a bad one is told
#else
const QString Root = QStringLiteral("/"); // an absolute path
const QString NotAnAddress = QStringLiteral("absolute");
#endif
} // namespace

class tst_ResourceId : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void roundTrip_data()
    {
        QTest::addColumn<QString>("address");
#ifdef Q_OS_WIN
        QTest::newRow("pipe name") << QStringLiteral("qrs-1234-0123456789abcdef");
        QTest::newRow("spaces") << QStringLiteral("my pipe qrs-x");
        QTest::newRow("percent and at") << QStringLiteral("100%@home");
        QTest::newRow("non-ascii") << QStringLiteral("\u00e9t\u00e9-s");
#else
        QTest::newRow("runtime dir")
                << QStringLiteral("/run/user/1000/qrs-Ab12Cd/s-0123456789abcdef");
        QTest::newRow("spaces") << QStringLiteral("/tmp/my dir/qrs-x/s");
        QTest::newRow("percent and at") << QStringLiteral("/tmp/100%@home/s");
        QTest::newRow("non-ascii") << QStringLiteral("/tmp/\u00e9t\u00e9/s");
#endif
    }

    void roundTrip()
    {
        QFETCH(QString, address);
        const qrs::ResourceId id(address, QByteArray::fromHex("00112233445566778899aabbccddeeff"));
        QVERIFY(id.isValid());
        const QString token = id.toString();
        QVERIFY(token.startsWith(QLatin1String("qrs1:00112233445566778899aabbccddeeff@")));
        for (QChar c : token)
            QVERIFY2(c.unicode() > 0x20 && c.unicode() < 0x7f, qPrintable(token));
        QString error;
        const qrs::ResourceId back = qrs::ResourceId::fromString(token, &error);
        QVERIFY2(back.isValid(), qPrintable(error));
        QCOMPARE(back, id);
        QCOMPARE(back.address(), address);
    }

    void malformed_data()
    {
        QTest::addColumn<QString>("token");
        QTest::addColumn<QString>("complaint");
        const QString key = QStringLiteral("00112233445566778899aabbccddeeff");
        QTest::newRow("empty") << QString() << QStringLiteral("empty");
        QTest::newRow("wrong prefix")
                << QStringLiteral("qrs2:") + key + QStringLiteral("@/s") << QStringLiteral("qrs1:");
        QTest::newRow("no at") << QStringLiteral("qrs1:") + key << QStringLiteral("'@'");
        QTest::newRow("short key") << QStringLiteral("qrs1:0011@/s") << QStringLiteral("32");
        QTest::newRow("long key") << QStringLiteral("qrs1:") + key + QStringLiteral("00@/s")
                                  << QStringLiteral("32");
        QTest::newRow("not hex") << QStringLiteral("qrs1:zz112233445566778899aabbccddeeff@/s")
                                 << QStringLiteral("hexadecimal");
#ifdef Q_OS_WIN
        QTest::newRow("a path") << QStringLiteral("qrs1:") + key + QStringLiteral("@/tmp/s")
                                << NotAnAddress;
#else
        QTest::newRow("relative") << QStringLiteral("qrs1:") + key + QStringLiteral("@tmp/s")
                                  << NotAnAddress;
#endif
        QTest::newRow("empty address")
                << QStringLiteral("qrs1:") + key + QStringLiteral("@") << NotAnAddress;
        QTest::newRow("space") << QStringLiteral("qrs1:") + key + QStringLiteral("@") + Root
                        + QStringLiteral("a b")
                               << QStringLiteral("white space");
        QTest::newRow("nul") << QStringLiteral("qrs1:") + key + QStringLiteral("@") + Root
                        + QStringLiteral("a%00b")
                             << QStringLiteral("NUL");
        QTest::newRow("too long") << QStringLiteral("qrs1:") + key + QStringLiteral("@") + Root
                        + QString(300, QLatin1Char('a'))
                                  << QStringLiteral("longer");
#ifndef Q_OS_WIN
        // Found by the fuzzer: bytes that are not UTF-8 would decode to a
        // different path (and a longer one, after the round trip). Windows
        // names files in its ANSI code page, which decodes every byte and gives
        // the same bytes back: there "@qrs%abc" is the pipe "qrs«c" (code page 1252).
        QTest::newRow("invalid UTF-8 in the path")
                << QStringLiteral("qrs1:") + key + QStringLiteral("@/run/qrs%abc/s-1")
                << QStringLiteral("not a valid file name");
#endif
        QTest::newRow("binary junk")
                << QString::fromLatin1("\x01\x02\xff garbage") << QStringLiteral("qrs1:");
    }

    void malformed()
    {
        QFETCH(QString, token);
        QFETCH(QString, complaint);
        QString error;
        qrs::Error code = qrs::Error::NoError;
        const qrs::ResourceId id = qrs::ResourceId::fromString(token, &code, &error);
        QVERIFY(!id.isValid());
        QCOMPARE(code, qrs::Error::InvalidId);
        QVERIFY(!error.isEmpty());
        // What the sentence says, where the library speaks English (it follows
        // the locale; the code above is what a program acts on).
        const bool english =
                QCoreApplication::translate("qrs", "it is empty") == QLatin1String("it is empty");
        if (english)
            QVERIFY2(error.contains(complaint), qPrintable(error));
        QVERIFY(id.toString().isEmpty());
        // Without an error pointer it must not crash either.
        QVERIFY(!qrs::ResourceId::fromString(token).isValid());
    }
};

QRS_TEST_MAIN(tst_ResourceId)
#include "tst_resourceid.moc"
