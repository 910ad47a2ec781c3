// SPDX-FileCopyrightText: 2026 QtResourceSharer contributors
//
// SPDX-License-Identifier: BSD-3-Clause

// DupSocket: the seed's Windows name, on every platform. Takes and gives back
// what Qt's sockets use (socketDescriptor() / setSocketDescriptor()).
#include "testutil.h"

#include <qrs/dupsocket.h>
#include <qrs/resourcesharer.h>

#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QtTest>

#include <fcntl.h>
#include <unistd.h>

class tst_DupSocket : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        // Start the sharer, so that its descriptors are in every baseline.
        int p[2];
        QVERIFY(::pipe2(p, O_CLOEXEC) == 0);
        qrs::DupFd warmUp(p[0]);
        QVERIFY(warmUp.revoke());
        ::close(p[0]);
        ::close(p[1]);
    }

    void aListeningSocketTravelsAndAccepts()
    {
        const int baseline = qrstest::openFds();
        QTcpServer original;
        QVERIFY(original.listen(QHostAddress::LocalHost));
        const quint16 port = original.serverPort();
        qrs::DupSocket shared(original.socketDescriptor());
        QVERIFY2(shared.isValid(), qPrintable(shared.errorString()));
        QSignalSpy detached(&shared, &qrs::DupFd::detached);
        original.close(); // only the sharer's copy is left

        QString error;
        const qintptr socket = qrs::DupSocket::detach(shared.id(), 5000, &error);
        QVERIFY2(socket >= 0, qPrintable(error));
        QTcpServer adopted;
        QVERIFY(adopted.setSocketDescriptor(socket));
        QVERIFY(adopted.isListening());
        QCOMPARE(adopted.serverPort(), port);
        QTRY_COMPARE(detached.count(), 1);

        QTcpSocket client;
        client.connectToHost(QHostAddress::LocalHost, port);
        QVERIFY(adopted.waitForNewConnection(5000));
        QTcpSocket *accepted = adopted.nextPendingConnection();
        QVERIFY(accepted);
        QVERIFY(client.waitForConnected(5000));
        client.write("through a DupSocket");
        QVERIFY(client.waitForBytesWritten(5000));
        QVERIFY(accepted->waitForReadyRead(5000));
        QCOMPARE(accepted->readAll(), QByteArray("through a DupSocket"));
        delete accepted;
        client.close();
        adopted.close();
        QTRY_COMPARE(qrstest::openFds(), baseline);
    }

    void anythingButASocketIsRefused()
    {
        const int baseline = qrstest::openFds();
        int p[2];
        QVERIFY(::pipe2(p, O_CLOEXEC) == 0);
        {
            QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("not a socket")));
            qrs::DupSocket notASocket(p[0]);
            QVERIFY(!notASocket.isValid());
            QCOMPARE(notASocket.error(), qrs::Error::WrongKind);
            QVERIFY(notASocket.errorString().contains(QString::number(p[0])));
        }
        // A pipe shared as a descriptor and asked for as a socket.
        qrs::DupFd pipe(p[0], qrs::RegisterOptions{QStringLiteral("a-pipe"), 0});
        QVERIFY(pipe.isValid());
        QString error;
        qrs::Error code = qrs::Error::NoError;
        QCOMPARE(qrs::DupSocket::detach(pipe.id(), 5000, &code, &error), qintptr(-1));
        QCOMPARE(code, qrs::Error::WrongKind);
        QVERIFY2(error.contains(QLatin1String("a-pipe")), qPrintable(error));
        // Given back, not spent: DupFd takes it.
        const int fd = qrs::DupFd::detach(pipe.id(), 5000, &error);
        QVERIFY2(fd >= 0, qPrintable(error));
        ::close(fd);
        ::close(p[0]);
        ::close(p[1]);
        QTRY_COMPARE(qrstest::openFds(), baseline);
    }
};

QTEST_GUILESS_MAIN(tst_DupSocket)
#include "tst_dupsocket.moc"
