// SPDX-FileCopyrightText: 2026 QtResourceSharer contributors
//
// SPDX-License-Identifier: BSD-3-Clause

// The descriptor layer's entry points on Windows, where no descriptor travels:
// resources go in band (HandleCourier, handles_win.*). What the portable code
// asks of it still answers; the rest fails with ENOSYS. Plain C++, no Qt.
#include "fdpassing.h"

#include <windows.h>

#include <cerrno>
#include <cstddef>
#include <cstring>
#include <vector>

namespace qrs::platform {

namespace {
template<typename T>
T unsupported(T value)
{
    errno = ENOSYS;
    return value;
}
} // namespace

int dupCloexec(int, int)
{
    return unsupported(-1);
}

void closeFd(int) { }

bool setNonBlocking(int, bool)
{
    return unsupported(false);
}

bool setCloexec(int, bool)
{
    errno = ENOSYS;
    return false;
}

// A Windows socket has no blocking flag for its other holders to see.
std::intptr_t duplicateBlockingSocket(std::intptr_t socket)
{
    return duplicateHandle(socket);
}

bool isValidFd(int)
{
    return unsupported(false);
}

bool peerCredentials(int, PeerCredentials *)
{
    return unsupported(false);
}

bool peerGroups(int, std::vector<uint32_t> *)
{
    return unsupported(false);
}

ssize_t sendWithFds(int, const void *, size_t, const int *, size_t)
{
    return unsupported(ssize_t(-1));
}

ssize_t receiveNonBlocking(int, void *, size_t)
{
    return unsupported(ssize_t(-1));
}

ReceiveResult receiveWithFds(int, void *, size_t, std::vector<int> *, size_t)
{
    return unsupported(ReceiveResult{});
}

bool describe(int, HandleDescription *)
{
    return unsupported(false);
}

std::string makePrivateDirectory(const std::string &, const std::string &)
{
    return unsupported(std::string());
}

int listenUnix(const std::string &, int)
{
    return unsupported(-1);
}

int usableCpuCount()
{
    return 1; // not asked on Windows: nothing there waits awake
}

bool pollAwake(struct pollfd *, size_t, int64_t)
{
    return unsupported(false);
}

namespace {
// This process's handles, from the system's handle table
// (NtQuerySystemInformation, SystemHandleInformation); -1 if it cannot say.
// filesOnly: only those to file objects (files, pipes, sockets: what a
// descriptor is on Unix), not the events, threads and the like that Qt makes
// and drops as it likes. A pipe made for the purpose tells which object type
// is a file. (The table holds handle values in 16 bits: enough for a test's
// process, which is what this is for.)
int countHandles(bool filesOnly)
{
    struct Entry // SYSTEM_HANDLE_TABLE_ENTRY_INFO
    {
        ULONG pid;
        UCHAR objectType;
        UCHAR flags;
        USHORT handle;
        PVOID object;
        ACCESS_MASK access;
    };
    struct Table // SYSTEM_HANDLE_INFORMATION: a count, then the entries
    {
        ULONG count;
        Entry first;
    };
    using Query = LONG(WINAPI *)(int, void *, ULONG, ULONG *);
    const auto query = reinterpret_cast<Query>(reinterpret_cast<void (*)()>(
            ::GetProcAddress(::GetModuleHandleW(L"ntdll.dll"), "NtQuerySystemInformation")));
    HANDLE probeRead = nullptr, probeWrite = nullptr;
    if (!query || !::CreatePipe(&probeRead, &probeWrite, nullptr, 0))
        return -1;
    constexpr int SystemHandleInformation = 16;
    constexpr LONG InfoLengthMismatch = LONG(0xC0000004);
    std::vector<unsigned char> buffer(1 << 20);
    LONG status;
    ULONG needed = 0;
    while ((status = query(SystemHandleInformation, buffer.data(), ULONG(buffer.size()), &needed))
           == InfoLengthMismatch)
        buffer.resize(buffer.size() * 2);
    ::CloseHandle(probeRead);
    ::CloseHandle(probeWrite);
    if (status != 0)
        return -1;
    ULONG entries = 0;
    std::memcpy(&entries, buffer.data(), sizeof(entries));
    std::vector<Entry> mine;
    for (ULONG i = 0; i < entries; ++i) {
        Entry e;
        std::memcpy(&e, buffer.data() + offsetof(Table, first) + i * sizeof(Entry), sizeof(Entry));
        if (e.pid == ::GetCurrentProcessId())
            mine.push_back(e);
    }
    const USHORT probe = USHORT(reinterpret_cast<std::uintptr_t>(probeRead));
    int fileType = -1;
    for (const Entry &e : mine) {
        if (e.handle == probe)
            fileType = e.objectType;
    }
    if (fileType < 0)
        return -1;
    int count = -2; // the probe's two ends
    for (const Entry &e : mine) {
        if (!filesOnly || e.objectType == fileType)
            ++count;
    }
    return count;
}
} // namespace

int openFdCount()
{
    return countHandles(true);
}

int openHandleCount()
{
    return countHandles(false);
}

size_t maxUnixPathLength()
{
    return 256; // the longest pipe name
}

std::string errorText(int errnoValue)
{
    return std::strerror(errnoValue);
}

} // namespace qrs::platform
