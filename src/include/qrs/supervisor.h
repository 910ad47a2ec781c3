// SPDX-FileCopyrightText: 2026 QtResourceSharer contributors
//
// SPDX-License-Identifier: BSD-3-Clause

#pragma once

#include <qrs/error.h>
#include <qrs/supervisorextension.h>

#include <QJsonValue>
#include <QObject>
#include <QProcess>
#include <QStringList>

#include <functional>
#include <memory>

#if defined(QRS_BUILDING_SUPERVISOR)
#define QRS_SUPERVISOR_EXPORT Q_DECL_EXPORT
#else
#define QRS_SUPERVISOR_EXPORT Q_DECL_IMPORT
#endif

namespace qrs {

class ServiceNotifier;
class SupervisorPrivate;

//! What a ListenSpec names. \since 0.5
enum class ListenKind {
    Tcp,    //!< a TCP socket to bind
    Unix,   //!< a Unix stream socket to bind
    Inherit //!< the socket its service manager passed under that name
};

/*!
    \class qrs::ListenSpec
    \brief A listening socket for Supervisor::listen(), as \c qrs-supervise
    --listen writes it: \c [NAME=]tcp:HOST:PORT, \c [NAME=]unix:PATH or
    \c NAME=inherit.
    \since 0.5
*/
struct QRS_SUPERVISOR_EXPORT ListenSpec
{
    QString name;                      //!< what workers take it by
    ListenKind kind = ListenKind::Tcp; //!< what it names
    QString host;     //!< Tcp: a numeric IPv4 or IPv6 address, \c * (any) or \c localhost
    quint16 port = 0; //!< Tcp: the port, 0 for any free one
    QString path;     //!< Unix: the socket file
    /*!
        Reads \a text into \a out; without \c NAME= the name is \c listen
        followed by \a index. HOST may be written \c [v6]. False, with \a error
        saying what is wrong, for anything else.
    */
    static bool parse(const QString &text, int index, ListenSpec *out, QString *error = nullptr);
};

/*!
    \class qrs::Supervisor
    \brief Runs N workers of a program and keeps them running: the host of
    SupervisorExtension plugins that \c qrs-supervise is a thin program over.

    Each worker slot runs the program with QProcess. A worker that exits
    unexpectedly is restarted after 100 ms, twice as long each time it fails
    again, up to 10 s. rollingRestart() replaces the workers surge() at a time:
    it starts a replacement, waits until the replacement is \e ready, and only
    then stops the worker it replaces (\c SIGTERM, \c SIGKILL after the grace
    period). setWorkerCount() resizes it live, and runCommand() is its control
    channel, also reachable through its sharer.
    A worker is ready once every extension has released the readiness it held:
    the resource-sharer plugin holds it until the worker has taken its listeners,
    the notify plugin until the worker said \c READY=1 (extensionSetting()
    "ready" = "notify"). A worker still held after the ready timeout is killed; a
    replacement that never becomes ready leaves its predecessor running.

    The listeners (addListener()) are handed to every worker by the extensions;
    the supervisor keeps them open for as long as it lives, so that a restarted
    worker finds the same socket and its queue. Everything it does is said in
    message() lines, and its workers are published as the process status
    (ResourceSharer::setProcessStatus()), for \c qrs-inspect and SharerPanel.

    \snippet snippets.cpp supervisor

    Main thread: every function, signal and extension hook runs in the thread
    the object lives in, which must run an event loop.
    \since 0.3
*/
class QRS_SUPERVISOR_EXPORT Supervisor : public QObject
{
    Q_OBJECT
    //! How many workers are ready: see readyCount().
    Q_PROPERTY(int readyCount READ readyCount NOTIFY readinessChanged)

public:
    //! The most worker slots a supervisor runs (setWorkerCount(), the "scale" command). \since 0.5
    static constexpr int MaxWorkers = 256;

    //! A supervisor with no program, one slot and no extensions; nothing runs before start().
    explicit Supervisor(QObject *parent = nullptr);
    //! Kills whatever workers still run, and closes the listeners.
    ~Supervisor() override;

