// SPDX-FileCopyrightText: 2026 QtResourceSharer contributors
//
// SPDX-License-Identifier: BSD-3-Clause

// qrs::ServiceNotifier against a test-owned notification socket standing in
// for the service manager: what arrives, byte for byte, and every way a send
// can fail.
#include "testutil.h"

#include <qrs/servicenotifier.h>

#include <QTemporaryDir>

#include <ctime>
#include <poll.h>
#include <sys/socket.h>
#include <sys/un.h>

using namespace std::chrono_literals;

namespace {

// The manager's end: a datagram socket at a path (or an abstract name).
class Manager
{
public:
    explicit Manager(const QByteArray &path)
        : m_fd(qrs::platform::bindNotifySocket(path.toStdString()))
    { }
    ~Manager() { qrs::platform::closeFd(m_fd); }
    bool isValid() const { return m_fd >= 0; }

    // The next datagram, or "(none)" once 5 s have passed.
    QByteArray next()
    {
        char buffer[8192];
        QDeadlineTimer deadline(5000);
        while (!deadline.hasExpired()) {
            const qrs::platform::Datagram d =
                    qrs::platform::receiveDatagram(m_fd, buffer, sizeof(buffer));
            if (d.bytes >= 0) {
                lastSender = d.sender;
                return QByteArray(buffer, int(d.bytes));
            }
            struct pollfd p = {m_fd, POLLIN, 0};
            ::poll(&p, 1, int(deadline.remainingTime()));
        }
        return "(none)";
    }

    qrs::platform::PeerCredentials lastSender;

private:
    int m_fd;
};

} // namespace

