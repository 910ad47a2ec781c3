// SPDX-FileCopyrightText: 2026 QtResourceSharer contributors
//
// SPDX-License-Identifier: BSD-3-Clause

// The server's end of one connection, whichever way resources travel: bytes
// in, messages out, and the resources of a reply. Over a raw AF_UNIX
// descriptor they travel beside the first byte (SCM_RIGHTS; a QLocalSocket
// cannot send them); where they cannot (Windows' named pipes), the in-band
// channel makes each over to the receiver through the HandleCourier and sends
// what says so in a Handle frame after the reply. The server's state machine
// (sharerserver.cpp) never knows which. Server thread only.
#pragma once

#include "fdpassing.h"
#include "protocol.h"

#include <qrs/resourceinfo.h>

#include <QByteArray>
#include <QString>

#include <functional>
#include <memory>
#include <vector>

QT_BEGIN_NAMESPACE
class QObject;
QT_END_NAMESPACE

namespace qrs {

class HandleCourier;

class ServerChannel
{
public:
    enum class Flush { Done, Pending, Failed };

    virtual ~ServerChannel() = default; // closes the connection
    // Who is at the other end.
    virtual bool peer(platform::PeerCredentials *out) = 0;
    // Its supplementary groups, where the channel can tell.
    virtual bool peerGroups(std::vector<uint32_t> *out)
    {
        Q_UNUSED(out);
        return false;
    }
    // Appends what has arrived to reader; *eof once the peer is gone.
    virtual void read(protocol::FrameReader *reader, bool *eof) = 0;
    // Queues bytes to send after what is queued.
    virtual void queue(QByteArray bytes) = 0;
    // Queues a Resources reply and its handles (the cache keeps them) for
    // process pid; false if one cannot travel: nothing is queued, *why says
    // why and *index which.
    virtual bool queueResources(const protocol::Resources &reply,
                                const std::vector<NativeHandle> &handles, qint64 pid, QString *why,
                                int *index) = 0;
    // Sends what it can now: Done once nothing is left; Pending: the host's
    // writable callback comes when more can go; Failed (*why).
    virtual Flush flush(QString *why) = 0;
    virtual qint64 pendingBytes() const = 0;
    // A descriptor to poll for input while waiting awake, or -1.
    virtual int pollDescriptor() const { return -1; }
};

// Makes the channels of one server, and keeps what they share.
class ServerChannels
{
public:
    struct Hooks
    {
        std::function<void(quint64 serial)> readable; // may be called after close: look up
        std::function<void(quint64 serial)> writable;
        std::function<void(int fd, bool open)> track; // descriptors a forked child closes
    };

    virtual ~ServerChannels() = default;
    // The channel of a connection QLocalServer accepted, or null (*why).
    virtual std::unique_ptr<ServerChannel> accept(quintptr socketDescriptor, quint64 serial,
                                                  QString *why) = 0;
    // Whether waitAwake() does anything.
    virtual bool waitsAwake() const { return false; }
    // Before the thread sleeps, having just served: waits awake (spin_p.h) for
    // what usually follows within microseconds on one of fds.
    virtual void waitAwake(const std::vector<int> &fds) { Q_UNUSED(fds); }
};

// The platform's channels (serverchannel_unix.cpp, serverchannel_win.cpp): in
// band through courier if there is one, else the platform's own way. parent
// (the server) owns the notifiers and sockets and receives their signals.
std::unique_ptr<ServerChannels> platformServerChannels(HandleCourier *courier, QObject *parent,
                                                       const ServerChannels::Hooks &hooks);
// In band through courier (inbandserverchannel.cpp).
std::unique_ptr<ServerChannels> inBandServerChannels(HandleCourier *courier, QObject *parent,
                                                     const ServerChannels::Hooks &hooks);

} // namespace qrs
