// SPDX-FileCopyrightText: 2026 QtResourceSharer contributors
//
// SPDX-License-Identifier: BSD-3-Clause

#include "commandrelay_p.h"

#include "invoke_p.h"

namespace qrs {

void CommandRelay::setHandler(QObject *context, ResourceSharer::CommandHandler handler)
{
    QMutexLocker lock(&m_mutex);
    m_context = handler ? context : nullptr;
    m_handler = m_context ? std::move(handler) : ResourceSharer::CommandHandler();
}

bool CommandRelay::dispatch(const QJsonObject &command, qint64 fromPid,
                            const ResourceSharer::CommandReply &reply) const
{
    QMutexLocker lock(&m_mutex);
    QObject *context = m_context.data();
    if (!context || !m_handler)
        return false;
    postTo(context,
           [handler = m_handler, command, fromPid, reply] { handler(command, fromPid, reply); });
    return true;
}

} // namespace qrs
