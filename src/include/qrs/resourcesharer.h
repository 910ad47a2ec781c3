// SPDX-FileCopyrightText: 2026 QtResourceSharer contributors
//
// SPDX-License-Identifier: BSD-3-Clause

#pragma once

#include <qrs/resourceinfo.h>

#include <QJsonObject>
#include <QList>
#include <QObject>

#include <functional>
#include <memory>

namespace qrs {

class ResourceSharerPrivate;

/*!
    \class qrs::ResourceSharer
    \brief The process-wide cache of shared resources and the server that hands them out.

    The first registration starts a QThread that serves a QLocalServer on a fresh,
    unguessable socket inside a private directory (mode 0700) under
    \c $XDG_RUNTIME_DIR, else the temp directory. A process that presents a
    resource's ResourceId gets its own copy of the descriptor, once; the entry
    leaves the cache only when that process has acknowledged it.

    registerResource(), revoke(), snapshot(), stop() and the getters may be called
    from any thread. The object itself lives in the application's main thread and
    emits its signals there (queued from the server thread), so a QCoreApplication
    event loop must run for them to arrive.

    \snippet snippets.cpp resourcesharer
    \since 0.1
*/
class QRS_EXPORT ResourceSharer : public QObject
{
    Q_OBJECT
    //! Whether the server runs: see isRunning().
    Q_PROPERTY(bool running READ isRunning NOTIFY runningChanged)
    //! Where receivers connect: see address().
    Q_PROPERTY(QString address READ address NOTIFY runningChanged)

public:
    //! The sharer of this process. Created on first use; thread-safe. Null only
    //! during static destruction at process exit, after it has stopped.
    static ResourceSharer *instance();

    //! Registers a descriptor (on Windows a SOCKET or a HANDLE) and starts the
    //! server if it is not running. Takes ownership of handle whether or not it
    //! succeeds: pass a duplicate (see duplicate()). Returns an invalid id and
    //! sets *error on failure. Any thread; O(1).
    ResourceId registerResource(NativeHandle handle, const RegisterOptions &options = {},
                                QString *error = nullptr);
    //! The same, saying why it failed in *error (InvalidArgument, TooLarge,
    //! SystemError; NoError on success) and *errorString. Either may be null.
    //! \since 0.4
    ResourceId registerResource(NativeHandle handle, const RegisterOptions &options,
                                qrs::Error *error, QString *errorString);

    //! Withdraws a resource nobody has taken yet and closes the sharer's copy.
    //! A resource in transfer is revoked if the receiver does not acknowledge it.
    //! Returns false if the id is not in this sharer's cache. Any thread.
    bool revoke(const ResourceId &id);

    /*!
        Binds the resources registered with RegisterOptions::BoundLater to the
        live process \a pid: only it may take them from now on, and the requests
        that waited for it are served. For a process that did not exist at
        registration, such as a child about to be started (ChildResources does
        this itself). False, saying why, if \a pid is not a live process
        (NotFound), or not every id waits for a process in this sharer
        (NotFound; the others are bound). Any thread.
        \since 0.5
    */
    bool bindToProcess(const QList<ResourceId> &ids, qint64 pid, qrs::Error *error = nullptr,
                       QString *errorString = nullptr);

    //! Stops the server, drops every connection, closes every cached descriptor,
    //! removes the socket and its directory and emits stopped(). Returns within
    //! timeoutMs, even with stalled clients; true if the server thread finished in
    //! time. Idempotent; a later registration starts a new server. Any thread.
    bool stop(int timeoutMs = 5000);

    //! Every cached entry with its metadata and state, oldest first. Any thread. With
    //! statistics, also the counters at that same moment: statistics->revision
    //! is the newest change the list reflects.
    QList<ResourceInfo> snapshot(SharerStatistics *statistics = nullptr) const;
    //! What this sharer has done since the process started. Any thread.
    SharerStatistics statistics() const;
    //! Cached entries (available or in transfer). Any thread.
    int count() const;

    //! What this process says about itself to whoever inspects its sharer
    //! (qrs-inspect, CacheModel::processStatus, SharerPanel): a JSON object of at
    //! most 60 KiB in compact form, e.g. a supervisor's workers (qrs-supervise
    //! publishes {"supervisor": {...}, "workers": [...]}). Watchers get each new
    //! one at once. Starts the server if it is not running, so that the process
    //! can be found by pid. False, with *error, if the status is too large or the
    //! server cannot start. Any thread. \since 0.3
    bool setProcessStatus(const QJsonObject &status, QString *error = nullptr);
    //! The same, with the reason as a code (TooLarge, SystemError). \since 0.4
    bool setProcessStatus(const QJsonObject &status, qrs::Error *error, QString *errorString);
    //! The last status setProcessStatus() set (empty if none). Any thread.
    QJsonObject processStatus() const;

