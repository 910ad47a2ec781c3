// qrs-supervise [--workers N]
//               [--listen [NAME=]tcp:HOST:PORT | [NAME=]unix:PATH | NAME=inherit]...
//               [--plugin PATH]... [--grace MS] [--ready-timeout MS]
//               [--ready taken|notify|fd:N] [--watchdog MS] [--fdstore] [--panel]
//               -- PROGRAM [ARGS...]
// The reference supervisor host: binds the listening sockets itself, loads
// SupervisorExtension plugins with QPluginLoader (by default every one in a
// "qrs-supervisor" plugin directory), runs N workers, restarts crashed ones
// with backoff, replaces them one by one on SIGHUP and stops them on SIGTERM.
// Exit codes: 0 after SIGTERM/SIGINT, 1 a socket or plugin could not be set
// up, 2 bad usage, 127 PROGRAM not found.
#include "platform/fdpassing.h"
#include "supervisor.h"
#include "toolcommon.h"

#include <qrs/servicenotifier.h>

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QHostAddress>
#include <QJsonArray>
#include <QJsonObject>
#include <QPluginLoader>
#include <QProcess>
#include <QRegularExpression>
#include <QSet>
#include <QTimer>

#include <cerrno>
#include <csignal>
#include <cstring>
#include <fcntl.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

namespace {

using qrs::tools::printError;

// The translation context of this tool's messages.
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(qrs_supervise)
};

constexpr int MaxWorkers = 256;
constexpr int ListenBacklog = 1024;

struct ListenSpec
{
    QString name;
    QString kind; // "tcp", "unix" or "inherit"
    QHostAddress address;
    quint16 port = 0;
    QString path;
};

// [NAME=]tcp:HOST:PORT or [NAME=]unix:PATH; HOST may be [v6], '*' or a name.
bool parseListen(const QString &text, int index, ListenSpec *out, QString *error)
{
    QString rest = text;
    const qsizetype eq = text.indexOf(QLatin1Char('='));
    const qsizetype colon = text.indexOf(QLatin1Char(':'));
    if (eq > 0 && (colon < 0 || eq < colon)) {
        out->name = text.left(eq);
        rest = text.mid(eq + 1);
    } else {
        out->name = QStringLiteral("listen%1").arg(index);
    }
    for (QChar c : std::as_const(out->name)) {
        if (c.unicode() <= 0x20 || c.unicode() >= 0x7f || c == QLatin1Char(':')) {
            *error =
                    Text::tr(
                            "--listen %1: the name \"%2\" may only hold printable ASCII other than "
                            "space and ':'")
                            .arg(text, out->name);
            return false;
        }
    }
    if (rest == QLatin1String("inherit")) {
        out->kind = rest;
        return true;
    }
    if (rest.startsWith(QLatin1String("unix:"))) {
        out->kind = QStringLiteral("unix");
        out->path = rest.mid(5);
        if (out->path.isEmpty()
            || size_t(QFile::encodeName(out->path).size()) > qrs::platform::maxUnixPathLength()) {
            *error = Text::tr("--listen %1: a Unix socket path of 1 to %2 bytes is needed")
                             .arg(text)
                             .arg(qrs::platform::maxUnixPathLength());
            return false;
        }
        return true;
    }
    if (rest.startsWith(QLatin1String("tcp:"))) {
        out->kind = QStringLiteral("tcp");
        QString why;
        if (qrs::tools::parseHostPort(rest.mid(4), QStringLiteral("tcp:HOST:PORT"), &out->address,
                                      &out->port, &why))
            return true;
        *error = Text::tr("--listen %1: %2").arg(text, why);
        return false;
    }
    *error =
            Text::tr("--listen %1: expected [NAME=]tcp:HOST:PORT, [NAME=]unix:PATH or NAME=inherit")
                    .arg(text);
    return false;
}

