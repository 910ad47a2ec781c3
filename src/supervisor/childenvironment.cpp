// SPDX-FileCopyrightText: 2026 QtResourceSharer contributors
//
// SPDX-License-Identifier: BSD-3-Clause

#include "childenvironment_p.h"

#include <unistd.h>

namespace qrs {

ChildEnvironment::ChildEnvironment(const QProcessEnvironment &env, const QStringList &pidVariables)
{
    const QStringList keys = env.keys();
    for (const QString &key : keys) {
        if (!pidVariables.contains(key))
            m_entries.append(key.toLocal8Bit() + '=' + env.value(key).toLocal8Bit());
    }
    for (const QString &key : pidVariables) {
        m_entries.append(key.toLocal8Bit() + '=' + QByteArray(PidDigits, '\0'));
        m_pidSlots.append(m_entries.size() - 1);
    }
    for (QByteArray &entry : m_entries)
        m_pointers.push_back(entry.data()); // detaches now, not after fork
    m_pointers.push_back(nullptr);
    for (qsizetype i : std::as_const(m_pidSlots))
        m_slotStart.push_back(m_pointers[size_t(i)] + m_entries.at(i).size() - PidDigits);
}

void ChildEnvironment::install()
{
    char digits[PidDigits];
    int n = 0;
    for (pid_t pid = ::getpid(); pid > 0 && n < PidDigits; pid /= 10)
        digits[n++] = char('0' + pid % 10);
    for (char *slot : m_slotStart) {
        for (int i = 0; i < n; ++i)
            slot[i] = digits[n - 1 - i];
        slot[n] = '\0';
    }
    environ = m_pointers.data();
}

} // namespace qrs
