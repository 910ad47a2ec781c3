// SPDX-FileCopyrightText: 2026 QtResourceSharer contributors
//
// SPDX-License-Identifier: BSD-3-Clause

// The sharer: registration and its metadata, one-shot handoffs within and
// across processes, refusals, deadlines, limits, stop. Built for Linux and for
// Windows (tst_resourcesharer_win, run under Wine: the server on a named pipe,
// peers known by GetNamedPipeClientProcessId); the cases of Unix's own
// mechanisms (fork, uids, RLIMIT_NOFILE, the socket file, the raw wire) are
// Unix's.
#include "client/transfer_p.h"
#include "common/filehandle_p.h"
#include "testutil.h"

#include <qrs/detachjob.h>
#include <qrs/dupfd.h>
#include <qrs/resourcesharer.h>

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QLocalSocket>
#include <QMetaEnum>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>
#include <QtEndian>

#ifndef Q_OS_WIN
#include <fcntl.h>
#include <grp.h>
#include <netinet/in.h>
#include <poll.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <sys/wait.h>
#include <unistd.h>
#endif

using qrs::ResourceId;
using qrs::ResourceSharer;
using qrstest::closeHandle;

class tst_ResourceSharer : public QObject
{
    Q_OBJECT

private:
    ResourceSharer *sharer = ResourceSharer::instance();

    // A registered pipe read end; the write end, if asked for, is the test's to close.
    ResourceId registerPipe(qrs::NativeHandle *writeEnd = nullptr, qint64 ttlMs = 0,
                            const QString &name = {})
    {
        return registerPipe(qrs::RegisterOptions(name, ttlMs), writeEnd);
    }
    ResourceId registerPipe(const qrs::RegisterOptions &options,
                            qrs::NativeHandle *writeEnd = nullptr)
    {
        qrstest::Pipe pipe;
        QString error;
        const ResourceId id = sharer->registerResource(pipe.takeRead(), options, &error);
        if (writeEnd)
            *writeEnd = pipe.takeWrite();
        if (!id.isValid())
            qWarning() << error;
        return id;
    }

#ifndef Q_OS_WIN
    // Takes id here and closes it: "GOT FD", or the refusal's code and sentence
    // ("Denied: refused: access denied").
    static QByteArray tryToTake(const ResourceId &id)
    {
        QString why;
        qrs::Error code = qrs::Error::NoError;
        const qrs::NativeHandle fd = qrs::DupFd::detach(id, 5000, &code, &why);
        if (fd >= 0) {
            qrstest::closeHandle(fd);
            return "GOT FD";
        }
        return QByteArray(QMetaEnum::fromType<qrs::Error>().valueToKey(int(code))) + ": "
                + why.toUtf8();
    }

    // A client that connects and says nothing (or a few bytes).
    static int silentClient(const QString &address, const QByteArray &says = {})
    {
        const int fd = ::socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
        sockaddr_un addr = {};
        addr.sun_family = AF_UNIX;
        const QByteArray path = QFile::encodeName(address);
        std::memcpy(addr.sun_path, path.constData(), size_t(path.size()));
        if (::connect(fd, reinterpret_cast<sockaddr *>(&addr), sizeof(addr)) != 0) {
            closeHandle(fd);
            return -1;
        }
        if (!says.isEmpty() && ::write(fd, says.constData(), size_t(says.size())) < 0) {
            closeHandle(fd);
            return -1;
        }
        return fd;
    }

    // Everything the server sends until it closes the connection, or until
    // timeoutMs; *closed says whether it closed.
    static QByteArray readUntilClosed(int fd, int timeoutMs, bool *closed)
    {
        QByteArray got;
        QDeadlineTimer deadline(timeoutMs);
        char buf[4096];
        *closed = false;
        while (!deadline.hasExpired()) {
            pollfd pfd{fd, POLLIN, 0};
            if (::poll(&pfd, 1, int(deadline.remainingTime())) != 1)
                break;
            const ssize_t n = ::read(fd, buf, sizeof(buf));
            if (n <= 0) {
                *closed = true;
                break;
            }
            got.append(buf, int(n));
        }
        return got;
    }

    // Resident memory of this process, in bytes.
    static qint64 residentBytes()
    {
        QFile statm(QStringLiteral("/proc/self/statm"));
        if (!statm.open(QIODevice::ReadOnly))
            return -1;
        return statm.readAll().split(' ').value(1).toLongLong() * ::sysconf(_SC_PAGESIZE);
    }
#endif