// The supervisor keeps a duplicate of the socket and never accepts on it.
int bindTcp(const ListenSpec &spec, QString *description, QString *error)
{
    quint16 bound = 0;
    const int fd = qrs::tools::listenTcp(spec.address, spec.port, ListenBacklog, &bound, error);
    const QString host = spec.address.protocol() == QAbstractSocket::IPv6Protocol
            ? QStringLiteral("[%1]").arg(spec.address.toString())
            : spec.address.toString();
    *description = QStringLiteral("tcp:%1:%2").arg(host).arg(bound);
    return fd;
}

// A listening Unix socket; a stale socket file nobody listens on is replaced.
int bindUnix(const ListenSpec &spec, QString *description, QString *error)
{
    const std::string path = QFile::encodeName(spec.path).toStdString();
    int fd = qrs::platform::listenUnix(path, ListenBacklog);
    if (fd < 0 && errno == EADDRINUSE) {
        const int probe = ::socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
        struct sockaddr_un addr = {};
        addr.sun_family = AF_UNIX;
        std::memcpy(addr.sun_path, path.data(), path.size());
        const bool live = ::connect(probe, reinterpret_cast<sockaddr *>(&addr), sizeof(addr)) == 0
                || errno != ECONNREFUSED;
        ::close(probe);
        if (live) {
            *error = Text::tr("%1 is in use by a running server").arg(spec.path);
            return -1;
        }
        ::unlink(path.c_str());
        fd = qrs::platform::listenUnix(path, ListenBacklog);
    }
    if (fd < 0) {
        *error = Text::tr("cannot listen on %1: %2")
                         .arg(spec.path, qrs::tools::systemErrorText(errno));
        return -1;
    }
    *description = QStringLiteral("unix:") + spec.path;
    return fd;
}

// What a descriptor is, as --listen would have written it.
QString describeListener(int fd)
{
    qrs::platform::HandleDescription d;
    if (!qrs::platform::describe(fd, &d) || d.kind != qrs::platform::HandleKind::Socket)
        return {};
    if (d.socketFamily == qrs::platform::SocketFamily::Unix)
        return QStringLiteral("unix:") + QString::fromStdString(d.path);
    const QString host = QString::fromStdString(d.localAddress);
    return QStringLiteral("tcp:%1:%2")
            .arg(d.socketFamily == qrs::platform::SocketFamily::IPv6
                         ? QLatin1Char('[') + host + QLatin1Char(']')
                         : host)
            .arg(d.localPort);
}

// The listening sockets a service manager passed (systemd's LISTEN_FDS,
// LISTEN_PID, LISTEN_FDNAMES, as sd_listen_fds_with_names() reads them), named;
// unnamed ones are listenI. The variables are removed: they were for this process
// only. False after saying why in *error.
bool takeInheritedListeners(QList<qrs::HostResource> *out, QString *error)
{
    const QByteArray count = qgetenv("LISTEN_FDS");
    const QByteArray pid = qgetenv("LISTEN_PID");
    const QList<QByteArray> names = qgetenv("LISTEN_FDNAMES").split(':');
    ::unsetenv("LISTEN_FDS");
    ::unsetenv("LISTEN_PID");
    ::unsetenv("LISTEN_FDNAMES");
    if (count.isEmpty() || pid.toLongLong() != qint64(::getpid()))
        return true; // nothing passed, or passed to another process
    bool ok = false;
    const int n = count.toInt(&ok);
    if (!ok || n < 0 || n > 1024) {
        *error = Text::tr("LISTEN_FDS=%1 is not a number of descriptors")
                         .arg(QString::fromLocal8Bit(count));
        return false;
    }
    for (int i = 0; i < n; ++i) {
        const int fd = 3 + i;             // SD_LISTEN_FDS_START
        ::fcntl(fd, F_SETFD, FD_CLOEXEC); // as sd_listen_fds(): not for our children
        qrs::HostResource r;
        r.fd = fd;
        r.name = names.size() == n && !names.at(i).isEmpty() ? QString::fromLocal8Bit(names.at(i))
                                                             : QStringLiteral("listen%1").arg(i);
        r.description = describeListener(fd);
        if (r.description.isEmpty()) {
            *error = Text::tr("descriptor %1 (%2), passed by the service manager, is not a socket")
                             .arg(fd)
                             .arg(r.name);
            return false;
        }
        out->append(r);
    }
    return true;
}

