// SPDX-FileCopyrightText: 2026 QtResourceSharer contributors
//
// SPDX-License-Identifier: BSD-3-Clause

// Loads the library's translations for the user's locale when the application
// object is created (as KDE Frameworks' generated loaders do).
#include "translations_p.h"

#include <QCoreApplication>

namespace {
void loadTranslations()
{
    qrs::i18n::install();
}
} // namespace

Q_COREAPP_STARTUP_FUNCTION(loadTranslations)

// What a program linked with the static library names (--undefined, in
// src/CMakeLists.txt), so that this file is linked in and the translations
// load there as they do with the shared library.
extern "C" void qrs_autotranslate() { }
