// SPDX-FileCopyrightText: 2026 QtResourceSharer contributors
//
// SPDX-License-Identifier: BSD-3-Clause

// The other process of the cross-process tests. Modes:
//   detach ID [--min-fd N] [--write TEXT] [--read]
//                                           take the resource; print "fd=N pid=P",
//                                           then with --read "read=" and what
//                                           one read of it returned
//   detach-at-limit ID...                   take every ID in one request with room
//                                           for one received descriptor only
//                                           (RLIMIT_NOFILE): print the error
//   hold ID                                 take it but never acknowledge; print
//                                           "received", then wait to be killed
//   detach-all                              take every id read from stdin (one
//                                           connection each); print "N us"
//   exit-with-entries return|exit           register two resources, print the
//                                           sharer's address, then leave main()
//                                           or call exit() with them cached
//   serve-listen-fds                        socket activation: accept one
//                                           connection on fd 3, answer one line
//   inherit KIND NAME [TEXT]                the child's side of ChildResources:
//                                           KIND fd: take NAME, print "took fd=N";
//                                           tcp-server / local-server: adopt it,
//                                           accept one connection, answer
//                                           "hello from PID"; file / tcp-socket:
//                                           adopt it and write TEXT to it
//   serve-socket ID                         take a listening TCP socket with
//                                           DupSocket, accept one connection,
//                                           answer "hello from PID"
//   sharer                                  a sharer driven by stdin, one command
//                                           per line: "register NAME" (a pipe;
//                                           prints its id), "stop", "quit";
//                                           prints "ready" first
// Exit codes: 0 success, 1 failure (reason on stderr), 2 bad usage.
// Built for Windows too (tests/windows/), without detach-at-limit,
// serve-listen-fds, --min-fd and inherit local-server, which are Unix's.
#include "client/transfer_p.h"
#include "portable.h"

#include <qrs/dupfd.h>
#include <qrs/dupsocket.h>
#include <qrs/inheritedresources.h>
#include <qrs/resourcesharer.h>
#ifndef Q_OS_WIN
#include <qrs/socketactivation.h>
#endif

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QLocalServer>
#include <QLocalSocket>
#include <QMetaEnum>
#include <QStringList>
#include <QTcpServer>
#include <QTcpSocket>

#ifndef Q_OS_WIN
#include <fcntl.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <unistd.h>
#endif

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <vector>