// Tells the service manager that runs qrs-supervise (NOTIFY_SOCKET: systemd's
// Type=notify) how it is doing: READY=1 once every worker is ready, RELOADING=1
// for a rolling restart and READY=1 after it, STOPPING=1, STATUS= lines, and
// WATCHDOG=1 at half the manager's WATCHDOG_USEC. Without NOTIFY_SOCKET it says
// nothing. The variables are removed from this process's environment: they are
// not for its children.
class ManagerReport
{
public:
    explicit ManagerReport(qrs::supervise::Supervisor *supervisor)
        : m_supervisor(supervisor)
    {
        for (const char *name : {"NOTIFY_SOCKET", "WATCHDOG_USEC", "WATCHDOG_PID"})
            ::unsetenv(name);
        if (!m_manager.isEnabled())
            return;
        QObject::connect(supervisor, &qrs::supervise::Supervisor::readinessChanged, supervisor,
                         [this](int ready, int total) { onReadiness(ready, total); });
        QObject::connect(supervisor, &qrs::supervise::Supervisor::rollingRestartStarted, supervisor,
                         [this] {
                             tell(m_manager.notifyReloading(&m_error));
                             status(Text::tr("rolling restart"));
                         });
        QObject::connect(supervisor, &qrs::supervise::Supervisor::rollingRestartFinished,
                         supervisor, [this](int replaced, int total) {
                             tell(m_manager.notifyReady(&m_error));
                             status(Text::tr("rolling restart done: %1 of %2 workers replaced; "
                                             "%3 of %2 ready")
                                            .arg(replaced)
                                            .arg(total)
                                            .arg(m_supervisor->readyCount()));
                         });
        const auto interval =
                std::chrono::duration_cast<std::chrono::milliseconds>(m_manager.watchdogInterval());
        if (interval.count() > 0) {
            m_watchdog.setTimerType(Qt::PreciseTimer);
            QObject::connect(&m_watchdog, &QTimer::timeout, supervisor,
                             [this] { tell(m_manager.notifyWatchdog(&m_error)); });
            m_watchdog.start(qMax<qint64>(1, interval.count() / 2));
        }
        status(Text::tr("starting %1 workers").arg(supervisor->workerCount()));
    }

    void stopping()
    {
        tell(m_manager.notifyStopping(&m_error));
        status(Text::tr("stopping"));
    }

private:
    void onReadiness(int ready, int total)
    {
        if (m_supervisor->isRolling())
            return; // said when the rolling restart is done
        status(Text::tr("%1 of %2 workers ready").arg(ready).arg(total));
        if (!m_readySaid && ready == total) {
            m_readySaid = true;
            tell(m_manager.notifyReady(&m_error));
        }
    }
    void status(const QString &text) { tell(m_manager.notifyStatus(text, &m_error)); }
    void tell(bool sent)
    {
        if (!sent)
            printError(Text::tr("cannot tell the service manager: %1").arg(m_error));
    }

    qrs::supervise::Supervisor *m_supervisor;
    qrs::ServiceNotifier m_manager; // reads NOTIFY_SOCKET before the constructor removes it
    QTimer m_watchdog;
    QString m_error;
    bool m_readySaid = false;
};

// Where plugins are looked for when no --plugin is given.
QStringList pluginDirectories()
{
    QStringList dirs;
    const QString appDir = QCoreApplication::applicationDirPath();
    dirs.append(QDir::cleanPath(appDir + QStringLiteral("/" QRS_PLUGIN_RELATIVE_DIR)));
    for (const QString &path : QCoreApplication::libraryPaths())
        dirs.append(QDir::cleanPath(path + QStringLiteral("/qrs-supervisor")));
    dirs.removeDuplicates();
    return dirs;
}