    //! The program every worker runs, and its arguments. Before start().
    void setProgram(const QString &program, const QStringList &arguments = {});
    //! The program every worker runs.
    QString program() const;
    //! The program's arguments.
    QStringList arguments() const;
    /*!
        How many worker slots (1 to 256, default 1). Before start(), or live:
        new slots get a worker at once; when there are fewer, the workers of the
        newest slots are stopped gracefully (SIGTERM, SIGKILL after the grace
        period). \c qrs-supervise does it on \c SIGTTIN (one more) and \c
        SIGTTOU (one fewer), as gunicorn and unicorn do. \since 0.5 (live)
    */
    void setWorkerCount(int count);
    //! How many worker slots.
    int workerCount() const;
    /*!
        How many replacements a rolling restart starts at once (default 1, at
        least 1). Each old worker is stopped only once its own replacement is
        ready, so no fewer workers are ready during a rolling restart than
        before it. \since 0.5
    */
    void setSurge(int count);
    //! The same as a share of workerCount(), rounded up: 25 for a quarter. \since 0.5
    void setSurgePercent(int percent);
    //! How many replacements a rolling restart starts at once now. \since 0.5
    int surge() const;
    //! How long a stopped worker may take to exit before SIGKILL (default 5000 ms).
    void setGracePeriod(int ms);
    //! How long a stopped worker may take to exit, in milliseconds.
    int gracePeriod() const;
    //! How long a new worker may take to become ready before it is killed (default 10000 ms).
    void setReadyTimeout(int ms);
    //! How long a new worker may take to become ready, in milliseconds.
    int readyTimeout() const;
    /*!
        Runs every worker as \a user: "USER" or "USER:GROUP", each a name or a
        number from the user and group databases. A worker gets the user's uid,
        its primary group (or GROUP), its supplementary groups from the group
        database (as \c initgroups(3); none of this process's) and \c HOME,
        \c USER, \c LOGNAME and \c SHELL as \c login(1) and systemd's \c User=
        set them. The supervisor keeps its own privileges: it binds the
        listeners, keeps them and upgrades itself as root. Each worker can take
        only what was registered for it (ChildResources binds it to the
        worker's pid), and its \c NOTIFY_SOCKET is reachable by it alone.
        Before start(). False, with error() and errorString(), for a malformed
        \a user (InvalidArgument), an unknown user or group (NotFound), or a
        supervisor that is not root asking for another user (Denied).
        \code
        qrs::Supervisor supervisor;
        if (!supervisor.setUser(QStringLiteral("www-data")))
            qFatal("%s", qPrintable(supervisor.errorString()));
        \endcode
        \since 0.5
    */
    bool setUser(const QString &user);
    //! The user the workers run as ("USER" or "USER:GROUP" as given), or empty
    //! for this process's own. \since 0.5
    QString user() const;
    //! The uid the workers run as. \since 0.5
    uint workerUid() const;

    /*!
        When a new worker counts as ready (the extensions' "ready" setting, see
        Readiness): \c taken by default. Before the extensions are added.
        \since 0.5
    */
    void setReadiness(const Readiness &readiness);
    //! When a new worker counts as ready. \since 0.5
    Readiness readiness() const;

    /*!
        A setting its extensions read with SupervisorHost::setting(): "ready"
        (\c taken, \c notify or \c fd:N), "watchdog" (milliseconds); setUser()
        sets "uid" and "gid" (the workers', empty for this process's own). Before
        the extensions are added.
    */
    void setExtensionSetting(const QString &name, const QString &value);
    //! The setting \a name (empty if unset).
    QString extensionSetting(const QString &name) const;

    /*!
        Adds a listening socket (or any descriptor) for the workers, under
        listener.name; the supervisor takes ownership of listener.fd. Before start().
    */
    void addListener(const HostResource &listener);
    //! The listeners added, in order.
    QList<HostResource> listeners() const;

    //! How listen() treats the sockets it binds. \since 0.5
    enum ListenOption {
        NoListenOptions = 0x0, //!< none
        //! Keeps each socket it binds in the service manager's descriptor store
        //! (\c FDSTORE=1, setServiceManager()), so that the next start after a
        //! restart or a crash takes it back by name and refuses no connection.
        KeepInServiceManager = 0x1,
    };
    Q_DECLARE_FLAGS(ListenOptions, ListenOption)
    /*!
        Opens the listeners for the workers and adds them (addListener()),
        one per spec, in order: the socket passed under the spec's name, by the
        service manager (SocketActivation: \c LISTEN_FDS, \c LISTEN_FDNAMES) or
        by the supervisor this one replaces (takeUpgradeListeners()), if there
        is one; else a fresh bind, blocking and with a backlog of 1024, as
        systemd makes them (a stale Unix socket file nobody listens on is
        replaced). Passed sockets that no spec names are added under their own
        names. Says each in message(). The socket files it bound are removed
        when the supervisor is destroyed, unless a successor took them over.
        Before start(). False, with error() and errorString(), after closing
        what it opened: InvalidArgument (a name twice, \c inherit with nothing
        passed under that name), Malformed (a passed descriptor is no socket),
        SystemError (a bind failed, or the path is in use by a running server).
        \code
        qrs::ListenSpec http;
        qrs::ListenSpec::parse(QStringLiteral("http=tcp:*:8080"), 0, &http); // a constant
        if (!supervisor.listen({http}))
            qFatal("%s", qPrintable(supervisor.errorString()));
        \endcode
        \since 0.5
    */
    bool listen(const QList<ListenSpec> &specs, ListenOptions options = NoListenOptions);

