// SPDX-FileCopyrightText: 2026 QtResourceSharer contributors
//
// SPDX-License-Identifier: BSD-3-Clause

#include <qrs/dupsocket.h>

#include "dupfd_p.h"

namespace qrs {

DupSocket::DupSocket(qintptr socketDescriptor, QObject *parent)
    : DupSocket(socketDescriptor, RegisterOptions(), parent)
{ }

DupSocket::DupSocket(qintptr socketDescriptor, const RegisterOptions &options, QObject *parent)
    : DupFd(NativeHandle(socketDescriptor), options, ResourceKind::Socket, parent)
{ }

qintptr DupSocket::detach(const ResourceId &id, int timeoutMs, QString *errorString)
{
    return detach(id, timeoutMs, nullptr, errorString);
}

qintptr DupSocket::detach(const ResourceId &id, int timeoutMs, Error *error, QString *errorString)
{
    const QList<DetachedFd> received =
            DupFdPrivate::detach({id}, timeoutMs, error, errorString, true);
    return received.isEmpty() ? -1 : qintptr(received.first().fd);
}

} // namespace qrs
