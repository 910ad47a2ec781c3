// SPDX-FileCopyrightText: 2026 QtResourceSharer contributors
//
// SPDX-License-Identifier: BSD-3-Clause

#include "fdpassing.h"

#include <dirent.h>
#include <fcntl.h>
#include <netdb.h>
#include <netinet/in.h>
#include <poll.h>
#include <sched.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstdlib>
#include <cstring>

namespace qrs::platform {

namespace {
// path as an AF_UNIX address; false (ENAMETOOLONG) if it is empty or too long.
bool unixAddress(const std::string &path, struct sockaddr_un *addr)
{
    *addr = {};
    addr->sun_family = AF_UNIX;
    if (path.empty() || path.size() >= sizeof(addr->sun_path)) {
        errno = ENAMETOOLONG;
        return false;
    }
    std::memcpy(addr->sun_path, path.data(), path.size());
    return true;
}
} // namespace

int dupCloexec(int fd, int minFd)
{
    int r;
    do {
        r = ::fcntl(fd, F_DUPFD_CLOEXEC, minFd);
    } while (r < 0 && errno == EINTR);
    return r;
}

void closeFd(int fd)
{
    if (fd >= 0) {
        const int saved = errno;
        ::close(fd);
        errno = saved;
    }
}

bool setNonBlocking(int fd, bool nonBlocking)
{
    const int flags = ::fcntl(fd, F_GETFL);
    if (flags < 0)
        return false;
    const int wanted = nonBlocking ? (flags | O_NONBLOCK) : (flags & ~O_NONBLOCK);
    return wanted == flags || ::fcntl(fd, F_SETFL, wanted) == 0;
}

bool isValidFd(int fd)
{
    return fd >= 0 && ::fcntl(fd, F_GETFD) != -1;
}

bool peerCredentials(int socketFd, PeerCredentials *out)
{
#if defined(SO_PEERCRED)
    struct ucred cred = {};
    socklen_t len = sizeof(cred);
    if (::getsockopt(socketFd, SOL_SOCKET, SO_PEERCRED, &cred, &len) != 0)
        return false;
    out->pid = cred.pid;
    out->uid = cred.uid;
    out->gid = cred.gid;
    return true;
#else
    (void)socketFd;
    (void)out;
    errno = ENOSYS;
    return false;
#endif
}

bool peerGroups(int socketFd, std::vector<uint32_t> *out)
{
#if defined(SO_PEERGROUPS)
    std::vector<gid_t> groups(64);
    for (;;) {
        socklen_t len = socklen_t(groups.size() * sizeof(gid_t));
        if (::getsockopt(socketFd, SOL_SOCKET, SO_PEERGROUPS, groups.data(), &len) == 0) {
            out->assign(groups.begin(), groups.begin() + len / sizeof(gid_t));
            return true;
        }
        // ERANGE: len says how much room it needs.
        if (errno != ERANGE || len <= groups.size() * sizeof(gid_t))
            return false;
        groups.resize(len / sizeof(gid_t));
    }
#else
    (void)socketFd;
    (void)out;
    errno = ENOSYS;
    return false;
#endif
}

ssize_t sendWithFds(int socketFd, const void *data, size_t len, const int *fds, size_t fdCount)
{
    struct iovec iov = {const_cast<void *>(data), len};
    struct msghdr msg = {};
    msg.msg_iov = &iov;
    msg.msg_iovlen = 1;
    // The kernel takes at most SCM_MAX_FD (253) descriptors per message: room
    // for them on the stack, no allocation per send.
    constexpr size_t MaxFdsPerMessage = 253;
    if (fdCount > MaxFdsPerMessage) {
        errno = EINVAL;
        return -1;
    }
    alignas(struct cmsghdr) char control[CMSG_SPACE(MaxFdsPerMessage * sizeof(int))];
    if (fdCount > 0) {
        msg.msg_control = control;
        msg.msg_controllen = CMSG_SPACE(fdCount * sizeof(int));
        struct cmsghdr *cmsg = CMSG_FIRSTHDR(&msg);
        cmsg->cmsg_level = SOL_SOCKET;
        cmsg->cmsg_type = SCM_RIGHTS;
        cmsg->cmsg_len = CMSG_LEN(fdCount * sizeof(int));
        std::memcpy(CMSG_DATA(cmsg), fds, fdCount * sizeof(int));
    }
    ssize_t r;
    do {
        r = ::sendmsg(socketFd, &msg, MSG_NOSIGNAL | MSG_DONTWAIT);
    } while (r < 0 && errno == EINTR);
    return r;
}

ssize_t receiveNonBlocking(int socketFd, void *data, size_t len)
{
    return ::recv(socketFd, data, len, MSG_DONTWAIT);
}

ReceiveResult receiveWithFds(int socketFd, void *data, size_t len, std::vector<int> *fds,
                             size_t maxFds)
{
    struct iovec iov = {data, len};
    struct msghdr msg = {};
    msg.msg_iov = &iov;
    msg.msg_iovlen = 1;
    std::vector<char> control(CMSG_SPACE((maxFds ? maxFds : 1) * sizeof(int)));
    msg.msg_control = control.data();
    msg.msg_controllen = control.size();

    ReceiveResult result;
    do {
        result.bytes = ::recvmsg(socketFd, &msg, MSG_CMSG_CLOEXEC);
    } while (result.bytes < 0 && errno == EINTR);
    if (result.bytes < 0)
        return result;
    result.truncated = (msg.msg_flags & MSG_CTRUNC) != 0;
    for (struct cmsghdr *cmsg = CMSG_FIRSTHDR(&msg); cmsg; cmsg = CMSG_NXTHDR(&msg, cmsg)) {
        if (cmsg->cmsg_level != SOL_SOCKET || cmsg->cmsg_type != SCM_RIGHTS)
            continue;
        const size_t count = (cmsg->cmsg_len - CMSG_LEN(0)) / sizeof(int);
        const auto *p = reinterpret_cast<const unsigned char *>(CMSG_DATA(cmsg));
        for (size_t i = 0; i < count; ++i) {
            int fd;
            std::memcpy(&fd, p + i * sizeof(int), sizeof(int));
            fds->push_back(fd);
        }
    }
    return result;
}

int bindNotifySocket(const std::string &path)
{
    struct sockaddr_un addr;
    if (!unixAddress(path, &addr))
        return -1;
    const int fd = ::socket(AF_UNIX, SOCK_DGRAM | SOCK_CLOEXEC | SOCK_NONBLOCK, 0);
    const int on = 1;
    if (fd < 0)
        return -1;
    // An abstract name (leading NUL) is exactly its bytes long.
    const socklen_t length = path[0] == '\0'
            ? socklen_t(offsetof(struct sockaddr_un, sun_path) + path.size())
            : socklen_t(sizeof(addr));
    if (::setsockopt(fd, SOL_SOCKET, SO_PASSCRED, &on, sizeof(on)) != 0
        || ::bind(fd, reinterpret_cast<sockaddr *>(&addr), length) != 0) {
        closeFd(fd);
        return -1;
    }
    return fd;
}

Datagram receiveDatagram(int socketFd, void *data, size_t len)
{
    struct iovec iov = {data, len};
    struct msghdr msg = {};
    msg.msg_iov = &iov;
    msg.msg_iovlen = 1;
    // Room for the credentials and as many descriptors as one message can carry.
    alignas(struct cmsghdr) char
            control[CMSG_SPACE(sizeof(struct ucred)) + CMSG_SPACE(253 * sizeof(int))];
    msg.msg_control = control;
    msg.msg_controllen = sizeof(control);

    Datagram result;
    do {
        result.bytes = ::recvmsg(socketFd, &msg, MSG_DONTWAIT | MSG_TRUNC | MSG_CMSG_CLOEXEC);
    } while (result.bytes < 0 && errno == EINTR);
    if (result.bytes < 0)
        return result;
    for (struct cmsghdr *cmsg = CMSG_FIRSTHDR(&msg); cmsg; cmsg = CMSG_NXTHDR(&msg, cmsg)) {
        if (cmsg->cmsg_level != SOL_SOCKET)
            continue;
        if (cmsg->cmsg_type == SCM_CREDENTIALS
            && cmsg->cmsg_len == CMSG_LEN(sizeof(struct ucred))) {
            struct ucred cred;
            std::memcpy(&cred, CMSG_DATA(cmsg), sizeof(cred));
            result.hasCredentials = true;
            result.sender.pid = cred.pid;
            result.sender.uid = cred.uid;
            result.sender.gid = cred.gid;
        } else if (cmsg->cmsg_type == SCM_RIGHTS) {
            const size_t count = (cmsg->cmsg_len - CMSG_LEN(0)) / sizeof(int);
            const auto *p = reinterpret_cast<const unsigned char *>(CMSG_DATA(cmsg));
            for (size_t i = 0; i < count; ++i) {
                int fd;
                std::memcpy(&fd, p + i * sizeof(int), sizeof(int));
                result.fds.push_back(fd);
            }
        }
    }
    return result;
}

namespace {

std::string readLink(int fd)
{
    char proc[64];
    std::snprintf(proc, sizeof(proc), "/proc/self/fd/%d", fd);
    char buf[4096];
    const ssize_t n = ::readlink(proc, buf, sizeof(buf) - 1);
    return n > 0 ? std::string(buf, size_t(n)) : std::string();
}

void describeSocket(int fd, HandleDescription *out)
{
    int value = 0;
    socklen_t len = sizeof(value);
    if (::getsockopt(fd, SOL_SOCKET, SO_DOMAIN, &value, &len) == 0) {
        out->socketFamily = value == AF_INET ? SocketFamily::IPv4
                : value == AF_INET6          ? SocketFamily::IPv6
                : value == AF_UNIX           ? SocketFamily::Unix
                                             : SocketFamily::Other;
    }
    len = sizeof(value);
    if (::getsockopt(fd, SOL_SOCKET, SO_TYPE, &value, &len) == 0) {
        out->socketType = value == SOCK_STREAM ? SocketType::Stream
                : value == SOCK_DGRAM          ? SocketType::Datagram
                : value == SOCK_SEQPACKET      ? SocketType::SeqPacket
                                               : SocketType::Other;
    }
    len = sizeof(value);
    if (::getsockopt(fd, SOL_SOCKET, SO_ACCEPTCONN, &value, &len) == 0)
        out->listening = value != 0;

    struct sockaddr_storage addr = {};
    socklen_t addrLen = sizeof(addr);
    if (::getsockname(fd, reinterpret_cast<sockaddr *>(&addr), &addrLen) != 0)
        return;
    if (addr.ss_family == AF_INET || addr.ss_family == AF_INET6) {
        char host[NI_MAXHOST];
        char port[NI_MAXSERV];
        if (::getnameinfo(reinterpret_cast<sockaddr *>(&addr), addrLen, host, sizeof(host), port,
                          sizeof(port), NI_NUMERICHOST | NI_NUMERICSERV)
            == 0) {
            out->localAddress = host;
            out->localPort = std::atoi(port);
        }
    } else if (addr.ss_family == AF_UNIX) {
        const auto *un = reinterpret_cast<const sockaddr_un *>(&addr);
        const size_t pathLen = addrLen > offsetof(sockaddr_un, sun_path)
                ? addrLen - offsetof(sockaddr_un, sun_path)
                : 0;
        if (pathLen > 0 && un->sun_path[0] == '\0') // abstract namespace
            out->path = "@" + std::string(un->sun_path + 1, pathLen - 1);
        else if (pathLen > 0)
            out->path = std::string(un->sun_path, strnlen(un->sun_path, pathLen));
    }
}

} // namespace

bool describe(int fd, HandleDescription *out)
{
    struct stat st = {};
    if (::fstat(fd, &st) != 0)
        return false;
    *out = HandleDescription();
    if (S_ISSOCK(st.st_mode)) {
        out->kind = HandleKind::Socket;
        describeSocket(fd, out);
    } else if (S_ISFIFO(st.st_mode)) {
        out->kind = HandleKind::Pipe;
    } else if (S_ISDIR(st.st_mode)) {
        out->kind = HandleKind::Directory;
        out->path = readLink(fd);
    } else if (S_ISCHR(st.st_mode)) {
        out->kind = HandleKind::CharDevice;
        out->path = readLink(fd);
    } else if (S_ISREG(st.st_mode)) {
        out->path = readLink(fd);
        static const char memfdPrefix[] = "/memfd:";
        if (out->path.compare(0, sizeof(memfdPrefix) - 1, memfdPrefix) == 0) {
            out->kind = HandleKind::Memfd;
            std::string name = out->path.substr(sizeof(memfdPrefix) - 1);
            static const char deleted[] = " (deleted)";
            if (name.size() >= sizeof(deleted) - 1
                && name.compare(name.size() - (sizeof(deleted) - 1), std::string::npos, deleted)
                        == 0)
                name.resize(name.size() - (sizeof(deleted) - 1));
            out->path = name;
        } else {
            out->kind = HandleKind::File;
        }
    } else {
        out->kind = HandleKind::Other;
        out->path = readLink(fd);
    }
    return true;
}

bool setCloexec(int fd, bool cloexec)
{
    const int flags = ::fcntl(fd, F_GETFD);
    if (flags < 0)
        return false;
    const int wanted = cloexec ? flags | FD_CLOEXEC : flags & ~FD_CLOEXEC;
    return wanted == flags || ::fcntl(fd, F_SETFD, wanted) == 0;
}

std::intptr_t duplicateBlockingSocket(std::intptr_t socket)
{
    const int fd = dupCloexec(int(socket));
    if (fd < 0 || !setNonBlocking(fd, false)) {
        const int saved = errno;
        closeFd(fd);
        errno = saved;
        return -1;
    }
    return fd;
}

std::string runtimeBase(bool forOtherUsers)
{
    const char *xdg = forOtherUsers ? nullptr : std::getenv("XDG_RUNTIME_DIR");
    struct stat st;
    if (xdg && *xdg && ::stat(xdg, &st) == 0 && S_ISDIR(st.st_mode) && st.st_uid == ::geteuid()
        && ::access(xdg, W_OK) == 0)
        return xdg;
    const char *tmp = std::getenv("TMPDIR");
    std::string base = tmp && *tmp ? tmp : "/tmp";
    while (base.size() > 1 && base.back() == '/')
        base.pop_back();
    return base;
}

std::string makePrivateDirectory(const std::string &base, const std::string &prefix)
{
    std::string templ = base;
    if (templ.empty() || templ.back() != '/')
        templ += '/';
    templ += prefix + "XXXXXX";
    std::vector<char> buf(templ.begin(), templ.end());
    buf.push_back('\0');
    if (!::mkdtemp(buf.data())) // mkdtemp creates the directory with mode 0700
        return {};
    return std::string(buf.data());
}

int listenUnix(const std::string &path, int backlog)
{
    struct sockaddr_un addr;
    if (!unixAddress(path, &addr))
        return -1;
    const int fd = ::socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (fd < 0)
        return -1;
    if (::bind(fd, reinterpret_cast<sockaddr *>(&addr), sizeof(addr)) != 0
        || ::listen(fd, backlog) != 0) {
        closeFd(fd);
        return -1;
    }
    return fd;
}

int openFdCount()
{
    DIR *dir = ::opendir("/proc/self/fd");
    if (!dir)
        return -1;
    int count = 0;
    while (struct dirent *e = ::readdir(dir)) {
        if (e->d_name[0] != '.')
            ++count;
    }
    ::closedir(dir);
    return count - 1; // the directory stream's own descriptor
}

int openHandleCount()
{
    return openFdCount();
}

size_t maxUnixPathLength()
{
    return sizeof(sockaddr_un::sun_path) - 1;
}

std::string errorText(int errnoValue)
{
    return std::strerror(errnoValue);
}

int usableCpuCount()
{
#ifdef __linux__
    cpu_set_t cpus;
    CPU_ZERO(&cpus);
    if (::sched_getaffinity(0, sizeof(cpus), &cpus) == 0)
        return CPU_COUNT(&cpus) > 0 ? CPU_COUNT(&cpus) : 1;
#endif
    const long online = ::sysconf(_SC_NPROCESSORS_ONLN);
    return online > 0 ? int(online) : 1;
}

bool pollAwake(struct pollfd *fds, size_t count, int64_t budgetNs)
{
    using Clock = std::chrono::steady_clock;
    const Clock::time_point end = Clock::now() + std::chrono::nanoseconds(budgetNs);
    for (;;) {
        const int ready = ::poll(fds, nfds_t(count), 0);
        if (ready != 0)
            return ready > 0;
        if (Clock::now() >= end)
            return false;
        ::sched_yield();
    }
}

// The operations both platforms share (handles.h): a descriptor.

bool isOpenHandle(std::intptr_t handle)
{
    return isValidFd(int(handle));
}

void closeHandle(std::intptr_t handle)
{
    closeFd(int(handle));
}

bool isSocketHandle(std::intptr_t handle)
{
    HandleDescription h;
    return describe(int(handle), &h) && h.kind == HandleKind::Socket;
}

std::intptr_t duplicateHandle(std::intptr_t handle)
{
    return dupCloexec(int(handle));
}

bool describeHandle(std::intptr_t handle, HandleDescription *out)
{
    return describe(int(handle), out);
}

} // namespace qrs::platform
