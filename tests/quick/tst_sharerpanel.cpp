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
#include <QQmlContext>
#include <QQmlEngine>
#include <QTcpServer>
#include <QtQuickTest>

#include <fcntl.h>
#include <sys/mman.h>
#include <unistd.h>

class TestSharer : public QObject
{
    Q_OBJECT
    Q_PROPERTY(QString picturePath MEMBER m_picturePath CONSTANT)

public:
    explicit TestSharer(QObject *parent)
        : QObject(parent)
        , m_picturePath(qEnvironmentVariable("QRS_PANEL_PICTURE"))
    { }

    // Each returns the new identifier, or "" if it could not be registered.
    Q_INVOKABLE QString registerPipe(const QString &name, int ttlMs = 0)
    {
        int p[2];
        if (::pipe2(p, O_CLOEXEC) != 0)
            return {};
        ::close(p[1]);
        return add(p[0], name, ttlMs);
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