    // One helper process takes count resources, one connection each. *output:
    // what it printed ("N us"); *openWhileCached: descriptors open before it ran.
    void handOffAcrossProcesses(int count, QByteArray *output = nullptr,
                                int *openWhileCached = nullptr)
    {
        QByteArray ids;
        for (int i = 0; i < count; ++i)
            ids += registerPipe().toString().toLatin1() + '\n';
        if (openWhileCached)
            *openWhileCached = qrstest::openFds();
        QProcess receiver;
        receiver.start(qrstest::helperPath(), {QStringLiteral("detach-all")});
        QVERIFY(receiver.waitForStarted());
        receiver.write(ids);
        receiver.closeWriteChannel();
        QVERIFY(receiver.waitForFinished(60'000));
        QVERIFY2(receiver.exitCode() == 0, receiver.readAllStandardError().constData());
        if (output)
            *output = receiver.readAllStandardOutput();
        QTRY_COMPARE(sharer->count(), 0);
    }

private Q_SLOTS:
    void init()
    {
        // Every test starts with a running sharer and an empty cache.
        sharer->setConnectionTimeout(qrs::protocol::DefaultConnectionTimeoutMs);
        sharer->setAllowedUids({});
        for (const qrs::ResourceInfo &info : sharer->snapshot())
            sharer->revoke(info.id);
        QTRY_COMPARE(sharer->count(), 0);
        // Deliver what those revocations queued, so no spy of this test sees it.
        QCoreApplication::sendPostedEvents();
    }

    void registrationFillsMetadata()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("data.txt"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadWrite));
        QSignalSpy registered(sharer, &ResourceSharer::resourceRegistered);
        QString error;
        const ResourceId id =
                sharer->registerResource(ResourceSharer::duplicate(qrs::nativeHandleOf(file)),
                                         {QStringLiteral("journal"), 60'000}, &error);
        QVERIFY2(id.isValid(), qPrintable(error));
        QCOMPARE(id.address(), sharer->address());
#ifdef Q_OS_WIN
        // A pipe name, not a path.
        QVERIFY(!id.address().contains(QLatin1Char('/')));
#else
        QVERIFY(QFileInfo(id.address()).exists());
        // The socket lives in a private directory.
        QCOMPARE(QFileInfo(QFileInfo(id.address()).path()).permissions()
                         & (QFile::ReadGroup | QFile::WriteGroup | QFile::ExeGroup
                            | QFile::ReadOther | QFile::WriteOther | QFile::ExeOther),
                 QFile::Permissions());
#endif

        QTRY_COMPARE(registered.count(), 1);
        const auto info = registered.at(0).at(0).value<qrs::ResourceInfo>();
        QCOMPARE(info.id, id);
        QCOMPARE(info.kind, qrs::ResourceKind::File);
        QCOMPARE(QFileInfo(info.path).canonicalFilePath(), QFileInfo(path).canonicalFilePath());
        QCOMPARE(info.name, QStringLiteral("journal"));
        QCOMPARE(info.registeringPid, QCoreApplication::applicationPid());
        QVERIFY(info.expiresAt.isValid());
        QCOMPARE(info.state, qrs::ResourceState::Available);
        QCOMPARE(sharer->snapshot().size(), 1);
    }

    void registrationDescribesSockets()
    {
        QTcpServer listener;
        QVERIFY(listener.listen(QHostAddress::LocalHost));
        const ResourceId id = sharer->registerResource(
                ResourceSharer::duplicate(qrs::NativeHandle(listener.socketDescriptor())));
        QVERIFY(id.isValid());
        const qrs::ResourceInfo info = sharer->snapshot().value(0);
        QCOMPARE(info.kind, qrs::ResourceKind::Socket);
        QCOMPARE(info.socketFamily, QStringLiteral("ipv4"));
        QCOMPARE(info.socketType, QStringLiteral("stream"));
        QVERIFY(info.listening);
        QCOMPARE(info.localAddress, QStringLiteral("127.0.0.1"));
        QCOMPARE(info.localPort, int(listener.serverPort()));
        QCOMPARE(info.description,
                 QStringLiteral("tcp 127.0.0.1:%1 listening").arg(info.localPort));
        QVERIFY(sharer->revoke(id));
#ifndef Q_OS_WIN

        int pair[2];
        QCOMPARE(::socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, pair), 0);
        const ResourceId unnamed = sharer->registerResource(pair[0]);
        QVERIFY(unnamed.isValid());
        const qrs::ResourceInfo local = sharer->snapshot().value(0);
        QCOMPARE(local.socketFamily, QStringLiteral("unix"));
        QCOMPARE(local.description, QStringLiteral("unix stream (unnamed)"));
        ::close(pair[1]);
#endif
    }

    void badRegistrations()
    {
        QString error;
        qrs::Error code = qrs::Error::NoError;
        QVERIFY(!sharer->registerResource(-1, {}, &code, &error).isValid());
        QCOMPARE(code, qrs::Error::InvalidArgument);
        QVERIFY(!error.isEmpty());
        qrstest::Pipe pipe;
        const qrs::NativeHandle handle = pipe.takeRead();
        QVERIFY(!sharer->registerResource(handle, {QString(300, QLatin1Char('n')), 0}, &code,
                                          &error)
                         .isValid());
        QCOMPARE(code, qrs::Error::TooLarge);
        QVERIFY(!qrs::platform::isOpenHandle(handle)); // ownership was taken: closed
    }

    void contentThroughReceivedFdAcrossProcesses()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("shared.txt"));
        QFile opened(path);
        QVERIFY(opened.open(QIODevice::ReadWrite));
        qrs::DupFd shared(qrs::nativeHandleOf(opened));
        opened.close();
        QVERIFY2(shared.isValid(), qPrintable(shared.errorString()));
        QSignalSpy detached(&shared, &qrs::DupFd::detached);

        int exitCode = 0;
        QByteArray errors;
        qint64 helperPid = 0;
        QStringList args{QStringLiteral("detach"), shared.id().toString(),
                         QStringLiteral("--write"), QStringLiteral("written by the helper")};
#ifndef Q_OS_WIN
        args << QStringLiteral("--min-fd") << QStringLiteral("300");
#endif
        const QByteArray out = qrstest::runHelper(args, &exitCode, &errors, &helperPid);
        QVERIFY2(exitCode == 0, errors.constData());
        // The receiver's descriptor is its own: close-on-exec (on Windows, not
        // inheritable); on Unix a high number, as the helper asked.
        const QList<QByteArray> fields = out.trimmed().split(' ');
        QCOMPARE(fields.size(), 3);
#ifndef Q_OS_WIN
        QVERIFY2(fields.at(0).mid(3).toInt() >= 300, out.constData());
#endif
        QCOMPARE(fields.at(2), QByteArray("cloexec=1"));

        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(file.readAll(), QByteArray("written by the helper"));
        QTRY_COMPARE(detached.count(), 1);
        QCOMPARE(detached.at(0).at(0).toLongLong(), helperPid);
        QCOMPARE(shared.detachedBy(), helperPid);
    }

    void secondDetachIsAlreadyTaken()
    {
        const ResourceId id = registerPipe();
        QSignalSpy transferred(sharer, &ResourceSharer::resourceTransferred);
        QString error;
        const qrs::NativeHandle fd = qrs::DupFd::detach(id, 5000, &error);
        QVERIFY2(fd >= 0, qPrintable(error));
        closeHandle(fd);
        QTRY_COMPARE(transferred.count(), 1);
        const auto info = transferred.at(0).at(0).value<qrs::ResourceInfo>();
        QCOMPARE(info.id, id);
        QCOMPARE(info.kind, qrs::ResourceKind::Pipe);
        QCOMPARE(info.state, qrs::ResourceState::Taken);
        QCOMPARE(info.takenByPid, QCoreApplication::applicationPid());
        QCOMPARE(transferred.at(0).at(1).toLongLong(), QCoreApplication::applicationPid());
        qrs::Error code = qrs::Error::NoError;
        QCOMPARE(qrs::DupFd::detach(id, 5000, &code, &error), -1);
        QCOMPARE(code, qrs::Error::AlreadyTaken);
        // ... and the server keeps serving.
        const ResourceId next = registerPipe();
        const qrs::NativeHandle fd2 = qrs::DupFd::detach(next, 5000, &error);
        QVERIFY2(fd2 >= 0, qPrintable(error));
        closeHandle(fd2);
    }

    void unknownKey()
    {
        registerPipe(); // makes sure the sharer runs
        const ResourceId bogus(sharer->address(), QByteArray(16, 'x'));
        qrs::Error code = qrs::Error::NoError;
        QCOMPARE(qrs::DupFd::detach(bogus, 5000, &code, nullptr), -1);
        QCOMPARE(code, qrs::Error::UnknownKey);
    }

    void tenThousandRandomKeysAreRefused()
    {
        registerPipe();
        const QString address = sharer->address();
        qrs::Error code = qrs::Error::NoError;
        for (int i = 0; i < 200; ++i) {
            // 50 keys per request: 10,000 keys, all refused, none handed out.
            QList<ResourceId> ids;
            for (int k = 0; k < 50; ++k)
                ids.append(ResourceId(address, qrs::protocol::Key::generate().toBytes()));
            QVERIFY(qrs::DupFd::detach(ids, 5000, &code, nullptr).isEmpty());
            QCOMPARE(code, qrs::Error::UnknownKey);
        }
        QCOMPARE(sharer->count(), 1);
    }

    void noSharerAtAddress()
    {
        const ResourceId id(qrstest::sharerAddress("nobody"), QByteArray(16, 'k'));
        QString error;
        qrs::Error code = qrs::Error::NoError;
        QCOMPARE(qrs::DupFd::detach(id, 2000, &code, &error), -1);
        QCOMPARE(code, qrs::Error::SharerUnreachable);
        QVERIFY2(error.contains(id.address()), qPrintable(error));
    }

    void silentClientDelaysNoOneAndStopIsBounded()
    {
        const ResourceId id = registerPipe();
        QLocalSocket silent;
        QLocalSocket halfFrame;
        silent.connectToServer(sharer->address());
        halfFrame.connectToServer(sharer->address());
        QVERIFY(silent.waitForConnected(5000) && halfFrame.waitForConnected(5000));
        halfFrame.write(QByteArray("QR\x01", 3));
        QVERIFY(halfFrame.waitForBytesWritten(5000));

        // The connection timeout (10 s) is far longer than this detach may take.
        QString error;
        const qrs::NativeHandle fd = qrs::DupFd::detach(id, 3000, &error);
        QVERIFY2(fd >= 0, qPrintable(error));
        closeHandle(fd);

        registerPipe();
        QSignalSpy stopped(sharer, &ResourceSharer::stopped);
        QElapsedTimer timer;
        timer.start();
        QVERIFY(sharer->stop(1000));
        QVERIFY2(timer.elapsed() < 2000, qPrintable(QString::number(timer.elapsed())));
        QTRY_COMPARE(stopped.count(), 1);
        QVERIFY(!sharer->isRunning());
        // The silent client hears why it was dropped.
        QByteArray heard;
        while (!heard.contains("stopping") && silent.waitForReadyRead(5000))
            heard += silent.readAll();
        heard += silent.readAll(); // what came with the hang-up
        QVERIFY2(heard.contains("stopping"), heard.toHex().constData());
    }

