// SPDX-FileCopyrightText: 2026 QtResourceSharer contributors
//
// SPDX-License-Identifier: BSD-3-Clause

// ChildResources (parent) and InheritedResources (child): names through the
// environment, Qt-typed adoption in a real child process, clear errors, and
// revocation of what the child never took. Built for Linux and for Windows
// (tst_childresources_win, run under Wine), with a case of each platform's own.
#include "common/text_p.h"
#include "testutil.h"

#include <qrs/childresources.h>
#include <qrs/inheritedresources.h>
#include <qrs/resourceid.h>
#include <qrs/resourcesharer.h>

#include <QFile>
#include <QLocalServer>
#include <QLocalSocket>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>

using qrstest::helperPath;
using qrstest::openFds;
using qrstest::Pipe;

class tst_ChildResources : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanup();
    void addRejectsBadInput_data();
    void addRejectsBadInput();
    void addRejectsWhatIsNotReady();
    void environmentNamesEveryResourceInOrder();
    void childAdoptsTcpServerThatAcceptsARealConnection();
#ifdef Q_OS_WIN
    void localServerIsRefusedSayingWhy();
#else
    void childAdoptsLocalServer();
#endif
    void childWritesThroughAnAdoptedFile();
    void childWritesThroughAnAdoptedTcpSocket();
    void unclaimedResourcesAreRevokedWhenTheChildExits();
    void failedStartRevokesEverything();
    void inheritedErrorsSayWhichCase();
    void adoptingTheWrongKindSaysWhatItIs();
    void malformedEnvironmentIsAnError_data();
    void malformedEnvironmentIsAnError();

private:
    // Runs the helper's "inherit" mode with these resources; returns its exit code.
    static void startHelper(QProcess *process, const QStringList &args)
    {
        process->setProgram(helperPath());
        process->setArguments(QStringList{QStringLiteral("inherit")} + args);
    }
    int m_baselineFds = 0;
    Pipe m_pipe; // something open to share, for the whole run
};

void tst_ChildResources::initTestCase()
{
    qRegisterMetaType<qrs::ResourceInfo>();
    QVERIFY(m_pipe.isValid());
    // tst_childresources_german: the library speaks German, as it does in a
    // program linked with it (a suite linked with the static library once
    // left its loader of translations out, and ran in English).
    if (QLocale().language() == QLocale::German)
        QCOMPARE(qrs::tr("a resource name must not be empty"),
                 QStringLiteral("ein Ressourcenname darf nicht leer sein"));
    // Start what stays open for the whole run (the sharer's thread and socket,
    // QProcess's child watcher) before counting descriptors.
    QProcess warmUp;
    qrs::ChildResources resources(&warmUp);
    QVERIFY(resources.addDescriptor(QStringLiteral("warm-up"), m_pipe.readEnd()));
    warmUp.start(helperPath(), {QStringLiteral("no-such-mode")});
    QVERIFY(warmUp.waitForFinished());
    QTRY_COMPARE(qrs::ResourceSharer::instance()->count(), 0);
    m_baselineFds = openFds();
}

void tst_ChildResources::cleanup()
{
    // Nothing a test registered may outlive it.
    QTRY_COMPARE(qrs::ResourceSharer::instance()->count(), 0);
}

void tst_ChildResources::addRejectsBadInput_data()
{
    // The library's sentences in the library's language (the suite runs again
    // in German): the same qrs::tr() as src/launch/environment.cpp.
    const auto notPrintable = [](const QString &name) {
        return qrs::tr("the resource name \"%1\" may only hold printable ASCII characters "
                       "other than space and ':'")
                .arg(name);
    };
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("expected");
    QTest::newRow("empty") << QString() << qrs::tr("a resource name must not be empty");
    QTest::newRow("space") << QStringLiteral("a b") << notPrintable(QStringLiteral("a b"));
    QTest::newRow("colon") << QStringLiteral("a:b") << notPrintable(QStringLiteral("a:b"));
    QTest::newRow("non-ascii") << QStringLiteral("caf\u00e9")
                               << notPrintable(QStringLiteral("caf\u00e9"));
    QTest::newRow("too long") << QString(256, QLatin1Char('x'))
                              << qrs::tr("the resource name \"%1...\" is longer than %2 characters")
                                         .arg(QString(40, QLatin1Char('x')))
                                         .arg(255);
}

