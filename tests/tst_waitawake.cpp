// SPDX-FileCopyrightText: 2026 QtResourceSharer contributors
//
// SPDX-License-Identifier: BSD-3-Clause

// Waiting awake (common/spin_p.h, platform::pollAwake): how the budget is
// chosen, what the poll reports, and handoffs with waiting awake turned off on
// both ends and with no deadline at all.
#include "common/spin_p.h"
#include "testutil.h"

#include <qrs/dupfd.h>
#include <qrs/resourcesharer.h>

#include <QProcess>
#include <QTest>

#include <fcntl.h>
#include <poll.h>
#include <sched.h>
#include <unistd.h>

#include <thread>

class tst_WaitAwake : public QObject
{
    Q_OBJECT

private:
    static constexpr const char *Variable = "QRS_TEST_SPIN_US";

    struct Pipe
    {
        int r = -1;
        int w = -1;
        Pipe()
        {
            int p[2];
            if (::pipe2(p, O_CLOEXEC) == 0) {
                r = p[0];
                w = p[1];
            }
        }
        ~Pipe()
        {
            qrs::platform::closeFd(r);
            qrs::platform::closeFd(w);
        }
    };

private Q_SLOTS:
    void initTestCase()
    {
        // This process's sharer never waits awake: the handoffs below then run
        // with it off on both ends (the other tests run with the defaults).
        qputenv("QRS_SHARER_SPIN_US", "0");
    }

    void budget_data()
    {
        QTest::addColumn<QByteArray>("value"); // empty: unset
        QTest::addColumn<int>("expected");
        QTest::newRow("unset: the default") << QByteArray() << 50;
        QTest::newRow("set") << QByteArray("75") << 75;
        QTest::newRow("zero turns it off") << QByteArray("0") << 0;
        QTest::newRow("negative: off") << QByteArray("-5") << 0;
        QTest::newRow("capped") << QByteArray("99999999") << qrs::MaxSpinUs;
        QTest::newRow("not a number: the default") << QByteArray("soon") << 50;
    }

    void budget()
    {
        if (qrs::platform::usableCpuCount() < 2)
            QSKIP("this process may use one CPU only: the budget is always 0 here");
        QFETCH(QByteArray, value);
        QFETCH(int, expected);
        if (value.isNull())
            qunsetenv(Variable);
        else
            qputenv(Variable, value);
        QCOMPARE(qrs::spinBudgetUs(Variable, 50), expected);
        qunsetenv(Variable);
    }

    void noBudgetOnOneCpu()
    {
        cpu_set_t saved;
        QCOMPARE(::sched_getaffinity(0, sizeof(saved), &saved), 0);
        int first = 0;
        while (!CPU_ISSET(first, &saved))
            ++first;
        cpu_set_t one;
        CPU_ZERO(&one);
        CPU_SET(first, &one);
        QCOMPARE(::sched_setaffinity(0, sizeof(one), &one), 0);
        qputenv(Variable, "80");
        const int cpus = qrs::platform::usableCpuCount();
        const int budget = qrs::spinBudgetUs(Variable, 50);
        qunsetenv(Variable);
        QCOMPARE(::sched_setaffinity(0, sizeof(saved), &saved), 0);
        QCOMPARE(cpus, 1);
        QCOMPARE(budget, 0); // even when asked for
    }

    void readyAtOnce()
    {
        Pipe p;
        QCOMPARE(::write(p.w, "x", 1), 1);
        struct pollfd fd = {p.r, POLLIN, 0};
        QVERIFY(qrs::platform::pollAwake(&fd, 1, 1'000'000));
        QVERIFY(fd.revents & POLLIN);
    }

    void hangUpEndsTheWait()
    {
        Pipe p;
        qrs::platform::closeFd(std::exchange(p.w, -1));
        struct pollfd fd = {p.r, POLLIN, 0};
        QVERIFY(qrs::platform::pollAwake(&fd, 1, 60'000'000'000));
        QVERIFY(fd.revents & POLLHUP);
    }

    void closedDescriptorEndsTheWait()
    {
        // A high number, which the kernel does not hand out again at once.
        Pipe p;
        const int closed = ::fcntl(p.r, F_DUPFD_CLOEXEC, 900);
        QVERIFY(closed >= 900);
        qrs::platform::closeFd(closed);
        struct pollfd fd = {closed, POLLIN, 0};
        QVERIFY(qrs::platform::pollAwake(&fd, 1, 60'000'000'000));
        QVERIFY(fd.revents & POLLNVAL);
    }

    void nothingWithinTheBudget()
    {
        Pipe p;
        struct pollfd fds[2] = {{p.r, POLLIN, 0}, {p.r, POLLIN, 0}};
        QVERIFY(!qrs::platform::pollAwake(fds, 2, 2'000'000));
        QCOMPARE(fds[0].revents, short(0));
        QCOMPARE(fds[1].revents, short(0));
    }

    void readyWhileWaiting()
    {
        Pipe p;
        struct pollfd fd = {p.r, POLLIN, 0};
        std::thread writer([w = p.w] { (void)::write(w, "x", 1); });
        // A minute is only the limit: it returns as soon as the byte is there.
        const bool ready = qrs::platform::pollAwake(&fd, 1, 60'000'000'000);
        writer.join();
        QVERIFY(ready);
        QVERIFY(fd.revents & POLLIN);
    }

    // Neither end waits awake: the helper is told so, and so is this sharer.
    void handoffWithWaitingAwakeOff()
    {
        Pipe p;
        qrs::DupFd shared(p.w);
        QVERIFY2(shared.isValid(), qPrintable(shared.errorString()));
        QProcess helper;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("QRS_RECEIVE_SPIN_US"), QStringLiteral("0"));
        helper.setProcessEnvironment(env);
        helper.start(qrstest::helperPath(),
                     {QStringLiteral("detach"), shared.id().toString(), QStringLiteral("--write"),
                      QStringLiteral("hello")});
        QVERIFY(helper.waitForStarted(20'000));
        const qint64 pid = helper.processId();
        QVERIFY(helper.waitForFinished(20'000));
        QVERIFY2(helper.exitCode() == 0, helper.readAllStandardError().constData());
        char buf[8] = {};
        QCOMPARE(::read(p.r, buf, sizeof(buf)), ssize_t(5));
        QCOMPARE(QByteArray(buf), QByteArray("hello"));
        QTRY_COMPARE(shared.detachedBy(), pid);
    }

    // No deadline: the receiver still waits awake first, then sleeps in poll.
    void handoffWithoutDeadline()
    {
        Pipe p;
        qrs::DupFd shared(p.r);
        QVERIFY2(shared.isValid(), qPrintable(shared.errorString()));
        QString error;
        const int fd = qrs::DupFd::detach(shared.id(), -1, &error);
        QVERIFY2(fd >= 0, qPrintable(error));
        QCOMPARE(::write(p.w, "y", 1), 1);
        char c = 0;
        QCOMPARE(::read(fd, &c, 1), ssize_t(1));
        QCOMPARE(c, 'y');
        ::close(fd);
    }
};

QRS_TEST_MAIN(tst_WaitAwake)
#include "tst_waitawake.moc"
