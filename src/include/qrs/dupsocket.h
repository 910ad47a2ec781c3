// SPDX-FileCopyrightText: 2026 QtResourceSharer contributors
//
// SPDX-License-Identifier: BSD-3-Clause

#pragma once

#include <qrs/dupfd.h>

namespace qrs {

/*!
    \class qrs::DupSocket
    \brief Shares a socket with whichever process presents its id: the seed's
    DupSocket, on every platform.

    Takes what Qt's sockets give, a socket descriptor (QTcpServer,
    QTcpSocket, QLocalServer and QLocalSocket::socketDescriptor()), and gives
    one back to the receiver, ready for their setSocketDescriptor(). On Unix
    the socket travels as a descriptor (SCM_RIGHTS); on Windows it is
    duplicated for the receiver's pid (WSADuplicateSocketW) and rebuilt there
    (WSASocketW), over the same protocol.

    \snippet snippets.cpp dupsocket

    Anything but a socket is refused (isValid() false, errorString() says so);
    use DupFd for other descriptors.
    \since 0.3
*/
class QRS_EXPORT DupSocket : public DupFd
{
    Q_OBJECT

public:
    //! Duplicates the socket (the caller keeps its own) and registers the duplicate.
    explicit DupSocket(qintptr socketDescriptor, QObject *parent = nullptr);
    //! \overload
    //! With a name and a time to live (\a options).
    DupSocket(qintptr socketDescriptor, const RegisterOptions &options, QObject *parent = nullptr);

    //! Receives the socket id names: an owned descriptor for setSocketDescriptor(),
    //! or -1 with a clear *error. A resource that is not a socket is given back
    //! (it stays available). Blocks at most timeoutMs; any thread, no event loop.
    static qintptr detach(const ResourceId &id, int timeoutMs, QString *error = nullptr);
    //! The same, saying why it failed in *error (Error::WrongKind for a
    //! resource that is not a socket) and *errorString. Either may be null.
    static qintptr detach(const ResourceId &id, int timeoutMs, qrs::Error *error,
                          QString *errorString);
};

} // namespace qrs
