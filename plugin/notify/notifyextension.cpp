// SPDX-FileCopyrightText: 2026 QtResourceSharer contributors
//
// SPDX-License-Identifier: BSD-3-Clause

#include "notifyextension.h"

#include "fdpassing.h"
#include "notification_p.h"
#include "text_p.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QSocketNotifier>
#include <QStandardPaths>
#include <QTimer>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace qrs {

namespace {
// Datagrams read per wake-up: a flooding worker cannot keep the host's event
// loop from everything else.
constexpr int MaxDatagramsPerWakeUp = 64;
// Log lines about one worker per second; past that they are counted, and the
// count is said once the second is over.
constexpr int MaxLogLinesPerSecond = 20;
} // namespace

struct NotifyExtension::Worker
{
    WorkerInfo info;
    int socketFd = -1;
    QByteArray socketPath;
    QSocketNotifier *socketNotifier = nullptr;
    int readyRead = -1;  // ReadinessMode::Fd: the host's end of the worker's notification pipe
    int readyWrite = -1; // ... and the worker's, until it has started
    QSocketNotifier *readyNotifier = nullptr;
    QString hold; // the readiness hold, while held
    QTimer *watchdog = nullptr;
    int watchdogMs = 0;
    QElapsedTimer logWindow;
    int logged = 0;
    int unlogged = 0;

    ~Worker()
    {
        delete socketNotifier;
        delete readyNotifier;
        delete watchdog;
        platform::closeFd(socketFd);
        platform::closeFd(readyRead);
        platform::closeFd(readyWrite);
        if (!socketPath.isEmpty())
            ::unlink(socketPath.constData());
    }
};

NotifyExtension::NotifyExtension() = default;

NotifyExtension::~NotifyExtension()
{
    m_workers.clear();
    if (!m_directory.isEmpty())
        QDir().rmdir(m_directory);
}

bool NotifyExtension::initialize(SupervisorHost *host, QString *error)
{
    if (!host) {
        *error = tr("no host given");
        return false;
    }
    if (!Readiness::parse(host->setting(QStringLiteral("ready")), &m_readiness, error))
        return false;
    const QString watchdog = host->setting(QStringLiteral("watchdog"));
    if (!watchdog.isEmpty()) {
        bool ok = false;
        m_watchdogMs = watchdog.toInt(&ok);
        if (!ok || m_watchdogMs <= 0) {
            *error = tr("watchdog=%1: expected a positive number of milliseconds").arg(watchdog);
            return false;
        }
    }
    const QString uid = host->setting(QStringLiteral("uid"));
    const QString gid = host->setting(QStringLiteral("gid"));
    m_workerUid = uid.isEmpty() || uid.toLongLong() == qint64(::geteuid()) ? -1 : uid.toLongLong();
    m_workerGid = m_workerUid < 0 || gid.isEmpty() ? -1 : gid.toLongLong();
    // Workers of another user cannot traverse $XDG_RUNTIME_DIR (0700).
    const std::string privateBase = platform::runtimeBase(m_workerUid >= 0);
    const QString base = QFile::decodeName(QByteArray::fromStdString(privateBase));
    if (m_directory.isEmpty()) // a host may initialize it again with other settings
        m_directory =
                QString::fromStdString(platform::makePrivateDirectory(privateBase, "qrs-notify-"));
    if (m_directory.isEmpty()) {
        *error =
                tr("cannot create a private directory in %1: %2").arg(base, systemErrorText(errno));
        return false;
    }
    // Others may pass through to the one socket that is theirs, but not list.
    if (m_workerUid >= 0 && ::chmod(QFile::encodeName(m_directory).constData(), 0711) != 0) {
        *error = tr("cannot open %1 to the workers' user: %2")
                         .arg(m_directory, systemErrorText(errno));
        return false;
    }
    m_host = host;
    return true;
}