#ifndef Q_OS_WIN
    void idleConnectionsAtTheCapDropTheOldestAndServingGoesOn()
    {
        // Both ends of every connection live in this process.
        constexpr int Cap = qrs::protocol::MaxConnections;
        rlimit rl;
        QCOMPARE(::getrlimit(RLIMIT_NOFILE, &rl), 0);
        const rlimit saved = rl;
        rl.rlim_cur = std::min<rlim_t>(rl.rlim_max, 4096);
        if (rl.rlim_cur < rlim_t(2 * Cap + 200))
            QSKIP("RLIMIT_NOFILE's hard limit is too low for both ends of 1024 connections");
        QCOMPARE(::setrlimit(RLIMIT_NOFILE, &rl), 0);
        const ResourceId first = registerPipe(); // starts the server
        const int baseline = qrstest::openFds();

        // 500 idle connections delay no one.
        std::vector<int> idle;
        for (int i = 0; i < 500; ++i) {
            idle.push_back(silentClient(sharer->address()));
            QVERIFY(idle.back() >= 0);
        }
        QString error;
        int fd = qrs::DupFd::detach(first, 3000, &error);
        QVERIFY2(fd >= 0, qPrintable(error));
        closeHandle(fd);

        // Past the cap the oldest idle connection is told why and dropped.
        while (int(idle.size()) < Cap + 20) {
            idle.push_back(silentClient(sharer->address()));
            QVERIFY(idle.back() >= 0);
        }
        pollfd oldest = {idle.front(), POLLIN, 0};
        QCOMPARE(::poll(&oldest, 1, 20'000), 1);
        char buf[512];
        const ssize_t n = ::read(idle.front(), buf, sizeof(buf));
        QVERIFY(n > 8);
        QVERIFY2(QByteArray(buf, int(n)).contains("too many connections"),
                 QByteArray(buf, int(n)).constData());

        // And real requests are still served.
        fd = qrs::DupFd::detach(registerPipe(), 3000, &error);
        QVERIFY2(fd >= 0, qPrintable(error));
        closeHandle(fd);

        for (int c : idle)
            ::close(c);
        QVERIFY(sharer->stop(5000)); // closes the server's ends of what is left
        registerPipe();              // a new server, as at the baseline
        QTRY_COMPARE(qrstest::openFds(), baseline);
        ::setrlimit(RLIMIT_NOFILE, &saved);
    }
#endif

#ifndef Q_OS_WIN
    void silentClientIsDroppedAfterTimeout()
    {
        registerPipe();
        sharer->setConnectionTimeout(300);
        const int silent = silentClient(sharer->address());
        QVERIFY(silent >= 0);
        // The server answers with a timeout refusal, then closes: read to EOF.
        bool closed = false;
        const QByteArray got = readUntilClosed(silent, 5000, &closed);
        ::close(silent);
        QVERIFY(closed);
        QVERIFY2(got.contains("no request within 300 ms"), got.constData());
    }
#endif

#ifndef Q_OS_WIN
    void aClientSendingOneByteAtATimeIsDroppedAtItsDeadline()
    {
        const ResourceId id = registerPipe();
        sharer->setConnectionTimeout(300);
        const QByteArray request = qrs::protocol::encode(
                qrs::protocol::Request{::getpid(),
                                       { qrs::protocol::Key::fromBytes(id.key()) }});
        const int slow = silentClient(sharer->address());
        QVERIFY(slow >= 0);
        // One byte every 50 ms: the whole request would take 1.5 s.
        QElapsedTimer clock;
        clock.start();
        bool closed = false;
        QByteArray got;
        for (qsizetype i = 0; i < request.size() && !closed; ++i) {
            if (::send(slow, request.constData() + i, 1, MSG_NOSIGNAL) != 1)
                break; // the server has gone
            got += readUntilClosed(slow, 50, &closed);
        }
        got += readUntilClosed(slow, 5000, &closed);
        ::close(slow);
        QVERIFY(closed);
        QVERIFY2(got.contains("no request within 300 ms"), got.constData());
        QVERIFY2(clock.elapsed() < 1500, qPrintable(QString::number(clock.elapsed())));
        QCOMPARE(sharer->count(), 1); // nothing was handed out
    }
#endif

#ifndef Q_OS_WIN
    void randomBytesAndBrokenFramesAreRefusedAndServingGoesOn()
    {
        using namespace qrs::protocol;
        const ResourceId id = registerPipe();
        const int baseline = qrstest::openFds();
        QRandomGenerator random(20261125); // the same inputs every run
        QList<QByteArray> inputs;
        // Pure noise, of every small length.
        for (int i = 0; i < 100; ++i) {
            QByteArray noise(1 + random.bounded(300), Qt::Uninitialized);
            for (char &c : noise)
                c = char(random.bounded(256));
            inputs << noise;
        }
        // A good header of every type, with a payload of noise: the inspection
        // messages too, and those only the sharer may send.
        for (int type = 0; type <= 12; ++type) {
            for (int i = 0; i < 10; ++i) {
                QByteArray payload(random.bounded(200), Qt::Uninitialized);
                for (char &c : payload)
                    c = char(random.bounded(256));
                QByteArray frame("QR");
                frame.append(char(Version)).append(char(type));
                char length[4];
                qToBigEndian(quint32(payload.size()), length);
                frame.append(length, 4).append(payload);
                inputs << frame;
            }
        }
        // A length over the limit; a frame cut short; a valid request cut short.
        QByteArray tooLong = encode(Ack{1});
        qToBigEndian(quint32(MaxPayloadSize + 1), tooLong.data() + 4);
        inputs << tooLong << encode(Ack{1}).left(5)
               << encode(Request{::getpid(),
                                 { Key::fromBytes(id.key()) }})
                          .chopped(3);

        for (const QByteArray &input : std::as_const(inputs)) {
            const int fd = silentClient(sharer->address(), input);
            QVERIFY(fd >= 0);
            ::shutdown(fd, SHUT_WR); // nothing more is coming
            bool closed = false;
            readUntilClosed(fd, 5000, &closed);
            closeHandle(fd);
            QVERIFY2(closed, input.toHex().constData());
        }
        // Nothing was handed out, nothing leaked, and a real request is served.
        QCOMPARE(sharer->count(), 1);
        QTRY_COMPARE(qrstest::openFds(), baseline);
        QString error;
        const qrs::NativeHandle fd = qrs::DupFd::detach(id, 5000, &error);
        QVERIFY2(fd >= 0, qPrintable(error));
        closeHandle(fd);
    }
#endif

    void receiverKilledBeforeAcknowledgingLeavesResourceAvailable()
    {
        qrs::NativeHandle writeEnd = -1;
        const ResourceId id = registerPipe(&writeEnd);
        QSignalSpy failed(sharer, &ResourceSharer::transferFailed);

        QProcess holder;
        holder.start(qrstest::helperPath(), {QStringLiteral("hold"), id.toString()});
        QVERIFY(holder.waitForStarted());
        QVERIFY(holder.waitForReadyRead(10'000));
        QCOMPARE(holder.readLine().trimmed(), QByteArray("received"));
        QCOMPARE(sharer->snapshot().value(0).state, qrs::ResourceState::InTransfer);

        // While it is in transfer, a second receiver is told so.
        QString error;
        qrs::Error code = qrs::Error::NoError;
        QCOMPARE(qrs::DupFd::detach(id, 5000, &code, &error), -1);
        QCOMPARE(code, qrs::Error::Busy);

        const qint64 holderPid = holder.processId();
        holder.kill();
        QVERIFY(holder.waitForFinished());
        QTRY_COMPARE(failed.count(), 1);
        // The failure names the receiver that left.
        QCOMPARE(failed.at(0).at(0).value<qrs::ResourceInfo>().takenByPid, holderPid);
        QVERIFY(failed.at(0).at(1).toString().contains(QString::number(holderPid)));
        QCOMPARE(sharer->snapshot().value(0).state, qrs::ResourceState::Available);

        const qrs::NativeHandle fd = qrs::DupFd::detach(id, 5000, &error);
        QVERIFY2(fd >= 0, qPrintable(error));
        QVERIFY(qrstest::writeTo(writeEnd, "ok"));
        QCOMPARE(qrstest::readFrom(fd, 2), QByteArray("ok"));
        closeHandle(fd);
        closeHandle(writeEnd);
    }

    void requestWithAnotherPidIsRefused()
    {
        const ResourceId id = registerPipe();
        QSignalSpy failed(sharer, &ResourceSharer::transferFailed);
        qrs::client::Transfer transfer(id.address(), {qrs::protocol::Key::fromBytes(id.key())});
        const qint64 other = QCoreApplication::applicationPid() + 4; // Windows: pids step by 4
        transfer.setRequestPid(other);
        QString error;
        QVERIFY(transfer.runBlocking(5000, &error).isEmpty());
        QCOMPARE(transfer.refusalCode(), qrs::protocol::ErrorCode::Denied);
        QCOMPARE(transfer.error(), qrs::Error::Denied);
        QVERIFY2(error.contains(QString::number(other)), qPrintable(error));
        QTRY_COMPARE(failed.count(), 1);
        // Nothing was handed out: the resource is still there for the right pid.
        const qrs::NativeHandle fd = qrs::DupFd::detach(id, 5000, &error);
        QVERIFY2(fd >= 0, qPrintable(error));
        closeHandle(fd);
    }

    void ttlExpiryClosesTheDuplicate()
    {
        // No connection of an earlier case still closing (on Windows the
        // server's end goes once its last write is out), and the server's own
        // descriptors in the baseline.
        QVERIFY(sharer->stop(5000));
        registerPipe();
        const int baseline = qrstest::openFds();
        QSignalSpy expired(sharer, &ResourceSharer::resourceExpired);
        // Long enough that a loaded machine counts the descriptor before it expires.
        const ResourceId id = registerPipe(nullptr, 1000);
        QCOMPARE(qrstest::openFds(), baseline + 1);
        QTRY_COMPARE(expired.count(), 1);
        QCOMPARE(expired.at(0).at(0).value<qrs::ResourceInfo>().id, id);
        QCOMPARE(expired.at(0).at(0).value<qrs::ResourceInfo>().state, qrs::ResourceState::Expired);
        QCOMPARE(qrstest::openFds(), baseline);
        qrs::Error code = qrs::Error::NoError;
        QCOMPARE(qrs::DupFd::detach(id, 5000, &code, nullptr), -1);
        QCOMPARE(code, qrs::Error::Expired);
    }

    void revokeClosesAndRefuses()
    {
        QVERIFY(sharer->stop(5000)); // as in ttlExpiryClosesTheDuplicate
        registerPipe();
        const int baseline = qrstest::openFds();
        const ResourceId id = registerPipe();
        QSignalSpy revoked(sharer, &ResourceSharer::resourceRevoked);
        QVERIFY(sharer->revoke(id));
        QVERIFY(!sharer->revoke(id));
        QCOMPARE(qrstest::openFds(), baseline);
        QTRY_COMPARE(revoked.count(), 1);
        qrs::Error code = qrs::Error::NoError;
        QCOMPARE(qrs::DupFd::detach(id, 5000, &code, nullptr), -1);
        QCOMPARE(code, qrs::Error::Revoked);
    }

    void stopClosesEverythingAndRestarts()
    {
        QVERIFY(sharer->stop(5000));
        const int baseline = qrstest::openFds();
        QSignalSpy started(sharer, &ResourceSharer::started);
        QList<ResourceId> ids;
        for (int i = 0; i < 10; ++i)
            ids.append(registerPipe());
        const QString address = sharer->address();
#ifndef Q_OS_WIN
        QVERIFY(QFileInfo::exists(address));
#endif
        QVERIFY(sharer->stop(5000));
        QVERIFY(sharer->stop(5000)); // idempotent
        QCOMPARE(qrstest::openFds(), baseline);
#ifndef Q_OS_WIN
        QVERIFY(!QFileInfo::exists(address));
        QVERIFY(!QFileInfo::exists(QFileInfo(address).path()));
#endif
        QCOMPARE(sharer->count(), 0);

        // A later registration starts a new server at the same address, so that
        // a watcher finds it again; what the old one held stays revoked.
        const ResourceId again = registerPipe();
        QVERIFY(again.isValid());
        QCOMPARE(again.address(), address);
        QTRY_COMPARE(started.count(), 2);
        QString error;
        qrs::Error code = qrs::Error::NoError;
        QCOMPARE(qrs::DupFd::detach(ids.first(), 2000, &code, &error), -1);
        QCOMPARE(code, qrs::Error::Revoked);
        const qrs::NativeHandle fd = qrs::DupFd::detach(again, 5000, &error);
        QVERIFY2(fd >= 0, qPrintable(error));
        closeHandle(fd);
    }

#ifndef Q_OS_WIN
    void forkedChildServesItsOwnRegistrations()
    {
        // The seed's bug: after fork() a child's registration was answered by the
        // parent's server and could hand out the parent's descriptor.
        const ResourceId parentId = registerPipe();
        const QString parentAddress = sharer->address();
        QSignalSpy parentTransferred(sharer, &ResourceSharer::resourceTransferred);
        int report[2];
        int release[2];
        QCOMPARE(::pipe(report), 0);
        QCOMPARE(::pipe(release), 0);

        const pid_t child = ::fork();
        if (child == 0) {
            // Child: no parent entries, no parent server; its own registration.
            ::close(report[0]);
            ::close(release[1]);
            ResourceSharer *s = ResourceSharer::instance();
            const int inherited = s->count();
            int p[2];
            if (::pipe2(p, O_CLOEXEC) != 0)
                ::_exit(3);
            const QByteArray hello = "hello from child " + QByteArray::number(::getpid());
            if (::write(p[1], hello.constData(), size_t(hello.size())) != hello.size())
                ::_exit(3);
            ::close(p[1]);
            const ResourceId id = s->registerResource(p[0]);
            const QByteArray line =
                    QByteArray::number(inherited) + ' ' + id.toString().toLatin1() + '\n';
            if (::write(report[1], line.constData(), size_t(line.size())) != line.size())
                ::_exit(3);
            char c;
            while (::read(release[0], &c, 1) > 0) { }
            s->stop(1000);
            ::_exit(0);
        }
        QVERIFY(child > 0);
        ::close(report[1]);
        ::close(release[0]);
        QByteArray line;
        char c;
        while (::read(report[0], &c, 1) == 1 && c != '\n')
            line.append(c);
        ::close(report[0]);
        const QList<QByteArray> parts = line.split(' ');
        QCOMPARE(parts.size(), 2);
        QCOMPARE(parts.at(0), QByteArray("0")); // the child forgot the parent's cache
        const ResourceId childId = ResourceId::fromString(QString::fromLatin1(parts.at(1)));
        QVERIFY(childId.isValid());
        QVERIFY(childId.address() != parentAddress);

        QString error;
        const qrs::NativeHandle fd = qrs::DupFd::detach(childId, 5000, &error);
        QVERIFY2(fd >= 0, qPrintable(error));
        char buf[64] = {};
        const ssize_t n = ::read(fd, buf, sizeof(buf));
        closeHandle(fd);
        QCOMPARE(QByteArray(buf, int(n)), "hello from child " + QByteArray::number(child));

        ::close(release[1]);
        int status = 0;
        QCOMPARE(::waitpid(child, &status, 0), child);
        QVERIFY(WIFEXITED(status));
        QCOMPARE(WEXITSTATUS(status), 0);
        // The parent's server handed nothing out, and still has its own entry.
        // (The spy may hold a late signal of the previous test's transfer.)
        QCoreApplication::processEvents();
        for (const QList<QVariant> &args : std::as_const(parentTransferred))
            QVERIFY(args.at(0).value<qrs::ResourceInfo>().id != parentId);
        QCOMPARE(sharer->snapshot().value(0).id, parentId);
        QVERIFY(!QFileInfo::exists(childId.address()));
    }
#endif

    void concurrentDetachesGetDistinctDescriptors()
    {
        QList<ResourceId> ids;
        for (int i = 0; i < 200; ++i)
            ids.append(registerPipe());
        QSet<qrs::NativeHandle> fds;
        int failures = 0;
        for (const ResourceId &id : std::as_const(ids)) {
            auto *job = qrs::DupFd::detachAsync(id, 20'000, this);
            connect(job, &qrs::DetachJob::detached, this,
                    [&fds](qrs::NativeHandle fd) { fds.insert(fd); });
            connect(job, &qrs::DetachJob::detachFailed, this,
                    [&failures](qrs::Error code, const QString &e) {
                        ++failures;
                        qWarning() << code << e;
                    });
        }
        QTRY_VERIFY_WITH_TIMEOUT(fds.size() + failures == 200, 30'000);
        QCOMPARE(failures, 0);
        QCOMPARE(fds.size(), 200);
        for (qrs::NativeHandle fd : std::as_const(fds))
            closeHandle(fd);
        QTRY_COMPARE(sharer->count(), 0);
    }

    void thousandHandoffsLeakNothing()
    {
        // One round first, so that the baseline holds the server's own descriptors.
        QString error;
        const qrs::NativeHandle warmUp = qrs::DupFd::detach(registerPipe(), 5000, &error);
        QVERIFY2(warmUp >= 0, qPrintable(error));
        closeHandle(warmUp);
        QTRY_COMPARE(sharer->count(), 0);
        const int baseline = qrstest::openFds();
        QElapsedTimer timer;
        timer.start();
        for (int i = 0; i < 1000; ++i) {
            const ResourceId id = registerPipe();
            const qrs::NativeHandle fd = qrs::DupFd::detach(id, 5000, &error);
            QVERIFY2(fd >= 0, qPrintable(error));
            closeHandle(fd);
        }
        const qint64 ms = timer.elapsed();
        QTRY_COMPARE(sharer->count(), 0);
#ifdef Q_OS_WIN
        // At most the baseline, which may still hold the server's end of the
        // warm-up's connection (Qt deletes it in the sharer thread's own
        // time): a leak of one per handoff would be 1,000 over.
        QTRY_VERIFY2(qrstest::openFds() <= baseline,
                     qPrintable(QStringLiteral("%1 open, %2 before")
                                        .arg(qrstest::openFds())
                                        .arg(baseline)));
#else
        QCOMPARE(qrstest::openFds(), baseline);
#endif
        qInfo("1000 register+detach round trips in one process: %lld ms (%.0f handoffs/s)", ms,
              1000.0 * 1000.0 / qMax<qint64>(ms, 1));
    }

    void thousandHandoffsAcrossProcesses()
    {
        registerPipe();
        QVERIFY(sharer->revoke(sharer->snapshot().value(0).id));
        const int baseline = qrstest::openFds();
        int whileCached = 0;
        QByteArray output;
        handOffAcrossProcesses(1000, &output, &whileCached);
        if (QTest::currentTestFailed())
            return;
        QCOMPARE(whileCached, baseline + 1000);
        QCOMPARE(qrstest::openFds(), baseline);
        const QList<QByteArray> result = output.trimmed().split(' ');
        QCOMPARE(result.value(0), QByteArray("1000"));
        const double us = result.value(1).toDouble() / 1000.0;
        qInfo("1000 cross-process handoffs (one connection each): %.1f us each, %.0f handoffs/s",
              us, 1e6 / us);
    }

#ifndef Q_OS_WIN
    void processExitWithLiveEntries_data()
    {
        QTest::addColumn<QString>("how");
        QTest::newRow("return from main") << QStringLiteral("return");
        QTest::newRow("exit()") << QStringLiteral("exit");
    }
#endif

#ifndef Q_OS_WIN
    void soakHundredThousandHandoffs()
    {
        // 100 rounds of 1000: the descriptors of a round must fit the limit.
        rlimit rl{};
        QCOMPARE(::getrlimit(RLIMIT_NOFILE, &rl), 0);
        const rlimit saved = rl;
        rl.rlim_cur = std::max<rlim_t>(rl.rlim_cur, std::min<rlim_t>(rl.rlim_max, 4096));
        if (rl.rlim_cur < 2048)
            QSKIP("RLIMIT_NOFILE is too low for 1000 cached resources per round");
        QCOMPARE(::setrlimit(RLIMIT_NOFILE, &rl), 0);
        const auto restore = qScopeGuard([&saved] { ::setrlimit(RLIMIT_NOFILE, &saved); });

        constexpr int Rounds = 100;
        constexpr int PerRound = 1000;
        // Used keys are remembered up to MaxTombstones (65,536): memory may grow
        // until then, and must be flat after.
        constexpr int FlatFrom = (qrs::protocol::MaxTombstones + PerRound - 1) / PerRound;
        handOffAcrossProcesses(PerRound); // warm-up
        const int fdsBefore = qrstest::openFds();
        qint64 rssFlat = 0;
        QElapsedTimer clock;
        clock.start();
        for (int round = 1; round < Rounds; ++round) {
            handOffAcrossProcesses(PerRound);
            if (QTest::currentTestFailed())
                return;
            if (round == FlatFrom)
                rssFlat = residentBytes();
        }
        const qint64 rssEnd = residentBytes();
        QCOMPARE(qrstest::openFds(), fdsBefore);
        QCOMPARE(sharer->count(), 0);
        qInfo("%d cross-process handoffs in %lld ms; resident memory %lld KiB after %d, %lld KiB "
              "after all",
              Rounds * PerRound, clock.elapsed(), rssFlat / 1024, FlatFrom * PerRound,
              rssEnd / 1024);
#if !defined(__SANITIZE_ADDRESS__) && !defined(__SANITIZE_THREAD__)
        // Under ASan freed memory sits in its quarantine, and TSan keeps its own
        // metadata for what the allocator hands out (from 0 to 1,024 KiB over the
        // last 34,000 handoffs, in 14 runs); the bound holds for a plain build.
        QVERIFY2(rssEnd - rssFlat < 1024 * 1024,
                 qPrintable(QStringLiteral("grew by %1 KiB").arg((rssEnd - rssFlat) / 1024)));
#endif
    }
#endif

#ifndef Q_OS_WIN
    void receiverAtItsDescriptorLimitLeavesTheResourcesAvailable()
    {
        QStringList args{QStringLiteral("detach-at-limit")};
        for (int i = 0; i < 3; ++i)
            args << registerPipe().toString();
        QSignalSpy failed(sharer, &ResourceSharer::transferFailed);
        int code = -1;
        QByteArray errors;
        const QByteArray out = qrstest::runHelper(args, &code, &errors);
        QVERIFY2(code == 0, errors.constData());
        // The kernel truncated the descriptors: the receiver says so, gives
        // them back (Nack), and every resource is still there.
        QVERIFY2(out.startsWith("DescriptorLimit "), out.constData());
        QTRY_COMPARE(failed.count(), 3);
        // The receiver's reason, which names the kernel's flag, reaches the sharer.
        QVERIFY2(failed.first().at(1).toString().contains(QLatin1String("MSG_CTRUNC")),
                 qPrintable(failed.first().at(1).toString()));
        QCOMPARE(sharer->count(), 3);
        for (const qrs::ResourceInfo &info : sharer->snapshot())
            QCOMPARE(info.state, qrs::ResourceState::Available);
        QString error;
        const qrs::NativeHandle fd =
                qrs::DupFd::detach(ResourceId::fromString(args.at(1)), 5000, &error);
        QVERIFY2(fd >= 0, qPrintable(error));
        closeHandle(fd);
    }
#endif

    void stopDuringHundredTransfersInFlight()
    {
        QVERIFY(sharer->stop(5000)); // the baseline: no server
        const int baseline = qrstest::openFds();
        // A hundred receivers got their resource and have not acknowledged it.
        std::vector<std::unique_ptr<qrs::client::Transfer>> held;
        for (int i = 0; i < 100; ++i) {
            const ResourceId id = registerPipe();
            auto transfer = std::make_unique<qrs::client::Transfer>(
                    id.address(),
                    QList<qrs::protocol::Key>{qrs::protocol::Key::fromBytes(id.key())});
            transfer->setAcknowledge(false);
            QString error;
            const QList<qrs::DetachedFd> got = transfer->runBlocking(5000, &error);
            QVERIFY2(got.size() == 1, qPrintable(error));
            closeHandle(got.first().fd);
            held.push_back(std::move(transfer));
        }
        const QList<qrs::ResourceInfo> inFlight = sharer->snapshot();
        QCOMPARE(inFlight.size(), 100);
        for (const qrs::ResourceInfo &info : inFlight)
            QCOMPARE(info.state, qrs::ResourceState::InTransfer);

        QSignalSpy revoked(sharer, &ResourceSharer::resourceRevoked);
        QElapsedTimer clock;
        clock.start();
        QVERIFY(sharer->stop(5000));
        QVERIFY(clock.elapsed() < 5000);
        QCOMPARE(sharer->count(), 0);
        QTRY_COMPARE(revoked.count(), 100); // released by the stop, then closed
        held.clear();                       // the receivers' sockets
        QTRY_COMPARE(qrstest::openFds(), baseline);
        // And the next registration serves again.
        const ResourceId next = registerPipe();
        QString error;
        const qrs::NativeHandle fd = qrs::DupFd::detach(next, 5000, &error);
        QVERIFY2(fd >= 0, qPrintable(error));
        closeHandle(fd);
    }

#ifndef Q_OS_WIN
    void serverOutOfDescriptorsListensAgain_data()
    {
        QTest::addColumn<bool>("door");
        QTest::newRow("private socket") << false;
        // A rule names a user: the resource's address is the door's, which
        // QLocalServer closes just the same.
        QTest::newRow("door") << true;
    }

    void serverOutOfDescriptorsListensAgain()
    {
        QFETCH(bool, door);
        qrs::RegisterOptions options;
        if (door)
            options.allowedUids = {::geteuid()};
        const ResourceId id = registerPipe(options);
        QVERIFY(id.isValid());
        const QString address = id.address();
        QCOMPARE(address != sharer->address(), door);
        const QFile::Permissions permissions = QFileInfo(address).permissions();
        rlimit saved{};
        QCOMPARE(::getrlimit(RLIMIT_NOFILE, &saved), 0);
        const auto restore = qScopeGuard([&saved] { ::setrlimit(RLIMIT_NOFILE, &saved); });
        // Use up every descriptor the process may have, but one.
        rlimit low = saved;
        low.rlim_cur = rlim_t(qrstest::openFds() + 16);
        QCOMPARE(::setrlimit(RLIMIT_NOFILE, &low), 0);
        std::vector<int> filler;
        for (int fd; (fd = ::open("/dev/null", O_RDONLY | O_CLOEXEC)) >= 0;)
            filler.push_back(fd);
        QCOMPARE(errno, EMFILE);
        ::close(filler.back());
        filler.pop_back();
        // A client takes the last one; the server cannot accept it.
        const int client = silentClient(address);
        QVERIFY(client >= 0);
        QTRY_VERIFY_WITH_TIMEOUT(!QFileInfo::exists(address), 5000); // QLocalServer gave up
        ::close(client);
        for (int fd : filler)
            closeHandle(fd);
        QVERIFY(::setrlimit(RLIMIT_NOFILE, &saved) == 0);

        // Descriptors are back: the sharer listens again, at the same address,
        // with its cache intact.
        QTRY_VERIFY_WITH_TIMEOUT(QFileInfo::exists(address), 5000);
        // As before: the private socket's for its user alone, the door's for
        // every user (the kernel's credentials and the rules decide who is served).
        QCOMPARE(QFileInfo(address).permissions(), permissions);
        if (!door)
            QCOMPARE(sharer->address(), address);
        if (door && ::geteuid() == 0) {
            // Adversarial: the door that came back still refuses whom no rule
            // names, and the resource stays for its taker.
            const QByteArray msg = qrstest::runForkedAs(65533, [&id] { return tryToTake(id); });
            QVERIFY2(msg.startsWith("Denied: "), msg.constData());
            QCOMPARE(sharer->count(), 1);
        }
        QString error;
        const qrs::NativeHandle fd = qrs::DupFd::detach(id, 5000, &error);
        QVERIFY2(fd >= 0, qPrintable(error));
        closeHandle(fd);
    }
#endif

#ifndef Q_OS_WIN
    void processExitWithLiveEntries()
    {
        QFETCH(QString, how);
        int exitCode = -1;
        QByteArray errors;
        const QByteArray out =
                qrstest::runHelper({QStringLiteral("exit-with-entries"), how}, &exitCode, &errors);
        QVERIFY2(exitCode == 0, errors.constData()); // no hang (runHelper waits 20 s), no crash
        const QString address = QString::fromLocal8Bit(out.trimmed());
        QVERIFY(address.startsWith(QLatin1Char('/')));
        QVERIFY2(!QFileInfo::exists(address), qPrintable(address));
        QVERIFY(!QFileInfo::exists(QFileInfo(address).path()));
    }
#endif

    void batchDetachIsAllOrNothing()
    {
        QList<ResourceId> ids;
        for (int i = 0; i < 8; ++i)
            ids.append(registerPipe(nullptr, 0, QStringLiteral("pipe-%1").arg(i)));
        QString error;
        // One unknown key: nothing handed out, the rest still available.
        QList<ResourceId> withBogus = ids;
        withBogus.insert(3, ResourceId(sharer->address(), QByteArray(16, 'z')));
        qrs::Error code = qrs::Error::NoError;
        QVERIFY(qrs::DupFd::detach(withBogus, 5000, &code, &error).isEmpty());
        QCOMPARE(code, qrs::Error::UnknownKey);
        // Which one: the fourth of nine.
        QVERIFY2(error.contains(QLatin1String("4")) && error.contains(QLatin1String("9")),
                 qPrintable(error));
        QCOMPARE(sharer->count(), 8);

        const QList<qrs::DetachedFd> got = qrs::DupFd::detach(ids, 5000, &error);
        QCOMPARE(got.size(), 8);
        for (int i = 0; i < 8; ++i) {
            QCOMPARE(got.at(i).name, QStringLiteral("pipe-%1").arg(i));
            QCOMPARE(got.at(i).kind, qrs::ResourceKind::Pipe);
            closeHandle(got.at(i).fd);
        }
        QTRY_COMPARE(sharer->count(), 0);
    }

#ifndef Q_OS_WIN
    // Adversarial: a rule names uid 65534. 65533 is refused at connect with
    // "denied" and nothing else; 65534 takes it; neither can list the door.
    void uidRuleAdmitsOnlyWhomItNames()
    {
        if (::geteuid() != 0)
            QSKIP("needs root to setuid() to other users");
        qrs::RegisterOptions options;
        options.allowedUids = {65534};
        const ResourceId id = registerPipe(options);
        QVERIFY(id.isValid());
        QVERIFY(id.address() != sharer->address()); // the door, not the private socket
        QCOMPARE(QFileInfo(QFileInfo(sharer->address()).path()).permissions()
                         & (QFile::ExeOther | QFile::ReadOther),
                 QFile::Permissions());
        const QString door = QFileInfo(id.address()).path();
        QCOMPARE(QFileInfo(door).permissions() & (QFile::ExeOther | QFile::ReadOther),
                 QFile::ExeOther);
        const auto take = [&id] {
            return tryToTake(id);
        };
        const auto list = [&door] {
            return QByteArray::number(QDir(door).entryList(QDir::AllEntries | QDir::System).size());
        };
        // A stranger: denied, and the resource stays for its taker.
        QByteArray msg = qrstest::runForkedAs(65533, take);
        QVERIFY2(msg.startsWith("Denied: ") && msg.endsWith("access denied") && !msg.contains("65"),
                 msg.constData());
        QCOMPARE(qrstest::runForkedAs(65533, list), QByteArray("0"));
        QCOMPARE(sharer->count(), 1);
        // The user it names may reach it, but not list the door either.
        QCOMPARE(qrstest::runForkedAs(65534, list), QByteArray("0"));
        msg = qrstest::runForkedAs(65534, take);
        QVERIFY2(msg == "GOT FD", msg.constData());
        QTRY_COMPARE(sharer->count(), 0);
        // A used key: still "denied" for another user, never "already taken".
        msg = qrstest::runForkedAs(65534, take);
        QVERIFY2(msg.startsWith("Denied: "), msg.constData());
    }

    // Adversarial: a rule names a group; a member by a supplementary group
    // takes it, a non-member of the same uid does not.
    void groupRuleAdmitsItsMembers()
    {
        if (::geteuid() != 0)
            QSKIP("needs root to setuid() to other users");
        qrs::RegisterOptions options;
        options.allowedGids = {4242};
        const ResourceId id = registerPipe(options);
        QVERIFY(id.isValid());
        const auto take = [&id] {
            return tryToTake(id);
        };
        QByteArray msg = qrstest::runForkedAs(65533, take, {65533, 100});
        QVERIFY2(msg.endsWith("access denied"), msg.constData());
        QCOMPARE(sharer->count(), 1);
        msg = qrstest::runForkedAs(65533, take, {100, 4242});
        QVERIFY2(msg == "GOT FD", msg.constData());
        QTRY_COMPARE(sharer->count(), 0);
    }

    // Adversarial: bound to one process. A sibling of the same uid (this
    // process) and a process of another uid are refused; the bound process
    // takes it after it has dropped its privileges (setuid(65534)).
    void boundResourceGoesToItsProcessOnly()
    {
        if (::geteuid() != 0)
            QSKIP("needs root to setuid() to other users");
        qrstest::ForkedAs child(65534, [](const QByteArray &id) {
            return tryToTake(ResourceId::fromString(QString::fromLatin1(id), nullptr));
        });
        qrs::RegisterOptions options;
        options.boundPid = child.pid();
        const ResourceId id = registerPipe(options);
        QVERIFY(id.isValid());
        QCOMPARE(sharer->snapshot().constFirst().boundPid, qint64(child.pid()));

        QByteArray msg = tryToTake(id); // a sibling, same uid
        QVERIFY2(msg.startsWith("Denied: "), msg.constData());
        msg = qrstest::runForkedAs(65533, [&id] { return tryToTake(id); });
        QVERIFY2(msg.endsWith("access denied"), msg.constData());
        QCOMPARE(sharer->count(), 1);

        msg = child.finish(id.toString().toLatin1());
        QVERIFY2(msg == "GOT FD", msg.constData());
        QTRY_COMPARE(sharer->count(), 0);
    }

    // Adversarial: the bound process exits, and a new one is given its pid
    // (ns_last_pid, as root can): the newcomer is refused, and so is everyone.
    void reusedPidIsRefused()
    {
        if (::geteuid() != 0)
            QSKIP("needs root to write /proc/sys/kernel/ns_last_pid");
        qrstest::ForkedAs bound(0, [](const QByteArray &) { return QByteArray(); });
        qrs::RegisterOptions options;
        options.boundPid = bound.pid();
        const ResourceId id = registerPipe(options);
        QVERIFY(id.isValid());
        const pid_t pid = bound.pid();
        QCOMPARE(bound.finish(), QByteArray()); // it has exited, and is reaped

        // Another process may fork between the write and ours (a build running
        // beside the suite does, often): try again, many times if need be.
        QByteArray msg = "again";
        for (int attempt = 0; attempt < 500 && msg == "again"; ++attempt) {
            QFile lastPid(QStringLiteral("/proc/sys/kernel/ns_last_pid"));
            QVERIFY(lastPid.open(QIODevice::WriteOnly));
            lastPid.write(QByteArray::number(pid - 1));
            lastPid.close();
            msg = qrstest::ForkedAs(0, [pid, &id](const QByteArray &) {
                      // Another process forked first and took the number: again.
                      return ::getpid() == pid ? tryToTake(id) : QByteArray("again");
                  }).finish();
        }
        if (msg == "again")
            QSKIP("500 times another process took the pid first: this machine forks too busily "
                  "to give the bound pid again");
        QVERIFY2(msg.endsWith("access denied"), msg.constData());
        QCOMPARE(sharer->count(), 1); // nobody took it
        QVERIFY(sharer->revoke(id));
    }

    void peerWithAnotherUidIsRefused()
    {
        if (::geteuid() != 0)
            QSKIP("needs root to setuid() to another user");
        const ResourceId id = registerPipe();
        // The socket directory is 0700: let the other uid reach the socket at all.
        const QString dir = QFileInfo(id.address()).path();
        QVERIFY(QFile::setPermissions(
                dir, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner | QFile::ExeOther));
        QVERIFY(QFile::setPermissions(id.address(),
                                      QFile::ReadOwner | QFile::WriteOwner | QFile::ReadOther
                                              | QFile::WriteOther));
        QSignalSpy failed(sharer, &ResourceSharer::transferFailed);
        const QByteArray msg = qrstest::runForkedAs(65534, [&id] {
            QString error;
            const qrs::NativeHandle fd = qrs::DupFd::detach(id, 5000, &error);
            return fd >= 0 ? QByteArray("GOT FD") : error.toUtf8();
        });
        // Denied, and nothing about why or what exists.
        QVERIFY2(msg.endsWith("access denied") && !msg.contains("65534"), msg.constData());
        QTRY_COMPARE(failed.count(), 1);
        QCOMPARE(sharer->count(), 1);
    }
#endif
};

QRS_TEST_MAIN(tst_ResourceSharer)
#include "tst_resourcesharer.moc"
