// SPDX-FileCopyrightText: 2026 QtResourceSharer contributors
//
// SPDX-License-Identifier: BSD-3-Clause

// qrs-inspect [--json] [--watch] [--timeout MS] ADDRESS|PID
// qrs-inspect --gui ADDRESS|PID
// Shows the cache of a running sharer of this user: as a table (or one JSON
// object per line), once or following every change (--watch), or in the
// SharerPanel window (--gui). Exit codes: 0 success (--watch: after
// SIGINT/SIGTERM), 1 the sharer cannot be reached (with --watch: or the
// process followed by pid has ended), 2 bad usage. Windows builds have no
// --gui (no Qt Quick there yet).
#include "process.h"
#include "supervisorstatus.h"
#include "toolcommon.h"

#include <qrs/cachemodel.h>

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QEventLoop>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTimer>
#ifdef QRS_INSPECT_GUI
#include <QGuiApplication>
#include <QQmlApplicationEngine>
#endif

#include <cerrno>
#include <csignal>
#include <cstdio>
#include <memory>

namespace {

using qrs::tools::printColumns;
using qrs::tools::printLine;

using qrs::CacheModel;
using qrs::tools::printError;

// The translation context of this tool's messages.
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(qrs_inspect)
};

QJsonObject entryJson(const CacheModel &model, int row)
{
    const QModelIndex i = model.index(row, 0);
    const auto info = i.data(CacheModel::InfoRole).value<qrs::ResourceInfo>();
    QJsonObject o{
            {QStringLiteral("id"), info.id.toString()},
            {QStringLiteral("key"), i.data(CacheModel::KeyRole).toString()},
            {QStringLiteral("name"), info.name},
            {QStringLiteral("kind"), i.data(CacheModel::KindRole).toString()},
            {QStringLiteral("description"), info.description},
            {QStringLiteral("path"), info.path},
            {QStringLiteral("state"), i.data(CacheModel::StateRole).toString()},
            {QStringLiteral("registeringPid"), info.registeringPid},
            {QStringLiteral("takenByPid"), info.takenByPid},
            {QStringLiteral("registeredAt"), info.registeredAt.toString(Qt::ISODateWithMs)},
            {QStringLiteral("ageSeconds"), i.data(CacheModel::AgeRole).toLongLong()},
            {QStringLiteral("ttlLeftMs"), i.data(CacheModel::TtlLeftRole).toLongLong()},
            {QStringLiteral("access"), i.data(CacheModel::AccessRole).toString()},
    };
    if (info.boundPid)
        o.insert(QStringLiteral("boundPid"), info.boundPid);
    QJsonArray uids, gids;
    for (uint uid : info.allowedUids)
        uids.append(qint64(uid));
    for (uint gid : info.allowedGids)
        gids.append(qint64(gid));
    if (!uids.isEmpty())
        o.insert(QStringLiteral("allowedUids"), uids);
    if (!gids.isEmpty())
        o.insert(QStringLiteral("allowedGids"), gids);
    if (info.localPort >= 0)
        o.insert(QStringLiteral("port"), info.localPort);
    return o;
}

QString json(const QJsonObject &o)
{
    return QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact));
}

QString sharerJson(const CacheModel &model)
{
    return json({
            {QStringLiteral("address"), model.address()},
            {QStringLiteral("status"), QJsonObject::fromVariantMap(model.processStatus())},
            {QStringLiteral("pid"), model.sharerPid()},
            {QStringLiteral("statistics"),
             QJsonObject{
                     {QStringLiteral("registered"), qint64(model.registeredCount())},
                     {QStringLiteral("taken"), qint64(model.takenCount())},
                     {QStringLiteral("expired"), qint64(model.expiredCount())},
                     {QStringLiteral("revoked"), qint64(model.revokedCount())},
                     {QStringLiteral("failed"), qint64(model.failedCount())},
                     {QStringLiteral("cached"), model.cachedCount()},
             }},
    });
}

QString duration(qint64 seconds)
{
    if (seconds < 120)
        return Text::tr("%1 s").arg(seconds);
    if (seconds < 7200)
        return Text::tr("%1 min").arg(seconds / 60);
    return Text::tr("%1 h").arg(seconds / 3600);
}

QStringList tableCells(const CacheModel &model, int row)
{
    const QModelIndex i = model.index(row, 0);
    const qint64 ttl = i.data(CacheModel::TtlLeftRole).toLongLong();
    const qint64 takenBy = i.data(CacheModel::TakenByPidRole).toLongLong();
    return {i.data(CacheModel::KeyRole).toString(),
            i.data(CacheModel::NameRole).toString(),
            i.data(CacheModel::KindRole).toString(),
            i.data(CacheModel::StateTextRole).toString(),
            duration(i.data(CacheModel::AgeRole).toLongLong()),
            ttl < 0 ? QStringLiteral("-") : duration((ttl + 999) / 1000),
            QString::number(i.data(CacheModel::RegisteringPidRole).toLongLong()),
            takenBy ? QString::number(takenBy) : QStringLiteral("-"),
            i.data(CacheModel::AccessRole).toString(),
            i.data(CacheModel::DescriptionRole).toString()};
}

