// SPDX-FileCopyrightText: 2026 QtResourceSharer contributors
//
// SPDX-License-Identifier: BSD-3-Clause

// A receiver's connection to a sharer, whichever way resources travel: bytes
// out, frames in, and the resources that come with a Resources frame. Where
// descriptors travel beside the bytes (SCM_RIGHTS) they arrive with the frame;
// where they cannot (Windows' named pipes), each follows in a Handle frame of
// its own and is adopted through the HandleCourier, which the in-band channel
// does before it hands the Resources frame on. Non-blocking; the caller waits,
// either blocking (wait()) or on its event loop (watch()). Which channel a
// platform uses is decided by openReceiverChannel(), in the platform's file.
#pragma once

#include "protocol.h"

#include <qrs/resourceinfo.h>

#include <QString>

#include <functional>
#include <memory>
#include <vector>

QT_BEGIN_NAMESPACE
class QDeadlineTimer;
class QObject;
QT_END_NAMESPACE

namespace qrs {
class HandleCourier;
}

namespace qrs::client {

class ReceiverChannel
{
public:
    enum class Io {
        Ready,        // done; go on
        WantRead,     // wait, then call again
        WantWrite,    // wait, then call again
        RetryConnect, // the sharer's backlog is full: wait a little, then call again
        PeerClosed,   // write(): the sharer has closed its end (it may have said why)
        Failed,       // errorString() says why
    };

    // The resources of a Resources frame.
    struct Resources
    {
        std::vector<NativeHandle> handles; // this process's, in the frame's order
        bool truncated = false;            // the kernel dropped some (MSG_CTRUNC)
        QString problem;                   // a resource could not be taken (handles has the others)
    };

    explicit ReceiverChannel(const QString &address)
        : m_address(address)
    { }
    virtual ~ReceiverChannel() = default; // closes, not what was received
    Q_DISABLE_COPY_MOVE(ReceiverChannel)

    // Connects to the sharer; called again after each wait until Ready.
    virtual Io connect() = 0;
    // Writes what it can of *bytes and removes it; Ready once all is out.
    virtual Io write(QByteArray *bytes) = 0;
    // Ready once a whole frame is in (*frame); a Resources frame comes with
    // *resources.
    virtual Io read(protocol::Frame *frame, Resources *resources) = 0;
    // Ends the connection; received resources stay valid.
    virtual void close() = 0;
    // Closes a resource this channel received that nobody takes.
    virtual void discard(ResourceKind kind, NativeHandle handle) = 0;

    // Blocks the calling thread until io can go on, at most until deadline;
    // false once it has passed (or the wait failed: errorString()).
    virtual bool wait(Io io, const QDeadlineTimer &deadline) = 0;
    // On the calling thread's event loop: calls resume (with context alive)
    // once io can go on. Replaces an earlier watch.
    virtual void watch(Io io, QObject *context, const std::function<void()> &resume) = 0;

    QString errorString() const { return m_error; }
    Error error() const { return m_code; }
    QString address() const { return m_address; }

protected:
    Io fail(Error code, const QString &why)
    {
        m_code = code;
        m_error = why;
        return Io::Failed;
    }

    const QString m_address;
    QString m_error;
    Error m_code = Error::NoError;
};

// The channel to the sharer at address: in band through courier if there is
// one, else the platform's own way.
std::unique_ptr<ReceiverChannel> openReceiverChannel(const QString &address,
                                                     HandleCourier *courier);

// The in-band channel, over a QLocalSocket (inbandchannel.cpp).
std::unique_ptr<ReceiverChannel> openInBandChannel(const QString &address, HandleCourier *courier);

} // namespace qrs::client