// Loads one plugin file; null after saying why.
bool loadExtension(const QString &file, qrs::supervise::Extension *out, QString *error)
{
    auto *loader = new QPluginLoader(file, QCoreApplication::instance());
    const QJsonObject meta = loader->metaData();
    if (meta.isEmpty()) {
        *error = Text::tr("%1 is not a Qt plugin: %2").arg(file, loader->errorString());
        return false;
    }
    const QString iid = meta.value(QLatin1String("IID")).toString();
    if (iid != QLatin1String(QRS_SUPERVISOR_EXTENSION_IID)) {
        *error = Text::tr("%1 is not a supervisor extension: its interface is \"%2\", not \"%3\"")
                         .arg(file, iid, QLatin1String(QRS_SUPERVISOR_EXTENSION_IID));
        return false;
    }
    auto *hooks = qobject_cast<qrs::SupervisorExtension *>(loader->instance());
    if (!hooks) {
        *error = Text::tr("cannot load %1: %2").arg(file, loader->errorString());
        return false;
    }
    out->loader = loader;
    out->hooks = hooks;
    out->name = meta.value(QLatin1String("MetaData"))
                        .toObject()
                        .value(QLatin1String("name"))
                        .toString(QFileInfo(file).baseName());
    return true;
}

// Whether a loaded plugin declares that it implements `feature` of the host's
// settings: a "ready" mode in its "readiness" list, or "watchdog".
bool someExtensionProvides(const QList<qrs::supervise::Extension> &extensions,
                           const QString &feature)
{
    for (const qrs::supervise::Extension &e : extensions) {
        const QJsonObject meta = e.loader->metaData().value(QLatin1String("MetaData")).toObject();
        if (feature == QLatin1String("watchdog")
                    ? meta.value(feature).toBool()
                    : meta.value(QLatin1String("readiness")).toArray().contains(feature))
            return true;
    }
    return false;
}

} // namespace

