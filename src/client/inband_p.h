// The receiver where descriptors cannot travel beside the bytes (Windows):
// Request; Resources, then one Handle frame per resource, each adopted through
// the courier; Ack. All or none, like Transfer: anything short of every
// resource is given back (Nack) and what was adopted is closed. Blocking, any
// thread, no event loop of its own.
#pragma once

#include "common/handlecourier_p.h"
#include "protocol/protocol.h"

#include <qrs/dupfd.h>

#include <QList>
#include <QString>

namespace qrs::client {

struct ReceivedHandle
{
    NativeHandle handle = -1; // owned by the caller
    QString name;
    protocol::WireKind kind = protocol::WireKind::Other;
};

struct InBandOptions
{
    qint64 requestPid = -1;   // -1: this process's; another one only in tests
    bool acknowledge = true;  // false: stop before the Ack (tests)
    bool socketsOnly = false; // give everything back unless all are sockets
};

QList<ReceivedHandle> takeInBand(HandleCourier *courier, const QString &address,
                                 const QList<protocol::Key> &keys, int timeoutMs, QString *error,
                                 const InBandOptions &options = {});

// DupFd::detach() where resources travel in band: ids of one sharer, all or none.
QList<DetachedFd> detachInBand(HandleCourier *courier, const QList<ResourceId> &ids, int timeoutMs,
                               QString *error, bool socketsOnly = false);

} // namespace qrs::client
