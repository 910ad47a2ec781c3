// SPDX-FileCopyrightText: 2026 QtResourceSharer contributors
//
// SPDX-License-Identifier: BSD-3-Clause

// The inspecting side of the protocol: list a sharer's cache, follow its
// changes, revoke by key. Over a QLocalSocket (no descriptors travel); a target
// is a socket address or the pid of a process whose sharer published its
// address. Main thread (or any one thread with an event loop for watching).
#pragma once

#include "protocol.h"

#include <qrs/resourceinfo.h>

#include <QJsonObject>
#include <QObject>
#include <QTimer>

QT_BEGIN_NAMESPACE
class QLocalSocket;
QT_END_NAMESPACE

namespace qrs::inspect {

// A socket address as it is; all digits: the address process <pid> published.
// Empty, with *error saying why, if it cannot be resolved.
QString resolveTarget(const QString &target, QString *error);

struct Listing
{
    QString address;
    qint64 sharerPid = 0;
    SharerStatistics statistics;
    QList<ResourceInfo> entries; // ids complete with the address
    QJsonObject processStatus;   // what the sharer's process says about itself
};

// One List round trip, blocking at most timeoutMs; needs no event loop.
bool list(const QString &target, int timeoutMs, Listing *out, QString *error);
// One Revoke round trip: how many of keys the sharer held, or -1 (*error).
int revoke(const QString &address, const QList<protocol::Key> &keys, int timeoutMs, QString *error);

// One Command round trip to the process at target (an address, or a pid):
// true with its *reply, whatever the reply says; false with *error if it was
// refused (not this user's, no command handler, too large) or not answered
// within timeoutMs (negative: no limit). Blocking; needs no event loop.
bool command(const QString &target, const QJsonObject &command, int timeoutMs, QJsonObject *reply,
             QString *error);

// Follows a sharer: the snapshot, then every change. When the connection
// cannot be made or breaks, it says so and tries again, waiting 250 ms, then
// twice as long each time up to 2 s, and resolving the target anew each time.
class Watcher : public QObject
{
    Q_OBJECT

public:
    explicit Watcher(QObject *parent = nullptr);
    ~Watcher() override;

    void start(const QString &target);
    void stop();
    QString address() const { return m_address; } // resolved; empty until connected

Q_SIGNALS:
    void connecting();
    // The whole snapshot (every Entries part): replaces what was known.
    void snapshotReceived(const qrs::inspect::Listing &listing);
    void changed(qrs::protocol::ChangeKind kind, const qrs::ResourceInfo &entry,
                 const QString &reason);
    // The sharer's process published a new status (after the snapshot).
    void processStatusReceived(const QJsonObject &status);
    // The connection failed or broke; a retry is scheduled.
    void lost(const QString &reason);

private:
    void connectNow();
    void dropSocket();
    void onReadyRead();
    void fail(const QString &reason);

    QString m_target;
    QString m_address;
    QLocalSocket *m_socket = nullptr;
    protocol::FrameReader m_reader;
    Listing m_pending;
    bool m_snapshotDone = false;
    QTimer m_retry;
    int m_backoffMs = 0;
};

} // namespace qrs::inspect
