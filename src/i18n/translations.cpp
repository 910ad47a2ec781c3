// SPDX-FileCopyrightText: 2026 QtResourceSharer contributors
//
// SPDX-License-Identifier: BSD-3-Clause

#include "translations_p.h"

#include <QCoreApplication>
#include <QTranslator>

namespace qrs::i18n {

bool install(const QLocale &locale)
{
    QCoreApplication *app = QCoreApplication::instance();
    // A process may hold two copies of this code (a tool and the library):
    // the property, not a static, says whether one of them has done it.
    static const char installed[] = "_qrs_translator_installed";
    if (!app || app->property(installed).toBool())
        return app != nullptr;
    auto *translator = new QTranslator(app);
    if (!translator->load(locale, QStringLiteral("qtresourcesharer"), QStringLiteral("_"),
                          QStringLiteral(":/qrs/i18n"))) {
        delete translator;
        return false;
    }
    app->installTranslator(translator);
    app->setProperty(installed, true);
    return true;
}

} // namespace qrs::i18n