// What the sharer's process says about itself: a supervisor's workers as a
// table, anything else as its JSON.
void printProcessStatus(const CacheModel &model)
{
    const QJsonObject status = QJsonObject::fromVariantMap(model.processStatus());
    if (status.isEmpty())
        return;
    const qrs::SupervisorStatus supervisor = qrs::SupervisorStatus::fromJson(status);
    if (!supervisor.isValid()) {
        printLine(Text::tr("process status: %1").arg(json(status)));
        return;
    }
    qrs::tools::printSupervisorStatus(supervisor, QStringLiteral("  "));
}

void printTable(const CacheModel &model)
{
    QList<QStringList> lines{{Text::tr("KEY"), Text::tr("NAME"), Text::tr("KIND"),
                              Text::tr("STATE"), Text::tr("AGE"), Text::tr("TTL"), Text::tr("PID"),
                              Text::tr("TAKEN BY"), Text::tr("WHO MAY TAKE"),
                              Text::tr("DESCRIPTION")}};
    for (int row = 0; row < model.rowCount(); ++row)
        lines.append(tableCells(model, row));
    printLine(Text::tr("sharer of process %1 at %2: %n resource(s) cached", nullptr,
                       model.cachedCount())
                      .arg(model.sharerPid())
                      .arg(model.address()));
    printColumns(lines);
    printLine(Text::tr("registered %1, taken %2, expired %3, revoked %4, failed %5")
                      .arg(model.registeredCount())
                      .arg(model.takenCount())
                      .arg(model.expiredCount())
                      .arg(model.revokedCount())
                      .arg(model.failedCount()));
    printProcessStatus(model);
}

// Waits until the model follows the sharer or fails to reach it.
bool waitUntilFollowing(CacheModel *model, int timeoutMs, QString *error)
{
    QEventLoop loop;
    QObject::connect(model, &CacheModel::statusChanged, &loop, &QEventLoop::quit);
    QTimer::singleShot(timeoutMs, &loop, &QEventLoop::quit);
    while (model->status() == CacheModel::Status::Connecting) {
        if (loop.exec() == 0 && model->status() == CacheModel::Status::Connecting) {
            *error = Text::tr("the sharer at %1 did not answer within %2 ms")
                             .arg(model->source())
                             .arg(timeoutMs);
            return false;
        }
    }
    if (model->status() == CacheModel::Status::Error) {
        *error = model->errorString();
        return false;
    }
    return true;
}

#ifdef QRS_INSPECT_GUI
int runGui(int argc, char **argv)
{
    QGuiApplication app(argc, argv);
    QCommandLineParser parser;
    qrs::tools::setUpTool(
            &parser, QStringLiteral("qrs-inspect"),
            Text::tr("Shows the live cache of a running resource sharer in a window."));
    parser.addOption({QStringLiteral("gui"), Text::tr("Open the panel in a window.")});
    parser.addPositionalArgument(
            QStringLiteral("target"),
            Text::tr("The sharer's socket address, or the pid of its process."));
    if (!qrs::tools::parseCommandLine(parser, app.arguments()))
        return 2;
    if (parser.positionalArguments().size() != 1) {
        printError(Text::tr("usage: qrs-inspect --gui ADDRESS|PID"));
        return 2;
    }
    QQmlApplicationEngine engine;
    // The module sits at the same place relative to the tool in the build tree
    // and where it is installed.
    engine.addImportPath(QCoreApplication::applicationDirPath()
                         + QStringLiteral("/" QRS_QML_RELATIVE_DIR));
    const QString target = parser.positionalArguments().first();
    engine.setInitialProperties(
            {{QStringLiteral("target"), target},
             {QStringLiteral("title"), Text::tr("Resource sharer: %1").arg(target)}});
    engine.loadData(R"(
import QtQuick
import QtQuick.Controls
import QtResourceSharer

ApplicationWindow {
    property string target
    width: 960
    height: 560
    visible: true
    SharerPanel {
        anchors.fill: parent
        source: target
    }
}
)");
    if (engine.rootObjects().isEmpty()) {
        printError(Text::tr("cannot load the QtResourceSharer QML module"));
        return 1;
    }
    return app.exec();
}
#endif

} // namespace

