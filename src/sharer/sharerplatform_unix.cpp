// SPDX-FileCopyrightText: 2026 QtResourceSharer contributors
//
// SPDX-License-Identifier: BSD-3-Clause

#include "sharerplatform_p.h"

#include "fdpassing.h"
#include "logging_p.h"
#include "protocol.h"
#include "text_p.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QThread>

#include <pthread.h>
#include <signal.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>

namespace qrs::sharerplatform {

uint effectiveUid()
{
    return ::geteuid();
}

namespace {

// Where private directories go: $XDG_RUNTIME_DIR if it is ours, else the temp dir.
QString runtimeBase()
{
    const QString xdg = qEnvironmentVariable("XDG_RUNTIME_DIR");
    if (!xdg.isEmpty()) {
        QFileInfo fi(xdg);
        if (fi.isDir() && fi.isWritable() && fi.ownerId() == ::geteuid())
            return xdg;
    }
    return QDir::tempPath();
}

} // namespace

QString publicationDirectory()
{
    return runtimeBase() + QStringLiteral("/qrs-sharers-") + QString::number(::geteuid());
}

bool ensurePrivateDirectory(const QString &path, QString *error)
{
    const QByteArray native = QFile::encodeName(path);
    if (::mkdir(native.constData(), 0700) != 0 && errno != EEXIST) {
        *error = systemErrorText(errno);
        return false;
    }
    struct stat st;
    if (::lstat(native.constData(), &st) != 0) {
        *error = systemErrorText(errno);
        return false;
    }
    if (!S_ISDIR(st.st_mode) || st.st_uid != ::geteuid() || (st.st_mode & 0077)) {
        *error = qrs::tr("it is not a private directory of this user");
        return false;
    }
    return true;
}

bool isProcessAlive(qint64 pid)
{
    return pid > 0 && (::kill(pid_t(pid), 0) == 0 || errno == EPERM);
}

bool newAddress(const QString &lastAddress, QString *address, QString *directory, QString *error)
{
    QString base = runtimeBase();
    // The socket path must fit a sockaddr_un: fall back to /tmp for long paths.
    const int socketNameLength = 1 + 2 + 16; // "/s-" + 16 hex digits
    const int dirNameLength = 1 + 4 + 6;     // "/qrs-XXXXXX"
    if (size_t(QFile::encodeName(base).size() + dirNameLength + socketNameLength)
        > platform::maxUnixPathLength())
        base = QStringLiteral("/tmp");
    // A restart in this process keeps the address, so that whoever watches or
    // holds ids of the next registrations finds it; else a fresh one.
    QString ignored;
    if (!lastAddress.isEmpty() && ensurePrivateDirectory(QFileInfo(lastAddress).path(), &ignored)
        && !QFileInfo::exists(lastAddress)) {
        *directory = QFileInfo(lastAddress).path();
        *address = lastAddress;
        return true;
    }
    const std::string dir =
            platform::makePrivateDirectory(QFile::encodeName(base).toStdString(), "qrs-");
    if (dir.empty()) {
        if (error)
            *error = qrs::tr("cannot create a private directory in %1: %2")
                             .arg(base, systemErrorText(errno));
        return false;
    }
    *directory = QFile::decodeName(QByteArray::fromStdString(dir));
    *address = *directory + QStringLiteral("/s-")
            + QString::fromLatin1(protocol::Key::generate().toHex().left(16));
    return true;
}

bool newDoorAddress(QString *address, QString *directory, QString *error)
{
    // Not $XDG_RUNTIME_DIR: other users cannot traverse it.
    QString base = QDir::tempPath();
    const int length = 1 + 9 + 6 + 1 + 2 + 32; // "/qrs-door-XXXXXX/s-" + 32 hex digits
    if (size_t(QFile::encodeName(base).size() + length) > platform::maxUnixPathLength())
        base = QStringLiteral("/tmp");
    const std::string dir =
            platform::makePrivateDirectory(QFile::encodeName(base).toStdString(), "qrs-door-");
    if (dir.empty() || ::chmod(dir.c_str(), 0711) != 0) {
        *error = qrs::tr("cannot create the directory for other users in %1: %2")
                         .arg(base, systemErrorText(errno));
        if (!dir.empty())
            ::rmdir(dir.c_str());
        return false;
    }
    *directory = QFile::decodeName(QByteArray::fromStdString(dir));
    *address = *directory + QStringLiteral("/s-")
            + QString::fromLatin1(protocol::Key::generate().toHex());
    return true;
}

bool isListening(const QString &address)
{
    return QFileInfo::exists(address);
}

void startWithSignalsBlocked(QThread *thread)
{
    sigset_t all;
    sigset_t previous;
    sigfillset(&all);
    pthread_sigmask(SIG_SETMASK, &all, &previous);
    thread->start();
    pthread_sigmask(SIG_SETMASK, &previous, nullptr);
}

#if !defined(__SANITIZE_THREAD__)
namespace {
// A thread-specific key whose destructor runs at thread exit after Qt's own
// (keys are destroyed in the order they were created, and Qt's is older).
pthread_key_t threadGoneKey()
{
    static pthread_key_t key;
    static std::once_flag once;
    std::call_once(once, [] {
        pthread_key_create(&key, [](void *value) {
            auto *gone = static_cast<std::shared_ptr<ThreadGone> *>(value);
            (*gone)->release();
            delete gone;
        });
    });
    return key;
}
} // namespace
#endif

void ThreadGone::arm(const std::shared_ptr<ThreadGone> &gone)
{
#if defined(__SANITIZE_THREAD__)
    // ThreadSanitizer has finished with a thread before its exit-time
    // destructors run, and would take this one's signal for a race. Its builds
    // do not look for leaks, which is all the wait is for.
    gone->release();
#else
    pthread_setspecific(threadGoneKey(), new std::shared_ptr<ThreadGone>(gone));
#endif
}

void installForkHandlers(void (*prepare)(), void (*parent)(), void (*child)())
{
    pthread_atfork(prepare, parent, child);
}

} // namespace qrs::sharerplatform
