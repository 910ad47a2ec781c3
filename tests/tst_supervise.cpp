// SPDX-FileCopyrightText: 2026 QtResourceSharer contributors
//
// SPDX-License-Identifier: BSD-3-Clause

// qrs-supervise end to end: a real supervisor process, real workers
// (qrs-demo-worker, and a Python socket-activated child through qrs-detach),
// real HTTP over 127.0.0.1. Every wait is on the supervisor's log or on the
// load loop's counters, with a deadline.
#include "testutil.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocalServer>
#include <QLocalSocket>
#include <QRegularExpression>
#include <QScopeGuard>
#include <QSet>
#include <QSocketNotifier>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>

#include <QElapsedTimer>

#include <csignal>
#include <functional>
#include <memory>
#include <sys/types.h>
#include <unistd.h>

namespace {

QString tool(const char *name)
{
    return QStringLiteral(QRS_TOOLS_DIR "/") + QLatin1String(name);
}

// One qrs-supervise process and everything it (and its workers) printed.
class Supervise
{
public:
    // qrs-supervise ARGS, or PROGRAM ARGS where PROGRAM execs it (systemd-socket-activate).
    // childSetup runs in the child before it execs (placing a descriptor, say).
    explicit Supervise(const QStringList &args, const QString &program = tool("qrs-supervise"),
                       const std::function<void()> &childSetup = {})
    {
        m_process.setChildProcessModifier(childSetup);
        m_process.setProcessChannelMode(QProcess::MergedChannels);
        QObject::connect(&m_process, &QProcess::readyRead,
                         [this] { m_log += QString::fromLocal8Bit(m_process.readAll()); });
        m_process.start(program, args);
    }
    // Its output (and that of every successor it starts, which outlive it) in
    // logFile: m_log is what the file holds when count() or capture() look.
    Supervise(const QStringList &args, const QString &program, const QString &logFile)
        : m_logFile(logFile)
    {
        m_process.setProcessChannelMode(QProcess::MergedChannels);
        m_process.setStandardOutputFile(logFile, QIODevice::Append);
        m_process.start(program, args);
    }
    ~Supervise()
    {
        if (m_process.state() != QProcess::NotRunning) {
            m_process.kill();
            m_process.waitForFinished(5000);
        }
    }

    int count(const QString &pattern)
    {
        refresh();
        int n = 0;
        auto it =
                QRegularExpression(pattern, QRegularExpression::MultilineOption).globalMatch(m_log);
        while (it.hasNext()) {
            it.next();
            ++n;
        }
        return n;
    }
    QString capture(const QString &pattern)
    {
        refresh();
        return QRegularExpression(pattern, QRegularExpression::MultilineOption)
                .match(m_log)
                .captured(1);
    }
    void refresh()
    {
        QFile file(m_logFile);
        if (!m_logFile.isEmpty() && file.open(QIODevice::ReadOnly))
            m_log = QString::fromLocal8Bit(file.readAll());
    }
    quint16 port()
    {
        return quint16(capture(QStringLiteral("listening on tcp:[^ ]*:(\\d+)")).toUInt());
    }
    void signal(int number) { ::kill(pid_t(m_process.processId()), number); }

    QProcess m_process;
    QString m_log;
    QString m_logFile;
};

// HTTP load, one connection per request, `concurrency` at a time, until
// stop() or `limit` requests (the bound).
class LoadLoop : public QObject
{
public:
    LoadLoop(quint16 port, int limit, int concurrency)
        : m_port(port)
        , m_total(limit)
    {
        for (int i = 0; i < concurrency; ++i)
            next();
    }

