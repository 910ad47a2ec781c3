#include <qrs/dupsocket.h>

#include "common/text_p.h"
#include "sharer/sharerplatform_p.h"

namespace qrs {

DupSocket::DupSocket(qintptr socketDescriptor, QObject *parent)
    : DupSocket(socketDescriptor, RegisterOptions(), parent)
{ }

DupSocket::DupSocket(qintptr socketDescriptor, const RegisterOptions &options, QObject *parent)
    : DupFd(NativeHandle(socketDescriptor), options, ResourceKind::Socket, parent)
{ }

qintptr DupSocket::detach(const ResourceId &id, int timeoutMs, QString *error)
{
    const QList<DetachedFd> received = DupFd::detach(QList<ResourceId>{id}, timeoutMs, error);
    if (received.isEmpty())
        return -1;
    const DetachedFd &r = received.first();
    if (r.kind != ResourceKind::Socket) {
        sharerplatform::close(r.fd);
        if (error)
            *error = qrs::tr("the resource \"%1\" is not a socket").arg(r.name);
        return -1;
    }
    return qintptr(r.fd);
}

} // namespace qrs
