// SPDX-FileCopyrightText: 2026 QtResourceSharer contributors
//
// SPDX-License-Identifier: BSD-3-Clause

// How messages are laid out on the wire: big-endian fields, UTF-8 texts with a
// u16 length, a frame whose length is patched at the end. What protocol.cpp
// (the handoff) and inspection.cpp (listing, watching, revoking) share.
#pragma once

#include "protocol.h"

#include <QByteArray>
#include <QString>
#include <QtEndian>

namespace qrs::protocol::wire {

class Writer
{
public:
    explicit Writer(MessageType type, qsizetype reserve = 0)
    {
        m_data.reserve(FrameHeaderSize + reserve);
        m_data.append('Q').append('R').append(char(Version)).append(char(type));
        u32(0);
    }
    Writer &u8(quint8 v)
    {
        m_data.append(char(v));
        return *this;
    }
    Writer &u16(quint16 v)
    {
        char b[2];
        qToBigEndian(v, b);
        m_data.append(b, 2);
        return *this;
    }
    Writer &u32(quint32 v)
    {
        char b[4];
        qToBigEndian(v, b);
        m_data.append(b, 4);
        return *this;
    }
    Writer &u64(quint64 v)
    {
        char b[8];
        qToBigEndian(v, b);
        m_data.append(b, 8);
        return *this;
    }
    Writer &bytes(const QByteArray &b)
    {
        m_data.append(b);
        return *this;
    }
    // A UTF-8 string with a u16 length, cut to at most maxBytes.
    Writer &text(const QString &s, int maxBytes)
    {
        QByteArray utf8 = s.toUtf8();
        if (utf8.size() > maxBytes) {
            utf8.truncate(maxBytes);
            // Do not leave half a UTF-8 sequence at the end.
            while (!utf8.isEmpty() && (quint8(utf8.back()) & 0xc0) == 0x80)
                utf8.chop(1);
            if (!utf8.isEmpty() && (quint8(utf8.back()) & 0x80))
                utf8.chop(1);
        }
        u16(quint16(utf8.size()));
        return bytes(utf8);
    }
    qsizetype size() const { return m_data.size(); }
    void truncate(qsizetype size) { m_data.truncate(size); }
    QByteArray finish()
    {
        qToBigEndian(quint32(m_data.size() - FrameHeaderSize), m_data.data() + 4);
        return std::move(m_data);
    }

private:
    QByteArray m_data;
};

class Reader
{
public:
    explicit Reader(const QByteArray &data)
        : m_data(data)
    { }
    bool u8(quint8 *v)
    {
        if (!need(1))
            return false;
        *v = quint8(m_data.at(m_pos++));
        return true;
    }
    bool u16(quint16 *v)
    {
        if (!need(2))
            return false;
        *v = qFromBigEndian<quint16>(m_data.constData() + m_pos);
        m_pos += 2;
        return true;
    }
    bool u32(quint32 *v)
    {
        if (!need(4))
            return false;
        *v = qFromBigEndian<quint32>(m_data.constData() + m_pos);
        m_pos += 4;
        return true;
    }
    bool u64(quint64 *v)
    {
        if (!need(8))
            return false;
        *v = qFromBigEndian<quint64>(m_data.constData() + m_pos);
        m_pos += 8;
        return true;
    }
    bool bytes(qsizetype n, QByteArray *out)
    {
        if (!need(n))
            return false;
        *out = m_data.mid(m_pos, n);
        m_pos += n;
        return true;
    }
    bool text(int maxBytes, QString *out)
    {
        quint16 len;
        QByteArray raw;
        if (!u16(&len) || len > maxBytes || !bytes(len, &raw))
            return false;
        *out = QString::fromUtf8(raw);
        return true;
    }
    bool atEnd() const { return m_pos == m_data.size(); }

private:
    bool need(qsizetype n) const { return n >= 0 && m_data.size() - m_pos >= n; }

    const QByteArray &m_data;
    qsizetype m_pos = 0;
};

// Says that a message of kind what is malformed; returns false.
bool malformed(QString *error, const char *what);
// Request and Revoke: u32 pid, u16 count, count keys.
QByteArray encodePidAndKeys(MessageType type, qint64 pid, const QList<Key> &keys);
bool decodePidAndKeys(const QByteArray &payload, qint64 *pid, QList<Key> *keys, QString *error,
                      const char *what);

} // namespace qrs::protocol::wire
