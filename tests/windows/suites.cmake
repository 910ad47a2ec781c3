# SPDX-FileCopyrightText: 2026 QtResourceSharer contributors
#
# SPDX-License-Identifier: BSD-3-Clause

# The suites built for Windows as tst_<name>_win (tests/windows/CMakeLists.txt)
# and run under Wine by the Linux build's ctest (tests/CMakeLists.txt): one list
# for both.
set(QRS_WINDOWS_SUITES cache cachemodel childresources dupfd dupsocket invoke protocol resourceid
    resourcesharer tools)
