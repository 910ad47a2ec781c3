// SPDX-FileCopyrightText: 2026 QtResourceSharer contributors
//
// SPDX-License-Identifier: BSD-3-Clause

#include "handles_win.h"

// winsock2.h must come before windows.h.
// clang-format off
#include <winsock2.h>
#include <ws2tcpip.h>
#include <windows.h>
// clang-format on

#include <cerrno>
#include <cstring>
#include <vector>

namespace qrs::platform::win {

bool startWinsock(unsigned long *error)
{
    WSADATA data;
    const int r = ::WSAStartup(MAKEWORD(2, 2), &data);
    if (r != 0)
        *error = unsigned(r);
    return r == 0;
}

bool duplicateSocketFor(Socket socket, unsigned long pid, std::string *protocolInfo,
                        unsigned long *error)
{
    WSAPROTOCOL_INFOW info;
    if (::WSADuplicateSocketW(SOCKET(socket), DWORD(pid), &info) != 0) {
        *error = unsigned(::WSAGetLastError());
        return false;
    }
    protocolInfo->assign(reinterpret_cast<const char *>(&info), sizeof(info));
    return true;
}

Socket socketFromProtocolInfo(const std::string &protocolInfo, unsigned long *error)
{
    if (protocolInfo.size() != sizeof(WSAPROTOCOL_INFOW)) {
        *error = WSAEINVAL;
        return InvalidSocket;
    }
    WSAPROTOCOL_INFOW info;
    std::memcpy(&info, protocolInfo.data(), sizeof(info));
    const SOCKET s = ::WSASocketW(FROM_PROTOCOL_INFO, FROM_PROTOCOL_INFO, FROM_PROTOCOL_INFO, &info,
                                  0, WSA_FLAG_OVERLAPPED | WSA_FLAG_NO_HANDLE_INHERIT);
    if (s == INVALID_SOCKET) {
        *error = unsigned(::WSAGetLastError());
        return InvalidSocket;
    }
    return Socket(s);
}

bool duplicateHandleInto(Handle handle, unsigned long pid, std::uint64_t *remote,
                         unsigned long *error)
{
    const HANDLE target = ::OpenProcess(PROCESS_DUP_HANDLE, FALSE, DWORD(pid));
    if (!target) {
        *error = ::GetLastError();
        return false;
    }
    HANDLE there = nullptr;
    const BOOL ok = ::DuplicateHandle(::GetCurrentProcess(), HANDLE(handle), target, &there, 0,
                                      FALSE, DUPLICATE_SAME_ACCESS);
    if (!ok)
        *error = ::GetLastError();
    ::CloseHandle(target);
    if (ok)
        *remote = std::uint64_t(reinterpret_cast<std::uintptr_t>(there));
    return ok;
}

bool closeHandleIn(unsigned long pid, std::uint64_t remote, unsigned long *error)
{
    const HANDLE target = ::OpenProcess(PROCESS_DUP_HANDLE, FALSE, DWORD(pid));
    if (!target) {
        *error = ::GetLastError();
        return false;
    }
    // Moved here (DUPLICATE_CLOSE_SOURCE closes it there), then closed here.
    HANDLE here = nullptr;
    const BOOL ok =
            ::DuplicateHandle(target, HANDLE(std::uintptr_t(remote)), ::GetCurrentProcess(), &here,
                              0, FALSE, DUPLICATE_CLOSE_SOURCE | DUPLICATE_SAME_ACCESS);
    if (ok)
        ::CloseHandle(here);
    else
        *error = ::GetLastError();
    ::CloseHandle(target);
    return ok;
}

void closeSocket(Socket socket)
{
    if (socket != InvalidSocket)
        ::closesocket(SOCKET(socket));
}

void closeHandle(Handle handle)
{
    if (handle && handle != INVALID_HANDLE_VALUE)
        ::CloseHandle(HANDLE(handle));
}

bool isSocket(Socket socket)
{
    int type = 0;
    int len = sizeof(type);
    return ::getsockopt(SOCKET(socket), SOL_SOCKET, SO_TYPE, reinterpret_cast<char *>(&type), &len)
            == 0;
}

bool isOpenHandle(Handle handle)
{
    // Negative values are pseudo-handles (-1 is this process, which is also
    // INVALID_HANDLE_VALUE): always "open", never a resource of ours.
    DWORD flags = 0;
    return std::intptr_t(handle) >= 0 && ::GetHandleInformation(HANDLE(handle), &flags) != FALSE;
}

bool isProcessAlive(unsigned long pid)
{
    const HANDLE process = ::OpenProcess(SYNCHRONIZE, FALSE, DWORD(pid));
    if (!process)
        return ::GetLastError() == ERROR_ACCESS_DENIED; // there, but not ours to open
    const bool running = ::WaitForSingleObject(process, 0) == WAIT_TIMEOUT;
    ::CloseHandle(process);
    return running;
}

bool namedPipeClientPid(Handle pipe, unsigned long *pid, unsigned long *error)
{
    ULONG client = 0;
    if (!::GetNamedPipeClientProcessId(HANDLE(pipe), &client)) {
        *error = ::GetLastError();
        return false;
    }
    *pid = client;
    return true;
}

namespace {

std::string toUtf8(const wchar_t *text, int length)
{
    const int size = ::WideCharToMultiByte(CP_UTF8, 0, text, length, nullptr, 0, nullptr, nullptr);
    std::string out(size_t(size > 0 ? size : 0), '\0');
    if (size > 0)
        ::WideCharToMultiByte(CP_UTF8, 0, text, length, out.data(), size, nullptr, nullptr);
    return out;
}

bool describeSocket(SOCKET s, HandleDescription *out)
{
    int type = 0;
    int length = sizeof(type);
    if (::getsockopt(s, SOL_SOCKET, SO_TYPE, reinterpret_cast<char *>(&type), &length) != 0)
        return false; // not a socket
    out->kind = HandleKind::Socket;
    out->socketType = type == SOCK_STREAM ? SocketType::Stream
            : type == SOCK_DGRAM          ? SocketType::Datagram
            : type == SOCK_SEQPACKET      ? SocketType::SeqPacket
                                          : SocketType::Other;
    BOOL accepting = FALSE;
    length = sizeof(accepting);
    if (::getsockopt(s, SOL_SOCKET, SO_ACCEPTCONN, reinterpret_cast<char *>(&accepting), &length)
        == 0)
        out->listening = accepting != FALSE;
    sockaddr_storage address;
    int addressLength = sizeof(address);
    if (::getsockname(s, reinterpret_cast<sockaddr *>(&address), &addressLength) == 0) {
        out->socketFamily = address.ss_family == AF_INET ? SocketFamily::IPv4
                : address.ss_family == AF_INET6          ? SocketFamily::IPv6
                : address.ss_family == AF_UNIX           ? SocketFamily::Unix
                                                         : SocketFamily::Other;
        char host[NI_MAXHOST];
        char port[NI_MAXSERV];
        if (::getnameinfo(reinterpret_cast<sockaddr *>(&address), addressLength, host, sizeof(host),
                          port, sizeof(port), NI_NUMERICHOST | NI_NUMERICSERV)
            == 0) {
            out->localAddress = host;
            out->localPort = std::atoi(port);
        }
    }
    return true;
}

} // namespace

bool describe(Handle handle, HandleDescription *out)
{
    *out = HandleDescription();
    if (describeSocket(SOCKET(reinterpret_cast<std::uintptr_t>(handle)), out))
        return true;
    switch (::GetFileType(HANDLE(handle))) {
    case FILE_TYPE_DISK: {
        out->kind = HandleKind::File;
        wchar_t path[MAX_PATH + 1];
        const DWORD n =
                ::GetFinalPathNameByHandleW(HANDLE(handle), path, MAX_PATH, FILE_NAME_NORMALIZED);
        if (n > 0 && n <= MAX_PATH)
            out->path = toUtf8(path, int(n));
        return true;
    }
    case FILE_TYPE_PIPE:
        out->kind = HandleKind::Pipe;
        return true;
    case FILE_TYPE_CHAR:
        out->kind = HandleKind::CharDevice;
        return true;
    default:
        return ::GetLastError() == NO_ERROR;
    }
}

std::string errorText(unsigned long code)
{
    wchar_t *buffer = nullptr;
    const DWORD n = ::FormatMessageW(FORMAT_MESSAGE_ALLOCATE_BUFFER | FORMAT_MESSAGE_FROM_SYSTEM
                                             | FORMAT_MESSAGE_IGNORE_INSERTS,
                                     nullptr, DWORD(code), 0, reinterpret_cast<wchar_t *>(&buffer),
                                     0, nullptr);
    std::string text = n ? toUtf8(buffer, int(n)) : "error " + std::to_string(code);
    if (buffer)
        ::LocalFree(buffer);
    while (!text.empty() && (text.back() == '\n' || text.back() == '\r' || text.back() == ' '))
        text.pop_back();
    return text;
}

} // namespace qrs::platform::win

