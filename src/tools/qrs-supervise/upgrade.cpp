// SPDX-FileCopyrightText: 2026 QtResourceSharer contributors
//
// SPDX-License-Identifier: BSD-3-Clause

#include "upgrade.h"

#include "notification_p.h"
#include "processwatch_p.h"

#include "fdpassing.h"
#include "managerreport.h"
#include "process.h"
#include "toolcommon.h"

#include <qrs/supervisor.h>

#include <qrs/cachemodel.h>
#include <qrs/dupfd.h>
#include <qrs/inheritedresources.h>

#include <QCoreApplication>
#include <QDir>
#include <QEventLoop>
#include <QFile>
#include <QFileInfo>
#include <QJsonObject>
#include <QProcess>
#include <QSocketNotifier>
#include <QTimer>

#include <cerrno>
#include <csignal>
#include <cstdio>
#include <unistd.h>

namespace qrs::supervise {

namespace {

// The translation context of this tool's messages.
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(qrs_supervise)
};

// What the predecessor tells its successor, through its environment.
constexpr char ResourcesVariable[] = "QRS_UPGRADE_RESOURCES";
constexpr char NamesVariable[] = "QRS_UPGRADE_RESOURCE_NAMES";
constexpr char PredecessorVariable[] = "QRS_UPGRADE_PREDECESSOR";
constexpr char ManagerVariable[] = "QRS_UPGRADE_MANAGER_SOCKET";

} // namespace

Upgrade::Upgrade(const Plan &plan, QObject *parent)
    : QObject(parent)
    , m_plan(plan)
{ }

Upgrade::~Upgrade()
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

