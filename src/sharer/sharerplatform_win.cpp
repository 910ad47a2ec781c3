// SPDX-FileCopyrightText: 2026 QtResourceSharer contributors
//
// SPDX-License-Identifier: BSD-3-Clause

// The sharer on Windows: a named pipe (QLocalServer) whose name carries the
// pid and 64 random bits, resources that are SOCKETs or HANDLEs, addresses
// published in the user's temporary directory (private to the user by its
// ACL). No signals to block, no fork. Compiled here with MinGW-w64 against
// Linux's Qt headers (ctest windows_qt_side_compiles); not run on Windows yet.
#include "sharerplatform_p.h"

#include "text_p.h"
#include "handles_win.h"
#include "protocol.h"

#include <QCoreApplication>
#include <QDir>
#include <QThread>

// clang-format off
#include <winsock2.h>
#include <ws2tcpip.h>
// clang-format on

namespace qrs::sharerplatform {

namespace win = platform::win;

bool isOpen(NativeHandle handle)
{
    return win::isOpenHandle(reinterpret_cast<win::Handle>(handle));
}

void close(NativeHandle handle)
{
    if (win::isSocket(win::Socket(handle)))
        win::closeSocket(win::Socket(handle));
    else
        win::closeHandle(reinterpret_cast<win::Handle>(handle));
}

bool isSocket(NativeHandle handle)
{
    return win::isSocket(win::Socket(handle));
}

NativeHandle duplicate(NativeHandle handle)
{
    unsigned long code = 0;
    const unsigned long self = static_cast<unsigned long>(QCoreApplication::applicationPid());
    if (win::isSocket(win::Socket(handle))) {
        std::string info;
        if (!win::duplicateSocketFor(win::Socket(handle), self, &info, &code))
            return -1;
        const win::Socket copy = win::socketFromProtocolInfo(info, &code);
        return copy == win::InvalidSocket ? -1 : NativeHandle(copy);
    }
    std::uint64_t copy = 0;
    if (!win::duplicateHandleInto(reinterpret_cast<win::Handle>(handle), self, &copy, &code))
        return -1;
    return NativeHandle(copy);
}

void describeInto(NativeHandle handle, ResourceInfo *info)
{
    win::HandleDescription h;
    win::describe(reinterpret_cast<win::Handle>(handle), &h);
    info->path = QString::fromStdString(h.path);
    switch (h.kind) {
    case win::HandleKind::File:
        info->kind = ResourceKind::File;
        info->description = info->path;
        return;
    case win::HandleKind::Pipe:
        info->kind = ResourceKind::Pipe;
        info->description = QStringLiteral("pipe");
        return;
    case win::HandleKind::Socket: {
        info->kind = ResourceKind::Socket;
        info->socketFamily = h.socketFamily == AF_INET ? QStringLiteral("ipv4")
                : h.socketFamily == AF_INET6           ? QStringLiteral("ipv6")
                                                       : QStringLiteral("other");
        info->socketType = h.socketType == SOCK_STREAM ? QStringLiteral("stream")
                : h.socketType == SOCK_DGRAM           ? QStringLiteral("datagram")
                                                       : QStringLiteral("other");
        info->listening = h.listening;
        info->localAddress = QString::fromStdString(h.localAddress);
        info->localPort = h.localPort;
        info->description = socketDescription(*info);
        return;
    }
    case win::HandleKind::CharDevice:
    case win::HandleKind::Other:
        break;
    }
    info->kind = ResourceKind::Other;
    info->description = info->path;
}

uint effectiveUid()
{
    return 0; // what the courier says of every peer: the pipe admits only this user
}

bool isProcessAlive(qint64 pid)
{
    return pid > 0 && win::isProcessAlive(static_cast<unsigned long>(pid));
}

bool newAddress(const QString &lastAddress, QString *address, QString *directory, QString *)
{
    directory->clear(); // a pipe name is no file
    *address = !lastAddress.isEmpty()
            ? lastAddress
            : QStringLiteral("qrs-%1-%2")
                      .arg(QCoreApplication::applicationPid())
                      .arg(QString::fromLatin1(protocol::Key::generate().toHex().left(16)));
    return true;
}

QString publicationDirectory()
{
    return QDir::tempPath() + QStringLiteral("/qrs-sharers");
}

bool ensurePrivateDirectory(const QString &path, QString *error)
{
    // Under the user's temporary directory, which only the user may open.
    if (QDir().mkpath(path))
        return true;
    *error = qrs::tr("cannot create %1").arg(path);
    return false;
}

bool isListening(const QString &address)
{
    return !address.isEmpty(); // the pid is alive; a pipe name is no file to look at
}

void startWithSignalsBlocked(QThread *thread)
{
    thread->start();
}

void installForkHandlers(void (*)(), void (*)(), void (*)()) { }

// Windows joins its threads' clean-up into the wait: nothing to add.
void ThreadGone::arm(const std::shared_ptr<ThreadGone> &gone)
{
    gone->release();
}

} // namespace qrs::sharerplatform
