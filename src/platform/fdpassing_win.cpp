// SPDX-FileCopyrightText: 2026 QtResourceSharer contributors
//
// SPDX-License-Identifier: BSD-3-Clause

// The descriptor layer's entry points on Windows, where no descriptor travels:
// resources go in band (HandleCourier, handles_win.*). What the portable code
// asks of it still answers; the rest fails with ENOSYS. Plain C++, no Qt.
#include "fdpassing.h"

#include <windows.h>

#include <cerrno>
#include <cstring>

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

bool isValidFd(int)
{
    return unsupported(false);
}

bool peerCredentials(int, PeerCredentials *)
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

int openFdCount()
{
    DWORD count = 0;
    return ::GetProcessHandleCount(::GetCurrentProcess(), &count) ? int(count) : -1;
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