int main(int argc, char **argv)
{
    int split = qrs::tools::programSeparator(argc, argv); // QCoreApplication keeps a reference

    QCoreApplication app(split, argv);
    QCommandLineParser parser;
    qrs::tools::setUpTool(
            &parser, QStringLiteral("qrs-supervise"),
            Text::tr(
                    "Runs N workers of PROGRAM and hands each of them the listening sockets, "
                    "restarts crashed workers, replaces them one by one on SIGHUP without refusing "
                    "a connection, and stops them on SIGTERM."));
    const QCommandLineOption workersOption(QStringLiteral("workers"),
                                           Text::tr("How many workers to run (default 1)."),
                                           QStringLiteral("N"), QStringLiteral("1"));
    const QCommandLineOption listenOption(
            QStringLiteral("listen"),
            Text::tr("A socket to bind and hand to every worker: [NAME=]tcp:HOST:PORT or "
                     "[NAME=]unix:PATH (NAME defaults to listenI). Repeatable."),
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
    const QCommandLineOption panelOption(
            QStringLiteral("panel"),
            Text::tr("Also open the live view of this supervisor's resource sharer in a window "
                     "(qrs-inspect --gui)."));
    parser.addOptions({workersOption, listenOption, pluginOption, graceOption, readyOption,
                       readyModeOption, watchdogOption, fdstoreOption, panelOption});
    parser.addPositionalArgument(QStringLiteral("--"), Text::tr("Then PROGRAM and its arguments."),
                                 QStringLiteral("-- PROGRAM [ARGS...]"));
    if (!qrs::tools::parseCommandLine(parser, app.arguments()))
        return 2;
    if (!parser.positionalArguments().isEmpty()) {
        printError(Text::tr("unexpected argument \"%1\" before \"--\"")
                           .arg(parser.positionalArguments().constFirst()));
        return 2;
    }

    qrs::supervise::Settings settings;
    bool ok = false;
    settings.workers = parser.value(workersOption).toInt(&ok);
    if (!ok || settings.workers < 1 || settings.workers > MaxWorkers) {
        printError(Text::tr("--workers takes a number from 1 to %1, not \"%2\"")
                           .arg(MaxWorkers)
                           .arg(parser.value(workersOption)));
        return 2;
    }
    const qint64 graceMs = qrs::tools::positiveMilliseconds(parser, graceOption);
    const qint64 readyMs = qrs::tools::positiveMilliseconds(parser, readyOption);
    if (graceMs < 0 || readyMs < 0)
        return 2;
    settings.graceMs = int(graceMs);
    settings.readyTimeoutMs = int(readyMs);
    const QString readyMode = parser.value(readyModeOption);
    static const QRegularExpression readyModes(QStringLiteral("^(taken|notify|fd:[0-9]{1,4})$"));
    if (!readyModes.match(readyMode).hasMatch()) {
        printError(Text::tr("--ready takes taken, notify or fd:N, not \"%1\"").arg(readyMode));
        return 2;
    }
    settings.extensionSettings.insert(QStringLiteral("ready"), readyMode);
    if (parser.isSet(watchdogOption)) {
        const qint64 watchdogMs = qrs::tools::positiveMilliseconds(parser, watchdogOption);
        if (watchdogMs < 0)
            return 2;
        settings.extensionSettings.insert(QStringLiteral("watchdog"), QString::number(watchdogMs));
    }
    if (split + 1 >= argc) {
        printError(Text::tr("no PROGRAM: usage: qrs-supervise [OPTIONS] -- PROGRAM [ARGS...]"));
        return 2;
    }

    QList<ListenSpec> specs;
    QSet<QString> names;
    for (const QString &text : parser.values(listenOption)) {
        ListenSpec spec;
        QString error;
        if (!parseListen(text, int(specs.size()), &spec, &error)) {
            printError(error);
            return 2;
        }
        if (names.contains(spec.name)) {
            printError(Text::tr("--listen %1: the name \"%2\" is used twice").arg(text, spec.name));
            return 2;
        }
        names.insert(spec.name);
        specs.append(spec);
    }

    settings.program = qrs::tools::findProgram(QFile::decodeName(argv[split + 1]));
    if (settings.program.isEmpty())
        return 127;
    for (int i = split + 2; i < argc; ++i)
        settings.arguments.append(QString::fromLocal8Bit(argv[i]));

    // Plugins before sockets: a bad --plugin is a usage error.
    QList<qrs::supervise::Extension> extensions;
    QStringList pluginFiles = parser.values(pluginOption);
    if (pluginFiles.isEmpty()) {
        for (const QString &dir : pluginDirectories()) {
            const QDir d(dir);
            for (const QString &entry : d.entryList({QStringLiteral("*.so")}, QDir::Files))
                pluginFiles.append(d.filePath(entry));
        }
        if (pluginFiles.isEmpty() && !specs.isEmpty()) {
            printError(
                    Text::tr("no supervisor plugin found to hand the sockets over (looked in %1); "
                             "pass --plugin PATH")
                            .arg(pluginDirectories().join(QLatin1String(", "))));
            return 1;
        }
    }
    for (const QString &file : std::as_const(pluginFiles)) {
        qrs::supervise::Extension extension;
        QString error;
        if (!loadExtension(file, &extension, &error)) {
            printError(error);
            return parser.isSet(pluginOption) ? 2 : 1;
        }
        extensions.append(extension);
    }

    // A mode no loaded plugin implements would leave every worker unready.
    QStringList features;
    if (!readyMode.startsWith(QLatin1String("taken")))
        features.append(readyMode.section(QLatin1Char(':'), 0, 0));
    if (parser.isSet(watchdogOption))
        features.append(QStringLiteral("watchdog"));
    for (const QString &feature : std::as_const(features)) {
        if (!someExtensionProvides(extensions, feature)) {
            printError(Text::tr("%1 needs a plugin that provides it (the notify plugin), and none "
                                "of those loaded does")
                               .arg(feature == QLatin1String("watchdog")
                                            ? QStringLiteral("--watchdog")
                                            : QStringLiteral("--ready=") + readyMode));
            return 1;
        }
    }

    // A socket the service manager passed is used as it is, instead of binding
    // one anew: under systemd's socket activation, or from its descriptor store.
    // The service manager's descriptor store keeps what is bound here.
    qrs::ServiceNotifier manager;
    const bool storeListeners = parser.isSet(fdstoreOption) || qgetenv("FDSTORE").toInt() > 0;
    ::unsetenv("FDSTORE");
    if (storeListeners && !manager.isEnabled()) {
        printError(Text::tr("--fdstore: there is no service manager to keep the sockets "
                            "(NOTIFY_SOCKET is not set)"));
        return 1;
    }
    QList<qrs::HostResource> inherited;
    QString inheritError;
    if (!takeInheritedListeners(&inherited, &inheritError)) {
        printError(inheritError);
        return 1;
    }
    const auto inheritedNamed = [&inherited](const QString &name) -> qrs::HostResource * {
        for (qrs::HostResource &r : inherited) {
            if (r.name == name)
                return &r;
        }
        return nullptr;
    };
    QList<qrs::HostResource> listeners;
    for (ListenSpec &spec : specs) {
        qrs::HostResource r;
        QString error;
        r.name = spec.name;
        if (qrs::HostResource *passed = inheritedNamed(spec.name)) {
            r = *passed;
            passed->fd = -1;                       // taken
            spec.kind = QStringLiteral("inherit"); // not ours to remove
            printError(Text::tr("listening on %1 as %2 (passed by the service manager)")
                               .arg(r.description, r.name));
            listeners.append(r);
            continue;
        }
        if (spec.kind == QLatin1String("inherit")) {
            error = inherited.isEmpty()
                    ? Text::tr("--listen %1=inherit: no socket was passed by a service manager "
                               "(LISTEN_FDS is not set for this process)")
                              .arg(spec.name)
                    : Text::tr("--listen %1=inherit: the service manager passed no socket "
                               "named %1 (LISTEN_FDNAMES)")
                              .arg(spec.name);
            r.fd = -1;
        } else {
            r.fd = spec.kind == QLatin1String("tcp") ? bindTcp(spec, &r.description, &error)
                                                     : bindUnix(spec, &r.description, &error);
        }
        if (r.fd < 0) {
            printError(error);
            for (const qrs::HostResource &l : std::as_const(listeners))
                ::close(l.fd);
            return 1;
        }
        printError(Text::tr("listening on %1 as %2").arg(r.description, r.name));
        listeners.append(r);
        if (storeListeners) {
            if (!manager.storeDescriptor(r.fd, r.name, &error)) {
                printError(error);
                for (const qrs::HostResource &l : std::as_const(listeners))
                    ::close(l.fd);
                return 1;
            }
            printError(
                    Text::tr("%1 is kept in the service manager's descriptor store").arg(r.name));
        }
    }
    // Passed sockets no --listen names are handed on under their own names.
    for (const qrs::HostResource &r : std::as_const(inherited)) {
        if (r.fd < 0)
            continue;
        if (names.contains(r.name)) {
            printError(Text::tr("the service manager passed two sockets named %1").arg(r.name));
            return 1;
        }
        names.insert(r.name);
        printError(Text::tr("listening on %1 as %2 (passed by the service manager)")
                           .arg(r.description, r.name));
        listeners.append(r);
    }

    qrs::supervise::Supervisor supervisor(settings, listeners);
    for (const qrs::supervise::Extension &e : std::as_const(extensions)) {
        if (!supervisor.addExtension(e))
            return 1;
    }
    ManagerReport report(&supervisor);
    qrs::tools::UnixSignalWatcher signalWatcher({SIGHUP, SIGTERM, SIGINT});
    QObject::connect(&signalWatcher, &qrs::tools::UnixSignalWatcher::signalReceived, &supervisor,
                     [&supervisor, &report](int signalNumber) {
                         if (signalNumber == SIGHUP) {
                             supervisor.rollingRestart();
                         } else {
                             report.stopping();
                             supervisor.shutdown();
                         }
                     });
    QObject::connect(&supervisor, &qrs::supervise::Supervisor::finished, &app,
                     [] { QCoreApplication::exit(0); });
    printError(Text::tr("supervising %1 workers of %2 (pid %3)")
                       .arg(settings.workers)
                       .arg(settings.program)
                       .arg(QCoreApplication::applicationPid()));
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
    for (const ListenSpec &spec : std::as_const(specs)) {
        if (spec.kind == QLatin1String("unix"))
            QFile::remove(spec.path);
    }
    return code;
}
