// SPDX-FileCopyrightText: 2026 QtResourceSharer contributors
//
// SPDX-License-Identifier: BSD-3-Clause

#include "process.h"

#include "fdpassing.h"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/syscall.h>
#include <unistd.h>

namespace qrs::platform {

namespace {

// The start time of pid (field 22 of /proc/PID/stat, clock ticks after boot),
// 0 if it cannot be read; *exited: the process is a zombie.
uint64_t startTimeOf(int64_t pid, bool *exited)
{
    char path[32];
    std::snprintf(path, sizeof(path), "/proc/%lld/stat", static_cast<long long>(pid));
    const int fd = ::open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return 0;
    char buffer[1024];
    const ssize_t n = ::read(fd, buffer, sizeof(buffer) - 1);
    closeFd(fd);
    if (n <= 0)
        return 0;
    buffer[n] = '\0';
    // The name, field 2, may hold spaces and parentheses: count from the last ')'.
    const char *p = std::strrchr(buffer, ')');
    if (!p)
        return 0;
    char state = 0;
    unsigned long long start = 0;
    // After ')': state (3), then 18 fields up to starttime (22).
    if (std::sscanf(p + 1,
                    " %c %*s %*s %*s %*s %*s %*s %*s %*s %*s %*s %*s %*s %*s %*s %*s %*s %*s %llu",
                    &state, &start)
        != 2)
        return 0;
    if (exited)
        *exited = state == 'Z' || state == 'X';
    return start;
}

int openPidfd(int64_t pid)
{
#if defined(SYS_pidfd_open)
    return int(::syscall(SYS_pidfd_open, static_cast<pid_t>(pid), 0));
#else
    (void)pid;
    errno = ENOSYS;
    return -1;
#endif
}

bool pidfdExited(int pidfd)
{
    struct pollfd p = {pidfd, POLLIN, 0};
    int n;
    do {
        n = ::poll(&p, 1, 0);
    } while (n < 0 && errno == EINTR);
    return n != 0; // readable once the process has exited; an error counts as gone
}

} // namespace

bool isProcessAlive(int64_t pid)
{
    return pid > 0 && (::kill(pid_t(pid), 0) == 0 || errno == EPERM);
}

void ProcessBinding::reset()
{
    if (m_handle >= 0)
        closeFd(int(m_handle));
    m_handle = -1;
    m_pid = 0;
    m_startTime = 0;
}

ProcessBinding ProcessBinding::open(int64_t pid)
{
    ProcessBinding b;
    if (pid <= 0) {
        errno = ESRCH;
        return b;
    }
    const int pidfd = openPidfd(pid);
    if (pidfd >= 0) {
        if (pidfdExited(pidfd)) {
            closeFd(pidfd);
            errno = ESRCH;
            return b;
        }
        b.m_handle = pidfd;
        b.m_pid = pid;
        return b;
    }
    if (errno != ENOSYS)
        return b; // ESRCH, EMFILE...
    bool exited = false;
    b.m_startTime = startTimeOf(pid, &exited);
    if (b.m_startTime == 0 || exited) {
        b.m_startTime = 0;
        errno = ESRCH;
        return b;
    }
    b.m_pid = pid;
    return b;
}

intptr_t ProcessBinding::endHandle() const
{
    return m_handle;
}

bool ProcessBinding::matches(int64_t pid) const
{
    if (m_pid <= 0 || pid != m_pid)
        return false;
    // While the bound process lives (a zombie too) no other process can have its pid.
    if (m_handle >= 0)
        return !pidfdExited(int(m_handle));
    bool exited = true;
    return startTimeOf(pid, &exited) == m_startTime && !exited;
}

} // namespace qrs::platform
