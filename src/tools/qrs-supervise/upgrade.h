// SPDX-FileCopyrightText: 2026 QtResourceSharer contributors
//
// SPDX-License-Identifier: BSD-3-Clause

// qrs-supervise's part of an upgrade in place (qrs::Supervisor::upgrade() does
// the rest): as a successor, the listeners its predecessor handed over, for
// --listen to find by name, and the end of the predecessor, after which the
// predecessor's service manager is this process's. Main thread.
#pragma once

#include "listeners.h"

#include <QObject>

#include <functional>

namespace qrs::supervise {

// The listeners a predecessor handed over (Supervisor::takeUpgradeListeners()),
// added to *out; nothing when there is no predecessor.
bool takePredecessorListeners(QList<PassedListener> *out, QString *error);

// Calls ended() from the event loop once process pid has ended (any process of
// this user, not only a child). False if it has ended already.
bool whenProcessEnds(qint64 pid, QObject *context, const std::function<void()> &ended);

} // namespace qrs::supervise
