// SPDX-FileCopyrightText: 2026 QtResourceSharer contributors
//
// SPDX-License-Identifier: BSD-3-Clause

#include "listeners.h"

#include "fdpassing.h"
#include "toolcommon.h"
#include "upgrade.h"

#include <qrs/servicenotifier.h>
#include <qrs/socketactivation.h>

#include <QCoreApplication>
#include <QFile>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

namespace qrs::supervise {

namespace {

using tools::printError;

// The translation context of this tool's messages.
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(qrs_supervise)
};

constexpr int ListenBacklog = 1024;

} // namespace

// [NAME=]tcp:HOST:PORT or [NAME=]unix:PATH; HOST may be [v6], '*' or a name.
bool parseListen(const QString &text, int index, ListenSpec *out, QString *error)
{
    QString rest = text;
    const qsizetype eq = text.indexOf(QLatin1Char('='));
    const qsizetype colon = text.indexOf(QLatin1Char(':'));
    if (eq > 0 && (colon < 0 || eq < colon)) {
        out->name = text.left(eq);
        rest = text.mid(eq + 1);
    } else {
        out->name = QStringLiteral("listen%1").arg(index);
    }
    for (QChar c : std::as_const(out->name)) {
        if (c.unicode() <= 0x20 || c.unicode() >= 0x7f || c == QLatin1Char(':')) {
            *error =
                    Text::tr(
                            "--listen %1: the name \"%2\" may only hold printable ASCII other than "
                            "space and ':'")
                            .arg(text, out->name);
            return false;
        }
    }
    if (rest == QLatin1String("inherit")) {
        out->kind = ListenKind::Inherit;
        return true;
    }
    if (rest.startsWith(QLatin1String("unix:"))) {
        out->kind = ListenKind::Unix;
        out->path = rest.mid(5);
        if (out->path.isEmpty()
            || size_t(QFile::encodeName(out->path).size()) > platform::maxUnixPathLength()) {
            *error = Text::tr("--listen %1: a Unix socket path of 1 to %2 bytes is needed")
                             .arg(text)
                             .arg(platform::maxUnixPathLength());
            return false;
        }
        return true;
    }
    if (rest.startsWith(QLatin1String("tcp:"))) {
        out->kind = ListenKind::Tcp;
        QString why;
        if (tools::parseHostPort(rest.mid(4), QStringLiteral("tcp:HOST:PORT"), &out->address,
                                 &out->port, &why))
            return true;
        *error = Text::tr("--listen %1: %2").arg(text, why);
        return false;
    }
    *error =
            Text::tr("--listen %1: expected [NAME=]tcp:HOST:PORT, [NAME=]unix:PATH or NAME=inherit")
                    .arg(text);
    return false;
}

namespace {

// The supervisor keeps a duplicate of the socket and never accepts on it.
int bindTcp(const ListenSpec &spec, QString *description, QString *error)
{
    quint16 bound = 0;
    const int fd = tools::listenTcp(spec.address, spec.port, ListenBacklog, &bound, error);
    const QString host = spec.address.protocol() == QAbstractSocket::IPv6Protocol
            ? QStringLiteral("[%1]").arg(spec.address.toString())
            : spec.address.toString();
    *description = QStringLiteral("tcp:%1:%2").arg(host).arg(bound);
    return fd;
}

// A listening Unix socket; a stale socket file nobody listens on is replaced.
int bindUnix(const ListenSpec &spec, QString *description, QString *error)
{
    const std::string path = QFile::encodeName(spec.path).toStdString();
    int fd = platform::listenUnix(path, ListenBacklog);
    if (fd < 0 && errno == EADDRINUSE) {
        const int probe = ::socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
        struct sockaddr_un addr = {};
        addr.sun_family = AF_UNIX;
        std::memcpy(addr.sun_path, path.data(), path.size());
        const bool live = ::connect(probe, reinterpret_cast<sockaddr *>(&addr), sizeof(addr)) == 0
                || errno != ECONNREFUSED;
        ::close(probe);
        if (live) {
            *error = Text::tr("%1 is in use by a running server").arg(spec.path);
            return -1;
        }
        ::unlink(path.c_str());
        fd = platform::listenUnix(path, ListenBacklog);
    }
    if (fd < 0) {
        *error = Text::tr("cannot listen on %1: %2").arg(spec.path, tools::systemErrorText(errno));
        return -1;
    }
    *description = QStringLiteral("unix:") + spec.path;
    return fd;
}

// The sockets a service manager passed (see takePassedListeners()), read by
// the library as sd_listen_fds_with_names() reads them.
bool takeManagerListeners(QList<PassedListener> *out, QString *error)
{
    const SocketActivation activation;
    if (!activation.isValid()) {
        *error = activation.errorString();
        return false;
    }
    int index = 0;
    for (const SocketActivation::Socket &s : activation.sockets()) {
        HostResource r;
        r.fd = s.fd;
        // systemd's "unknown" (no LISTEN_FDNAMES) and empty names: listenI.
        r.name = s.name.isEmpty() || s.name == QLatin1String("unknown")
                ? QStringLiteral("listen%1").arg(index)
                : s.name;
        ++index;
        r.description = describeListener(r.fd);
        if (r.description.isEmpty()) {
            *error = Text::tr("descriptor %1 (%2), passed by the service manager, is not a socket")
                             .arg(r.fd)
                             .arg(r.name);
            return false;
        }
        out->append({r, Text::tr("the service manager")});
    }
    return true;
}

void closeAll(const QList<HostResource> &listeners)
{
    for (const HostResource &l : listeners)
        ::close(l.fd);
}

} // namespace

