# SPDX-FileCopyrightText: 2026 QtResourceSharer contributors
#
# SPDX-License-Identifier: BSD-3-Clause

# ctest's windows_qt_side_compiles: compiles the library's Qt sources that
# Windows builds, with MinGW-w64 in Windows mode against the Qt headers of this
# machine (Debian's Qt 6.4; no Qt for Windows can be installed here), warnings
# as errors. Nothing is linked or run: docs/platforms.md says so.
# Says "SKIP: <why>" without MinGW-w64.
#   cmake -DMINGW=... -DSOURCES=a|b -DINCLUDES=... -DSYSTEM_INCLUDES=... -DDEFINES=...
#         -P compile_qt.cmake   (lists joined with "|")
if(NOT MINGW)
    message("SKIP: no MinGW-w64 cross compiler (Debian: g++-mingw-w64-x86-64-posix)")
    return()
endif()
foreach(list SOURCES INCLUDES SYSTEM_INCLUDES DEFINES)
    string(REPLACE "|" ";" ${list} "${${list}}")
endforeach()
set(flags -std=c++17 -Wall -Wextra -Wpedantic -Werror -fsyntax-only)
foreach(dir IN LISTS INCLUDES)
    list(APPEND flags -I${dir})
endforeach()
foreach(dir IN LISTS SYSTEM_INCLUDES)
    list(APPEND flags -isystem ${dir})
endforeach()
foreach(def IN LISTS DEFINES)
    list(APPEND flags -D${def})
endforeach()
set(failed 0)
foreach(source IN LISTS SOURCES)
    execute_process(COMMAND "${MINGW}" ${flags} "${source}"
        RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err TIMEOUT 120)
    if(rc EQUAL 0)
        message("compiles for Windows: ${source}")
    else()
        message("DOES NOT COMPILE for Windows: ${source}\n${err}")
        math(EXPR failed "${failed} + 1")
    endif()
endforeach()
if(failed GREATER 0)
    message(FATAL_ERROR "${failed} source(s) do not compile for Windows")
endif()
