// SPDX-FileCopyrightText: 2026 QtResourceSharer contributors
//
// SPDX-License-Identifier: BSD-3-Clause

#include "managerreport_p.h"
#include "supervisor_p.h"
#include "supervisorcontrol_p.h"
#include "upgrade_p.h"

#include "common/text_p.h"

#include <qrs/resourcesharer.h>

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QPluginLoader>
#include <QProcess>

#include <optional>
#include <unistd.h>

namespace qrs {

namespace { } // namespace

Q_LOGGING_CATEGORY(lcSupervisor, "qrs.supervisor", QtWarningMsg)

SupervisorPrivate::SupervisorPrivate(Supervisor *owner)
    : q(owner)
    , m_listenerSet([this](const QString &line) { info(line); })
    , m_extensions(this)
    , m_control(new SupervisorControl(owner, this))
    , m_upgrade(new UpgradeInPlace(owner, this))
    , m_status(new StatusPublisher([this] { return status(); },
                                   [this](const QString &line) { info(line); }, this))
{
    m_control->add(QStringLiteral("upgrade"),
                   [this](const QJsonObject &, const Supervisor::CommandDone &done) {
                       m_upgrade->request(done);
                   });
}

SupervisorPrivate::~SupervisorPrivate()
{
    for (Worker *w : std::as_const(m_workers)) {
        w->process->disconnect(this);
        w->process->kill();
        w->process->waitForFinished(m_settings.graceMs);
        delete w;
    }
    for (const HostResource &r : std::as_const(m_listeners))
        ::close(r.fd);
    if (!m_upgrade->handedOver()) // else its successor serves them
        m_listenerSet.removeSocketFiles();
}

bool SupervisorPrivate::fail(QString *error, Error code, const QString &text)
{
    m_lastError = code;
    m_lastErrorString = text;
    if (error)
        *error = text;
    return false;
}

bool SupervisorPrivate::addExtension(const ExtensionHost::Extension &extension, QString *error)
{
    QString why;
    if (!m_extensions.add(extension, &why))
        return fail(error, Error::Denied, why);
    info(qrs::tr("added extension %1").arg(extension.name));
    return true;
}

SupervisorPrivate::Worker *SupervisorPrivate::find(quint64 id) const
{
    for (Worker *w : m_workers) {
        if (w->info.id == id)
            return w;
    }
    return nullptr;
}

QList<HostResource> SupervisorPrivate::resourcesFor(const WorkerInfo &) const
{
    return m_listeners;
}

QString SupervisorPrivate::setting(const QString &name) const
{
    return m_settings.extensionSettings.value(name);
}

void SupervisorPrivate::setStatus(quint64 workerId, const QString &status)
{
    if (Worker *w = find(workerId)) {
        w->status = status;
        statusChanged();
    }
}

void SupervisorPrivate::extendTimeout(quint64 workerId, int ms)
{
    Worker *w = find(workerId);
    if (w && w->timer->isActive() && w->timer->remainingTime() < ms)
        w->timer->start(ms);
}

void SupervisorPrivate::killWorker(quint64 workerId, const QString &reason)
{
    Worker *w = find(workerId);
    if (!w)
        return;
    info(qrs::tr("%1: %2; killing it").arg(say(w), reason));
    w->process->kill();
}

void SupervisorPrivate::setPidVariable(quint64 workerId, const QString &name)
{
    Worker *w = find(workerId);
    if (w && !w->pidVariables.contains(name))
        w->pidVariables.append(name);
}

void SupervisorPrivate::log(const QString &extension, const QString &message)
{
    info(QStringLiteral("[%1] %2").arg(extension, message));
}

QList<WorkerInfo> SupervisorPrivate::workers() const
{
    QList<WorkerInfo> out;
    for (const Worker *w : m_workers)
        out.append(w->info);
    return out;
}

// ---------------------------------------------------------------- Supervisor

Supervisor::Supervisor(QObject *parent)
    : QObject(parent)
    , d_ptr(std::make_unique<SupervisorPrivate>(this))
{ }

Supervisor::~Supervisor() = default;

void Supervisor::setProgram(const QString &program, const QStringList &arguments)
{
    Q_D(Supervisor);
    d->m_settings.program = program;
    d->m_settings.arguments = arguments;
}

QString Supervisor::program() const
{
    return d_func()->m_settings.program;
}

QStringList Supervisor::arguments() const
{
    return d_func()->m_settings.arguments;
}

void Supervisor::setWorkerCount(int count)
{
    d_func()->setWorkerCount(qBound(1, count, MaxWorkers));
}

void Supervisor::setSurge(int count)
{
    Q_D(Supervisor);
    d->setSurge(qBound(1, count, MaxWorkers), false);
}

void Supervisor::setSurgePercent(int percent)
{
    Q_D(Supervisor);
    d->setSurge(qBound(1, percent, 100), true);
}

int Supervisor::surge() const
{
    return d_func()->surge();
}

bool Supervisor::restartWorker(int slot)
{
    return d_func()->restartWorker(slot);
}

void Supervisor::runCommand(const QJsonObject &command, const CommandDone &done)
{
    d_func()->m_control->run(command, done);
}

void Supervisor::addCommand(const QString &name, const Command &command)
{
    d_func()->m_control->add(name, command);
}

void Supervisor::setUpgradeCommand(const QString &program, const QStringList &arguments)
{
    Q_D(Supervisor);
    d->m_upgrade->program = program;
    d->m_upgrade->arguments = arguments;
}

void Supervisor::setServiceManager(const ServiceNotifier &manager)
{
    setServiceManager(manager, Predecessor());
}

void Supervisor::setServiceManager(const ServiceNotifier &manager, const Predecessor &predecessor)
{
    Q_D(Supervisor);
    delete d->m_report;
    d->m_report = new ManagerReport(manager, predecessor, this, d);
    // A successor answers to the same manager: in a successor, the predecessor's.
    d->m_upgrade->managerAddress =
            predecessor.pid ? predecessor.managerAddress : manager.socketAddress();
    d->m_upgrade->watchdogUsec = manager.watchdogInterval().count();
}

void Supervisor::upgrade()
{
    // A refusal is said in the log by the control channel; the outcome by the signals.
    runCommand({{QStringLiteral("command"), QStringLiteral("upgrade")}}, {});
}

bool Supervisor::isUpgrading() const
{
    return d_func()->m_upgrade->isUnderWay();
}

bool Supervisor::hasHandedOver() const
{
    return d_func()->m_upgrade->handedOver();
}

int Supervisor::workerCount() const
{
    return d_func()->m_settings.workers;
}

void Supervisor::setGracePeriod(int ms)
{
    d_func()->m_settings.graceMs = qMax(0, ms);
}

int Supervisor::gracePeriod() const
{
    return d_func()->m_settings.graceMs;
}

void Supervisor::setReadyTimeout(int ms)
{
    d_func()->m_settings.readyTimeoutMs = qMax(0, ms);
}

int Supervisor::readyTimeout() const
{
    return d_func()->m_settings.readyTimeoutMs;
}

bool Supervisor::setUser(const QString &user)
{
    Q_D(Supervisor);
    auto identity = std::make_shared<platform::UserIdentity>();
    std::string why;
    const platform::UserLookup found =
            platform::resolveUser(user.toStdString(), identity.get(), &why);
    if (found != platform::UserLookup::Found) {
        return d->fail(
                nullptr,
                found == platform::UserLookup::Malformed ? Error::InvalidArgument : Error::NotFound,
                qrs::tr("cannot run the workers as %1: %2").arg(user, QString::fromStdString(why)));
    }
    if (::geteuid() != 0 && (identity->uid != ::geteuid() || identity->gid != ::getegid()))
        return d->fail(nullptr, Error::Denied,
                       qrs::tr("cannot run the workers as %1: only root may run them as another "
                               "user or group")
                               .arg(user));
    d->m_settings.user = user;
    d->m_settings.identity = std::move(identity);
    d->m_settings.extensionSettings.insert(QStringLiteral("uid"),
                                           QString::number(d->m_settings.identity->uid));
    d->m_settings.extensionSettings.insert(QStringLiteral("gid"),
                                           QString::number(d->m_settings.identity->gid));
    return true;
}

QString Supervisor::user() const
{
    return d_func()->m_settings.user;
}

uint Supervisor::workerUid() const
{
    Q_D(const Supervisor);
    return d->m_settings.identity ? d->m_settings.identity->uid : ::geteuid();
}

void Supervisor::setReadiness(const Readiness &readiness)
{
    setExtensionSetting(QStringLiteral("ready"), readiness.toString());
}

Readiness Supervisor::readiness() const
{
    Readiness readiness;
    Readiness::parse(extensionSetting(QStringLiteral("ready")), &readiness, nullptr);
    return readiness;
}

void Supervisor::setExtensionSetting(const QString &name, const QString &value)
{
    d_func()->m_settings.extensionSettings.insert(name, value);
}

QString Supervisor::extensionSetting(const QString &name) const
{
    return d_func()->m_settings.extensionSettings.value(name);
}

void Supervisor::addListener(const HostResource &listener)
{
    d_func()->m_listeners.append(listener);
}

QList<HostResource> Supervisor::listeners() const
{
    return d_func()->m_listeners;
}

bool Supervisor::listen(const QList<ListenSpec> &specs, ListenOptions options)
{
    Q_D(Supervisor);
    std::optional<ServiceNotifier> store; // the one setServiceManager() gave
    if (options.testFlag(KeepInServiceManager)) {
        if (!d->m_report || !d->m_report->manager().isEnabled())
            return d->fail(nullptr, Error::SharerUnreachable,
                           qrs::tr("there is no service manager to keep the sockets "
                                   "(NOTIFY_SOCKET is not set)"));
        store = d->m_report->manager();
    }
    QList<HostResource> opened;
    Error code = Error::NoError;
    QString why;
    if (!d->m_listenerSet.open(specs, store ? &*store : nullptr, &opened, &code, &why))
        return d->fail(nullptr, code, why);
    d->m_listeners += opened;
    return true;
}

bool Supervisor::loadExtension(const QString &file, QString *error)
{
    Q_D(Supervisor);
    Error code = Error::NoError;
    QString why;
    if (!d->m_extensions.load(file, this, &code, &why))
        return d->fail(error, code, why);
    const ExtensionHost::Extension &loaded = d->m_extensions.last();
    d->info(qrs::tr("loaded plugin %1 (%2)").arg(loaded.name, loaded.loader->fileName()));
    return true;
}

bool Supervisor::loadDefaultExtensions(QString *error)
{
    Q_D(Supervisor);
    for (const QString &path : extensionDirectories()) {
        const QDir dir(path);
        for (const QString &entry : dir.entryList({QStringLiteral("*.so")}, QDir::Files)) {
            // The first directory's wins, as for Qt's own plugins.
            const QString file = dir.filePath(entry);
            const QString loaded = d->m_extensions.loadedFrom(ExtensionHost::pluginName(file));
            if (!loaded.isEmpty()) {
                d->info(qrs::tr("skipped %1: the plugin of that name was loaded from %2")
                                .arg(file, loaded));
                continue;
            }
            if (!loadExtension(file, error))
                return false;
        }
    }
    return true;
}

QStringList Supervisor::extensionDirectories()
{
    QStringList dirs;
    const QString appDir = QCoreApplication::applicationDirPath();
    dirs.append(QDir::cleanPath(appDir + QStringLiteral("/" QRS_PLUGIN_RELATIVE_DIR)));
    for (const QString &path : QCoreApplication::libraryPaths())
        dirs.append(QDir::cleanPath(path + QStringLiteral("/qrs-supervisor")));
    dirs.removeDuplicates();
    return dirs;
}

bool Supervisor::addExtension(SupervisorExtension *extension, const QString &name, QString *error)
{
    return d_func()->addExtension({name, nullptr, extension}, error);
}

Error Supervisor::error() const
{
    return d_func()->m_lastError;
}

QString Supervisor::errorString() const
{
    return d_func()->m_lastErrorString;
}

QStringList Supervisor::extensionNames() const
{
    return d_func()->m_extensions.names();
}

bool Supervisor::extensionProvides(const QString &feature) const
{
    return d_func()->m_extensions.provides(feature);
}

void Supervisor::start()
{
    d_func()->start();
}

void Supervisor::rollingRestart()
{
    d_func()->rollingRestart();
}

void Supervisor::shutdown()
{
    d_func()->shutdown();
}

int Supervisor::readyCount() const
{
    return d_func()->readyCount();
}

bool Supervisor::isRolling() const
{
    return d_func()->isRolling();
}

bool Supervisor::isStopping() const
{
    return d_func()->isStopping();
}

QList<WorkerInfo> Supervisor::workers() const
{
    return d_func()->workers();
}

void Supervisor::setStatusField(const QString &key, const QJsonValue &value)
{
    d_func()->setStatusField(key, value);
}

} // namespace qrs
