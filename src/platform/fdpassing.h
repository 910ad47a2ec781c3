// SPDX-FileCopyrightText: 2026 QtResourceSharer contributors
//
// SPDX-License-Identifier: BSD-3-Clause

// Plain C++ (no Qt) wrappers around the Unix system calls the sharer needs:
// close-on-exec dups, SCM_RIGHTS send/receive, peer credentials, describing a
// descriptor, private directories. Every function reports failure through its
// return value and leaves errno set, like the calls it wraps.
#pragma once

#include "handles.h"

#include <sys/types.h>

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

struct pollfd;

namespace qrs::platform {

// dup() with FD_CLOEXEC set atomically; the new descriptor is >= minFd.
int dupCloexec(int fd, int minFd = 0);
// close() that does not retry on EINTR (Linux closes the fd anyway).
void closeFd(int fd);
bool setNonBlocking(int fd, bool nonBlocking);
// Sets or clears FD_CLOEXEC; false with errno set.
bool setCloexec(int fd, bool cloexec);
// A duplicate of a socket for another program, as systemd hands one: blocking,
// and inherited by no child (close-on-exec); -1 with errno set.
std::intptr_t duplicateBlockingSocket(std::intptr_t socket);
bool isValidFd(int fd);

struct PeerCredentials
{
    int64_t pid = -1;
    uint32_t uid = 0;
    uint32_t gid = 0;
};
// The credentials the kernel recorded for the peer of a connected local socket.
bool peerCredentials(int socketFd, PeerCredentials *out);
// The peer's supplementary groups, as the kernel recorded them at connect()
// (SO_PEERGROUPS, Linux 4.13). False (errno set) where it cannot say.
bool peerGroups(int socketFd, std::vector<uint32_t> *out);

// Sends len bytes with the descriptors (at most 253) attached to the first byte
// (SCM_RIGHTS). Never blocks (EAGAIN instead) and never raises SIGPIPE. Returns
// bytes sent, or -1 with errno set.
ssize_t sendWithFds(int socketFd, const void *data, size_t len, const int *fds, size_t fdCount);

// recv() that never blocks (EAGAIN instead). Returns bytes received, 0 at end
// of stream, or -1 with errno set.
ssize_t receiveNonBlocking(int socketFd, void *data, size_t len);

struct ReceiveResult
{
    ssize_t bytes = -1;     // 0 on orderly shutdown, -1 on error (errno set)
    bool truncated = false; // MSG_CTRUNC: the kernel dropped descriptors
};
// Receives up to len bytes; descriptors that arrive (close-on-exec) are appended
// to *fds. maxFds bounds the control buffer.
ReceiveResult receiveWithFds(int socketFd, void *data, size_t len, std::vector<int> *fds,
                             size_t maxFds);

// A datagram socket bound to path (a leading NUL: an abstract name;
// non-blocking, close-on-exec) that receives
// each sender's credentials with its datagrams (SO_PASSCRED): what a service
// manager listens on for sd_notify. -1 with errno set.
int bindNotifySocket(const std::string &path);

struct Datagram
{
    ssize_t bytes = -1; // the datagram's whole length (more than len: truncated); -1: errno
    bool hasCredentials = false;
    PeerCredentials sender; // as the kernel recorded them at send time
    std::vector<int> fds;   // descriptors that came with it (close-on-exec, owned)
};
// Receives one datagram without blocking (EAGAIN when none is queued).
Datagram receiveDatagram(int socketFd, void *data, size_t len);

// Describes an open descriptor for the cache's metadata. Returns false (errno
// set) only when fd is not an open descriptor.
bool describe(int fd, HandleDescription *out);

// Where this process's private directories go: $XDG_RUNTIME_DIR if it is a
// directory this user owns and may write, else $TMPDIR, else /tmp. With
// forOtherUsers, never $XDG_RUNTIME_DIR (0700: other users cannot traverse it).
std::string runtimeBase(bool forOtherUsers = false);

// Creates a fresh directory base/prefixXXXXXX with mode 0700 and returns its path
// (empty on failure, errno set).
std::string makePrivateDirectory(const std::string &base, const std::string &prefix);

// A listening AF_UNIX stream socket bound to path (close-on-exec).
int listenUnix(const std::string &path, int backlog);

// CPUs the calling thread may run on (its affinity mask), at least 1.
int usableCpuCount();

// Polls fds for their events without sleeping, yielding the CPU between polls,
// for at most budgetNs: true as soon as one is ready (revents set), false once
// the budget is spent or poll() fails. Waiting awake for a reply that is a few
// microseconds away spares a sleep and a wake-up, which cost more than that
// where an idle CPU halts (a virtual machine); yielding lets a peer on this
// CPU answer meanwhile.
bool pollAwake(struct pollfd *fds, size_t count, int64_t budgetNs);

// Number of descriptors this process has open (from /proc/self/fd; on Windows
// its handles to files, pipes and sockets, from the system's handle table), or -1.
int openFdCount();
// On Windows every handle of this process (events, threads, ... too); on Unix
// openFdCount().
int openHandleCount();

// The longest path an AF_UNIX socket address can hold here.
size_t maxUnixPathLength();

std::string errorText(int errnoValue);

} // namespace qrs::platform