namespace {

int usage()
{
    std::fprintf(stderr,
                 "usage: qrs-test-helper "
                 "detach|hold|detach-all|exit-with-entries|serve-listen-fds|inherit ...\n");
    return 2;
}

int fail(const QString &error)
{
    std::fprintf(stderr, "%s\n", qPrintable(error));
    return 1;
}

void hangUp(QTcpSocket *socket)
{
    socket->disconnectFromHost();
}

#ifndef Q_OS_WIN
void hangUp(QLocalSocket *socket)
{
    socket->disconnectFromServer();
}
#endif

int detach(const QStringList &args)
{
    QString error;
    const qrs::ResourceId id = qrs::ResourceId::fromString(args.value(0), &error);
    if (!id.isValid()) {
        std::fprintf(stderr, "%s\n", qPrintable(error));
        return 1;
    }
#ifndef Q_OS_WIN
    const int minFd = args.contains(QStringLiteral("--min-fd"))
            ? args.value(args.indexOf(QStringLiteral("--min-fd")) + 1).toInt()
            : 0;
    // Occupy every lower number, so that the kernel must give a high one.
    while (minFd > 0 && ::fcntl(0, F_DUPFD, 0) < minFd - 1) { }
#endif

    const qrs::NativeHandle fd = qrs::DupFd::detach(id, 10'000, &error);
    if (fd < 0) {
        std::fprintf(stderr, "%s\n", qPrintable(error));
        return 1;
    }
    const qsizetype w = args.indexOf(QStringLiteral("--write"));
    if (w >= 0) {
        if (!qrstest::writeTo(fd, args.value(w + 1).toUtf8()))
            return fail(QStringLiteral("cannot write to the received resource"));
    }
    std::printf("fd=%lld pid=%lld cloexec=%d\n", qint64(fd), QCoreApplication::applicationPid(),
                qrstest::isInherited(fd) ? 0 : 1);
    if (args.contains(QStringLiteral("--read")))
        std::printf("read=%s\n", qrstest::readFrom(fd).constData());
    return 0;
}

#ifndef Q_OS_WIN
int detachAtLimit(const QStringList &args)
{
    QList<qrs::ResourceId> ids;
    for (const QString &arg : args)
        ids.append(qrs::ResourceId::fromString(arg));
    // Room for the connection's socket and one descriptor, no more: fill every
    // free number under a low limit, then free two.
    rlimit rl{};
    ::getrlimit(RLIMIT_NOFILE, &rl);
    rl.rlim_cur = rlim_t(qrs::platform::openFdCount() + 16);
    if (::setrlimit(RLIMIT_NOFILE, &rl) != 0)
        return fail(QStringLiteral("setrlimit failed"));
    std::vector<int> filler;
    for (int fd; (fd = ::fcntl(0, F_DUPFD_CLOEXEC, 0)) >= 0;)
        filler.push_back(fd);
    if (filler.size() < 2)
        return fail(QStringLiteral("cannot fill the descriptor table"));
    ::close(filler.back());
    filler.pop_back();
    ::close(filler.back());
    filler.pop_back();
    QString error;
    qrs::Error code = qrs::Error::NoError;
    const QList<qrs::DetachedFd> got = qrs::DupFd::detach(ids, 10'000, &code, &error);
    if (!got.isEmpty())
        return fail(QStringLiteral("received %1 descriptors past the limit").arg(got.size()));
    // The code's name first, for the test; then the sentence, for people.
    std::printf("%s %s\n", QMetaEnum::fromType<qrs::Error>().valueToKey(int(code)),
                qPrintable(error));
    return 0;
}
#endif

int hold(const QStringList &args)
{
    const qrs::ResourceId id = qrs::ResourceId::fromString(args.value(0));
    if (!id.isValid())
        return usage();
    qrs::client::Transfer transfer(id.address(), {qrs::protocol::Key::fromBytes(id.key())});
    transfer.setAcknowledge(false);
    QString error;
    if (transfer.runBlocking(10'000, &error).isEmpty()) {
        std::fprintf(stderr, "%s\n", qPrintable(error));
        return 1;
    }
    std::printf("received\n");
    std::fflush(stdout);
    while (std::getchar() != EOF) { } // until killed, or stdin closes
    return 0;
}

int detachAll()
{
    QList<qrs::ResourceId> ids;
    char line[512];
    while (std::fgets(line, sizeof(line), stdin)) {
        const qrs::ResourceId id = qrs::ResourceId::fromString(QString::fromLatin1(line).trimmed());
        if (!id.isValid())
            return usage();
        ids.append(id);
    }
    QElapsedTimer timer;
    timer.start();
    for (const qrs::ResourceId &id : std::as_const(ids)) {
        QString error;
        const qrs::NativeHandle fd = qrs::DupFd::detach(id, 10'000, &error);
        if (fd < 0) {
            std::fprintf(stderr, "%s\n", qPrintable(error));
            return 1;
        }
        qrstest::closeHandle(fd);
    }
    std::printf("%lld %lld\n", qint64(ids.size()), timer.nsecsElapsed() / 1000);
    return 0;
}

int exitWithEntries(const QString &how)
{
    static qrstest::Pipe pipe;
    static qrs::DupFd first(pipe.readEnd()); // outlives the sharer: destroyed after it
    auto *second = new qrs::DupFd(pipe.writeEnd(), QCoreApplication::instance());
    if (!first.isValid() || !second->isValid())
        return 1;
    std::printf("%s\n", qPrintable(first.id().address()));
    std::fflush(stdout);
    if (how == QLatin1String("exit"))
        std::exit(0); // QCoreApplication is never destroyed
    return 0;
}

#ifndef Q_OS_WIN
// activation [NAME...]: what qrs::SocketActivation reads, as JSON on stdout:
// valid, error, each socket's fd, name and whether it is close-on-exec now,
// whether LISTEN_* are still set, then take(NAME) for each NAME in turn.
int activation(const QStringList &names)
{
    qrs::SocketActivation a;
    QStringList sockets;
    for (const qrs::SocketActivation::Socket &s : a.sockets())
        sockets.append(QStringLiteral("{\"fd\":%1,\"name\":\"%2\",\"cloexec\":%3}")
                               .arg(s.fd)
                               .arg(s.name)
                               .arg(QLatin1String(
                                       (::fcntl(s.fd, F_GETFD) & FD_CLOEXEC) ? "true" : "false")));
    QStringList taken;
    for (const QString &name : names)
        taken.append(QString::number(a.take(name)));
    std::printf("{\"valid\":%s,\"error\":\"%s\",\"sockets\":[%s],\"environment\":%s,"
                "\"taken\":[%s]}\n",
                a.isValid() ? "true" : "false", qPrintable(a.errorString()),
                qPrintable(sockets.join(QLatin1Char(','))),
                qEnvironmentVariableIsSet("LISTEN_FDS") || qEnvironmentVariableIsSet("LISTEN_PID")
                                || qEnvironmentVariableIsSet("LISTEN_FDNAMES")
                        ? "true"
                        : "false",
                qPrintable(taken.join(QLatin1Char(','))));
    return 0;
}

int serveListenFds()
{
    const char *fds = std::getenv("LISTEN_FDS");
    const char *pid = std::getenv("LISTEN_PID");
    const char *names = std::getenv("LISTEN_FDNAMES");
    if (!fds || !pid || std::atoi(fds) < 1 || std::atol(pid) != long(::getpid())) {
        std::fprintf(stderr, "not socket-activated (LISTEN_FDS=%s LISTEN_PID=%s, my pid %d)\n",
                     fds ? fds : "", pid ? pid : "", int(::getpid()));
        return 1;
    }
    const int client = ::accept(3, nullptr, nullptr);
    if (client < 0) {
        std::perror("accept on fd 3");
        return 1;
    }
    char line[512];
    ssize_t n = ::read(client, line, sizeof(line) - 1);
    line[n > 0 ? n : 0] = '\0';
    if (char *nl = std::strchr(line, '\n'))
        *nl = '\0';
    char reply[1024];
    const int len = std::snprintf(reply, sizeof(reply),
                                  "served by pid %d on inherited fd 3 (LISTEN_FDS=%s "
                                  "LISTEN_FDNAMES=%s): you said \"%s\"\n",
                                  int(::getpid()), fds, names ? names : "", line);
    if (::write(client, reply, size_t(len)) != len)
        return 1;
    ::close(client);
    return 0;
}
#endif

template<typename Server>
int answerOne(Server *server)
{
    if (!server->waitForNewConnection(20'000))
        return fail(QStringLiteral("no connection: %1").arg(server->errorString()));
    auto *client = server->nextPendingConnection();
    client->write("hello from " + QByteArray::number(QCoreApplication::applicationPid()) + '\n');
    client->waitForBytesWritten(5000);
    hangUp(client);
    return 0;
}

int serveSocket(const QStringList &args)
{
    QString error;
    const qintptr socket =
            qrs::DupSocket::detach(qrs::ResourceId::fromString(args.value(0)), 10'000, &error);
    if (socket < 0)
        return fail(error);
    QTcpServer server;
    if (!server.setSocketDescriptor(socket))
        return fail(QStringLiteral("setSocketDescriptor: %1").arg(server.errorString()));
    return answerOne(&server);
}

int inherit(const QStringList &args)
{
    if (args.size() < 2)
        return usage();
    const QString kind = args.at(0);
    const QString name = args.at(1);
    const QByteArray text = args.value(2).toUtf8();
    qrs::InheritedResources inherited;
    QString error;
    if (kind == QLatin1String("fd")) {
        const qrs::NativeHandle fd = inherited.takeDescriptor(name, &error);
        if (fd < 0)
            return fail(error);
        std::printf("took fd=%lld\n", qint64(fd));
        return 0;
    }
    if (kind == QLatin1String("tcp-server")) {
        QTcpServer server;
        if (!inherited.adoptTcpServer(name, &server, &error))
            return fail(error);
        return answerOne(&server);
    }
#ifndef Q_OS_WIN
    if (kind == QLatin1String("local-server")) {
        QLocalServer server;
        if (!inherited.adoptLocalServer(name, &server, &error))
            return fail(error);
        return answerOne(&server);
    }
#endif
    if (kind == QLatin1String("file")) {
        QFile file;
        if (!inherited.adoptFile(name, &file, QIODevice::WriteOnly, &error))
            return fail(error);
        return file.write(text) == text.size() && file.flush() ? 0 : fail(file.errorString());
    }
    if (kind == QLatin1String("tcp-socket")) {
        QTcpSocket socket;
        if (!inherited.adoptTcpSocket(name, &socket, &error))
            return fail(error);
        socket.write(text);
        return socket.waitForBytesWritten(5000) ? 0 : fail(socket.errorString());
    }
    return usage();
}

int sharer()
{
    std::printf("ready\n");
    std::fflush(stdout);
    char line[512];
    while (std::fgets(line, sizeof(line), stdin)) {
        const QStringList words = QString::fromUtf8(line).simplified().split(QLatin1Char(' '));
        const QString command = words.value(0);
        if (command == QLatin1String("register") && words.size() == 2) {
            qrstest::Pipe pipe;
            if (!pipe.isValid())
                return fail(QStringLiteral("pipe failed"));
            QString error;
            const qrs::ResourceId id = qrs::ResourceSharer::instance()->registerResource(
                    qrs::ResourceSharer::duplicate(pipe.readEnd()),
                    qrs::RegisterOptions{words.at(1), 0}, &error);
            if (!id.isValid())
                return fail(error);
            std::printf("%s\n", qPrintable(id.toString()));
        } else if (command == QLatin1String("stop")) {
            qrs::ResourceSharer::instance()->stop();
            std::printf("stopped\n");
        } else if (command == QLatin1String("quit")) {
            return 0;
        } else {
            return usage();
        }
        std::fflush(stdout);
    }
    return 0;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QStringList args = app.arguments().mid(1);
    if (args.isEmpty())
        return usage();
    const QString mode = args.takeFirst();
    if (mode == QLatin1String("detach"))
        return detach(args);
#ifndef Q_OS_WIN
    if (mode == QLatin1String("detach-at-limit"))
        return detachAtLimit(args);
    if (mode == QLatin1String("serve-listen-fds"))
        return serveListenFds();
    if (mode == QLatin1String("activation"))
        return activation(args);
#endif
    if (mode == QLatin1String("hold"))
        return hold(args);
    if (mode == QLatin1String("exit-with-entries"))
        return exitWithEntries(args.value(0));
    if (mode == QLatin1String("detach-all"))
        return detachAll();
    if (mode == QLatin1String("serve-socket"))
        return serveSocket(args);
    if (mode == QLatin1String("inherit"))
        return inherit(args);
    if (mode == QLatin1String("sharer"))
        return sharer();
    return usage();
}
