// SPDX-FileCopyrightText: 2026 QtResourceSharer contributors
//
// SPDX-License-Identifier: BSD-3-Clause

#include <qrs/childresources.h>
#include <qrs/dupfd.h>
#include <qrs/resourcesharer.h>

#include "environment_p.h"
#include "filehandle_p.h"
#include "logging_p.h"
#include "text_p.h"

#include <QFile>
#include <QLocalServer>
#include <QPointer>
#include <QProcess>
#include <QTcpServer>
#include <QTcpSocket>

#include <algorithm>

namespace qrs {

class ChildResourcesPrivate
{
public:
    struct Entry
    {
        QString name;
        DupFd *shared = nullptr;
        bool pending = true;
    };

    explicit ChildResourcesPrivate(QProcess *p)
        : process(p)
    { }

    // The entry of shared if it was still pending, now settled; else null
    // (each outcome is told once).
    Entry *settle(const DupFd *shared)
    {
        for (Entry &e : entries) {
            if (e.shared == shared && e.pending) {
                e.pending = false;
                return &e;
            }
        }
        return nullptr;
    }

    bool allTaken() const
    {
        return std::all_of(entries.cbegin(), entries.cend(),
                           [](const Entry &e) { return e.shared->detachedBy() != 0; });
    }

    // Records the failure as the object's last and says it in *error.
    bool fail(QString *error, Error code, const QString &text)
    {
        qCWarning(lcLaunch).noquote() << text;
        lastError = code;
        lastErrorString = text;
        if (error)
            *error = text;
        return false;
    }

    // Main thread, once the child runs: only it may take what was added.
    void bindToChild()
    {
        if (!boundToChild || entries.isEmpty() || !process)
            return;
        QList<ResourceId> ids;
        for (const Entry &e : std::as_const(entries))
            ids.append(e.shared->id());
        QString why;
        if (!ResourceSharer::instance()->bindToProcess(ids, process->processId(), nullptr, &why))
            qCWarning(lcLaunch).noquote()
                    << qrs::tr("cannot bind the resources to the child (pid %1): %2")
                               .arg(process->processId())
                               .arg(why);
    }

