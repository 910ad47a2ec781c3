// SPDX-FileCopyrightText: 2026 QtResourceSharer contributors
//
// SPDX-License-Identifier: BSD-3-Clause

#include "cache_p.h"

#include "text_p.h"

#include <QVarLengthArray>

#include <algorithm>

namespace qrs {

using namespace qrs::protocol;

namespace {

constexpr qint64 BoundLater = RegisterOptions::BoundLater;

WireKind wireKind(ResourceKind kind)
{
    return WireKind(quint8(kind));
}

} // namespace

ChangeKind Cache::changeKind(Event event)
{
    switch (event) {
    case Event::Registered:
        return ChangeKind::Registered;
    case Event::Reserved:
        return ChangeKind::InTransfer;
    case Event::Transferred:
        return ChangeKind::Taken;
    case Event::Expired:
        return ChangeKind::Expired;
    case Event::Revoked:
        return ChangeKind::Revoked;
    case Event::Failed:
        return ChangeKind::Failed;
    }
    Q_UNREACHABLE();
    return ChangeKind::Failed;
}

void Cache::count(Event event, ResourceInfo *info)
{
    info->revision = ++m_stats.revision;
    countChange(&m_stats, changeKind(event));
}

Cache::Outcome Cache::insert(NativeHandle handle, ResourceInfo info, qint64 expiryDeadline,
                             const QString &address, platform::ProcessBinding binding)
{
    std::shared_ptr<platform::ProcessBinding> process;
    if (binding.isValid())
        process = std::make_shared<platform::ProcessBinding>(std::move(binding));
    QMutexLocker lock(&m_mutex);
    Key key;
    do {
        key = Key::generate();
    } while (m_entries.contains(key) || m_tombstones.contains(key));
    info.id = ResourceId(address, key.toBytes());
    info.state = ResourceState::Available;
    if (expiryDeadline >= 0)
        m_expiries.insert(expiryDeadline, key);
    count(Event::Registered, &info);
    Outcome registered{Event::Registered, info, -1, {}, key};
    index(*m_entries.insert(key, Entry{handle, std::move(info), 0, expiryDeadline, false, process}),
          +1);
    return registered;
}

bool Cache::mayTake(const Entry &e, const Taker &taker)
{
    if (e.info.boundPid != 0) // exactly one process, whatever its user
        return e.process && e.process->matches(taker.pid);
    if (taker.ownUser || taker.allowedUser || e.info.allowedUids.contains(taker.uid))
        return true;
    for (uint gid : e.info.allowedGids) {
        if (gid == taker.gid
            || std::find(taker.groups.cbegin(), taker.groups.cend(), gid) != taker.groups.cend())
            return true;
    }
    return false;
}

bool Cache::admitsAnything(const Taker &taker) const
{
    if (taker.ownUser || taker.allowedUser)
        return true;
    QMutexLocker lock(&m_mutex);
    if (m_awaitingBinding > 0 || m_namedUids.contains(taker.uid) || m_namedGids.contains(taker.gid))
        return true;
    for (auto it = m_bindings.constFind(taker.pid);
         it != m_bindings.cend() && it.key() == taker.pid; ++it) {
        if (it.value()->matches(taker.pid))
            return true;
    }
    return std::any_of(taker.groups.cbegin(), taker.groups.cend(),
                       [this](uint32_t gid) { return m_namedGids.contains(gid); });
}

void Cache::index(const Entry &e, int delta)
{
    const auto count = [delta](auto *counts, auto id) {
        if ((*counts)[id] += delta; counts->value(id) <= 0)
            counts->remove(id);
    };
    for (uint uid : e.info.allowedUids)
        count(&m_namedUids, uid);
    for (uint gid : e.info.allowedGids)
        count(&m_namedGids, gid);
    if (e.info.boundPid == BoundLater)
        m_awaitingBinding += delta;
    else if (e.process && delta > 0)
        m_bindings.insert(e.process->pid(), e.process.get());
    else if (e.process) // one of the entries that may share this binding
        m_bindings.erase(m_bindings.find(e.process->pid(), e.process.get()));
}

int Cache::bind(const QList<Key> &keys, const std::shared_ptr<platform::ProcessBinding> &process)
{
    int found = 0;
    QMutexLocker lock(&m_mutex);
    for (const Key &key : keys) {
        auto it = m_entries.find(key);
        if (it == m_entries.end() || it->info.boundPid != BoundLater)
            continue;
        ++found;
        index(*it, -1);
        it->process = process;
        it->info.boundPid = process->pid();
        index(*it, +1);
        it->info.revision = ++m_stats.revision; // a listing shows the pid from now on
    }
    return found;
}

Cache::Outcome Cache::remove(Entries::iterator it, ResourceState state, qint64 pid)
{
    Entry &e = it.value();
    const Event event = state == ResourceState::Taken ? Event::Transferred
            : state == ResourceState::Expired         ? Event::Expired
                                                      : Event::Revoked;
    if (e.expiryDeadline >= 0)
        m_expiries.remove(e.expiryDeadline, it.key());
    remember(it.key(), state);
    index(e, -1);
    Outcome outcome{event, std::move(e.info), e.handle, {}, it.key()};
    outcome.info.state = state;
    outcome.info.takenByPid = pid;
    m_entries.erase(it);
    count(event, &outcome.info);
    return outcome;
}

void Cache::remember(const Key &key, ResourceState state)
{
    m_tombstones.insert(key, state);
    m_tombstoneOrder.push_back(key);
    while (m_tombstoneOrder.size() > size_t(MaxTombstones)) {
        m_tombstones.remove(m_tombstoneOrder.front());
        m_tombstoneOrder.pop_front();
    }
}

ErrorCode Cache::refusalFor(const Key &key) const
{
    switch (m_tombstones.value(key, ResourceState::Available)) {
    case ResourceState::Taken:
        return ErrorCode::AlreadyTaken;
    case ResourceState::Expired:
        return ErrorCode::Expired;
    case ResourceState::Revoked:
        return ErrorCode::Revoked;
    default:
        return ErrorCode::UnknownKey;
    }
}

bool Cache::reserve(const QList<Key> &keys, quint64 serial, const Taker &taker, bool followed,
                    std::vector<NativeHandle> *handles, QList<ResourceHeader> *headers,
                    ErrorCode *code, int *keyIndex, QString *message, Outcomes *outcomes)
{
    const qint64 pid = taker.pid;
    QMutexLocker lock(&m_mutex);
    QVarLengthArray<Entry *, 8> found;
    for (int i = 0; i < keys.size(); ++i) {
        auto it = m_entries.find(keys.at(i));
        ErrorCode refusal = ErrorCode::None;
        if (it == m_entries.end())
            refusal = refusalFor(keys.at(i));
        else if (it->info.boundPid == BoundLater)
            refusal = ErrorCode::AwaitingBinding;
        else if (!mayTake(it.value(), taker))
            refusal = ErrorCode::Denied;
        else if (it->info.state == ResourceState::InTransfer)
            refusal = ErrorCode::Busy;
        else if (std::find(found.begin(), found.end(), &it.value()) != found.end())
            refusal = ErrorCode::Malformed; // the same key twice
        // Another user learns nothing of what exists here, or existed.
        if (refusal != ErrorCode::None && refusal != ErrorCode::AwaitingBinding && !taker.ownUser)
            refusal = ErrorCode::Denied;
        if (refusal != ErrorCode::None) {
            *code = refusal;
            *keyIndex = i;
            *message = refusal == ErrorCode::Malformed ? qrs::tr("the request names a key twice")
                                                       : errorCodeText(refusal);
            return false;
        }
        found.append(&it.value());
    }
    handles->reserve(size_t(found.size()));
    headers->reserve(found.size());
    for (qsizetype i = 0; i < found.size(); ++i) {
        Entry *e = found.at(i);
        e->info.state = ResourceState::InTransfer;
        e->info.takenByPid = pid;
        e->holder = serial;
        handles->push_back(e->handle);
        headers->append(ResourceHeader{wireKind(e->info.kind), e->info.name});
        count(Event::Reserved, &e->info);
        // The hot path of every handoff: copy the entry only when someone follows.
        if (followed)
            outcomes->append(Outcome{Event::Reserved, e->info, -1, {}, keys.at(i)});
    }
    return true;
}

Cache::Outcomes Cache::commit(const QList<Key> &keys, quint64 serial, qint64 pid)
{
    Outcomes outcomes;
    QMutexLocker lock(&m_mutex);
    for (const Key &key : keys) {
        auto it = m_entries.find(key);
        if (it != m_entries.end() && it->holder == serial)
            outcomes.append(remove(it, ResourceState::Taken, pid));
    }
    return outcomes;
}

Cache::Outcomes Cache::release(const QList<Key> &keys, quint64 serial, const QString &reason,
                               qint64 now)
{
    Outcomes outcomes;
    QMutexLocker lock(&m_mutex);
    for (const Key &key : keys) {
        auto it = m_entries.find(key);
        if (it == m_entries.end() || it->holder != serial)
            continue;
        it->holder = 0;
        it->info.state = ResourceState::Available;
        // The failure names the receiver that failed; the entry no longer does.
        count(Event::Failed, &it->info);
        outcomes.append(Outcome{Event::Failed, it->info, -1, reason, key});
        it->info.takenByPid = 0;
        // What was asked for while the transfer ran happens now.
        if (it->revokePending)
            outcomes.append(remove(it, ResourceState::Revoked));
        else if (it->expiryDeadline >= 0 && it->expiryDeadline <= now)
            outcomes.append(remove(it, ResourceState::Expired));
    }
    return outcomes;
}

Cache::Outcomes Cache::refused(const QList<Key> &keys, const QString &reason)
{
    Outcomes outcomes;
    QMutexLocker lock(&m_mutex);
    for (const Key &key : keys) {
        auto it = m_entries.find(key);
        if (it == m_entries.end())
            continue;
        count(Event::Failed, &it->info);
        outcomes.append(Outcome{Event::Failed, it->info, -1, reason, key});
    }
    return outcomes;
}

Cache::Outcomes Cache::expireDue(qint64 now, qint64 *next)
{
    Outcomes outcomes;
    *next = -1;
    QMutexLocker lock(&m_mutex);
    auto it = m_expiries.begin();
    while (it != m_expiries.end() && it.key() <= now) {
        auto entry = m_entries.find(it.value());
        ++it;
        if (entry == m_entries.end() || entry->info.state == ResourceState::InTransfer)
            continue; // in transfer: release() expires it if it comes back
        // remove() erases this expiry; `it` already points past it.
        outcomes.append(remove(entry, ResourceState::Expired));
    }
    if (it != m_expiries.end())
        *next = it.key();
    return outcomes;
}

qint64 Cache::nextExpiry() const
{
    QMutexLocker lock(&m_mutex);
    // Entries in transfer stay in the map; skip past deadlines already handled.
    for (auto it = m_expiries.cbegin(); it != m_expiries.cend(); ++it) {
        auto entry = m_entries.constFind(it.value());
        if (entry != m_entries.cend() && entry->info.state != ResourceState::InTransfer)
            return it.key();
    }
    return -1;
}

Cache::Outcomes Cache::revoke(const QList<Key> &keys, int *found)
{
    Outcomes outcomes;
    *found = 0;
    QMutexLocker lock(&m_mutex);
    for (const Key &key : keys) {
        auto it = m_entries.find(key);
        if (it == m_entries.end())
            continue;
        ++*found;
        if (it->info.state == ResourceState::InTransfer)
            it->revokePending = true; // settled when the receiver answers
        else
            outcomes.append(remove(it, ResourceState::Revoked));
    }
    return outcomes;
}

Cache::Outcomes Cache::revokeAll(const QString &address)
{
    Outcomes outcomes;
    QMutexLocker lock(&m_mutex);
    // Erasing from a QHash invalidates other iterators: pick the keys first.
    QList<Key> keys;
    for (auto it = m_entries.cbegin(); it != m_entries.cend(); ++it) {
        if (it->info.id.address() == address)
            keys.append(it.key());
    }
    for (const Key &key : std::as_const(keys))
        outcomes.append(remove(m_entries.find(key), ResourceState::Revoked));
    return outcomes;
}

QList<ResourceInfo> Cache::snapshot(SharerStatistics *statistics) const
{
    QMutexLocker lock(&m_mutex);
    QList<ResourceInfo> result;
    result.reserve(m_entries.size());
    for (const auto &e : m_entries)
        result.append(e.info);
    if (statistics)
        *statistics = m_stats;
    lock.unlock();
    // In the order of registration, which the revision of an unchanged entry
    // no longer tells: by time, then key.
    std::sort(result.begin(), result.end(), [](const ResourceInfo &a, const ResourceInfo &b) {
        return a.registeredAt != b.registeredAt ? a.registeredAt < b.registeredAt
                                                : a.id.key() < b.id.key();
    });
    return result;
}

SharerStatistics Cache::statistics() const
{
    QMutexLocker lock(&m_mutex);
    return m_stats;
}

int Cache::count() const
{
    QMutexLocker lock(&m_mutex);
    return int(m_entries.size());
}

std::vector<NativeHandle> Cache::clearInChild()
{
    std::vector<NativeHandle> handles;
    handles.reserve(size_t(m_entries.size()));
    for (const Entry &e : std::as_const(m_entries))
        handles.push_back(e.handle);
    m_entries.clear();
    m_namedUids.clear();
    m_namedGids.clear();
    m_bindings.clear();
    m_awaitingBinding = 0;
    m_expiries.clear();
    m_tombstones.clear();
    m_tombstoneOrder.clear();
    m_stats = {};
    return handles;
}

} // namespace qrs
