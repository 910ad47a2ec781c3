// SPDX-FileCopyrightText: 2026 QtResourceSharer contributors
//
// SPDX-License-Identifier: BSD-3-Clause

// The Windows half of the platform layer, plain C++ (no Qt): what DupSocket and
// handle sharing need. A socket is duplicated *for* a target process
// (WSADuplicateSocketW) and rebuilt there from the WSAPROTOCOL_INFOW bytes; any
// other handle is duplicated *into* the target process (DuplicateHandle). The
// requester's pid is checked against the pipe's client pid, as SO_PEERCRED
// does on Unix. Every function reports failure through its return value and
// a Windows error code. Built with MinGW-w64 and tested under Wine here
// (tests/windows/); not yet run on real Windows.
#pragma once

#include "handles.h"

#include <cstdint>
#include <string>

namespace qrs::platform::win {

using Socket = std::uintptr_t; // SOCKET
using Handle = void *;         // HANDLE
constexpr Socket InvalidSocket = ~Socket(0);

// WSAStartup once per process; false (and *error) if Winsock is unavailable.
bool startWinsock(unsigned long *error);

// The bytes that let process pid rebuild socket (a WSAPROTOCOL_INFOW).
bool duplicateSocketFor(Socket socket, unsigned long pid, std::string *protocolInfo,
                        unsigned long *error);
// This process's socket rebuilt from those bytes, or InvalidSocket.
Socket socketFromProtocolInfo(const std::string &protocolInfo, unsigned long *error);

// Duplicates handle into process pid (same access, not inheritable); *remote
// is its value there.
bool duplicateHandleInto(Handle handle, unsigned long pid, std::uint64_t *remote,
                         unsigned long *error);

// Closes a handle that duplicateHandleInto() put into process pid and that
// never reached it (DuplicateHandle with DUPLICATE_CLOSE_SOURCE).
bool closeHandleIn(unsigned long pid, std::uint64_t remote, unsigned long *error);

void closeSocket(Socket socket);
void closeHandle(Handle handle);
// Whether socket is a socket of this process (getsockopt answers).
bool isSocket(Socket socket);
// Whether handle is an open handle (or socket) of this process.
bool isOpenHandle(Handle handle);
// Whether process pid is running.
bool isProcessAlive(unsigned long pid);

// The pid of the client at the other end of a named pipe (the server's end).
bool namedPipeClientPid(Handle pipe, unsigned long *pid, unsigned long *error);

// Describes a handle or socket for the cache's metadata.
bool describe(Handle handle, HandleDescription *out);

// A Windows error code as a sentence (UTF-8).
std::string errorText(unsigned long code);

} // namespace qrs::platform::win
