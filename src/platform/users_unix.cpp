// SPDX-FileCopyrightText: 2026 QtResourceSharer contributors
//
// SPDX-License-Identifier: BSD-3-Clause

#include "users.h"

#include <grp.h>
#include <pwd.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <cerrno>
#include <climits>
#include <cstdlib>

namespace qrs::platform {

namespace {

// A whole decimal number that fits an id (not -1, which means "unchanged").
bool parseId(const std::string &text, unsigned long *out)
{
    if (text.empty() || text.size() > 10
        || text.find_first_not_of("0123456789") != std::string::npos)
        return false;
    const unsigned long value = std::strtoul(text.c_str(), nullptr, 10);
    if (value >= 0xffffffffUL)
        return false;
    *out = value;
    return true;
}

bool findUser(const std::string &user, struct passwd *pw, std::vector<char> *buffer)
{
    struct passwd *found = nullptr;
    unsigned long number = 0;
    int r;
    do {
        buffer->resize(buffer->empty() ? 4096 : buffer->size() * 2);
        r = parseId(user, &number)
                ? ::getpwuid_r(uid_t(number), pw, buffer->data(), buffer->size(), &found)
                : ::getpwnam_r(user.c_str(), pw, buffer->data(), buffer->size(), &found);
    } while (r == ERANGE && buffer->size() < (1u << 20));
    return r == 0 && found;
}

bool findGroup(const std::string &group, struct group *gr, std::vector<char> *buffer)
{
    struct group *found = nullptr;
    unsigned long number = 0;
    int r;
    do {
        buffer->resize(buffer->empty() ? 4096 : buffer->size() * 2);
        r = parseId(group, &number)
                ? ::getgrgid_r(gid_t(number), gr, buffer->data(), buffer->size(), &found)
                : ::getgrnam_r(group.c_str(), gr, buffer->data(), buffer->size(), &found);
    } while (r == ERANGE && buffer->size() < (1u << 20));
    return r == 0 && found;
}

} // namespace

bool resolveUser(const std::string &spec, UserIdentity *out, std::string *error)
{
    const size_t colon = spec.find(':');
    const std::string user = spec.substr(0, colon);
    const std::string group = colon == std::string::npos ? std::string() : spec.substr(colon + 1);
    if (user.empty() || (colon != std::string::npos && group.empty())
        || group.find(':') != std::string::npos) {
        *error = "\"" + spec + "\" is not USER or USER:GROUP";
        return false;
    }
    struct passwd pw;
    std::vector<char> buffer;
    if (!findUser(user, &pw, &buffer)) {
        *error = "no user \"" + user + "\" in the user database";
        return false;
    }
    UserIdentity who;
    who.uid = pw.pw_uid;
    who.gid = pw.pw_gid;
    who.name = pw.pw_name;
    who.home = pw.pw_dir && *pw.pw_dir ? pw.pw_dir : "/";
    who.shell = pw.pw_shell && *pw.pw_shell ? pw.pw_shell : "/bin/sh";
    if (!group.empty()) {
        struct group gr;
        std::vector<char> groupBuffer;
        if (!findGroup(group, &gr, &groupBuffer)) {
            *error = "no group \"" + group + "\" in the group database";
            return false;
        }
        who.gid = gr.gr_gid;
    }
    // What initgroups() would set: the user's groups, and the primary group.
    int count = 32;
    std::vector<gid_t> groups;
    for (;;) {
        groups.resize(size_t(count));
        const int previous = count;
        if (::getgrouplist(who.name.c_str(), who.gid, groups.data(), &count) >= 0)
            break;
        if (count <= previous)
            count = previous * 2;
        if (count > 65536) {
            *error = "user \"" + who.name + "\" is in too many groups";
            return false;
        }
    }
    groups.resize(size_t(count));
    who.groups = std::move(groups);
    *out = std::move(who);
    return true;
}

bool lookupUid(const std::string &user, uid_t *uid, std::string *error)
{
    unsigned long number = 0;
    struct passwd pw;
    std::vector<char> buffer;
    if (parseId(user, &number)) {
        *uid = uid_t(number);
        return true;
    }
    if (user.empty() || !findUser(user, &pw, &buffer)) {
        *error = user.empty() ? "an empty user name names no one"
                              : "no user \"" + user + "\" in the user database";
        return false;
    }
    *uid = pw.pw_uid;
    return true;
}

bool lookupGid(const std::string &group, gid_t *gid, std::string *error)
{
    unsigned long number = 0;
    struct group gr;
    std::vector<char> buffer;
    if (parseId(group, &number)) {
        *gid = gid_t(number);
        return true;
    }
    if (group.empty() || !findGroup(group, &gr, &buffer)) {
        *error = group.empty() ? "an empty group name names no one"
                               : "no group \"" + group + "\" in the group database";
        return false;
    }
    *gid = gr.gr_gid;
    return true;
}

std::string groupName(gid_t gid)
{
    struct group gr;
    std::vector<char> buffer;
    return findGroup(std::to_string(gid), &gr, &buffer) ? std::string(gr.gr_name)
                                                        : std::to_string(gid);
}

std::string userName(uid_t uid)
{
    struct passwd pw;
    std::vector<char> buffer;
    return findUser(std::to_string(uid), &pw, &buffer) ? std::string(pw.pw_name)
                                                       : std::to_string(uid);
}

bool becomeUser(const UserIdentity &who)
{
    // The raw system calls change this task's credentials only. glibc's
    // wrappers would change those of every thread glibc knows of: QProcess on
    // Linux starts its child with CLONE_VM, where those are the parent's.
    if (::syscall(SYS_setgroups, who.groups.size(), who.groups.data()) != 0)
        return false;
    if (::syscall(SYS_setresgid, who.gid, who.gid, who.gid) != 0)
        return false;
    if (::syscall(SYS_setresuid, who.uid, who.uid, who.uid) != 0)
        return false;
    // Nothing of the old privileges may be left to get back.
    return who.uid == 0 || ::syscall(SYS_setresuid, 0, 0, 0) != 0;
}

} // namespace qrs::platform
