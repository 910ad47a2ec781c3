// SPDX-FileCopyrightText: 2026 QtResourceSharer contributors
//
// SPDX-License-Identifier: BSD-3-Clause

#include "listenerset_p.h"

#include "common/text_p.h"
#include "fdpassing.h"
#include "launch/listensocket_p.h"

#include <qrs/servicenotifier.h>
#include <qrs/socketactivation.h>

#include <QFile>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

namespace qrs {

namespace {

constexpr int ListenBacklog = 1024;

void closeAll(const QList<HostResource> &listeners)
{
    for (const HostResource &l : listeners)
        ::close(l.fd);
}

// The supervisor keeps a duplicate of the socket and never accepts on it.
int bindTcp(const ListenSpec &spec, QString *error)
{
    QHostAddress address;
    quint16 port = 0;
    if (!parseHostPort(spec.host + QLatin1Char(':') + QString::number(spec.port),
                       QStringLiteral("tcp:HOST:PORT"), &address, &port, error))
        return -1;
    quint16 bound = 0;
    return int(listenTcp(address, port, ListenBacklog, &bound, error));
}

// A listening Unix socket; a stale socket file nobody listens on is replaced.
int bindUnix(const ListenSpec &spec, QString *error)
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
            *error = qrs::tr("%1 is in use by a running server").arg(spec.path);
            return -1;
        }
        ::unlink(path.c_str());
        fd = platform::listenUnix(path, ListenBacklog);
    }
    if (fd < 0) {
        *error = qrs::tr("cannot listen on %1: %2").arg(spec.path, systemErrorText(errno));
        return -1;
    }
    return fd;
}

} // namespace

// [NAME=]tcp:HOST:PORT or [NAME=]unix:PATH; HOST may be [v6], '*' or localhost.
bool ListenSpec::parse(const QString &text, int index, ListenSpec *out, QString *error)
{
    const auto fail = [error](const QString &why) {
        if (error)
            *error = why;
        return false;
    };
    ListenSpec spec;
    QString rest = text;
    const qsizetype eq = text.indexOf(QLatin1Char('='));
    const qsizetype colon = text.indexOf(QLatin1Char(':'));
    if (eq > 0 && (colon < 0 || eq < colon)) {
        spec.name = text.left(eq);
        rest = text.mid(eq + 1);
    } else {
        spec.name = QStringLiteral("listen%1").arg(index);
    }
    for (QChar c : std::as_const(spec.name)) {
        if (c.unicode() <= 0x20 || c.unicode() >= 0x7f || c == QLatin1Char(':')) {
            return fail(qrs::tr("--listen %1: the name \"%2\" may only hold printable ASCII "
                                "other than space and ':'")
                                .arg(text, spec.name));
        }
    }
    if (rest == QLatin1String("inherit")) {
        spec.kind = ListenKind::Inherit;
    } else if (rest.startsWith(QLatin1String("unix:"))) {
        spec.kind = ListenKind::Unix;
        spec.path = rest.mid(5);
        if (spec.path.isEmpty()
            || size_t(QFile::encodeName(spec.path).size()) > platform::maxUnixPathLength()) {
            return fail(qrs::tr("--listen %1: a Unix socket path of 1 to %2 bytes is needed")
                                .arg(text)
                                .arg(platform::maxUnixPathLength()));
        }
    } else if (rest.startsWith(QLatin1String("tcp:"))) {
        spec.kind = ListenKind::Tcp;
        QHostAddress address; // checked now, bound by listen()
        QString why;
        if (!parseHostPort(rest.mid(4), QStringLiteral("tcp:HOST:PORT"), &address, &spec.port,
                           &why))
            return fail(qrs::tr("--listen %1: %2").arg(text, why));
        const QString hostPort = rest.mid(4);
        spec.host = hostPort.left(hostPort.lastIndexOf(QLatin1Char(':')));
    } else {
        return fail(qrs::tr("--listen %1: expected [NAME=]tcp:HOST:PORT, [NAME=]unix:PATH or "
                            "NAME=inherit")
                            .arg(text));
    }
    *out = spec;
    return true;
}

ListenerSet::ListenerSet(std::function<void(const QString &)> say)
    : m_say(std::move(say))
{ }

QString ListenerSet::describe(int fd)
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

