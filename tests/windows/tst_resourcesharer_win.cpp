// SPDX-FileCopyrightText: 2026 QtResourceSharer contributors
//
// SPDX-License-Identifier: BSD-3-Clause

// The sharer on Windows, built for Windows and run under Wine: its server on a
// named pipe, resources made over in band by the Win32 courier, peers known by
// GetNamedPipeClientProcessId. The receiver here is this very process (the
// server checks its pid like any other), or, for the request naming another
// pid, client::Transfer told to lie.

#include "client/transfer_p.h"

#include <qrs/dupfd.h>
#include <qrs/dupsocket.h>
#include <qrs/resourcesharer.h>

#include <QElapsedTimer>
#include <QLocalSocket>
#include <QSignalSpy>
#include <QTcpServer>
#include <QtTest>

// clang-format off
#include <windows.h>
// clang-format on

using qrs::ResourceId;
using qrs::ResourceSharer;

class tst_ResourceSharerWin : public QObject
{
    Q_OBJECT

private:
    ResourceSharer *sharer = ResourceSharer::instance();

    // The read end of a fresh pipe, registered; the write end in *writeEnd.
    ResourceId registerPipe(HANDLE *writeEnd, const QString &name = {}, qint64 ttlMs = 0)
    {
        HANDLE readEnd = nullptr;
        if (!::CreatePipe(&readEnd, writeEnd, nullptr, 0))
            return {};
        QString error;
        const ResourceId id =
                sharer->registerResource(qrs::NativeHandle(readEnd), {name, ttlMs}, &error);
        if (!id.isValid())
            qWarning() << error;
        return id;
    }

private Q_SLOTS:
    void registrationDescribesTheResource()
    {
        QTcpServer server;
        QVERIFY(server.listen(QHostAddress::LocalHost));
        const ResourceId id = sharer->registerResource(
                ResourceSharer::duplicate(qrs::NativeHandle(server.socketDescriptor())),
                {QStringLiteral("http"), 0});
        QVERIFY(id.isValid());
        QVERIFY(sharer->isRunning());
        // A pipe name, not a path.
        QVERIFY(!sharer->address().contains(QLatin1Char('/')));
        QCOMPARE(ResourceId::fromString(id.toString()), id);
        const QList<qrs::ResourceInfo> entries = sharer->snapshot();
        QCOMPARE(entries.size(), 1);
        QCOMPARE(entries.first().kind, qrs::ResourceKind::Socket);
        QCOMPARE(entries.first().socketFamily, QStringLiteral("ipv4"));
        QVERIFY(entries.first().listening);
        QCOMPARE(entries.first().localPort, int(server.serverPort()));
        QVERIFY(sharer->revoke(id));
    }

    void aResourceIsTakenOnce()
    {
        HANDLE writeEnd = nullptr;
        const ResourceId id = registerPipe(&writeEnd, QStringLiteral("once"));
        QVERIFY(id.isValid());
        QSignalSpy transferred(sharer, &ResourceSharer::resourceTransferred);
        qrs::Error code = qrs::Error::Timeout;
        const qrs::NativeHandle taken = qrs::DupFd::detach(id, 5000, &code, nullptr);
        QVERIFY(taken >= 0);
        QCOMPARE(code, qrs::Error::NoError);
        // It is the pipe: what goes in one end comes out of what was taken.
        DWORD n = 0;
        QVERIFY(::WriteFile(writeEnd, "ok", 2, &n, nullptr));
        char buffer[2] = {};
        QVERIFY(::ReadFile(reinterpret_cast<HANDLE>(taken), buffer, 2, &n, nullptr));
        QCOMPARE(QByteArray(buffer, 2), QByteArray("ok"));
        ::CloseHandle(reinterpret_cast<HANDLE>(taken));
        ::CloseHandle(writeEnd);
        QTRY_COMPARE(transferred.count(), 1);
        QCOMPARE(transferred.at(0).at(1).toLongLong(), QCoreApplication::applicationPid());

        QCOMPARE(qrs::DupFd::detach(id, 5000, &code, nullptr), qrs::NativeHandle(-1));
        QCOMPARE(code, qrs::Error::AlreadyTaken);
    }

