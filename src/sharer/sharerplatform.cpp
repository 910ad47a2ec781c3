// SPDX-FileCopyrightText: 2026 QtResourceSharer contributors
//
// SPDX-License-Identifier: BSD-3-Clause

#include "sharerplatform_p.h"

#include "handles.h"
#include "logging_p.h"
#include "process.h"
#include "text_p.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QSaveFile>

namespace qrs::sharerplatform {

namespace {

QString familyName(platform::SocketFamily family)
{
    switch (family) {
    case platform::SocketFamily::None:
        return {};
    case platform::SocketFamily::IPv4:
        return QStringLiteral("ipv4");
    case platform::SocketFamily::IPv6:
        return QStringLiteral("ipv6");
    case platform::SocketFamily::Unix:
        return QStringLiteral("unix");
    case platform::SocketFamily::Other:
        break;
    }
    return QStringLiteral("other");
}

QString typeName(platform::SocketType type)
{
    switch (type) {
    case platform::SocketType::None:
        return {};
    case platform::SocketType::Stream:
        return QStringLiteral("stream");
    case platform::SocketType::Datagram:
        return QStringLiteral("datagram");
    case platform::SocketType::SeqPacket:
        return QStringLiteral("seqpacket");
    case platform::SocketType::Other:
        break;
    }
    return QStringLiteral("other");
}

} // namespace

void describeInto(NativeHandle handle, ResourceInfo *info)
{
    platform::HandleDescription h;
    platform::describeHandle(handle, &h);
    info->path = QFile::decodeName(QByteArray::fromStdString(h.path));
    switch (h.kind) {
    case platform::HandleKind::File:
        info->kind = ResourceKind::File;
        info->description = info->path;
        return;
    case platform::HandleKind::Memfd:
        info->kind = ResourceKind::Memfd;
        info->description = QStringLiteral("memfd:") + info->path;
        return;
    case platform::HandleKind::Pipe:
        info->kind = ResourceKind::Pipe;
        info->description = QStringLiteral("pipe");
        return;
    case platform::HandleKind::Socket:
        info->kind = ResourceKind::Socket;
        info->socketFamily = familyName(h.socketFamily);
        info->socketType = typeName(h.socketType);
        info->listening = h.listening;
        info->localAddress = QString::fromStdString(h.localAddress);
        info->localPort = h.localPort;
        info->description = socketDescription(*info);
        return;
    case platform::HandleKind::Directory:
    case platform::HandleKind::CharDevice:
    case platform::HandleKind::Other:
        break;
    }
    info->kind = ResourceKind::Other;
    info->description = info->path;
}

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
        if (numeric && !platform::isProcessAlive(pid))
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

QString addressOfProcess(qint64 pid, Error *code, QString *error)
{
    const auto fail = [code, error](Error failure, const QString &why) {
        if (code)
            *code = failure;
        if (error)
            *error = why;
        return QString();
    };
    if (code)
        *code = Error::NoError;
    if (pid <= 0)
        return fail(Error::InvalidArgument, qrs::tr("%1 is not a process id").arg(pid));
    if (!platform::isProcessAlive(pid))
        return fail(Error::NotFound, qrs::tr("no process %1 is running").arg(pid));
    const QString file = publicationDirectory() + QLatin1Char('/') + QString::number(pid);
    QFile in(file);
    if (!in.open(QIODevice::ReadOnly)) {
        return fail(
                Error::NotFound,
                qrs::tr("process %1 publishes no sharer in %2 (none running, or another user's)")
                        .arg(pid)
                        .arg(publicationDirectory()));
    }
    const QString address = QFile::decodeName(in.readAll().trimmed());
    if (address.isEmpty() || !isListening(address))
        return fail(Error::SharerUnreachable,
                    qrs::tr("the sharer of process %1 is not listening at %2 any more")
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