    /*!
        Loads the SupervisorExtension plugin in \a file with QPluginLoader and
        initializes it. False, with \a error, if it is not a Qt plugin, not a
        supervisor extension, has the name of one loaded already
        (Error::AlreadyTaken), or refuses this supervisor's settings.
    */
    bool loadExtension(const QString &file, QString *error = nullptr);
    /*!
        Every plugin in extensionDirectories(); where two directories hold a
        plugin of the same name, the first one's (the other is skipped, and
        message() says so). False, with \a error, at the first that fails.
    */
    bool loadDefaultExtensions(QString *error = nullptr);
    /*!
        Where plugins are looked for: \c qrs-supervisor in the application's
        plugin directory as installed, then in every QCoreApplication::libraryPaths().
    */
    static QStringList extensionDirectories();
    /*!
        Adds an extension that lives in this program (not owned) under \a name,
        and initializes it. False, with \a error, if it refuses.
    */
    bool addExtension(SupervisorExtension *extension, const QString &name,
                      QString *error = nullptr);
    /*!
        Why the last of loadExtension(), loadDefaultExtensions() and
        addExtension() that failed did: NotFound (no such file), WrongKind (not
        a Qt plugin, or not a supervisor extension), Denied (the extension
        refused these settings), SystemError (it cannot be loaded);
        Error::NoError if none has. \since 0.4
    */
    Error error() const;
    //! The same for people, translated. \since 0.4
    QString errorString() const;
    //! The names of the extensions added, in order.
    QStringList extensionNames() const;
    /*!
        Whether a loaded plugin declares, in its metadata, that it implements
        \a feature: a "ready" mode in its "readiness" list, or "watchdog".
    */
    bool extensionProvides(const QString &feature) const;

    //! Starts every slot's worker.
    void start();
    //! Replaces the workers one at a time (see above); a second call during one
    //! makes another follow it.
    void rollingRestart();
    /*!
        Replaces the worker of \a slot as a rolling restart of that one slot
        would (rollingRestartStarted(), workerReplaced(), rollingRestartFinished()).
        False if a rolling restart is under way, the supervisor is stopping, or
        \a slot has no running worker. \since 0.5
    */
    bool restartWorker(int slot);
    //! Stops every worker (SIGTERM, SIGKILL after the grace period), then emits finished().
    void shutdown();

    //! The outcome of a command: a JSON object with "ok" and, if false, "reason".
    using CommandDone = std::function<void(const QJsonObject &reply)>;
    //! A command added with addCommand(); calls \a done once, when it is over.
    using Command = std::function<void(const QJsonObject &command, const CommandDone &done)>;
    /*!
        Runs one control command and calls \a done once with its outcome, when
        the work is over: \c status; \c restart (a rolling restart); \c
        restart-worker with \c slot; \c scale with \c workers (done when that
        many are ready); \c stop (done when every worker has stopped); and those
        added with addCommand(). One at a time: while one runs, or a rolling
        restart or a stop does, the others are refused with the reason (\c
        status always answers). From start() on the same commands come through
        the process's sharer, from this user or root
        (ResourceSharer::setCommandHandler(); \c qrs-supervise --status PID and
        the panel's buttons). docs/supervisor.md lists every field. \since 0.5
    */
    void runCommand(const QJsonObject &command, const CommandDone &done);
    //! Adds a command for runCommand() under \a name. It is refused like the
    //! others while another runs. \since 0.5
    void addCommand(const QString &name, const Command &command);

    /*!
        How upgrade() starts the successor: \a program, as it is on disk then,
        with \a arguments. By default this program
        (QCoreApplication::applicationFilePath()) with the arguments it was
        started with. \since 0.5
    */
    void setUpgradeCommand(const QString &program, const QStringList &arguments);
    /*!
        Upgrades in place, as the "upgrade" command (runCommand()): starts the
        successor (setUpgradeCommand()) and hands it every listener through the
        sharer, by name; the successor takes them with takeUpgradeListeners(),
        starts its own workers and says \c READY=1 to its \c NOTIFY_SOCKET (this
        supervisor's) once they are all ready. Then upgradeSucceeded() and this
        supervisor stops its workers (finished()). A successor that cannot start,
        exits, or is not ready within the ready timeout plus 5 s is stopped, and
        this supervisor goes on serving (upgradeFailed()). \since 0.5
    */
    void upgrade();
    //! Whether an upgrade is under way. \since 0.5
    bool isUpgrading() const;
    //! Whether a successor took over: the listeners are its own now. \since 0.5
    bool hasHandedOver() const;

