// SPDX-FileCopyrightText: 2026 QtResourceSharer contributors
//
// SPDX-License-Identifier: BSD-3-Clause

#pragma once

#include <qrs/global.h>

#include <QJsonObject>
#include <QObject>

namespace qrs {

/*!
    \class qrs::ProcessControl
    \brief Sends a command to a process that takes commands through its sharer
    (ResourceSharer::setCommandHandler()), such as a qrs::Supervisor, and
    waits for its reply.

    The target is the process's pid (its sharer's published address is looked
    up, as for CacheModel) or a sharer address. The reply is a JSON object that
    comes when the command's work is over, which may take as long as a rolling
    restart: send() blocks for it, post() waits in a thread of its own and
    emits finished(). Only the process's own user, or root, is served.

    \code
    QString error;
    const QJsonObject reply = qrs::ProcessControl::send(
            QStringLiteral("4300"), {{"command", "scale"}, {"workers", 8}}, 60'000, &error);
    if (!reply.value("ok").toBool())
        qWarning() << (error.isEmpty() ? reply.value("reason").toString() : error);
    \endcode
    \since 0.5
*/
class QRS_EXPORT ProcessControl : public QObject
{
    Q_OBJECT
    //! Whether a post() awaits its reply.
    Q_PROPERTY(bool busy READ isBusy NOTIFY busyChanged)

public:
    //! A control with nothing sent yet.
    explicit ProcessControl(QObject *parent = nullptr);
    //! A command still under way runs on, and its finished() is not emitted.
    ~ProcessControl() override;

    /*!
        Sends \a command and returns the reply, waiting at most \a timeoutMs
        (negative: no limit). An empty object, with \a error, if the process
        cannot be reached, refuses the connection (another user) or takes no
        commands, or the reply does not come in time. Any thread.
    */
    static QJsonObject send(const QString &target, const QJsonObject &command, int timeoutMs,
                            QString *error = nullptr);
    /*!
        The same without blocking: finished() follows in this object's thread.
        False, with nothing sent, while an earlier post() awaits its reply.
    */
    bool post(const QString &target, const QJsonObject &command, int timeoutMs = -1);
    //! Whether a post() awaits its reply.
    bool isBusy() const;

Q_SIGNALS:
    //! The reply to \a command, or an empty \a reply and \a error.
    void finished(const QJsonObject &command, const QJsonObject &reply, const QString &error);
    //! isBusy() changed.
    void busyChanged();

private:
    class Call;
    Call *m_call = nullptr;
};

} // namespace qrs
