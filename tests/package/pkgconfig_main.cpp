// SPDX-FileCopyrightText: 2026 QtResourceSharer contributors
//
// SPDX-License-Identifier: BSD-3-Clause

// Built without CMake, from pkg-config's flags alone (tests/package/run.cmake):
// shares a pipe with itself through the installed library, reads through it,
// and constructs a qrs::Supervisor.
#include <qrs/dupfd.h>
#include <qrs/supervisor.h>
#include <qrs/version.h>

#include <QCoreApplication>

#include <cstdio>
#include <unistd.h>

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    int p[2];
    if (::pipe(p) != 0)
        return 1;
    qrs::DupFd shared(p[0]);
    QString error;
    const int fd = qrs::DupFd::detach(shared.id(), 5000, &error);
    char c = 0;
    if (fd < 0 || ::write(p[1], "!", 1) != 1 || ::read(fd, &c, 1) != 1 || c != '!') {
        std::fprintf(stderr, "%s\n", qPrintable(error));
        return 1;
    }
    qrs::Supervisor supervisor;
    supervisor.setWorkerCount(2);
    std::printf("built with pkg-config against QtResourceSharer %s: works (%d workers)\n",
                QRS_VERSION_STR, supervisor.workerCount());
    return 0;
}
