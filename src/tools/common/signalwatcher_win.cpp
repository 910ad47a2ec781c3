// SPDX-FileCopyrightText: 2026 QtResourceSharer contributors
//
// SPDX-License-Identifier: BSD-3-Clause

// SignalWatcher on Windows: the console's Ctrl+C and Ctrl+Break, close and
// shutdown events as SIGINT and SIGTERM.
#include "signalwatcher.h"

#include <csignal>
#include <windows.h>

namespace qrs::tools {

namespace {
SignalWatcher *s_watcher = nullptr;

// Runs in a thread of the system's: hands the signal to the watcher's thread.
// One the watcher was not asked for goes on to the default (the process ends).
BOOL WINAPI consoleHandler(DWORD event)
{
    const int signalNumber = event == CTRL_C_EVENT ? SIGINT : SIGTERM;
    if (!s_watcher || !s_watcher->watches(signalNumber))
        return FALSE;
    QMetaObject::invokeMethod(
            s_watcher, [signalNumber] { Q_EMIT s_watcher->signalReceived(signalNumber); },
            Qt::QueuedConnection);
    return TRUE;
}
} // namespace

SignalWatcher::SignalWatcher(const QList<int> &signalNumbers, QObject *parent)
    : QObject(parent)
    , m_signals(signalNumbers)
{
    Q_ASSERT(!s_watcher);
    s_watcher = this;
    ::SetConsoleCtrlHandler(consoleHandler, TRUE);
}

SignalWatcher::~SignalWatcher()
{
    ::SetConsoleCtrlHandler(consoleHandler, FALSE);
    s_watcher = nullptr;
}

} // namespace qrs::tools
