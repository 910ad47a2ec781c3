// SPDX-FileCopyrightText: 2026 QtResourceSharer contributors
//
// SPDX-License-Identifier: BSD-3-Clause

// The JSON form of a supervisor's status, written and read here only.

#include <qrs/supervisorstatus.h>

#include <QJsonArray>

namespace qrs {

namespace {

QString text(const QJsonObject &o, const char *key)
{
    return o.value(QLatin1String(key)).toString();
}

qint64 number(const QJsonObject &o, const char *key, qint64 otherwise = 0)
{
    return o.value(QLatin1String(key)).toInteger(otherwise);
}

bool flag(const QJsonObject &o, const char *key)
{
    return o.value(QLatin1String(key)).toBool();
}

QList<SupervisedWorker> workersFrom(const QJsonValue &array)
{
    QList<SupervisedWorker> out;
    for (const QJsonValue &v : array.toArray())
        out.append(SupervisedWorker::fromJson(v.toObject()));
    return out;
}

QJsonArray toArray(const QList<SupervisedWorker> &workers, bool ended)
{
    QJsonArray out;
    for (const SupervisedWorker &w : workers) {
        QJsonObject o = w.toJson();
        if (!ended) {
            o.remove(QStringLiteral("ended"));
            o.remove(QStringLiteral("how"));
            o.remove(QStringLiteral("unexpected"));
        }
        out.append(o);
    }
    return out;
}

} // namespace

QJsonObject SupervisedWorker::toJson() const
{
    QJsonObject o{{QStringLiteral("slot"), slot},
                  {QStringLiteral("pid"), pid},
                  {QStringLiteral("generation"), generation},
                  {QStringLiteral("role"), role},
                  {QStringLiteral("ready"), ready},
                  {QStringLiteral("started"), started},
                  {QStringLiteral("readySince"), readySince},
                  {QStringLiteral("restarts"), restarts},
                  {QStringLiteral("lastExit"), lastExit},
                  {QStringLiteral("status"), status},
                  {QStringLiteral("ended"), ended},
                  {QStringLiteral("how"), how},
                  {QStringLiteral("unexpected"), unexpected}};
    if (uid >= 0)
        o.insert(QStringLiteral("uid"), uid);
    return o;
}

SupervisedWorker SupervisedWorker::fromJson(const QJsonObject &json)
{
    SupervisedWorker w;
    w.slot = int(number(json, "slot"));
    w.pid = number(json, "pid");
    w.uid = number(json, "uid", -1);
    w.generation = int(number(json, "generation"));
    w.role = text(json, "role");
    w.ready = flag(json, "ready");
    w.started = number(json, "started");
    w.readySince = number(json, "readySince");
    w.restarts = int(number(json, "restarts"));
    w.lastExit = text(json, "lastExit");
    w.status = text(json, "status");
    w.ended = number(json, "ended");
    w.how = text(json, "how");
    w.unexpected = flag(json, "unexpected");
    return w;
}

QJsonObject SupervisorStatus::toJson() const
{
    QJsonObject supervisor = extra;
    supervisor.insert(QStringLiteral("pid"), pid);
    supervisor.insert(QStringLiteral("program"), program);
    if (!user.isEmpty())
        supervisor.insert(QStringLiteral("user"), user);
    supervisor.insert(QStringLiteral("workers"), workers);
    if (maxWorkers > 0)
        supervisor.insert(QStringLiteral("maxWorkers"), maxWorkers);
    supervisor.insert(QStringLiteral("ready"), ready);
    supervisor.insert(QStringLiteral("surge"), surge);
    supervisor.insert(QStringLiteral("rolling"), rolling);
    supervisor.insert(QStringLiteral("stopping"), stopping);
    supervisor.insert(QStringLiteral("command"), command);
    supervisor.insert(QStringLiteral("now"), now);
    if (upgrade.attempt > 0)
        supervisor.insert(QStringLiteral("upgrade"),
                          QJsonObject{{QStringLiteral("attempt"), upgrade.attempt},
                                      {QStringLiteral("state"), upgrade.state},
                                      {QStringLiteral("successor"), upgrade.successor},
                                      {QStringLiteral("reason"), upgrade.reason}});
    return {{QStringLiteral("supervisor"), supervisor},
            {QStringLiteral("workers"), toArray(workerList, false)},
            {QStringLiteral("history"), toArray(history, true)}};
}

SupervisorStatus SupervisorStatus::fromJson(const QJsonObject &processStatus)
{
    SupervisorStatus s;
    const QJsonObject o = processStatus.value(QLatin1String("supervisor")).toObject();
    s.pid = number(o, "pid");
    s.program = text(o, "program");
    s.user = text(o, "user");
    s.workers = int(number(o, "workers"));
    s.maxWorkers = int(number(o, "maxWorkers"));
    s.ready = int(number(o, "ready"));
    s.surge = o.value(QLatin1String("surge")).toString(QStringLiteral("1"));
    s.rolling = flag(o, "rolling");
    s.stopping = flag(o, "stopping");
    s.command = text(o, "command");
    s.now = number(o, "now");
    const QJsonObject upgrade = o.value(QLatin1String("upgrade")).toObject();
    s.upgrade.attempt = int(number(upgrade, "attempt"));
    s.upgrade.state = text(upgrade, "state");
    s.upgrade.successor = number(upgrade, "successor");
    s.upgrade.reason = text(upgrade, "reason");
    s.workerList = workersFrom(processStatus.value(QLatin1String("workers")));
    s.history = workersFrom(processStatus.value(QLatin1String("history")));
    static const char *const known[] = {"pid",      "program",    "user",  "workers",
                                        "ready",    "maxWorkers", "surge", "rolling",
                                        "stopping", "command",    "now",   "upgrade"};
    s.extra = o;
    for (const char *key : known)
        s.extra.remove(QLatin1String(key));
    return s;
}

} // namespace qrs
