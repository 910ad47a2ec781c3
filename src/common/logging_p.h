// SPDX-FileCopyrightText: 2026 QtResourceSharer contributors
//
// SPDX-License-Identifier: BSD-3-Clause

// One logging category per layer, so that a user can turn on exactly one:
// QT_LOGGING_RULES="qrs.protocol.debug=true".
#pragma once

#include <QLoggingCategory>

namespace qrs {
Q_DECLARE_LOGGING_CATEGORY(lcProtocol) // qrs.protocol
Q_DECLARE_LOGGING_CATEGORY(lcSharer)   // qrs.sharer
Q_DECLARE_LOGGING_CATEGORY(lcClient)   // qrs.client
Q_DECLARE_LOGGING_CATEGORY(lcDupFd)    // qrs.dupfd
Q_DECLARE_LOGGING_CATEGORY(lcLaunch)   // qrs.launch
} // namespace qrs
