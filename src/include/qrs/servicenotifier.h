// SPDX-FileCopyrightText: 2026 QtResourceSharer contributors
//
// SPDX-License-Identifier: BSD-3-Clause

#pragma once

#include <qrs/error.h>

#include <QByteArray>
#include <QString>

#include <chrono>

namespace qrs {

/*!
    \class qrs::ServiceNotifier
    \brief Tells the service manager that started this process how it is doing:
    systemd's \c sd_notify protocol, without libsystemd.

    The manager (systemd, \c qrs-supervise with its notify plugin, or anything
    else that speaks the protocol) passes the address of a datagram socket in
    \c NOTIFY_SOCKET: a path, or an abstract name written with a leading \c @.
    Each call sends one datagram of \c KEY=VALUE lines there. Without
    \c NOTIFY_SOCKET there is nobody to tell: every call does nothing and succeeds,
    so the same program runs alike under a manager and from a shell.

    A Qt server that takes its socket with InheritedResources says it is ready
    once it listens; only then does a rolling restart of \c qrs-supervise
    \c --ready=notify stop the worker it replaces:

    \snippet snippets.cpp servicenotifier

    With a watchdog (\c WatchdogSec= in systemd, \c --watchdog in
    \c qrs-supervise), watchdogInterval() says how often the manager expects
    notifyWatchdog(); a process that stays silent longer is killed and restarted.
    Ping at half the interval.

    Any thread; the object holds only what it read from the environment.
    \since 0.3
*/
class QRS_EXPORT ServiceNotifier
{
public:
    //! Reads \c NOTIFY_SOCKET, \c WATCHDOG_USEC and \c WATCHDOG_PID from the environment.
    ServiceNotifier();
    //! Speaks to \a socketAddress (a path, or \c \@name for an abstract socket).
    explicit ServiceNotifier(const QString &socketAddress);

    //! Whether there is a manager to tell (\c NOTIFY_SOCKET was set).
    bool isEnabled() const;
    //! The address notifications go to, as given (empty when disabled).
    QString socketAddress() const;

    /*!
        How often the manager expects notifyWatchdog(), from \c WATCHDOG_USEC; zero
        when there is no watchdog, or when \c WATCHDOG_PID names another process.
    */
    std::chrono::microseconds watchdogInterval() const;

    //! \c READY=1: start-up is finished; the process serves.
    bool notifyReady(QString *error = nullptr);
    //! \c STATUS=: one line of free text the manager shows (e.g. "3 of 4 workers ready").
    bool notifyStatus(const QString &status, QString *error = nullptr);
    //! \c STOPPING=1: the process is shutting down.
    bool notifyStopping(QString *error = nullptr);
    //! \c RELOADING=1 with \c MONOTONIC_USEC: reloading; send notifyReady() when done.
    bool notifyReloading(QString *error = nullptr);
    //! \c WATCHDOG=1: still alive.
    bool notifyWatchdog(QString *error = nullptr);
    //! \c MAINPID=: the manager should follow \a pid as this service's main process.
    bool notifyMainPid(qint64 pid, QString *error = nullptr);

    /*!
        Keeps \a fd in the manager's descriptor store under \a name (\c FDSTORE=1 with
        \c FDNAME=, the descriptor attached): systemd hands it back at the
        service's next start in \c LISTEN_FDS and \c LISTEN_FDNAMES, so a listening
        socket survives a restart or a crash of the service (\c FileDescriptorStoreMax=
        must allow it; systemd 254 and later say how many in \c $FDSTORE). This
        process keeps its own \a fd. False, with \a error, without a manager or
        when \a name is not 1 to 255 printable ASCII characters without ':'.
        \since 0.3
    */
    bool storeDescriptor(NativeHandle fd, const QString &name, QString *error = nullptr);
    //! The same, saying why it failed as a code (InvalidArgument for the name,
    //! SharerUnreachable without a manager) and in \a errorString. \since 0.4
    bool storeDescriptor(NativeHandle fd, const QString &name, qrs::Error *error,
                         QString *errorString);

    /*!
        Sends \a state as it is: newline-separated \c KEY=VALUE lines, e.g.
        \c "READY=1\nSTATUS=serving". False, with the reason in \a error, if the
        datagram could not be sent (the manager is gone, the socket is not a
        datagram socket, the state is over the manager's 4096-byte limit).
    */
    bool notify(const QByteArray &state, QString *error = nullptr);
    /*!
        The same, saying why it failed as a code: TooLarge (over 4096 bytes),
        InvalidArgument (a \c NOTIFY_SOCKET that is no socket address),
        SharerUnreachable (the manager's socket is gone), DescriptorLimit or
        SystemError. The notify...() calls above send through it.
        \since 0.4
    */
    bool notify(const QByteArray &state, qrs::Error *error, QString *errorString);

private:
    bool send(const QByteArray &state, NativeHandle descriptor, qrs::Error *code, QString *error);

    QString m_address;
    std::chrono::microseconds m_watchdog{0};
};

} // namespace qrs
