// SPDX-FileCopyrightText: 2026 QtResourceSharer contributors
//
// SPDX-License-Identifier: BSD-3-Clause

// The sharer on Windows: a named pipe (QLocalServer) whose name carries the
// pid and 64 random bits, resources that are SOCKETs or HANDLEs, addresses
// published in the user's temporary directory (private to the user by its
// ACL). No signals to block, no fork. Compiled here with MinGW-w64 against
// Linux's Qt headers (ctest windows_qt_side_compiles); not run on Windows yet.
#include "sharerplatform_p.h"

#include "handles_win.h"
#include "protocol.h"
#include "text_p.h"

#include <QCoreApplication>
#include <QDir>
#include <QThread>

namespace qrs::sharerplatform {

namespace win = platform::win;

uint effectiveUid()
{
    return 0; // what the courier says of every peer: the pipe admits only this user
}

bool newAddress(const QString &lastAddress, QString *address, QString *directory, QString *)
{
    directory->clear(); // a pipe name is no file
    *address = !lastAddress.isEmpty()
            ? lastAddress
            : QStringLiteral("qrs-%1-%2")
                      .arg(QCoreApplication::applicationPid())
                      .arg(QString::fromLatin1(protocol::Key::generate().toHex().left(16)));
    return true;
}

bool newDoorAddress(QString *, QString *, QString *error)
{
    *error = qrs::tr("sharing with other users is not supported on Windows");
    return false;
}

QString publicationDirectory()
{
    return QDir::tempPath() + QStringLiteral("/qrs-sharers");
}

bool ensurePrivateDirectory(const QString &path, QString *error)
{
    // Under the user's temporary directory, which only the user may open.
    if (QDir().mkpath(path))
        return true;
    *error = qrs::tr("cannot create %1").arg(path);
    return false;
}

bool isListening(const QString &address)
{
    return !address.isEmpty(); // the pid is alive; a pipe name is no file to look at
}

void startWithSignalsBlocked(QThread *thread)
{
    thread->start();
}

void installForkHandlers(void (*)(), void (*)(), void (*)()) { }

// Windows joins its threads' clean-up into the wait: nothing to add.
void ThreadGone::arm(const std::shared_ptr<ThreadGone> &gone)
{
    gone->release();
}

} // namespace qrs::sharerplatform