    QPointer<QProcess> process;
    QList<Entry> entries;
    bool boundToChild = true;
    Error lastError = Error::NoError;
    QString lastErrorString;
    qint64 ttlMs = 0;
};

ChildResources::ChildResources(QProcess *process)
    : QObject(process)
    , d_ptr(new ChildResourcesPrivate(process))
{
    Q_ASSERT(process);
    // Main thread (the process's): whatever the child left is withdrawn.
    connect(process, &QProcess::started, this, [this] { d_func()->bindToChild(); });
    connect(process, &QProcess::finished, this, [this] { revokePending(); });
    connect(process, &QProcess::errorOccurred, this, [this](QProcess::ProcessError error) {
        if (error == QProcess::FailedToStart)
            revokePending();
    });
}

ChildResources::~ChildResources()
{
    revokePending();
}

bool ChildResources::addDescriptor(const QString &name, NativeHandle fd, QString *error)
{
    Q_D(ChildResources);
    if (!d->process)
        return d->fail(error, Error::InvalidArgument, qrs::tr("the process is gone"));
    if (d->process->state() != QProcess::NotRunning)
        return d->fail(error, Error::InvalidArgument,
                       qrs::tr("cannot add \"%1\": the process has already started").arg(name));
    const QString why = launch::checkName(name);
    if (!why.isEmpty())
        return d->fail(error, Error::InvalidArgument, why);
    for (const auto &e : std::as_const(d->entries)) {
        if (e.name == name)
            return d->fail(error, Error::InvalidArgument,
                           qrs::tr("a resource named \"%1\" was already added").arg(name));
    }

    RegisterOptions options;
    options.name = name;
    options.ttlMs = d->ttlMs;
    // Its pid is known once it has started: until then a request waits.
    if (d->boundToChild)
        options.boundPid = RegisterOptions::BoundLater;
    auto *shared = new DupFd(fd, options, this);
    if (!shared->isValid()) {
        const QString text = qrs::tr("cannot share \"%1\": %2").arg(name, shared->errorString());
        const Error code = shared->error();
        delete shared;
        return d->fail(error, code, text);
    }
    d->entries.append({name, shared, true});

    // Main thread: each outcome of the DupFd.
    connect(shared, &DupFd::detached, this, [this, shared](qint64 pid) {
        Q_D(ChildResources);
        if (const ChildResourcesPrivate::Entry *e = d->settle(shared)) {
            qCDebug(lcLaunch) << e->name << "taken by" << pid;
            Q_EMIT taken(e->name, pid);
            if (d->allTaken())
                Q_EMIT allTaken();
        }
    });
    connect(shared, &DupFd::revoked, this, [this, shared] {
        if (const ChildResourcesPrivate::Entry *e = d_func()->settle(shared))
            Q_EMIT revoked(e->name);
    });
    connect(shared, &DupFd::expired, this, [this, shared] {
        if (const ChildResourcesPrivate::Entry *e = d_func()->settle(shared))
            Q_EMIT expired(e->name);
    });

    QList<launch::NamedId> named;
    for (const auto &e : std::as_const(d->entries))
        named.append({e.name, e.shared->id()});
    QByteArray ids, names;
    launch::encode(named, &ids, &names);
    QProcessEnvironment env = d->process->processEnvironment();
    if (env.isEmpty())
        env = QProcessEnvironment::systemEnvironment();
    env.insert(QLatin1String(launch::ResourcesVariable), QString::fromLatin1(ids));
    env.insert(QLatin1String(launch::NamesVariable), QString::fromLatin1(names));
    d->process->setProcessEnvironment(env);
    return true;
}

bool ChildResources::addTcpServer(const QString &name, const QTcpServer *server, QString *error)
{
    if (!server || !server->isListening())
        return d_func()->fail(
                error, Error::InvalidArgument,
                qrs::tr("cannot share \"%1\": the QTcpServer is not listening").arg(name));
    return addDescriptor(name, NativeHandle(server->socketDescriptor()), error);
}

bool ChildResources::addLocalServer(const QString &name, const QLocalServer *server, QString *error)
{
    if (!server || !server->isListening())
        return d_func()->fail(
                error, Error::InvalidArgument,
                qrs::tr("cannot share \"%1\": the QLocalServer is not listening").arg(name));
#ifdef Q_OS_WIN
    // Qt listens on a named pipe by creating instances of it: there is no one
    // handle that listens, only the name, which the child can listen on itself.
    return d_func()->fail(error, Error::WrongKind,
                          qrs::tr("cannot share \"%1\": on Windows a QLocalServer listens on a "
                                  "named pipe, which has no handle to hand over; let the child "
                                  "listen on \"%2\" itself")
                                  .arg(name, server->fullServerName()));
#else
    return addDescriptor(name, NativeHandle(server->socketDescriptor()), error);
#endif
}

bool ChildResources::addFile(const QString &name, const QFile *file, QString *error)
{
    if (!file || !file->isOpen() || file->handle() < 0)
        return d_func()->fail(error, Error::InvalidArgument,
                              qrs::tr("cannot share \"%1\": the file is not open").arg(name));
    return addDescriptor(name, nativeHandleOf(*file), error);
}

bool ChildResources::addTcpSocket(const QString &name, const QTcpSocket *socket, QString *error)
{
    if (!socket || socket->state() != QAbstractSocket::ConnectedState)
        return d_func()->fail(
                error, Error::InvalidArgument,
                qrs::tr("cannot share \"%1\": the socket is not connected").arg(name));
    return addDescriptor(name, NativeHandle(socket->socketDescriptor()), error);
}

Error ChildResources::error() const
{
    Q_D(const ChildResources);
    return d->lastError;
}

QString ChildResources::errorString() const
{
    Q_D(const ChildResources);
    return d->lastErrorString;
}

void ChildResources::setTimeToLive(qint64 ms)
{
    Q_D(ChildResources);
    d->ttlMs = qMax<qint64>(0, ms);
}

void ChildResources::setBoundToChild(bool bound)
{
    Q_D(ChildResources);
    d->boundToChild = bound;
}

bool ChildResources::isBoundToChild() const
{
    Q_D(const ChildResources);
    return d->boundToChild;
}

qint64 ChildResources::timeToLive() const
{
    Q_D(const ChildResources);
    return d->ttlMs;
}

QProcess *ChildResources::process() const
{
    Q_D(const ChildResources);
    return d->process;
}

QStringList ChildResources::names() const
{
    Q_D(const ChildResources);
    QStringList out;
    for (const auto &e : d->entries)
        out.append(e.name);
    return out;
}

QStringList ChildResources::pendingNames() const
{
    Q_D(const ChildResources);
    QStringList out;
    for (const auto &e : d->entries) {
        if (e.pending)
            out.append(e.name);
    }
    return out;
}

int ChildResources::revokePending()
{
    Q_D(ChildResources);
    int count = 0;
    for (const auto &e : std::as_const(d->entries)) {
        // The DupFd says later whether this won or the child's Ack did.
        if (e.pending && e.shared->revoke())
            ++count;
    }
    if (count)
        qCDebug(lcLaunch) << "revoked" << count << "resources the child did not take";
    return count;
}

} // namespace qrs
