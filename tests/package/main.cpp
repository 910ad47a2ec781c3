// SPDX-FileCopyrightText: 2026 QtResourceSharer contributors
//
// SPDX-License-Identifier: BSD-3-Clause

// Uses the installed package: shares a pipe with itself and reads through it,
// then loads the installed supervisor plugin (argv[1]) with QPluginLoader, and
// with a qrs::Supervisor.
#include <qrs/childresources.h>
#include <qrs/dupfd.h>
#include <qrs/supervisor.h>
#include <qrs/supervisorextension.h>

#include <QCoreApplication>
#include <QPluginLoader>

#include <cstdio>
#include <unistd.h>

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    int p[2];
    if (::pipe(p) != 0 || argc < 2)
        return 1;
    qrs::DupFd shared(p[0]);
    QString error;
    const int fd = qrs::DupFd::detach(shared.id(), 5000, &error);
    if (fd < 0) {
        std::fprintf(stderr, "%s\n", qPrintable(error));
        return 1;
    }
    char c = 0;
    if (::write(p[1], "!", 1) != 1 || ::read(fd, &c, 1) != 1 || c != '!')
        return 1;

    QPluginLoader loader(QString::fromLocal8Bit(argv[1]));
    if (!qobject_cast<qrs::SupervisorExtension *>(loader.instance())) {
        std::fprintf(stderr, "the installed plugin: %s\n", qPrintable(loader.errorString()));
        return 1;
    }
    qrs::Supervisor supervisor;
    if (!supervisor.loadExtension(QString::fromLocal8Bit(argv[1]), &error)) {
        std::fprintf(stderr, "qrs::Supervisor: %s\n", qPrintable(error));
        return 1;
    }
    std::printf("installed package works\n");
    return 0;
}
