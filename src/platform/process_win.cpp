// SPDX-FileCopyrightText: 2026 QtResourceSharer contributors
//
// SPDX-License-Identifier: BSD-3-Clause

#include "process.h"

#include "handles_win.h"

// clang-format off
#include <winsock2.h>
#include <windows.h>
// clang-format on

#include <cerrno>

namespace qrs::platform {

bool isProcessAlive(int64_t pid)
{
    return pid > 0 && win::isProcessAlive(static_cast<unsigned long>(pid));
}

void ProcessBinding::reset()
{
    if (m_handle != -1)
        ::CloseHandle(HANDLE(m_handle));
    m_handle = -1;
    m_pid = 0;
}

ProcessBinding ProcessBinding::open(int64_t pid)
{
    ProcessBinding b;
    // A handle keeps the process object, and so its id, from being reused.
    const HANDLE process = pid > 0 ? ::OpenProcess(SYNCHRONIZE, FALSE, DWORD(pid)) : nullptr;
    if (!process || ::WaitForSingleObject(process, 0) != WAIT_TIMEOUT) {
        if (process)
            ::CloseHandle(process);
        errno = ESRCH;
        return b;
    }
    b.m_handle = intptr_t(process);
    b.m_pid = pid;
    return b;
}

intptr_t ProcessBinding::endHandle() const
{
    return -1; // a process handle is not something QSocketNotifier watches
}

bool ProcessBinding::matches(int64_t pid) const
{
    return m_pid > 0 && pid == m_pid && ::WaitForSingleObject(HANDLE(m_handle), 0) == WAIT_TIMEOUT;
}

} // namespace qrs::platform
