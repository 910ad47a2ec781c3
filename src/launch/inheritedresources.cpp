// SPDX-FileCopyrightText: 2026 QtResourceSharer contributors
//
// SPDX-License-Identifier: BSD-3-Clause

#include <qrs/inheritedresources.h>

#include "environment_p.h"
#include "handles.h"
#include "logging_p.h"
#include "protocollimits.h"
#include "text_p.h"
#include "transfer_p.h"

#include <QFile>
#include <QHash>
#include <QLocalServer>
#include <QSet>
#include <QTcpServer>
#include <QTcpSocket>

#ifdef Q_OS_WIN
#include <fcntl.h>
#include <io.h>
#endif

#include <functional>

namespace qrs {

class InheritedResourcesPrivate
{
public:
    using Fits = bool (*)(const platform::HandleDescription &);

    ~InheritedResourcesPrivate()
    {
        for (const DetachedFd &r : std::as_const(kept))
            platform::closeHandle(r.fd);
    }

    const launch::NamedId *find(const QString &name) const;
    // Why find() found nothing.
    QString missing(const QString &name) const;
    // Records the failure as the object's last and says it in *error.
    bool fail(QString *error, Error code, const QString &text);
    // The descriptor of name, received now or kept from an earlier call; -1
    // after saying why. Unless fits is null, one that is not what the caller
    // needs (wanted says what that is) is kept for a later call, never lost.
    NativeHandle take(const QString &name, Fits fits, const QString &wanted, QString *error);
    // take(), then use(fd): an empty string, or why the Qt object refused the
    // descriptor (which is then kept as well).
    bool adopt(const QString &name, Fits fits, const QString &wanted, QString *error,
               const std::function<QString(NativeHandle)> &use);

