// SPDX-FileCopyrightText: 2026 QtResourceSharer contributors
//
// SPDX-License-Identifier: BSD-3-Clause

// Listening TCP sockets as the supervisor and qrs-share make them: "HOST:PORT"
// read once, and a socket bound by QTcpServer and handed on blocking, as
// systemd hands sockets. Header-only: used by the supervisor library and the
// tools, which link QtResourceSharer's objects differently. Any thread.
#pragma once

#include "common/text_p.h"
#include "fdpassing.h"

#include <qrs/global.h>

#include <QHostAddress>
#include <QString>
#include <QTcpServer>

#include <cerrno>

namespace qrs {

// "HOST:PORT" with HOST a numeric address, [IPv6], '*' (any) or localhost, and
// PORT 0 to 65535. On error *error says what is wrong, naming syntax (for
// example "tcp:HOST:PORT").
inline bool parseHostPort(const QString &hostPort, const QString &syntax, QHostAddress *address,
                          quint16 *port, QString *error)
{
    const qsizetype colon = hostPort.lastIndexOf(QLatin1Char(':'));
    bool ok = false;
    const uint number = colon < 0 ? 0 : hostPort.mid(colon + 1).toUInt(&ok);
    if (colon < 0 || !ok || number > 65535) {
        *error = qrs::tr("expected %1 with a port from 0 to 65535, not \"%2\"")
                         .arg(syntax, hostPort);
        return false;
    }
    QString host = hostPort.left(colon);
    if (host.startsWith(QLatin1Char('[')) && host.endsWith(QLatin1Char(']')))
        host = host.mid(1, host.size() - 2);
    if (host.isEmpty() || host == QLatin1String("*")) {
        *address = QHostAddress::Any;
    } else if (host == QLatin1String("localhost")) {
        *address = QHostAddress::LocalHost;
    } else if (!address->setAddress(host)) {
        *error = qrs::tr("\"%1\" is not a numeric IP address (or * or localhost)").arg(host);
        return false;
    }
    *port = quint16(number);
    return true;
}

// A listening TCP socket, bound by QTcpServer (address handling,
// SO_REUSEADDR) and returned as a duplicate that nothing in this process
// accepts on: on Unix blocking and close-on-exec (as systemd creates sockets),
// on Windows a SOCKET no child inherits. *boundPort is the port it got (for
// port 0). -1 after saying why in *error.
inline NativeHandle listenTcp(const QHostAddress &address, quint16 port, int backlog,
                              quint16 *boundPort, QString *error)
{
    QTcpServer server;
    server.setListenBacklogSize(backlog);
    if (!server.listen(address, port)) {
        *error = qrs::tr("cannot listen on %1 port %2: %3")
                         .arg(address.toString())
                         .arg(port)
                         .arg(server.errorString());
        return -1;
    }
    // Blocking, as systemd hands a socket (NonBlocking=no): the flag belongs to
    // the socket, so QTcpServer's O_NONBLOCK would reach every program given it.
    const auto fd = NativeHandle(platform::duplicateBlockingSocket(server.socketDescriptor()));
    if (fd < 0) {
        *error = qrs::tr("cannot duplicate a socket: %1").arg(systemErrorText(errno));
        return -1;
    }
    *boundPort = server.serverPort();
    return fd; // QTcpServer closes only its own descriptor: the socket keeps listening
}

} // namespace qrs