// The operations both platforms share (handles.h): a SOCKET or a HANDLE.
namespace qrs::platform {

bool isOpenHandle(std::intptr_t handle)
{
    return win::isOpenHandle(reinterpret_cast<win::Handle>(handle));
}

void closeHandle(std::intptr_t handle)
{
    if (handle == -1)
        return;
    if (win::isSocket(win::Socket(handle)))
        win::closeSocket(win::Socket(handle));
    else
        win::closeHandle(reinterpret_cast<win::Handle>(handle));
}

bool isSocketHandle(std::intptr_t handle)
{
    return win::isSocket(win::Socket(handle));
}

namespace {
// Says a Win32 or Winsock failure in errno, as the Unix half does: EBADF for
// what is not an open handle, EMFILE when out of handles, else EIO.
std::intptr_t failWith(unsigned long code)
{
    switch (code) {
    case ERROR_INVALID_HANDLE:
    case WSAENOTSOCK:
        errno = EBADF;
        break;
    case ERROR_TOO_MANY_OPEN_FILES:
    case ERROR_NO_SYSTEM_RESOURCES:
    case WSAEMFILE:
    case WSAENOBUFS:
        errno = EMFILE;
        break;
    default:
        errno = EIO;
    }
    return -1;
}
} // namespace

std::intptr_t duplicateHandle(std::intptr_t handle)
{
    if (handle < 0) // a pseudo-handle (-1: this process), not a resource
        return failWith(ERROR_INVALID_HANDLE);
    unsigned long code = 0;
    const unsigned long self = ::GetCurrentProcessId();
    if (win::isSocket(win::Socket(handle))) {
        std::string info;
        if (!win::duplicateSocketFor(win::Socket(handle), self, &info, &code))
            return failWith(code);
        const win::Socket copy = win::socketFromProtocolInfo(info, &code);
        return copy == win::InvalidSocket ? failWith(code) : std::intptr_t(copy);
    }
    std::uint64_t copy = 0;
    if (!win::duplicateHandleInto(reinterpret_cast<win::Handle>(handle), self, &copy, &code))
        return failWith(code);
    return std::intptr_t(copy);
}

bool describeHandle(std::intptr_t handle, HandleDescription *out)
{
    return win::describe(reinterpret_cast<win::Handle>(handle), out);
}

} // namespace qrs::platform
