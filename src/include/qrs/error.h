// SPDX-FileCopyrightText: 2026 QtResourceSharer contributors
//
// SPDX-License-Identifier: BSD-3-Clause

#pragma once

#include <qrs/global.h>

#include <QMetaType>
#include <QObject>

/*!
    \namespace qrs
    \brief Everything of QtResourceSharer.

    The namespace's enums are registered with the meta-object system here, in
    one header (moc allows one per namespace): Error, ResourceKind and
    ResourceState print their names in QDebug and are usable from QML (the
    QtResourceSharer module's \c Qrs namespace, e.g. \c Qrs.AlreadyTaken).
*/
namespace qrs {
Q_NAMESPACE_EXPORT(QRS_EXPORT)

/*!
    \brief Why a call failed, for a program to act on; errorString() beside it
    says the same for people, translated.

    Every public call that can fail gives one: objects through \c error()
    beside \c errorString() (DupFd, DetachJob, InheritedResources,
    ChildResources), DetachJob also in DetachJob::detachFailed(), and functions
    through an overload with a <tt>qrs::Error *</tt> argument (DupFd::detach(),
    DupSocket::detach(), ResourceSharer::registerResource() and others). The
    tools exit with a status per code (see their man pages). The values are
    stable: new ones are added at the end.

    \snippet snippets.cpp dupfd-errors
    \since 0.4
*/
enum class Error {
    //! Nothing failed.
    NoError = 0,
    //! The sharer has no resource under this key and does not remember one:
    //! it never had it, or it was restarted, or too many keys ended since.
    UnknownKey = 1,
    //! The resource was already taken by a receiver (each key is single-use).
    AlreadyTaken = 2,
    //! Its time to live passed before anyone took it.
    Expired = 3,
    //! Its owner withdrew it (ResourceSharer::revoke(), DupFd::revoke(), or
    //! the sharer stopped).
    Revoked = 4,
    //! The sharer refused this process: another uid that is not allowed
    //! (ResourceSharer::setAllowedUids()), a request naming another pid,
    //! credentials that cannot be read, or a resource that could not be made
    //! over to this process.
    Denied = 5,
    //! The deadline passed: the sharer did not answer within the timeout, or
    //! dropped a connection that sent nothing within its own.
    Timeout = 6,
    //! No sharer listens at the id's address (the sharing process exited or
    //! stopped its sharer), or the connection to it failed or broke; for
    //! ServiceNotifier, no service manager to tell.
    SharerUnreachable = 7,
    //! The id is not a valid ResourceId (it does not parse, is empty), or one
    //! call was given ids of several sharers where it takes one.
    InvalidId = 8,
    //! A peer sent bytes that are not the protocol: a bad reply, request or
    //! acknowledgement, or malformed QRS_RESOURCES variables.
    Malformed = 9,
    //! Something is over a limit: a name, a process status, a frame, or more
    //! resources than one request takes.
    TooLarge = 10,
    //! The sharer is stopping, or this process is exiting and its sharer has
    //! stopped.
    SharerStopping = 11,
    //! This process (or the system) is out of descriptors: a duplicate could
    //! not be made, or the kernel dropped descriptors in transit (MSG_CTRUNC).
    DescriptorLimit = 12,
    //! The resource is not of the kind asked for: not a socket for DupSocket,
    //! not a listening TCP server for InheritedResources::adoptTcpServer(), and
    //! the like.
    WrongKind = 13,
    //! No resource of that name (InheritedResources, ChildResources).
    NotFound = 14,
    //! The resource is being handed to another receiver right now; it may be
    //! available again if that receiver does not acknowledge it.
    Busy = 15,
    //! The sharer has too many connections or watchers at the moment.
    Overloaded = 16,
    //! An argument is not usable: a descriptor that is not open, a negative
    //! time to live, an empty name where one is needed.
    InvalidArgument = 17,
    //! Any other failure of the operating system (errorString() has its text).
    SystemError = 18,
};
Q_ENUM_NS(Error)

//! What kind of operating-system resource an entry holds.
enum class ResourceKind { Other = 0, File = 1, Pipe = 2, Socket = 3, Memfd = 4 };
Q_ENUM_NS(ResourceKind)

//! Where an entry is in its life.
enum class ResourceState {
    Available,  //!< registered, waiting for a receiver
    InTransfer, //!< sent, waiting for the receiver's acknowledgement
    Taken,      //!< acknowledged by a receiver; no longer cached
    Expired,    //!< its TTL passed before anyone took it
    Revoked,    //!< withdrawn by the owner (revoke(), stop())
};
Q_ENUM_NS(ResourceState)

} // namespace qrs