QString NotifyExtension::who(const Worker *w) const
{
    return w->info.pid ? tr("worker %1 (pid %2)").arg(w->info.slot).arg(w->info.pid)
                       : tr("worker %1").arg(w->info.slot);
}

void NotifyExtension::say(Worker *w, const QString &message)
{
    if (!w->logWindow.isValid() || w->logWindow.hasExpired(1000)) {
        if (w->unlogged > 0)
            m_host->log(QStringLiteral("notify"),
                        tr("%1: %2 more notifications in one second, not logged")
                                .arg(who(w))
                                .arg(w->unlogged));
        w->logWindow.start();
        w->logged = 0;
        w->unlogged = 0;
    }
    if (w->logged++ < MaxLogLinesPerSecond)
        m_host->log(QStringLiteral("notify"), message);
    else
        ++w->unlogged;
}

bool NotifyExtension::beforeStart(const WorkerInfo &worker, QProcess *process, QString *error)
{
    Q_ASSERT(m_host);
    auto w = std::make_unique<Worker>();
    w->info = worker;
    w->socketPath = QFile::encodeName(m_directory) + "/w" + QByteArray::number(worker.id);
    w->socketFd = platform::bindNotifySocket(w->socketPath.toStdString());
    if (w->socketFd < 0) {
        *error = tr("cannot create a notification socket at %1: %2")
                         .arg(QFile::decodeName(w->socketPath), systemErrorText(errno));
        w->socketPath.clear(); // not ours to unlink
        return false;
    }
    // A worker of another user may send to its own socket, and nobody else but root.
    if (m_workerUid >= 0
        && (::chmod(w->socketPath.constData(), 0600) != 0
            || ::chown(w->socketPath.constData(), uid_t(m_workerUid), gid_t(m_workerGid)) != 0)) {
        *error = tr("cannot give the notification socket %1 to uid %2: %3")
                         .arg(QFile::decodeName(w->socketPath))
                         .arg(m_workerUid)
                         .arg(systemErrorText(errno));
        return false;
    }
    QProcessEnvironment env = process->processEnvironment();
    if (env.isEmpty())
        env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("NOTIFY_SOCKET"), QFile::decodeName(w->socketPath));
    if (m_watchdogMs > 0) {
        env.insert(QStringLiteral("WATCHDOG_USEC"), QString::number(qint64(m_watchdogMs) * 1000));
        m_host->setPidVariable(worker.id, QStringLiteral("WATCHDOG_PID"));
    }

    if (m_readiness.mode == ReadinessMode::Fd) {
        int fds[2];
        if (::pipe2(fds, O_CLOEXEC) != 0 || !platform::setNonBlocking(fds[0], true)) {
            *error = tr("cannot create a notification pipe: %1").arg(systemErrorText(errno));
            return false;
        }
        w->readyRead = fds[0];
        w->readyWrite = fds[1];
        // In the child: the write end at the agreed number, kept across exec.
        const int from = fds[1];
        const int to = m_readiness.fd;
        process->setChildProcessModifier([previous = process->childProcessModifier(), from, to] {
            if (previous)
                previous();
            if (from == to)
                ::fcntl(to, F_SETFD, 0);
            else
                ::dup2(from, to);
        });
        w->hold = tr("waiting for a newline on its descriptor %1").arg(to);
    } else if (m_readiness.mode == ReadinessMode::Notify) {
        w->hold = tr("waiting for READY=1 on its NOTIFY_SOCKET");
    }
    process->setProcessEnvironment(env);

    Worker *raw = w.get();
    raw->socketNotifier = new QSocketNotifier(qintptr(raw->socketFd), QSocketNotifier::Read);
    connect(raw->socketNotifier, &QSocketNotifier::activated, this,
            [this, raw] { readDatagrams(raw); });
    if (raw->readyRead >= 0) {
        raw->readyNotifier = new QSocketNotifier(qintptr(raw->readyRead), QSocketNotifier::Read);
        connect(raw->readyNotifier, &QSocketNotifier::activated, this,
                [this, raw] { readReadinessFd(raw); });
    }
    if (!raw->hold.isEmpty())
        m_host->holdReadiness(worker.id, raw->hold);
    m_workers[worker.id] = std::move(w);
    return true;
}

