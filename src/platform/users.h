// SPDX-FileCopyrightText: 2026 QtResourceSharer contributors
//
// SPDX-License-Identifier: BSD-3-Clause

// Plain C++ (no Qt), Unix: users and groups by name or number, and running a
// forked child as one of them.
#pragma once

#include <sys/types.h>

#include <string>
#include <vector>

namespace qrs::platform {

// Who a worker runs as: what login(1) and systemd's User= give a process.
struct UserIdentity
{
    uid_t uid = 0;
    gid_t gid = 0;             // the primary group: the user's own, or the one asked for
    std::vector<gid_t> groups; // supplementary, from the group database (initgroups)
    std::string name;          // USER, LOGNAME
    std::string home;          // HOME
    std::string shell;         // SHELL
};

enum class UserLookup { Found, Malformed, Unknown };
// Resolves "USER" or "USER:GROUP" (names or numbers) from the user and group
// databases; otherwise *error says, in English, what is malformed or unknown.
UserLookup resolveUser(const std::string &spec, UserIdentity *out, std::string *error);
// A user or a group by name (from the databases) or number (any, known or not).
// False, with *error in English, for an empty or unknown name.
bool lookupUid(const std::string &user, uid_t *uid, std::string *error);
bool lookupGid(const std::string &group, gid_t *gid, std::string *error);
// The name of group gid; empty if it has none.
std::string groupName(gid_t gid);

// In a forked child before exec: supplementary groups, group, then user, for
// good (real, effective and saved ids). Only system calls: async-signal-safe.
// False (errno set) if any step fails; the child must then not exec.
bool becomeUser(const UserIdentity &who);

} // namespace qrs::platform
