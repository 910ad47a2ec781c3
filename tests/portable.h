// SPDX-FileCopyrightText: 2026 QtResourceSharer contributors
//
// SPDX-License-Identifier: BSD-3-Clause

// What the tests and their helper process do with resources on both
// platforms: a pipe, reading and writing a handle, closing it, counting what
// is open. A descriptor on Unix; a HANDLE or SOCKET on Windows (qrs::NativeHandle).
#pragma once

#include <qrs/global.h>

#include "fdpassing.h"
#include "handles.h"

#include <QByteArray>

#include <utility>

#ifdef Q_OS_WIN
#ifndef Q_MOC_RUN // moc needs none of it, and parsing it took most of moc's time a suite
#include <windows.h>
#endif
#else
#include <fcntl.h>
#include <unistd.h>
#endif

namespace qrstest {

inline void closeHandle(qrs::NativeHandle handle)
{
    qrs::platform::closeHandle(handle);
}

// Both ends of an anonymous pipe, neither inherited by children
// (close-on-exec); what is still open is closed on destruction.
class Pipe
{
public:
    Pipe()
    {
#ifdef Q_OS_WIN
        HANDLE r = nullptr, w = nullptr;
        if (::CreatePipe(&r, &w, nullptr, 0)) {
            m_read = qrs::NativeHandle(r);
            m_write = qrs::NativeHandle(w);
        }
#else
        int fds[2];
        if (::pipe2(fds, O_CLOEXEC) == 0) {
            m_read = fds[0];
            m_write = fds[1];
        }
#endif
    }
    ~Pipe()
    {
        closeRead();
        closeWrite();
    }
    bool isValid() const
    {
        return m_read >= 0 && m_write >= 0;
    }
    qrs::NativeHandle readEnd() const
    {
        return m_read;
    }
    qrs::NativeHandle writeEnd() const
    {
        return m_write;
    }
    // Hands an end over (to a call that takes ownership): the pipe forgets it.
    qrs::NativeHandle takeRead()
    {
        return std::exchange(m_read, -1);
    }
    qrs::NativeHandle takeWrite()
    {
        return std::exchange(m_write, -1);
    }
    void closeRead()
    {
        close(&m_read);
    }
    void closeWrite()
    {
        close(&m_write);
    }

private:
    static void close(qrs::NativeHandle *handle)
    {
        if (*handle >= 0)
            qrstest::closeHandle(*handle);
        *handle = -1;
    }
    qrs::NativeHandle m_read = -1;
    qrs::NativeHandle m_write = -1;
    Q_DISABLE_COPY_MOVE(Pipe)
};

// A value that names nothing open: on Unix a descriptor just closed; on
// Windows, where the next handle made takes a closed one's value at once, one
// far above any this process will make.
inline qrs::NativeHandle notOpenHandle()
{
#ifdef Q_OS_WIN
    qrs::NativeHandle handle = 0x100000;
    while (qrs::platform::isOpenHandle(handle))
        handle += 4;
    return handle;
#else
    Pipe pipe;
    return pipe.readEnd(); // closed with the pipe
#endif
}

// Writes all of bytes to handle (a file or a pipe); false on error.
inline bool writeTo(qrs::NativeHandle handle, const QByteArray &bytes)
{
#ifdef Q_OS_WIN
    DWORD written = 0;
    return ::WriteFile(HANDLE(handle), bytes.constData(), DWORD(bytes.size()), &written, nullptr)
            && written == DWORD(bytes.size());
#else
    return ::write(handle, bytes.constData(), size_t(bytes.size())) == bytes.size();
#endif
}

// What one read of up to max bytes from handle returns (empty at the end or on error).
inline QByteArray readFrom(qrs::NativeHandle handle, int max = 4096)
{
    QByteArray bytes(max, Qt::Uninitialized);
#ifdef Q_OS_WIN
    DWORD n = 0;
    if (!::ReadFile(HANDLE(handle), bytes.data(), DWORD(max), &n, nullptr))
        n = 0;
#else
    ssize_t n = ::read(handle, bytes.data(), size_t(max));
    if (n < 0)
        n = 0;
#endif
    bytes.resize(qsizetype(n));
    return bytes;
}

// Whether children inherit handle (on Unix: it lacks close-on-exec).
inline bool isInherited(qrs::NativeHandle handle)
{
#ifdef Q_OS_WIN
    DWORD flags = 0;
    return ::GetHandleInformation(HANDLE(handle), &flags) && (flags & HANDLE_FLAG_INHERIT);
#else
    return !(::fcntl(handle, F_GETFD) & FD_CLOEXEC);
#endif
}

// How many descriptors (Windows: handles) this process has open.
inline int openFds()
{
    return qrs::platform::openFdCount();
}

} // namespace qrstest