class tst_ServiceNotifier : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init()
    {
        qunsetenv("NOTIFY_SOCKET");
        qunsetenv("WATCHDOG_USEC");
        qunsetenv("WATCHDOG_PID");
    }

    void everyMessageAsSdNotifySendsIt()
    {
        QTemporaryDir dir;
        const QByteArray path = QFile::encodeName(dir.filePath(QStringLiteral("notify")));
        Manager manager(path);
        QVERIFY(manager.isValid());
        qputenv("NOTIFY_SOCKET", path);
        qrs::ServiceNotifier notifier;
        QVERIFY(notifier.isEnabled());
        QCOMPARE(notifier.socketAddress(), QFile::decodeName(path));

        QString error;
        QVERIFY2(notifier.notifyReady(&error), qPrintable(error));
        QCOMPARE(manager.next(), QByteArray("READY=1"));
        QCOMPARE(manager.lastSender.pid, qint64(::getpid()));
        QCOMPARE(manager.lastSender.uid, uint(::geteuid()));
        QVERIFY(notifier.notifyStatus(QStringLiteral("2 of 3 ready\nnot a key=value"), &error));
        QCOMPARE(manager.next(), QByteArray("STATUS=2 of 3 ready not a key=value"));
        QVERIFY(notifier.notifyStatus(QStringLiteral("grün"), &error));
        QCOMPARE(manager.next(), QByteArray("STATUS=gr\xc3\xbcn"));
        QVERIFY(notifier.notifyStopping(&error));
        QCOMPARE(manager.next(), QByteArray("STOPPING=1"));
        QVERIFY(notifier.notifyWatchdog(&error));
        QCOMPARE(manager.next(), QByteArray("WATCHDOG=1"));
        QVERIFY(notifier.notifyMainPid(4242, &error));
        QCOMPARE(manager.next(), QByteArray("MAINPID=4242"));

        // RELOADING=1 carries the monotonic clock of the moment, in µs.
        struct timespec before = {};
        ::clock_gettime(CLOCK_MONOTONIC, &before);
        QVERIFY(notifier.notifyReloading(&error));
        const QByteArray reloading = manager.next();
        QVERIFY2(reloading.startsWith("RELOADING=1\nMONOTONIC_USEC="), reloading.constData());
        const qint64 usec = reloading.mid(reloading.indexOf('=', 12) + 1).toLongLong();
        const qint64 beforeUsec = qint64(before.tv_sec) * 1000000 + before.tv_nsec / 1000;
        QVERIFY(usec >= beforeUsec);
        QVERIFY(usec < beforeUsec + 60'000'000);

        QVERIFY(notifier.notify("READY=1\nSTATUS=raw", &error));
        QCOMPARE(manager.next(), QByteArray("READY=1\nSTATUS=raw"));
    }

    void abstractAddress()
    {
        const QByteArray name = "qrs-test-notify-" + QByteArray::number(::getpid());
        Manager manager('\0' + name);
        QVERIFY(manager.isValid());
        qrs::ServiceNotifier notifier(QLatin1Char('@') + QString::fromLatin1(name));
        QString error;
        QVERIFY2(notifier.notifyReady(&error), qPrintable(error));
        QCOMPARE(manager.next(), QByteArray("READY=1"));
    }

    // Without NOTIFY_SOCKET there is nobody to tell: nothing is sent, nothing fails.
    void withoutAManagerNothingHappens()
    {
        qrs::ServiceNotifier notifier;
        QVERIFY(!notifier.isEnabled());
        QString error;
        QVERIFY(notifier.notifyReady(&error));
        QVERIFY(notifier.notifyStatus(QStringLiteral("x"), &error));
        QVERIFY(error.isEmpty());
        QCOMPARE(notifier.watchdogInterval(), 0us);
    }

    void failures_data()
    {
        QTest::addColumn<QString>("address");
        QTest::addColumn<QByteArray>("state");
        QTest::addColumn<qrs::Error>("expected");
        QTest::newRow("relative path") << QStringLiteral("notify.sock") << QByteArray("READY=1")
                                       << qrs::Error::InvalidArgument;
        QTest::newRow("too long") << QLatin1Char('/') + QString(200, QLatin1Char('x'))
                                  << QByteArray("READY=1") << qrs::Error::InvalidArgument;
        QTest::newRow("nobody listening") << QStringLiteral("/nonexistent/qrs-notify")
                                          << QByteArray("READY=1") << qrs::Error::SharerUnreachable;
        QTest::newRow("oversized")
                << QStringLiteral("/nonexistent/qrs-notify")
                << QByteArray("STATUS=") + QByteArray(5000, 'x') << qrs::Error::TooLarge;
    }
    void failures()
    {
        QFETCH(QString, address);
        QFETCH(QByteArray, state);
        QFETCH(qrs::Error, expected);
        qrs::ServiceNotifier notifier(address);
        QString error;
        qrs::Error code = qrs::Error::NoError;
        QVERIFY(!notifier.notify(state, &code, &error));
        QCOMPARE(code, expected);
        QVERIFY(!error.isEmpty());
        // The two-argument form says the same sentence.
        QString again;
        QVERIFY(!notifier.notify(state, &again));
        QCOMPARE(again, error);
    }

    void storeDescriptorRefusals()
    {
        qrs::Error code = qrs::Error::NoError;
        QVERIFY(!qrs::ServiceNotifier(QStringLiteral("/nonexistent/qrs-notify"))
                         .storeDescriptor(0, QStringLiteral("bad:name"), &code, nullptr));
        QCOMPARE(code, qrs::Error::InvalidArgument);
        QVERIFY(!qrs::ServiceNotifier(QString()).storeDescriptor(0, QStringLiteral("ok"), &code,
                                                                 nullptr));
        QCOMPARE(code, qrs::Error::SharerUnreachable);
    }

    // As sd_watchdog_enabled(): WATCHDOG_PID, when set, must name this process.
    void watchdogInterval_data()
    {
        QTest::addColumn<QByteArray>("usec");
        QTest::addColumn<QByteArray>("pid");
        QTest::addColumn<qint64>("expected");
        const QByteArray self = QByteArray::number(qint64(::getpid()));
        QTest::newRow("for this process") << QByteArray("2500000") << self << qint64(2'500'000);
        QTest::newRow("no pid named") << QByteArray("100000") << QByteArray() << qint64(100'000);
        QTest::newRow("for another process")
                << QByteArray("100000") << QByteArray("1") << qint64(0);
        QTest::newRow("not a number") << QByteArray("soon") << self << qint64(0);
        QTest::newRow("zero") << QByteArray("0") << self << qint64(0);
    }
    void watchdogInterval()
    {
        QFETCH(QByteArray, usec);
        QFETCH(QByteArray, pid);
        QFETCH(qint64, expected);
        qputenv("WATCHDOG_USEC", usec);
        if (!pid.isEmpty())
            qputenv("WATCHDOG_PID", pid);
        QCOMPARE(qrs::ServiceNotifier().watchdogInterval(), std::chrono::microseconds(expected));
    }
};

QRS_TEST_MAIN(tst_ServiceNotifier)
#include "tst_servicenotifier.moc"
