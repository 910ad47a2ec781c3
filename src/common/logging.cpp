// SPDX-FileCopyrightText: 2026 QtResourceSharer contributors
//
// SPDX-License-Identifier: BSD-3-Clause

#include "logging_p.h"

namespace qrs {
Q_LOGGING_CATEGORY(lcProtocol, "qrs.protocol", QtWarningMsg)
Q_LOGGING_CATEGORY(lcSharer, "qrs.sharer", QtWarningMsg)
Q_LOGGING_CATEGORY(lcClient, "qrs.client", QtWarningMsg)
Q_LOGGING_CATEGORY(lcDupFd, "qrs.dupfd", QtWarningMsg)
Q_LOGGING_CATEGORY(lcLaunch, "qrs.launch", QtWarningMsg)
} // namespace qrs
