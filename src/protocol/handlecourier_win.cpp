// SPDX-FileCopyrightText: 2026 QtResourceSharer contributors
//
// SPDX-License-Identifier: BSD-3-Clause

// Windows: the Win32 courier. Sockets travel by their WSAPROTOCOL_INFOW,
// other handles by DuplicateHandle into the receiver.

#include "handlecourier_p.h"

#include "handles_win.h"
#include "logging_p.h"
#include "text_p.h"

#include <QtEndian>

#include <string>

namespace qrs {

namespace {

namespace win = platform::win;

QString windowsErrorText(unsigned long code)
{
    return QString::fromStdString(win::errorText(code));
}

// Sockets by their WSAPROTOCOL_INFOW, any other handle by its value in the
// receiver (8 bytes, little-endian). The peer is the pipe's client pid; the
// pipe's DACL (QLocalServer::UserAccessOption) admits only this user, so every
// peer has this process's "uid", 0.
class Win32Courier final : public HandleCourier
{
public:
    bool makeOver(NativeHandle handle, ResourceKind kind, qint64 pid, QByteArray *data,
                  QString *error) override
    {
        unsigned long code = 0;
        if (kind == ResourceKind::Socket) {
            std::string info;
            if (!win::duplicateSocketFor(win::Socket(handle), static_cast<unsigned long>(pid),
                                         &info, &code)) {
                *error = windowsErrorText(code);
                return false;
            }
            *data = QByteArray(info.data(), qsizetype(info.size()));
            return true;
        }
        std::uint64_t remote = 0;
        if (!win::duplicateHandleInto(reinterpret_cast<win::Handle>(handle),
                                      static_cast<unsigned long>(pid), &remote, &code)) {
            *error = windowsErrorText(code);
            return false;
        }
        data->resize(8);
        qToLittleEndian(quint64(remote), data->data());
        return true;
    }

    void takeBack(ResourceKind kind, const QByteArray &data, qint64 pid) override
    {
        // A socket's protocol info makes nothing in the receiver until it is used.
        if (kind == ResourceKind::Socket || data.size() != 8)
            return;
        unsigned long code = 0;
        if (!win::closeHandleIn(static_cast<unsigned long>(pid),
                                qFromLittleEndian<quint64>(data.constData()), &code))
            qCWarning(lcSharer) << "cannot close the handle made over to pid" << pid << ":"
                                << windowsErrorText(code);
    }

    bool peer(qintptr socketDescriptor, platform::PeerCredentials *out) override
    {
        unsigned long pid = 0;
        unsigned long code = 0;
        if (!win::namedPipeClientPid(reinterpret_cast<win::Handle>(socketDescriptor), &pid, &code))
            return false;
        out->pid = qint64(pid);
        out->uid = 0;
        out->gid = 0;
        return true;
    }

    NativeHandle adopt(ResourceKind kind, const QByteArray &data, QString *error) override
    {
        unsigned long code = 0;
        if (kind == ResourceKind::Socket) {
            const win::Socket s = win::socketFromProtocolInfo(
                    std::string(data.constData(), size_t(data.size())), &code);
            if (s == win::InvalidSocket) {
                *error = windowsErrorText(code);
                return -1;
            }
            return NativeHandle(s);
        }
        if (data.size() != 8) {
            *error = qrs::tr("a handle is 8 bytes, not %1").arg(data.size());
            return -1;
        }
        return NativeHandle(qFromLittleEndian<quint64>(data.constData()));
    }

    void discard(ResourceKind kind, NativeHandle handle) override
    {
        if (kind == ResourceKind::Socket)
            win::closeSocket(win::Socket(handle));
        else
            win::closeHandle(reinterpret_cast<win::Handle>(handle));
    }
};

} // namespace

HandleCourier *HandleCourier::forPlatform()
{
    static Win32Courier courier;
    static const bool winsock = [] {
        unsigned long code = 0;
        const bool ok = win::startWinsock(&code);
        if (!ok) // handles other than sockets still travel
            qCWarning(lcSharer) << "Winsock is not available:" << windowsErrorText(code);
        return ok;
    }();
    Q_UNUSED(winsock);
    return &courier;
}

} // namespace qrs