    QList<launch::NamedId> entries;
    QSet<QString> taken;             // handed to the caller
    QHash<QString, DetachedFd> kept; // received, but an adopt call could not use it
    QString parseError;              // the environment's, from construction
    Error lastError = Error::NoError;
    QString lastErrorString;
    int timeoutMs = protocol::DefaultTransferTimeoutMs;
};

namespace {

QString describeForUser(const platform::HandleDescription &d)
{
    using platform::HandleKind;
    using platform::SocketFamily;
    switch (d.kind) {
    case HandleKind::File:
        return qrs::tr("a file");
    case HandleKind::Directory:
        return qrs::tr("a directory");
    case HandleKind::Pipe:
        return qrs::tr("a pipe");
    case HandleKind::Memfd:
        return qrs::tr("a memory file");
    case HandleKind::CharDevice:
        return qrs::tr("a character device");
    case HandleKind::Other:
        return qrs::tr("an unknown kind of descriptor");
    case HandleKind::Socket:
        break;
    }
    const bool inet = d.socketFamily == SocketFamily::IPv4 || d.socketFamily == SocketFamily::IPv6;
    if (d.socketType != platform::SocketType::Stream)
        return qrs::tr("a socket that is not a stream socket");
    if (inet)
        return d.listening ? qrs::tr("a listening TCP socket") : qrs::tr("a connected TCP socket");
    if (d.socketFamily == SocketFamily::Unix)
        return d.listening ? qrs::tr("a listening Unix socket")
                           : qrs::tr("a connected Unix socket");
    return qrs::tr("a socket of another family");
}

bool isInetStream(const platform::HandleDescription &d)
{
    return d.kind == platform::HandleKind::Socket && d.socketType == platform::SocketType::Stream
            && (d.socketFamily == platform::SocketFamily::IPv4
                || d.socketFamily == platform::SocketFamily::IPv6);
}

bool isTcpListener(const platform::HandleDescription &d)
{
    return isInetStream(d) && d.listening;
}

bool isTcpConnection(const platform::HandleDescription &d)
{
    return isInetStream(d) && !d.listening;
}

bool isUnixListener(const platform::HandleDescription &d)
{
    return d.kind == platform::HandleKind::Socket && d.socketType == platform::SocketType::Stream
            && d.socketFamily == platform::SocketFamily::Unix && d.listening;
}

bool isFileLike(const platform::HandleDescription &d)
{
    return d.kind == platform::HandleKind::File || d.kind == platform::HandleKind::Pipe
            || d.kind == platform::HandleKind::Memfd || d.kind == platform::HandleKind::CharDevice;
}

} // namespace

bool InheritedResourcesPrivate::fail(QString *error, Error code, const QString &text)
{
    qCWarning(lcLaunch).noquote() << text;
    lastError = code;
    lastErrorString = text;
    if (error)
        *error = text;
    return false;
}

const launch::NamedId *InheritedResourcesPrivate::find(const QString &name) const
{
    for (const launch::NamedId &e : entries) {
        if (e.name == name)
            return &e;
    }
    return nullptr;
}

QString InheritedResourcesPrivate::missing(const QString &name) const
{
    if (!parseError.isEmpty())
        return parseError;
    if (entries.isEmpty())
        return qrs::tr("no resource named \"%1\" was passed to this process (%2 is not set: was it "
                       "started with qrs::ChildResources?)")
                .arg(name, QLatin1String(launch::ResourcesVariable));
    QStringList names;
    for (const launch::NamedId &e : entries)
        names.append(e.name.isEmpty() ? qrs::tr("(unnamed)") : e.name);
    return qrs::tr("no resource named \"%1\" was passed to this process; it has: %2")
            .arg(name, names.join(QLatin1String(", ")));
}

InheritedResources::InheritedResources()
    : InheritedResources(qgetenv(launch::ResourcesVariable), qgetenv(launch::NamesVariable))
{ }

InheritedResources::InheritedResources(const QByteArray &ids, const QByteArray &names)
    : d_ptr(new InheritedResourcesPrivate)
{
    Q_D(InheritedResources);
    if (!launch::decode(ids, names, &d->entries, &d->parseError)) {
        qCWarning(lcLaunch).noquote() << d->parseError;
        d->lastError = Error::Malformed;
        d->lastErrorString = d->parseError;
    }
}

InheritedResources::~InheritedResources() = default;

bool InheritedResources::isValid() const
{
    Q_D(const InheritedResources);
    return d->parseError.isEmpty();
}

Error InheritedResources::error() const
{
    Q_D(const InheritedResources);
    return d->lastError;
}

QString InheritedResources::errorString() const
{
    Q_D(const InheritedResources);
    return d->lastErrorString;
}

QStringList InheritedResources::names() const
{
    Q_D(const InheritedResources);
    QStringList out;
    for (const launch::NamedId &e : d->entries)
        out.append(e.name);
    return out;
}

bool InheritedResources::contains(const QString &name) const
{
    Q_D(const InheritedResources);
    return d->find(name) != nullptr;
}

ResourceId InheritedResources::id(const QString &name) const
{
    Q_D(const InheritedResources);
    const launch::NamedId *e = d->find(name);
    return e ? e->id : ResourceId();
}

void InheritedResources::setTimeout(int ms)
{
    Q_D(InheritedResources);
    d->timeoutMs = ms > 0 ? ms : protocol::DefaultTransferTimeoutMs;
}

int InheritedResources::timeout() const
{
    Q_D(const InheritedResources);
    return d->timeoutMs;
}

NativeHandle InheritedResources::takeDescriptor(const QString &name, QString *error)
{
    Q_D(InheritedResources);
    return d->take(name, nullptr, {}, error);
}

QList<DetachedFd> InheritedResources::takeAll(QString *error)
{
    Q_D(InheritedResources);
    if (!d->parseError.isEmpty()) {
        d->fail(error, Error::Malformed, d->parseError);
        return {};
    }
    QList<ResourceId> ids;
    for (const launch::NamedId &e : std::as_const(d->entries)) {
        if (!d->taken.contains(e.name) && !d->kept.contains(e.name))
            ids.append(e.id);
    }
    QList<DetachedFd> received;
    if (!ids.isEmpty()) {
        QString why;
        Error code = Error::NoError;
        // The parent's ids name one sharer; ids of several are taken one sharer at a time.
        received = client::detachFromSharers(ids, d->timeoutMs, &why, false, &code);
        if (received.isEmpty()) {
            d->fail(error, code, qrs::tr("cannot take the inherited resources: %1").arg(why));
            return {};
        }
    }
    // In the order the parent gave them.
    QList<DetachedFd> out;
    qsizetype next = 0;
    for (const launch::NamedId &e : std::as_const(d->entries)) {
        if (d->taken.contains(e.name))
            continue;
        out.append(d->kept.contains(e.name) ? d->kept.take(e.name) : received.at(next++));
        d->taken.insert(e.name);
    }
    return out;
}

NativeHandle InheritedResourcesPrivate::take(const QString &name, Fits fits, const QString &wanted,
                                             QString *error)
{
    const launch::NamedId *e = find(name);
    if (!e) {
        fail(error, parseError.isEmpty() ? Error::NotFound : Error::Malformed, missing(name));
        return -1;
    }
    if (taken.contains(name)) {
        fail(error, Error::AlreadyTaken,
             qrs::tr("the resource \"%1\" was already taken by this process").arg(name));
        return -1;
    }
    DetachedFd received = kept.take(name);
    if (received.fd < 0) {
        QString why;
        Error code = Error::NoError;
        const QList<DetachedFd> got =
                DupFd::detach(QList<ResourceId>{e->id}, timeoutMs, &code, &why);
        if (got.isEmpty()) {
            fail(error, code, qrs::tr("cannot take the resource \"%1\": %2").arg(name, why));
            return -1;
        }
        received = got.first();
        qCDebug(lcLaunch) << "took" << name << "as descriptor" << received.fd;
    }
    platform::HandleDescription description;
    if (fits && (!platform::describeHandle(received.fd, &description) || !fits(description))) {
        kept.insert(name, received); // still there for takeDescriptor() or takeAll()
        fail(error, Error::WrongKind,
             qrs::tr("the resource \"%1\" is %2, not %3")
                     .arg(name, describeForUser(description), wanted));
        return -1;
    }
    taken.insert(name);
    return received.fd;
}

bool InheritedResourcesPrivate::adopt(const QString &name, Fits fits, const QString &wanted,
                                      QString *error,
                                      const std::function<QString(NativeHandle)> &use)
{
    const NativeHandle fd = take(name, fits, wanted, error);
    if (fd < 0)
        return false;
    const QString why = use(fd);
    if (why.isEmpty())
        return true;
    taken.remove(name);
    kept.insert(name, DetachedFd{fd, name, ResourceKind::Other});
    return fail(error, Error::SystemError, why);
}

bool InheritedResources::adoptTcpServer(const QString &name, QTcpServer *server, QString *error)
{
    Q_D(InheritedResources);
    return d->adopt(name, isTcpListener, qrs::tr("a listening TCP socket"), error, [&](auto fd) {
        return server->setSocketDescriptor(fd)
                ? QString()
                : qrs::tr("QTcpServer cannot listen on the resource \"%1\": %2")
                          .arg(name, server->errorString());
    });
}

bool InheritedResources::adoptLocalServer(const QString &name, QLocalServer *server, QString *error)
{
    Q_D(InheritedResources);
    return d->adopt(name, isUnixListener, qrs::tr("a listening Unix socket"), error, [&](auto fd) {
        if (!server->listen(qintptr(fd)))
            return qrs::tr("QLocalServer cannot listen on the resource \"%1\": %2")
                    .arg(name, server->errorString());
        // QLocalServer::close() removes the socket file of a server it adopted, as
        // if it had created it; that would cut off the parent and every other
        // worker. Marked abstract, it leaves the file alone (Qt 6.4 reads the flag
        // only in listen() and close(); tst_childresources checks this).
        server->setSocketOptions(server->socketOptions() | QLocalServer::AbstractNamespaceOption);
        return QString();
    });
}

bool InheritedResources::adoptFile(const QString &name, QFile *file, QIODevice::OpenMode mode,
                                   QString *error)
{
    Q_D(InheritedResources);
    return d->adopt(name, isFileLike, qrs::tr("a file or a pipe"), error, [&](auto fd) {
        const auto refused = [&] {
            return qrs::tr("QFile cannot open the resource \"%1\": %2")
                    .arg(name, file->errorString());
        };
#ifdef Q_OS_WIN
        // QFile opens C runtime descriptors. The runtime's descriptor owns the
        // HANDLE it wraps, so it wraps a duplicate: if QFile refuses it, the
        // resource itself is still kept.
        const NativeHandle copy = platform::duplicateHandle(fd);
        int flags = mode & QIODevice::Append ? _O_APPEND : 0;
        if (!(mode & QIODevice::WriteOnly))
            flags |= _O_RDONLY;
        const int crt = copy < 0 ? -1 : ::_open_osfhandle(copy, flags);
        if (crt < 0) {
            if (copy >= 0)
                platform::closeHandle(copy);
            return qrs::tr("the resource \"%1\" cannot be given a C runtime descriptor").arg(name);
        }
        if (!file->open(crt, mode, QFileDevice::AutoCloseHandle)) {
            ::_close(crt);
            return refused();
        }
        platform::closeHandle(fd);
        return QString();
#else
        return file->open(fd, mode, QFileDevice::AutoCloseHandle) ? QString() : refused();
#endif
    });
}

bool InheritedResources::adoptTcpSocket(const QString &name, QTcpSocket *socket, QString *error)
{
    Q_D(InheritedResources);
    return d->adopt(name, isTcpConnection, qrs::tr("a connected TCP socket"), error, [&](auto fd) {
        return socket->setSocketDescriptor(fd, QAbstractSocket::ConnectedState)
                ? QString()
                : qrs::tr("QTcpSocket cannot use the resource \"%1\": %2")
                          .arg(name, socket->errorString());
    });
}

} // namespace qrs
