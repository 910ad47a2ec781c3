// SPDX-FileCopyrightText: 2026 QtResourceSharer contributors
//
// SPDX-License-Identifier: BSD-3-Clause

// A supervisor's published status ({"supervisor": {...}, "workers": [...]})
// as lines for people: qrs-inspect PID and qrs-supervise --status PID.
#pragma once

#include <qrs/supervisorstatus.h>

#include <QStringList>

namespace qrs::tools {

// One line on stdout.
void printLine(const QString &line);
// The columns of a table, each as wide as its widest cell, two spaces apart.
void printColumns(const QList<QStringList> &lines, const QString &indent = {});
// The supervisor's summary line and its workers as a table (indented by indent).
void printSupervisorStatus(const SupervisorStatus &status, const QString &indent = {});

} // namespace qrs::tools