bool Upgrade::start(QString *error)
{
    const QFileInfo program(m_plan.program);
    if (!program.isFile() || !program.isExecutable()) {
        *error = Text::tr("%1 is missing or not executable").arg(m_plan.program);
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
        *error = Text::tr("cannot create the successor's notification socket in %1: %2")
                         .arg(base, tools::systemErrorText(errno));
        return false;
    }
    m_notifier = new QSocketNotifier(qintptr(m_socket), QSocketNotifier::Read);
    connect(m_notifier, &QSocketNotifier::activated, this, &Upgrade::readNotifications);

    // Every listener, registered for the successor to take by name; withdrawn
    // with this object if it does not.
    QStringList ids;
    QStringList names;
    for (const HostResource &l : std::as_const(m_plan.listeners)) {
        auto handed = std::make_unique<DupFd>(l.fd, RegisterOptions{l.name, 0});
        if (!handed->isValid()) {
            *error = Text::tr("cannot share %1 with the successor: %2")
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
        *error = Text::tr("cannot start %1: %2").arg(m_plan.program, successor.errorString());
        return false;
    }
    m_successorEnd = new ProcessEndWatch(
            m_pid, [this] { successorEnded(); }, this);
    if (m_successorEnd->hasEnded()) {
        delete std::exchange(m_successorEnd, nullptr);
        *error = Text::tr("the successor (pid %1) ended at once").arg(m_pid);
        return false;
    }
    m_deadline = new QTimer(this);
    m_deadline->setSingleShot(true);
    connect(m_deadline, &QTimer::timeout, this, [this] {
        fail(Text::tr("the successor (pid %1) was not ready within %2 ms")
                     .arg(m_pid)
                     .arg(m_plan.deadlineMs));
    });
    m_deadline->start(m_plan.deadlineMs);
    return true;
}

void Upgrade::readNotifications()
{
    char buffer[4096];
    for (int i = 0; i < 64; ++i) {
        platform::Datagram d = platform::receiveDatagram(m_socket, buffer, sizeof(buffer));
        if (d.bytes < 0)
            return;
        for (int fd : d.fds)
            platform::closeFd(fd);
        // Only the successor itself speaks here (its workers have sockets of their own).
        if (!d.hasCredentials || d.sender.pid != m_pid || m_over
            || d.bytes > ssize_t(sizeof(buffer)))
            continue;
        // Read as the notify plugin reads its workers', and as systemd does.
        const notify::Notification n =
                notify::parseNotification(QByteArray::fromRawData(buffer, int(d.bytes)));
        bool ready = false;
        for (const auto &[key, value] : n.assignments) {
            if (key == "STATUS")
                tools::printError(Text::tr("the successor (pid %1): %2")
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

void Upgrade::cancel(const QString &reason)
{
    fail(reason);
}

void Upgrade::fail(const QString &reason)
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

void Upgrade::successorEnded()
{
    m_successorEnd->deleteLater();
    m_successorEnd = nullptr;
    if (!m_over)
        fail(Text::tr("the successor (pid %1) ended before it was ready").arg(m_pid));
    else
        Q_EMIT finished();
}

Upgrades::Upgrades(Supervisor *supervisor, ManagerReport *report, const Upgrade::Plan &plan,
                   QObject *parent)
    : QObject(parent)
    , m_supervisor(supervisor)
    , m_report(report)
    , m_plan(plan)
{ }

void Upgrades::publish(const QString &state, const QString &reason)
{
    m_supervisor->setStatusField(QStringLiteral("upgrade"),
                                 QJsonObject{{QStringLiteral("attempt"), m_attempt},
                                             {QStringLiteral("state"), state},
                                             {QStringLiteral("successor"), m_successor},
                                             {QStringLiteral("reason"), reason}});
}

void Upgrades::request(const std::function<void(const QJsonObject &)> &done)
{
    ++m_attempt;
    m_successor = 0;
    const auto failed = [done](const QString &why) {
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
        return refuse(Text::tr("an upgrade is under way (successor pid %1)")
                              .arg(m_current->successorPid()));
    if (m_handedOver || m_supervisor->isStopping())
        return refuse(Text::tr("this supervisor is stopping"));
    if (m_supervisor->isRolling())
        return refuse(Text::tr("a rolling restart is under way"));

    // The successor runs as many workers as run now (SIGTTIN, --scale): the
    // last --workers before "--" is the one that counts.
    Upgrade::Plan plan = m_plan;
    const qsizetype separator = plan.arguments.indexOf(QStringLiteral("--"));
    plan.arguments.insert(separator < 0 ? plan.arguments.size() : separator,
                          QStringLiteral("--workers=%1").arg(m_supervisor->workerCount()));
    m_current = new Upgrade(plan, this);
    connect(m_current, &Upgrade::succeeded, this, [this, done](qint64 pid) {
        tools::printError(Text::tr("upgrade: the successor (pid %1) is ready; stopping the workers "
                                   "of this supervisor")
                                  .arg(pid));
        m_handedOver = true;
        publish(QStringLiteral("done"));
        // Under systemd, it follows the successor from now on.
        m_report->tell("MAINPID=" + QByteArray::number(pid));
        m_report->status(Text::tr("handed over to pid %1").arg(pid));
        if (done)
            done({{QStringLiteral("ok"), true}, {QStringLiteral("successor"), pid}});
        Q_EMIT successorReady();
    });
    connect(m_current, &Upgrade::failed, this, [this, failed](const QString &reason) {
        tools::printError(
                Text::tr("upgrade failed: %1; this supervisor goes on serving").arg(reason));
        publish(QStringLiteral("failed"), reason);
        failed(reason);
    });
    connect(m_current, &Upgrade::finished, this, [this] {
        m_current->deleteLater();
        m_current = nullptr;
    });
    QString error;
    if (!m_current->start(&error)) {
        delete std::exchange(m_current, nullptr);
        tools::printError(
                Text::tr("upgrade failed: %1; this supervisor goes on serving").arg(error));
        publish(QStringLiteral("failed"), error);
        failed(error);
        return;
    }
    m_successor = m_current->successorPid();
    tools::printError(Text::tr("upgrading in place: started %1 (pid %2) and handed it %n "
                               "socket(s)",
                               nullptr, int(m_plan.listeners.size()))
                              .arg(m_plan.program)
                              .arg(m_successor));
    publish(QStringLiteral("running"));
}

void Upgrades::cancel()
{
    if (m_current && !m_handedOver)
        m_current->cancel(Text::tr("this supervisor is stopping"));
}

bool takePredecessorListeners(QList<PassedListener> *out, QString *error)
{
    const QByteArray ids = qgetenv(ResourcesVariable);
    const QByteArray names = qgetenv(NamesVariable);
    ::unsetenv(ResourcesVariable);
    ::unsetenv(NamesVariable);
    if (ids.isEmpty())
        return true;
    InheritedResources handed(ids, names);
    QList<DetachedFd> taken = handed.takeAll(error);
    if (taken.isEmpty() && !handed.names().isEmpty()) {
        *error = Text::tr("cannot take the sockets of the supervisor this one replaces: %1")
                         .arg(*error);
        return false;
    }
    for (const DetachedFd &d : taken) {
        HostResource r;
        r.name = d.name;
        r.fd = d.fd;
        r.description = describeListener(d.fd);
        out->append({r, Text::tr("the supervisor it replaces")});
    }
    return true;
}

Predecessor takePredecessor()
{
    Predecessor p;
    p.pid = qEnvironmentVariableIntValue(PredecessorVariable);
    p.managerAddress = qEnvironmentVariable(ManagerVariable);
    ::unsetenv(PredecessorVariable);
    ::unsetenv(ManagerVariable);
    return p;
}

bool whenProcessEnds(qint64 pid, QObject *context, const std::function<void()> &ended)
{
    auto self = std::make_shared<ProcessEndWatch *>(nullptr);
    auto *watch = new ProcessEndWatch(
            pid,
            [self, ended] {
                (*self)->deleteLater();
                ended();
            },
            context);
    *self = watch;
    if (watch->hasEnded()) {
        delete watch;
        return false;
    }
    return true;
}

} // namespace qrs::supervise
