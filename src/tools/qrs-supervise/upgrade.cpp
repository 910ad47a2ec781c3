// SPDX-FileCopyrightText: 2026 QtResourceSharer contributors
//
// SPDX-License-Identifier: BSD-3-Clause

#include "upgrade.h"

#include "processwatch_p.h"

#include <qrs/supervisor.h>

#include <QCoreApplication>

#include <memory>

namespace qrs::supervise {

namespace {

// The translation context of this tool's messages.
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(qrs_supervise)
};

} // namespace

bool takePredecessorListeners(QList<PassedListener> *out, QString *error)
{
    QList<HostResource> handed;
    if (!Supervisor::takeUpgradeListeners(&handed, error))
        return false;
    for (HostResource &r : handed) {
        r.description = describeListener(r.fd);
        out->append({r, Text::tr("the supervisor it replaces")});
    }
    return true;
}

bool whenProcessEnds(qint64 pid, QObject *context, const std::function<void()> &ended)
{
    auto self = std::make_shared<ProcessEndWatch *>(nullptr);
    auto *watch = new ProcessEndWatch(
            pid,
            [self, ended] {
                (*self)->deleteLater();
                ended();
            },
            context);
    *self = watch;
    if (watch->hasEnded()) {
        delete watch;
        return false;
    }
    return true;
}

} // namespace qrs::supervise
