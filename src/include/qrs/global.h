// SPDX-FileCopyrightText: 2026 QtResourceSharer contributors
//
// SPDX-License-Identifier: BSD-3-Clause

#pragma once

#include <qrs/version.h>

#include <QtGlobal>

#if defined(QRS_BUILDING_LIBRARY)
#define QRS_EXPORT Q_DECL_EXPORT
#elif defined(QRS_STATIC) // linked with the static copy (tests, tools)
#define QRS_EXPORT
#else
#define QRS_EXPORT Q_DECL_IMPORT
#endif

namespace qrs {
//! What the sharer caches and hands over: a file descriptor on Unix; a SOCKET
//! or a HANDLE on Windows. -1 is none.
#ifdef Q_OS_WIN
using NativeHandle = qintptr;
#else
using NativeHandle = int;
#endif
} // namespace qrs
