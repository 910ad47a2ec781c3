// SPDX-FileCopyrightText: 2026 QtResourceSharer contributors
//
// SPDX-License-Identifier: BSD-3-Clause

// DupSocket: the seed's Windows name, on every platform. Takes and gives back
// what Qt's sockets use (socketDescriptor() / setSocketDescriptor()). Built for
// Linux and for Windows (tst_dupsocket_win, run under Wine), where the socket
// travels in band (WSADuplicateSocketW for the receiver's pid).
#include "testutil.h"

#include <qrs/dupsocket.h>
#include <qrs/resourcesharer.h>

#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>

class tst_DupSocket : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        // Start the sharer, so that its descriptors are in every baseline.
        qrstest::Pipe pipe;
        qrs::DupFd warmUp(pipe.readEnd());
        QVERIFY(warmUp.revoke());
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
        {
            qrstest::Pipe p;
            {
                // In any language: the warning names the descriptor.
                QTest::ignoreMessage(
                        QtWarningMsg,
                        QRegularExpression(QStringLiteral("\\b%1\\b").arg(p.readEnd())));
                qrs::DupSocket notASocket(p.readEnd());
                QVERIFY(!notASocket.isValid());
                QCOMPARE(notASocket.error(), qrs::Error::WrongKind);
                QVERIFY(notASocket.errorString().contains(QString::number(p.readEnd())));
            }
            // A pipe shared as a descriptor and asked for as a socket.
            qrs::DupFd pipe(p.readEnd(), qrs::RegisterOptions{QStringLiteral("a-pipe"), 0});
            QVERIFY(pipe.isValid());
            QString error;
            qrs::Error code = qrs::Error::NoError;
            QCOMPARE(qrs::DupSocket::detach(pipe.id(), 5000, &code, &error), qintptr(-1));
            QCOMPARE(code, qrs::Error::WrongKind);
            QVERIFY2(error.contains(QLatin1String("a-pipe")), qPrintable(error));
            // Given back, not spent: DupFd takes it.
            const qrs::NativeHandle fd = qrs::DupFd::detach(pipe.id(), 5000, &error);
            QVERIFY2(fd >= 0, qPrintable(error));
            qrstest::closeHandle(fd);
        }
        QTRY_COMPARE(qrstest::openFds(), baseline);
    }

    // The listening socket goes to another process, which accepts a real
    // connection on it and answers; a second taker is refused.
    void aListeningSocketServesInAnotherProcess()
    {
        QTcpServer server;
        QVERIFY(server.listen(QHostAddress::LocalHost));
        server.pauseAccepting(); // the child accepts, not this process
        qrs::DupSocket shared(server.socketDescriptor());
        QVERIFY2(shared.isValid(), qPrintable(shared.errorString()));

        QProcess child;
        child.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        child.start(qrstest::helperPath(),
                    {QStringLiteral("serve-socket"), shared.id().toString()});
        QVERIFY(child.waitForStarted(10'000));
        const qint64 childPid = child.processId(); // QProcess forgets it once the child ends
        QTRY_COMPARE_WITH_TIMEOUT(shared.detachedBy(), childPid, 20'000);

        QTcpSocket client;
        client.connectToHost(QHostAddress::LocalHost, server.serverPort());
        QVERIFY(client.waitForConnected(10'000));
        QDeadlineTimer deadline(20'000);
        while (!client.canReadLine() && client.waitForReadyRead(int(deadline.remainingTime()))) { }
        QCOMPARE(client.readLine().trimmed(), "hello from " + QByteArray::number(childPid));
        QVERIFY(child.waitForFinished(20'000));
        QCOMPARE(child.exitCode(), 0);

        qrs::Error code = qrs::Error::NoError;
        QCOMPARE(qrs::DupSocket::detach(shared.id(), 5000, &code, nullptr), qintptr(-1));
        QCOMPARE(code, qrs::Error::AlreadyTaken);
    }
};

QRS_TEST_MAIN(tst_DupSocket)
#include "tst_dupsocket.moc"
