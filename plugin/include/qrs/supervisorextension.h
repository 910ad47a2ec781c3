// SPDX-FileCopyrightText: 2026 QtResourceSharer contributors
//
// SPDX-License-Identifier: BSD-3-Clause

#pragma once

#include <QCoreApplication>
#include <QList>
#include <QObject>
#include <QProcess>
#include <QString>
#include <QtPlugin>

namespace qrs {

/*!
    \struct qrs::WorkerInfo
    \brief Who a hook is about: one start of one worker slot.
    \since 0.2
*/
struct WorkerInfo
{
    quint64 id = 0;     //!< unique per start, never reused by the host
    int slot = 0;       //!< 0 .. workers-1; a replacement takes its predecessor's slot
    int generation = 0; //!< how many starts this slot has had before this one
    qint64 pid = 0;     //!< 0 until started
};

/*!
    \struct qrs::HostResource
    \brief A descriptor the host configured for its workers (a listening socket,
    a file). The host keeps ownership; an extension duplicates what it hands on.
    \since 0.2
*/
struct HostResource
{
    QString name;        //!< 1 to 255 printable ASCII characters, no space, no ':'
    int fd = -1;         //!< the host's descriptor
    QString description; //!< for logs, e.g. "tcp:127.0.0.1:8080"
};

//! When a new worker counts as ready: see Readiness.
enum class ReadinessMode {
    Taken,  //!< it has taken its resources (the default)
    Notify, //!< taken, and it sent READY=1 to its NOTIFY_SOCKET (systemd's Type=notify)
    Fd      //!< taken, and it wrote a newline to descriptor fd (s6's notification-fd)
};

/*!
    \struct qrs::Readiness
    \brief The host's "ready" setting (SupervisorHost::setting()) as a type:
    \c taken, \c notify or \c fd:N, parsed and checked in this one place by the
    host that takes it from its user and by the extension that implements it.
    \code
    qrs::Readiness readiness;
    QString error;
    if (!qrs::Readiness::parse(QStringLiteral("fd:3"), &readiness, &error))
        qFatal("%s", qPrintable(error));
    \endcode
    \since 0.5
*/
struct Readiness
{
    ReadinessMode mode = ReadinessMode::Taken; //!< what is waited for
    int fd = -1;                               //!< ReadinessMode::Fd: 3 to 1023

    //! \a text as a Readiness (empty: \c taken); false, with \a error, for
    //! anything but \c taken, \c notify and \c fd:N with N from 3 to 1023.
    static bool parse(const QString &text, Readiness *out, QString *error)
    {
        Readiness r;
        if (text.isEmpty() || text == QLatin1String("taken")) {
            r.mode = ReadinessMode::Taken;
        } else if (text == QLatin1String("notify")) {
            r.mode = ReadinessMode::Notify;
        } else if (text.startsWith(QLatin1String("fd:"))) {
            bool ok = false;
            r.fd = text.mid(3).toInt(&ok);
            r.mode = ReadinessMode::Fd;
            if (!ok || r.fd < 3 || r.fd > 1023 || text.mid(3) != QString::number(r.fd)) {
                if (error)
                    *error = QCoreApplication::translate(
                                     "qrs::Readiness",
                                     "ready=%1: the descriptor must be a number from 3 to 1023")
                                     .arg(text);
                return false;
            }
        } else {
            if (error)
                *error = QCoreApplication::translate("qrs::Readiness",
                                                     "ready=%1: expected taken, notify or fd:N")
                                 .arg(text);
            return false;
        }
        *out = r;
        return true;
    }
    //! The setting's text: "taken", "notify" or "fd:N".
    QString toString() const
    {
        switch (mode) {
        case ReadinessMode::Taken:
            return QStringLiteral("taken");
        case ReadinessMode::Notify:
            return QStringLiteral("notify");
        case ReadinessMode::Fd:
            break;
        }
        return QStringLiteral("fd:") + QString::number(fd);
    }
};

/*!
    \class qrs::SupervisorHost
    \brief What a supervisor host offers its extensions. Implemented by the host
    (qrs-supervise is one); extensions call it from the host's main thread.
    \since 0.2
*/
class SupervisorHost
{
public:
    virtual ~SupervisorHost() = default;

    //! The resources the host configured for this worker.
    virtual QList<HostResource> resourcesFor(const WorkerInfo &worker) const = 0;