int main(int argc, char **argv)
{
#ifdef QRS_INSPECT_GUI
    for (int i = 1; i < argc; ++i) {
        if (qstrcmp(argv[i], "--gui") == 0)
            return runGui(argc, argv);
    }
#endif
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    qrs::tools::setUpTool(&parser, QStringLiteral("qrs-inspect"),
                          Text::tr("Shows the cache of a running resource sharer of this user."));
    const QCommandLineOption jsonOption(QStringLiteral("json"),
                                        Text::tr("One JSON object per line: the sharer, then each "
                                                 "resource (with --watch: each change)."));
    const QCommandLineOption watchOption(
            QStringLiteral("watch"), Text::tr("Keep following the sharer and print every change."));
    const QCommandLineOption timeoutOption(
            QStringLiteral("timeout"), Text::tr("How long to wait for the sharer (default 5000)."),
            QStringLiteral("MS"), QStringLiteral("5000"));
    parser.addOptions({jsonOption, watchOption, timeoutOption});
#ifdef QRS_INSPECT_GUI
    parser.addOption({QStringLiteral("gui"), Text::tr("Open the panel in a window.")});
#endif
    parser.addPositionalArgument(
            QStringLiteral("target"),
            Text::tr("The sharer's socket address, or the pid of its process."),
            QStringLiteral("ADDRESS|PID"));
    if (!qrs::tools::parseCommandLine(parser, app.arguments()))
        return 2;
    if (parser.positionalArguments().size() != 1
        || parser.positionalArguments().first().isEmpty()) {
        printError(Text::tr("usage: qrs-inspect [--json] [--watch] ADDRESS|PID"));
        return 2;
    }
    const qint64 timeoutMs = qrs::tools::positiveMilliseconds(parser, timeoutOption);
    if (timeoutMs < 0)
        return 2;
    const bool asJson = parser.isSet(jsonOption);

    CacheModel model;
    model.setKeepFinishedFor(60'000); // --watch prints each row's last change
    model.setSource(parser.positionalArguments().first());
    QString error;
    if (!waitUntilFollowing(&model, int(timeoutMs), &error)) {
        printError(error);
        return 1;
    }
    if (asJson) {
        printLine(sharerJson(model));
        for (int row = 0; row < model.rowCount(); ++row)
            printLine(json(entryJson(model, row)));
    } else {
        printTable(model);
    }
    if (!parser.isSet(watchOption))
        return 0;

    const auto printRow = [&model, asJson](int row) {
        if (asJson) {
            QJsonObject o = entryJson(model, row);
            o.insert(QStringLiteral("time"),
                     QDateTime::currentDateTime().toString(Qt::ISODateWithMs));
            printLine(json(o));
        } else {
            printLine(QDateTime::currentDateTime().toString(QStringLiteral("HH:mm:ss.zzz  "))
                      + tableCells(model, row).join(QLatin1String("  ")));
        }
    };
    QObject::connect(&model, &CacheModel::processStatusChanged, &app, [&model, asJson] {
        if (asJson)
            printLine(json(
                    {{QStringLiteral("status"), QJsonObject::fromVariantMap(model.processStatus())},
                     {QStringLiteral("time"),
                      QDateTime::currentDateTime().toString(Qt::ISODateWithMs)}}));
        else
            printProcessStatus(model);
    });
    QObject::connect(&model, &CacheModel::rowsInserted, &app,
                     [printRow](const QModelIndex &, int first, int last) {
                         for (int row = first; row <= last; ++row)
                             printRow(row);
                     });
    QObject::connect(
            &model, &CacheModel::dataChanged, &app,
            [printRow](const QModelIndex &from, const QModelIndex &to, const QList<int> &roles) {
                if (!roles.isEmpty())
                    return; // the age and TTL tick, not a change
                for (int row = from.row(); row <= to.row(); ++row)
                    printRow(row);
            });
    // Following a pid: when that process is gone, so is the sharer (exit 1).
    bool numeric = false;
    const qint64 targetPid = model.source().toLongLong(&numeric);
    QObject::connect(&model, &CacheModel::statusChanged, &app, [&model, numeric, targetPid] {
        if (model.status() == CacheModel::Status::Error) {
            if (numeric && !qrs::platform::isProcessAlive(targetPid)) {
                printError(Text::tr("process %1 has ended").arg(targetPid));
                QCoreApplication::exit(1);
                return;
            }
            printError(Text::tr("%1; retrying").arg(model.errorString()));
        } else if (model.status() == CacheModel::Status::Following) {
            printError(Text::tr("following the sharer of process %1 again").arg(model.sharerPid()));
        }
    });
    qrs::tools::SignalWatcher stopSignals({SIGINT, SIGTERM});
    QObject::connect(&stopSignals, &qrs::tools::SignalWatcher::signalReceived, &app,
                     [] { QCoreApplication::quit(); });
    return app.exec();
}
