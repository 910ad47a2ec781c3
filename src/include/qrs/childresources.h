// SPDX-FileCopyrightText: 2026 QtResourceSharer contributors
//
// SPDX-License-Identifier: BSD-3-Clause

#pragma once

#include <qrs/resourceinfo.h>

#include <QObject>
#include <QStringList>

#include <memory>

QT_BEGIN_NAMESPACE
class QFile;
class QLocalServer;
class QProcess;
class QTcpServer;
class QTcpSocket;
QT_END_NAMESPACE

namespace qrs {

class ChildResourcesPrivate;

/*!
    \class qrs::ChildResources
    \brief Hands named resources to a child process started with QProcess.

    Create one for a QProcess before it starts and add what the child should
    receive. Each resource is duplicated (the caller keeps its own), registered with
    ResourceSharer::instance(), and announced in the process's environment:
    \c QRS_RESOURCES holds the identifiers and \c QRS_RESOURCE_NAMES the names, in
    the same order, separated by spaces. The child takes them by name with
    InheritedResources (or runs under \c qrs-detach, which turns them into systemd
    socket activation).

    Each addition writes the two variables into the process's environment (the
    system environment if none was set), so set any environment of your own
    before adding. Whatever the child has not taken when it exits, or fails to start, is revoked
    and closed; so is whatever is left when this object is destroyed.

    \snippet snippets.cpp childresources

    The object becomes a child of the QProcess and lives in its thread; call it
    from that thread. Signals are emitted there, which needs a running event loop.
    \since 0.2
*/
class QRS_EXPORT ChildResources : public QObject
{
    Q_OBJECT

public:
    //! Hands resources to the child \a process will start; becomes a child of \a process.
    explicit ChildResources(QProcess *process);
    ~ChildResources() override;

    /*!
        Shares a duplicate of \a fd (on Windows a SOCKET or a HANDLE) under \a name
        (1 to 255 printable ASCII characters, no space, no ':'). Fails, saying why
        in \a error, if the name is taken or malformed, the descriptor is not open,
        or the process has already started. The caller keeps \a fd.
    */
    bool addDescriptor(const QString &name, NativeHandle fd, QString *error = nullptr);

    //! Shares the listening socket of \a server; the child can adopt it with
    //! InheritedResources::adoptTcpServer(). \a server keeps listening here.
    bool addTcpServer(const QString &name, const QTcpServer *server, QString *error = nullptr);
    //! Shares the listening socket of \a server (adopt with adoptLocalServer()).
    //! Unlike QTcpServer::pauseAccepting(), a QLocalServer cannot stop accepting
    //! while it listens: a parent that must not answer should share a socket it
    //! does not serve (addDescriptor()). On Windows a QLocalServer listens on a
    //! named pipe, which has no handle to hand over: this fails with
    //! Error::WrongKind, and the child should listen on the same name itself.
    bool addLocalServer(const QString &name, const QLocalServer *server, QString *error = nullptr);
    //! Shares the open file \a file (same offset and mode; adopt with adoptFile()).
    bool addFile(const QString &name, const QFile *file, QString *error = nullptr);
    //! Shares the connected \a socket (adopt with adoptTcpSocket()).
    bool addTcpSocket(const QString &name, const QTcpSocket *socket, QString *error = nullptr);

    /*!
        Why the last call that failed did: Error::InvalidArgument (a malformed or
        duplicate name, a server that is not listening, a process that has
        started), or the registration's reason (DescriptorLimit, WrongKind, ...);
        Error::NoError if none has. A later success does not clear it.
    */
    Error error() const;
    //! The same for people, translated.
    QString errorString() const;

    /*!
        Resources added from now on expire after \a ms milliseconds unless taken
        (0, the default: they live until the child exits).
    */
    void setTimeToLive(qint64 ms);
    //! The time to live of resources added from now on, in milliseconds (0: none).
    qint64 timeToLive() const;

    /*!
        Whether resources added from now on are bound to the child's process
        (the default): only the started child may take them, whatever user it
        becomes before it asks (\c setpriv, \c setuid()), and not a sibling of
        the same user that read its environment. Unbound, any process of this
        user may take them with their identifiers. Before the process starts.
        \since 0.5
    */
    void setBoundToChild(bool bound);
    //! Whether resources added from now on are bound to the child's process. \since 0.5
    bool isBoundToChild() const;

    //! The process whose child receives the resources (null once it is destroyed).
    QProcess *process() const;
    //! Every name added, in order.
    QStringList names() const;
    //! The names not yet taken, expired or revoked.
    QStringList pendingNames() const;

    /*!
        Withdraws every resource the child has not taken; returns how many. A
        resource in the middle of a transfer is withdrawn if that transfer fails.
    */
    int revokePending();

Q_SIGNALS:
    //! The process \a pid (normally the child) took \a name.
    void taken(const QString &name, qint64 pid);
    //! Every resource added has been taken.
    void allTaken();
    //! \a name was withdrawn before the child took it (the child exited, failed to
    //! start, or revokePending() was called).
    void revoked(const QString &name);
    //! \a name was not taken within its time to live.
    void expired(const QString &name);

private:
    std::unique_ptr<ChildResourcesPrivate> const d_ptr;
    Q_DECLARE_PRIVATE(ChildResources)
    Q_DISABLE_COPY_MOVE(ChildResources)
};

} // namespace qrs
