// Shared by the tests: the helper process and the open-descriptor count.
#pragma once

#include "platform/fdpassing.h"

#include <QDeadlineTimer>
#include <QProcess>
#include <QString>
#include <QtTest>

namespace qrstest {

// The helper process, chosen by QRS_TEST_HELPER (set by ctest).
inline QString helperPath()
{
    const QString fromEnv = qEnvironmentVariable("QRS_TEST_HELPER");
    return fromEnv.isEmpty() ? QStringLiteral(QRS_TEST_HELPER_PATH) : fromEnv;
}

inline int openFds()
{
    return qrs::platform::openFdCount();
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

} // namespace qrstest
