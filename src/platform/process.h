// SPDX-FileCopyrightText: 2026 QtResourceSharer contributors
//
// SPDX-License-Identifier: BSD-3-Clause

// Plain C++ (no Qt): one process held on to, so that "is pid still that very
// process?" cannot be fooled by a pid the kernel has given to someone else.
#pragma once

#include <cstdint>
#include <utility>

namespace qrs::platform {

// Whether a process with this pid exists (a zombie counts: its pid is taken),
// whoever's it is. The one place that asks.
bool isProcessAlive(int64_t pid);

// Linux: a pidfd (pidfd_open, 5.3) where the kernel has one, else the
// process's start time from /proc; Windows: a process handle. Move-only.
class ProcessBinding
{
public:
    ProcessBinding() = default;
    ProcessBinding(ProcessBinding &&other) noexcept { *this = std::move(other); }
    ProcessBinding &operator=(ProcessBinding &&other) noexcept
    {
        if (this != &other) {
            reset();
            m_pid = std::exchange(other.m_pid, 0);
            m_handle = std::exchange(other.m_handle, -1);
            m_startTime = std::exchange(other.m_startTime, 0);
        }
        return *this;
    }
    ProcessBinding(const ProcessBinding &) = delete;
    ProcessBinding &operator=(const ProcessBinding &) = delete;
    ~ProcessBinding() { reset(); }

    // Binds to the live process pid; invalid (errno set: ESRCH, EMFILE...) if
    // it cannot. A process that has exited (a zombie included) is not live.
    static ProcessBinding open(int64_t pid);
    bool isValid() const { return m_pid > 0; }
    int64_t pid() const { return m_pid; }
    // Whether pid is the bound process and it has not exited. Once it has, its
    // number may belong to another process: false for ever.
    bool matches(int64_t pid) const;
    // What becomes readable when the process ends (its pidfd), for an event
    // loop to watch; -1 where there is none (Windows, Linux before 5.3).
    intptr_t endHandle() const;

private:
    void reset(); // closes the handle, per platform
    int64_t m_pid = 0;
    intptr_t m_handle = -1;   // pidfd, or the Windows process handle
    uint64_t m_startTime = 0; // Linux without pidfd: clock ticks after boot
};

} // namespace qrs::platform
