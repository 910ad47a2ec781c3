// SPDX-FileCopyrightText: 2026 QtResourceSharer contributors
//
// SPDX-License-Identifier: BSD-3-Clause

// qrs-share [--ttl MS] [--json] [--allow-user U]... [--allow-group G]... [NAME=]SPEC...
// Registers resources with this process's sharer, prints one identifier per
// line, and serves until every one has been taken (exit 0), until the TTL
// passes (exit 3) or until SIGTERM/SIGINT (exit 0). A bad SPEC: exit 2.
// On Windows fd:N names a handle, and there is no unix-listen.
#include "common/filehandle_p.h"
#include "fdpassing.h"
#include "launch/listensocket_p.h"
#include "toolcommon.h"
#ifndef Q_OS_WIN
#include "users.h"
#endif

#include <qrs/resourcesharer.h>

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFile>
#include <QHostAddress>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMetaEnum>
#include <QRegularExpression>

#include <csignal>
#include <cstdio>
#ifdef Q_OS_WIN
#include <winsock2.h> // SOMAXCONN
#else
#include <fcntl.h>
#include <sys/socket.h>
#include <unistd.h>
#endif

namespace {

using qrs::tools::printError;

// The translation context of this tool's messages.
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(qrs_share)
};

struct Spec
{
    QString name;
    qrs::NativeHandle fd = -1; // owned; handed to the sharer
};

qrs::NativeHandle openTcpListener(const QString &hostPort, QString *error)
{
    QHostAddress address;
    quint16 port = 0;
    if (!qrs::parseHostPort(hostPort, QStringLiteral("tcp-listen:HOST:PORT"), &address, &port,
                            error))
        return -1;
    quint16 bound = 0;
    return qrs::listenTcp(address, port, SOMAXCONN, &bound, error);
}