void tst_ChildResources::addRejectsBadInput()
{
    QFETCH(QString, name);
    QFETCH(QString, expected);
    QProcess process;
    qrs::ChildResources resources(&process);
    QString error;
    QVERIFY(!resources.addDescriptor(name, m_pipe.readEnd(), &error));
    QCOMPARE(error, expected);
    QVERIFY(resources.names().isEmpty());
    QVERIFY(process.processEnvironment().isEmpty());
}

void tst_ChildResources::addRejectsWhatIsNotReady()
{
    QProcess process;
    auto *resources = new qrs::ChildResources(&process);
    QString error;

    QVERIFY(resources->addDescriptor(QStringLiteral("in"), m_pipe.readEnd(), &error));
    QVERIFY(!resources->addDescriptor(QStringLiteral("in"), m_pipe.readEnd(), &error));
    QCOMPARE(resources->error(), qrs::Error::InvalidArgument);
    QCOMPARE(resources->errorString(), error);

    QVERIFY(!resources->addDescriptor(QStringLiteral("closed"), qrstest::notOpenHandle(), &error));
    QCOMPARE(resources->error(), qrs::Error::InvalidArgument); // not open: nothing to duplicate
    QVERIFY2(error.contains(QStringLiteral("closed")), qPrintable(error));

    QTcpServer notListening;
    QVERIFY(!resources->addTcpServer(QStringLiteral("tcp"), &notListening, &error));
    QCOMPARE(resources->error(), qrs::Error::InvalidArgument);
    QVERIFY2(error.contains(QStringLiteral("tcp")), qPrintable(error));
    QTcpSocket notConnected;
    QVERIFY(!resources->addTcpSocket(QStringLiteral("sock"), &notConnected, &error));
    QCOMPARE(resources->error(), qrs::Error::InvalidArgument);
    QFile closedFile;
    QVERIFY(!resources->addFile(QStringLiteral("file"), &closedFile, &error));
    QCOMPARE(resources->error(), qrs::Error::InvalidArgument);

    process.start(helperPath(), {QStringLiteral("no-such-mode")}); // any started process
    QVERIFY(process.waitForStarted());
    QVERIFY(!resources->addDescriptor(QStringLiteral("late"), m_pipe.readEnd(), &error));
    QCOMPARE(resources->error(), qrs::Error::InvalidArgument);
    QVERIFY2(error.contains(QStringLiteral("late")), qPrintable(error));
    QVERIFY(process.waitForFinished());
    QCOMPARE(resources->names(), QStringList{QStringLiteral("in")});
}

void tst_ChildResources::environmentNamesEveryResourceInOrder()
{
    QProcess process;
    qrs::ChildResources resources(&process);
    QVERIFY(resources.addDescriptor(QStringLiteral("first"), m_pipe.readEnd()));
    QVERIFY(resources.addDescriptor(QStringLiteral("second.sock"), m_pipe.writeEnd()));
    const QProcessEnvironment env = process.processEnvironment();
    QCOMPARE(env.value(QStringLiteral("QRS_RESOURCE_NAMES")), QStringLiteral("first second.sock"));
    const QStringList ids = env.value(QStringLiteral("QRS_RESOURCES")).split(QLatin1Char(' '));
    QCOMPARE(ids.size(), 2);
    // The rest of the environment is inherited.
    QCOMPARE(env.value(QStringLiteral("PATH")), qEnvironmentVariable("PATH"));

    qrs::InheritedResources inherited(env.value(QStringLiteral("QRS_RESOURCES")).toLatin1(),
                                      env.value(QStringLiteral("QRS_RESOURCE_NAMES")).toLatin1());
    QVERIFY(inherited.isValid());
    QCOMPARE(inherited.names(), resources.names());
    QCOMPARE(inherited.id(QStringLiteral("second.sock")).toString(), ids.at(1));
    QCOMPARE(resources.pendingNames(), resources.names());
    QCOMPARE(resources.revokePending(), 2);
}