    /*!
        Readiness: the host treats a started worker as ready (and, in a rolling
        restart, only then stops its predecessor) once every hold is released.
        An extension that must hand something over first holds the worker in
        beforeStart() and releases it, by the same \a reason, when done. A
        worker still held after the host's ready timeout is killed.
    */
    virtual void holdReadiness(quint64 workerId, const QString &reason) = 0;
    //! Releases the hold \a reason of holdReadiness() on worker \a workerId.
    virtual void releaseReadiness(quint64 workerId, const QString &reason) = 0;

    //! One line in the host's log, attributed to the extension.
    virtual void log(const QString &extension, const QString &message) = 0;

    /*!
        A setting the host was given for its extensions, empty if none. Hosts
        define at least "ready" (\c taken, \c notify or \c fd:N: how a worker's
        readiness is decided) and "watchdog" (milliseconds, or empty for none).
        \since 0.3
    */
    virtual QString setting(const QString &name) const = 0;

    //! The worker's own account of itself (systemd's STATUS=), shown by the host. \since 0.3
    virtual void setStatus(quint64 workerId, const QString &status) = 0;

    /*!
        Moves the deadline the worker is running against (becoming ready, or
        stopping within the grace period) to at least \a ms from now
        (systemd's EXTEND_TIMEOUT_USEC=).
        \since 0.3
    */
    virtual void extendTimeout(quint64 workerId, int ms) = 0;

    /*!
        Kills the worker (SIGKILL) for \a reason, logged; the host then treats it
        as a worker that failed (a watchdog that expired, for instance).
        \since 0.3
    */
    virtual void killWorker(quint64 workerId, const QString &reason) = 0;

    /*!
        From beforeStart(): the environment variable \a name of the worker is set
        to the worker's own process id, which only the started process knows
        (systemd's WATCHDOG_PID).
        \since 0.3
    */
    virtual void setPidVariable(quint64 workerId, const QString &name) = 0;
};

/*!
    \class qrs::SupervisorExtension
    \brief The interface a supervisor host's plugin implements: hooks around each
    worker's life.

    A plugin's root object derives from QObject and this class, declares
    \c Q_INTERFACES(qrs::SupervisorExtension) and
    \c Q_PLUGIN_METADATA(IID QRS_SUPERVISOR_EXTENSION_IID FILE "x.json"). Its JSON
    metadata (at least "name" and "description") can be read with
    QPluginLoader::metaData() without loading the plugin.

    All hooks run in the host's main thread, in this order for each start:
    beforeStart(), then started() or finished() (a failed start), then finished().

    An extension that needs code run in the child before it executes (placing a
    descriptor at a fixed number, for instance) wraps the QProcess's current
    \c childProcessModifier() in its own instead of replacing it: the host and
    other extensions may have set one.

    A plugin that decides readiness lists the "ready" modes it implements in its
    metadata (\c {"readiness": ["notify"]}); a host given such a mode refuses to
    start without a plugin that declares it.
    \since 0.2
*/
class SupervisorExtension
{
public:
    virtual ~SupervisorExtension() = default;

    //! Called once after loading; false (with \a error) makes the host refuse it.
    virtual bool initialize(SupervisorHost *host, QString *error) = 0;

    /*!
        Before \a process starts; the extension may change its environment and
        arguments. Returning false (with \a error) cancels this start.
    */
    virtual bool beforeStart(const WorkerInfo &worker, QProcess *process, QString *error) = 0;

    //! \a worker's process is running (worker.pid is set).
    virtual void started(const WorkerInfo &worker) = 0;

    //! \a worker's process has ended, or never started (\a exitStatus is CrashExit
    //! and \a exitCode -1 then).
    virtual void finished(const WorkerInfo &worker, int exitCode,
                          QProcess::ExitStatus exitStatus) = 0;
};

} // namespace qrs

//! The interface id; the version after '/' changes when the interface does
//! (1.1: releaseReadiness() names its hold; setting(), setStatus(), extendTimeout(),
//! killWorker(), setPidVariable()).
#define QRS_SUPERVISOR_EXTENSION_IID "org.qtresourcesharer.SupervisorExtension/1.1"
Q_DECLARE_INTERFACE(qrs::SupervisorExtension, QRS_SUPERVISOR_EXTENSION_IID)
