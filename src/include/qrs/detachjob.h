// SPDX-FileCopyrightText: 2026 QtResourceSharer contributors
//
// SPDX-License-Identifier: BSD-3-Clause

#pragma once

#include <qrs/resourceinfo.h>

#include <QObject>

#include <memory>

namespace qrs {

class DetachJobPrivate;

/*!
    \class qrs::DetachJob
    \brief Receives resources without blocking, on the event loop of its thread.

    Made by DupFd::detachAsync(), or directly for several ids of one sharer. It
    starts on its own; it emits detached() once per received descriptor, in the
    order of the ids, then finished(); or detachFailed() and finished(). It
    deletes itself after finished() unless setAutoDelete(false). Destroying it
    before it finishes abandons the transfer without acknowledging it, so the
    resources stay available to another receiver.

    \snippet snippets.cpp detachjob
    \since 0.1
*/
class QRS_EXPORT DetachJob : public QObject
{
    Q_OBJECT

public:
    //! Starts taking \a ids (all of one sharer, all or none) from the event loop, waiting
    //! at most \a timeoutMs (negative: no limit).
    DetachJob(const QList<ResourceId> &ids, int timeoutMs, QObject *parent = nullptr);
    ~DetachJob() override;

    //! Whether the job deletes itself after finished() (the default: true).
    void setAutoDelete(bool autoDelete);
    //! Whether finished() has been emitted.
    bool isFinished() const;
    //! Every descriptor received so far with its name; ownership passes to whoever
    //! takes them (a descriptor nobody took is closed with the job).
    QList<DetachedFd> takeResults();
    //! Why the job failed, or Error::NoError (also while it runs).
    Error error() const;
    //! The same for people, translated; empty unless it failed.
    QString errorString() const;

Q_SIGNALS:
    //! One resource arrived, in the order of the ids; ownership of \a fd passes
    //! to the receiver of the signal (on Windows a SOCKET or HANDLE).
#ifdef Q_OS_WIN
    void detached(qintptr fd);
#else
    void detached(int fd);
#endif
    //! The transfer failed: \a error says why for a program, \a errorString
    //! for people. Nothing was received; the resources stay with the sharer
    //! unless the failure says otherwise (AlreadyTaken, Expired, Revoked).
    void detachFailed(qrs::Error error, const QString &errorString);
    //! The job is over, after detached() or detachFailed(); it deletes itself next
    //! unless setAutoDelete(false).
    void finished();

private:
    std::unique_ptr<DetachJobPrivate> const d_ptr;
    Q_DECLARE_PRIVATE(DetachJob)
    Q_DISABLE_COPY_MOVE(DetachJob)
};

} // namespace qrs
