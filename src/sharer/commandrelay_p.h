// SPDX-FileCopyrightText: 2026 QtResourceSharer contributors
//
// SPDX-License-Identifier: BSD-3-Clause

// The commands a process takes through its sharer (ResourceSharer::
// setCommandHandler()): the server thread hands each one over to the
// handler's thread, and the reply, from whichever thread gives it, back to the
// connection it came on. Any thread; one mutex of its own.
#pragma once

#include <qrs/resourcesharer.h>

#include <QMutex>
#include <QPointer>

namespace qrs {

class CommandRelay
{
public:
    // Any thread: the handler runs in context's thread; a null handler takes none.
    void setHandler(QObject *context, ResourceSharer::CommandHandler handler);
    // Server thread: runs command (a JSON object) in the handler's thread;
    // reply is called once, from any thread, with the outcome. False if the
    // process takes no commands.
    bool dispatch(const QJsonObject &command, qint64 fromPid,
                  const ResourceSharer::CommandReply &reply) const;

private:
    mutable QMutex m_mutex;
    QPointer<QObject> m_context;
    ResourceSharer::CommandHandler m_handler;
};

} // namespace qrs
