// SPDX-FileCopyrightText: 2026 QtResourceSharer contributors
//
// SPDX-License-Identifier: BSD-3-Clause

// Signals as Qt signals, for the tools: on Unix a self-pipe (the handler only
// writes the number to a socket), on Windows the console's Ctrl+C and
// Ctrl+Break, close and shutdown as SIGINT and SIGTERM. Each platform's half
// in its own file.
#pragma once

#include <QList>
#include <QObject>

QT_BEGIN_NAMESPACE
class QSocketNotifier;
QT_END_NAMESPACE

namespace qrs::tools {

class SignalWatcher : public QObject
{
    Q_OBJECT

public:
    // One watcher per process; main thread. On Windows only SIGINT and SIGTERM.
    explicit SignalWatcher(const QList<int> &signalNumbers, QObject *parent = nullptr);
    ~SignalWatcher() override;
    bool watches(int signalNumber) const { return m_signals.contains(signalNumber); }

Q_SIGNALS:
    void signalReceived(int signalNumber);

private:
    QList<int> m_signals;
    QSocketNotifier *m_notifier = nullptr;
};

} // namespace qrs::tools
