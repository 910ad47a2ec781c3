// SPDX-FileCopyrightText: 2026 QtResourceSharer contributors
//
// SPDX-License-Identifier: BSD-3-Clause

#pragma once

#include <qrs/dupfd.h>

#include <QIODevice>
#include <QStringList>

#include <memory>

QT_BEGIN_NAMESPACE
class QFile;
class QLocalServer;
class QTcpServer;
class QTcpSocket;
QT_END_NAMESPACE

namespace qrs {

class InheritedResourcesPrivate;

/*!
    \class qrs::InheritedResources
    \brief The child's side of ChildResources: takes the resources its parent
    passed, by name.

    The constructor reads \c QRS_RESOURCES and \c QRS_RESOURCE_NAMES from the
    environment. Each take or adopt call receives the resource from the parent's
    sharer (one round trip, blocking up to timeout()) and hands it over as a
    descriptor or as a ready Qt object.

    \snippet snippets.cpp inheritedresources

    Errors say which case it is: the name was not passed (and which names were),
    the resource was already taken, or the parent has gone away. A resource that an
    adopt call cannot use (the wrong kind, or the Qt object refuses it) is not
    lost: this object keeps it, and takeDescriptor() or takeAll() still return it. Any thread; one
    object should not be used from two threads at once.
    \since 0.2
*/
class QRS_EXPORT InheritedResources
{
public:
    //! Reads the environment of this process.
    InheritedResources();
    //! Parses the given values of \c QRS_RESOURCES and \c QRS_RESOURCE_NAMES.
    InheritedResources(const QByteArray &ids, const QByteArray &names);
    ~InheritedResources();

    //! False if the environment variables are malformed; errorString() says how.
    bool isValid() const;
    //! Why the last call that failed did (Error::Malformed for malformed
    //! variables, NotFound for a name that was not passed, WrongKind for a
    //! resource that is not what an adopt call needs, or the transfer's reason);
    //! Error::NoError if none has. A later success does not clear it.
    Error error() const;
    //! The same for people, translated.
    QString errorString() const;

    //! The names passed, in order (those already taken included).
    QStringList names() const;
    //! Whether a resource named \a name was passed.
    bool contains(const QString &name) const;
    //! The identifier passed for \a name (invalid if none was).
    ResourceId id(const QString &name) const;

    //! How long each take may block, in milliseconds (default 10 s).
    void setTimeout(int ms);
    //! How long each take may block, in milliseconds.
    int timeout() const;

    /*!
        Takes the resource \a name and returns its descriptor (close-on-exec, owned
        by the caller; on Windows a SOCKET or a HANDLE), or -1 with the reason in
        \a error.
    */
    NativeHandle takeDescriptor(const QString &name, QString *error = nullptr);

    /*!
        Takes every resource not taken yet, in one round trip per sharer; all or
        nothing. The descriptors are owned by the caller.
    */
    QList<DetachedFd> takeAll(QString *error = nullptr);

    //! Takes \a name, a listening TCP socket, and makes \a server listen on it.
    bool adoptTcpServer(const QString &name, QTcpServer *server, QString *error = nullptr);
    //! Takes \a name, a listening Unix socket, and makes \a server listen on it.
    //! Unix only: ChildResources::addLocalServer() says why not on Windows.
    bool adoptLocalServer(const QString &name, QLocalServer *server, QString *error = nullptr);
    //! Takes \a name and opens \a file on it with \a mode (the file closes it).
    bool adoptFile(const QString &name, QFile *file, QIODevice::OpenMode mode,
                   QString *error = nullptr);
    //! Takes \a name, a connected TCP socket, and hands it to \a socket.
    bool adoptTcpSocket(const QString &name, QTcpSocket *socket, QString *error = nullptr);

private:
    std::unique_ptr<InheritedResourcesPrivate> const d_ptr;
    Q_DECLARE_PRIVATE(InheritedResources)
    Q_DISABLE_COPY_MOVE(InheritedResources)
};

} // namespace qrs
