#include <qrs/inheritedresources.h>

#include "client/transfer_p.h"
#include "common/logging_p.h"
#include "common/text_p.h"
#include "launch/environment_p.h"
#include "platform/fdpassing.h"
#include "protocol/limits.h"

#include <QFile>
#include <QLocalServer>
#include <QSet>
#include <QTcpServer>
#include <QTcpSocket>

namespace qrs {

class InheritedResourcesPrivate
{
public:
    // The entry called name, or null after saying in error why there is none.
    const launch::NamedId *find(const QString &name, QString *error) const;
    bool fail(QString *error, const QString &text) const;
    // Takes name and, unless fits is null, checks that it is what the adopter
    // needs (wanted says what that is); the descriptor, or -1 after saying why.
    int takeChecked(const QString &name, bool (*fits)(const platform::HandleDescription &),
                    const QString &wanted, QString *error);

    QList<launch::NamedId> entries;
    QSet<QString> taken;
    QString errorString;
    int timeoutMs = protocol::DefaultTransferTimeoutMs;
};

namespace {

QString describeForUser(const platform::HandleDescription &d)
{
    using platform::HandleKind;
    using platform::SocketFamily;
    switch (d.kind) {
    case HandleKind::File:
        return tr("a file");
    case HandleKind::Directory:
        return tr("a directory");
    case HandleKind::Pipe:
        return tr("a pipe");
    case HandleKind::Memfd:
        return tr("a memory file");
    case HandleKind::CharDevice:
        return tr("a character device");
    case HandleKind::Other:
        return tr("an unknown kind of descriptor");
    case HandleKind::Socket:
        break;
    }
    const bool inet = d.socketFamily == SocketFamily::IPv4 || d.socketFamily == SocketFamily::IPv6;
    if (d.socketType != platform::SocketType::Stream)
        return tr("a socket that is not a stream socket");
    if (inet)
        return d.listening ? tr("a listening TCP socket") : tr("a connected TCP socket");
    if (d.socketFamily == SocketFamily::Unix)
        return d.listening ? tr("a listening Unix socket") : tr("a connected Unix socket");
    return tr("a socket of another family");
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

bool InheritedResourcesPrivate::fail(QString *error, const QString &text) const
{
    qCWarning(lcLaunch).noquote() << text;
    if (error)
        *error = text;
    return false;
}

const launch::NamedId *InheritedResourcesPrivate::find(const QString &name, QString *error) const
{
    for (const launch::NamedId &e : entries) {
        if (e.name == name)
            return &e;
    }
    if (!errorString.isEmpty()) {
        fail(error, errorString);
    } else if (entries.isEmpty()) {
        fail(error,
             tr("no resource named \"%1\" was passed to this process (%2 is not set: was it "
                "started with qrs::ChildResources?)")
                     .arg(name, QLatin1String(launch::ResourcesVariable)));
    } else {
        QStringList names;
        for (const launch::NamedId &e : entries)
            names.append(e.name.isEmpty() ? tr("(unnamed)") : e.name);
        fail(error,
             tr("no resource named \"%1\" was passed to this process; it has: %2")
                     .arg(name, names.join(QLatin1String(", "))));
    }
    return nullptr;
}

InheritedResources::InheritedResources()
    : InheritedResources(qgetenv(launch::ResourcesVariable), qgetenv(launch::NamesVariable))
{ }

InheritedResources::InheritedResources(const QByteArray &ids, const QByteArray &names)
    : d_ptr(new InheritedResourcesPrivate)
{
    Q_D(InheritedResources);
    if (!launch::decode(ids, names, &d->entries, &d->errorString))
        qCWarning(lcLaunch).noquote() << d->errorString;
}

InheritedResources::~InheritedResources() = default;

bool InheritedResources::isValid() const
{
    Q_D(const InheritedResources);
    return d->errorString.isEmpty();
}

QString InheritedResources::errorString() const
{
    Q_D(const InheritedResources);
    return d->errorString;
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
    return d->find(name, nullptr) != nullptr;
}

ResourceId InheritedResources::id(const QString &name) const
{
    Q_D(const InheritedResources);
    const launch::NamedId *e = d->find(name, nullptr);
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

int InheritedResources::takeDescriptor(const QString &name, QString *error)
{
    Q_D(InheritedResources);
    return d->takeChecked(name, nullptr, {}, error);
}

QList<DetachedFd> InheritedResources::takeAll(QString *error)
{
    Q_D(InheritedResources);
    if (!d->errorString.isEmpty()) {
        d->fail(error, d->errorString);
        return {};
    }
    QList<ResourceId> ids;
    QStringList names;
    for (const launch::NamedId &e : std::as_const(d->entries)) {
        if (!d->taken.contains(e.name)) {
            ids.append(e.id);
            names.append(e.name);
        }
    }
    if (ids.isEmpty())
        return {};
    QString why;
    // The parent's ids name one sharer; ids of several are taken one sharer at a time.
    const QList<DetachedFd> received = client::detachFromSharers(ids, d->timeoutMs, &why);
    if (received.isEmpty()) {
        d->fail(error, tr("cannot take the inherited resources: %1").arg(why));
        return {};
    }
    for (const QString &name : std::as_const(names))
        d->taken.insert(name);
    return received;
}

int InheritedResourcesPrivate::takeChecked(const QString &name,
                                           bool (*fits)(const platform::HandleDescription &),
                                           const QString &wanted, QString *error)
{
    const launch::NamedId *e = find(name, error);
    if (!e)
        return -1;
    if (taken.contains(name)) {
        fail(error, tr("the resource \"%1\" was already taken by this process").arg(name));
        return -1;
    }
    QString why;
    const int fd = DupFd::detach(e->id, timeoutMs, &why);
    if (fd < 0) {
        fail(error, tr("cannot take the resource \"%1\": %2").arg(name, why));
        return -1;
    }
    taken.insert(name);
    qCDebug(lcLaunch) << "took" << name << "as descriptor" << fd;
    platform::HandleDescription description;
    if (fits && (!platform::describe(fd, &description) || !fits(description))) {
        platform::closeFd(fd);
        fail(error,
             tr("the resource \"%1\" is %2, not %3")
                     .arg(name, describeForUser(description), wanted));
        return -1;
    }
    return fd;
}

bool InheritedResources::adoptTcpServer(const QString &name, QTcpServer *server, QString *error)
{
    Q_D(InheritedResources);
    const int fd = d->takeChecked(name, isTcpListener, tr("a listening TCP socket"), error);
    if (fd < 0)
        return false;
    if (!server->setSocketDescriptor(fd)) {
        platform::closeFd(fd);
        return d->fail(error,
                       tr("QTcpServer cannot listen on the resource \"%1\": %2")
                               .arg(name, server->errorString()));
    }
    return true;
}

bool InheritedResources::adoptLocalServer(const QString &name, QLocalServer *server, QString *error)
{
    Q_D(InheritedResources);
    const int fd = d->takeChecked(name, isUnixListener, tr("a listening Unix socket"), error);
    if (fd < 0)
        return false;
    if (!server->listen(qintptr(fd))) {
        platform::closeFd(fd);
        return d->fail(error,
                       tr("QLocalServer cannot listen on the resource \"%1\": %2")
                               .arg(name, server->errorString()));
    }
    // QLocalServer::close() removes the socket file of a server it adopted, as
    // if it had created it; that would cut off the parent and every other
    // worker. Marked abstract, it leaves the file alone (Qt 6.4 reads the flag
    // only in listen() and close(); tst_childresources checks this).
    server->setSocketOptions(server->socketOptions() | QLocalServer::AbstractNamespaceOption);
    return true;
}

bool InheritedResources::adoptFile(const QString &name, QFile *file, QIODevice::OpenMode mode,
                                   QString *error)
{
    Q_D(InheritedResources);
    const int fd = d->takeChecked(name, isFileLike, tr("a file or a pipe"), error);
    if (fd < 0)
        return false;
    if (!file->open(fd, mode, QFileDevice::AutoCloseHandle)) {
        platform::closeFd(fd);
        return d->fail(
                error,
                tr("QFile cannot open the resource \"%1\": %2").arg(name, file->errorString()));
    }
    return true;
}

bool InheritedResources::adoptTcpSocket(const QString &name, QTcpSocket *socket, QString *error)
{
    Q_D(InheritedResources);
    const int fd = d->takeChecked(name, isTcpConnection, tr("a connected TCP socket"), error);
    if (fd < 0)
        return false;
    if (!socket->setSocketDescriptor(fd, QAbstractSocket::ConnectedState)) {
        platform::closeFd(fd);
        return d->fail(error,
                       tr("QTcpSocket cannot use the resource \"%1\": %2")
                               .arg(name, socket->errorString()));
    }
    return true;
}

} // namespace qrs
