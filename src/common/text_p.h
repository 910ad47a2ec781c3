// SPDX-FileCopyrightText: 2026 QtResourceSharer contributors
//
// SPDX-License-Identifier: BSD-3-Clause

// User-visible text of the library: one translation context ("qrs"), and
// errno as a sentence.
#pragma once

#include "fdpassing.h"

#include <QCoreApplication>
#include <QString>

namespace qrs {

inline QString tr(const char *text)
{
    return QCoreApplication::translate("qrs", text);
}

inline QString systemErrorText(int errnoValue)
{
    return QString::fromLocal8Bit(platform::errorText(errnoValue).c_str());
}

} // namespace qrs
