// SPDX-FileCopyrightText: 2026 QtResourceSharer contributors
//
// SPDX-License-Identifier: BSD-3-Clause

// qrs-supervise [--workers N] [--surge N|P%] [--user USER[:GROUP]]
//               [--listen [NAME=]tcp:HOST:PORT | [NAME=]unix:PATH | NAME=inherit]...
//               [--plugin PATH]... [--grace MS] [--ready-timeout MS]
//               [--ready taken|notify|fd:N] [--watchdog MS] [--fdstore] [--panel]
//               -- PROGRAM [ARGS...]
// qrs-supervise --status PID [--json] | --restart PID [--slot N] | --scale PID N
//               | --upgrade PID | --stop PID
// The reference supervisor host: binds the listening sockets itself, loads
// SupervisorExtension plugins with QPluginLoader (by default every one in a
// "qrs-supervisor" plugin directory), runs N workers, restarts crashed ones
// with backoff, replaces them --surge at a time on SIGHUP, adds and removes one
// on SIGTTIN and SIGTTOU, and stops them on SIGTERM; the second form speaks to
// a running one through its control channel and waits for the outcome.
// Exit codes: 0 after SIGTERM/SIGINT (or the command done), 1 a socket or
// plugin could not be set up (or the command failed or was refused), 2 bad
// usage, 127 PROGRAM not found.
#include "control.h"
#include "toolcommon.h"

#include <qrs/servicenotifier.h>
#include <qrs/supervisor.h>

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFileInfo>
#include <QJsonObject>
#include <QPluginLoader>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>

#include <csignal>

namespace {

using qrs::tools::printError;

// The translation context of this tool's messages.
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(qrs_supervise)
};

constexpr int MaxWorkers = qrs::Supervisor::MaxWorkers;
// How long qrs-supervise --status PID waits for the answer.
constexpr int StatusWaitMs = 10000;

// --surge N or P%: false after saying what is wrong.
bool applySurge(const QString &text, qrs::Supervisor *supervisor)
{
    static const QRegularExpression form(QStringLiteral("^([0-9]{1,3})(%?)$"));
    const QRegularExpressionMatch m = form.match(text);
    const int value = m.hasMatch() ? m.captured(1).toInt() : 0;
    const bool percent = m.hasMatch() && !m.captured(2).isEmpty();
    if (value < 1 || value > (percent ? 100 : MaxWorkers)) {
        printError(Text::tr("--surge takes a number of workers from 1 to %1 or a percentage from "
                            "1% to 100%, not \"%2\"")
                           .arg(MaxWorkers)
                           .arg(text));
        return false;
    }
    if (percent)
        supervisor->setSurgePercent(value);
    else
        supervisor->setSurge(value);
    return true;
}

// This program as it was started: an upgrade runs its file as it is on disk
// then. argv[0], made absolute now (the working directory may change).
QString programPath(const char *argv0)
{
    const QString path = QFile::decodeName(argv0);
    if (path.contains(QLatin1Char('/')))
        return QFileInfo(path).absoluteFilePath();
    const QString found = QStandardPaths::findExecutable(path);
    return found.isEmpty() ? QCoreApplication::applicationFilePath() : found;
}
} // namespace

