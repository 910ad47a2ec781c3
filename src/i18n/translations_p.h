// SPDX-FileCopyrightText: 2026 QtResourceSharer contributors
//
// SPDX-License-Identifier: BSD-3-Clause

// The German and French translations of the library, the panel and the tools,
// compiled into the binary (resource prefix :/qrs/i18n).
#pragma once

#include <QLocale>

namespace qrs::i18n {

// Installs a translator for locale's languages on the application, once per
// process (later calls do nothing); false if none matches. Main thread, after
// the QCoreApplication exists. The library does this itself at startup; the
// tools that do not link it call it themselves.
bool install(const QLocale &locale = QLocale());

} // namespace qrs::i18n
