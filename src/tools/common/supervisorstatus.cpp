// SPDX-FileCopyrightText: 2026 QtResourceSharer contributors
//
// SPDX-License-Identifier: BSD-3-Clause

#include "supervisorstatus.h"

#include <QCoreApplication>
#include <QDateTime>

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

void printSupervisorStatus(const SupervisorStatus &status, const QString &indent)
{
    const bool upgrading = status.upgrade.state == QLatin1String("running");
    const qint64 now = status.now > 0 ? status.now : QDateTime::currentMSecsSinceEpoch();
    printLine(indent.left(qMax(0, int(indent.size()) - 2))
              + Text::tr("supervisor %1: %2 of %3 workers ready, surge %4%5")
                        .arg(status.pid)
                        .arg(status.ready)
                        .arg(status.workers)
                        .arg(status.surge)
                        .arg(status.stopping ? Text::tr("; stopping")
                                     : upgrading
                                     ? Text::tr("; upgrading in place (successor pid %1)")
                                               .arg(status.upgrade.successor)
                                     : !status.command.isEmpty()
                                     ? Text::tr("; %1 under way").arg(status.command)
                                     : status.rolling ? Text::tr("; a rolling restart is under way")
                                                      : QString()));
    QList<QStringList> lines{{Text::tr("SLOT"), Text::tr("PID"), Text::tr("UID"),
                              Text::tr("GENERATION"), Text::tr("ROLE"), Text::tr("READY"),
                              Text::tr("UP"), Text::tr("RESTARTS"), Text::tr("STATUS")}};
    for (const SupervisedWorker &w : status.workerList) {
        lines.append({QString::number(w.slot), QString::number(w.pid),
                      w.uid >= 0 ? QString::number(w.uid) : QStringLiteral("-"),
                      QString::number(w.generation), w.role,
                      w.ready ? (w.readySince > 0 ? Text::tr("yes, %1").arg(ago(w.readySince, now))
                                                  : Text::tr("yes"))
                              : Text::tr("no"),
                      ago(w.started, now), QString::number(w.restarts), w.status});
    }
    printColumns(lines, indent);
}

} // namespace qrs::tools
