// SPDX-FileCopyrightText: 2026 QtResourceSharer contributors
//
// SPDX-License-Identifier: BSD-3-Clause

// DupSocket on Windows, built for Windows and run under Wine: a listening
// QTcpServer socket is shared by this process and taken by another one (this
// program again, started with QProcess), which accepts a real connection on
// 127.0.0.1 and answers it. The sharer listens on a named pipe; the socket
// travels in band (WSADuplicateSocketW for the receiver's pid).

#include <qrs/dupsocket.h>
#include <qrs/resourcesharer.h>

#include <QProcess>
#include <QTcpServer>
#include <QTcpSocket>
#include <QtTest>

namespace {

// The child: takes the socket, accepts one connection, answers, exits.
int takeAndServe(const QString &token)
{
    qrs::Error code = qrs::Error::NoError;
    QString why;
    const qintptr socket =
            qrs::DupSocket::detach(qrs::ResourceId::fromString(token), 10'000, &code, &why);
    if (socket < 0) {
        std::fprintf(stderr, "detach failed: %s\n", qPrintable(why));
        return 2;
    }
    QTcpServer server;
    if (!server.setSocketDescriptor(socket)) {
        std::fprintf(stderr, "setSocketDescriptor: %s\n", qPrintable(server.errorString()));
        return 3;
    }
    if (!server.waitForNewConnection(10'000))
        return 4;
    QTcpSocket *client = server.nextPendingConnection();
    client->write("hello from the child");
    client->waitForBytesWritten(5000);
    client->disconnectFromHost();
    return 0;
}

} // namespace

class tst_DupSocketWin : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void aListeningSocketServesInAnotherProcess()
    {
        QTcpServer server;
        QVERIFY(server.listen(QHostAddress::LocalHost));
        server.pauseAccepting(); // the child accepts, not this process
        qrs::DupSocket shared(server.socketDescriptor());
        QVERIFY2(shared.isValid(), qPrintable(shared.errorString()));
        QVERIFY(shared.id().isValid());

        QProcess child;
        child.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        child.start(QCoreApplication::applicationFilePath(),
                    {QStringLiteral("--take"), shared.id().toString()});
        QVERIFY(child.waitForStarted(10'000));
        const qint64 childPid = child.processId(); // QProcess forgets it once the child ends

        QTcpSocket client;
        client.connectToHost(QHostAddress::LocalHost, server.serverPort());
        QVERIFY(client.waitForConnected(10'000));
        QByteArray answer;
        QDeadlineTimer deadline(20'000);
        while (!answer.contains("child") && !deadline.hasExpired()) {
            if (client.waitForReadyRead(int(deadline.remainingTime())))
                answer += client.readAll();
            else if (client.state() != QAbstractSocket::ConnectedState)
                break;
        }
        answer += client.readAll();
        QVERIFY(child.waitForFinished(20'000));
        QCOMPARE(child.exitCode(), 0);
        QCOMPARE(answer, QByteArray("hello from the child"));
        QTRY_COMPARE(shared.detachedBy(), childPid);

        // Taken once: a second receiver is told so.
        qrs::Error code = qrs::Error::NoError;
        QCOMPARE(qrs::DupSocket::detach(shared.id(), 5000, &code, nullptr), qintptr(-1));
        QCOMPARE(code, qrs::Error::AlreadyTaken);
    }
};

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    if (argc == 3 && qstrcmp(argv[1], "--take") == 0)
        return takeAndServe(QString::fromLocal8Bit(argv[2]));
    tst_DupSocketWin test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_dupsocket_win.moc"
