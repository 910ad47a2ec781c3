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
