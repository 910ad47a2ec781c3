// SPDX-FileCopyrightText: 2026 QtResourceSharer contributors
//
// SPDX-License-Identifier: BSD-3-Clause

// Plain C++ (no Qt): one process held on to, so that "is pid still that very
// process?" cannot be fooled by a pid the kernel has given to someone else.
#pragma once

#include <cstdint>

namespace qrs::platform {

// Linux: a pidfd (pidfd_open, 5.3) where the kernel has one, else the
// process's start time from /proc; Windows: a process handle. Move-only.
class ProcessBinding
{
public:
    ProcessBinding() = default;
    ProcessBinding(ProcessBinding &&other) noexcept;
    ProcessBinding &operator=(ProcessBinding &&other) noexcept;
    ProcessBinding(const ProcessBinding &) = delete;
    ProcessBinding &operator=(const ProcessBinding &) = delete;
    ~ProcessBinding();

    // Binds to the live process pid; invalid (errno set: ESRCH, EMFILE...) if
    // it cannot. A process that has exited (a zombie included) is not live.
    static ProcessBinding open(int64_t pid);
    bool isValid() const { return m_pid > 0; }
    int64_t pid() const { return m_pid; }
    // Whether pid is the bound process and it has not exited. Once it has, its
    // number may belong to another process: false for ever.
    bool matches(int64_t pid) const;

private:
    void reset();
    int64_t m_pid = 0;
    intptr_t m_handle = -1;   // pidfd, or the Windows process handle
    uint64_t m_startTime = 0; // Linux without pidfd: clock ticks after boot
};

} // namespace qrs::platform
