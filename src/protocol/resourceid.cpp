// SPDX-FileCopyrightText: 2026 QtResourceSharer contributors
//
// SPDX-License-Identifier: BSD-3-Clause

#include <qrs/resourceid.h>

#include "fdpassing.h"
#include "protocollimits.h"
#include "text_p.h"

#include <QCoreApplication>
#include <QFile>
#include <QHash>

namespace qrs {

namespace {
constexpr QLatin1StringView Prefix("qrs1:");
// Characters of the address that travel as they are; everything else (white
// space, '%', '@', non-ASCII) is percent-encoded.
const QByteArray AddressSafe = QByteArrayLiteral("/-._~+,=");

// A sharer's address: an absolute socket path on Unix; on Windows a pipe name
// (QLocalServer makes it \\.\pipe\<name>).
bool isAddress(QStringView address)
{
#ifdef Q_OS_WIN
    return !address.isEmpty() && !address.contains(QLatin1Char('/'))
            && !address.contains(QLatin1Char('\\'));
#else
    return address.startsWith(QLatin1Char('/'));
#endif
}

bool fail(QString *error, const QString &text)
{
    if (error)
        *error = text;
    return false;
}
} // namespace

ResourceId::ResourceId(const QString &address, const QByteArray &key)
    : m_address(address)
    , m_key(key)
{ }

bool ResourceId::isValid() const
{
    return m_key.size() == protocol::KeySize && isAddress(m_address);
}

QString ResourceId::toString() const
{
    if (!isValid())
        return {};
    const QByteArray encoded = QFile::encodeName(m_address).toPercentEncoding(AddressSafe, {}, '%');
    return Prefix + QString::fromLatin1(m_key.toHex()) + QLatin1Char('@')
            + QString::fromLatin1(encoded);
}

ResourceId ResourceId::fromString(QStringView token, Error *error, QString *errorString)
{
    const ResourceId id = fromString(token, errorString);
    if (error)
        *error = id.isValid() ? Error::NoError : Error::InvalidId;
    return id;
}

ResourceId ResourceId::fromString(QStringView token, QString *error)
{
    const auto malformed = [&](const QString &why) {
        fail(error,
             qrs::tr("malformed resource id \"%1\": %2").arg(token.left(80).toString(), why));
        return ResourceId();
    };
    if (token.isEmpty())
        return malformed(qrs::tr("it is empty"));
    if (!token.startsWith(Prefix))
        return malformed(qrs::tr("it does not start with \"%1\"").arg(Prefix));
    const QStringView rest = token.mid(Prefix.size());
    const qsizetype at = rest.indexOf(QLatin1Char('@'));
    if (at < 0)
        return malformed(qrs::tr("the '@' between key and address is missing"));
    const QStringView hex = rest.left(at);
    if (hex.size() != protocol::KeySize * 2)
        return malformed(qrs::tr("the key must be %1 hexadecimal digits, not %2")
                                 .arg(protocol::KeySize * 2)
                                 .arg(hex.size()));
    for (QChar c : hex) {
        if (!((c >= QLatin1Char('0') && c <= QLatin1Char('9'))
              || (c >= QLatin1Char('a') && c <= QLatin1Char('f'))
              || (c >= QLatin1Char('A') && c <= QLatin1Char('F'))))
            return malformed(
                    qrs::tr("the key contains '%1', which is not a hexadecimal digit").arg(c));
    }
    const QStringView encoded = rest.mid(at + 1);
    for (QChar c : encoded) {
        if (c.unicode() <= 0x20 || c.unicode() >= 0x7f)
            return malformed(qrs::tr("the address contains white space or a non-ASCII character"));
    }
    const QByteArray rawPath = QByteArray::fromPercentEncoding(encoded.toLatin1());
    if (!isAddress(QString::fromLatin1(rawPath))) {
#ifdef Q_OS_WIN
        return malformed(qrs::tr("the address must be a pipe name"));
#else
        return malformed(qrs::tr("the address must be an absolute socket path"));
#endif
    }
    if (rawPath.contains('\0'))
        return malformed(qrs::tr("the address contains a NUL byte"));
    if (size_t(rawPath.size()) > platform::maxUnixPathLength())
        return malformed(qrs::tr("the address is longer than a local socket path can be"));
    // The address must name these very bytes: a path that the file name
    // encoding cannot hold (say, invalid UTF-8) would lead somewhere else.
    const QString address = QFile::decodeName(rawPath);
    if (QFile::encodeName(address) != rawPath)
        return malformed(qrs::tr("the address is not a valid file name here"));
    return ResourceId(address, QByteArray::fromHex(hex.toLatin1()));
}

size_t qHash(const ResourceId &id, size_t seed) noexcept
{
    return qHashMulti(seed, id.key(), id.address());
}

} // namespace qrs
