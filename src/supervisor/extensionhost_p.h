// SPDX-FileCopyrightText: 2026 QtResourceSharer contributors
//
// SPDX-License-Identifier: BSD-3-Clause

// The supervisor's extensions: loading SupervisorExtension plugins with
// QPluginLoader (or taking one that lives in the program), initializing each
// with the host, calling their hooks in order, and what their metadata says
// they provide. The supervisor's (main) thread.
#pragma once

#include <qrs/error.h>
#include <qrs/supervisorextension.h>

#include <QList>
#include <QString>

QT_BEGIN_NAMESPACE
class QPluginLoader;
QT_END_NAMESPACE

namespace qrs {

class ExtensionHost
{
public:
    struct Extension
    {
        QString name;
        QPluginLoader *loader = nullptr; // null for one added in-process
        SupervisorExtension *hooks = nullptr;
    };

    explicit ExtensionHost(SupervisorHost *host)
        : m_host(host)
    { }

    // Loads the plugin in file (its loader a child of loaderParent); false with
    // *code and *why if it is not a Qt plugin, not a supervisor extension,
    // has the name of one loaded already (AlreadyTaken), cannot be loaded, or
    // refuses the host's settings.
    bool load(const QString &file, QObject *loaderParent, Error *code, QString *why);
    // The name of the plugin in file, from its metadata (without loading it),
    // or its file's base name; empty if it is no Qt plugin.
    static QString pluginName(const QString &file);
    // Where the loaded plugin called name came from; empty if none is.
    QString loadedFrom(const QString &name) const;
    // Initializes extension and adds it; false with *why if it refuses.
    bool add(const Extension &extension, QString *why);

    // Every beforeStart() hook in order. When one cancels the start, those
    // that ran hear finished() (never started), and *who and *why say which
    // and why.
    bool beforeStart(const WorkerInfo &worker, QProcess *process, QString *who, QString *why);
    void started(const WorkerInfo &worker);
    void finished(const WorkerInfo &worker, int exitCode, QProcess::ExitStatus status);

    QStringList names() const;
    // The one added last (after load() or add() succeeded).
    const Extension &last() const { return m_extensions.constLast(); }
    // Whether a loaded plugin's metadata lists feature: a "ready" mode in its
    // "readiness" list, or "watchdog".
    bool provides(const QString &feature) const;

private:
    SupervisorHost *const m_host;
    QList<Extension> m_extensions;
};

} // namespace qrs
