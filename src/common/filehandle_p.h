// SPDX-FileCopyrightText: 2026 QtResourceSharer contributors
//
// SPDX-License-Identifier: BSD-3-Clause

// The resource under an open QFile, for the library, the tools and the tests.
#pragma once

#include <qrs/global.h>

#include <QFile>

#ifdef Q_OS_WIN
#include <io.h>
#endif

namespace qrs {

// Its descriptor; on Windows the HANDLE under the C runtime descriptor that
// QFile::handle() gives. -1 if the file is not open.
inline NativeHandle nativeHandleOf(const QFile &file)
{
    if (file.handle() < 0)
        return -1;
#ifdef Q_OS_WIN
    return NativeHandle(::_get_osfhandle(file.handle()));
#else
    return file.handle();
#endif
}

} // namespace qrs
