// SPDX-FileCopyrightText: 2026 QtResourceSharer contributors
//
// SPDX-License-Identifier: BSD-3-Clause

#include "control.h"

#include "supervisorstatus.h"
#include "toolcommon.h"

#include <qrs/processcontrol.h>

#include <QCoreApplication>
#include <QJsonDocument>

namespace qrs::supervise {

namespace {

struct Text
{
    Q_DECLARE_TR_FUNCTIONS(qrs_supervise)
};

// The command, for people: "the upgrade", "the rolling restart".
QString what(const QJsonObject &command)
{
    const QString name = command.value(QLatin1String("command")).toString();
    if (name == QLatin1String("upgrade"))
        return Text::tr("the upgrade");
    if (name == QLatin1String("restart"))
        return Text::tr("the rolling restart");
    if (name == QLatin1String("restart-worker"))
        return Text::tr("the restart of worker %1")
                .arg(command.value(QLatin1String("slot")).toInt());
    if (name == QLatin1String("scale"))
        return Text::tr("the scaling to %1 workers")
                .arg(command.value(QLatin1String("workers")).toInt());
    if (name == QLatin1String("stop"))
        return Text::tr("the stop");
    return Text::tr("the command \"%1\"").arg(name);
}

// What a command that worked did, for people.
QString outcome(qint64 pid, const QString &name, const QJsonObject &reply)
{
    if (name == QLatin1String("restart"))
        return Text::tr("restarted: %1 of %2 workers replaced")
                .arg(reply.value(QLatin1String("replaced")).toInt())
                .arg(reply.value(QLatin1String("total")).toInt());
    if (name == QLatin1String("restart-worker"))
        return Text::tr("restarted worker %1").arg(reply.value(QLatin1String("slot")).toInt());
    if (name == QLatin1String("scale"))
        return Text::tr("scaled: %1 workers ready")
                .arg(reply.value(QLatin1String("ready")).toInt());
    if (name == QLatin1String("upgrade"))
        return Text::tr("upgraded: pid %1 took over from pid %2")
                .arg(reply.value(QLatin1String("successor")).toInteger())
                .arg(pid);
    if (name == QLatin1String("stop"))
        return Text::tr("stopped: pid %1 stopped its workers and exits").arg(pid);
    return QString::fromUtf8(QJsonDocument(reply).toJson(QJsonDocument::Compact));
}

} // namespace

int sendCommand(qint64 pid, const QJsonObject &command, int timeoutMs, bool json)
{
    QString error;
    const QJsonObject reply =
            ProcessControl::send(QString::number(pid), command, timeoutMs, &error);
    if (reply.isEmpty()) {
        tools::printError(
                Text::tr("cannot reach the supervisor with pid %1: %2").arg(pid).arg(error));
        return 1;
    }
    const QString name = command.value(QLatin1String("command")).toString();
    const bool ok = reply.value(QLatin1String("ok")).toBool();
    if (json) {
        tools::printLine(
                QString::fromUtf8(QJsonDocument(reply).toJson(QJsonDocument::Indented)).trimmed());
    } else if (!ok) {
        const QString reason = reply.value(QLatin1String("reason")).toString();
        tools::printError(reply.value(QLatin1String("refused")).toBool()
                                  ? Text::tr("%1 of pid %2 was refused: %3")
                                            .arg(what(command))
                                            .arg(pid)
                                            .arg(reason)
                                  : Text::tr("%1 of pid %2 failed: %3")
                                            .arg(what(command))
                                            .arg(pid)
                                            .arg(reason));
    } else if (name == QLatin1String("status")) {
        tools::printSupervisorStatus(
                SupervisorStatus::fromJson(reply.value(QLatin1String("status")).toObject()));
    } else {
        tools::printLine(outcome(pid, name, reply));
    }
    return ok ? 0 : 1;
}

} // namespace qrs::supervise