void NotifyExtension::started(const WorkerInfo &worker)
{
    const auto it = m_workers.find(worker.id);
    if (it == m_workers.end())
        return;
    Worker *w = it->second.get();
    w->info = worker;
    platform::closeFd(w->readyWrite); // the worker has its own copy now
    w->readyWrite = -1;
    // As systemd: a worker that is ready once it runs is watched from then on.
    if (m_readiness.mode == ReadinessMode::Taken && m_watchdogMs > 0)
        armWatchdog(w);
}

void NotifyExtension::finished(const WorkerInfo &worker, int, QProcess::ExitStatus)
{
    m_workers.erase(worker.id);
}

void NotifyExtension::readDatagrams(Worker *w)
{
    const quint64 id = w->info.id;
    char buffer[notify::MaxNotificationBytes];
    for (int i = 0; i < MaxDatagramsPerWakeUp; ++i) {
        platform::Datagram d = platform::receiveDatagram(w->socketFd, buffer, sizeof(buffer));
        if (d.bytes < 0)
            return; // EAGAIN: nothing more queued
        const int fdCount = int(d.fds.size());
        for (int fd : d.fds)
            platform::closeFd(
                    fd); // none is kept (FDSTORE is not supported); BARRIER=1 wants them closed
        if (!d.hasCredentials) {
            say(w, tr("%1: a notification without credentials was ignored").arg(who(w)));
            continue;
        }
        const uint speaker = m_workerUid >= 0 ? uint(m_workerUid) : ::geteuid();
        if (d.sender.uid != speaker && d.sender.uid != ::geteuid() && d.sender.uid != 0) {
            say(w,
                tr("%1: a notification from uid %2 (pid %3) was ignored: only uid %4 may speak "
                   "for it")
                        .arg(who(w))
                        .arg(d.sender.uid)
                        .arg(d.sender.pid)
                        .arg(speaker));
            continue;
        }
        if (d.bytes > ssize_t(sizeof(buffer))) {
            say(w,
                tr("%1: a notification of %2 bytes was ignored: the limit is %3")
                        .arg(who(w))
                        .arg(d.bytes)
                        .arg(sizeof(buffer)));
            continue;
        }
        const notify::Notification n =
                notify::parseNotification(QByteArray::fromRawData(buffer, d.bytes));
        if (n.refused) {
            say(w, tr("%1: a notification with a NUL byte was ignored").arg(who(w)));
            continue;
        }
        if (n.malformedLines > 0)
            say(w,
                tr("%1: %2 lines that are not KEY=VALUE were ignored")
                        .arg(who(w))
                        .arg(n.malformedLines));
        apply(w, n, fdCount);
        if (m_workers.find(id) == m_workers.end())
            return; // a watchdog trigger ended it
    }
}

