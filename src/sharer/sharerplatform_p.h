// SPDX-FileCopyrightText: 2026 QtResourceSharer contributors
//
// SPDX-License-Identifier: BSD-3-Clause

// What the sharer does differently per platform: its address, where it
// publishes it, signals and fork.
// sharerplatform_unix.cpp (a socket file in a private directory, descriptors)
// and sharerplatform_win.cpp (a named pipe, SOCKETs and HANDLEs).
#pragma once

#include "handlecourier_p.h"

#include <qrs/resourceinfo.h>

#include <QDeadlineTimer>
#include <QString>

#include <condition_variable>
#include <memory>
#include <mutex>

QT_BEGIN_NAMESPACE
class QThread;
QT_END_NAMESPACE

namespace qrs::sharerplatform {

// Fills the metadata that describes the resource itself (kind, path, socket),
// from platform::describeHandle(). Closing, duplicating and the like are the
// platform layer's (handles.h).
void describeInto(NativeHandle handle, ResourceInfo *info);
// "tcp 127.0.0.1:8080 listening", "unix stream /run/x.sock": from the socket
// fields describeInto() filled (family and type as the listing names them).
QString socketDescription(const ResourceInfo &info);
// This process's user, as peers are compared with it.
uint effectiveUid();

// The address for a new server: lastAddress again if it can be (a restart keeps
// it, so that watchers find the sharer again), else a fresh one. *directory is
// what stop() removes (empty if nothing).
bool newAddress(const QString &lastAddress, QString *address, QString *directory, QString *error);
// Unix: the address of the sharer's second door, for resources whose rules
// name other users (or one process, whatever user it becomes): a fresh
// directory under the temp directory that every user may traverse but not
// list (0711), and a socket name of 128 random bits. *directory is what stop()
// removes. Windows: false (its pipe admits this user only, and a rule there can
// only bind a process of this user).
bool newDoorAddress(QString *address, QString *directory, QString *error);
#ifdef Q_OS_WIN
constexpr bool HasDoor = false;
#else
constexpr bool HasDoor = true;
#endif

// Publishes address for addressOfProcess(); returns the file to remove on stop,
// or empty. Removes what processes that ended left behind.
QString publishAddress(const QString &address);
QString addressOfProcess(qint64 pid, Error *code, QString *error);

// Where running sharers of this user publish their addresses, one file per
// pid; created private to this user (false and *error if it cannot be).
QString publicationDirectory();
bool ensurePrivateDirectory(const QString &path, QString *error);
// Whether a sharer could be listening at address (its socket file exists).
bool isListening(const QString &address);

// Starts the sharer's thread; on Unix with every signal blocked in it.
void startWithSignalsBlocked(QThread *thread);

// Says when a thread has exited entirely: QThread::wait() returns before the
// thread's own exit-time clean-up (Qt's per-thread data) has run, and a
// process that exits in that window leaves that data behind.
class ThreadGone
{
public:
    // In the thread to watch.
    static void arm(const std::shared_ptr<ThreadGone> &gone);
    // Any other thread: true once it is gone, false at the deadline.
    bool wait(QDeadlineTimer deadline);
    void release();

private:
    std::mutex m_mutex;
    std::condition_variable m_released;
    bool m_gone = false;
};
// Unix: pthread_atfork. Elsewhere nothing (no fork).
void installForkHandlers(void (*prepare)(), void (*parent)(), void (*child)());

} // namespace qrs::sharerplatform
