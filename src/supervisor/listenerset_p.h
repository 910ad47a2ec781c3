// SPDX-FileCopyrightText: 2026 QtResourceSharer contributors
//
// SPDX-License-Identifier: BSD-3-Clause

// The supervisor's listening sockets (Supervisor::listen()): the ones passed
// in, by a service manager (LISTEN_FDS, LISTEN_FDNAMES) or by the supervisor
// this one replaces in an upgrade, taken by name; the others bound, blocking,
// as systemd does; and the socket files it bound, removed at the end unless a
// successor serves them. Main thread.
#pragma once

#include <qrs/error.h>
#include <qrs/supervisor.h>

#include <QList>
#include <QString>
#include <QStringList>

#include <functional>

namespace qrs {

class ServiceNotifier;

class ListenerSet
{
public:
    // Each line it says (Supervisor::message()).
    explicit ListenerSet(std::function<void(const QString &)> say);

    // One listener per spec, in order (see Supervisor::listen()); each one
    // bound is kept in store's descriptor store when store is set. False after
    // closing what it opened, with *code and *error.
    bool open(const QList<ListenSpec> &specs, ServiceNotifier *store, QList<HostResource> *out,
              Error *code, QString *error);
    // Removes the socket files open() bound.
    void removeSocketFiles();

    // A listening socket as ListenSpec would write it ("tcp:127.0.0.1:8080",
    // "unix:/run/x.sock"); empty if fd is not a socket.
    static QString describe(int fd);

private:
    // A socket passed to this process, and by whom (for the log).
    struct Passed
    {
        HostResource resource;
        QString from;
    };
    bool takePassed(QList<Passed> *out, Error *code, QString *error) const;

    std::function<void(const QString &)> m_say;
    QStringList m_boundFiles;
};

} // namespace qrs