void NotifyExtension::apply(Worker *w, const notify::Notification &n, int fdCount)
{
    bool storing = false;
    for (const auto &[key, value] : n.assignments) {
        if (key == "READY" && value == "1") {
            becameReady(w, QStringLiteral("READY=1"));
        } else if (key == "STATUS") {
            const QString status = QString::fromUtf8(value);
            m_host->setStatus(w->info.id, status);
            say(w, tr("%1: status: %2").arg(who(w), status));
        } else if (key == "STOPPING" && value == "1") {
            say(w, tr("%1 says it is stopping").arg(who(w)));
        } else if (key == "RELOADING" && value == "1") {
            say(w, tr("%1 says it is reloading").arg(who(w)));
        } else if (key == "MAINPID") {
            const qint64 pid = notify::parseUnsigned(value);
            if (pid > 0)
                say(w, tr("%1 names pid %2 as its main process").arg(who(w)).arg(pid));
            else
                say(w,
                    tr("%1: MAINPID=%2 is not a pid; ignored")
                            .arg(who(w), QString::fromUtf8(value)));
        } else if (key == "ERRNO") {
            const qint64 number = notify::parseUnsigned(value);
            say(w,
                number >= 0 && number < 4096 ? tr("%1 reports error %2 (%3)")
                                                       .arg(who(w))
                                                       .arg(number)
                                                       .arg(systemErrorText(int(number)))
                                             : tr("%1: ERRNO=%2 is not an error number; ignored")
                                                       .arg(who(w), QString::fromUtf8(value)));
        } else if (key == "EXTEND_TIMEOUT_USEC") {
            const qint64 usec = notify::parseUnsigned(value);
            if (usec >= 0) {
                const int ms = int(qMin<qint64>((usec + 999) / 1000, INT_MAX));
                m_host->extendTimeout(w->info.id, ms);
                say(w, tr("%1 asks for %2 ms more").arg(who(w)).arg(ms));
            }
        } else if (key == "WATCHDOG" && value == "1") {
            if (w->watchdogMs > 0 || m_watchdogMs > 0)
                armWatchdog(w);
        } else if (key == "WATCHDOG" && value == "trigger") {
            m_host->killWorker(w->info.id, tr("it triggered its watchdog (WATCHDOG=trigger)"));
            return;
        } else if (key == "WATCHDOG_USEC") {
            const qint64 usec = notify::parseUnsigned(value);
            if (usec > 0) {
                w->watchdogMs = int(qMin<qint64>((usec + 999) / 1000, INT_MAX));
                armWatchdog(w);
            }
        } else if (key == "FDSTORE" && value == "1") {
            storing = true;
        }
    }
    if (storing)
        say(w,
            tr("%1: FDSTORE=1 is not supported yet; the %2 descriptors sent were closed")
                    .arg(who(w))
                    .arg(fdCount));
}

void NotifyExtension::readReadinessFd(Worker *w)
{
    char buffer[512];
    for (;;) {
        const ssize_t n = ::read(w->readyRead, buffer, sizeof(buffer));
        if (n > 0 && std::memchr(buffer, '\n', size_t(n))) {
            becameReady(w, tr("a newline on descriptor %1").arg(m_readiness.fd));
            break;
        }
        if (n > 0)
            continue;
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0 && errno == EAGAIN)
            return;
        say(w,
            tr("%1 closed its descriptor %2 without writing a newline: it is not ready")
                    .arg(who(w))
                    .arg(m_readiness.fd));
        break;
    }
    // s6: the descriptor has said what it had to; the host stops reading it.
    // (The notifier is in its own signal here: deleted later.)
    w->readyNotifier->setEnabled(false);
    w->readyNotifier->deleteLater();
    w->readyNotifier = nullptr;
    platform::closeFd(w->readyRead);
    w->readyRead = -1;
}

void NotifyExtension::becameReady(Worker *w, const QString &how)
{
    if (!w->hold.isEmpty()) {
        say(w, tr("%1 said it is ready (%2)").arg(who(w), how));
        const QString hold = w->hold;
        w->hold.clear();
        m_host->releaseReadiness(w->info.id, hold);
    }
    if (m_readiness.mode != ReadinessMode::Taken && m_watchdogMs > 0
        && !(w->watchdog && w->watchdog->isActive()))
        armWatchdog(w);
}

void NotifyExtension::armWatchdog(Worker *w)
{
    if (!w->watchdog) {
        w->watchdog = new QTimer;
        w->watchdog->setSingleShot(true);
        const quint64 id = w->info.id;
        connect(w->watchdog, &QTimer::timeout, this, [this, w, id] {
            m_host->killWorker(id,
                               tr("its watchdog ran out: no WATCHDOG=1 for %1 ms")
                                       .arg(w->watchdog->interval()));
        });
    }
    w->watchdog->start(w->watchdogMs > 0 ? w->watchdogMs : m_watchdogMs);
}

} // namespace qrs
