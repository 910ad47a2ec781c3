// SPDX-FileCopyrightText: 2026 QtResourceSharer contributors
//
// SPDX-License-Identifier: BSD-3-Clause

#include "users.h"

#include <grp.h>
#include <pwd.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <cerrno>
#include <cstdint>
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

// The user or group database, read the same way for both.
struct Users
{
    using Entry = struct passwd;
    static constexpr auto byId = ::getpwuid_r;
    static constexpr auto byName = ::getpwnam_r;
    static uint32_t id(const Entry &e) { return e.pw_uid; }
    static constexpr const char *what = "user";
};
struct Groups
{
    using Entry = struct group;
    static constexpr auto byId = ::getgrgid_r;
    static constexpr auto byName = ::getgrnam_r;
    static uint32_t id(const Entry &e) { return e.gr_gid; }
    static constexpr const char *what = "group";
};

// The entry of a name, or of a number, in Db; *buffer holds its strings.
template<typename Db>
bool find(const std::string &nameOrNumber, typename Db::Entry *entry, std::vector<char> *buffer)
{
    typename Db::Entry *found = nullptr;
    unsigned long number = 0;
    const bool numeric = parseId(nameOrNumber, &number);
    int r;
    do {
        buffer->resize(buffer->empty() ? 4096 : buffer->size() * 2);
        r = numeric
                ? Db::byId(number, entry, buffer->data(), buffer->size(), &found)
                : Db::byName(nameOrNumber.c_str(), entry, buffer->data(), buffer->size(), &found);
    } while (r == ERANGE && buffer->size() < (1u << 20));
    return r == 0 && found;
}

// An id by name (which must be in Db) or number (any); false, saying why.
template<typename Db>
bool lookup(const std::string &nameOrNumber, uint32_t *id, std::string *error)
{
    unsigned long number = 0;
    if (parseId(nameOrNumber, &number)) {
        *id = uint32_t(number);
        return true;
    }
    typename Db::Entry entry;
    std::vector<char> buffer;
    if (nameOrNumber.empty() || !find<Db>(nameOrNumber, &entry, &buffer)) {
        *error = nameOrNumber.empty() ? std::string("an empty ") + Db::what + " name names no one"
                                      : std::string("no ") + Db::what + " \"" + nameOrNumber
                        + "\" in the " + Db::what + " database";
        return false;
    }
    *id = Db::id(entry);
    return true;
}

} // namespace

UserLookup resolveUser(const std::string &spec, UserIdentity *out, std::string *error)
{
    const size_t colon = spec.find(':');
    const std::string user = spec.substr(0, colon);
    const std::string group = colon == std::string::npos ? std::string() : spec.substr(colon + 1);
    if (user.empty() || (colon != std::string::npos && group.empty())
        || group.find(':') != std::string::npos) {
        *error = "\"" + spec + "\" is not USER or USER:GROUP";
        return UserLookup::Malformed;
    }
    struct passwd pw;
    std::vector<char> buffer;
    if (!find<Users>(user, &pw, &buffer)) {
        *error = "no user \"" + user + "\" in the user database";
        return UserLookup::Unknown;
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
        if (!find<Groups>(group, &gr, &groupBuffer)) {
            *error = "no group \"" + group + "\" in the group database";
            return UserLookup::Unknown;
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
            return UserLookup::Unknown;
        }
    }
    groups.resize(size_t(count));
    who.groups = std::move(groups);
    *out = std::move(who);
    return UserLookup::Found;
}

bool lookupUid(const std::string &user, uid_t *uid, std::string *error)
{
    uint32_t id = 0;
    const bool ok = lookup<Users>(user, &id, error);
    *uid = uid_t(id);
    return ok;
}

bool lookupGid(const std::string &group, gid_t *gid, std::string *error)
{
    uint32_t id = 0;
    const bool ok = lookup<Groups>(group, &id, error);
    *gid = gid_t(id);
    return ok;
}

std::string groupName(gid_t gid)
{
    struct group gr;
    std::vector<char> buffer;
    return find<Groups>(std::to_string(gid), &gr, &buffer) ? std::string(gr.gr_name)
                                                           : std::string();
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
