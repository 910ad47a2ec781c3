// SPDX-FileCopyrightText: 2026 QtResourceSharer contributors
//
// SPDX-License-Identifier: BSD-3-Clause

// How a resource reaches another process where descriptors cannot travel
// beside the bytes of a message: Windows, whose local sockets are named pipes.
// The sharer makes the resource over to the receiver's pid and sends the bytes
// that say so in a Handle frame (docs/protocol.md); the receiver adopts them.
// On Windows the courier is Win32's (WSADuplicateSocketW, DuplicateHandle,
// GetNamedPipeClientProcessId: src/platform/handles_win.*). Elsewhere there is
// none and descriptors travel by SCM_RIGHTS; tests install one of their own to
// run this path, the server's and the receiver's, on Linux.
#pragma once

#include "fdpassing.h"
#include "protocol.h"

#include <qrs/resourceinfo.h>

#include <QByteArray>
#include <QString>

namespace qrs {

class HandleCourier
{
public:
    virtual ~HandleCourier() = default;

    // Sharer side, its own thread: the bytes (at most MaxHandleDataSize) that
    // give process pid a resource of its own equal to handle.
    virtual bool makeOver(NativeHandle handle, ResourceKind kind, qint64 pid, QByteArray *data,
                          QString *error) = 0;
    // Sharer side: undoes a makeOver whose bytes never left (a later resource
    // of the same reply could not be made over).
    virtual void takeBack(ResourceKind kind, const QByteArray &data, qint64 pid) = 0;
    // Sharer side: who is at the other end of a connected local socket.
    virtual bool peer(qintptr socketDescriptor, platform::PeerCredentials *out) = 0;

    // Receiver side: this process's resource from the bytes, or -1 (*error).
    virtual NativeHandle adopt(ResourceKind kind, const QByteArray &data, QString *error) = 0;
    // Receiver side: closes an adopted resource nobody took.
    virtual void discard(ResourceKind kind, NativeHandle handle) = 0;

    // This platform's courier, or null where descriptors travel by SCM_RIGHTS.
    static HandleCourier *forPlatform();
    // What receivers (DupFd::detach(), DetachJob) use: the platform's, unless a
    // test put its own (null again: the platform's).
    static HandleCourier *receiving();
    static void setReceivingForTesting(HandleCourier *courier);
};

} // namespace qrs
