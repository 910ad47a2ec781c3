// SPDX-FileCopyrightText: 2026 QtResourceSharer contributors
//
// SPDX-License-Identifier: BSD-3-Clause

// systemd-socket-activate, the original, for the tests that compare with it.
#pragma once

#include "testutil.h"

#include <QTcpServer>
#include <QTcpSocket>

namespace qrstest {

// A TCP port on 127.0.0.1 that was free a moment ago (systemd-socket-activate
// takes no port 0).
inline quint16 freePort()
{
    QTcpServer free;
    return free.listen(QHostAddress::LocalHost) ? free.serverPort() : 0;
}

// Runs systemd-socket-activate ARGS in *reference, waits until it listens on
// its `sockets` sockets (its "... as N." lines on stderr), then connects to
// triggerPort: it starts its program on the first connection. False, with what
// it said in *said, if it did not get that far.
inline bool socketActivate(QProcess *reference, const QStringList &args, int sockets,
                           quint16 triggerPort, QByteArray *said)
{
    const QString activate = referenceProgram(QStringLiteral("systemd-socket-activate"));
    if (activate.isEmpty()) {
        *said = "systemd-socket-activate is not installed (package systemd)";
        return false;
    }
    reference->start(activate, args);
    reference->setReadChannel(QProcess::StandardError);
    const QByteArray last = " as " + QByteArray::number(2 + sockets) + '.';
    while (!said->contains(last) && reference->waitForReadyRead(10'000))
        *said += reference->readAllStandardError();
    if (!said->contains(last))
        return false;
    QTcpSocket trigger;
    trigger.connectToHost(QHostAddress::LocalHost, triggerPort);
    const bool connected = trigger.waitForConnected(10'000);
    reference->setReadChannel(QProcess::StandardOutput);
    return connected && reference->waitForFinished(20'000);
}

} // namespace qrstest
