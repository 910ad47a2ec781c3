// SPDX-FileCopyrightText: 2026 QtResourceSharer contributors
//
// SPDX-License-Identifier: BSD-3-Clause

// DupFd on Windows, built for Windows and run under Wine: a file and the read
// end of a pipe, shared by this process as HANDLEs and taken by another one
// (this program again, started with QProcess), which reads them. Handles that
// are not sockets travel by DuplicateHandle into the receiver.

#include <qrs/dupfd.h>
#include <qrs/resourcesharer.h>

#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

// clang-format off
#include <windows.h>
#include <fcntl.h>
#include <io.h>
// clang-format on

namespace {

// The child: takes the resource and prints what it reads from it.
int takeAndRead(const QString &token)
{
    qrs::Error code = qrs::Error::NoError;
    QString why;
    const qrs::NativeHandle handle =
            qrs::DupFd::detach(qrs::ResourceId::fromString(token), 10'000, &code, &why);
    if (handle < 0) {
        std::fprintf(stderr, "detach failed: %s\n", qPrintable(why));
        return 2;
    }
    char buffer[256] = {};
    DWORD read = 0;
    if (!::ReadFile(reinterpret_cast<HANDLE>(handle), buffer, sizeof(buffer) - 1, &read, nullptr))
        return 3;
    ::CloseHandle(reinterpret_cast<HANDLE>(handle));
    std::fwrite(buffer, 1, read, stdout);
    std::fflush(stdout);
    return 0;
}

// Starts this program to take id, and returns what it printed.
QByteArray takeInChild(const qrs::ResourceId &id, qint64 *pid, int *exitCode)
{
    QProcess child;
    child.setProcessChannelMode(QProcess::SeparateChannels);
    child.start(QCoreApplication::applicationFilePath(), {QStringLiteral("--take"), id.toString()});
    if (!child.waitForStarted(10'000))
        return {};
    *pid = child.processId();
    child.waitForFinished(20'000);
    *exitCode = child.exitCode();
    return child.readAllStandardOutput();
}

} // namespace

class tst_DupFdWin : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void aFileIsReadInAnotherProcess()
    {
        QTemporaryDir dir;
        QFile file(dir.filePath(QStringLiteral("shared.txt")));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("the file's content");
        file.close();
        QVERIFY(file.open(QIODevice::ReadOnly));
        const HANDLE handle = reinterpret_cast<HANDLE>(::_get_osfhandle(file.handle()));
        QVERIFY(handle != INVALID_HANDLE_VALUE);

        qrs::DupFd shared(qrs::NativeHandle(handle), {QStringLiteral("config"), 0});
        QVERIFY2(shared.isValid(), qPrintable(shared.errorString()));
        const QList<qrs::ResourceInfo> cached = qrs::ResourceSharer::instance()->snapshot();
        QCOMPARE(cached.size(), 1);
        QCOMPARE(cached.first().kind, qrs::ResourceKind::File);

        qint64 pid = 0;
        int exitCode = -1;
        QCOMPARE(takeInChild(shared.id(), &pid, &exitCode), QByteArray("the file's content"));
        QCOMPARE(exitCode, 0);
        QTRY_COMPARE(shared.detachedBy(), pid);
        file.close();
    }

    void aPipeIsReadInAnotherProcess()
    {
        HANDLE readEnd = nullptr;
        HANDLE writeEnd = nullptr;
        QVERIFY(::CreatePipe(&readEnd, &writeEnd, nullptr, 0));
        qrs::DupFd shared(qrs::NativeHandle(readEnd), {QStringLiteral("log"), 0});
        ::CloseHandle(readEnd); // the sharer keeps its own duplicate
        QVERIFY2(shared.isValid(), qPrintable(shared.errorString()));

        const QByteArray text("through the pipe");
        DWORD written = 0;
        QVERIFY(::WriteFile(writeEnd, text.constData(), DWORD(text.size()), &written, nullptr));
        ::CloseHandle(writeEnd);

        qint64 pid = 0;
        int exitCode = -1;
        QCOMPARE(takeInChild(shared.id(), &pid, &exitCode), text);
        QCOMPARE(exitCode, 0);

        // Taken once: the second receiver is told so, as a code.
        qrs::Error code = qrs::Error::NoError;
        QCOMPARE(qrs::DupFd::detach(shared.id(), 5000, &code, nullptr), qrs::NativeHandle(-1));
        QCOMPARE(code, qrs::Error::AlreadyTaken);
    }

    void aRevokedResourceIsRefused()
    {
        HANDLE readEnd = nullptr;
        HANDLE writeEnd = nullptr;
        QVERIFY(::CreatePipe(&readEnd, &writeEnd, nullptr, 0));
        qrs::DupFd shared{qrs::NativeHandle(readEnd)};
        ::CloseHandle(readEnd);
        ::CloseHandle(writeEnd);
        QVERIFY(shared.revoke());
        qint64 pid = 0;
        int exitCode = -1;
        QVERIFY(takeInChild(shared.id(), &pid, &exitCode).isEmpty());
        QCOMPARE(exitCode, 2);
        qrs::Error code = qrs::Error::NoError;
        QCOMPARE(qrs::DupFd::detach(shared.id(), 5000, &code, nullptr), qrs::NativeHandle(-1));
        QCOMPARE(code, qrs::Error::Revoked);
    }
};

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    if (argc == 3 && qstrcmp(argv[1], "--take") == 0)
        return takeAndRead(QString::fromLocal8Bit(argv[2]));
    tst_DupFdWin test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_dupfd_win.moc"
