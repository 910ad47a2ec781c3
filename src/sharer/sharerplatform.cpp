// SPDX-FileCopyrightText: 2026 QtResourceSharer contributors
//
// SPDX-License-Identifier: BSD-3-Clause

#include "sharerplatform_p.h"

#include "logging_p.h"
#include "text_p.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QSaveFile>

namespace qrs::sharerplatform {

QString socketDescription(const ResourceInfo &info)
{
    const bool ipv6 = info.socketFamily == QLatin1String("ipv6");
    QStringList parts;
    if (ipv6 || info.socketFamily == QLatin1String("ipv4")) {
        parts << (info.socketType == QLatin1String("datagram") ? QStringLiteral("udp")
                                                               : QStringLiteral("tcp"))
              << (ipv6 ? QStringLiteral("[%1]:%2") : QStringLiteral("%1:%2"))
                         .arg(info.localAddress)
                         .arg(info.localPort);
    } else {
        parts << info.socketFamily << info.socketType;
        if (info.socketFamily == QLatin1String("unix"))
            parts << (info.path.isEmpty() ? QStringLiteral("(unnamed)") : info.path);
    }
    if (info.listening)
        parts << QStringLiteral("listening");
    return parts.join(QLatin1Char(' ')).simplified();
}

// Writes <publicationDirectory>/<pid> holding address, and removes the files
// of processes that ended without removing theirs. Returns the file, or empty.
QString publishAddress(const QString &address)
{
    const QString dir = publicationDirectory();
    QString why;
    if (!ensurePrivateDirectory(dir, &why)) {
        qCWarning(lcSharer) << "cannot publish the sharer's address in" << dir << ":" << why;
        return {};
    }
    const QStringList names = QDir(dir).entryList(QDir::Files);
    for (const QString &name : names) {
        bool numeric = false;
        const qint64 pid = name.toLongLong(&numeric);
        if (numeric && !isProcessAlive(pid))
            QFile::remove(dir + QLatin1Char('/') + name);
    }
    const QString file =
            dir + QLatin1Char('/') + QString::number(QCoreApplication::applicationPid());
    QSaveFile out(file);
    if (!out.open(QIODevice::WriteOnly) || out.write(QFile::encodeName(address) + '\n') < 0
        || !out.commit()) {
        qCWarning(lcSharer) << "cannot publish the sharer's address in" << file << ":"
                            << out.errorString();
        return {};
    }
    return file;
}

QString addressOfProcess(qint64 pid, QString *error)
{
    const auto fail = [error](const QString &why) {
        if (error)
            *error = why;
        return QString();
    };
    if (pid <= 0)
        return fail(qrs::tr("%1 is not a process id").arg(pid));
    if (!isProcessAlive(pid))
        return fail(qrs::tr("no process %1 is running").arg(pid));
    const QString file = publicationDirectory() + QLatin1Char('/') + QString::number(pid);
    QFile in(file);
    if (!in.open(QIODevice::ReadOnly)) {
        return fail(
                qrs::tr("process %1 publishes no sharer in %2 (none running, or another user's)")
                        .arg(pid)
                        .arg(publicationDirectory()));
    }
    const QString address = QFile::decodeName(in.readAll().trimmed());
    if (address.isEmpty() || !isListening(address))
        return fail(qrs::tr("the sharer of process %1 is not listening at %2 any more")
                            .arg(pid)
                            .arg(address));
    return address;
}

bool ThreadGone::wait(QDeadlineTimer deadline)
{
    std::unique_lock lock(m_mutex);
    const auto gone = [this] {
        return m_gone;
    };
    if (deadline.isForever()) {
        m_released.wait(lock, gone);
        return true;
    }
    return m_released.wait_for(lock, std::chrono::milliseconds(deadline.remainingTime()), gone);
}

void ThreadGone::release()
{
    const std::lock_guard lock(m_mutex);
    m_gone = true;
    m_released.notify_all();
}

} // namespace qrs::sharerplatform
