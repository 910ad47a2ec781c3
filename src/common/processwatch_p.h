// SPDX-FileCopyrightText: 2026 QtResourceSharer contributors
//
// SPDX-License-Identifier: BSD-3-Clause

// The end of a process that need not be this one's child, on the event loop:
// its pidfd where there is one (platform::ProcessBinding), else a look every
// 100 ms. A reused pid is never taken for it. Inline, for the library, the
// tools and the plugins alike. The thread it lives in.
#pragma once

#include "process.h"

#include <QObject>
#include <QSocketNotifier>
#include <QTimer>

#include <functional>

namespace qrs {

class ProcessEndWatch : public QObject
{
public:
    // ended runs once, from the event loop, when the process has ended (at
    // once, from the event loop, if it had already or cannot be bound).
    ProcessEndWatch(qint64 pid, std::function<void()> ended, QObject *parent = nullptr)
        : QObject(parent)
        , m_process(platform::ProcessBinding::open(pid))
        , m_ended(std::move(ended))
    {
        if (!m_process.isValid()) {
            QTimer::singleShot(0, this, [this] { end(); });
        } else if (m_process.endHandle() >= 0) {
            auto *notifier = new QSocketNotifier(qintptr(m_process.endHandle()),
                                                 QSocketNotifier::Read, this);
            connect(notifier, &QSocketNotifier::activated, this, [this, notifier] {
                notifier->setEnabled(false);
                end();
            });
        } else {
            auto *look = new QTimer(this);
            connect(look, &QTimer::timeout, this, [this, look] {
                if (!hasEnded())
                    return;
                look->stop();
                end();
            });
            look->start(100);
        }
    }

    qint64 pid() const { return m_process.pid(); }
    // Whether it has ended (or never was): a signal sent to pid now could reach
    // another process.
    bool hasEnded() const { return !m_process.matches(m_process.pid()); }

private:
    void end()
    {
        if (auto ended = std::exchange(m_ended, nullptr))
            ended();
    }

    platform::ProcessBinding m_process;
    std::function<void()> m_ended;
};

} // namespace qrs
