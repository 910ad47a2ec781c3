// SPDX-FileCopyrightText: 2026 QtResourceSharer contributors
//
// SPDX-License-Identifier: BSD-3-Clause

// Qt Quick Test driver for SharerPanel: loads the QtResourceSharer module from
// the build tree and gives the QML tests `testSharer`, which puts resources in
// this process's sharer (and takes them) as an application would.
#include <qrs/dupfd.h>
#include <qrs/resourcesharer.h>

#include <QDir>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QQmlContext>
#include <QQmlEngine>
#include <QTcpServer>
#include <QtQuickTest>

#include <csignal>
#include <fcntl.h>
#include <sys/mman.h>
#include <unistd.h>

class TestSharer : public QObject
{
    Q_OBJECT
    Q_PROPERTY(QString picturePath MEMBER m_picturePath CONSTANT)
    Q_PROPERTY(QString consolePicturePath MEMBER m_consolePicturePath CONSTANT)

public:
    explicit TestSharer(QObject *parent)
        : QObject(parent)
        , m_picturePath(qEnvironmentVariable("QRS_PANEL_PICTURE"))
        , m_consolePicturePath(qEnvironmentVariable("QRS_CONSOLE_PICTURE"))
    { }
    // Whatever the tests started ends with them: SIGTERM, then SIGKILL.
    ~TestSharer() override
    {
        for (qint64 pid : std::as_const(m_adopted))
            ::kill(pid_t(pid), SIGTERM);
        for (QProcess *p : std::as_const(m_supervisors)) {
            if (!p->waitForFinished(10'000))
                p->kill();
            p->waitForFinished(5000);
        }
    }

    // Starts a real qrs-supervise with args (its log goes to this test's
    // output) and returns its pid, or 0.
    Q_INVOKABLE qint64 startSupervisor(const QStringList &args)
    {
        auto *p = new QProcess(this);
        p->setProcessChannelMode(QProcess::ForwardedChannels);
        p->start(toolPath(QStringLiteral("qrs-supervise")), args);
        if (!p->waitForStarted(10'000))
            return 0;
        m_supervisors.append(p);
        m_adopted.append(p->processId());
        return p->processId();
    }
    Q_INVOKABLE QString toolPath(const QString &name) const
    {
        return QStringLiteral(QRS_TOOLS_DIR "/") + name;
    }
    // Ends process pid with the rest (a supervisor's successor after an upgrade).
    Q_INVOKABLE void adopt(qint64 pid)
    {
        if (pid > 0 && !m_adopted.contains(pid))
            m_adopted.append(pid);
    }
    Q_INVOKABLE bool isAlive(qint64 pid) const { return ::kill(pid_t(pid), 0) == 0; }
    // Kills process pid (a worker, to see the supervisor restart it).
    Q_INVOKABLE bool kill(qint64 pid) const { return ::kill(pid_t(pid), SIGKILL) == 0; }

    // Each returns the new identifier, or "" if it could not be registered.
    Q_INVOKABLE QString registerPipe(const QString &name, int ttlMs = 0)
    {
        int p[2];
        if (::pipe2(p, O_CLOEXEC) != 0)
            return {};
        ::close(p[1]);
        return add(p[0], name, ttlMs);
    }
    // A pipe that user uid may take too, and group gid (-1: none).
    Q_INVOKABLE QString registerPipeFor(const QString &name, int uid, int gid)
    {
        int p[2];
        if (::pipe2(p, O_CLOEXEC) != 0)
            return {};
        ::close(p[1]);
        qrs::RegisterOptions options(name, 0);
        if (uid >= 0)
            options.allowedUids = {uint(uid)};
        if (gid >= 0)
            options.allowedGids = {uint(gid)};
        return qrs::ResourceSharer::instance()->registerResource(p[0], options).toString();
    }
    Q_INVOKABLE QString registerFile(const QString &name, const QString &path)
    {
        return add(::open(QFile::encodeName(path).constData(), O_RDONLY | O_CLOEXEC), name, 0);
    }
    Q_INVOKABLE QString registerMemfd(const QString &name)
    {
        return add(::memfd_create(name.toUtf8().constData(), MFD_CLOEXEC), name, 0);
    }
    Q_INVOKABLE QString registerTcpListener(const QString &name, int ttlMs = 0)
    {
        QTcpServer server;
        if (!server.listen(QHostAddress::LocalHost))
            return {};
        return add(qrs::ResourceSharer::duplicate(int(server.socketDescriptor())), name, ttlMs);
    }
    // Takes the resource as a receiver would; true if it arrived.
    Q_INVOKABLE bool take(const QString &id)
    {
        const int fd = qrs::DupFd::detach(qrs::ResourceId::fromString(id), 5000);
        if (fd < 0)
            return false;
        ::close(fd);
        return true;
    }
    // Takes the resource and says how that went, as a qrs::Error.
    Q_INVOKABLE int takeCode(const QString &id)
    {
        qrs::Error code = qrs::Error::NoError;
        const int fd = qrs::DupFd::detach(qrs::ResourceId::fromString(id), 5000, &code, nullptr);
        if (fd >= 0)
            ::close(fd);
        return int(code);
    }
    Q_INVOKABLE int count() const { return qrs::ResourceSharer::instance()->count(); }
    Q_INVOKABLE bool setProcessStatus(const QString &json)
    {
        return qrs::ResourceSharer::instance()->setProcessStatus(
                QJsonDocument::fromJson(json.toUtf8()).object());
    }
    Q_INVOKABLE bool stop() { return qrs::ResourceSharer::instance()->stop(5000); }

private:
    QString add(int fd, const QString &name, int ttlMs)
    {
        if (fd < 0)
            return {};
        return qrs::ResourceSharer::instance()->registerResource(fd, {name, ttlMs}).toString();
    }

    QString m_picturePath;
    QString m_consolePicturePath;
    QList<QProcess *> m_supervisors;
    QList<qint64> m_adopted;
};

class Setup : public QObject
{
    Q_OBJECT

public Q_SLOTS:
    void qmlEngineAvailable(QQmlEngine *engine)
    {
        engine->addImportPath(QStringLiteral(QRS_QML_IMPORT_DIR));
        engine->rootContext()->setContextProperty(QStringLiteral("testSharer"),
                                                  new TestSharer(engine));
    }
};

QUICK_TEST_MAIN_WITH_SETUP(sharerpanel, Setup)

#include "tst_sharerpanel.moc"
