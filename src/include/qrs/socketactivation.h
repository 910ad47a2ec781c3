// SPDX-FileCopyrightText: 2026 QtResourceSharer contributors
//
// SPDX-License-Identifier: BSD-3-Clause

#pragma once

#include <qrs/error.h>

#include <QList>
#include <QString>
#include <QStringList>

namespace qrs {

/*!
    \class qrs::SocketActivation
    \brief The sockets this process's service manager passed it: systemd's
    socket activation (\c LISTEN_FDS, \c LISTEN_PID, \c LISTEN_FDNAMES),
    without libsystemd, by the rules of \c sd_listen_fds_with_names().

    The descriptors start at 3, one per socket, in order. They are passed only
    if \c LISTEN_PID is this process's pid; otherwise there are none (they were
    meant for another process, a parent that exec'd this one without clearing
    them). Each is made close-on-exec, so that no child inherits it by
    accident. Names come from \c LISTEN_FDNAMES (\c FileDescriptorName= in a
    \c .socket unit, \c --fdname of \c systemd-socket-activate), \c unknown
    when it is not set; a \c LISTEN_FDNAMES with another number of names than
    \c LISTEN_FDS is an error, as it is for \c sd_listen_fds_with_names(). The
    three variables are removed from the environment (the \c unset_environment
    argument of systemd's function), unless asked not to.

    \code
    qrs::SocketActivation activation;
    if (!activation.isValid())
        qFatal("%s", qPrintable(activation.errorString()));
    const int fd = activation.take(QStringLiteral("http")); // -1 if none was passed
    QTcpServer server;
    if (fd >= 0)
        server.setSocketDescriptor(fd);
    \endcode

    \c qrs-supervise takes its \c --listen \c NAME=inherit sockets with it.
    Unix only. Any thread; the object holds only what it read.
    \since 0.5
*/
class QRS_EXPORT SocketActivation
{
public:
    //! The first descriptor passed (systemd's \c SD_LISTEN_FDS_START).
    static constexpr int FirstDescriptor = 3;

    //! One socket passed.
    struct Socket
    {
        int fd = -1;  //!< FirstDescriptor and up
        QString name; //!< from \c LISTEN_FDNAMES; \c unknown without it
    };

    /*!
        Reads the variables; with \a unsetEnvironment (the default) removes
        them, whatever they say.
    */
    explicit SocketActivation(bool unsetEnvironment = true);

    //! False if the variables are malformed: see error().
    bool isValid() const;
    //! InvalidArgument when \c LISTEN_FDS is not a number, or \c LISTEN_FDNAMES
    //! names another number of sockets; NoError otherwise.
    Error error() const;
    //! The same for people, translated.
    QString errorString() const;

    //! Every socket passed, in order; empty when there are none or an error.
    QList<Socket> sockets() const;
    //! Their names, in order.
    QStringList names() const;
    /*!
        The descriptor of the first socket named \a name not taken yet, which
        the caller now owns; -1 if there is none.
    */
    int take(const QString &name);

private:
    QList<Socket> m_sockets;
    QList<bool> m_taken;
    Error m_error = Error::NoError;
    QString m_errorString;
};

} // namespace qrs