// The file at path, read-write if it may be written, else read-only.
qrs::NativeHandle openFile(const QString &path, QString *error)
{
#ifdef Q_OS_WIN
    QFile file(path);
    if (!file.open(QIODevice::ReadWrite | QIODevice::ExistingOnly)
        && !file.open(QIODevice::ReadOnly)) {
        *error = Text::tr("cannot open %1: %2").arg(path, file.errorString());
        return -1;
    }
    // QFile closes its own handle: the sharer gets a duplicate.
    return qrs::ResourceSharer::duplicate(qrs::nativeHandleOf(file));
#else
    const QByteArray name = QFile::encodeName(path);
    int fd = ::open(name.constData(), O_RDWR | O_CLOEXEC);
    if (fd < 0 && (errno == EACCES || errno == EROFS || errno == EISDIR))
        fd = ::open(name.constData(), O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        *error = Text::tr("cannot open %1: %2").arg(path, qrs::tools::systemErrorText(errno));
    return fd;
#endif
}

bool parseSpec(const QString &text, Spec *spec, QString *error)
{
    static const QRegularExpression named(QStringLiteral("^([A-Za-z0-9_.-]{1,64})=(.*)$"));
    QString rest = text;
    const QRegularExpressionMatch m = named.match(text);
    if (m.hasMatch()) {
        spec->name = m.captured(1);
        rest = m.captured(2);
    }
    const qsizetype colon = rest.indexOf(QLatin1Char(':'));
    const QString kind = rest.left(colon);
    const QString arg = colon < 0 ? QString() : rest.mid(colon + 1);
    if (colon < 0 || arg.isEmpty()) {
        *error = Text::tr("bad SPEC \"%1\": expected file:PATH, tcp-listen:HOST:PORT, "
                          "unix-listen:PATH or fd:N")
                         .arg(text);
        return false;
    }
    if (kind == QLatin1String("file")) {
        spec->fd = openFile(arg, error);
    } else if (kind == QLatin1String("tcp-listen")) {
        spec->fd = openTcpListener(arg, error);
    } else if (kind == QLatin1String("unix-listen")) {
#ifdef Q_OS_WIN
        *error = Text::tr("unix-listen is not available on Windows");
#else
        spec->fd = qrs::platform::listenUnix(QFile::encodeName(arg).toStdString(), SOMAXCONN);
        if (spec->fd < 0)
            *error = Text::tr("cannot listen on %1: %2")
                             .arg(arg, qrs::tools::systemErrorText(errno));
#endif
    } else if (kind == QLatin1String("fd")) {
        bool ok = false;
        const qint64 number = arg.toLongLong(&ok);
        const auto n = qrs::NativeHandle(number);
        spec->fd = ok && number >= 0 && n == number ? qrs::ResourceSharer::duplicate(n) : -1;
        if (spec->fd < 0)
            *error = ok ? Text::tr("descriptor %1 is not open").arg(arg)
                        : Text::tr("\"%1\" is not a descriptor number").arg(arg);
    } else {
        *error = Text::tr("unknown SPEC kind \"%1\" in \"%2\": expected file, tcp-listen, "
                          "unix-listen or fd")
                         .arg(kind, text);
        return false;
    }
    if (spec->fd < 0)
        error->prepend(Text::tr("bad SPEC \"%1\": ").arg(text));
    return spec->fd >= 0;
}

#ifndef Q_OS_WIN
// The uids or gids the option names, each a name or a number; false after
// saying why (an empty or unknown name).
bool idsOf(const QCommandLineParser &parser, const QCommandLineOption &option, bool groups,
           QList<uint> *ids)
{
    for (const QString &value : parser.values(option)) {
        std::string why;
        const std::string name = value.toStdString();
        uid_t uid = 0;
        gid_t gid = 0;
        if (groups ? !qrs::platform::lookupGid(name, &gid, &why)
                   : !qrs::platform::lookupUid(name, &uid, &why)) {
            printError(
                    Text::tr("--%1 %2: %3")
                            .arg(option.names().constFirst(), value, QString::fromStdString(why)));
            return false;
        }
        ids->append(groups ? uint(gid) : uint(uid));
    }
    return true;
}
#endif

QByteArray jsonLine(const qrs::ResourceInfo &info)
{
    QJsonObject o{
            {QStringLiteral("id"), info.id.toString()},
            {QStringLiteral("address"), info.id.address()},
            {QStringLiteral("kind"),
             QString::fromLatin1(
                     QMetaEnum::fromType<qrs::ResourceKind>().valueToKey(int(info.kind)))
                     .toLower()},
            {QStringLiteral("description"), info.description},
            {QStringLiteral("name"), info.name},
            {QStringLiteral("pid"), info.registeringPid},
    };
    if (!info.path.isEmpty())
        o.insert(QStringLiteral("path"), info.path);
    if (info.localPort >= 0)
        o.insert(QStringLiteral("port"), info.localPort);
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    qrs::tools::setUpTool(
            &parser, QStringLiteral("qrs-share"),
            Text::tr(
                    "Shares resources with other processes and prints one identifier per line.\n"
                    "SPEC: file:PATH, tcp-listen:HOST:PORT (port 0: any), unix-listen:PATH, fd:N,\n"
                    "each optionally prefixed with NAME= (the name shows in LISTEN_FDNAMES).\n"
                    "Exits 0 once every resource is taken, 3 if the TTL passes first, 2 on bad "
                    "input."));
    const QCommandLineOption ttlOption(
            QStringLiteral("ttl"), Text::tr("Withdraw resources not taken within MS milliseconds."),
            QStringLiteral("MS"));
    const QCommandLineOption jsonOption(QStringLiteral("json"),
                                        Text::tr("Print one JSON object per resource."));
    parser.addOption(ttlOption);
    parser.addOption(jsonOption);
#ifndef Q_OS_WIN
    const QCommandLineOption allowUserOption(
            QStringLiteral("allow-user"),
            Text::tr("Let USER (a name or a uid) take the resources too; repeatable. Without "
                     "it, only this user may take them."),
            QStringLiteral("USER"));
    const QCommandLineOption allowGroupOption(
            QStringLiteral("allow-group"),
            Text::tr("Let the members of GROUP (a name or a gid) take the resources too; "
                     "repeatable."),
            QStringLiteral("GROUP"));
    parser.addOption(allowUserOption);
    parser.addOption(allowGroupOption);
#endif
    parser.addPositionalArgument(QStringLiteral("SPEC"), Text::tr("A resource to share."),
                                 QStringLiteral("SPEC..."));
    if (!qrs::tools::parseCommandLine(parser, app.arguments()))
        return 2;

    const qint64 ttl =
            parser.isSet(ttlOption) ? qrs::tools::positiveMilliseconds(parser, ttlOption) : 0;
    if (ttl < 0)
        return 2;
    qrs::RegisterOptions options;
    options.ttlMs = ttl;
#ifndef Q_OS_WIN
    if (!idsOf(parser, allowUserOption, false, &options.allowedUids)
        || !idsOf(parser, allowGroupOption, true, &options.allowedGids))
        return 2;
#endif
    const QStringList specTexts = parser.positionalArguments();
    if (specTexts.isEmpty()) {
        printError(Text::tr("nothing to share: give at least one SPEC (see --help)"));
        return 2;
    }

    // Open everything before registering anything: a bad SPEC shares nothing.
    QList<Spec> specs;
    for (const QString &text : specTexts) {
        Spec spec;
        QString error;
        if (!parseSpec(text, &spec, &error)) {
            printError(error);
            for (const Spec &s : std::as_const(specs))
                qrs::platform::closeHandle(s.fd);
            return 2;
        }
        specs.append(spec);
    }

    qrs::ResourceSharer *sharer = qrs::ResourceSharer::instance();
    QHash<qrs::ResourceId, qrs::ResourceInfo> pending;
    QList<qrs::ResourceInfo> expired;
    const auto settle = [&](const qrs::ResourceInfo &info, bool wasTaken) {
        if (!pending.remove(info.id))
            return;
        if (!wasTaken)
            expired.append(info);
        if (!pending.isEmpty())
            return;
        for (const qrs::ResourceInfo &e : std::as_const(expired))
            printError(Text::tr("not taken before the TTL passed: %1 (%2)")
                               .arg(e.description, e.id.toString()));
        app.exit(expired.isEmpty() ? 0 : 3);
    };
    QObject::connect(sharer, &qrs::ResourceSharer::resourceTransferred, &app,
                     [&](const qrs::ResourceInfo &info, qint64 pid) {
                         qInfo("%s taken by pid %lld", qPrintable(info.description), pid);
                         settle(info, true);
                     });
    QObject::connect(sharer, &qrs::ResourceSharer::resourceExpired, &app,
                     [&](const qrs::ResourceInfo &info) { settle(info, false); });

    QList<qrs::ResourceId> order;
    for (const Spec &spec : std::as_const(specs)) {
        QString error;
        qrs::Error code = qrs::Error::NoError;
        options.name = spec.name;
        const qrs::ResourceId id = sharer->registerResource(spec.fd, options, &code, &error);
        if (!id.isValid()) {
            printError(error);
            // A name too long or a descriptor that will not do: bad usage.
            return code == qrs::Error::InvalidArgument || code == qrs::Error::TooLarge ? 2 : 1;
        }
        order.append(id);
    }
    // Metadata as the sharer recorded it, printed in the order of the SPECs.
    QHash<qrs::ResourceId, qrs::ResourceInfo> recorded;
    for (const qrs::ResourceInfo &info : sharer->snapshot())
        recorded.insert(info.id, info);
    for (const qrs::ResourceId &id : std::as_const(order)) {
        const qrs::ResourceInfo info = recorded.value(id);
        pending.insert(id, info);
        const QByteArray line =
                parser.isSet(jsonOption) ? jsonLine(info) : id.toString().toLatin1();
        std::fprintf(stdout, "%s\n", line.constData());
    }
    std::fflush(stdout);

    qrs::tools::SignalWatcher watcher({SIGTERM, SIGINT});
    QObject::connect(&watcher, &qrs::tools::SignalWatcher::signalReceived, &app, [&](int s) {
        qInfo("signal %d: stopping; %lld resources were not taken", s, qint64(pending.size()));
        app.exit(0);
    });
    const int code = app.exec();
    sharer->stop(2000);
    return code;
}
