// SPDX-FileCopyrightText: 2026 QtResourceSharer contributors
//
// SPDX-License-Identifier: BSD-3-Clause

#pragma once

#include <qrs/error.h>

#include <QByteArray>
#include <QMetaType>
#include <QString>

namespace qrs {

/*!
    \class qrs::ResourceId
    \brief Names one shared resource: the sharer's address plus a single-use key.

    The key is 128 bits from the operating system's CSPRNG. toString() gives one
    printable ASCII token with no white space, safe in argv and in an environment
    variable:

    \verbatim
    qrs1:3f9a0c...e1@/run/user/1000/qrs-Xb12Qa/s-8c1d...
    \endverbatim

    fromString() parses such a token and reports a malformed one as an error.
    ResourceId is a value type, cheap to copy, usable from any thread.
    \since 0.1
*/
class QRS_EXPORT ResourceId
{
public:
    //! An invalid id.
    ResourceId() = default;
    //! key must be exactly 16 bytes and address an absolute socket path.
    ResourceId(const QString &address, const QByteArray &key);

    //! Whether the id has a 16-byte key and an address.
    bool isValid() const;
    //! The sharer's address: the absolute path of its local socket.
    QString address() const { return m_address; }
    //! The 16 raw key bytes.
    QByteArray key() const { return m_key; }

    //! "qrs1:<32 hex digits>@<percent-encoded address>"; empty for an invalid id.
    QString toString() const;
    //! Parses a token made by toString(). A malformed token yields an invalid id
    //! and, if error is given, a sentence saying what is wrong with it.
    static ResourceId fromString(QStringView token, QString *error = nullptr);
    //! The same, with Error::InvalidId in *error for a malformed token (NoError
    //! otherwise). \since 0.4
    static ResourceId fromString(QStringView token, qrs::Error *error, QString *errorString);

    //! Whether \a a and \a b name the same resource (same key, same sharer).
    friend bool operator==(const ResourceId &a, const ResourceId &b)
    {
        return a.m_key == b.m_key && a.m_address == b.m_address;
    }
    //! Whether \a a and \a b name different resources.
    friend bool operator!=(const ResourceId &a, const ResourceId &b) { return !(a == b); }

private:
    QString m_address;
    QByteArray m_key;
};

//! A hash of \a id with \a seed, for QHash and QSet.
QRS_EXPORT size_t qHash(const ResourceId &id, size_t seed = 0) noexcept;

} // namespace qrs

Q_DECLARE_METATYPE(qrs::ResourceId)
