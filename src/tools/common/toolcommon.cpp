// SPDX-FileCopyrightText: 2026 QtResourceSharer contributors
//
// SPDX-License-Identifier: BSD-3-Clause

#include "toolcommon.h"

#include <qrs/error.h>

#include "fdpassing.h"
#include "translations_p.h"

#include <qrs/version.h>

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFileInfo>
#include <QSocketNotifier>
#include <QStandardPaths>

#include <cstdio>
#include <cstring>
#include <limits>

namespace {
// Every tool speaks the user's language from its first message on.
void loadTranslations()
{
    qrs::i18n::install();
}
} // namespace

Q_COREAPP_STARTUP_FUNCTION(loadTranslations)

namespace qrs::tools {

bool parseCommandLine(QCommandLineParser &parser, const QStringList &arguments)
{
    if (!parser.parse(arguments)) {
        printError(parser.errorText());
        return false;
    }
    if (parser.isSet(QStringLiteral("help")))
        parser.showHelp(0);
    if (parser.isSet(QStringLiteral("version")))
        parser.showVersion();
    return true;
}

qint64 positiveMilliseconds(const QCommandLineParser &parser, const QCommandLineOption &option)
{
    bool ok = false;
    const qint64 ms = parser.value(option).toLongLong(&ok);
    if (ok && ms > 0 && ms <= std::numeric_limits<int>::max())
        return ms;
    printError(QCoreApplication::translate(
                       "qrs-tools", "--%1 takes a positive number of milliseconds, not \"%2\"")
                       .arg(option.names().constFirst(), parser.value(option)));
    return -1;
}

int programSeparator(int argc, char **argv)
{
    int split = 1;
    while (split < argc && std::strcmp(argv[split], "--") != 0)
        ++split;
    return split;
}

QString findProgram(const QString &program)
{
    const QString path =
            program.contains(QLatin1Char('/')) ? program : QStandardPaths::findExecutable(program);
    const QFileInfo fi(path);
    if (!path.isEmpty() && fi.isFile() && fi.isExecutable())
        return path;
    printError(
            QCoreApplication::translate("qrs-tools", "cannot run %1: not found or not executable")
                    .arg(program));
    return {};
}

void setUpTool(QCommandLineParser *parser, const QString &name, const QString &description)
{
    QCoreApplication::setApplicationName(name);
    QCoreApplication::setApplicationVersion(QStringLiteral(QRS_VERSION_STR));
    parser->setApplicationDescription(description);
    parser->addHelpOption();
    parser->addVersionOption();
}

int exitStatusFor(Error error)
{
    switch (error) {
    case Error::NoError:
        return 0;
    case Error::InvalidId:
    case Error::InvalidArgument:
        return 2;
    case Error::UnknownKey:
    case Error::AlreadyTaken:
    case Error::Expired:
    case Error::Revoked:
        return 3;
    case Error::SharerUnreachable:
    case Error::SharerStopping:
        return 4;
    case Error::Timeout:
    case Error::Busy:
    case Error::Overloaded:
        return 5;
    case Error::Denied:
        return 6;
    case Error::DescriptorLimit:
        return 7;
    case Error::WrongKind:
    case Error::NotFound:
        return 8;
    case Error::Malformed:
    case Error::TooLarge:
    case Error::SystemError:
        break;
    }
    return 1;
}

void printError(const QString &message)
{
    std::fprintf(stderr, "%s: %s\n", qPrintable(QCoreApplication::applicationName()),
                 qPrintable(message));
    std::fflush(stderr);
}

} // namespace qrs::tools