// The service manager's (read as sd_listen_fds_with_names() reads them; the
// unnamed ones are listenI), then those a predecessor handed over.
bool ListenerSet::takePassed(QList<Passed> *out, Error *code, QString *error) const
{
    const SocketActivation activation;
    if (!activation.isValid()) {
        *code = activation.error();
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
        r.description = describe(r.fd);
        if (r.description.isEmpty()) {
            *code = Error::Malformed;
            *error = qrs::tr("descriptor %1 (%2), passed by the service manager, is not a socket")
                             .arg(r.fd)
                             .arg(r.name);
            return false;
        }
        out->append({r, qrs::tr("the service manager")});
    }
    QList<HostResource> handed;
    if (!Supervisor::takeUpgradeListeners(&handed, error)) {
        *code = Error::SystemError;
        return false;
    }
    for (HostResource &r : handed) {
        r.description = describe(r.fd);
        out->append({r, qrs::tr("the supervisor it replaces")});
    }
    return true;
}

bool ListenerSet::open(const QList<ListenSpec> &specs, ServiceNotifier *store,
                       QList<HostResource> *out, Error *code, QString *error)
{
    QList<Passed> passed;
    if (!takePassed(&passed, code, error))
        return false;
    const auto takePassedNamed = [&passed](const QString &name) -> Passed * {
        for (Passed &p : passed) {
            if (p.resource.name == name && p.resource.fd >= 0)
                return &p;
        }
        return nullptr;
    };
    QList<HostResource> listeners;
    QStringList bound;
    const auto fail = [&](Error why) {
        closeAll(listeners);
        for (const Passed &p : std::as_const(passed)) {
            if (p.resource.fd >= 0)
                ::close(p.resource.fd);
        }
        for (const QString &file : std::as_const(bound))
            QFile::remove(file);
        *code = why;
        return false;
    };
    for (const ListenSpec &spec : specs) {
        const bool twice =
                std::any_of(listeners.cbegin(), listeners.cend(),
                            [&spec](const HostResource &l) { return l.name == spec.name; });
        if (twice) {
            *error = qrs::tr("--listen %1: the name is used twice").arg(spec.name);
            return fail(Error::InvalidArgument);
        }
        if (Passed *p = takePassedNamed(spec.name)) {
            m_say(qrs::tr("listening on %1 as %2 (passed by %3)")
                          .arg(p->resource.description, p->resource.name, p->from));
            listeners.append(std::exchange(p->resource, {}));
            continue; // not ours to remove
        }
        HostResource r;
        r.name = spec.name;
        if (spec.kind == ListenKind::Inherit) {
            *error = passed.isEmpty()
                    ? qrs::tr("--listen %1=inherit: no socket was passed by a service manager "
                              "(LISTEN_FDS is not set for this process)")
                              .arg(spec.name)
                    : qrs::tr("--listen %1=inherit: the service manager passed no socket "
                              "named %1 (LISTEN_FDNAMES)")
                              .arg(spec.name);
            return fail(Error::InvalidArgument);
        }
        r.fd = spec.kind == ListenKind::Tcp ? bindTcp(spec, error) : bindUnix(spec, error);
        if (r.fd < 0)
            return fail(Error::SystemError);
        r.description = describe(r.fd); // as the kernel has it: with the port chosen for port 0
        if (spec.kind == ListenKind::Unix)
            bound.append(spec.path);
        m_say(qrs::tr("listening on %1 as %2").arg(r.description, r.name));
        listeners.append(r);
        if (store) {
            if (!store->storeDescriptor(r.fd, r.name, error))
                return fail(Error::SystemError);
            m_say(qrs::tr("%1 is kept in the service manager's descriptor store").arg(r.name));
        }
    }
    // Passed sockets no spec names are handed on under their own names.
    for (Passed &p : passed) {
        if (p.resource.fd < 0)
            continue;
        const bool twice =
                std::any_of(listeners.cbegin(), listeners.cend(),
                            [&p](const HostResource &l) { return l.name == p.resource.name; });
        if (twice) {
            *error = qrs::tr("%1 passed two sockets named %2").arg(p.from, p.resource.name);
            return fail(Error::InvalidArgument);
        }
        m_say(qrs::tr("listening on %1 as %2 (passed by %3)")
                      .arg(p.resource.description, p.resource.name, p.from));
        listeners.append(std::exchange(p.resource, {}));
    }
    m_boundFiles += bound;
    *out = listeners;
    return true;
}

void ListenerSet::removeSocketFiles()
{
    for (const QString &file : std::as_const(m_boundFiles))
        QFile::remove(file);
    m_boundFiles.clear();
}

} // namespace qrs
