// SPDX-FileCopyrightText: 2026 QtResourceSharer contributors
//
// SPDX-License-Identifier: BSD-3-Clause

// Shared by the tests: the helper process, and (portable.h) pipes and the
// open-descriptor count. Built for Windows too (tests/windows/).
#pragma once

#include "portable.h"

#include <QDeadlineTimer>
#include <QDir>
#include <QFile>
#include <QProcess>
#include <QStandardPaths>
#include <QString>
#include <QTest>
#include <QThread>

#ifndef Q_OS_WIN
#include <grp.h>
#include <sys/wait.h>
#include <unistd.h>
#endif

#include <functional>
#include <utility>
#include <vector>

namespace qrstest {

// A tool of this build (qrs-inspect, ...): on Windows beside the test (a build
// path of the Linux machine means nothing under Wine).
inline QString toolPath(const char *name)
{
#ifdef Q_OS_WIN
    return QCoreApplication::applicationDirPath() + QLatin1Char('/') + QLatin1String(name)
            + QLatin1String(".exe");
#else
    return QStringLiteral(QRS_TOOLS_DIR "/") + QLatin1String(name);
#endif
}

// The helper process, chosen by QRS_TEST_HELPER (set by ctest); on Windows
// the one beside the test.
inline QString helperPath()
{
    const QString fromEnv = qEnvironmentVariable("QRS_TEST_HELPER");
    if (!fromEnv.isEmpty())
        return fromEnv;
#ifdef Q_OS_WIN
    return toolPath("qrs-test-helper");
#else
    return QStringLiteral(QRS_TEST_HELPER_PATH);
#endif
}

// A well-formed address for a sharer called name (none listens there): a
// socket path on Unix, a pipe name on Windows.
inline QString sharerAddress(const char *name)
{
#ifdef Q_OS_WIN
    return QLatin1String("qrs-test-") + QLatin1String(name);
#else
    return QLatin1String("/tmp/qrs-test-") + QLatin1String(name);
#endif
}

// Runs the helper to completion (at most timeoutMs) and returns its stdout.
inline QByteArray runHelper(const QStringList &args, int *exitCode, QByteArray *errors = nullptr,
                            qint64 *pid = nullptr, int timeoutMs = 20'000)
{
    QProcess p;
    p.start(helperPath(), args);
    if (!p.waitForStarted(timeoutMs)) {
        *exitCode = -1;
        return {};
    }
    if (pid)
        *pid = p.processId();
    if (!p.waitForFinished(timeoutMs)) {
        p.kill();
        p.waitForFinished(1000);
        *exitCode = -2;
        return {};
    }
    *exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -3;
    if (errors)
        *errors = p.readAllStandardError();
    return p.readAllStandardOutput();
}

#ifndef Q_OS_WIN
// A forked child that waits for its input (what finish() sends), then becomes
// uid and gid `id` with the supplementary groups `groups` only (none of
// root's; the caller must be root, unless `id` is its own uid, which changes
// nothing), runs f(input) there and reports what f returned. Its pid is known
// before: a resource can be bound to it.
class ForkedAs
{
public:
    ForkedAs(uint id, const std::function<QByteArray(const QByteArray &input)> &f,
             const std::vector<gid_t> &groups = {})
        : m_id(id)
    {
        int input[2], report[2];
        if (::pipe(input) != 0 || ::pipe(report) != 0)
            return;
        m_pid = ::fork();
        if (m_pid == 0) {
            ::close(input[1]);
            ::close(report[0]);
            const QByteArray in = readAll(input[0]);
            if (id != ::geteuid()
                && (::setgroups(groups.size(), groups.data()) != 0 || ::setgid(id) != 0
                    || ::setuid(id) != 0))
                ::_exit(3);
            const QByteArray msg = f(in);
            const bool written =
                    ::write(report[1], msg.constData(), size_t(msg.size())) == msg.size();
            ::_exit(written ? 0 : 3);
        }
        ::close(input[0]);
        ::close(report[1]);
        m_input = input[1];
        m_report = report[0];
    }
    ~ForkedAs() { finish(); }
    ForkedAs(const ForkedAs &) = delete;
    ForkedAs &operator=(const ForkedAs &) = delete;

    pid_t pid() const { return m_pid; }
    // Sends input, waits for the child to end: what f returned, or a line
    // saying it failed. Once.
    QByteArray finish(const QByteArray &input = {})
    {
        if (m_pid <= 0)
            return "fork failed";
        const bool sent = ::write(m_input, input.constData(), size_t(input.size())) == input.size();
        ::close(m_input);
        QByteArray msg = readAll(m_report);
        ::close(m_report);
        int status = 0;
        ::waitpid(std::exchange(m_pid, 0), &status, 0);
        if (!sent || !WIFEXITED(status) || WEXITSTATUS(status) != 0)
            msg += " (the child failed to become uid " + QByteArray::number(m_id)
                    + " or to report)";
        return msg;
    }

private:
    static QByteArray readAll(int fd)
    {
        QByteArray all;
        char buf[512];
        ssize_t n;
        while ((n = ::read(fd, buf, sizeof(buf))) > 0)
            all.append(buf, int(n));
        return all;
    }

    uint m_id;
    pid_t m_pid = -1;
    int m_input = -1;
    int m_report = -1;
};

// Runs f in a ForkedAs child of uid `id` and returns what it returned.
inline QByteArray runForkedAs(uint id, const std::function<QByteArray()> &f,
                              const std::vector<gid_t> &groups = {})
{
    return ForkedAs(
                   id, [&f](const QByteArray &) { return f(); }, groups)
            .finish();
}
#endif

// A program the test runs as the reference (systemd-socket-activate,
// systemd-notify, gunicorn: scripts/setup.sh installs them): its path in
// /usr/bin or PATH, or empty. A test that needs one fails without it.
inline QString referenceProgram(const QString &name)
{
    const QString system = QStandardPaths::findExecutable(name, {QStringLiteral("/usr/bin")});
    return system.isEmpty() ? QStandardPaths::findExecutable(name) : system;
}

// Sets an environment variable (inherited by the processes started meanwhile)
// until restore() or the end of its scope, then puts back what was there, or
// nothing: a test that fails halfway leaves no variable behind for the next.
class ScopedEnv
{
public:
    ScopedEnv(const char *name, const QByteArray &value)
        : m_name(name)
        , m_had(qEnvironmentVariableIsSet(name))
        , m_old(qgetenv(name))
    {
        qputenv(name, value);
    }
    ~ScopedEnv() { restore(); }
    void restore()
    {
        if (!m_name)
            return;
        if (m_had)
            qputenv(m_name, m_old);
        else
            qunsetenv(m_name);
        m_name = nullptr;
    }
    Q_DISABLE_COPY_MOVE(ScopedEnv)

private:
    const char *m_name;
    bool m_had;
    QByteArray m_old;
};

// The helper's "sharer" mode: a sharer in another process, driven line by line.
class RemoteSharer
{
public:
    bool start()
    {
        m_process.start(qrstest::helperPath(), {QStringLiteral("sharer")});
        return m_process.waitForStarted(10'000) && readLine() == "ready";
    }
    ~RemoteSharer()
    {
        m_process.write("quit\n");
        if (!m_process.waitForFinished(5000))
            m_process.kill();
        m_process.waitForFinished(5000);
    }
    QByteArray command(const QByteArray &line)
    {
        m_process.write(line + '\n');
        return readLine();
    }
    qint64 pid() const { return m_process.processId(); }

private:
    QByteArray readLine()
    {
        QDeadlineTimer deadline(10'000);
        while (!m_process.canReadLine() && !deadline.hasExpired())
            m_process.waitForReadyRead(int(deadline.remainingTime()));
        return m_process.readLine().trimmed();
    }
    QProcess m_process;
};

#ifdef Q_OS_LINUX
// Whether a thread of this process is named `name` (/proc/self/task/*/comm).
inline bool hasThreadNamed(const QByteArray &name)
{
    const QDir tasks(QStringLiteral("/proc/self/task"));
    for (const QString &tid : tasks.entryList(QDir::Dirs | QDir::NoDotAndDotDot)) {
        QFile comm(tasks.filePath(tid + QStringLiteral("/comm")));
        if (comm.open(QIODevice::ReadOnly) && comm.readAll().trimmed() == name)
            return true;
    }
    return false;
}
#endif

// Runs the suite as QTEST_GUILESS_MAIN does. Then, on Linux, waits (at most
// 5 s) until Qt Test's watchdog thread is gone: QThread::wait() returns before
// the thread frees its QThreadData, and LeakSanitizer, which looks at exit,
// reported it as a leak in 3 of 24 runs of tst_notifyplugin (0 of 24 since).
inline int runSuite(QObject *suite, int argc, char *argv[])
{
    const int failures = QTest::qExec(suite, argc, argv);
#ifdef Q_OS_LINUX
    QDeadlineTimer deadline(5000);
    while (hasThreadNamed(QByteArrayLiteral("QtTest Watchdog")) && !deadline.hasExpired())
        QThread::yieldCurrentThread();
#endif
    return failures;
}

} // namespace qrstest

// QTEST_GUILESS_MAIN through qrstest::runSuite().
#define QRS_TEST_MAIN(TestObject) \
    int main(int argc, char *argv[]) \
    { \
        QTest::Internal::callInitMain<TestObject>(); \
        QTEST_QAPP_SETUP(QCoreApplication) \
        TestObject tc; \
        QTEST_SET_MAIN_SOURCE_PATH \
        return qrstest::runSuite(&tc, argc, argv); \
    }
