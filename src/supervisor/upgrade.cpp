// SPDX-FileCopyrightText: 2026 QtResourceSharer contributors
//
// SPDX-License-Identifier: BSD-3-Clause

#include "upgrade_p.h"

#include "supervisor_p.h"

#include "common/notification_p.h"
#include "common/processwatch_p.h"
#include "common/text_p.h"

#include "fdpassing.h"

#include <qrs/dupfd.h>
#include <qrs/inheritedresources.h>

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonObject>
#include <QProcess>
#include <QSocketNotifier>
#include <QTimer>

#include <cerrno>
#include <csignal>
#include <unistd.h>

namespace qrs {

namespace {

// What the predecessor tells its successor, through its environment.
constexpr char ResourcesVariable[] = "QRS_UPGRADE_RESOURCES";
constexpr char NamesVariable[] = "QRS_UPGRADE_RESOURCE_NAMES";
constexpr char PredecessorVariable[] = "QRS_UPGRADE_PREDECESSOR";
constexpr char ManagerVariable[] = "QRS_UPGRADE_MANAGER_SOCKET";
// A successor has the ready timeout for its workers and this for itself.
constexpr int SuccessorStartMs = 5000;

} // namespace

SuccessorLaunch::SuccessorLaunch(const Plan &plan, SupervisorPrivate *priv, QObject *parent)
    : QObject(parent)
    , m_plan(plan)
    , d(priv)
{ }

SuccessorLaunch::~SuccessorLaunch()
{
    delete m_notifier;
    platform::closeFd(m_socket);
    for (const auto &handed : m_handed)
        handed->revoke(); // what the successor did not take is withdrawn
    if (!m_directory.isEmpty()) {
        QFile::remove(m_directory + QStringLiteral("/notify"));
        QDir().rmdir(m_directory);
    }
}

bool SuccessorLaunch::start(QString *error)
{
    const QFileInfo program(m_plan.program);
    if (!program.isFile() || !program.isExecutable()) {
        *error = qrs::tr("%1 is missing or not executable").arg(m_plan.program);
        return false;
    }
    const std::string privateBase = platform::runtimeBase();
    const QString base = QFile::decodeName(QByteArray::fromStdString(privateBase));
    m_directory =
            QString::fromStdString(platform::makePrivateDirectory(privateBase, "qrs-upgrade-"));
    const QString socketPath = m_directory + QStringLiteral("/notify");
    m_socket = m_directory.isEmpty()
            ? -1
            : platform::bindNotifySocket(QFile::encodeName(socketPath).toStdString());
    if (m_socket < 0) {
        *error = qrs::tr("cannot create the successor's notification socket in %1: %2")
                         .arg(base, systemErrorText(errno));
        return false;
    }
    m_notifier = new QSocketNotifier(qintptr(m_socket), QSocketNotifier::Read);
    connect(m_notifier, &QSocketNotifier::activated, this, &SuccessorLaunch::readNotifications);

    // Every listener, registered for the successor to take by name; withdrawn
    // with this object if it does not.
    QStringList ids;
    QStringList names;
    for (const HostResource &l : std::as_const(m_plan.listeners)) {
        auto handed = std::make_unique<DupFd>(l.fd, RegisterOptions{l.name, 0});
        if (!handed->isValid()) {
            *error = qrs::tr("cannot share %1 with the successor: %2")
                             .arg(l.name, handed->errorString());
            return false;
        }
        ids << handed->id().toString();
        names << l.name;
        m_handed.push_back(std::move(handed));
    }

    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QLatin1String(ResourcesVariable), ids.join(QLatin1Char(' ')));
    env.insert(QLatin1String(NamesVariable), names.join(QLatin1Char(' ')));
    env.insert(QLatin1String(PredecessorVariable),
               QString::number(QCoreApplication::applicationPid()));
    if (!m_plan.managerAddress.isEmpty())
        env.insert(QLatin1String(ManagerVariable), m_plan.managerAddress);
    env.insert(QStringLiteral("NOTIFY_SOCKET"), socketPath);
    if (m_plan.watchdogUsec > 0)
        env.insert(QStringLiteral("WATCHDOG_USEC"), QString::number(m_plan.watchdogUsec));
    for (const char *name : {"WATCHDOG_PID", "LISTEN_FDS", "LISTEN_PID", "LISTEN_FDNAMES"})
        env.remove(QLatin1String(name));

