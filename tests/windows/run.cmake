# SPDX-FileCopyrightText: 2026 QtResourceSharer contributors
#
# SPDX-License-Identifier: BSD-3-Clause

# ctest's windows_platform_under_wine: runs the cross-compiled Windows platform
# test under Wine. Says "SKIP: <why>" (ctest counts it skipped, not passed)
# when there is no MinGW-w64 or no working Wine.
#   cmake -DEXE=... -DWINE=... -DMINGW=... -DPREFIX=... -P run.cmake
if(NOT MINGW OR NOT EXISTS "${EXE}")
    message("SKIP: no MinGW-w64 cross compiler (Debian: g++-mingw-w64-x86-64-posix)")
    return()
endif()
include(${CMAKE_CURRENT_LIST_DIR}/wineprefix.cmake)
qrs_wine_ready()
message("running ${EXE} under ${wine_version} (prefix ${PREFIX})")
qrs_wine_run(rc out "${EXE}")
message("${out}")
if(NOT rc EQUAL 0 OR NOT out MATCHES "\n0 failed")
    message(FATAL_ERROR "the Windows platform test failed under Wine (exit ${rc})")
endif()
