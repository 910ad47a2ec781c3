// SPDX-FileCopyrightText: 2026 QtResourceSharer contributors
//
// SPDX-License-Identifier: BSD-3-Clause

// A worker's whole environment, made before fork, in which the child writes its
// own pid into some variables (SupervisorHost::setPidVariable(): LISTEN_PID,
// NOTIFY_SOCKET's owner) and which it then installs as environ: only
// async-signal-safe work after fork. Made in the main thread; install() runs
// in the child.
#pragma once

#include <QByteArray>
#include <QList>
#include <QProcessEnvironment>
#include <QStringList>

#include <vector>

namespace qrs {

class ChildEnvironment
{
public:
    ChildEnvironment(const QProcessEnvironment &env, const QStringList &pidVariables);

    // In the child, after fork.
    void install();

private:
    static constexpr int PidDigits = 20;
    QList<QByteArray> m_entries;
    QList<qsizetype> m_pidSlots;
    std::vector<char *> m_pointers;
    std::vector<char *> m_slotStart;
};

} // namespace qrs
