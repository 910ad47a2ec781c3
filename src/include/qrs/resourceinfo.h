// SPDX-FileCopyrightText: 2026 QtResourceSharer contributors
//
// SPDX-License-Identifier: BSD-3-Clause

#pragma once

#include <qrs/error.h>
#include <qrs/resourceid.h>

#include <QDateTime>
#include <QList>
#include <QMetaType>
#include <QObject>
#include <QString>

namespace qrs {

/*!
    \struct qrs::ResourceInfo
    \brief What the sharer knows about one cached resource: its metadata and state.

    Returned by ResourceSharer::snapshot() and carried by its signals. A plain
    value; safe to copy between threads.
    \since 0.1
*/
struct QRS_EXPORT ResourceInfo
{
    Q_GADGET
    //! The identifier (the member \ref id).
    Q_PROPERTY(qrs::ResourceId id MEMBER id)
    Q_PROPERTY(QString name MEMBER name)
    //! What it is (the member \ref kind).
    Q_PROPERTY(qrs::ResourceKind kind MEMBER kind)
    Q_PROPERTY(QString description MEMBER description)
    //! Where it is in its life (the member \ref state).
    Q_PROPERTY(qrs::ResourceState state MEMBER state)
    Q_PROPERTY(qint64 registeringPid MEMBER registeringPid)
    Q_PROPERTY(qint64 takenByPid MEMBER takenByPid)
    Q_PROPERTY(QDateTime registeredAt MEMBER registeredAt)
    Q_PROPERTY(QDateTime expiresAt MEMBER expiresAt)
    Q_PROPERTY(quint64 revision MEMBER revision)

public:
    ResourceId id;                           //!< the identifier a receiver presents
    QString name;                            //!< optional, given at registration
    ResourceKind kind = ResourceKind::Other; //!< what it is, from the descriptor itself
    //! One line for people: a path, "tcp 127.0.0.1:8080 listening", "pipe".
    QString description;
    QString path; //!< file path, unix socket path or memfd name; may be empty
    //! For sockets: "ipv4", "ipv6", "unix" or "other"; empty otherwise.
    QString socketFamily;
    //! For sockets: "stream", "datagram", "seqpacket" or "other"; empty otherwise.
    QString socketType;
    bool listening = false;                         //!< a socket that accepts connections
    QString localAddress;                           //!< numeric host of an inet socket
    int localPort = -1;                             //!< port of an inet socket, -1 otherwise
    qint64 registeringPid = 0;                      //!< the process that registered it
    QDateTime registeredAt;                         //!< when, in UTC
    QDateTime expiresAt;                            //!< invalid when the entry has no TTL
    ResourceState state = ResourceState::Available; //!< where it is in its life
    //! The receiver: while in transfer, once taken, and in transferFailed()
    //! the receiver whose transfer failed (0 when a request was refused).
    qint64 takenByPid = 0;
    //! Orders what is known of an entry: every change the sharer makes gets the
    //! next number, so of two copies of one entry the larger revision is newer
    //! (queued signals and remote events may arrive out of order).
    quint64 revision = 0;
    //! Who may take it besides the sharer's own user: see RegisterOptions. \since 0.5
    QList<uint> allowedUids;
    //! Groups whose members may take it: see RegisterOptions. \since 0.5
    QList<uint> allowedGids;
    //! The one process that may take it (RegisterOptions::boundPid); 0 if none,
    //! RegisterOptions::BoundLater until ResourceSharer::bindToProcess(). \since 0.5
    qint64 boundPid = 0;
};

/*!
    \struct qrs::SharerStatistics
    \brief What a sharer has done since the process started, counted per outcome.

    Returned by ResourceSharer::statistics() and sent with a remote listing.
    \since 0.3
*/
struct QRS_EXPORT SharerStatistics
{
    quint64 registered = 0; //!< resources registered
    quint64 taken = 0;      //!< resources a receiver took
    quint64 expired = 0;    //!< resources whose time to live passed
    quint64 revoked = 0;    //!< resources withdrawn (revoke(), stop())
    //! Transfers that broke before the acknowledgement, and refused requests
    //! for resources that exist.
    quint64 failed = 0;
    //! The revision of the sharer's latest change (see ResourceInfo::revision).
    quint64 revision = 0;
};

/*!
    \struct qrs::RegisterOptions
    \brief Optional settings for ResourceSharer::registerResource() and DupFd.
    \since 0.1
*/
struct QRS_EXPORT RegisterOptions
{
    RegisterOptions() = default;
    //! A name and a time to live: what the options held before 0.5, so that
    //! \c {{name, ttlMs}} still builds.
    RegisterOptions(const QString &name, qint64 ttlMs)
        : name(name)
        , ttlMs(ttlMs)
    { }

    //! A name for people and for LISTEN_FDNAMES (at most 255 UTF-8 bytes).
    QString name;
    //! Time to live in milliseconds; 0 keeps the entry until taken or revoked.
    qint64 ttlMs = 0;

    /*!
        Users who may take it besides the sharer's own (deny by default). The
        taker's uid is the kernel's (\c SO_PEERCRED), never what a request says;
        the sharer becomes reachable by these users (docs/security.md). Unix only.
        \since 0.5
    */
    QList<uint> allowedUids;
    /*!
        Groups whose members may take it: the taker's primary group or one of
        its supplementary groups, as the kernel recorded them when it connected.
        Unix only. \since 0.5
    */
    QList<uint> allowedGids;
    /*!
        The one process that may take it, whatever user it runs as (it may drop
        its privileges first, with \c setpriv or \c setuid()): not the sharer's
        own user's other processes, nor a process that gets the same pid once this
        one has exited. The binding holds across \c exec(). Excludes
        allowedUids and allowedGids. 0: no binding. BoundLater: bound by
        ResourceSharer::bindToProcess() once the process exists, and a request
        for it waits until then (within the connection timeout).
        \since 0.5
    */
    qint64 boundPid = 0;
    //! boundPid for a process that does not exist yet. \since 0.5
    static constexpr qint64 BoundLater = -1;
};

//! One resource received by DupFd::detach(const QList<ResourceId> &, ...),
//! DetachJob or InheritedResources.
struct QRS_EXPORT DetachedFd
{
    NativeHandle fd = -1; //!< owned by the caller, close-on-exec (Windows: a SOCKET or HANDLE)
    QString name;         //!< the name it was registered with, if any
    ResourceKind kind = ResourceKind::Other; //!< what the sharer said it is
};

} // namespace qrs

Q_DECLARE_METATYPE(qrs::ResourceInfo)
Q_DECLARE_METATYPE(qrs::DetachedFd)