    /*!
        The answer to one command: call it once, from any thread, with a JSON
        object; the sharer sends it and closes the connection. A command whose
        every copy of its reply is dropped unanswered is answered
        \c {{"ok": false, "reason": ...}}. \since 0.5
    */
    using CommandReply = std::function<void(const QJsonObject &reply)>;
    //! Runs one command that process \a fromPid sent (see setCommandHandler()).
    using CommandHandler = std::function<void(const QJsonObject &command, qint64 fromPid,
                                              const CommandReply &reply)>;
    /*!
        Lets this process take commands through its sharer: a peer of this
        process's own uid, or root, sends a JSON object (at most 4 KiB) on the
        sharer's socket, found by pid like inspection; \a handler runs in
        \a context's thread for each, and the peer waits for its reply, for as
        long as the command takes. Peers of other uids, and every command while
        no handler is set, are refused. A null \a handler stops taking commands.
        \c qrs::Supervisor answers its control commands this way (\c
        {qrs-supervise --status PID}). Any thread. \since 0.5
    */
    void setCommandHandler(QObject *context, CommandHandler handler);

    //! Whether the server runs (it starts with the first registration). Any thread.
    bool isRunning() const;
    //! The socket path receivers connect to; empty while stopped.
    QString address() const;

    //! Besides this process's own uid, these users may take every resource
    //! registered from now on (RegisterOptions::allowedUids names them per resource).
    void setAllowedUids(const QList<uint> &uids);
    //! The users besides this process's own that may take resources.
    QList<uint> allowedUids() const;

    //! How long a connection may take to send its request and acknowledgement
    //! before the server drops it (default 10 s). Applies to new connections.
    void setConnectionTimeout(int ms);
    //! How long a connection may take, in milliseconds.
    int connectionTimeout() const;

    //! dup() with close-on-exec (on Windows: a non-inheritable duplicate of the
    //! socket or handle); -1 if handle is not open.
    static NativeHandle duplicate(NativeHandle handle);

    //! The address of the sharer running in process pid, which must belong to
    //! this user: each running sharer publishes its address in a per-user
    //! directory and removes it when it stops. Empty, with *error saying why, if
    //! that process has no running sharer. Any thread. \since 0.3
    static QString addressOfProcess(qint64 pid, QString *error = nullptr);
    //! The same, with the reason as a code: InvalidArgument (not a pid),
    //! NotFound (no such process, or it publishes no sharer), SharerUnreachable
    //! (it published one that no longer listens). \since 0.4
    static QString addressOfProcess(qint64 pid, qrs::Error *error, QString *errorString);

Q_SIGNALS:
    //! The server listens at \a address. All signals are emitted in the thread
    //! this object lives in (the main thread).
    void started(const QString &address);
    //! The server stopped (stop(), or the process is exiting).
    void stopped();
    //! setProcessStatus() was called (from any thread). \since 0.3
    void processStatusChanged(const QJsonObject &status);
    //! isRunning() or address() changed.
    void runningChanged();
    //! A resource was registered (\a info).
    void resourceRegistered(const qrs::ResourceInfo &info);
    //! The sharer sent the resource to pid and waits for its acknowledgement.
    void transferStarted(const qrs::ResourceInfo &info, qint64 pid);
    //! The process \a pid acknowledged the resource \a info: it is its now.
    void resourceTransferred(const qrs::ResourceInfo &info, qint64 pid);
    //! The time to live of \a info passed before anyone took it.
    void resourceExpired(const qrs::ResourceInfo &info);
    //! \a info was withdrawn (revoke(), or the server stopped).
    void resourceRevoked(const qrs::ResourceInfo &info);
    //! A transfer of this entry broke before the receiver acknowledged it, or a
    //! request for it was refused; the entry's state says whether it is still
    //! available.
    void transferFailed(const qrs::ResourceInfo &info, const QString &reason);

private:
    ResourceSharer();
    ~ResourceSharer() override;
    friend class ResourceSharerPrivate;
    friend class DupFd;
    friend struct ResourceSharerHolder;
    std::unique_ptr<ResourceSharerPrivate> const d_ptr;
    Q_DECLARE_PRIVATE(ResourceSharer)
    Q_DISABLE_COPY_MOVE(ResourceSharer)
};

} // namespace qrs
