// SPDX-FileCopyrightText: 2026 QtResourceSharer contributors
//
// SPDX-License-Identifier: BSD-3-Clause

// The resource-sharer supervisor plugin through QPluginLoader, as a host sees
// it: metadata without loading, loading by path and through QT_PLUGIN_PATH,
// and its hooks handing a resource to a real child while holding readiness.
#include "fakehost.h"
#include "testutil.h"

#include <qrs/resourcesharer.h>
#include <qrs/supervisorextension.h>

#include <QJsonArray>
#include <QJsonObject>
#include <QPluginLoader>

#include <fcntl.h>
#include <unistd.h>

using qrstest::helperPath;

class tst_SupervisorPlugin : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void metadataReadsWithoutLoading();
    void loadsFromPluginPath();
    void hooksHandResourcesAndHoldReadiness();
    void beforeStartRefusesABadName();

private:
    qrs::SupervisorExtension *loadPlugin()
    {
        auto *loader = new QPluginLoader(QStringLiteral(QRS_PLUGIN_FILE), this);
        auto *hooks = qobject_cast<qrs::SupervisorExtension *>(loader->instance());
        if (!hooks)
            qWarning() << loader->errorString();
        return hooks;
    }
};

void tst_SupervisorPlugin::metadataReadsWithoutLoading()
{
    QPluginLoader loader(QStringLiteral(QRS_PLUGIN_FILE));
    const QJsonObject meta = loader.metaData();
    QVERIFY2(!meta.isEmpty(), qPrintable(loader.errorString()));
    QVERIFY(!loader.isLoaded());
    QCOMPARE(meta.value(QLatin1String("IID")).toString(),
             QStringLiteral(QRS_SUPERVISOR_EXTENSION_IID));
    QCOMPARE(meta.value(QLatin1String("className")).toString(),
             QStringLiteral("ResourceSharerExtension"));
    const QJsonObject own = meta.value(QLatin1String("MetaData")).toObject();
    QCOMPARE(own.value(QLatin1String("name")).toString(), QStringLiteral("resource-sharer"));
    QCOMPARE(own.value(QLatin1String("version")).toString(), QStringLiteral(QRS_VERSION_STR));
    QVERIFY(!own.value(QLatin1String("description")).toString().isEmpty());
    QCOMPARE(own.value(QLatin1String("environment")).toArray().size(), 2);
}

void tst_SupervisorPlugin::loadsFromPluginPath()
{
    // ctest sets QT_PLUGIN_PATH to the build's plugin root, as a user would.
    QVERIFY2(QCoreApplication::libraryPaths().contains(QStringLiteral(QRS_PLUGIN_ROOT)),
             qPrintable(QCoreApplication::libraryPaths().join(QLatin1Char(' '))));
    QPluginLoader loader(QStringLiteral("qrs-supervisor/qrsresourcesharer"));
    QVERIFY2(loader.load(), qPrintable(loader.errorString()));
    QCOMPARE(QFileInfo(loader.fileName()).canonicalFilePath(),
             QFileInfo(QStringLiteral(QRS_PLUGIN_FILE)).canonicalFilePath());
    QVERIFY(qobject_cast<qrs::SupervisorExtension *>(loader.instance()));
}

void tst_SupervisorPlugin::hooksHandResourcesAndHoldReadiness()
{
    qrs::SupervisorExtension *hooks = loadPlugin();
    QVERIFY(hooks);
    qrstest::FakeHost host;
    QString error;
    QVERIFY2(hooks->initialize(&host, &error), qPrintable(error));

    int pipeFds[2];
    QCOMPARE(::pipe2(pipeFds, O_CLOEXEC), 0);
    host.resources.append({QStringLiteral("data"), pipeFds[1], QStringLiteral("a pipe")});
    qrs::WorkerInfo worker;
    worker.id = 7;
    worker.slot = 1;

    QProcess child;
    child.setProgram(helperPath());
    child.setArguments({QStringLiteral("inherit"), QStringLiteral("fd"), QStringLiteral("data")});
    QVERIFY2(hooks->beforeStart(worker, &child, &error), qPrintable(error));
    QCOMPARE(child.processEnvironment().value(QStringLiteral("QRS_RESOURCE_NAMES")),
             QStringLiteral("data"));
    QCOMPARE(host.holds.size(), 1);
    QCOMPARE(host.holds.at(0).first, quint64(7));
    QVERIFY2(host.holds.at(0).second.contains(QStringLiteral("data")),
             qPrintable(host.holds.at(0).second));
    QVERIFY(host.released.isEmpty());

    child.start();
    QVERIFY(child.waitForStarted());
    worker.pid = child.processId();
    hooks->started(worker);
    QTRY_COMPARE_WITH_TIMEOUT(host.released, QList<quint64>{7}, 20'000);
    QVERIFY2(host.lines.join(QLatin1Char('\n'))
                     .contains(QStringLiteral("resource-sharer: worker 1 (pid %1) took data")
                                       .arg(worker.pid)),
             qPrintable(host.lines.join(QLatin1Char('\n'))));
    QTRY_COMPARE_WITH_TIMEOUT(child.state(), QProcess::NotRunning, 20'000);
    QCOMPARE(child.exitCode(), 0);
    hooks->finished(worker, 0, QProcess::NormalExit);
    ::close(pipeFds[0]);
    ::close(pipeFds[1]);
}

void tst_SupervisorPlugin::beforeStartRefusesABadName()
{
    qrs::SupervisorExtension *hooks = loadPlugin();
    QVERIFY(hooks);
    qrstest::FakeHost host;
    QString error;
    QVERIFY(hooks->initialize(&host, &error));
    host.resources.append({QStringLiteral("good"), STDIN_FILENO, {}});
    host.resources.append({QStringLiteral("bad name"), STDIN_FILENO, {}});
    QProcess child;
    QVERIFY(!hooks->beforeStart({}, &child, &error));
    QVERIFY2(error.contains(QStringLiteral("bad name")), qPrintable(error));
    QVERIFY(host.holds.isEmpty());
    // What was added before the bad one is withdrawn again.
    QTRY_COMPARE(qrs::ResourceSharer::instance()->count(), 0);
}

QRS_TEST_MAIN(tst_SupervisorPlugin)
#include "tst_supervisorplugin.moc"