QString describeListener(int fd)
{
    platform::HandleDescription d;
    if (!platform::describe(fd, &d) || d.kind != platform::HandleKind::Socket)
        return {};
    if (d.socketFamily == platform::SocketFamily::Unix)
        return QStringLiteral("unix:") + QString::fromStdString(d.path);
    const QString host = QString::fromStdString(d.localAddress);
    return QStringLiteral("tcp:%1:%2")
            .arg(d.socketFamily == platform::SocketFamily::IPv6
                         ? QLatin1Char('[') + host + QLatin1Char(']')
                         : host)
            .arg(d.localPort);
}

bool takePassedListeners(QList<PassedListener> *out, QString *error)
{
    return takeManagerListeners(out, error) && takePredecessorListeners(out, error);
}

bool openListeners(QList<ListenSpec> *specs, QList<PassedListener> passed, ServiceNotifier *store,
                   QList<HostResource> *out, QString *error)
{
    const auto takePassed = [&passed](const QString &name) -> PassedListener * {
        for (PassedListener &p : passed) {
            if (p.resource.name == name && p.resource.fd >= 0)
                return &p;
        }
        return nullptr;
    };
    QList<HostResource> listeners;
    for (ListenSpec &spec : *specs) {
        if (PassedListener *p = takePassed(spec.name)) {
            printError(Text::tr("listening on %1 as %2 (passed by %3)")
                               .arg(p->resource.description, p->resource.name, p->from));
            listeners.append(std::exchange(p->resource, {}));
            listeners.last().name = spec.name;
            spec.kind = ListenKind::Inherit; // not ours to remove
            continue;
        }
        HostResource r;
        r.name = spec.name;
        if (spec.kind == ListenKind::Inherit) {
            *error = passed.isEmpty()
                    ? Text::tr("--listen %1=inherit: no socket was passed by a service manager "
                               "(LISTEN_FDS is not set for this process)")
                              .arg(spec.name)
                    : Text::tr("--listen %1=inherit: the service manager passed no socket "
                               "named %1 (LISTEN_FDNAMES)")
                              .arg(spec.name);
        } else {
            r.fd = spec.kind == ListenKind::Tcp ? bindTcp(spec, &r.description, error)
                                                : bindUnix(spec, &r.description, error);
        }
        if (r.fd < 0) {
            closeAll(listeners);
            return false;
        }
        printError(Text::tr("listening on %1 as %2").arg(r.description, r.name));
        listeners.append(r);
        if (store) {
            if (!store->storeDescriptor(r.fd, r.name, error)) {
                closeAll(listeners);
                return false;
            }
            printError(
                    Text::tr("%1 is kept in the service manager's descriptor store").arg(r.name));
        }
    }
    // Passed sockets no --listen names are handed on under their own names.
    for (const PassedListener &p : std::as_const(passed)) {
        if (p.resource.fd < 0)
            continue;
        const bool twice =
                std::any_of(listeners.cbegin(), listeners.cend(),
                            [&p](const HostResource &l) { return l.name == p.resource.name; });
        if (twice) {
            *error = Text::tr("%1 passed two sockets named %2").arg(p.from, p.resource.name);
            closeAll(listeners);
            return false;
        }
        printError(Text::tr("listening on %1 as %2 (passed by %3)")
                           .arg(p.resource.description, p.resource.name, p.from));
        listeners.append(p.resource);
    }
    *out = listeners;
    return true;
}

} // namespace qrs::supervise
