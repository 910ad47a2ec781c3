// SPDX-FileCopyrightText: 2026 QtResourceSharer contributors
//
// SPDX-License-Identifier: BSD-3-Clause

#include <qrs/socketactivation.h>

#include "fdpassing.h"
#include "text_p.h"

#include <cstdlib>
#include <unistd.h>

namespace qrs {

namespace {
// sd_listen_fds() refuses more than would fit above FirstDescriptor; no
// manager passes this many.
constexpr int MaxSockets = 65536;
} // namespace

SocketActivation::SocketActivation(bool unsetEnvironment)
{
    const QByteArray count = qgetenv("LISTEN_FDS");
    const QByteArray pid = qgetenv("LISTEN_PID");
    const bool named = qEnvironmentVariableIsSet("LISTEN_FDNAMES");
    const QByteArray names = qgetenv("LISTEN_FDNAMES");
    if (unsetEnvironment) {
        ::unsetenv("LISTEN_PID");
        ::unsetenv("LISTEN_FDS");
        ::unsetenv("LISTEN_FDNAMES");
    }
    // As sd_listen_fds(): no LISTEN_PID or LISTEN_FDS is nothing passed; a
    // LISTEN_PID of another process is nothing for this one.
    if (pid.isEmpty())
        return;
    bool ok = false;
    const qint64 to = pid.toLongLong(&ok);
    if (!ok || to <= 0) {
        m_error = Error::InvalidArgument;
        m_errorString =
                qrs::tr("LISTEN_PID=%1 is not a process id").arg(QString::fromLocal8Bit(pid));
        return;
    }
    if (to != qint64(::getpid()) || count.isEmpty())
        return;
    const int n = count.toInt(&ok);
    if (!ok || n < 0 || n > MaxSockets) {
        m_error = Error::InvalidArgument;
        m_errorString = qrs::tr("LISTEN_FDS=%1 is not a number of descriptors")
                                .arg(QString::fromLocal8Bit(count));
        return;
    }
    if (n == 0)
        return;
    // As sd_listen_fds_with_names(): every name, empty ones kept in place.
    const QList<QByteArray> list = named ? names.split(':') : QList<QByteArray>();
    if (named && list.size() != n) {
        m_error = Error::InvalidArgument;
        m_errorString = qrs::tr("LISTEN_FDNAMES names %1 sockets but LISTEN_FDS passes %2")
                                .arg(list.size())
                                .arg(n);
        return;
    }
    for (int i = 0; i < n; ++i) {
        Socket s;
        s.fd = FirstDescriptor + i;
        s.name = named ? QString::fromLocal8Bit(list.at(i)) : QStringLiteral("unknown");
        platform::setCloexec(s.fd, true); // as sd_listen_fds(): not for this process's children
        m_sockets.append(s);
    }
    m_taken.fill(false, n);
}

bool SocketActivation::isValid() const
{
    return m_error == Error::NoError;
}

Error SocketActivation::error() const
{
    return m_error;
}

QString SocketActivation::errorString() const
{
    return m_errorString;
}

QList<SocketActivation::Socket> SocketActivation::sockets() const
{
    return m_sockets;
}

QStringList SocketActivation::names() const
{
    QStringList out;
    for (const Socket &s : m_sockets)
        out.append(s.name);
    return out;
}

int SocketActivation::take(const QString &name)
{
    for (qsizetype i = 0; i < m_sockets.size(); ++i) {
        if (!m_taken.at(i) && m_sockets.at(i).name == name) {
            m_taken[i] = true;
            return m_sockets.at(i).fd;
        }
    }
    return -1;
}

} // namespace qrs
