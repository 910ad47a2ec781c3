# SPDX-FileCopyrightText: 2026 QtResourceSharer contributors
#
# SPDX-License-Identifier: BSD-3-Clause

# ctest's <suite>_win: runs a Qt Test suite of the Windows build
# (build-windows/, made by ./scripts/test) under Wine, with Qt for Windows and
# the MinGW-w64 runtime on its PATH. Says "SKIP: <why>" when there is no
# Windows build or no Wine.
#   cmake -DEXE=... -DWINE=... -DPREFIX=... -DDLL_DIRS=a|b -P wine_suite.cmake
if(NOT EXISTS "${EXE}")
    message("SKIP: no Windows build at ${EXE} (./scripts/test makes one)")
    return()
endif()
include(${CMAKE_CURRENT_LIST_DIR}/wineprefix.cmake)
qrs_wine_ready()
string(REPLACE "|" ";" DLL_DIRS "${DLL_DIRS}")
set(path "")
foreach(dir IN LISTS DLL_DIRS)
    # Wine sees the Unix root as drive Z:.
    string(REPLACE "/" "\\" windows "Z:${dir}")
    string(APPEND path "${windows};")
endforeach()
set(ENV{WINEPATH} "${path}")
get_filename_component(name "${EXE}" NAME_WE)
get_filename_component(dir "${EXE}" DIRECTORY)
set(log "${dir}/${name}.log")
file(REMOVE "${log}")
# Qt Test's own report goes to a file: a console program's output under Wine
# is not always passed on.
qrs_wine_run(rc err "${EXE}" -o "${name}.log,txt")
if(EXISTS "${log}")
    file(READ "${log}" report)
    message("${report}")
endif()
if(NOT rc EQUAL 0 OR NOT report MATCHES "Totals: [0-9]+ passed, 0 failed")
    message(FATAL_ERROR "${name} failed under Wine (exit ${rc}) ${err}")
endif()