    void refusals()
    {
        HANDLE writeEnd = nullptr;
        const ResourceId id = registerPipe(&writeEnd);
        ::CloseHandle(writeEnd);
        qrs::Error code = qrs::Error::NoError;
        QCOMPARE(qrs::DupFd::detach(ResourceId(id.address(), QByteArray(16, 'z')), 5000, &code,
                                    nullptr),
                 qrs::NativeHandle(-1));
        QCOMPARE(code, qrs::Error::UnknownKey);
        // A pipe is not a socket: given back, and still there for DupFd.
        QCOMPARE(qrs::DupSocket::detach(id, 5000, &code, nullptr), qintptr(-1));
        QCOMPARE(code, qrs::Error::WrongKind);
        const qrs::NativeHandle taken = qrs::DupFd::detach(id, 5000, &code, nullptr);
        QVERIFY(taken >= 0);
        ::CloseHandle(reinterpret_cast<HANDLE>(taken));
        // No sharer at all at that name.
        QCOMPARE(qrs::DupFd::detach(ResourceId(QStringLiteral("qrs-nobody"), QByteArray(16, 'k')),
                                    2000, &code, nullptr),
                 qrs::NativeHandle(-1));
        QCOMPARE(code, qrs::Error::SharerUnreachable);
    }

    // The server asks the pipe who its client is (GetNamedPipeClientProcessId)
    // and refuses a request that names another process.
    void aRequestNamingAnotherPidIsRefused()
    {
        HANDLE writeEnd = nullptr;
        const ResourceId id = registerPipe(&writeEnd);
        ::CloseHandle(writeEnd);
        qrs::client::Transfer transfer(id.address(), {qrs::protocol::Key::fromBytes(id.key())});
        transfer.setRequestPid(QCoreApplication::applicationPid() + 4);
        QString error;
        QVERIFY(transfer.runBlocking(5000, &error).isEmpty());
        QCOMPARE(transfer.error(), qrs::Error::Denied);
        // Nothing was handed out: the right pid still gets it.
        qrs::Error code = qrs::Error::NoError;
        const qrs::NativeHandle taken = qrs::DupFd::detach(id, 5000, &code, nullptr);
        QVERIFY(taken >= 0);
        ::CloseHandle(reinterpret_cast<HANDLE>(taken));
    }

    void timeToLiveAndRevoke()
    {
        HANDLE writeEnd = nullptr;
        QSignalSpy expired(sharer, &ResourceSharer::resourceExpired);
        const ResourceId shortLived = registerPipe(&writeEnd, QStringLiteral("lease"), 200);
        ::CloseHandle(writeEnd);
        QTRY_COMPARE(expired.count(), 1);
        qrs::Error code = qrs::Error::NoError;
        QCOMPARE(qrs::DupFd::detach(shortLived, 5000, &code, nullptr), qrs::NativeHandle(-1));
        QCOMPARE(code, qrs::Error::Expired);

        const ResourceId withdrawn = registerPipe(&writeEnd);
        ::CloseHandle(writeEnd);
        QVERIFY(sharer->revoke(withdrawn));
        QCOMPARE(qrs::DupFd::detach(withdrawn, 5000, &code, nullptr), qrs::NativeHandle(-1));
        QCOMPARE(code, qrs::Error::Revoked);
    }

    // A client that connects and says nothing delays no one, and stop() does
    // not wait for it.
    void stopWithASilentClient()
    {
        HANDLE writeEnd = nullptr;
        const ResourceId id = registerPipe(&writeEnd);
        ::CloseHandle(writeEnd);
        QLocalSocket silent;
        silent.connectToServer(sharer->address());
        QVERIFY(silent.waitForConnected(5000));
        qrs::Error code = qrs::Error::NoError;
        const qrs::NativeHandle taken = qrs::DupFd::detach(id, 5000, &code, nullptr);
        QVERIFY(taken >= 0);
        ::CloseHandle(reinterpret_cast<HANDLE>(taken));

        QElapsedTimer clock;
        clock.start();
        QVERIFY(sharer->stop(5000));
        QVERIFY(clock.elapsed() < 5000);
        QVERIFY(!sharer->isRunning());
        QCOMPARE(sharer->count(), 0);
        // The next registration serves again.
        const ResourceId again = registerPipe(&writeEnd);
        ::CloseHandle(writeEnd);
        const qrs::NativeHandle later = qrs::DupFd::detach(again, 5000, &code, nullptr);
        QVERIFY(later >= 0);
        ::CloseHandle(reinterpret_cast<HANDLE>(later));
    }
};

QTEST_GUILESS_MAIN(tst_ResourceSharerWin)
#include "tst_resourcesharer_win.moc"
