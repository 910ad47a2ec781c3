// SPDX-FileCopyrightText: 2026 QtResourceSharer contributors
//
// SPDX-License-Identifier: BSD-3-Clause

// The client side of the control channel: qrs-supervise --status, --restart,
// --scale, --upgrade and --stop PID send one command to the supervisor PID
// through its sharer (qrs::ProcessControl), wait for its outcome and say it.
#pragma once

#include <QJsonObject>

namespace qrs::supervise {

// The exit status: 0 done; 1 refused, failed, or the supervisor cannot be
// reached (said on stderr). With json, the reply is printed as it came.
// timeoutMs < 0: as long as the command takes.
int sendCommand(qint64 pid, const QJsonObject &command, int timeoutMs, bool json);

} // namespace qrs::supervise