    // Detached: the successor must outlive this process, which it replaces.
    QProcess successor;
    successor.setProgram(m_plan.program);
    successor.setArguments(m_plan.arguments);
    successor.setProcessEnvironment(env);
    if (!successor.startDetached(&m_pid)) {
        *error = qrs::tr("cannot start %1: %2").arg(m_plan.program, successor.errorString());
        return false;
    }
    m_successorEnd = new ProcessEndWatch(
            m_pid, [this] { successorEnded(); }, this);
    if (m_successorEnd->hasEnded()) {
        delete std::exchange(m_successorEnd, nullptr);
        *error = qrs::tr("the successor (pid %1) ended at once").arg(m_pid);
        return false;
    }
    m_deadline = new QTimer(this);
    m_deadline->setSingleShot(true);
    connect(m_deadline, &QTimer::timeout, this, [this] {
        fail(qrs::tr("the successor (pid %1) was not ready within %2 ms")
                     .arg(m_pid)
                     .arg(m_plan.deadlineMs));
    });
    m_deadline->start(m_plan.deadlineMs);
    return true;
}

void SuccessorLaunch::readNotifications()
{
    char buffer[4096];
    for (int i = 0; i < 64; ++i) {
        platform::Datagram got = platform::receiveDatagram(m_socket, buffer, sizeof(buffer));
        if (got.bytes < 0)
            return;
        for (int fd : got.fds)
            platform::closeFd(fd);
        // Only the successor itself speaks here (its workers have sockets of their own).
        if (!got.hasCredentials || got.sender.pid != m_pid || m_over
            || got.bytes > ssize_t(sizeof(buffer)))
            continue;
        // Read as the notify plugin reads its workers', and as systemd does.
        const notify::Notification n =
                notify::parseNotification(QByteArray::fromRawData(buffer, int(got.bytes)));
        bool ready = false;
        for (const auto &[key, value] : n.assignments) {
            if (key == "STATUS")
                d->info(qrs::tr("the successor (pid %1): %2")
                                .arg(m_pid)
                                .arg(QString::fromUtf8(value)));
            ready = ready || (key == "READY" && value == "1");
        }
        if (ready) {
            m_over = true;
            m_deadline->stop();
            delete std::exchange(m_successorEnd, nullptr); // its end is no longer ours to watch
            Q_EMIT succeeded(m_pid);
            Q_EMIT finished();
            return;
        }
    }
}

void SuccessorLaunch::cancel(const QString &reason)
{
    fail(reason);
}

void SuccessorLaunch::fail(const QString &reason)
{
    if (m_over)
        return;
    m_over = true;
    m_deadline->stop();
    for (const auto &handed : m_handed)
        handed->revoke();
    Q_EMIT failed(reason);
    if (!m_successorEnd) {
        Q_EMIT finished();
        return;
    }
    // Its own SIGTERM handling stops its workers; SIGKILL if it takes too long.
    ::kill(pid_t(m_pid), SIGTERM);
    QTimer::singleShot(m_plan.graceMs, this, [this] {
        if (m_successorEnd && !m_successorEnd->hasEnded()) // not a reused pid
            ::kill(pid_t(m_pid), SIGKILL);
    });
}

void SuccessorLaunch::successorEnded()
{
    m_successorEnd->deleteLater();
    m_successorEnd = nullptr;
    if (!m_over)
        fail(qrs::tr("the successor (pid %1) ended before it was ready").arg(m_pid));
    else
        Q_EMIT finished();
}

UpgradeInPlace::UpgradeInPlace(Supervisor *supervisor, SupervisorPrivate *priv)
    : QObject(priv)
    , program(QCoreApplication::applicationFilePath())
    , arguments(QCoreApplication::arguments().mid(1))
    , q(supervisor)
    , d(priv)
{ }

void UpgradeInPlace::publish(const QString &state, const QString &reason)
{
    d->setStatusField(QStringLiteral("upgrade"),
                      QJsonObject{{QStringLiteral("attempt"), m_attempt},
                                  {QStringLiteral("state"), state},
                                  {QStringLiteral("successor"), m_successor},
                                  {QStringLiteral("reason"), reason}});
}

