// SPDX-FileCopyrightText: 2026 QtResourceSharer contributors
//
// SPDX-License-Identifier: BSD-3-Clause

#include "extensionhost_p.h"

#include "common/text_p.h"

#include <QFileInfo>
#include <QJsonArray>
#include <QJsonObject>
#include <QPluginLoader>

namespace qrs {

namespace {
QString nameIn(const QJsonObject &meta, const QString &file)
{
    return meta.value(QLatin1String("MetaData"))
            .toObject()
            .value(QLatin1String("name"))
            .toString(QFileInfo(file).baseName());
}
} // namespace

QString ExtensionHost::pluginName(const QString &file)
{
    const QJsonObject meta = QPluginLoader(file).metaData();
    return meta.isEmpty() ? QString() : nameIn(meta, file);
}

QString ExtensionHost::loadedFrom(const QString &name) const
{
    for (const Extension &e : m_extensions) {
        if (e.name == name)
            return e.loader ? e.loader->fileName() : qrs::tr("this program");
    }
    return {};
}

bool ExtensionHost::load(const QString &file, QObject *loaderParent, Error *code, QString *why)
{
    auto *loader = new QPluginLoader(file, loaderParent);
    const QJsonObject meta = loader->metaData();
    *code = Error::SystemError;
    if (meta.isEmpty()) {
        *code = QFileInfo::exists(file) ? Error::WrongKind : Error::NotFound;
        *why = qrs::tr("%1 is not a Qt plugin: %2").arg(file, loader->errorString());
    } else if (const QString iid = meta.value(QLatin1String("IID")).toString();
               iid != QLatin1String(QRS_SUPERVISOR_EXTENSION_IID)) {
        *code = Error::WrongKind;
        *why = qrs::tr("%1 is not a supervisor extension: its interface is \"%2\", not \"%3\"")
                       .arg(file, iid, QLatin1String(QRS_SUPERVISOR_EXTENSION_IID));
    } else if (const QString name = nameIn(meta, file); !loadedFrom(name).isEmpty()) {
        *code = Error::AlreadyTaken;
        *why = qrs::tr("%1 is not loaded: a plugin named %2 is, from %3")
                       .arg(file, name, loadedFrom(name));
    } else if (auto *hooks = qobject_cast<SupervisorExtension *>(loader->instance())) {
        if (add({name, loader, hooks}, why))
            return true;
        *code = Error::Denied;
    } else {
        *why = qrs::tr("cannot load %1: %2").arg(file, loader->errorString());
    }
    delete loader;
    return false;
}

bool ExtensionHost::add(const Extension &extension, QString *why)
{
    QString refusal;
    if (!extension.hooks->initialize(m_host, &refusal)) {
        *why = qrs::tr("the plugin %1 refused to start: %2").arg(extension.name, refusal);
        return false;
    }
    m_extensions.append(extension);
    return true;
}

bool ExtensionHost::beforeStart(const WorkerInfo &worker, QProcess *process, QString *who,
                                QString *why)
{
    for (qsizetype i = 0; i < m_extensions.size(); ++i) {
        if (m_extensions.at(i).hooks->beforeStart(worker, process, why))
            continue;
        *who = m_extensions.at(i).name;
        for (qsizetype j = 0; j <= i; ++j)
            m_extensions.at(j).hooks->finished(worker, -1, QProcess::CrashExit);
        return false;
    }
    return true;
}

void ExtensionHost::started(const WorkerInfo &worker)
{
    for (const Extension &e : std::as_const(m_extensions))
        e.hooks->started(worker);
}

void ExtensionHost::finished(const WorkerInfo &worker, int exitCode, QProcess::ExitStatus status)
{
    for (const Extension &e : std::as_const(m_extensions))
        e.hooks->finished(worker, exitCode, status);
}

QStringList ExtensionHost::names() const
{
    QStringList out;
    for (const Extension &e : m_extensions)
        out.append(e.name);
    return out;
}

bool ExtensionHost::provides(const QString &feature) const
{
    for (const Extension &e : m_extensions) {
        if (!e.loader)
            continue;
        const QJsonObject meta = e.loader->metaData().value(QLatin1String("MetaData")).toObject();
        if (feature == QLatin1String("watchdog")
                    ? meta.value(feature).toBool()
                    : meta.value(QLatin1String("readiness")).toArray().contains(feature))
            return true;
    }
    return false;
}

} // namespace qrs
