// Shares a pipe with itself through the installed library and reads through it.
#include <qrs/dupfd.h>

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
    if (fd < 0) {
        std::fprintf(stderr, "%s\n", qPrintable(error));
        return 1;
    }
    char c = 0;
    if (::write(p[1], "!", 1) != 1 || ::read(fd, &c, 1) != 1 || c != '!')
        return 1;
    std::printf("installed package works\n");
    return 0;
}