void tst_ChildResources::childAdoptsTcpServerThatAcceptsARealConnection()
{
    QTcpServer server;
    QVERIFY2(server.listen(QHostAddress::LocalHost), qPrintable(server.errorString()));
    server.pauseAccepting(); // the child answers, not us

    QProcess child;
    auto *resources = new qrs::ChildResources(&child);
    QSignalSpy taken(resources, &qrs::ChildResources::taken);
    QSignalSpy allTaken(resources, &qrs::ChildResources::allTaken);
    QString error;
    QVERIFY2(resources->addTcpServer(QStringLiteral("http"), &server, &error), qPrintable(error));
    startHelper(&child, {QStringLiteral("tcp-server"), QStringLiteral("http")});
    child.start();
    QVERIFY(child.waitForStarted());

    const qint64 childPid = child.processId();
    QTRY_COMPARE_WITH_TIMEOUT(taken.size(), 1, 20'000);
    QCOMPARE(taken.at(0).at(0).toString(), QStringLiteral("http"));
    QCOMPARE(taken.at(0).at(1).toLongLong(), childPid);
    QCOMPARE(allTaken.size(), 1);
    QVERIFY(resources->pendingNames().isEmpty());

    QTcpSocket client;
    client.connectToHost(QHostAddress::LocalHost, server.serverPort());
    QVERIFY(client.waitForConnected(10'000));
    QTRY_VERIFY_WITH_TIMEOUT(client.canReadLine(), 20'000);
    QCOMPARE(client.readLine().trimmed(), "hello from " + QByteArray::number(childPid));
    QTRY_COMPARE_WITH_TIMEOUT(child.state(), QProcess::NotRunning, 20'000);
    QCOMPARE(child.exitCode(), 0);
}

#ifdef Q_OS_WIN
void tst_ChildResources::localServerIsRefusedSayingWhy()
{
    QLocalServer localServer;
    QVERIFY2(localServer.listen(QStringLiteral("qrs-tst-childresources")),
             qPrintable(localServer.errorString()));
    QProcess child;
    qrs::ChildResources resources(&child);
    QString error;
    QVERIFY(!resources.addLocalServer(QStringLiteral("ctl"), &localServer, &error));
    QCOMPARE(resources.error(), qrs::Error::WrongKind);
    // It says what to do instead: listen on the same name in the child.
    QVERIFY2(error.contains(localServer.fullServerName()), qPrintable(error));
    QVERIFY(resources.names().isEmpty());
    QVERIFY(localServer.isListening());
}
#else
void tst_ChildResources::childAdoptsLocalServer()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());

    // A listening Unix socket; the child answers on it and closes it. QLocalServer
    // cannot pause accepting, so no event loop runs here once the client connects.
    const QString socketPath = dir.filePath(QStringLiteral("s"));
    QLocalServer localServer;
    QVERIFY2(localServer.listen(socketPath), qPrintable(localServer.errorString()));
    {
        QProcess child;
        qrs::ChildResources resources(&child);
        QVERIFY(resources.addLocalServer(QStringLiteral("ctl"), &localServer));
        startHelper(&child, {QStringLiteral("local-server"), QStringLiteral("ctl")});
        child.start();
        QLocalSocket client;
        QSignalSpy taken(&resources, &qrs::ChildResources::taken);
        QTRY_COMPARE_WITH_TIMEOUT(taken.size(), 1, 20'000);
        client.connectToServer(socketPath);
        QVERIFY(client.waitForConnected(10'000));
        while (!client.canReadLine())
            QVERIFY(client.waitForReadyRead(20'000));
        QVERIFY(client.readLine().startsWith("hello from"));
        QTRY_COMPARE_WITH_TIMEOUT(child.state(), QProcess::NotRunning, 20'000);
        QCOMPARE(child.exitCode(), 0);
    }
    // The child's close did not take the socket file away from us.
    QVERIFY(QFile::exists(socketPath));
    QVERIFY(localServer.isListening());
}
#endif

void tst_ChildResources::childWritesThroughAnAdoptedFile()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QFile file(dir.filePath(QStringLiteral("log")));
    QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Append));
    {
        QProcess child;
        qrs::ChildResources resources(&child);
        QVERIFY(resources.addFile(QStringLiteral("log"), &file));
        startHelper(&child,
                    {QStringLiteral("file"), QStringLiteral("log"),
                     QStringLiteral("written by the child")});
        child.start();
        QVERIFY(child.waitForFinished(20'000));
        QCOMPARE(child.readAllStandardError(), QByteArray());
        QCOMPARE(child.exitCode(), 0);
    }
    file.close();
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(file.readAll(), QByteArray("written by the child"));
}

void tst_ChildResources::childWritesThroughAnAdoptedTcpSocket()
{
    QTcpServer server;
    QVERIFY(server.listen(QHostAddress::LocalHost));
    QTcpSocket ours;
    ours.connectToHost(QHostAddress::LocalHost, server.serverPort());
    QVERIFY(ours.waitForConnected(10'000));
    QVERIFY(server.waitForNewConnection(10'000));
    QTcpSocket *peer = server.nextPendingConnection();
    {
        QProcess child;
        qrs::ChildResources resources(&child);
        QVERIFY(resources.addTcpSocket(QStringLiteral("conn"), &ours));
        startHelper(&child,
                    {QStringLiteral("tcp-socket"), QStringLiteral("conn"),
                     QStringLiteral("from the child")});
        child.start();
        QVERIFY(child.waitForFinished(20'000));
        QCOMPARE(child.exitCode(), 0);
    }
    QTRY_COMPARE_WITH_TIMEOUT(peer->bytesAvailable(), qint64(14), 10'000);
    QCOMPARE(peer->readAll(), QByteArray("from the child"));
}

void tst_ChildResources::unclaimedResourcesAreRevokedWhenTheChildExits()
{
    {
        Pipe pipeA, pipeB;
        QProcess child;
        auto *resources = new qrs::ChildResources(&child);
        QSignalSpy taken(resources, &qrs::ChildResources::taken);
        QSignalSpy revoked(resources, &qrs::ChildResources::revoked);
        QVERIFY(resources->addDescriptor(QStringLiteral("wanted"), pipeA.writeEnd()));
        QVERIFY(resources->addDescriptor(QStringLiteral("ignored"), pipeB.writeEnd()));
        QCOMPARE(qrs::ResourceSharer::instance()->count(), 2);
        startHelper(&child, {QStringLiteral("fd"), QStringLiteral("wanted")});
        child.start();
        QVERIFY(child.waitForFinished(20'000));
        QCOMPARE(child.exitCode(), 0);
        QVERIFY(child.readAllStandardOutput().startsWith("took fd="));

        QTRY_COMPARE_WITH_TIMEOUT(revoked.size(), 1, 10'000);
        QCOMPARE(revoked.at(0).at(0).toString(), QStringLiteral("ignored"));
        QTRY_COMPARE(taken.size(), 1);
        QCOMPARE(taken.at(0).at(0).toString(), QStringLiteral("wanted"));
        QVERIFY(resources->pendingNames().isEmpty());
        QCOMPARE(qrs::ResourceSharer::instance()->count(), 0);
    }
    QTRY_COMPARE(openFds(), m_baselineFds);
}

void tst_ChildResources::failedStartRevokesEverything()
{
    QProcess child;
    auto *resources = new qrs::ChildResources(&child);
    QSignalSpy revoked(resources, &qrs::ChildResources::revoked);
    QVERIFY(resources->addDescriptor(QStringLiteral("a"), m_pipe.readEnd()));
    child.start(QStringLiteral("/nonexistent/qrs-no-such-program"));
    QVERIFY(!child.waitForStarted());
    QTRY_COMPARE(revoked.size(), 1);
    QCOMPARE(qrs::ResourceSharer::instance()->count(), 0);
    // Qt 6.4's QProcess keeps one descriptor per failed start (seen with a
    // bare QProcess, no library involved): count from here on.
    m_baselineFds = openFds();
}

void tst_ChildResources::inheritedErrorsSayWhichCase()
{
    QProcess process;
    qrs::ChildResources resources(&process);
    resources.setBoundToChild(false); // this process plays the child
    QVERIFY(resources.addDescriptor(QStringLiteral("a"), m_pipe.readEnd()));
    QVERIFY(resources.addDescriptor(QStringLiteral("b"), m_pipe.readEnd()));
    const QProcessEnvironment env = process.processEnvironment();
    const QByteArray ids = env.value(QStringLiteral("QRS_RESOURCES")).toLatin1();
    const QByteArray names = env.value(QStringLiteral("QRS_RESOURCE_NAMES")).toLatin1();

    qrs::InheritedResources inherited(ids, names);
    QString error;
    QCOMPARE(inherited.takeDescriptor(QStringLiteral("c"), &error), -1);
    QCOMPARE(inherited.error(), qrs::Error::NotFound);
    QCOMPARE(inherited.errorString(), error);
    // It names what was asked for, and what there is.
    QVERIFY2(error.endsWith(QStringLiteral("a, b")), qPrintable(error));

    const qrs::NativeHandle fd = inherited.takeDescriptor(QStringLiteral("a"), &error);
    QVERIFY2(fd >= 0, qPrintable(error));
    qrstest::closeHandle(fd);
    QCOMPARE(inherited.takeDescriptor(QStringLiteral("a"), &error), -1);
    QCOMPARE(inherited.error(), qrs::Error::AlreadyTaken);

    // Another reader of the same environment is told by the sharer.
    qrs::InheritedResources second(ids, names);
    QCOMPARE(second.takeDescriptor(QStringLiteral("a"), &error), -1);
    QCOMPARE(second.error(), qrs::Error::AlreadyTaken);

    // Nothing passed at all.
    qrs::InheritedResources none{QByteArray(), QByteArray()};
    QVERIFY(none.isValid());
    QCOMPARE(none.takeDescriptor(QStringLiteral("a"), &error), -1);
    QCOMPARE(none.error(), qrs::Error::NotFound);
    QVERIFY2(error.contains(QStringLiteral("QRS_RESOURCES")), qPrintable(error));

    // The parent has gone away: its sharer's socket is no more.
    QVERIFY(qrs::ResourceSharer::instance()->stop(5000));
    QCOMPARE(second.takeDescriptor(QStringLiteral("b"), &error), -1);
    QCOMPARE(second.error(), qrs::Error::SharerUnreachable);
    // It starts again without the door for other users that bound resources
    // had opened: count from here on.
    QVERIFY(qrs::ResourceSharer::instance()->setProcessStatus({}));
    m_baselineFds = openFds();
}

void tst_ChildResources::adoptingTheWrongKindSaysWhatItIs()
{
    Pipe pipe;
    QProcess process;
    qrs::ChildResources resources(&process);
    resources.setBoundToChild(false); // this process plays the child
    QVERIFY(resources.addDescriptor(QStringLiteral("pipe"), pipe.readEnd()));
    const QProcessEnvironment env = process.processEnvironment();
    qrs::InheritedResources inherited(env.value(QStringLiteral("QRS_RESOURCES")).toLatin1(),
                                      env.value(QStringLiteral("QRS_RESOURCE_NAMES")).toLatin1());
    QTcpServer server;
    QString error;
    QVERIFY(!inherited.adoptTcpServer(QStringLiteral("pipe"), &server, &error));
    QCOMPARE(inherited.error(), qrs::Error::WrongKind);
    QVERIFY(!server.isListening());
    // Not lost: the descriptor is still there for a caller that can use it.
    const qrs::NativeHandle fd = inherited.takeDescriptor(QStringLiteral("pipe"), &error);
    QVERIFY2(fd >= 0, qPrintable(error));
    qrstest::closeHandle(fd);
    pipe.closeRead();
    pipe.closeWrite();
    QTRY_COMPARE(openFds(), m_baselineFds);
}

void tst_ChildResources::malformedEnvironmentIsAnError_data()
{
    QTest::addColumn<QByteArray>("ids");
    QTest::addColumn<QByteArray>("names");
    QTest::addColumn<QString>("expected");
#ifdef Q_OS_WIN
    const QByteArray address = "qrs-x"; // a pipe name
#else
    const QByteArray address = "/tmp/x"; // a socket path
#endif
    const QByteArray id = "qrs1:00112233445566778899aabbccddeeff@" + address;
    // The library's sentences in its language, as in addRejectsBadInput.
    const QString ids = QStringLiteral("QRS_RESOURCES");
    const QString names = QStringLiteral("QRS_RESOURCE_NAMES");
    const QByteArray badId = "qrs1:zz@" + address;
    QString whyBad;
    QVERIFY(!qrs::ResourceId::fromString(QString::fromLatin1(badId), &whyBad).isValid());
    QTest::newRow("bad id") << badId << QByteArray("a") << qrs::tr("%1: %2").arg(ids, whyBad);
    QTest::newRow("counts differ") << QByteArray(id + ' ' + id) << QByteArray("a")
                                   << qrs::tr("%1 holds %2 identifiers but %3 holds %4 names")
                                              .arg(ids)
                                              .arg(2)
                                              .arg(names)
                                              .arg(1);
    QTest::newRow("name twice")
            << QByteArray(id + ' ' + id) << QByteArray("a a")
            << qrs::tr("%1: the name \"%2\" is given twice").arg(names, QStringLiteral("a"));
    QTest::newRow("names without ids")
            << QByteArray() << QByteArray("a")
            << qrs::tr("%1 names resources but %2 is empty").arg(names, ids);
}

void tst_ChildResources::malformedEnvironmentIsAnError()
{
    QFETCH(QByteArray, ids);
    QFETCH(QByteArray, names);
    QFETCH(QString, expected);
    qrs::InheritedResources inherited(ids, names);
    QVERIFY(!inherited.isValid());
    QCOMPARE(inherited.errorString(), expected);
    QVERIFY(inherited.names().isEmpty());
    QString error;
    QVERIFY(inherited.takeAll(&error).isEmpty());
    QCOMPARE(error, inherited.errorString());
}

QRS_TEST_MAIN(tst_ChildResources)
#include "tst_childresources.moc"
