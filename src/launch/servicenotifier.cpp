// SPDX-FileCopyrightText: 2026 QtResourceSharer contributors
//
// SPDX-License-Identifier: BSD-3-Clause

#include <qrs/servicenotifier.h>

#include "fdpassing.h"
#include "text_p.h"

#include <QFile>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <ctime>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

namespace qrs {

namespace {
// systemd reads at most this much of one notification (NOTIFY_BUFFER_MAX).
constexpr qsizetype MaxStateBytes = 4096;

bool fail(Error *code, QString *error, Error failure, const QString &text)
{
    if (code)
        *code = failure;
    if (error)
        *error = text;
    return false;
}
} // namespace

ServiceNotifier::ServiceNotifier()
    : m_address(qEnvironmentVariable("NOTIFY_SOCKET"))
{
    // As sd_watchdog_enabled(): WATCHDOG_PID, when set, must be this process.
    bool ok = false;
    const qint64 usec = qEnvironmentVariable("WATCHDOG_USEC").toLongLong(&ok);
    const QString pid = qEnvironmentVariable("WATCHDOG_PID");
    if (ok && usec > 0 && (pid.isEmpty() || pid.toLongLong() == qint64(::getpid())))
        m_watchdog = std::chrono::microseconds(usec);
}

ServiceNotifier::ServiceNotifier(const QString &socketAddress)
    : m_address(socketAddress)
{ }

bool ServiceNotifier::isEnabled() const
{
    return !m_address.isEmpty();
}

QString ServiceNotifier::socketAddress() const
{
    return m_address;
}

std::chrono::microseconds ServiceNotifier::watchdogInterval() const
{
    return m_watchdog;
}

bool ServiceNotifier::notifyReady(QString *error)
{
    return notify("READY=1", error);
}

bool ServiceNotifier::notifyStatus(const QString &status, QString *error)
{
    // One line: a newline would start another assignment.
    QByteArray text = status.toUtf8();
    text.replace('\n', ' ');
    return notify("STATUS=" + text, error);
}

bool ServiceNotifier::notifyStopping(QString *error)
{
    return notify("STOPPING=1", error);
}

bool ServiceNotifier::notifyReloading(QString *error)
{
    // systemd (Type=notify-reload) wants the time the reload began with it.
    struct timespec now = {};
    ::clock_gettime(CLOCK_MONOTONIC, &now);
    const qint64 usec = qint64(now.tv_sec) * 1000000 + now.tv_nsec / 1000;
    return notify("RELOADING=1\nMONOTONIC_USEC=" + QByteArray::number(usec), error);
}

bool ServiceNotifier::notifyWatchdog(QString *error)
{
    return notify("WATCHDOG=1", error);
}

bool ServiceNotifier::notifyMainPid(qint64 pid, QString *error)
{
    return notify("MAINPID=" + QByteArray::number(pid), error);
}

bool ServiceNotifier::notify(const QByteArray &state, QString *error)
{
    return send(state, -1, nullptr, error);
}

bool ServiceNotifier::notify(const QByteArray &state, Error *error, QString *errorString)
{
    return send(state, -1, error, errorString);
}

bool ServiceNotifier::storeDescriptor(NativeHandle fd, const QString &name, QString *error)
{
    return storeDescriptor(fd, name, nullptr, error);
}

bool ServiceNotifier::storeDescriptor(NativeHandle fd, const QString &name, Error *code,
                                      QString *error)
{
    // systemd's fdname_is_valid(): 1 to 255 printable ASCII characters but ':'.
    const QByteArray fdName = name.toLatin1();
    const bool validName = !name.isEmpty() && name.size() <= 255
            && std::all_of(name.cbegin(), name.cend(), [](QChar c) {
                   return c.unicode() > 0x20 && c.unicode() < 0x7f && c != QLatin1Char(':');
               });
    if (!validName)
        return fail(code, error, Error::InvalidArgument,
                    qrs::tr("\"%1\" cannot name a stored descriptor: 1 to 255 printable ASCII "
                            "characters other than space and ':' are needed")
                            .arg(name));
    if (m_address.isEmpty())
        return fail(code, error, Error::SharerUnreachable,
                    qrs::tr("there is no service manager to keep descriptor %1 (NOTIFY_SOCKET "
                            "is not set)")
                            .arg(fd));
    return send("FDSTORE=1\nFDNAME=" + fdName, fd, code, error);
}

bool ServiceNotifier::send(const QByteArray &state, NativeHandle descriptor, Error *code,
                           QString *error)
{
    if (code)
        *code = Error::NoError;
    if (m_address.isEmpty())
        return true; // nobody to tell
    if (state.size() > MaxStateBytes)
        return fail(code, error, Error::TooLarge,
                    qrs::tr("a notification of %1 bytes is over the limit of %2")
                            .arg(state.size())
                            .arg(MaxStateBytes));
    struct sockaddr_un addr = {};
    addr.sun_family = AF_UNIX;
    QByteArray path = QFile::encodeName(m_address);
    if (path.startsWith('@'))
        path[0] = '\0'; // an abstract name
    if (path.size() < 2 || (path.at(0) != '/' && path.at(0) != '\0')
        || size_t(path.size()) >= sizeof(addr.sun_path))
        return fail(
                code, error, Error::InvalidArgument,
                qrs::tr("NOTIFY_SOCKET \"%1\" is not an absolute path or an @abstract name that "
                        "fits a Unix socket address")
                        .arg(m_address));
    std::memcpy(addr.sun_path, path.constData(), size_t(path.size()));
    const socklen_t length = socklen_t(offsetof(sockaddr_un, sun_path) + size_t(path.size())
                                       + (path.at(0) == '\0' ? 0 : 1));

    const int fd = ::socket(AF_UNIX, SOCK_DGRAM | SOCK_CLOEXEC, 0);
    if (fd < 0)
        return fail(code, error,
                    errno == EMFILE || errno == ENFILE ? Error::DescriptorLimit
                                                       : Error::SystemError,
                    qrs::tr("cannot create a socket: %1").arg(systemErrorText(errno)));
    struct iovec iov = {const_cast<char *>(state.constData()), size_t(state.size())};
    struct msghdr msg = {};
    msg.msg_name = &addr;
    msg.msg_namelen = length;
    msg.msg_iov = &iov;
    msg.msg_iovlen = 1;
    alignas(struct cmsghdr) char control[CMSG_SPACE(sizeof(int))] = {};
    if (descriptor >= 0) { // rides along, as SCM_RIGHTS
        msg.msg_control = control;
        msg.msg_controllen = sizeof(control);
        struct cmsghdr *cmsg = CMSG_FIRSTHDR(&msg);
        cmsg->cmsg_level = SOL_SOCKET;
        cmsg->cmsg_type = SCM_RIGHTS;
        cmsg->cmsg_len = CMSG_LEN(sizeof(int));
        std::memcpy(CMSG_DATA(cmsg), &descriptor, sizeof(int));
    }
    const ssize_t sent = ::sendmsg(fd, &msg, MSG_NOSIGNAL);
    const int saved = errno;
    platform::closeFd(fd);
    if (sent != ssize_t(state.size()))
        return fail(code, error,
                    saved == ENOENT || saved == ECONNREFUSED ? Error::SharerUnreachable
                                                             : Error::SystemError,
                    qrs::tr("cannot notify the service manager at %1: %2")
                            .arg(m_address, systemErrorText(saved)));
    return true;
}

} // namespace qrs
