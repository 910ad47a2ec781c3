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
if(NOT WINE)
    message("SKIP: no Wine (Debian: wine)")
    return()
endif()
include(${CMAKE_CURRENT_LIST_DIR}/wineprefix.cmake)
set(ENV{WINEPREFIX} "${PREFIX}")
set(ENV{WINEDEBUG} "-all")
execute_process(COMMAND "${WINE}" --version RESULT_VARIABLE rc OUTPUT_VARIABLE version
    ERROR_VARIABLE error TIMEOUT 60)
if(NOT rc EQUAL 0)
    message("SKIP: Wine does not run here: ${error}")
    return()
endif()
string(STRIP "${version}" version)
qrs_wine_prefix("${WINE}" "${PREFIX}" prefix_error)
if(prefix_error)
    message(FATAL_ERROR "${prefix_error}")
endif()
message("running ${EXE} under ${version} (prefix ${PREFIX})")
execute_process(COMMAND "${WINE}" "${EXE}" RESULT_VARIABLE rc OUTPUT_VARIABLE out
    ERROR_VARIABLE err TIMEOUT 240)
message("${out}")
if(NOT rc EQUAL 0 OR NOT out MATCHES "\n0 failed")
    message(FATAL_ERROR "the Windows platform test failed under Wine (exit ${rc}): ${err}")
endif()