int main(int argc, char **argv)
{
    QStringList allArguments; // for a successor, as they were given
    for (int i = 1; i < argc; ++i)
        allArguments.append(QString::fromLocal8Bit(argv[i]));
    int split = qrs::tools::programSeparator(argc, argv); // QCoreApplication keeps a reference

    // Its log must not kill it: a successor outlives whatever read its predecessor's.
    ::signal(SIGPIPE, SIG_IGN);
    QCoreApplication app(split, argv);
    const QString selfPath = programPath(argv[0]);
    QCommandLineParser parser;
    qrs::tools::setUpTool(
            &parser, QStringLiteral("qrs-supervise"),
            Text::tr("Runs N workers of PROGRAM and hands each of them the listening sockets, "
                     "restarts crashed workers, replaces them --surge at a time on SIGHUP without "
                     "refusing a connection, adds one on SIGTTIN and removes one on SIGTTOU, stops "
                     "them on SIGTERM, and upgrades itself in place on SIGUSR2. --status, "
                     "--restart, --scale, --upgrade and --stop speak to a running one and wait "
                     "for the outcome."));
    const QCommandLineOption workersOption(QStringLiteral("workers"),
                                           Text::tr("How many workers to run (default 1)."),
                                           QStringLiteral("N"), QStringLiteral("1"));
    const QCommandLineOption listenOption(
            QStringLiteral("listen"),
            Text::tr("A socket to bind and hand to every worker: [NAME=]tcp:HOST:PORT, "
                     "[NAME=]unix:PATH, or NAME=inherit (the one its service manager passed "
                     "under that name in LISTEN_FDS; a passed socket of the same name is always "
                     "taken instead of binding). NAME defaults to listenI. Repeatable."),
            QStringLiteral("SPEC"));
    const QCommandLineOption pluginOption(
            QStringLiteral("plugin"),
            Text::tr("A supervisor plugin to load (a path, or a name in the plugin path). "
                     "Repeatable. Default: every plugin in a qrs-supervisor plugin directory."),
            QStringLiteral("PATH"));
    const QCommandLineOption graceOption(
            QStringLiteral("grace"),
            Text::tr("How long a stopped worker may take to exit before SIGKILL (default 5000)."),
            QStringLiteral("MS"), QStringLiteral("5000"));
    const QCommandLineOption readyOption(
            QStringLiteral("ready-timeout"),
            Text::tr("How long a new worker may take to become ready before it is killed "
                     "(default 10000)."),
            QStringLiteral("MS"), QStringLiteral("10000"));
    const QCommandLineOption readyModeOption(
            QStringLiteral("ready"),
            Text::tr("When a new worker counts as ready (a rolling restart stops the worker it "
                     "replaces only then): taken (it has taken its sockets; the default), "
                     "notify (taken, and it sent READY=1 to its NOTIFY_SOCKET, as systemd's "
                     "Type=notify), or fd:N (taken, and it wrote a newline to descriptor N, as "
                     "s6's notification-fd). Use notify for servers that load for a while after "
                     "taking their sockets and speak sd_notify (gunicorn, ServiceNotifier)."),
            QStringLiteral("MODE"), QStringLiteral("taken"));
    const QCommandLineOption watchdogOption(
            QStringLiteral("watchdog"),
            Text::tr("Give each worker WATCHDOG_USEC and kill and restart a worker that sends "
                     "no WATCHDOG=1 for MS milliseconds (systemd's WatchdogSec=)."),
            QStringLiteral("MS"));
    const QCommandLineOption fdstoreOption(
            QStringLiteral("fdstore"),
            Text::tr("Keep each socket it binds in its service manager's descriptor store "
                     "(FDSTORE=1), so that a restart or a crash of qrs-supervise refuses no "
                     "connection: the next start takes them back by name. On by default when "
                     "$FDSTORE is set (systemd 254 and later, with FileDescriptorStoreMax=)."));
    const QCommandLineOption surgeOption(
            QStringLiteral("surge"),
            Text::tr("How many replacements a rolling restart starts at once: a number, or a "
                     "percentage of the workers (rounded up). Each old worker stops only once its "
                     "own replacement is ready. Default 1."),
            QStringLiteral("N|P%"), QStringLiteral("1"));
    const QCommandLineOption upgradeOption(
            QStringLiteral("upgrade"),
            Text::tr("Do not supervise: ask the qrs-supervise with process id PID to upgrade "
                     "itself in place, wait for the outcome and say it; exit 0 if its successor "
                     "took over, 1 if not."),
            QStringLiteral("PID"));
    const QCommandLineOption statusOption(
            QStringLiteral("status"),
            Text::tr("Do not supervise: print the workers of the qrs-supervise with process id "
                     "PID (a table, or its JSON with --json)."),
            QStringLiteral("PID"));
    const QCommandLineOption restartOption(
            QStringLiteral("restart"),
            Text::tr("Do not supervise: ask the qrs-supervise PID for a rolling restart (or, with "
                     "--slot, to replace one worker), wait for its end; exit 0 if every worker "
                     "was replaced, 1 with the reason if not."),
            QStringLiteral("PID"));
    const QCommandLineOption slotOption(
            QStringLiteral("slot"), Text::tr("With --restart: replace only the worker of slot N."),
            QStringLiteral("N"));
    const QCommandLineOption scaleOption(
            QStringLiteral("scale"),
            Text::tr("Do not supervise: ask the qrs-supervise PID to run N workers (the number "
                     "follows PID), wait until N are ready (or the removed ones stopped); exit 0, "
                     "or 1 with the reason."),
            QStringLiteral("PID"));
    const QCommandLineOption stopOption(
            QStringLiteral("stop"),
            Text::tr("Do not supervise: ask the qrs-supervise PID to stop its workers and exit, "
                     "and wait until they have stopped."),
            QStringLiteral("PID"));
    const QCommandLineOption jsonOption(
            QStringLiteral("json"),
            Text::tr("With --status, --restart, --scale, --upgrade or --stop: print the "
                     "supervisor's reply as JSON."));
    const QCommandLineOption userOption(
            QStringLiteral("user"),
            Text::tr("Run every worker as USER (a name or a uid), with its primary group or "
                     "GROUP, and its supplementary groups from the group database. The "
                     "supervisor keeps its own privileges (it binds the sockets as root). Each "
                     "worker can take only the sockets handed to it."),
            QStringLiteral("USER[:GROUP]"));
    const QCommandLineOption panelOption(
            QStringLiteral("panel"),
            Text::tr("Also open the live view of this supervisor's resource sharer in a window "
                     "(qrs-inspect --gui)."));
    parser.addOptions({workersOption, surgeOption, listenOption, pluginOption, graceOption,
                       readyOption, readyModeOption, watchdogOption, fdstoreOption, userOption,
                       panelOption, statusOption, restartOption, slotOption, scaleOption,
                       upgradeOption, stopOption, jsonOption});
    parser.addPositionalArgument(QStringLiteral("--"), Text::tr("Then PROGRAM and its arguments."),
                                 QStringLiteral("-- PROGRAM [ARGS...]"));
    if (!qrs::tools::parseCommandLine(parser, app.arguments()))
        return 2;

    // The control commands: to a running supervisor, through its sharer.
    QList<const QCommandLineOption *> commands;
    for (const QCommandLineOption *o :
         {&statusOption, &restartOption, &scaleOption, &upgradeOption, &stopOption}) {
        if (parser.isSet(*o))
            commands.append(o);
    }
    if (commands.size() > 1) {
        printError(Text::tr("--%1 and --%2 cannot be given together")
                           .arg(commands.at(0)->names().constFirst(),
                                commands.at(1)->names().constFirst()));
        return 2;
    }
    if (!commands.isEmpty()) {
        const QCommandLineOption &option = *commands.constFirst();
        const QString name = option.names().constFirst();
        bool numeric = false;
        const qint64 pid = parser.value(option).toLongLong(&numeric);
        if (!numeric || pid <= 0) {
            printError(Text::tr("--%1 takes a process id, not \"%2\"")
                               .arg(name, parser.value(option)));
            return 2;
        }
        const QStringList rest = parser.positionalArguments();
        QJsonObject command{{QStringLiteral("command"), name}};
        int timeoutMs = -1; // as long as the work takes: each step has its own timeout
        if (&option == &scaleOption) {
            const int count = rest.size() == 1 ? rest.constFirst().toInt(&numeric) : 0;
            if (rest.size() != 1 || !numeric || count < 1 || count > MaxWorkers) {
                printError(Text::tr("--scale PID N: N is a number of workers from 1 to %1")
                                   .arg(MaxWorkers));
                return 2;
            }
            command.insert(QStringLiteral("workers"), count);
        } else if (!rest.isEmpty()) {
            printError(Text::tr("unexpected argument \"%1\"").arg(rest.constFirst()));
            return 2;
        }
        if (parser.isSet(slotOption)) {
            const int slot = parser.value(slotOption).toInt(&numeric);
            if (&option != &restartOption || !numeric || slot < 0) {
                printError(Text::tr("--slot takes a worker slot (0 or more) and goes with "
                                    "--restart"));
                return 2;
            }
            command = {{QStringLiteral("command"), QStringLiteral("restart-worker")},
                       {QStringLiteral("slot"), slot}};
        }
        if (&option == &statusOption)
            timeoutMs = StatusWaitMs;
        return qrs::supervise::sendCommand(pid, command, timeoutMs, parser.isSet(jsonOption));
    }
    if (!parser.positionalArguments().isEmpty()) {
        printError(Text::tr("unexpected argument \"%1\" before \"--\"")
                           .arg(parser.positionalArguments().constFirst()));
        return 2;
    }

    qrs::Supervisor supervisor;
    // What it says before it starts is said only if it does: a bad command line
    // gets one line.
    QStringList said;
    auto saying = QObject::connect(&supervisor, &qrs::Supervisor::message, &supervisor,
                                   [&said](const QString &line) { said.append(line); });
    bool ok = false;
    const int workers = parser.value(workersOption).toInt(&ok);
    if (!ok || workers < 1 || workers > MaxWorkers) {
        printError(Text::tr("--workers takes a number from 1 to %1, not \"%2\"")
                           .arg(MaxWorkers)
                           .arg(parser.value(workersOption)));
        return 2;
    }
    const qint64 graceMs = qrs::tools::positiveMilliseconds(parser, graceOption);
    const qint64 readyMs = qrs::tools::positiveMilliseconds(parser, readyOption);
    if (graceMs < 0 || readyMs < 0)
        return 2;
    supervisor.setWorkerCount(workers);
    supervisor.setGracePeriod(int(graceMs));
    supervisor.setReadyTimeout(int(readyMs));
    const QString readyMode = parser.value(readyModeOption);
    qrs::Readiness readiness;
    QString readinessError;
    if (!qrs::Readiness::parse(readyMode, &readiness, &readinessError)) {
        printError(Text::tr("--ready takes taken, notify or fd:N, not \"%1\" (%2)")
                           .arg(readyMode, readinessError));
        return 2;
    }
    supervisor.setReadiness(readiness);
    if (parser.isSet(userOption) && !supervisor.setUser(parser.value(userOption))) {
        printError(supervisor.errorString());
        return 2;
    }
    if (parser.isSet(watchdogOption)) {
        const qint64 watchdogMs = qrs::tools::positiveMilliseconds(parser, watchdogOption);
        if (watchdogMs < 0)
            return 2;
        supervisor.setExtensionSetting(QStringLiteral("watchdog"), QString::number(watchdogMs));
    }
    if (!applySurge(parser.value(surgeOption), &supervisor))
        return 2;
    if (split + 1 >= argc) {
        printError(Text::tr("no PROGRAM: usage: qrs-supervise [OPTIONS] -- PROGRAM [ARGS...]"));
        return 2;
    }

    QList<qrs::ListenSpec> specs;
    QStringList names;
    for (const QString &text : parser.values(listenOption)) {
        qrs::ListenSpec spec;
        QString error;
        if (!qrs::ListenSpec::parse(text, int(specs.size()), &spec, &error)) {
            printError(error);
            return 2;
        }
        if (names.contains(spec.name)) {
            printError(Text::tr("--listen %1: the name \"%2\" is used twice").arg(text, spec.name));
            return 2;
        }
        names.append(spec.name);
        specs.append(spec);
    }

    const QString program = qrs::tools::findProgram(QFile::decodeName(argv[split + 1]));
    if (program.isEmpty())
        return 127;
    QStringList programArguments;
    for (int i = split + 2; i < argc; ++i)
        programArguments.append(QString::fromLocal8Bit(argv[i]));
    supervisor.setProgram(program, programArguments);

    // Plugins before sockets: a bad --plugin is a usage error.
    QString pluginError;
    if (parser.isSet(pluginOption)) {
        for (const QString &file : parser.values(pluginOption)) {
            if (!supervisor.loadExtension(file, &pluginError)) {
                printError(pluginError);
                return 2;
            }
        }
    } else if (!supervisor.loadDefaultExtensions(&pluginError)) {
        printError(pluginError);
        return 1;
    }
    if (supervisor.extensionNames().isEmpty() && !specs.isEmpty()) {
        printError(Text::tr("no supervisor plugin found to hand the sockets over (looked in %1); "
                            "pass --plugin PATH")
                           .arg(qrs::Supervisor::extensionDirectories().join(QLatin1String(", "))));
        return 1;
    }

    // A mode no loaded plugin implements would leave every worker unready.
    QStringList features;
    if (readiness.mode != qrs::ReadinessMode::Taken)
        features.append(readiness.toString().section(QLatin1Char(':'), 0, 0));
    if (parser.isSet(watchdogOption))
        features.append(QStringLiteral("watchdog"));
    for (const QString &feature : std::as_const(features)) {
        if (!supervisor.extensionProvides(feature)) {
            printError(Text::tr("%1 needs a plugin that provides it (the notify plugin), and none "
                                "of those loaded does")
                               .arg(feature == QLatin1String("watchdog")
                                            ? QStringLiteral("--watchdog")
                                            : QStringLiteral("--ready=") + readiness.toString()));
            return 1;
        }
    }

    // Its service manager, or the supervisor this one replaces: NOTIFY_SOCKET
    // and WATCHDOG_USEC are for this process only, as is FDSTORE.
    supervisor.setServiceManager(qrs::ServiceNotifier(), qrs::Supervisor::takePredecessor());
    for (const char *name : {"NOTIFY_SOCKET", "WATCHDOG_USEC", "WATCHDOG_PID"})
        qunsetenv(name);
    const bool storeListeners = parser.isSet(fdstoreOption) || qgetenv("FDSTORE").toInt() > 0;
    qunsetenv("FDSTORE");
    // A socket passed in (by a service manager, or by the supervisor this one
    // replaces) is used as it is, instead of binding one anew.
    if (!supervisor.listen(specs,
                           storeListeners ? qrs::Supervisor::KeepInServiceManager
                                          : qrs::Supervisor::NoListenOptions)) {
        printError(supervisor.errorString());
        return 1;
    }
    // An upgrade (Supervisor::upgrade()) runs this program file as it is on disk
    // then, with these arguments and as many workers as run then (the last
    // --workers before "--" counts).
    const auto upgradeCommand = [&supervisor, &allArguments, &selfPath] {
        QStringList arguments = allArguments;
        const qsizetype separator = arguments.indexOf(QStringLiteral("--"));
        arguments.insert(separator < 0 ? arguments.size() : separator,
                         QStringLiteral("--workers=%1").arg(supervisor.workerCount()));
        supervisor.setUpgradeCommand(selfPath, arguments);
    };
    upgradeCommand();
    QObject::connect(&supervisor, &qrs::Supervisor::workerCountChanged, &supervisor,
                     upgradeCommand);
    qrs::tools::SignalWatcher signalWatcher({SIGHUP, SIGTERM, SIGINT, SIGUSR2, SIGTTIN, SIGTTOU});
    QObject::connect(
            &signalWatcher, &qrs::tools::SignalWatcher::signalReceived, &supervisor,
            [&supervisor](int signalNumber) {
                if (signalNumber == SIGUSR2) {
                    supervisor.upgrade(); // a refusal is said in the log
                } else if (signalNumber == SIGTTIN || signalNumber == SIGTTOU) {
                    // gunicorn's and unicorn's: one worker more, one fewer.
                    const int count = supervisor.workerCount() + (signalNumber == SIGTTIN ? 1 : -1);
                    if (count < 1 || count > MaxWorkers || supervisor.isStopping())
                        printError(Text::tr("%1 ignored: %2 workers is as far as it goes")
                                           .arg(QString::fromLatin1(
                                                   signalNumber == SIGTTIN ? "SIGTTIN" : "SIGTTOU"))
                                           .arg(supervisor.workerCount()));
                    else
                        supervisor.setWorkerCount(count);
                } else if (signalNumber == SIGHUP) {
                    if (supervisor.isUpgrading())
                        printError(Text::tr("an upgrade is under way; the rolling "
                                            "restart is refused"));
                    else
                        supervisor.rollingRestart();
                } else {
                    supervisor.shutdown();
                }
            });
    QObject::connect(&supervisor, &qrs::Supervisor::finished, &app,
                     [] { QCoreApplication::exit(0); });
    printError(Text::tr("supervising %1 workers of %2 (pid %3)")
                       .arg(supervisor.workerCount())
                       .arg(supervisor.program())
                       .arg(QCoreApplication::applicationPid()));
    QObject::disconnect(saying);
    for (const QString &line : std::as_const(said))
        printError(line);
    QObject::connect(&supervisor, &qrs::Supervisor::message, &supervisor, printError);
    supervisor.start();
    // The panel finds the sharer by this process's pid, and waits for it to start.
    QProcess panel;
    if (parser.isSet(panelOption)) {
        const QString inspect =
                QCoreApplication::applicationDirPath() + QStringLiteral("/qrs-inspect");
        panel.setProcessChannelMode(QProcess::ForwardedChannels);
        panel.start(QFileInfo(inspect).isExecutable() ? inspect : QStringLiteral("qrs-inspect"),
                    {QStringLiteral("--gui"), QString::number(QCoreApplication::applicationPid())});
        if (!panel.waitForStarted(5000))
            printError(Text::tr("cannot open the panel: %1").arg(panel.errorString()));
    }
    const int code = QCoreApplication::exec();
    if (panel.state() != QProcess::NotRunning) {
        panel.terminate();
        if (!panel.waitForFinished(2000))
            panel.kill();
    }
    return code;
}