void UpgradeInPlace::request(const Supervisor::CommandDone &done)
{
    ++m_attempt;
    m_successor = 0;
    const auto failed = [this, done](const QString &why) {
        d->info(qrs::tr("upgrade failed: %1; this supervisor goes on serving").arg(why));
        publish(QStringLiteral("failed"), why);
        Q_EMIT q->upgradeFailed(why);
        if (done)
            done({{QStringLiteral("ok"), false}, {QStringLiteral("reason"), why}});
    };
    // Said in the log by the control channel.
    const auto refuse = [this, done](const QString &why) {
        publish(QStringLiteral("refused"), why);
        if (done)
            done({{QStringLiteral("ok"), false},
                  {QStringLiteral("refused"), true},
                  {QStringLiteral("reason"), why}});
    };
    if (m_current)
        return refuse(qrs::tr("an upgrade is under way (successor pid %1)")
                              .arg(m_current->successorPid()));
    if (m_handedOver || d->isStopping())
        return refuse(qrs::tr("this supervisor is stopping"));
    if (d->isRolling())
        return refuse(qrs::tr("a rolling restart is under way"));

    SuccessorLaunch::Plan plan;
    plan.program = program;
    plan.arguments = arguments;
    plan.listeners = d->m_listeners;
    plan.deadlineMs = d->m_settings.readyTimeoutMs + SuccessorStartMs;
    plan.graceMs = d->m_settings.graceMs;
    plan.managerAddress = managerAddress;
    plan.watchdogUsec = watchdogUsec;
    m_current = new SuccessorLaunch(plan, d, this);
    connect(m_current, &SuccessorLaunch::succeeded, this, [this, done](qint64 pid) {
        d->info(qrs::tr("upgrade: the successor (pid %1) is ready; stopping the workers of this "
                        "supervisor")
                        .arg(pid));
        m_handedOver = true;
        publish(QStringLiteral("done"));
        Q_EMIT q->upgradeSucceeded(pid);
        if (done)
            done({{QStringLiteral("ok"), true}, {QStringLiteral("successor"), pid}});
        d->shutdown();
    });
    connect(m_current, &SuccessorLaunch::failed, this, failed);
    connect(m_current, &SuccessorLaunch::finished, this, [this] {
        m_current->deleteLater();
        m_current = nullptr;
    });
    QString error;
    if (!m_current->start(&error)) {
        delete std::exchange(m_current, nullptr);
        failed(error);
        return;
    }
    m_successor = m_current->successorPid();
    d->info(QCoreApplication::translate("qrs",
                                        "upgrading in place: started %1 (pid %2) and handed it "
                                        "%n socket(s)",
                                        nullptr, int(plan.listeners.size()))
                    .arg(plan.program)
                    .arg(m_successor));
    publish(QStringLiteral("running"));
    Q_EMIT q->upgradeStarted(m_successor);
}

void UpgradeInPlace::cancel()
{
    if (m_current && !m_handedOver)
        m_current->cancel(qrs::tr("this supervisor is stopping"));
}

// ---------------------------------------------------------------- the successor's side

bool Supervisor::takeUpgradeListeners(QList<HostResource> *out, QString *error)
{
    const QByteArray ids = qgetenv(ResourcesVariable);
    const QByteArray names = qgetenv(NamesVariable);
    ::unsetenv(ResourcesVariable);
    ::unsetenv(NamesVariable);
    if (ids.isEmpty())
        return true;
    InheritedResources handed(ids, names);
    QString why;
    QList<DetachedFd> taken = handed.takeAll(&why);
    if (taken.isEmpty() && !handed.names().isEmpty()) {
        if (error)
            *error = qrs::tr("cannot take the sockets of the supervisor this one replaces: %1")
                             .arg(why);
        return false;
    }
    for (const DetachedFd &d : taken)
        out->append({d.name, int(d.fd), QString()});
    return true;
}

Supervisor::Predecessor Supervisor::takePredecessor()
{
    Predecessor p;
    p.pid = qEnvironmentVariableIntValue(PredecessorVariable);
    p.managerAddress = qEnvironmentVariable(ManagerVariable);
    ::unsetenv(PredecessorVariable);
    ::unsetenv(ManagerVariable);
    return p;
}

} // namespace qrs
