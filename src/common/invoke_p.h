// SPDX-FileCopyrightText: 2026 QtResourceSharer contributors
//
// SPDX-License-Identifier: BSD-3-Clause

// Running a function in another object's thread, the one way this project
// does it.
//
// Qt hands a queued call to the target thread through that thread's posted-
// event list, under a QMutex. Debian's Qt is not built with ThreadSanitizer, so
// TSan cannot see that mutex and would report every capture of every queued
// lambda as a race. Under TSan these helpers state what the queue guarantees
// with TSan's acquire/release annotations (see Posted). Elsewhere the
// annotations compile to nothing.
#pragma once

#include <QMetaObject>
#include <QObject>
#include <QThread>

#include <condition_variable>
#include <mutex>
#include <type_traits>
#include <utility>

#if defined(__SANITIZE_THREAD__)
#define QRS_UNDER_TSAN 1
#elif defined(__has_feature)
#if __has_feature(thread_sanitizer)
#define QRS_UNDER_TSAN 1
#endif
#endif

#ifdef QRS_UNDER_TSAN
#include <sanitizer/tsan_interface.h>
#endif

namespace qrs {
namespace detail {
inline void releaseTo(const void *key)
{
#ifdef QRS_UNDER_TSAN
    __tsan_release(const_cast<void *>(key));
#else
    Q_UNUSED(key);
#endif
}

inline void acquireFrom(const void *key)
{
#ifdef QRS_UNDER_TSAN
    __tsan_acquire(const_cast<void *>(key));
#else
    Q_UNUSED(key);
#endif
}
// What Qt keeps in the queued call. Three moments need telling:
// - Qt moves it into the call after the caller's code has run: `sent`, the
//   last member, releases with the last write, so all of it is published.
// - It runs in the target thread: acquire first, keyed by that thread; the key
//   is not read from the call, whose memory is what is being published.
// - Qt frees the call in whichever thread drops the last reference, the target
//   or, when the function has already run, the caller: the run releases, the
//   destructor acquires, keyed by this object's address.
template<typename Function>
class Posted
{
public:
    Posted(Function &&f, const void *targetThread)
        : f(std::move(f))
        , sent(targetThread)
    { }
    Posted(Posted &&) noexcept = default;
    Posted(const Posted &) = delete;
    Posted &operator=(const Posted &) = delete;
    Posted &operator=(Posted &&) = delete;
    ~Posted() { acquireFrom(this); }

    void operator()()
    {
        acquireFrom(QThread::currentThread());
        f();
        releaseTo(this);
    }

private:
    struct Release
    {
        const void *key;
        explicit Release(const void *k)
            : key(k)
        { }
        Release(Release &&other) noexcept
            : key(other.key)
        {
            releaseTo(key);
        }
    };

    Function f;
    Release sent;
};
} // namespace detail

// Queues f to run in target's thread, from its event loop.
template<typename Function>
void postTo(QObject *target, Function &&f)
{
    QMetaObject::invokeMethod(
            target,
            detail::Posted<std::decay_t<Function>>(
                    std::decay_t<Function>(std::forward<Function>(f)), target->thread()),
            Qt::QueuedConnection);
}

// Runs f in target's thread, which must be another one with a running event
// loop, and returns once it has run. Not Qt::BlockingQueuedConnection: that
// frees the queued call in the caller's thread at a point TSan cannot be told
// about; a std::condition_variable it sees through.
template<typename Function>
void runIn(QObject *target, Function &&f)
{
    Q_ASSERT(target->thread() != QThread::currentThread());
    std::mutex mutex;
    std::condition_variable ran;
    bool done = false;
    postTo(target, [&] {
        f();
        const std::lock_guard lock(mutex);
        done = true;
        ran.notify_one();
    });
    std::unique_lock lock(mutex);
    ran.wait(lock, [&done] { return done; });
}
} // namespace qrs
