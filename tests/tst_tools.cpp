// SPDX-FileCopyrightText: 2026 QtResourceSharer contributors
//
// SPDX-License-Identifier: BSD-3-Clause

// qrs-share and qrs-detach end to end, as a user runs them. Built for Linux
// and for Windows (tst_tools_win, run under Wine), where there is qrs-share
// but no qrs-detach.
#include "socketactivate.h"
#include "testutil.h"
#include "toolcommon.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>
#include <qrs/dupfd.h>
#include <qrs/dupsocket.h>

#ifndef Q_OS_WIN
#include <fcntl.h>
#include <signal.h>
#endif

class tst_Tools : public QObject
{
    Q_OBJECT

private:
    static QString tool(const char *name) { return qrstest::toolPath(name); }

    // Starts qrs-share and returns the first `lines` lines it prints.
    static QList<QByteArray> startShare(QProcess *share, const QStringList &args, int lines = 1)
    {
        share->start(tool("qrs-share"), args);
        QList<QByteArray> out;
        QDeadlineTimer deadline(10'000);
        while (out.size() < lines && !deadline.hasExpired()) {
            if (!share->canReadLine() && !share->waitForReadyRead(int(deadline.remainingTime())))
                break;
            while (share->canReadLine() && out.size() < lines)
                out.append(share->readLine().trimmed());
        }
        return out;
    }

    static int run(const QString &program, const QStringList &args, QByteArray *out = nullptr,
                   QByteArray *err = nullptr)
    {
        QProcess p;
        p.start(program, args);
        if (!p.waitForFinished(20'000)) {
            p.kill();
            p.waitForFinished();
            return -1;
        }
        if (out)
            *out = p.readAllStandardOutput();
        if (err)
            *err = p.readAllStandardError();
        return p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -2;
    }

#ifndef Q_OS_WIN
    // What socket_probe.py says of descriptor 3.
    static QJsonObject firstDescriptor(const QByteArray &probeOutput)
    {
        return QJsonDocument::fromJson(probeOutput)
                .object()
                .value(QLatin1String("fds"))
                .toArray()
                .at(0)
                .toObject();
    }
#endif

private Q_SLOTS:
    // What qrs-share shares, a Qt program takes with the library: a file it
    // writes to, and a listening socket on which it accepts a connection.
    void shareToAQtProgram()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("out.txt"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.close();
        QProcess share;
        const QList<QByteArray> lines =
                startShare(&share,
                           {QStringLiteral("--json"), QStringLiteral("out=file:") + path,
                            QStringLiteral("web=tcp-listen:127.0.0.1:0")},
                           2);
        QCOMPARE(lines.size(), 2);
        const QJsonObject out = QJsonDocument::fromJson(lines.at(0)).object();
        const QJsonObject web = QJsonDocument::fromJson(lines.at(1)).object();
        QCOMPARE(out.value(QLatin1String("kind")).toString(), QStringLiteral("file"));
        QCOMPARE(out.value(QLatin1String("name")).toString(), QStringLiteral("out"));
        QCOMPARE(web.value(QLatin1String("kind")).toString(), QStringLiteral("socket"));
        const int port = web.value(QLatin1String("port")).toInt();
        QVERIFY(port > 0);
        QCOMPARE(web.value(QLatin1String("pid")).toInteger(), share.processId());

        QString error;
        const qrs::NativeHandle written = qrs::DupFd::detach(
                qrs::ResourceId::fromString(out.value(QLatin1String("id")).toString()), 5000,
                &error);
        QVERIFY2(written >= 0, qPrintable(error));
        QVERIFY(qrstest::writeTo(written, "through qrs-share"));
        qrstest::closeHandle(written);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(file.readAll(), QByteArray("through qrs-share"));

        const qintptr listening = qrs::DupSocket::detach(
                qrs::ResourceId::fromString(web.value(QLatin1String("id")).toString()), 5000,
                &error);
        QVERIFY2(listening >= 0, qPrintable(error));
        QTcpServer server;
        QVERIFY(server.setSocketDescriptor(listening));
        QCOMPARE(int(server.serverPort()), port);
        QTcpSocket client;
        client.connectToHost(QHostAddress::LocalHost, quint16(port));
        QVERIFY(server.waitForNewConnection(10'000));
        QVERIFY(client.waitForConnected(10'000));

        // Both taken: qrs-share exits 0 by itself.
        QVERIFY(share.waitForFinished(10'000));
        QCOMPARE(share.exitCode(), 0);
    }

#ifndef Q_OS_WIN
    void fileThroughShareAndDetach()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("log.txt"));
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.close();

        QProcess share;
        const QList<QByteArray> ids = startShare(&share, {QStringLiteral("log=file:") + path});
        QCOMPARE(ids.size(), 1);
        QVERIFY(ids.at(0).startsWith("qrs1:"));

        // The program writes through descriptor 3 and reports what it was given.
        QByteArray out, err;
        const int code =
                run(tool("qrs-detach"),
                    {QString::fromLatin1(ids.at(0)), QStringLiteral("--"),
                     QStringLiteral("/bin/sh"), QStringLiteral("-c"),
                     QStringLiteral("printf 'through fd 3' >&3; "
                                    "echo \"$LISTEN_FDS $LISTEN_FDNAMES $LISTEN_PID $$\"")},
                    &out, &err);
        QVERIFY2(code == 0, err.constData());
        const QList<QByteArray> fields = out.trimmed().split(' ');
        QCOMPARE(fields.size(), 4);
        QCOMPARE(fields.at(0), QByteArray("1"));
        QCOMPARE(fields.at(1), QByteArray("log"));
        QCOMPARE(fields.at(2), fields.at(3)); // LISTEN_PID is the program's own pid

        QVERIFY(f.open(QIODevice::ReadOnly));
        QCOMPARE(f.readAll(), QByteArray("through fd 3"));
        // Everything was taken: qrs-share exits 0 by itself.
        QVERIFY(share.waitForFinished(10'000));
        QCOMPARE(share.exitCode(), 0);
    }
#endif

#ifndef Q_OS_WIN
    void tcpListenerServesThroughListenFds()
    {
        QProcess share;
        const QList<QByteArray> lines =
                startShare(&share,
                           {QStringLiteral("--json"), QStringLiteral("web=tcp-listen:127.0.0.1:0"),
                            QStringLiteral("fd:0")},
                           2);
        QCOMPARE(lines.size(), 2);
        const QJsonObject web = QJsonDocument::fromJson(lines.at(0)).object();
        const QJsonObject pipe = QJsonDocument::fromJson(lines.at(1)).object();
        QCOMPARE(web.value(QLatin1String("kind")).toString(), QStringLiteral("socket"));
        QCOMPARE(web.value(QLatin1String("name")).toString(), QStringLiteral("web"));
        const int port = web.value(QLatin1String("port")).toInt();
        QVERIFY(port > 0);
        QCOMPARE(web.value(QLatin1String("description")).toString(),
                 QStringLiteral("tcp 127.0.0.1:%1 listening").arg(port));
        QVERIFY(web.value(QLatin1String("address")).toString().startsWith(QLatin1Char('/')));
        QCOMPARE(pipe.value(QLatin1String("kind")).toString(), QStringLiteral("pipe"));

        QProcess server;
        server.start(tool("qrs-detach"),
                     {web.value(QLatin1String("id")).toString(), QStringLiteral("--"),
                      qrstest::helperPath(), QStringLiteral("serve-listen-fds")});
        QVERIFY(server.waitForStarted());
        QTcpSocket client;
        client.connectToHost(QHostAddress::LocalHost, quint16(port));
        QVERIFY(client.waitForConnected(10'000));
        client.write("ping\n");
        QByteArray reply;
        while (!reply.contains('\n') && client.waitForReadyRead(10'000))
            reply += client.readAll();
        QVERIFY2(reply.contains("you said \"ping\""), reply.constData());
        QVERIFY(reply.contains("served by pid " + QByteArray::number(server.processId())));
        QVERIFY(reply.contains("LISTEN_FDNAMES=web"));
        QVERIFY(server.waitForFinished(10'000));
        QCOMPARE(server.exitCode(), 0);

        // The pipe was never taken; SIGTERM stops qrs-share cleanly.
        const QString address = web.value(QLatin1String("address")).toString();
        QVERIFY(QFileInfo::exists(address));
        ::kill(pid_t(share.processId()), SIGTERM);
        QVERIFY(share.waitForFinished(10'000));
        QCOMPARE(share.exitStatus(), QProcess::NormalExit);
        QCOMPARE(share.exitCode(), 0);
        QVERIFY(!QFileInfo::exists(address));
        QVERIFY(!QFileInfo::exists(QFileInfo(address).path()));
    }
#endif

#ifndef Q_OS_WIN
    // What a program started by qrs-detach sees is what systemd would pass it:
    // systemd-socket-activate is the reference, field by field.
    void socketActivationAsSystemdDoes()
    {
        const QString python = qrstest::referenceProgram(QStringLiteral("python3"));
        QVERIFY(!python.isEmpty());
        const QString probe = QStringLiteral(QRS_TEST_SOURCE_DIR "/helper/socket_probe.py");
        QTemporaryDir dir;
        QVERIFY(dir.isValid());

        const quint16 port = qrstest::freePort();
        QVERIFY(port);
        QProcess reference;
        QByteArray said;
        QVERIFY2(qrstest::socketActivate(
                         &reference,
                         {QStringLiteral("-l"), QStringLiteral("127.0.0.1:%1").arg(port),
                          QStringLiteral("-l"), dir.filePath(QStringLiteral("a.sock")),
                          QStringLiteral("--fdname=http:ctl"), python, probe},
                         2, port, &said),
                 said.constData());
        const QJsonObject systemd =
                QJsonDocument::fromJson(reference.readAllStandardOutput()).object();
        QVERIFY2(!systemd.isEmpty(), reference.readAllStandardError().constData());

        QProcess share;
        const QList<QByteArray> lines = startShare(
                &share,
                {QStringLiteral("--json"), QStringLiteral("http=tcp-listen:127.0.0.1:0"),
                 QStringLiteral("ctl=unix-listen:") + dir.filePath(QStringLiteral("b.sock"))},
                2);
        QCOMPARE(lines.size(), 2);
        QStringList detachArgs;
        for (const QByteArray &line : lines)
            detachArgs
                    << QJsonDocument::fromJson(line).object().value(QLatin1String("id")).toString();
        QByteArray out, err;
        QCOMPARE(run(tool("qrs-detach"),
                     detachArgs + QStringList{QStringLiteral("--"), python, probe}, &out, &err),
                 0);
        QVERIFY2(err.isEmpty(), err.constData());
        const QJsonObject ours = QJsonDocument::fromJson(out).object();

        // The same in every field but the addresses, which differ by design.
        const auto withoutAddresses = [](QJsonObject o) {
            QJsonArray fds = o.value(QLatin1String("fds")).toArray();
            for (auto &&fd : fds) {
                QJsonObject f = fd.toObject();
                f.remove(QLatin1String("address"));
                fd = f;
            }
            o.insert(QLatin1String("fds"), fds);
            return o;
        };
        QCOMPARE(withoutAddresses(ours), withoutAddresses(systemd));
        QCOMPARE(ours.value(QLatin1String("fds")).toArray().size(), 2);
        const QJsonObject tcp = ours.value(QLatin1String("fds")).toArray().at(0).toObject();
        QCOMPARE(tcp.value(QLatin1String("nonblocking")).toBool(), false);
        QCOMPARE(tcp.value(QLatin1String("cloexec")).toBool(), false);
        QCOMPARE(tcp.value(QLatin1String("listening")).toBool(), true);
        QCOMPARE(ours.value(QLatin1String("LISTEN_FDNAMES")).toString(),
                 QStringLiteral("http:ctl"));
        QVERIFY(share.waitForFinished(10'000)); // everything taken: it exits 0
        QCOMPARE(share.exitCode(), 0);
    }
#endif

#ifndef Q_OS_WIN
    // --nonblocking sets O_NONBLOCK (systemd's NonBlocking=yes) on what is passed.
    void nonBlockingOption()
    {
        const QString python = qrstest::referenceProgram(QStringLiteral("python3"));
        QProcess share;
        const QList<QByteArray> lines = startShare(
                &share, {QStringLiteral("--json"), QStringLiteral("http=tcp-listen:127.0.0.1:0")});
        QCOMPARE(lines.size(), 1);
        QByteArray out, err;
        QCOMPARE(run(tool("qrs-detach"),
                     {QStringLiteral("--nonblocking"),
                      QJsonDocument::fromJson(lines.at(0))
                              .object()
                              .value(QLatin1String("id"))
                              .toString(),
                      QStringLiteral("--"), python,
                      QStringLiteral(QRS_TEST_SOURCE_DIR "/helper/socket_probe.py")},
                     &out, &err),
                 0);
        QVERIFY2(err.isEmpty(), err.constData());
        const QJsonObject fd = firstDescriptor(out);
        QCOMPARE(fd.value(QLatin1String("nonblocking")).toBool(), true);
        QCOMPARE(fd.value(QLatin1String("cloexec")).toBool(), false);
        QVERIFY(share.waitForFinished(10'000));
    }
#endif

#ifndef Q_OS_WIN
    // A socket a Qt program (here: this test's QTcpServer) accepts on is
    // non-blocking; clearing the flag would hang it. qrs-detach keeps it and warns.
    void socketMadeNonBlockingByAQtHolderIsKeptSo()
    {
        QTcpServer server;
        QVERIFY(server.listen(QHostAddress::LocalHost));
        qrs::DupFd shared(int(server.socketDescriptor()), {QStringLiteral("http"), 30'000});
        QVERIFY2(shared.isValid(), qPrintable(shared.errorString()));
        QByteArray out, err;
        QCOMPARE(run(tool("qrs-detach"),
                     {shared.id().toString(), QStringLiteral("--"),
                      qrstest::referenceProgram(QStringLiteral("python3")),
                      QStringLiteral(QRS_TEST_SOURCE_DIR "/helper/socket_probe.py")},
                     &out, &err),
                 0);
        QVERIFY2(err.contains("warning: \"http\" was made non-blocking by another process that "
                              "holds it"),
                 err.constData());
        QCOMPARE(err.count('\n'), 1);
        const QJsonObject fd = firstDescriptor(out);
        QCOMPARE(fd.value(QLatin1String("nonblocking")).toBool(), true);
        int flags = ::fcntl(int(server.socketDescriptor()), F_GETFL);
        QVERIFY(flags & O_NONBLOCK); // this process's QTcpServer is not left hanging
    }
#endif

    void ttlPassesExitsThree()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("unread"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.close();
        QProcess share;
        const QList<QByteArray> ids = startShare(
                &share,
                {QStringLiteral("--ttl"), QStringLiteral("100"), QStringLiteral("file:") + path});
        QCOMPARE(ids.size(), 1);
        QVERIFY(share.waitForFinished(10'000));
        QCOMPARE(share.exitCode(), 3);
        const QByteArray err = share.readAllStandardError();
        QVERIFY2(err.contains("not taken before the TTL passed: "), err.constData());
        QVERIFY2(err.contains("unread"), err.constData());
        QVERIFY(err.contains(ids.at(0)));
    }

    void badShareCommandLines_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QByteArray>("complaint");
        QTest::newRow("nothing") << QStringList() << QByteArray("nothing to share");
        QTest::newRow("unknown kind")
                << QStringList{QStringLiteral("ftp:x")} << QByteArray("unknown SPEC kind");
        QTest::newRow("no colon") << QStringList{QStringLiteral("file")} << QByteArray("bad SPEC");
        QTest::newRow("bad host") << QStringList{QStringLiteral("tcp-listen:example.org:80")}
                                  << QByteArray("not a numeric IP");
        QTest::newRow("bad port") << QStringList{QStringLiteral("tcp-listen:127.0.0.1:99999")}
                                  << QByteArray("tcp-listen:HOST:PORT");
        QTest::newRow("missing file") << QStringList{QStringLiteral("file:/nonexistent/x")}
                                      << QByteArray("cannot open /nonexistent/x");
        // A number nothing has open in qrs-share (on Windows one far above any handle).
        QTest::newRow("closed fd") << QStringList{QStringLiteral("fd:%1").arg(
#ifdef Q_OS_WIN
                qrstest::notOpenHandle()
#else
                987
#endif
                        )} << QByteArray("not open");
        QTest::newRow("bad ttl") << QStringList{QStringLiteral("--ttl"), QStringLiteral("soon"),
                                                QStringLiteral("file:x")}
                                 << QByteArray("--ttl");
#ifdef Q_OS_WIN
        QTest::newRow("unix-listen")
                << QStringList{QStringLiteral("unix-listen:x")} << QByteArray("not available");
#endif
        QTest::newRow("bad option")
                << QStringList{QStringLiteral("--frobnicate")} << QByteArray("frobnicate");
#ifndef Q_OS_WIN
        // A rule that names no one, or someone who does not exist.
        QTest::newRow("allow nobody at all")
                << QStringList{QStringLiteral("--allow-user="), QStringLiteral("file:/dev/null")}
                << QByteArray("names no one");
        QTest::newRow("allow an unknown user")
                << QStringList{QStringLiteral("--allow-user=qrs-no-such-user"),
                               QStringLiteral("file:/dev/null")}
                << QByteArray("no user \"qrs-no-such-user\"");
        QTest::newRow("allow an unknown group")
                << QStringList{QStringLiteral("--allow-group=qrs-no-such-group"),
                               QStringLiteral("file:/dev/null")}
                << QByteArray("no group \"qrs-no-such-group\"");
#endif
    }

    void badShareCommandLines()
    {
        QFETCH(QStringList, args);
        QFETCH(QByteArray, complaint);
        QByteArray out, err;
        QCOMPARE(run(tool("qrs-share"), args, &out, &err), 2);
        QVERIFY(out.isEmpty());
        QVERIFY2(err.contains(complaint), err.constData());
        QCOMPARE(err.count('\n'), 1); // one line
    }

#ifndef Q_OS_WIN
    void detachFailuresRunNothing_data()
    {
        QTest::addColumn<QStringList>("before");
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<QByteArray>("complaint");
        QTest::newRow("malformed id") << QStringList{QStringLiteral("qrs1:nonsense")} << 2
                                      << QByteArray("malformed resource id");
        QTest::newRow("no id") << QStringList() << 2 << QByteArray("no resource id");
        QTest::newRow("bad timeout")
                << QStringList{QStringLiteral("--timeout"), QStringLiteral("-5"),
                               QStringLiteral("qrs1:00112233445566778899aabbccddeeff@/tmp/x")}
                << 2 << QByteArray("--timeout");
        QTest::newRow("nobody listening") << QStringList{QStringLiteral(
                "qrs1:00112233445566778899aabbccddeeff@/tmp/qrs-none/s")}
                                          << 4 << QByteArray("no sharer is listening");
    }
#endif

#ifndef Q_OS_WIN
    void detachFailuresRunNothing()
    {
        QFETCH(QStringList, before);
        QFETCH(int, exitCode);
        QFETCH(QByteArray, complaint);
        QTemporaryDir dir;
        const QString marker = dir.filePath(QStringLiteral("ran"));
        QByteArray err;
        QCOMPARE(run(tool("qrs-detach"),
                     before + QStringList{QStringLiteral("--"), QStringLiteral("touch"), marker},
                     nullptr, &err),
                 exitCode);
        QVERIFY2(err.contains(complaint), err.constData());
        QCOMPARE(err.count('\n'), 1);
        QVERIFY(!QFileInfo::exists(marker));
    }
#endif

    // qrs-detach's exit statuses, one per kind of failure (its man page's table).
    void exitStatusPerError_data()
    {
        QTest::addColumn<qrs::Error>("error");
        QTest::addColumn<int>("status");
        const QList<std::pair<qrs::Error, int>> table = {{qrs::Error::NoError, 0},
                                                         {qrs::Error::InvalidId, 2},
                                                         {qrs::Error::InvalidArgument, 2},
                                                         {qrs::Error::UnknownKey, 3},
                                                         {qrs::Error::AlreadyTaken, 3},
                                                         {qrs::Error::Expired, 3},
                                                         {qrs::Error::Revoked, 3},
                                                         {qrs::Error::SharerUnreachable, 4},
                                                         {qrs::Error::SharerStopping, 4},
                                                         {qrs::Error::Timeout, 5},
                                                         {qrs::Error::Busy, 5},
                                                         {qrs::Error::Overloaded, 5},
                                                         {qrs::Error::Denied, 6},
                                                         {qrs::Error::DescriptorLimit, 7},
                                                         {qrs::Error::WrongKind, 8},
                                                         {qrs::Error::NotFound, 8},
                                                         {qrs::Error::Malformed, 1},
                                                         {qrs::Error::TooLarge, 1},
                                                         {qrs::Error::SystemError, 1}};
        const QMetaEnum names = QMetaEnum::fromType<qrs::Error>();
        QCOMPARE(qsizetype(names.keyCount()), table.size()); // every code has its status
        for (const auto &[error, status] : table)
            QTest::newRow(names.valueToKey(int(error))) << error << status;
    }

    void exitStatusPerError()
    {
        QFETCH(qrs::Error, error);
        QFETCH(int, status);
        QCOMPARE(qrs::tools::exitStatusFor(error), status);
    }

#ifndef Q_OS_WIN
    // qrs-share --allow-user nobody: a process of uid 65534 takes the file;
    // one of 65533 is refused with qrs-detach's "denied" status (6). Without
    // the option, 65534 is refused too.
    void shareWithAnotherUser()
    {
        if (::geteuid() != 0)
            QSKIP("needs root to run qrs-detach as other users");
        const QString setpriv = QStandardPaths::findExecutable(QStringLiteral("setpriv"));
        QVERIFY2(!setpriv.isEmpty(), "setpriv is not installed (package util-linux)");
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("secret"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("for nobody\n");
        file.close();
        // The file is root's, in a directory nobody may enter: only the descriptor gets there.
        const auto detachAs = [&](uint uid, const QByteArray &id, QByteArray *out) {
            QByteArray err;
            const int status = run(
                    setpriv,
                    {QStringLiteral("--reuid=%1").arg(uid), QStringLiteral("--regid=%1").arg(uid),
                     QStringLiteral("--clear-groups"), QStringLiteral("--"), tool("qrs-detach"),
                     QString::fromLatin1(id), QStringLiteral("--"), QStringLiteral("sh"),
                     QStringLiteral("-c"), QStringLiteral("cat <&3")},
                    out, &err);
            if (status == 6)
                *out = err;
            return status;
        };
        QProcess shared;
        const QList<QByteArray> ids = startShare(
                &shared, {QStringLiteral("--allow-user=nobody"), QStringLiteral("file:") + path});
        QCOMPARE(ids.size(), 1);
        QByteArray out;
        QCOMPARE(detachAs(65533, ids.first(), &out), 6);
        QVERIFY2(out.contains("access denied"), out.constData());
        QCOMPARE(detachAs(65534, ids.first(), &out), 0);
        QCOMPARE(out, QByteArray("for nobody\n"));
        QVERIFY(shared.waitForFinished(10'000)); // everything taken
        QCOMPARE(shared.exitCode(), 0);

        QProcess unshared;
        const QList<QByteArray> own = startShare(&unshared, {QStringLiteral("file:") + path});
        QCOMPARE(own.size(), 1);
        QCOMPARE(detachAs(65534, own.first(), &out), 6);
        ::kill(pid_t(unshared.processId()), SIGINT);
        QVERIFY(unshared.waitForFinished(10'000));
    }
#endif
#ifndef Q_OS_WIN
    void usedKeyAndMissingProgram()
    {
        QProcess share;
        const QList<QByteArray> ids = startShare(
                &share, {QStringLiteral("file:/dev/null"), QStringLiteral("file:/dev/zero")}, 2);
        QCOMPARE(ids.size(), 2);
        QByteArray err;
        // A program that does not exist: exit 127, and the resource is not consumed.
        QCOMPARE(run(tool("qrs-detach"),
                     {QString::fromLatin1(ids.at(0)), QStringLiteral("--"),
                      QStringLiteral("no-such-program-qrs")},
                     nullptr, &err),
                 127);
        QVERIFY2(err.contains("not found"), err.constData());
        QCOMPARE(
                run(tool("qrs-detach"),
                    {QString::fromLatin1(ids.at(0)), QStringLiteral("--"), QStringLiteral("true")}),
                0);
        // Used now: refused with a clear line, exit 3 (the resource is gone).
        QCOMPARE(run(tool("qrs-detach"),
                     {QString::fromLatin1(ids.at(0)), QStringLiteral("--"), QStringLiteral("true")},
                     nullptr, &err),
                 3);
        QVERIFY2(err.contains("already been taken"), err.constData());
        // No "--": usage error.
        QCOMPARE(run(tool("qrs-detach"), {QString::fromLatin1(ids.at(1))}, nullptr, &err), 2);
        QVERIFY2(err.contains("no PROGRAM"), err.constData());
        ::kill(pid_t(share.processId()), SIGINT);
        QVERIFY(share.waitForFinished(10'000));
        QCOMPARE(share.exitCode(), 0);
    }
#endif
};

QRS_TEST_MAIN(tst_Tools)
#include "tst_tools.moc"