    void stop() { m_total = sent; }
    bool done() const { return answered + failed == m_total; }
    // Stops sending, waits (with a deadline) for every request in flight, and
    // says whether all were answered.
    bool finish()
    {
        stop();
        return QTest::qWaitFor([this] { return done(); }, 30'000) && failed == 0;
    }
    // Why finish() failed: the first few errors, or what is still unanswered.
    QString errorSummary() const
    {
        return done() ? errors.mid(0, 5).join(QLatin1String("; "))
                      : QStringLiteral("%1 requests unanswered").arg(m_total - answered - failed);
    }

    int sent = 0;
    int answered = 0;
    int failed = 0;
    qint64 longestMs = 0; // the longest a request waited for its whole answer
    QSet<qint64> pids;
    QStringList errors;

private:
    void next()
    {
        if (sent == m_total)
            return;
        ++sent;
        auto *socket = new QTcpSocket(this);
        auto *buffer = new QByteArray;
        QElapsedTimer took;
        took.start();
        connect(socket, &QTcpSocket::connected, socket, [socket] {
            socket->write("GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
        });
        connect(socket, &QTcpSocket::readyRead, socket,
                [socket, buffer] { *buffer += socket->readAll(); });
        const auto finish = [this, socket, buffer, took](const QString &error) {
            if (socket->property("finished").toBool())
                return;
            socket->setProperty("finished", true);
            longestMs = qMax(longestMs, took.elapsed());
            *buffer += socket->readAll();
            const qsizetype at = buffer->indexOf("\r\n\r\npid ");
            if (error.isEmpty() && at >= 0) {
                ++answered;
                pids.insert(buffer->mid(at + 8).trimmed().toLongLong());
            } else {
                ++failed;
                errors.append(error.isEmpty() ? QString::fromLatin1(*buffer) : error);
            }
            delete buffer;
            socket->deleteLater();
            next();
        };
        connect(socket, &QTcpSocket::disconnected, this, [finish] { finish({}); });
        connect(socket, &QTcpSocket::errorOccurred, this,
                [finish, socket](QAbstractSocket::SocketError e) {
                    if (e != QAbstractSocket::RemoteHostClosedError)
                        finish(socket->errorString());
                });
        socket->connectToHost(QHostAddress::LocalHost, m_port);
    }

    quint16 m_port;
    int m_total;
};

// One request, the whole answer (blocking, with a deadline).
QByteArray get(quint16 port, const QByteArray &path)
{
    QTcpSocket socket;
    socket.connectToHost(QHostAddress::LocalHost, port);
    if (!socket.waitForConnected(10'000))
        return "connect failed: " + socket.errorString().toUtf8();
    socket.write("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
    QByteArray answer;
    while (socket.state() == QAbstractSocket::ConnectedState && socket.waitForReadyRead(10'000))
        answer += socket.readAll();
    answer += socket.readAll();
    return answer.mid(answer.indexOf("\r\n\r\n") + 4);
}

} // namespace

class tst_Supervise : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void badCommandLinesExit2_data();
    void badCommandLinesExit2();
    void crashedWorkerIsRestarted();
    void workerThatNeverTakesItsSocketIsKilledAfterTheReadyTimeout();
    void rollingRestartUnderLoadDropsNoConnection();
    void pythonSocketActivatedChildServes();
    void unixListenerReplacesAStaleFileAndRemovesIt();
    void panelFollowsTheSupervisorsSharer();
    void rollingRestartOfGunicorn_data();
    void rollingRestartOfGunicorn();
    void replacementThatNeverSaysReadyIsKilledAndTheOldOneKept();
    void underSystemdSocketActivation();
    void listenerSurvivesASigkillInTheDescriptorStore();
    void upgradeInPlaceUnderLoad();
    void failedUpgradeRollsBack_data();
    void failedUpgradeRollsBack();
    void upgradesAndRollingRestartsOneAtATime();
    void upgradeUnderSystemdMovesTheMainPid();
    void workersAsNobodyServeThroughRestartsAndUpgrades_data();
    void workersAsNobodyServeThroughRestartsAndUpgrades();
    void notifyReadinessOfAnUnprivilegedWorker();
    void workerThatDropsItsOwnPrivilegesTakesItsSockets();
    void unprivilegedSupervisorMayNotRunOtherUsers();
    void strangersCannotTakeAWorkersSocketsNorSpeakForIt();
    void operatedThroughItsControlChannelUnderLoad();
};

void tst_Supervise::badCommandLinesExit2_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QString>("expected");
    const QString worker = tool("qrs-demo-worker");
    const auto row = [](const char *name, const QStringList &args, int code, const char *text) {
        QTest::newRow(name) << args << code << QString::fromUtf8(text);
    };
    row("no program", {}, 2, "no PROGRAM");
    row("nothing after --", {QStringLiteral("--")}, 2, "no PROGRAM");
    row("workers zero",
        {QStringLiteral("--workers"), QStringLiteral("0"), QStringLiteral("--"), worker}, 2,
        "--workers takes a number from 1 to 256, not \"0\"");
    row("workers text", {QStringLiteral("--workers=two"), QStringLiteral("--"), worker}, 2,
        "--workers takes a number");
    for (const char *surge : {"0", "257", "101%", "-1", "half", "50%%"})
        row(qPrintable(QStringLiteral("surge %1").arg(QLatin1String(surge))),
            {QStringLiteral("--surge=") + QLatin1String(surge), QStringLiteral("--"), worker}, 2,
            "--surge takes a number of workers from 1 to 256 or a percentage from 1% to 100%");
    row("listen scheme",
        {QStringLiteral("--listen"), QStringLiteral("udp:1.2.3.4:5"), QStringLiteral("--"), worker},
        2, "expected [NAME=]tcp:HOST:PORT, [NAME=]unix:PATH or NAME=inherit");
    row("listen port",
        {QStringLiteral("--listen=tcp:127.0.0.1:99999"), QStringLiteral("--"), worker}, 2,
        "a port from 0 to 65535");
    row("listen no port", {QStringLiteral("--listen=tcp:127.0.0.1"), QStringLiteral("--"), worker},
        2, "a port from 0 to 65535");
    row("listen name",
        {QStringLiteral("--listen=a b=tcp:127.0.0.1:0"), QStringLiteral("--"), worker}, 2,
        "may only hold printable ASCII");
    row("listen twice",
        {QStringLiteral("--listen=x=tcp:127.0.0.1:0"), QStringLiteral("--listen=x=unix:/tmp/qrs-x"),
         QStringLiteral("--"), worker},
        2, "the name \"x\" is used twice");
    row("grace", {QStringLiteral("--grace=-5"), QStringLiteral("--"), worker}, 2,
        "--grace takes a positive number of milliseconds");
    row("unknown option", {QStringLiteral("--frobnicate"), QStringLiteral("--"), worker}, 2,
        "Unknown option 'frobnicate'");
    row("stray argument", {QStringLiteral("oops"), QStringLiteral("--"), worker}, 2,
        "unexpected argument \"oops\"");
    row("plugin missing",
        {QStringLiteral("--plugin=/nonexistent/libx.so"), QStringLiteral("--"), worker}, 2,
        "/nonexistent/libx.so is not a Qt plugin");
    row("plugin not ours",
        {QStringLiteral("--plugin"), qrstest::helperPath(), QStringLiteral("--"), worker}, 2,
        "is not a Qt plugin");
    row("inherit without a manager",
        {QStringLiteral("--listen=http=inherit"), QStringLiteral("--"), worker}, 1,
        "--listen http=inherit: no socket was passed by a service manager (LISTEN_FDS is not set "
        "for this process)");
    row("fdstore without a manager",
        {QStringLiteral("--fdstore"), QStringLiteral("--listen=http=tcp:127.0.0.1:0"),
         QStringLiteral("--"), worker},
        1, "there is no service manager to keep the sockets (NOTIFY_SOCKET is not set)");
    row("ready mode", {QStringLiteral("--ready=later"), QStringLiteral("--"), worker}, 2,
        "--ready takes taken, notify or fd:N, not \"later\"");
    row("watchdog", {QStringLiteral("--watchdog=0"), QStringLiteral("--"), worker}, 2,
        "--watchdog takes a positive number of milliseconds");
    row("ready without its plugin",
        {QStringLiteral("--ready=notify"), QStringLiteral("--plugin=" QRS_PLUGIN_FILE),
         QStringLiteral("--"), worker},
        1, "--ready=notify needs a plugin that provides it (the notify plugin)");
    row("watchdog without its plugin",
        {QStringLiteral("--watchdog=500"), QStringLiteral("--plugin=" QRS_PLUGIN_FILE),
         QStringLiteral("--"), worker},
        1, "--watchdog needs a plugin that provides it");
    row("user malformed", {QStringLiteral("--user=nobody:nogroup:x"), QStringLiteral("--"), worker},
        2, "\"nobody:nogroup:x\" is not USER or USER:GROUP");
    row("user empty", {QStringLiteral("--user="), QStringLiteral("--"), worker}, 2,
        "is not USER or USER:GROUP");
    row("user unknown", {QStringLiteral("--user=qrs-no-such-user"), QStringLiteral("--"), worker},
        2, "no user \"qrs-no-such-user\" in the user database");
    row("group unknown",
        {QStringLiteral("--user=nobody:qrs-no-such-group"), QStringLiteral("--"), worker}, 2,
        "no group \"qrs-no-such-group\" in the group database");
    row("program missing", {QStringLiteral("--"), QStringLiteral("qrs-no-such-program")}, 127,
        "cannot run qrs-no-such-program: not found or not executable");
}

void tst_Supervise::badCommandLinesExit2()
{
    QFETCH(QStringList, args);
    QFETCH(int, exitCode);
    QFETCH(QString, expected);
    QProcess p;
    p.start(tool("qrs-supervise"), args);
    QVERIFY(p.waitForFinished(20'000));
    const QString err = QString::fromLocal8Bit(p.readAllStandardError());
    QCOMPARE(p.exitStatus(), QProcess::NormalExit);
    QCOMPARE(p.exitCode(), exitCode);
    QVERIFY2(err.startsWith(QStringLiteral("qrs-supervise: ")), qPrintable(err));
    QVERIFY2(err.contains(expected), qPrintable(err));
    QCOMPARE(err.count(QLatin1Char('\n')), 1); // one clear line
}

void tst_Supervise::crashedWorkerIsRestarted()
{
    Supervise run({QStringLiteral("--listen=http=tcp:127.0.0.1:0"), QStringLiteral("--"),
                   tool("qrs-demo-worker")});
    QTRY_COMPARE_WITH_TIMEOUT(run.count(QStringLiteral("is ready$")), 1, 20'000);
    const quint16 port = run.port();
    QVERIFY(port > 0);
    const QByteArray first = get(port, "/");
    QVERIFY2(first.startsWith("pid "), first.constData());

    QVERIFY(get(port, "/crash").startsWith("crashing: pid "));
    QTRY_COMPARE_WITH_TIMEOUT(
            run.count(QStringLiteral("worker 0 \\(pid \\d+\\) killed by signal 6 .*; restarting it "
                                     "in 100 ms$")),
            1, 20'000);
    QTRY_COMPARE_WITH_TIMEOUT(run.count(QStringLiteral("is ready$")), 2, 20'000);
    const QByteArray second = get(port, "/");
    QVERIFY2(second.startsWith("pid "), second.constData());
    QVERIFY(second != first);

    run.signal(SIGTERM);
    QVERIFY(run.m_process.waitForFinished(20'000));
    QCOMPARE(run.m_process.exitCode(), 0);
    QVERIFY2(run.m_log.contains(QStringLiteral("1 crash restarts")), qPrintable(run.m_log));
}

void tst_Supervise::workerThatNeverTakesItsSocketIsKilledAfterTheReadyTimeout()
{
    const QString sleep = QStandardPaths::findExecutable(QStringLiteral("sleep"));
    QVERIFY(!sleep.isEmpty());
    Supervise run({QStringLiteral("--ready-timeout=300"),
                   QStringLiteral("--listen=http=tcp:127.0.0.1:0"), QStringLiteral("--"), sleep,
                   QStringLiteral("100")});
    QTRY_COMPARE_WITH_TIMEOUT(
            run.count(QStringLiteral(
                    "worker 0 \\(pid \\d+\\) is not ready after 300 ms \\(waiting for "
                    "it to take http\\); killing it$")),
            1, 20'000);
    QTRY_COMPARE_WITH_TIMEOUT(run.count(QStringLiteral("killed by signal 9 .*; restarting it")), 1,
                              20'000);
    QTRY_VERIFY_WITH_TIMEOUT(
            run.m_log.contains(QStringLiteral("ended without taking http; it was withdrawn")),
            20'000);
    QCOMPARE(run.count(QStringLiteral("is ready$")), 0);
    run.signal(SIGTERM);
    QVERIFY(run.m_process.waitForFinished(20'000));
    QCOMPARE(run.m_process.exitCode(), 0);
}

void tst_Supervise::rollingRestartUnderLoadDropsNoConnection()
{
    Supervise run({QStringLiteral("--workers=2"), QStringLiteral("--listen=http=tcp:127.0.0.1:0"),
                   QStringLiteral("--"), tool("qrs-demo-worker")});
    QTRY_COMPARE_WITH_TIMEOUT(run.count(QStringLiteral("is ready$")), 2, 20'000);
    const QString firstPid =
            run.capture(QStringLiteral("^qrs-supervise: worker 0 \\(pid (\\d+)\\)"));

    // Requests run before, during and after two rolling restarts.
    constexpr int Limit = 50'000;
    LoadLoop load(run.port(), Limit, 8);
    QTRY_VERIFY_WITH_TIMEOUT(load.answered >= 200, 30'000);
    run.signal(SIGHUP);
    QTRY_COMPARE_WITH_TIMEOUT(run.count(QStringLiteral("rolling restart done: 2 of 2")), 1, 30'000);
    run.signal(SIGHUP);
    QTRY_COMPARE_WITH_TIMEOUT(run.count(QStringLiteral("rolling restart done: 2 of 2")), 2, 30'000);
    const int afterRestarts = load.sent;
    QVERIFY2(afterRestarts < Limit, "the load ended before the restarts did");
    QTRY_VERIFY_WITH_TIMEOUT(load.answered >= afterRestarts + 200, 30'000);
    QVERIFY2(load.finish(), qPrintable(load.errorSummary()));
    QCOMPARE(load.answered, load.sent);
    qInfo("%d requests answered, none failed, across two rolling restarts", load.answered);
    QCOMPARE(run.count(QStringLiteral("worker \\d \\(pid \\d+\\) stopped: exited with code 0$")),
             4);
    QVERIFY2(load.pids.size() >= 3, qPrintable(run.m_log)); // old and new workers served
    QVERIFY(load.pids.contains(firstPid.toLongLong()));

    // SIGTERM stops everything, and no worker is left behind.
    QList<qint64> workerPids;
    auto it = QRegularExpression(QStringLiteral("worker \\d \\(pid (\\d+)\\) started"))
                      .globalMatch(run.m_log);
    while (it.hasNext())
        workerPids.append(it.next().captured(1).toLongLong());
    QCOMPARE(workerPids.size(), 6);
    run.signal(SIGTERM);
    QVERIFY(run.m_process.waitForFinished(20'000));
    QCOMPARE(run.m_process.exitStatus(), QProcess::NormalExit);
    QCOMPARE(run.m_process.exitCode(), 0);
    QVERIFY2(run.m_log.contains(QStringLiteral("all workers stopped; 0 crash restarts, 2 rolling "
                                               "restarts")),
             qPrintable(run.m_log));
    for (qint64 pid : std::as_const(workerPids))
        QVERIFY2(::kill(pid_t(pid), 0) != 0, qPrintable(QString::number(pid)));
}

void tst_Supervise::pythonSocketActivatedChildServes()
{
    const QString python = QStandardPaths::findExecutable(QStringLiteral("python3"));
    if (python.isEmpty())
        QSKIP("python3 is not installed: the any-language child cannot run");
    Supervise run({QStringLiteral("--listen=http=tcp:127.0.0.1:0"), QStringLiteral("--"),
                   tool("qrs-detach"), QStringLiteral("--"), python,
                   QStringLiteral(QRS_TEST_SOURCE_DIR "/helper/listen_fds_server.py")});
    QTRY_COMPARE_WITH_TIMEOUT(run.count(QStringLiteral("is ready$")), 1, 20'000);
    const QString pid = run.capture(QStringLiteral("worker 0 \\(pid (\\d+)\\) started"));
    // qrs-detach execs the program: the pid that took the socket serves on fd 3.
    QCOMPARE(get(run.port(), "/"), QByteArray("python " + pid.toLatin1() + " http\n"));
    run.signal(SIGTERM);
    QVERIFY(run.m_process.waitForFinished(20'000));
    QCOMPARE(run.m_process.exitCode(), 0);
}

void tst_Supervise::unixListenerReplacesAStaleFileAndRemovesIt()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("ctl.sock"));
    {
        // A server that died without removing its socket file.
        QLocalServer stale;
        QVERIFY(stale.listen(path));
        const int copy = ::dup(int(stale.socketDescriptor()));
        stale.setSocketOptions(QLocalServer::AbstractNamespaceOption); // keep the file
        stale.close();
        ::close(copy);
    }
    QVERIFY(QFile::exists(path));

    // The helper adopts the socket as a QLocalServer and answers one connection.
    Supervise run({QStringLiteral("--listen=ctl=unix:") + path, QStringLiteral("--"),
                   qrstest::helperPath(), QStringLiteral("inherit"), QStringLiteral("local-server"),
                   QStringLiteral("ctl")});
    QTRY_COMPARE_WITH_TIMEOUT(run.count(QStringLiteral("is ready$")), 1, 20'000);
    QVERIFY2(run.m_log.contains(QStringLiteral("listening on unix:") + path
                                + QStringLiteral(" as ctl")),
             qPrintable(run.m_log));
    const QString pid = run.capture(QStringLiteral("worker 0 \\(pid (\\d+)\\) started"));
    QLocalSocket client;
    client.connectToServer(path);
    QVERIFY(client.waitForConnected(10'000));
    while (!client.canReadLine())
        QVERIFY(client.waitForReadyRead(20'000));
    QCOMPARE(client.readLine(), "hello from " + pid.toLatin1() + '\n');

    run.signal(SIGTERM);
    QVERIFY(run.m_process.waitForFinished(20'000));
    QCOMPARE(run.m_process.exitCode(), 0);
    QVERIFY(!QFile::exists(path));
}

// The pids of running processes whose command line is exactly args.
QList<qint64> processesRunning(const QStringList &args)
{
    QList<qint64> pids;
    const QStringList entries = QDir(QStringLiteral("/proc")).entryList(QDir::Dirs);
    for (const QString &entry : entries) {
        bool numeric = false;
        const qint64 pid = entry.toLongLong(&numeric);
        QFile cmdline(QStringLiteral("/proc/%1/cmdline").arg(entry));
        if (!numeric || !cmdline.open(QIODevice::ReadOnly))
            continue;
        QStringList words;
        for (const QByteArray &word : cmdline.readAll().split('\0'))
            words << QString::fromLocal8Bit(word);
        words.removeLast(); // after the final NUL
        if (words.mid(1) == args)
            pids << pid;
    }
    return pids;
}

void tst_Supervise::panelFollowsTheSupervisorsSharer()
{
    const qrstest::ScopedEnv platform("QT_QPA_PLATFORM", "offscreen");
    const qrstest::ScopedEnv backend("QT_QUICK_BACKEND", "software");
    Supervise run({QStringLiteral("--panel"), QStringLiteral("--listen=http=tcp:127.0.0.1:0"),
                   QStringLiteral("--"), tool("qrs-demo-worker")});
    QTRY_COMPARE_WITH_TIMEOUT(run.count(QStringLiteral("is ready$")), 1, 20'000);
    const QString pid = QString::number(run.m_process.processId());
    // The panel runs on the supervisor's pid ...
    QTRY_COMPARE_WITH_TIMEOUT(processesRunning({QStringLiteral("--gui"), pid}).size(), 1, 20'000);
    // ... where the supervisor's sharer is found, the worker's socket counted.
    QProcess inspect;
    inspect.start(tool("qrs-inspect"), {QStringLiteral("--json"), pid});
    QVERIFY(inspect.waitForFinished(20'000));
    QCOMPARE(inspect.exitCode(), 0);
    const QJsonObject head =
            QJsonDocument::fromJson(inspect.readAllStandardOutput().split('\n').first()).object();
    QCOMPARE(head.value(QLatin1String("pid")).toInteger(), run.m_process.processId());
    QCOMPARE(head.value(QLatin1String("statistics"))[QLatin1String("taken")].toInteger(), 1);

    // The panel goes with the supervisor.
    run.signal(SIGTERM);
    QVERIFY(run.m_process.waitForFinished(20'000));
    QCOMPARE(run.m_process.exitCode(), 0);
    QTRY_VERIFY(processesRunning({QStringLiteral("--gui"), pid}).isEmpty());
}

// gunicorn, as a user runs it under qrs-supervise: an app that loads for a
// second after gunicorn has taken its socket. With --ready=notify the old
// worker is stopped only once its replacement has said READY=1 (gunicorn says
// it once the app is loaded); with taken, as soon as it has the socket.
void tst_Supervise::rollingRestartOfGunicorn_data()
{
    QTest::addColumn<QString>("mode");
    QTest::newRow("notify") << QStringLiteral("notify");
    QTest::newRow("taken") << QStringLiteral("taken");
}

void tst_Supervise::rollingRestartOfGunicorn()
{
    QFETCH(QString, mode);
    const QString gunicorn = qrstest::referenceProgram(QStringLiteral("gunicorn"));
    QVERIFY2(!gunicorn.isEmpty(), "gunicorn is not installed (package gunicorn)");
    qrstest::ScopedEnv loadSeconds("QRS_APP_LOAD_SECONDS", "1");
    Supervise run({QStringLiteral("--ready=") + mode, QStringLiteral("--workers=2"),
                   QStringLiteral("--listen=http=tcp:127.0.0.1:0"), QStringLiteral("--"),
                   tool("qrs-detach"), QStringLiteral("--"), gunicorn, QStringLiteral("-w"),
                   QStringLiteral("1"), QStringLiteral("--preload"), QStringLiteral("--chdir"),
                   QStringLiteral(QRS_TEST_SOURCE_DIR "/helper"), QStringLiteral("slow_app:app")});
    loadSeconds.restore();
    // Requests that find no worker ready wait in the socket's queue, not fail.
    QTRY_COMPARE_WITH_TIMEOUT(run.count(QStringLiteral("is ready$")), 2, 30'000);
    if (mode == QLatin1String("notify")) {
        // qrs-inspect shows the workers and what each said of itself (STATUS=).
        const QString pid = QString::number(run.m_process.processId());
        QJsonArray workers;
        QTRY_VERIFY_WITH_TIMEOUT(
                [&] {
                    QProcess inspect;
                    inspect.start(tool("qrs-inspect"), {QStringLiteral("--json"), pid});
                    inspect.waitForFinished(20'000);
                    const QJsonObject status =
                            QJsonDocument::fromJson(
                                    inspect.readAllStandardOutput().split('\n').first())
                                    .object()
                                    .value(QLatin1String("status"))
                                    .toObject();
                    workers = status.value(QLatin1String("workers")).toArray();
                    return status.value(QLatin1String("supervisor"))[QLatin1String("ready")].toInt()
                            == 2;
                }(),
                20'000);
        QCOMPARE(workers.size(), 2);
        for (const QJsonValue &w : std::as_const(workers)) {
            QCOMPARE(w[QLatin1String("ready")].toBool(), true);
            QCOMPARE(w[QLatin1String("role")].toString(), QStringLiteral("active"));
            QCOMPARE(w[QLatin1String("status")].toString(),
                     QStringLiteral("Gunicorn arbiter booted"));
        }
        QProcess table;
        table.start(tool("qrs-inspect"), {pid});
        QVERIFY(table.waitForFinished(20'000));
        const QByteArray text = table.readAllStandardOutput();
        QVERIFY2(
                text.contains("supervisor " + pid.toLatin1() + ": 2 of 2 workers ready, surge 1\n"),
                text.constData());
        QVERIFY2(text.contains("Gunicorn arbiter booted"), text.constData());
    }
    LoadLoop load(run.port(), 50'000, 4);
    QTRY_VERIFY_WITH_TIMEOUT(load.answered >= 50, 30'000);
    run.signal(SIGHUP);
    QTRY_COMPARE_WITH_TIMEOUT(run.count(QStringLiteral("rolling restart done: 2 of 2")), 1, 60'000);
    const int afterRestart = load.sent;
    QTRY_VERIFY_WITH_TIMEOUT(load.answered >= afterRestart + 50, 30'000);
    QVERIFY2(load.finish(), qPrintable(load.errorSummary()));

    // For each slot: when the old worker was stopped, against when its
    // replacement had loaded the app (gunicorn's "Starting gunicorn", logged
    // with its pid after --preload) and said READY=1.
    for (int slot = 0; slot < 2; ++slot) {
        QStringList pids;
        auto it = QRegularExpression(QStringLiteral("worker %1 \\(pid (\\d+)\\) started").arg(slot))
                          .globalMatch(run.m_log);
        while (it.hasNext())
            pids << it.next().captured(1);
        QCOMPARE(pids.size(), 2);
        const QString starting = QStringLiteral("[%1] [INFO] Starting gunicorn").arg(pids.at(1));
        QTRY_VERIFY_WITH_TIMEOUT(run.m_log.contains(starting), 30'000);
        const qsizetype loaded = run.m_log.indexOf(starting);
        const qsizetype oldStopped = run.m_log.indexOf(
                QStringLiteral("stopping worker %1 (pid %2)").arg(slot).arg(pids.at(0)));
        QVERIFY2(oldStopped > 0, qPrintable(run.m_log));
        if (mode == QLatin1String("notify")) {
            const qsizetype readySaid = run.m_log.indexOf(
                    QStringLiteral("worker %1 (pid %2) said it is ready (READY=1)")
                            .arg(slot)
                            .arg(pids.at(1)));
            QVERIFY2(loaded < readySaid && readySaid < oldStopped, qPrintable(run.m_log));
        } else {
            QVERIFY2(oldStopped < loaded, qPrintable(run.m_log));
        }
    }
    run.signal(SIGTERM);
    QVERIFY(run.m_process.waitForFinished(30'000));
    QCOMPARE(run.m_process.exitCode(), 0);
}

// --ready=notify: a replacement that never says READY=1 is killed after the
// ready timeout and the worker it was to replace goes on. Each worker also sees
// the watchdog's variables, WATCHDOG_PID naming itself.
void tst_Supervise::replacementThatNeverSaysReadyIsKilledAndTheOldOneKept()
{
    const QString systemdNotify = qrstest::referenceProgram(QStringLiteral("systemd-notify"));
    QVERIFY2(!systemdNotify.isEmpty(), "systemd-notify is not installed (package systemd)");
    QTemporaryDir dir;
    const QString flag = dir.filePath(QStringLiteral("ready"));
    QFile(flag).open(QIODevice::WriteOnly);
    const QString script = QStringLiteral("echo \"env $WATCHDOG_USEC $WATCHDOG_PID $$\"; "
                                          "if [ -e '%1' ]; then %2 --ready; fi; exec sleep 1000")
                                   .arg(flag, systemdNotify);
    Supervise run({QStringLiteral("--ready=notify"), QStringLiteral("--ready-timeout=1000"),
                   QStringLiteral("--watchdog=600000"), QStringLiteral("--"),
                   QStringLiteral("/bin/sh"), QStringLiteral("-c"), script});
    QTRY_COMPARE_WITH_TIMEOUT(run.count(QStringLiteral("is ready$")), 1, 20'000);
    const QString first = run.capture(QStringLiteral("worker 0 \\(pid (\\d+)\\) started"));
    QVERIFY2(run.m_log.contains(QStringLiteral("env 600000000 %1 %1").arg(first)),
             qPrintable(run.m_log));

    QFile::remove(flag);
    run.signal(SIGHUP);
    QTRY_VERIFY_WITH_TIMEOUT(
            run.m_log.contains(QStringLiteral("is not ready after 1000 ms (waiting for READY=1 on "
                                              "its NOTIFY_SOCKET); killing it")),
            20'000);
    QTRY_VERIFY2_WITH_TIMEOUT(
            run.m_log.contains(QStringLiteral("ended before it was ready (killed by signal 9 "
                                              "(Killed)); worker 0 (pid %1) keeps running")
                                       .arg(first)),
            qPrintable(run.m_log), 20'000);
    QTRY_COMPARE_WITH_TIMEOUT(run.count(QStringLiteral("rolling restart done: 0 of 1")), 1, 20'000);
    QCOMPARE(::kill(pid_t(first.toLongLong()), 0), 0);
    run.signal(SIGTERM);
    QVERIFY(run.m_process.waitForFinished(20'000));
    QCOMPARE(run.m_process.exitCode(), 0);
}

// A stand-in for systemd's manager: the notification socket it passes in
// NOTIFY_SOCKET, and what arrives there, with the sender's pid.
class NotifyManager : public QObject
{
public:
    explicit NotifyManager(const QString &path)
        : m_fd(qrs::platform::bindNotifySocket(QFile::encodeName(path).toStdString()))
        , m_notifier(qintptr(m_fd), QSocketNotifier::Read)
    {
        connect(&m_notifier, &QSocketNotifier::activated, this, [this] {
            char buffer[4096];
            for (;;) {
                const qrs::platform::Datagram d =
                        qrs::platform::receiveDatagram(m_fd, buffer, sizeof(buffer));
                if (d.bytes < 0)
                    return;
                const QString message =
                        QString::fromUtf8(buffer, int(qMin<ssize_t>(d.bytes, sizeof(buffer))));
                // FDSTORE=1 with FDNAME=: kept, as systemd's descriptor store does.
                const QString name = QRegularExpression(QStringLiteral("(?:^|\n)FDNAME=([^\n]*)"))
                                             .match(message)
                                             .captured(1);
                for (int fd : d.fds) {
                    if (message.contains(QLatin1String("FDSTORE=1")))
                        stored.append({name, fd});
                    else
                        ::close(fd);
                }
                said.append(message);
                senders.insert(d.sender.pid);
            }
        });
    }
    ~NotifyManager() override
    {
        ::close(m_fd);
        for (const auto &[name, fd] : std::as_const(stored))
            ::close(fd);
    }
    bool isValid() const { return m_fd >= 0; }
    int count(const QString &message) const { return int(said.count(message)); }

    QStringList said;
    QSet<qint64> senders;
    QList<QPair<QString, int>> stored; // the descriptor store: names and descriptors

private:
    int m_fd;
    QSocketNotifier m_notifier;
};

// qrs-supervise run as a socket-activated systemd service, Type=notify: the
// real systemd-socket-activate binds the socket and execs the supervisor on the
// first connection; a test-owned socket stands in for the manager's
// NOTIFY_SOCKET. The supervisor serves on the socket it was passed, says READY=1
// once both workers are, RELOADING=1 and READY=1 around a rolling restart, and
// STOPPING=1 on SIGTERM; its workers never speak to the manager themselves.
void tst_Supervise::underSystemdSocketActivation()
{
    const QString activate = qrstest::referenceProgram(QStringLiteral("systemd-socket-activate"));
    QVERIFY2(!activate.isEmpty(), "systemd-socket-activate is not installed (package systemd)");
    QTemporaryDir dir;
    const QString notifyPath = dir.filePath(QStringLiteral("notify"));
    NotifyManager manager(notifyPath);
    QVERIFY(manager.isValid());
    quint16 port = 0;
    {
        QTcpServer free; // systemd-socket-activate takes no port 0: one just free
        QVERIFY(free.listen(QHostAddress::LocalHost));
        port = free.serverPort();
    }
    QStringList args{QStringLiteral("-l"), QStringLiteral("127.0.0.1:%1").arg(port),
                     QStringLiteral("--fdname=http"), QStringLiteral("-E"),
                     QStringLiteral("NOTIFY_SOCKET=") + notifyPath};
    // systemd-socket-activate passes on only what -E names: the sanitizers'
    // options and the plugin path too, as ctest set them for this test.
    for (const char *name : {"ASAN_OPTIONS", "UBSAN_OPTIONS", "TSAN_OPTIONS", "QT_PLUGIN_PATH"}) {
        if (qEnvironmentVariableIsSet(name))
            args << QStringLiteral("-E") << QString::fromLatin1(name);
    }
    Supervise run(args
                          + QStringList{tool("qrs-supervise"), QStringLiteral("--workers=2"),
                                        QStringLiteral("--ready=notify"), QStringLiteral("--"),
                                        tool("qrs-demo-worker"), QStringLiteral("--load-ms=200")},
                  activate);
    QTRY_VERIFY_WITH_TIMEOUT(run.m_log.contains(QStringLiteral(" as 3.")), 20'000);
    const qint64 supervisorPid = run.m_process.processId(); // it execs qrs-supervise
    // The first connection starts the service; it waits in the queue, and is served.
    QByteArray first;
    QTcpSocket client;
    connect(&client, &QTcpSocket::connected, this, [&client] {
        client.write("GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
    });
    connect(&client, &QTcpSocket::readyRead, this, [&] { first += client.readAll(); });
    client.connectToHost(QHostAddress::LocalHost, port);

    QTRY_COMPARE_WITH_TIMEOUT(manager.count(QStringLiteral("READY=1")), 1, 30'000);
    QVERIFY2(run.m_log.contains(QStringLiteral("listening on tcp:127.0.0.1:%1 as http (passed by "
                                               "the service manager)")
                                        .arg(port)),
             qPrintable(run.m_log));
    QCOMPARE(run.count(QStringLiteral("is ready$")), 2);
    const qsizetype ready = manager.said.indexOf(QStringLiteral("READY=1"));
    QCOMPARE(manager.said.mid(ready - 1, 2),
             (QStringList{QStringLiteral("STATUS=2 of 2 workers ready"),
                          QStringLiteral("READY=1")}));
    QTRY_VERIFY_WITH_TIMEOUT(first.contains("\r\n\r\npid "), 20'000);
    QCOMPARE(get(port, "/").left(4), QByteArray("pid "));

    run.signal(SIGHUP);
    QTRY_COMPARE_WITH_TIMEOUT(manager.count(QStringLiteral("READY=1")), 2, 30'000);
    const qsizetype reloading = manager.said.indexOf(
            QRegularExpression(QStringLiteral("^RELOADING=1\nMONOTONIC_USEC=\\d+$")));
    QVERIFY2(reloading > ready, qPrintable(manager.said.join(QLatin1String(" | "))));
    QVERIFY(manager.said.lastIndexOf(QStringLiteral("READY=1")) > reloading);
    QVERIFY(run.m_log.contains(QStringLiteral("rolling restart done: 2 of 2")));

    run.signal(SIGTERM);
    QVERIFY(run.m_process.waitForFinished(20'000));
    QCOMPARE(run.m_process.exitCode(), 0);
    QTRY_COMPARE(manager.count(QStringLiteral("STOPPING=1")), 1); // read on the event loop
    // Only the supervisor spoke to the manager (systemd-socket-activate execs it).
    QCOMPARE(manager.senders, QSet<qint64>{supervisorPid});
}

// The socket (its inode) of descriptor fd in process pid.
QString socketOf(qint64 pid, int fd)
{
    char target[256];
    const QByteArray link = "/proc/" + QByteArray::number(pid) + "/fd/" + QByteArray::number(fd);
    const ssize_t n = ::readlink(link.constData(), target, sizeof(target));
    return n > 0 ? QString::fromLatin1(target, int(n)) : QString();
}

// Crash survival as systemd provides it: qrs-supervise keeps its listener in
// the manager's descriptor store (FDSTORE=1, FDNAME=http; a test-owned socket
// stands in for the manager). Killed outright under load, it is started again
// with the stored descriptor as LISTEN_FDS, as systemd would: it takes the same
// socket back instead of binding, and no request fails.
void tst_Supervise::listenerSurvivesASigkillInTheDescriptorStore()
{
    QTemporaryDir dir;
    const QString notifyPath = dir.filePath(QStringLiteral("notify"));
    NotifyManager manager(notifyPath);
    QVERIFY(manager.isValid());
    qrstest::ScopedEnv notifySocket("NOTIFY_SOCKET", QFile::encodeName(notifyPath));
    qrstest::ScopedEnv fdStore("FDSTORE", "4"); // systemd 254 and later: FileDescriptorStoreMax=4
    const QStringList args{QStringLiteral("--workers=2"),
                           QStringLiteral("--listen=http=tcp:127.0.0.1:0"), QStringLiteral("--"),
                           tool("qrs-demo-worker")};
    auto first = std::make_unique<Supervise>(args);
    QTRY_COMPARE_WITH_TIMEOUT(manager.stored.size(), 1, 20'000);
    QCOMPARE(manager.stored.at(0).first, QStringLiteral("http"));
    // Said after storing it: the manager may hear it before the test reads the log.
    QTRY_VERIFY_WITH_TIMEOUT(first->m_log.contains(QStringLiteral(
                                     "http is kept in the service manager's descriptor store")),
                             20'000);
    QTRY_COMPARE_WITH_TIMEOUT(first->count(QStringLiteral("is ready$")), 2, 20'000);
    const quint16 port = first->port();
    const int storedFd = manager.stored.at(0).second;
    const QString socket = socketOf(QCoreApplication::applicationPid(), storedFd);
    QVERIFY2(socket.startsWith(QLatin1String("socket:[")), qPrintable(socket));

    LoadLoop load(port, 50'000, 8);
    QTRY_VERIFY_WITH_TIMEOUT(load.answered >= 200, 30'000);
    first->m_process.kill(); // SIGKILL: no clean-up of any kind
    QVERIFY(first->m_process.waitForFinished(10'000));
    const int atCrash = load.sent;

    // As systemd restarts it: the stored socket at descriptor 3, named in
    // LISTEN_FDNAMES, LISTEN_PID the new process's (sh execs the supervisor).
    Supervise second(QStringList{QStringLiteral("-c"),
                                 QStringLiteral("LISTEN_PID=$$ LISTEN_FDS=1 LISTEN_FDNAMES=http "
                                                "exec \"$0\" \"$@\""),
                                 tool("qrs-supervise")}
                             + args,
                     QStringLiteral("/bin/sh"), [storedFd] { ::dup2(storedFd, 3); });
    notifySocket.restore();
    fdStore.restore();
    QTRY_COMPARE_WITH_TIMEOUT(second.count(QStringLiteral("is ready$")), 2, 20'000);
    QVERIFY2(
            second.m_log.contains(QStringLiteral("listening on tcp:127.0.0.1:%1 as http (passed by "
                                                 "the service manager)")
                                          .arg(port)),
            qPrintable(second.m_log));
    QVERIFY(!second.m_log.contains(QLatin1String("descriptor store"))); // nothing bound anew
    QCOMPARE(socketOf(second.m_process.processId(), 3), socket);        // the very same socket
    QCOMPARE(manager.stored.size(), 1);

    QTRY_VERIFY_WITH_TIMEOUT(load.answered >= atCrash + 200, 30'000);
    QVERIFY2(load.finish(), qPrintable(load.errorSummary()));
    qInfo("%d requests answered across a SIGKILL of the supervisor, none failed", load.answered);
    second.signal(SIGTERM);
    QVERIFY(second.m_process.waitForFinished(20'000));
    QCOMPARE(second.m_process.exitCode(), 0);
}

// Whether process pid runs (a zombie does not: an upgraded supervisor's
// predecessor is nobody's child to reap here).
bool alive(qint64 pid)
{
    QFile stat(QStringLiteral("/proc/%1/stat").arg(pid));
    if (!stat.open(QIODevice::ReadOnly))
        return false;
    const QByteArray line = stat.readAll();
    return line.mid(line.lastIndexOf(')') + 2, 1) != "Z";
}

// The inodes of the listening TCP sockets on 127.0.0.1:port, from /proc/net/tcp.
QStringList listeningInodes(quint16 port)
{
    QFile table(QStringLiteral("/proc/net/tcp"));
    if (!table.open(QIODevice::ReadOnly))
        return {};
    const QByteArray local =
            "0100007F:" + QByteArray::number(port, 16).toUpper().rightJustified(4, '0');
    QStringList inodes;
    for (const QByteArray &line : table.readAll().split('\n')) {
        const QList<QByteArray> f = line.simplified().split(' ');
        if (f.size() > 9 && f.at(1) == local && f.at(3) == "0A") // 0A: LISTEN
            inodes << QString::fromLatin1(f.at(9));
    }
    return inodes;
}

// Successors are nobody's children here: when a test ends, however it ends,
// every successor its log names that still runs is killed (its workers follow).
auto killSuccessorsAtExit(Supervise &run)
{
    return qScopeGuard([&run] {
        run.refresh();
        auto it = QRegularExpression(QStringLiteral("started \\S+ \\(pid (\\d+)\\) and handed it"))
                          .globalMatch(run.m_log);
        while (it.hasNext()) {
            const qint64 pid = it.next().captured(1).toLongLong();
            if (alive(pid))
                ::kill(pid_t(pid), SIGKILL);
        }
    });
}

// qrs-supervise --upgrade PID: its exit code, stdout and stderr.
int requestUpgrade(qint64 pid, QByteArray *out, QByteArray *err)
{
    QProcess p;
    p.start(tool("qrs-supervise"), {QStringLiteral("--upgrade"), QString::number(pid)});
    if (!p.waitForFinished(60'000))
        return -1;
    *out = p.readAllStandardOutput();
    *err = p.readAllStandardError();
    return p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -2;
}

// Three upgrades in place under load: each successor takes the very same
// socket from its predecessor, which leaves once the successor's workers are
// ready; no request fails.
void tst_Supervise::upgradeInPlaceUnderLoad()
{
    QTemporaryDir dir;
    Supervise run({QStringLiteral("--workers=2"), QStringLiteral("--ready=notify"),
                   QStringLiteral("--listen=http=tcp:127.0.0.1:0"), QStringLiteral("--"),
                   tool("qrs-demo-worker"), QStringLiteral("--load-ms=200")},
                  tool("qrs-supervise"), dir.filePath(QStringLiteral("log")));
    QTRY_COMPARE_WITH_TIMEOUT(run.count(QStringLiteral("is ready$")), 2, 20'000);
    const quint16 port = run.port();
    const QStringList socket = listeningInodes(port);
    QCOMPARE(socket.size(), 1);

    LoadLoop load(port, 100'000, 8);
    QTRY_VERIFY_WITH_TIMEOUT(load.answered >= 200, 30'000);
    qint64 pid = run.m_process.processId();
    const auto cleanUp = killSuccessorsAtExit(run);
    for (int i = 1; i <= 3; ++i) {
        QByteArray out, err;
        QCOMPARE(requestUpgrade(pid, &out, &err), 0);
        const QRegularExpressionMatch m =
                QRegularExpression(
                        QStringLiteral("^upgraded: pid (\\d+) took over from pid %1\n$").arg(pid))
                        .match(QString::fromLocal8Bit(out));
        QVERIFY2(m.hasMatch(), (out + err).constData());
        const qint64 successor = m.captured(1).toLongLong();
        QTRY_VERIFY_WITH_TIMEOUT(!alive(pid), 20'000); // the predecessor is gone
        QVERIFY(alive(successor));
        QCOMPARE(listeningInodes(port), socket); // the same socket, and only it
        QTRY_VERIFY_WITH_TIMEOUT(run.count(QStringLiteral("upgrade: the successor \\(pid %1\\) "
                                                          "is ready; stopping the workers")
                                                   .arg(successor))
                                         == 1,
                                 20'000);
        const int before = load.answered;
        QTRY_VERIFY_WITH_TIMEOUT(load.answered >= before + 100, 30'000);
        pid = successor;
    }
    QTRY_COMPARE(run.m_process.state(), QProcess::NotRunning); // the first one, long gone
    QCOMPARE(run.m_process.exitCode(), 0);
    QVERIFY2(load.finish(), qPrintable(load.errorSummary()));
    qInfo("%d requests answered across three upgrades in place, none failed", load.answered);
    QCOMPARE(run.count(QStringLiteral("passed by the supervisor it replaces")), 3);

    ::kill(pid_t(pid), SIGTERM);
    QTRY_VERIFY_WITH_TIMEOUT(!alive(pid), 20'000);
    QTRY_VERIFY_WITH_TIMEOUT(run.count(QStringLiteral("all workers stopped")) == 4, 20'000);
    QVERIFY(listeningInodes(port).isEmpty());
}

// A successor that is missing, cannot run, crashes at start, or whose workers
// never become ready: the upgrade fails with one line, the successor is gone,
// and the old supervisor goes on serving with the same workers.
void tst_Supervise::failedUpgradeRollsBack_data()
{
    QTest::addColumn<QString>("sabotage");
    QTest::addColumn<QString>("expected"); // a regular expression
    QTest::newRow("missing") << QStringLiteral("missing")
                             << QStringLiteral("/qrs-supervise is missing or not executable");
    QTest::newRow("not executable")
            << QStringLiteral("not executable")
            << QStringLiteral("/qrs-supervise is missing or not executable");
    QTest::newRow("crashes at start")
            << QStringLiteral("crashes")
            // Before or after it was seen to run (it is not this process's child).
            << QStringLiteral("ended (at once|before it was ready)");
    QTest::newRow("workers never ready")
            << QStringLiteral("never ready") << QStringLiteral("was not ready within 5500 ms");
}

void tst_Supervise::failedUpgradeRollsBack()
{
    QFETCH(QString, sabotage);
    QFETCH(QString, expected);
    const QString systemdNotify = qrstest::referenceProgram(QStringLiteral("systemd-notify"));
    QVERIFY(!systemdNotify.isEmpty());
    QTemporaryDir dir;
    // The program as a user would have installed it: replaced on disk later.
    const QString program = dir.filePath(QStringLiteral("qrs-supervise"));
    QVERIFY(QFile::link(tool("qrs-supervise"), program));
    const QString flag = dir.filePath(QStringLiteral("ready"));
    QFile(flag).open(QIODevice::WriteOnly);
    const QString worker = QStringLiteral("if [ -e '%1' ]; then %2 --ready; fi; exec sleep 1000")
                                   .arg(flag, systemdNotify);
    Supervise run({QStringLiteral("--ready=notify"), QStringLiteral("--ready-timeout=500"),
                   QStringLiteral("--grace=2000"), QStringLiteral("--"), QStringLiteral("/bin/sh"),
                   QStringLiteral("-c"), worker},
                  program, dir.filePath(QStringLiteral("log")));
    QTRY_COMPARE_WITH_TIMEOUT(run.count(QStringLiteral("is ready$")), 1, 20'000);
    const qint64 pid = run.m_process.processId();
    const qint64 workerPid =
            run.capture(QStringLiteral("worker 0 \\(pid (\\d+)\\) started")).toLongLong();
    const auto cleanUp = killSuccessorsAtExit(run);

    QVERIFY(QFile::remove(program));
    if (sabotage == QLatin1String("not executable")) {
        QFile script(program);
        QVERIFY(script.open(QIODevice::WriteOnly));
        script.write("#!/bin/sh\nexit 0\n");
    } else if (sabotage == QLatin1String("crashes")) {
        QFile script(program);
        QVERIFY(script.open(QIODevice::WriteOnly));
        script.write("#!/bin/sh\nkill -SEGV $$\n");
        script.close();
        QVERIFY(script.setPermissions(script.permissions() | QFileDevice::ExeOwner));
    } else if (sabotage == QLatin1String("never ready")) {
        QVERIFY(QFile::link(tool("qrs-supervise"), program));
        QVERIFY(QFile::remove(flag));
    }
    QByteArray out, err;
    QCOMPARE(requestUpgrade(pid, &out, &err), 1);
    QVERIFY2(err.startsWith("qrs-supervise: the upgrade of pid " + QByteArray::number(pid)
                            + " failed: "),
             err.constData());
    QVERIFY2(QString::fromLocal8Bit(err).contains(QRegularExpression(expected)), err.constData());
    QCOMPARE(err.count('\n'), 1);
    QTRY_COMPARE_WITH_TIMEOUT(
            run.count(QStringLiteral("upgrade failed: .*; this supervisor goes on "
                                     "serving$")),
            1, 20'000);
    // The successor, if one started, is stopped with its workers.
    const QString successor =
            run.capture(QStringLiteral("started .* \\(pid (\\d+)\\) and handed it"));
    if (!successor.isEmpty())
        QTRY_VERIFY_WITH_TIMEOUT(!alive(successor.toLongLong()), 20'000);
    QVERIFY(alive(pid));
    QVERIFY(alive(workerPid));
    QCOMPARE(run.m_process.state(), QProcess::Running);
    run.signal(SIGTERM);
    QVERIFY(run.m_process.waitForFinished(20'000));
    run.refresh(); // what it said, successor included, if it did not exit 0
    QVERIFY2(run.m_process.exitCode() == 0, qPrintable(run.m_log.right(4000)));
}

// One upgrade at a time, and none during a rolling restart (nor the reverse):
// what is refused is said in one line, and what runs runs to its end.
void tst_Supervise::upgradesAndRollingRestartsOneAtATime()
{
    QTemporaryDir dir;
    Supervise run({QStringLiteral("--ready=notify"),
                   QStringLiteral("--listen=http=tcp:127.0.0.1:0"), QStringLiteral("--"),
                   tool("qrs-demo-worker"), QStringLiteral("--load-ms=1000")},
                  tool("qrs-supervise"), dir.filePath(QStringLiteral("log")));
    QTRY_COMPARE_WITH_TIMEOUT(run.count(QStringLiteral("is ready$")), 1, 20'000);
    const auto cleanUp = killSuccessorsAtExit(run);
    run.signal(SIGHUP);
    QTRY_COMPARE_WITH_TIMEOUT(run.count(QStringLiteral("rolling restart: replacing")), 1, 20'000);
    run.signal(SIGUSR2);
    QTRY_COMPARE_WITH_TIMEOUT(
            run.count(QStringLiteral("upgrade refused: a rolling restart is under way$")), 1,
            20'000);
    QTRY_COMPARE_WITH_TIMEOUT(run.count(QStringLiteral("rolling restart done: 1 of 1")), 1, 20'000);

    run.signal(SIGUSR2);
    QTRY_COMPARE_WITH_TIMEOUT(run.count(QStringLiteral("upgrading in place: started")), 1, 20'000);
    run.signal(SIGUSR2);
    run.signal(SIGHUP);
    QTRY_COMPARE_WITH_TIMEOUT(
            run.count(QStringLiteral("upgrade refused: an upgrade is under way \\(successor pid "
                                     "\\d+\\)$")),
            1, 20'000);
    QTRY_COMPARE_WITH_TIMEOUT(
            run.count(QStringLiteral("an upgrade is under way; the rolling restart is refused$")),
            1, 20'000);
    QTRY_COMPARE_WITH_TIMEOUT(run.m_process.state(), QProcess::NotRunning, 20'000); // handed over
    QCOMPARE(run.m_process.exitCode(), 0);
    const qint64 successor =
            run.capture(QStringLiteral("upgrade: the successor \\(pid (\\d+)\\) is ready"))
                    .toLongLong();
    QVERIFY(alive(successor));
    QCOMPARE(run.count(QStringLiteral("rolling restart: replacing")), 1);
    ::kill(pid_t(successor), SIGTERM);
    QTRY_VERIFY_WITH_TIMEOUT(!alive(successor), 20'000);
}

// Under systemd (a test-owned NOTIFY_SOCKET stands in): the predecessor, the
// main process, tells the manager MAINPID= of its successor once that one is
// ready; the successor, once its predecessor is gone, says MAINPID= and READY=1
// itself and answers to the manager from then on.
void tst_Supervise::upgradeUnderSystemdMovesTheMainPid()
{
    QTemporaryDir dir;
    NotifyManager manager(dir.filePath(QStringLiteral("notify")));
    QVERIFY(manager.isValid());
    qrstest::ScopedEnv notifySocket("NOTIFY_SOCKET",
                                    QFile::encodeName(dir.filePath(QStringLiteral("notify"))));
    Supervise run({QStringLiteral("--ready=notify"),
                   QStringLiteral("--listen=http=tcp:127.0.0.1:0"), QStringLiteral("--"),
                   tool("qrs-demo-worker")},
                  tool("qrs-supervise"), dir.filePath(QStringLiteral("log")));
    notifySocket.restore();
    const auto cleanUp = killSuccessorsAtExit(run);
    QTRY_COMPARE_WITH_TIMEOUT(manager.count(QStringLiteral("READY=1")), 1, 20'000);
    const qint64 pid = run.m_process.processId();
    QByteArray out, err;
    QCOMPARE(requestUpgrade(pid, &out, &err), 0);
    const qint64 successor = QRegularExpression(QStringLiteral("pid (\\d+) took over"))
                                     .match(QString::fromLocal8Bit(out))
                                     .captured(1)
                                     .toLongLong();
    QVERIFY2(successor > 0, out.constData());
    const QString mainPid = QStringLiteral("MAINPID=%1").arg(successor);
    QTRY_VERIFY_WITH_TIMEOUT(manager.said.contains(mainPid), 20'000); // from the predecessor
    QTRY_VERIFY_WITH_TIMEOUT(manager.said.contains(mainPid + QStringLiteral("\nREADY=1")),
                             20'000); // from the successor, its predecessor gone
    QVERIFY(manager.senders.contains(pid));
    QVERIFY(manager.senders.contains(successor));
    QCOMPARE(manager.senders.size(), 2);                      // no worker spoke to the manager
    QCOMPARE(manager.count(QStringLiteral("STOPPING=1")), 0); // the service did not stop
    ::kill(pid_t(successor), SIGTERM);
    QTRY_COMPARE_WITH_TIMEOUT(manager.count(QStringLiteral("STOPPING=1")), 1, 20'000);
    QTRY_VERIFY_WITH_TIMEOUT(!alive(successor), 20'000);
}

namespace {

// A free TCP port on 127.0.0.1 below 1024 (only root may bind one), or 0.
quint16 freePrivilegedPort()
{
    for (quint16 port = 1023; port >= 900; --port) {
        QTcpServer probe;
        if (probe.listen(QHostAddress::LocalHost, port))
            return port;
    }
    return 0;
}

// The "Uid:", "Gid:" and "Groups:" fields of /proc/PID/status, by line.
QHash<QString, QStringList> credentialsOf(qint64 pid)
{
    QFile status(QStringLiteral("/proc/%1/status").arg(pid));
    QHash<QString, QStringList> lines;
    if (!status.open(QIODevice::ReadOnly))
        return lines;
    for (const QByteArray &line : status.readAll().split('\n')) {
        const QList<QByteArray> f = line.simplified().split(' ');
        if (f.isEmpty() || (f.first() != "Uid:" && f.first() != "Gid:" && f.first() != "Groups:"))
            continue;
        QStringList &values = lines[QString::fromLatin1(f.first())];
        for (qsizetype i = 1; i < f.size(); ++i)
            values.append(QString::fromLatin1(f.at(i)));
    }
    return lines;
}

// Every pid the log says a worker started with.
QList<qint64> workerPids(Supervise &run)
{
    run.refresh();
    QList<qint64> pids;
    auto it = QRegularExpression(QStringLiteral("worker \\d+ \\(pid (\\d+)\\) started"))
                      .globalMatch(run.m_log);
    while (it.hasNext())
        pids.append(it.next().captured(1).toLongLong());
    return pids;
}

// That pid runs as nobody (65534) for real, effective, saved and file-system
// ids, with no group of root's.
void verifyNobody(qint64 pid)
{
    const QHash<QString, QStringList> c = credentialsOf(pid);
    QCOMPARE(c.value(QStringLiteral("Uid:")), QStringList(4, QStringLiteral("65534")));
    QCOMPARE(c.value(QStringLiteral("Gid:")), QStringList(4, QStringLiteral("65534")));
    QVERIFY2(!c.value(QStringLiteral("Groups:")).contains(QStringLiteral("0")),
             qPrintable(c.value(QStringLiteral("Groups:")).join(QLatin1Char(' '))));
}

} // namespace

// --user nobody as root: the supervisor binds a port below 1024, its workers
// run as nobody and serve, through a rolling restart and an upgrade in place
// under load, and no request fails.
void tst_Supervise::workersAsNobodyServeThroughRestartsAndUpgrades_data()
{
    QTest::addColumn<QStringList>("program");
    const QString gunicorn = qrstest::referenceProgram(QStringLiteral("gunicorn"));
    QTest::newRow("gunicorn") << QStringList{tool("qrs-detach"),
                                             QStringLiteral("--"),
                                             gunicorn,
                                             QStringLiteral("-w"),
                                             QStringLiteral("1"),
                                             QStringLiteral("--preload"),
                                             QStringLiteral("--chdir"),
                                             QStringLiteral(QRS_TEST_SOURCE_DIR "/helper"),
                                             QStringLiteral("slow_app:app")};
    QTest::newRow("qt worker") << QStringList{tool("qrs-demo-worker"),
                                              QStringLiteral("--load-ms=200")};
}

void tst_Supervise::workersAsNobodyServeThroughRestartsAndUpgrades()
{
    QFETCH(QStringList, program);
    if (::geteuid() != 0)
        QSKIP("needs root: to bind a port below 1024 and run workers as nobody");
    QVERIFY2(!program.contains(QString()), "gunicorn is not installed (package gunicorn)");
    const quint16 port = freePrivilegedPort();
    QVERIFY(port > 0);
    QTemporaryDir dir;
    qrstest::ScopedEnv loadSeconds("QRS_APP_LOAD_SECONDS", "0.3");
    Supervise run(QStringList{QStringLiteral("--user=nobody"), QStringLiteral("--workers=2"),
                              QStringLiteral("--ready=notify"),
                              QStringLiteral("--listen=http=tcp:127.0.0.1:%1").arg(port),
                              QStringLiteral("--")}
                          + program,
                  tool("qrs-supervise"), dir.filePath(QStringLiteral("log")));
    loadSeconds.restore();
    const auto cleanUp = killSuccessorsAtExit(run);
    QTRY_COMPARE_WITH_TIMEOUT(run.count(QStringLiteral("is ready$")), 2, 30'000);
    QCOMPARE(run.port(), port);
    for (qint64 pid : workerPids(run))
        verifyNobody(pid);
    // qrs-inspect says so too.
    QProcess inspect;
    inspect.start(tool("qrs-inspect"),
                  {QStringLiteral("--json"), QString::number(run.m_process.processId())});
    QVERIFY(inspect.waitForFinished(20'000));
    const QJsonArray workers =
            QJsonDocument::fromJson(inspect.readAllStandardOutput().split('\n').first())
                    .object()[QLatin1String("status")][QLatin1String("workers")]
                    .toArray();
    QCOMPARE(workers.size(), 2);
    for (const QJsonValue &w : workers)
        QCOMPARE(w[QLatin1String("uid")].toInteger(), 65534);

    LoadLoop load(port, 100'000, 4);
    QTRY_VERIFY_WITH_TIMEOUT(load.answered >= 50, 30'000);
    run.signal(SIGHUP);
    QTRY_COMPARE_WITH_TIMEOUT(run.count(QStringLiteral("rolling restart done: 2 of 2")), 1, 60'000);
    int before = load.answered;
    QTRY_VERIFY_WITH_TIMEOUT(load.answered >= before + 50, 30'000);

    const qint64 pid = run.m_process.processId();
    QByteArray out, err;
    QCOMPARE(requestUpgrade(pid, &out, &err), 0);
    const qint64 successor = QRegularExpression(QStringLiteral("^upgraded: pid (\\d+) took over"))
                                     .match(QString::fromLocal8Bit(out))
                                     .captured(1)
                                     .toLongLong();
    QVERIFY2(successor > 0, (out + err).constData());
    QTRY_VERIFY_WITH_TIMEOUT(!alive(pid), 20'000);
    before = load.answered;
    QTRY_VERIFY_WITH_TIMEOUT(load.answered >= before + 50, 30'000);
    QVERIFY2(load.finish(), qPrintable(load.errorSummary()));
    // The successor's workers run as nobody too; the supervisor itself as root.
    const QList<qint64> pids = workerPids(run);
    QCOMPARE(pids.size(), 6); // 2 first, 2 by the rolling restart, 2 of the successor
    for (qint64 worker : pids.mid(4))
        verifyNobody(worker);
    QCOMPARE(credentialsOf(successor).value(QStringLiteral("Uid:")).value(0), QStringLiteral("0"));
    qInfo("%d requests, none failed, across a rolling restart and an upgrade; longest wait %lld ms",
          load.answered, load.longestMs);
    ::kill(pid_t(successor), SIGTERM);
    QTRY_VERIFY_WITH_TIMEOUT(!alive(successor), 20'000);
}

// --user nobody --ready=notify: a worker that loads for 2 s and says READY=1
// with systemd-notify, as nobody, to its own NOTIFY_SOCKET: the old worker
// serves until then, so no request waits for the load.
void tst_Supervise::notifyReadinessOfAnUnprivilegedWorker()
{
    if (::geteuid() != 0)
        QSKIP("needs root to run workers as nobody");
    const QString notify = qrstest::referenceProgram(QStringLiteral("systemd-notify"));
    QVERIFY2(!notify.isEmpty(), "systemd-notify is not installed (package systemd)");
    Supervise run({QStringLiteral("--user=nobody"), QStringLiteral("--workers=1"),
                   QStringLiteral("--ready=notify"),
                   QStringLiteral("--listen=http=tcp:127.0.0.1:0"), QStringLiteral("--"),
                   tool("qrs-detach"), QStringLiteral("--"), QStringLiteral("python3"),
                   QStringLiteral(QRS_TEST_SOURCE_DIR "/helper/notify_worker.py")});
    QTRY_COMPARE_WITH_TIMEOUT(run.count(QStringLiteral("is ready$")), 1, 30'000);
    QCOMPARE(run.count(QStringLiteral("said it is ready \\(READY=1\\)")), 1);
    QVERIFY(get(run.port(), "/").contains("uid 65534"));
    LoadLoop load(run.port(), 100'000, 2);
    QTRY_VERIFY_WITH_TIMEOUT(load.answered >= 20, 30'000);
    run.signal(SIGHUP);
    QTRY_COMPARE_WITH_TIMEOUT(run.count(QStringLiteral("rolling restart done: 1 of 1")), 1, 60'000);
    const int before = load.answered;
    QTRY_VERIFY_WITH_TIMEOUT(load.answered >= before + 20, 30'000);
    QVERIFY2(load.finish(), qPrintable(load.errorSummary()));
    QCOMPARE(run.count(QStringLiteral("said it is ready \\(READY=1\\)")), 2);
    QCOMPARE(run.count(QStringLiteral("was ignored")), 0);
    qInfo("%d requests across the restart; the longest waited %lld ms", load.answered,
          load.longestMs);
    QVERIFY2(load.longestMs < 500, qPrintable(QString::number(load.longestMs)));
    run.signal(SIGTERM);
    QVERIFY(run.m_process.waitForFinished(30'000));
}

// Without --user, a worker that drops its privileges itself before it takes
// its socket (setpriv, as users do) still takes it: the resource is bound to
// its process, which setpriv's exec keeps. No crash loop.
void tst_Supervise::workerThatDropsItsOwnPrivilegesTakesItsSockets()
{
    if (::geteuid() != 0)
        QSKIP("needs root to drop privileges with setpriv");
    const QString setpriv = QStandardPaths::findExecutable(QStringLiteral("setpriv"));
    QVERIFY2(!setpriv.isEmpty(), "setpriv is not installed (package util-linux)");
    qrstest::ScopedEnv loadSeconds("QRS_APP_LOAD_SECONDS", "0");
    Supervise run({QStringLiteral("--workers=2"), QStringLiteral("--listen=http=tcp:127.0.0.1:0"),
                   QStringLiteral("--"), setpriv, QStringLiteral("--reuid=65534"),
                   QStringLiteral("--regid=65534"), QStringLiteral("--clear-groups"),
                   QStringLiteral("--"), tool("qrs-detach"), QStringLiteral("--"),
                   QStringLiteral("python3"),
                   QStringLiteral(QRS_TEST_SOURCE_DIR "/helper/notify_worker.py"),
                   QStringLiteral("--no-notify")});
    loadSeconds.restore();
    QTRY_COMPARE_WITH_TIMEOUT(run.count(QStringLiteral("is ready$")), 2, 30'000);
    QVERIFY(get(run.port(), "/").contains("uid 65534"));
    for (qint64 pid : workerPids(run))
        verifyNobody(pid);
    QCOMPARE(run.count(QStringLiteral("restarting it")), 0);
    QCOMPARE(run.count(QStringLiteral("Permission denied")), 0);
    run.signal(SIGTERM);
    QVERIFY(run.m_process.waitForFinished(30'000));
    QCOMPARE(run.m_process.exitCode(), 0);
}

// A supervisor that is not root may not run its workers as someone else: one
// line, exit 2, nothing started.
void tst_Supervise::unprivilegedSupervisorMayNotRunOtherUsers()
{
    if (::geteuid() != 0)
        QSKIP("needs root to become nobody with setpriv");
    const QString setpriv = QStandardPaths::findExecutable(QStringLiteral("setpriv"));
    QVERIFY2(!setpriv.isEmpty(), "setpriv is not installed (package util-linux)");
    QProcess p;
    p.start(setpriv,
            {QStringLiteral("--reuid=65534"), QStringLiteral("--regid=65534"),
             QStringLiteral("--clear-groups"), QStringLiteral("--"), tool("qrs-supervise"),
             QStringLiteral("--user=root"), QStringLiteral("--listen=tcp:127.0.0.1:0"),
             QStringLiteral("--"), tool("qrs-demo-worker")});
    QVERIFY(p.waitForFinished(20'000));
    QCOMPARE(p.exitCode(), 2);
    const QString err = QString::fromLocal8Bit(p.readAllStandardError());
    QVERIFY2(err.contains(QStringLiteral("only root may run them as another user")),
             qPrintable(err));
    QCOMPARE(err.count(QLatin1Char('\n')), 1);
}

// Adversarial, as the attacker would: a worker (--user nobody) that has not
// taken its socket yet. Its identifier, read from its environment, is
// presented through setpriv by a sibling of its own uid, by uid 65533 and by
// root itself: each gets qrs-detach's "denied" (6), and nothing is handed out.
// Its NOTIFY_SOCKET refuses uid 65533's systemd-notify.
void tst_Supervise::strangersCannotTakeAWorkersSocketsNorSpeakForIt()
{
    if (::geteuid() != 0)
        QSKIP("needs root to run workers and attackers as other users");
    const QString setpriv = QStandardPaths::findExecutable(QStringLiteral("setpriv"));
    QVERIFY2(!setpriv.isEmpty(), "setpriv is not installed (package util-linux)");
    const QString notify = qrstest::referenceProgram(QStringLiteral("systemd-notify"));
    QVERIFY2(!notify.isEmpty(), "systemd-notify is not installed (package systemd)");
    Supervise run({QStringLiteral("--user=nobody"), QStringLiteral("--ready=notify"),
                   QStringLiteral("--ready-timeout=60000"),
                   QStringLiteral("--listen=http=tcp:127.0.0.1:0"), QStringLiteral("--"),
                   QStringLiteral("sleep"), QStringLiteral("60")});
    QTRY_COMPARE_WITH_TIMEOUT(workerPids(run).size(), 1, 20'000);
    const qint64 worker = workerPids(run).constFirst();
    QFile environ(QStringLiteral("/proc/%1/environ").arg(worker));
    QVERIFY(environ.open(QIODevice::ReadOnly));
    QHash<QByteArray, QByteArray> env;
    for (const QByteArray &entry : environ.readAll().split('\0'))
        env.insert(entry.left(entry.indexOf('=')), entry.mid(entry.indexOf('=') + 1));
    const QByteArray id = env.value("QRS_RESOURCES");
    QVERIFY2(!id.isEmpty(), "the worker has no QRS_RESOURCES");

    const auto as = [&setpriv](uint uid, const QStringList &command, QByteArray *err = nullptr) {
        QProcess p;
        p.start(setpriv,
                QStringList{QStringLiteral("--reuid=%1").arg(uid),
                            QStringLiteral("--regid=%1").arg(uid), QStringLiteral("--clear-groups"),
                            QStringLiteral("--")}
                        + command);
        p.waitForFinished(20'000);
        if (err)
            *err = p.readAllStandardError();
        return p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    };
    const QStringList steal{tool("qrs-detach"), QString::fromLatin1(id), QStringLiteral("--"),
                            QStringLiteral("true")};
    for (uint attacker : {65534u, 65533u, 0u}) {
        QByteArray err;
        QCOMPARE(as(attacker, steal, &err), 6);
        QVERIFY2(err.contains("access denied"), err.constData());
    }
    QCOMPARE(run.count(QStringLiteral("took http")), 0);

    // Only its user and root may write to its notification socket: 65533's
    // systemd-notify fails, 65534's (the worker's user) is heard.
    qrstest::ScopedEnv notifySocket("NOTIFY_SOCKET", env.value("NOTIFY_SOCKET"));
    QVERIFY(as(65533, {notify, QStringLiteral("--ready")}) != 0);
    QCOMPARE(run.count(QStringLiteral("said it is ready")), 0);
    QCOMPARE(as(65534, {notify, QStringLiteral("--ready")}), 0);
    notifySocket.restore();
    QTRY_COMPARE_WITH_TIMEOUT(run.count(QStringLiteral("said it is ready")), 1, 20'000);
    QCOMPARE(run.count(QStringLiteral("is ready$")), 0); // it has still not taken its socket
    run.signal(SIGTERM);
    QVERIFY(run.m_process.waitForFinished(30'000));
}

// qrs-supervise PID's commands, as an operator runs them: each waits for the
// outcome and says it; SIGTTIN and SIGTTOU resize; --surge replaces several at
// once; no request fails meanwhile.
void tst_Supervise::operatedThroughItsControlChannelUnderLoad()
{
    Supervise run({QStringLiteral("--workers=2"), QStringLiteral("--surge=50%"),
                   QStringLiteral("--listen=http=tcp:127.0.0.1:0"), QStringLiteral("--"),
                   tool("qrs-demo-worker")});
    QTRY_COMPARE_WITH_TIMEOUT(run.count(QStringLiteral("is ready$")), 2, 20'000);
    const QString pid = QString::number(run.m_process.processId());
    // The load's clients run on this thread's event loop: wait for a command
    // with the loop running, or their requests would sit unsent meanwhile.
    const auto command = [](const QStringList &args, QByteArray *out = nullptr) {
        QProcess p;
        p.start(tool("qrs-supervise"), args);
        if (!QTest::qWaitFor([&p] { return p.state() == QProcess::NotRunning; }, 60'000))
            return -1;
        const QByteArray err = p.readAllStandardError();
        if (out)
            *out = p.readAllStandardOutput() + err;
        return p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -2;
    };
    const auto readyWorkers = [&]() {
        QByteArray out;
        if (command({QStringLiteral("--status"), pid, QStringLiteral("--json")}, &out) != 0)
            return -1;
        return int(QJsonDocument::fromJson(out)
                           .object()[QLatin1String("status")][QLatin1String("supervisor")]
                                    [QLatin1String("ready")]
                           .toInt(-1));
    };
    LoadLoop load(run.port(), 50'000, 4);
    QTRY_VERIFY_WITH_TIMEOUT(load.answered >= 100, 30'000);

    QByteArray out;
    QCOMPARE(command({QStringLiteral("--status"), pid}, &out), 0);
    QVERIFY2(out.contains("2 of 2 workers ready, surge 50%"), out.constData());
    QVERIFY2(out.contains("SLOT") && out.contains("RESTARTS"), out.constData());

    run.signal(SIGTTIN);
    QTRY_COMPARE_WITH_TIMEOUT(readyWorkers(), 3, 20'000);
    run.signal(SIGTTOU);
    QTRY_COMPARE_WITH_TIMEOUT(run.count(QStringLiteral("worker 2 \\(pid \\d+\\) stopped")), 1,
                              20'000);
    QCOMPARE(readyWorkers(), 2);

    QCOMPARE(command({QStringLiteral("--scale"), pid, QStringLiteral("4")}, &out), 0);
    QCOMPARE(out.trimmed(), QByteArray("scaled: 4 workers ready"));
    QCOMPARE(command({QStringLiteral("--restart"), pid}, &out), 0);
    QCOMPARE(out.trimmed(), QByteArray("restarted: 4 of 4 workers replaced"));
    QTRY_COMPARE_WITH_TIMEOUT(
            run.count(QStringLiteral("rolling restart: replacing 4 workers, 2 at a time")), 1,
            10'000);
    QCOMPARE(command({QStringLiteral("--restart"), pid, QStringLiteral("--slot=3")}, &out), 0);
    QCOMPARE(out.trimmed(), QByteArray("restarted worker 3"));

    // Refused, with the reason, by the supervisor or by the command line.
    QCOMPARE(command({QStringLiteral("--restart"), pid, QStringLiteral("--slot=9")}, &out), 1);
    QVERIFY2(out.contains("was refused: restart-worker takes a slot from 0 to 3"), out.constData());
    QCOMPARE(command({QStringLiteral("--scale"), pid}, &out), 2);
    QCOMPARE(command({QStringLiteral("--scale"), pid, QStringLiteral("0")}, &out), 2);
    QCOMPARE(command({QStringLiteral("--status"), QStringLiteral("abc")}, &out), 2);
    QCOMPARE(command({QStringLiteral("--status"), pid, QStringLiteral("--restart"), pid}, &out), 2);
    QCOMPARE(command({QStringLiteral("--status"), QStringLiteral("999999999")}, &out), 1);
    QVERIFY2(out.contains("cannot reach the supervisor with pid 999999999"), out.constData());

    const int before = load.sent;
    QTRY_VERIFY_WITH_TIMEOUT(load.answered >= before + 100, 30'000);
    QVERIFY2(load.finish(), qPrintable(load.errorSummary()));
    QCOMPARE(load.answered, load.sent);
    qInfo("%d requests answered, none failed, across resizing, a rolling restart at --surge 50%% "
          "and a worker's restart",
          load.answered);

    QCOMPARE(command({QStringLiteral("--stop"), pid}, &out), 0);
    // It may have exited while the command's wait ran the event loop.
    QTRY_COMPARE_WITH_TIMEOUT(run.m_process.state(), QProcess::NotRunning, 20'000);
    QCOMPARE(run.m_process.exitStatus(), QProcess::NormalExit);
    QCOMPARE(run.m_process.exitCode(), 0);
}

QRS_TEST_MAIN(tst_Supervise)
#include "tst_supervise.moc"
