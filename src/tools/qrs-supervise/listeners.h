// SPDX-FileCopyrightText: 2026 QtResourceSharer contributors
//
// SPDX-License-Identifier: BSD-3-Clause

// qrs-supervise's listening sockets: --listen specifications, binding them
// (blocking, as systemd does), and sockets passed in instead: by a service
// manager (LISTEN_FDS, LISTEN_FDNAMES) or by the supervisor this one replaces
// in an upgrade. Main thread.
#pragma once

#include <qrs/supervisorextension.h>

#include <QHostAddress>
#include <QList>
#include <QString>

namespace qrs {
class ServiceNotifier;
}

namespace qrs::supervise {

// What a --listen names: a TCP socket to bind, a Unix socket to bind, or one
// its service manager passed under that name.
enum class ListenKind { Tcp, Unix, Inherit };

struct ListenSpec
{
    QString name;
    ListenKind kind = ListenKind::Tcp;
    QHostAddress address;
    quint16 port = 0;
    QString path; // unix: the socket file, removed at exit if this process bound it
};

// [NAME=]tcp:HOST:PORT, [NAME=]unix:PATH or NAME=inherit; NAME defaults to
// listen<index>. False, with *error, if text is none of these.
bool parseListen(const QString &text, int index, ListenSpec *out, QString *error);

// A socket passed to this process, and by whom (for the log).
struct PassedListener
{
    HostResource resource;
    QString from;
};

// A listening socket as --listen would have written it ("tcp:127.0.0.1:8080",
// "unix:/run/x.sock"); empty if fd is not a socket.
QString describeListener(int fd);

// The sockets a service manager passed (LISTEN_FDS, LISTEN_PID, LISTEN_FDNAMES,
// as sd_listen_fds_with_names() reads them; unnamed ones are listenI), then
// those a predecessor handed over (see upgrade.h). The variables are removed:
// they were for this process only. False after saying why in *error.
bool takePassedListeners(QList<PassedListener> *out, QString *error);

// One listener per spec: the passed socket of the same name if there is one
// (the spec's kind becomes "inherit"), else a fresh bind, kept in the service
// manager's descriptor store when store is set. Passed sockets no spec names
// follow under their own names. Logs each. On failure closes what it opened
// and says why in *error.
bool openListeners(QList<ListenSpec> *specs, QList<PassedListener> passed, ServiceNotifier *store,
                   QList<HostResource> *out, QString *error);

} // namespace qrs::supervise
