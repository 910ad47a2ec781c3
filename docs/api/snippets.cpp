// SPDX-FileCopyrightText: 2026 QtResourceSharer contributors
//
// SPDX-License-Identifier: BSD-3-Clause

// The examples the API reference shows (\snippet in the public headers). Built
// with the tests (qrs-doc-snippets), warnings as errors, so that what the
// reference shows compiles against the headers it documents. Not run.

#include <qrs/cachemodel.h>
#include <qrs/childresources.h>
#include <qrs/detachjob.h>
#include <qrs/dupfd.h>
#include <qrs/dupsocket.h>
#include <qrs/inheritedresources.h>
#include <qrs/resourcesharer.h>
#include <qrs/servicenotifier.h>
#include <qrs/supervisor.h>

#include <QCoreApplication>
#include <QProcess>
#include <QSortFilterProxyModel>
#include <QTcpServer>
#include <QTcpSocket>

namespace {
void loadEverythingSlow() { }
} // namespace

class Snippets : public QObject
{
public:
    void dupFd(QTcpServer &server, QProcessEnvironment &env)
    {
        //! [dupfd-parent]
        auto *shared = new qrs::DupFd(server.socketDescriptor(), this);
        connect(shared, &qrs::DupFd::detached, this,
                [](qint64 pid) { qInfo() << "taken by" << pid; });
        env.insert(QStringLiteral("MY_SOCKET"), shared->id().toString());
        //! [dupfd-parent]
    }

    void dupFdChild()
    {
        //! [dupfd-child]
        QString error;
        const int fd = qrs::DupFd::detach(
                qrs::ResourceId::fromString(qEnvironmentVariable("MY_SOCKET")), 5000, &error);
        if (fd < 0)
            qWarning() << error;
        //! [dupfd-child]
    }

    void dupFdErrors(const qrs::ResourceId &id)
    {
        //! [dupfd-errors]
        qrs::Error code = qrs::Error::NoError;
        QString why;
        const int fd = qrs::DupFd::detach(id, 5000, &code, &why);
        if (code == qrs::Error::AlreadyTaken || code == qrs::Error::Expired)
            qInfo() << "ask the sender for a new id";
        else if (fd < 0)
            qWarning() << code << why; // QDebug prints "qrs::Error::Timeout" and so on
        //! [dupfd-errors]
    }

    void dupSocket(QTcpServer &listening, QProcessEnvironment &env)
    {
        //! [dupsocket]
        // Sender
        auto *shared = new qrs::DupSocket(listening.socketDescriptor(), this);
        env.insert(QStringLiteral("LISTENER"), shared->id().toString());

        // Receiver
        QTcpServer server;
        QString error;
        const qintptr socket = qrs::DupSocket::detach(
                qrs::ResourceId::fromString(qEnvironmentVariable("LISTENER")), 5000, &error);
        if (socket < 0 || !server.setSocketDescriptor(socket))
            qFatal("%s", qPrintable(error));
        //! [dupsocket]
    }

    void detachJob(const qrs::ResourceId &id)
    {
        //! [detachjob]
        qrs::DetachJob *job = qrs::DupFd::detachAsync(id, 5000, this);
        connect(job, &qrs::DetachJob::detached, this, [](int fd) { qInfo() << "got" << fd; });
        connect(job, &qrs::DetachJob::detachFailed, this,
                [](qrs::Error error, const QString &why) { qWarning() << error << why; });
        //! [detachjob]
    }

    void resourceSharer(const QTcpServer &server, QProcess &process)
    {
        //! [resourcesharer]
        QString error;
        const qrs::ResourceId id = qrs::ResourceSharer::instance()->registerResource(
                qrs::ResourceSharer::duplicate(int(server.socketDescriptor())), {}, &error);
        process.setEnvironment({QStringLiteral("MY_SOCKET=") + id.toString()});
        //! [resourcesharer]
    }

    void childResources(const QTcpServer &server, const QString &program,
                        const QStringList &arguments)
    {
        //! [childresources]
        auto *process = new QProcess(this);
        auto *resources = new qrs::ChildResources(process);
        QString error;
        if (!resources->addTcpServer(QStringLiteral("http"), &server, &error))
            qFatal("%s", qPrintable(error));
        connect(resources, &qrs::ChildResources::allTaken, this, [] { qInfo("worker is ready"); });
        process->start(program, arguments);
        //! [childresources]
    }

    void inheritedResources()
    {
        //! [inheritedresources]
        qrs::InheritedResources inherited;
        QTcpServer server;
        QString error;
        if (!inherited.adoptTcpServer(QStringLiteral("http"), &server, &error))
            qFatal("%s", qPrintable(error)); // inherited.error() says why as a code
        connect(&server, &QTcpServer::newConnection, this, [&server] {
            while (QTcpSocket *client = server.nextPendingConnection())
                client->deleteLater();
        });
        //! [inheritedresources]
    }

    void serviceNotifier()
    {
        //! [servicenotifier]
        qrs::InheritedResources inherited;
        QTcpServer server;
        QString error;
        if (!inherited.adoptTcpServer(QStringLiteral("http"), &server, &error))
            qFatal("%s", qPrintable(error));
        loadEverythingSlow();
        qrs::ServiceNotifier().notifyReady();
        //! [servicenotifier]
    }

    void cacheModel()
    {
        //! [cachemodel]
        auto *model = new qrs::CacheModel(this);
        model->setSource(QStringLiteral("12345")); // the sharer of process 12345
        auto *sorted = new QSortFilterProxyModel(this);
        sorted->setSourceModel(model); // or a view's setModel()
        //! [cachemodel]
    }

    void supervisor(int listeningFd)
    {
        //! [supervisor]
        qrs::Supervisor supervisor;
        supervisor.setProgram(QStringLiteral("/usr/bin/my-worker"));
        supervisor.setWorkerCount(4);
        supervisor.addListener(
                {QStringLiteral("http"), listeningFd, QStringLiteral("tcp:0.0.0.0:8080")});
        QString error;
        if (!supervisor.loadDefaultExtensions(&error)) // the resource-sharer and notify plugins
            qFatal("%s", qPrintable(error));
        connect(&supervisor, &qrs::Supervisor::message,
                [](const QString &line) { qInfo("%s", qPrintable(line)); });
        connect(&supervisor, &qrs::Supervisor::readinessChanged,
                [](int ready, int total) { qInfo("%d of %d ready", ready, total); });
        supervisor.start();
        // ...
        supervisor.rollingRestart(); // on SIGHUP, say
        //! [supervisor]
    }
};

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    return 0;
}
