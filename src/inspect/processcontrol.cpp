// SPDX-FileCopyrightText: 2026 QtResourceSharer contributors
//
// SPDX-License-Identifier: BSD-3-Clause

#include <qrs/processcontrol.h>

#include "inspectclient_p.h"

#include <QThread>

namespace qrs {

// One post(): the round trip blocks a thread of its own.
class ProcessControl::Call : public QThread
{
public:
    QString target;
    QJsonObject command;
    int timeoutMs = -1;
    QJsonObject reply;
    QString error;

protected:
    void run() override { reply = send(target, command, timeoutMs, &error); }
};

ProcessControl::ProcessControl(QObject *parent)
    : QObject(parent)
{ }

ProcessControl::~ProcessControl()
{
    if (!m_call)
        return;
    // A rolling restart may take minutes: the call ends on its own, unheard.
    m_call->disconnect(this);
    connect(m_call, &QThread::finished, m_call, &QObject::deleteLater);
    if (m_call->isFinished()) {
        m_call->wait();
        delete m_call;
    }
}

QJsonObject ProcessControl::send(const QString &target, const QJsonObject &command, int timeoutMs,
                                 QString *error)
{
    QJsonObject reply;
    QString why;
    if (!inspect::command(target, command, timeoutMs, &reply, &why)) {
        if (error)
            *error = why;
        return {};
    }
    return reply;
}

bool ProcessControl::post(const QString &target, const QJsonObject &command, int timeoutMs)
{
    if (m_call)
        return false;
    m_call = new Call;
    m_call->target = target;
    m_call->command = command;
    m_call->timeoutMs = timeoutMs;
    connect(m_call, &QThread::finished, this, [this] {
        Call *call = std::exchange(m_call, nullptr);
        call->wait();
        const QJsonObject command = call->command;
        const QJsonObject reply = call->reply;
        const QString error = call->error;
        delete call;
        Q_EMIT busyChanged();
        Q_EMIT finished(command, reply, error);
    });
    m_call->start();
    Q_EMIT busyChanged();
    return true;
}

bool ProcessControl::isBusy() const
{
    return m_call != nullptr;
}

} // namespace qrs
