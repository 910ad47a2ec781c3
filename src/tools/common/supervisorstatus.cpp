// SPDX-FileCopyrightText: 2026 QtResourceSharer contributors
//
// SPDX-License-Identifier: BSD-3-Clause

#include "supervisorstatus.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonArray>

#include <cstdio>

namespace qrs::tools {

namespace {

struct Text
{
    Q_DECLARE_TR_FUNCTIONS(qrs_tools_status)
};

// "4s", "3m12s", "2h05m": how long ago since (ms since the epoch), by now.
QString ago(qint64 since, qint64 now)
{
    if (since <= 0)
        return QStringLiteral("-");
    const qint64 s = qMax<qint64>(0, (now - since) / 1000);
    if (s < 60)
        return QStringLiteral("%1s").arg(s);
    if (s < 3600)
        return QStringLiteral("%1m%2s").arg(s / 60).arg(s % 60, 2, 10, QLatin1Char('0'));
    return QStringLiteral("%1h%2m").arg(s / 3600).arg(s / 60 % 60, 2, 10, QLatin1Char('0'));
}

} // namespace

void printLine(const QString &line)
{
    std::fputs(qPrintable(line + QLatin1Char('\n')), stdout);
    std::fflush(stdout);
}

void printColumns(const QList<QStringList> &lines, const QString &indent)
{
    QList<qsizetype> widths(lines.first().size(), 0);
    for (const QStringList &cells : lines) {
        for (int c = 0; c < cells.size(); ++c)
            widths[c] = qMax(widths[c], cells.at(c).size());
    }
    for (const QStringList &cells : lines) {
        QString line = indent;
        for (int c = 0; c < cells.size(); ++c)
            line += c + 1 == cells.size() ? cells.at(c) : cells.at(c).leftJustified(widths[c] + 2);
        printLine(line);
    }
}

void printSupervisorStatus(const QJsonObject &status, const QString &indent)
{
    const QJsonObject supervisor = status.value(QLatin1String("supervisor")).toObject();
    const QJsonObject upgrade = supervisor.value(QLatin1String("upgrade")).toObject();
    const bool upgrading =
            upgrade.value(QLatin1String("state")).toString() == QLatin1String("running");
    const QString command = supervisor.value(QLatin1String("command")).toString();
    const qint64 now =
            supervisor.value(QLatin1String("now")).toInteger(QDateTime::currentMSecsSinceEpoch());
    printLine(indent.left(qMax(0, int(indent.size()) - 2))
              + Text::tr("supervisor %1: %2 of %3 workers ready, surge %4%5")
                        .arg(supervisor.value(QLatin1String("pid")).toInteger())
                        .arg(supervisor.value(QLatin1String("ready")).toInt())
                        .arg(supervisor.value(QLatin1String("workers")).toInt())
                        .arg(supervisor.value(QLatin1String("surge")).toString(QStringLiteral("1")))
                        .arg(supervisor.value(QLatin1String("stopping")).toBool()
                                     ? Text::tr("; stopping")
                                     : upgrading
                                     ? Text::tr("; upgrading in place (successor pid %1)")
                                               .arg(upgrade.value(QLatin1String("successor"))
                                                            .toInteger())
                                     : !command.isEmpty() ? Text::tr("; %1 under way").arg(command)
                                     : supervisor.value(QLatin1String("rolling")).toBool()
                                     ? Text::tr("; a rolling restart is under way")
                                     : QString()));
    QList<QStringList> lines{{Text::tr("SLOT"), Text::tr("PID"), Text::tr("UID"),
                              Text::tr("GENERATION"), Text::tr("ROLE"), Text::tr("READY"),
                              Text::tr("UP"), Text::tr("RESTARTS"), Text::tr("STATUS")}};
    for (const QJsonValue &v : status.value(QLatin1String("workers")).toArray()) {
        const QJsonObject w = v.toObject();
        const qint64 readySince = w.value(QLatin1String("readySince")).toInteger();
        lines.append({QString::number(w.value(QLatin1String("slot")).toInt()),
                      QString::number(w.value(QLatin1String("pid")).toInteger()),
                      w.contains(QLatin1String("uid"))
                              ? QString::number(w.value(QLatin1String("uid")).toInteger())
                              : QStringLiteral("-"),
                      QString::number(w.value(QLatin1String("generation")).toInt()),
                      w.value(QLatin1String("role")).toString(),
                      w.value(QLatin1String("ready")).toBool()
                              ? (readySince > 0 ? Text::tr("yes, %1").arg(ago(readySince, now))
                                                : Text::tr("yes"))
                              : Text::tr("no"),
                      ago(w.value(QLatin1String("started")).toInteger(), now),
                      QString::number(w.value(QLatin1String("restarts")).toInt()),
                      w.value(QLatin1String("status")).toString()});
    }
    printColumns(lines, indent);
}

} // namespace qrs::tools
