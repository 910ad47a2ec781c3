// SPDX-FileCopyrightText: 2026 QtResourceSharer contributors
//
// SPDX-License-Identifier: BSD-3-Clause

#include "statuspublisher_p.h"

#include "common/text_p.h"

#include <qrs/resourcesharer.h>

namespace qrs {

namespace {
// The ended workers kept for the console's timeline: at most this many, none
// older than HistoryMs.
constexpr int HistoryLength = 128;
constexpr qint64 HistoryMs = 10 * 60 * 1000;
} // namespace

StatusPublisher::StatusPublisher(std::function<SupervisorStatus()> build,
                                 std::function<void(const QString &)> log, QObject *parent)
    : QObject(parent)
    , m_build(std::move(build))
    , m_log(std::move(log))
    , m_timer(this)
{
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &StatusPublisher::publishNow);
}

void StatusPublisher::changed()
{
    if (!m_timer.isActive())
        m_timer.start(0);
}

void StatusPublisher::setField(const QString &key, const QJsonValue &value)
{
    m_fields.insert(key, value);
    changed();
}

void StatusPublisher::remember(const SupervisedWorker &ended)
{
    m_history.append(ended);
    while (!m_history.isEmpty()
           && (m_history.size() > HistoryLength
               || m_history.first().ended < ended.ended - HistoryMs))
        m_history.removeFirst();
}

void StatusPublisher::publishNow()
{
    m_timer.stop();
    QJsonObject published = m_build().toJson();
    QString error;
    Error code = Error::NoError;
    if (ResourceSharer::instance()->setProcessStatus(published, &code, &error))
        return;
    if (code == Error::TooLarge) {
        // Hundreds of workers: the timeline's history goes first.
        published.remove(QStringLiteral("history"));
        if (ResourceSharer::instance()->setProcessStatus(published, &code, &error))
            return;
    }
    m_log(qrs::tr("cannot publish the workers' status: %1").arg(error));
}

} // namespace qrs
