// SPDX-FileCopyrightText: 2026 QtResourceSharer contributors
//
// SPDX-License-Identifier: BSD-3-Clause

// What both platforms do with a resource of this process, a descriptor on Unix,
// a SOCKET or HANDLE on Windows, held as qrs::NativeHandle holds it. Plain C++,
// no Qt; each platform's half is in its _unix or _win file.
#pragma once

#include <cstdint>
#include <string>

namespace qrs::platform {

enum class HandleKind { File, Directory, Pipe, Socket, Memfd, CharDevice, Other };
enum class SocketFamily { None, IPv4, IPv6, Unix, Other };
enum class SocketType { None, Stream, Datagram, SeqPacket, Other };

// One description for both platforms: what the cache's metadata says of a
// resource (qrs::ResourceInfo).
struct HandleDescription
{
    HandleKind kind = HandleKind::Other;
    std::string path; // file path (UTF-8 on Windows), unix socket path, or memfd name
    SocketFamily socketFamily = SocketFamily::None;
    SocketType socketType = SocketType::None;
    bool listening = false;
    std::string localAddress; // numeric host for inet sockets
    int localPort = -1;
};

// Whether handle is open in this process.
bool isOpenHandle(std::intptr_t handle);
// Closes it, whatever it is (on Windows a socket or any other handle).
void closeHandle(std::intptr_t handle);
bool isSocketHandle(std::intptr_t handle);
// A duplicate that no child inherits (close-on-exec), or -1 with errno set
// (EBADF: handle is not open; EMFILE: out of descriptors or handles).
std::intptr_t duplicateHandle(std::intptr_t handle);
// Describes handle; false only when it is not open.
bool describeHandle(std::intptr_t handle, HandleDescription *out);

} // namespace qrs::platform