    //! Who this supervisor replaces, when it was started by upgrade().
    struct Predecessor
    {
        qint64 pid = 0;         //!< the predecessor's pid; 0: this is no successor
        QString managerAddress; //!< the service manager it answered to
    };
    /*!
        In a successor: its predecessor, read from (and removed from) the
        environment upgrade() gave it. \since 0.5
    */
    static Predecessor takePredecessor();
    /*!
        In a successor: takes the listeners its predecessor handed over and adds
        them to \a out (name and descriptor); nothing when there is no
        predecessor. False, with \a error, if they cannot be taken. The
        variables are removed. \since 0.5
    */
    static bool takeUpgradeListeners(QList<HostResource> *out, QString *error = nullptr);
    /*!
        Tells \a manager (usually ServiceNotifier(): this process's
        \c NOTIFY_SOCKET, systemd's \c Type=notify) how the supervisor is
        doing: \c READY=1 once every worker is ready, \c RELOADING=1 for a
        rolling restart and \c READY=1 after it, \c STOPPING=1 on shutdown(),
        \c STATUS= lines, \c WATCHDOG=1 at half its watchdogInterval(), and
        \c MAINPID= of the successor after an upgrade. A successor answers to
        the same manager. In a successor, pass \a predecessor
        (takePredecessor()): \a manager is then the predecessor, which hears
        \c READY=1 once every worker is ready; once the predecessor has ended,
        the supervisor tells the predecessor's manager \c MAINPID= (this
        process) and, if it is, \c READY=1, and answers to it from then on.
        Before start(). Without it the supervisor tells no one.
        \since 0.5
    */
    void setServiceManager(const ServiceNotifier &manager, const Predecessor &predecessor);
    //! The same for a supervisor that replaces none. \since 0.5
    void setServiceManager(const ServiceNotifier &manager);

    //! How many slots have a ready worker.
    int readyCount() const;
    //! Whether a rolling restart is under way.
    bool isRolling() const;
    //! Whether shutdown() was called.
    bool isStopping() const;
    //! Every worker with a live process, replacements and retiring ones included.
    QList<WorkerInfo> workers() const;
    /*!
        Adds \a key to what the supervisor publishes about itself (the
        "supervisor" object of its process status): \c qrs-supervise says there
        how an upgrade in place goes.
    */
    void setStatusField(const QString &key, const QJsonValue &value);

Q_SIGNALS:
    //! \a worker's process started.
    void workerStarted(const qrs::WorkerInfo &worker);
    //! \a worker is ready (every hold on its readiness is released).
    void workerReady(const qrs::WorkerInfo &worker);
    //! \a exitCode is the signal number when \a exitStatus is CrashExit; -1 if it never started.
    void workerExited(const qrs::WorkerInfo &worker, int exitCode, QProcess::ExitStatus exitStatus);
    //! The number of worker slots changed (setWorkerCount() after start()). \since 0.5
    void workerCountChanged(int count);
    //! A rolling restart is done with \a slot: its worker was \a replaced, or
    //! not, and \a reason says why. \since 0.5
    void workerReplaced(int slot, bool replaced, const QString &reason);
    //! Slot \a slot gets a new worker in \a delayMs (after a failure, with backoff).
    void workerRestartScheduled(int slot, int delayMs);
    //! readyCount() changed.
    void readinessChanged(int ready, int total);
    //! A rolling restart began: each slot gets a new worker, surge() at a time.
    void rollingRestartStarted();
    //! The rolling restart is over: \a replaced of its \a total slots got a new worker.
    void rollingRestartFinished(int replaced, int total);
    //! One line of the supervisor's log, in the user's language.
    void message(const QString &line);
    //! After shutdown(), once every worker has stopped.
    void finished();
    //! upgrade() started the successor, process \a successorPid. \since 0.5
    void upgradeStarted(qint64 successorPid);
    //! The successor is ready: this supervisor stops its workers. \since 0.5
    void upgradeSucceeded(qint64 successorPid);
    //! The upgrade failed (or was not started), and this supervisor goes on. \since 0.5
    void upgradeFailed(const QString &reason);

private:
    std::unique_ptr<SupervisorPrivate> const d_ptr;
    Q_DECLARE_PRIVATE(Supervisor)
};

Q_DECLARE_OPERATORS_FOR_FLAGS(Supervisor::ListenOptions)

} // namespace qrs
