// SPDX-FileCopyrightText: 2026 QtResourceSharer contributors
//
// SPDX-License-Identifier: BSD-3-Clause

// Every limit and timeout of the sharer protocol, in one place. docs/protocol.md
// explains each; change them here only.
#pragma once

#include <QtGlobal>

namespace qrs::protocol {

// Bumped whenever a frame's layout changes; a peer with another version is refused.
constexpr quint8 Version = 2;
// Bytes in a resource key (128 bits from the system CSPRNG).
constexpr int KeySize = 16;
// Largest payload a frame may announce; a larger length is refused unread.
constexpr quint32 MaxPayloadSize = 64 * 1024;
// Keys one request may name. The kernel carries at most SCM_MAX_FD (253)
// descriptors per message; one reply carries all of a request's descriptors.
constexpr int MaxKeysPerRequest = 128;
// Most bytes that make one resource over to the receiver where descriptors do
// not travel beside the bytes (a WSAPROTOCOL_INFOW is 628).
constexpr int MaxHandleDataSize = 1024;
// Largest process status (a JSON object) a sharer serves to its inspectors.
constexpr int MaxStatusSize = 60 * 1024;
// Largest command (a JSON object) the sharer passes to its process's handler.
constexpr int MaxCommandSize = 4 * 1024;
// Largest reply to a command: room for a whole status and a few words more.
constexpr int MaxReplySize = MaxStatusSize + 2 * 1024;
// Longest resource name, in UTF-8 bytes.
constexpr int MaxNameSize = 255;
// Most users and groups one resource's access rule names (RegisterOptions).
constexpr int MaxRuleIds = 32;
// Longest path, description or address of an entry in a listing, in UTF-8 bytes.
constexpr int MaxPathSize = 4096;
// Longest socket family, type or numeric address of an entry, in UTF-8 bytes.
constexpr int MaxShortTextSize = 64;
// Watchers one sharer serves at once; past it a Watch is refused (overloaded).
constexpr int MaxWatchers = 64;
// A watcher that lets this much of the event stream pile up unread is dropped.
constexpr int MaxWatcherBacklog = 1024 * 1024;
// Longest explanation in a refusal or a negative acknowledgement, in UTF-8 bytes.
constexpr int MaxMessageSize = 1024;
// A connection must complete its request and acknowledgement within this time,
// or the server drops it (a silent client delays no one and is then forgotten).
constexpr int DefaultConnectionTimeoutMs = 10'000;
// How often the server looks for connections past their deadline.
constexpr int ConnectionSweepIntervalMs = 250;
// How often the server checks that it is still listening: QLocalServer closes
// itself when accept() fails (out of descriptors), and the server listens again
// at the same address as soon as it can.
constexpr int ListenCheckIntervalMs = 1000;
// Connections the server keeps open at once; past it the oldest one still
// waiting for its request is dropped to make room.
constexpr int MaxConnections = 1024;
// Pending connections the kernel queues on the listening socket. On Windows
// each is a named pipe instance that Qt creates up front and keeps open (1,024
// would be 1,024 handles in every process that shares anything), so fewer; a
// client that finds all busy waits for one (WaitNamedPipe, within its
// deadline). Under Wine, 1,000 handoffs ran no slower with 64 than with 1,024.
#ifdef _WIN32
constexpr int ListenBacklog = 64;
#else
constexpr int ListenBacklog = 1024;
#endif
// Keys remembered after they were taken, expired or revoked, so that a reuse is
// answered "already taken" rather than "unknown"; the oldest are forgotten first.
constexpr int MaxTombstones = 65'536;
// Default time DupFd::detach() and qrs-detach wait for a whole transfer.
constexpr int DefaultTransferTimeoutMs = 10'000;

} // namespace qrs::protocol
