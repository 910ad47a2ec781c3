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
    return QFile::decodeName(QByteArray::fromStdString(platform::runtimeBase()));
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

namespace {

// A fresh directory base/prefixXXXXXX with mode, and in it a socket name of
// hexDigits random hex digits: *directory and *address. Under /tmp instead
// when the path would not fit a sockaddr_un.
bool newSocketPath(QString base, const char *prefix, int hexDigits, mode_t mode, QString *address,
                   QString *directory, QString *error)
{
    const qsizetype length = 1 + qsizetype(qstrlen(prefix)) + 6 + 3 + hexDigits; // "/s-"
    if (size_t(QFile::encodeName(base).size() + length) > platform::maxUnixPathLength())
        base = QStringLiteral("/tmp");
    const std::string dir =
            platform::makePrivateDirectory(QFile::encodeName(base).toStdString(), prefix);
    if (dir.empty() || (mode != 0700 && ::chmod(dir.c_str(), mode) != 0)) {
        const int saved = errno;
        if (!dir.empty())
            ::rmdir(dir.c_str());
        if (error)
            *error = qrs::tr("cannot create a private directory in %1: %2")
                             .arg(base, systemErrorText(saved));
        return false;
    }
    *directory = QFile::decodeName(QByteArray::fromStdString(dir));
    *address = *directory + QStringLiteral("/s-")
            + QString::fromLatin1(protocol::Key::generate().toHex().left(hexDigits));
    return true;
}

} // namespace

bool newAddress(const QString &lastAddress, QString *address, QString *directory, QString *error)
{
    // A restart in this process keeps the address, so that whoever watches or
    // holds ids of the next registrations finds it; else a fresh one.
    QString ignored;
    if (!lastAddress.isEmpty() && ensurePrivateDirectory(QFileInfo(lastAddress).path(), &ignored)
        && !QFileInfo::exists(lastAddress)) {
        *directory = QFileInfo(lastAddress).path();
        *address = lastAddress;
        return true;
    }
    return newSocketPath(runtimeBase(), "qrs-", 16, 0700, address, directory, error);
}

bool newDoorAddress(QString *address, QString *directory, QString *error)
{
    // Not $XDG_RUNTIME_DIR: other users cannot traverse it. 128 random bits.
    return newSocketPath(QFile::decodeName(QByteArray::fromStdString(platform::runtimeBase(true))),
                         "qrs-door-", 32, 0711, address, directory, error);
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
