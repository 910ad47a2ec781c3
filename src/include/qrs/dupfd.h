// SPDX-FileCopyrightText: 2026 QtResourceSharer contributors
//
// SPDX-License-Identifier: BSD-3-Clause

#pragma once

#include <qrs/resourceinfo.h>

#include <QList>
#include <QObject>

#include <memory>

namespace qrs {

class DetachJob;
class DupFdPrivate;

/*!
    \class qrs::DupFd
    \brief Shares a Unix file descriptor with whichever process presents its id.

    The sending side constructs a DupFd from any open descriptor: it is duplicated
    (close-on-exec) and registered with ResourceSharer::instance(). Hand id()
    (toString()) to the other process; it calls DupFd::detach() and gets its own
    descriptor for the same open file description.

    \snippet snippets.cpp dupfd-parent
    \snippet snippets.cpp dupfd-child

    Destroying a DupFd does not withdraw the registration (as in Python's
    multiprocessing); call revoke() for that. Signals are emitted in the thread the
    object lives in.
    \since 0.1
*/
class QRS_EXPORT DupFd : public QObject
{
    Q_OBJECT
    //! The identifier to hand to the receiving process: see id().
    Q_PROPERTY(qrs::ResourceId id READ id CONSTANT)

public:
    //! Duplicates fd (the caller keeps its own) and registers the duplicate.
    explicit DupFd(NativeHandle fd, QObject *parent = nullptr);
    //! \overload
    //! With a name and a time to live (\a options).
    DupFd(NativeHandle fd, const RegisterOptions &options, QObject *parent = nullptr);
    ~DupFd() override;

    //! Whether the registration succeeded; see error() and errorString() if not.
    bool isValid() const;
    //! Why the registration failed, or Error::NoError.
    Error error() const;
    //! Why the registration failed, for people (translated); empty if it succeeded.
    QString errorString() const;
    //! The identifier to hand to the receiving process (toString() gives one token); invalid if the registration failed.
    ResourceId id() const;
    //! The pid that took the resource, or 0.
    qint64 detachedBy() const;
    //! Withdraws the registration (see ResourceSharer::revoke()).
    bool revoke();

    //! Receives the resource id names and returns an owned, close-on-exec
    //! descriptor, or -1 with a clear *error. Blocks the calling thread at most
    //! timeoutMs, or without limit if it is negative (any thread; needs no event
    //! loop). While the sharer's reply is due it first waits awake, yielding the
    //! CPU, for up to 50 µs (QRS_RECEIVE_SPIN_US; see docs/performance.md, "Waiting awake").
    static NativeHandle detach(const ResourceId &id, int timeoutMs, QString *error = nullptr);
    //! The same, saying why it failed in *error (a code to act on; NoError on
    //! success) and *errorString (for people). Either may be null.
    static NativeHandle detach(const ResourceId &id, int timeoutMs, qrs::Error *error,
                               QString *errorString);
    //! Receives several resources of one sharer in one round trip, all or none.
    static QList<DetachedFd> detach(const QList<ResourceId> &ids, int timeoutMs,
                                    QString *error = nullptr);
    //! \overload
    //! Saying why it failed in \a error and \a errorString (either may be null).
    static QList<DetachedFd> detach(const QList<ResourceId> &ids, int timeoutMs, qrs::Error *error,
                                    QString *errorString);
    //! Receives resources that may belong to several sharers: one round trip per
    //! sharer (and per 64 ids), in order, each all or none and each within
    //! timeoutMs. If one fails, what the earlier ones received is closed (those
    //! resources are spent) and the list is empty. What qrs-detach does.
    static QList<DetachedFd> detachFromSharers(const QList<ResourceId> &ids, int timeoutMs,
                                               QString *error = nullptr);
    //! \overload
    //! Saying why it failed in \a error and \a errorString (either may be null).
    static QList<DetachedFd> detachFromSharers(const QList<ResourceId> &ids, int timeoutMs,
                                               qrs::Error *error, QString *errorString);
    //! The asynchronous form: the job emits DetachJob::detached(fd) or
    //! DetachJob::detachFailed(qrs::Error, QString) from the calling thread's
    //! event loop and then deletes itself.
    static DetachJob *detachAsync(const ResourceId &id, int timeoutMs, QObject *parent = nullptr);

Q_SIGNALS:
    //! Queued from the constructor, so that a connection made right after
    //! construction sees it.
    void registered(const qrs::ResourceId &id);
    //! Another process (pid) acknowledged the resource.
    void detached(qint64 pid);
    //! The resource's time to live passed before anyone took it; the sharer closed its copy.
    void expired();
    //! The resource was withdrawn (revoke(), ResourceSharer::revoke() or the sharer stopped).
    void revoked();

protected:
    //! Registers a duplicate of fd only if it is of kind required (DupSocket).
    DupFd(NativeHandle fd, const RegisterOptions &options, ResourceKind required, QObject *parent);

private:
    std::unique_ptr<DupFdPrivate> const d_ptr;
    Q_DECLARE_PRIVATE(DupFd)
    Q_DISABLE_COPY_MOVE(DupFd)
};

} // namespace qrs
