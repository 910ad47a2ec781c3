# SPDX-FileCopyrightText: 2026 QtResourceSharer contributors
#
# SPDX-License-Identifier: BSD-3-Clause

# Included by prefix.cmake, run.cmake and wine_suite.cmake. qrs_wine_ready():
# skips the test (returns from the script) without a working Wine, else makes
# sure the Wine prefix PREFIX is whole and sets wine_version. The prefix is
# made by wineboot once, by the fixture wine_prefix (prefix.cmake), before the
# tests that share it; one that was cut short (seen once in CI: "could not
# load kernel32.dll") is removed and made again, explicitly, and waited for.
function(qrs_wine_prefix wine prefix out_error)
    set(ENV{WINEPREFIX} "${prefix}")
    set(ENV{WINEDEBUG} "-all")
    get_filename_component(bin "${wine}" DIRECTORY)
    find_program(wineserver NAMES wineserver HINTS "${bin}" /usr/lib/wine)
    set(kernel32 "${prefix}/drive_c/windows/system32/kernel32.dll")
    foreach(attempt 1 2 3)
        if(EXISTS "${kernel32}")
            set(${out_error} "" PARENT_SCOPE)
            return()
        endif()
        file(REMOVE_RECURSE "${prefix}")
        # Wine makes the prefix, but not the directories above it (scripts/test
        # makes it before the build directory is configured).
        get_filename_component(parent "${prefix}" DIRECTORY)
        file(MAKE_DIRECTORY "${parent}")
        message("making the Wine prefix ${prefix} (attempt ${attempt}; about 20 s)")
        execute_process(COMMAND "${wine}" wineboot --init RESULT_VARIABLE rc
            OUTPUT_VARIABLE out ERROR_VARIABLE err TIMEOUT 180)
        if(wineserver)
            execute_process(COMMAND "${wineserver}" -w TIMEOUT 120)
        endif()
    endforeach()
    set(${out_error} "the Wine prefix ${prefix} could not be made: ${err}" PARENT_SCOPE)
endfunction()

# qrs_wine_run(<rc-var> <output-var> <exe> [args...]): runs EXE under Wine in
# its directory, for at most 240 s. Its output and errors go through a file
# (EXE.output), not a pipe: the wineserver that a run may start inherits them
# and lives on until 3 s after the prefix's last Wine process, and
# execute_process waits for a pipe's end, so a test that started it waited for
# every test beside it, and each test for 3 s more.
function(qrs_wine_run rc_var out_var exe)
    get_filename_component(dir "${exe}" DIRECTORY)
    set(file "${exe}.output")
    execute_process(COMMAND "${WINE}" "${exe}" ${ARGN} WORKING_DIRECTORY "${dir}"
        RESULT_VARIABLE rc OUTPUT_FILE "${file}" ERROR_FILE "${file}" TIMEOUT 240)
    file(READ "${file}" out)
    set(${rc_var} "${rc}" PARENT_SCOPE)
    set(${out_var} "${out}" PARENT_SCOPE)
endfunction()

# A macro, so that its return() ends the script that calls it.
macro(qrs_wine_ready)
    if(NOT WINE)
        message("SKIP: no Wine (Debian: wine)")
        return()
    endif()
    set(ENV{WINEPREFIX} "${PREFIX}")
    set(ENV{WINEDEBUG} "-all")
    execute_process(COMMAND "${WINE}" --version RESULT_VARIABLE wine_rc
        OUTPUT_VARIABLE wine_version ERROR_VARIABLE wine_error TIMEOUT 60)
    if(NOT wine_rc EQUAL 0)
        message("SKIP: Wine does not run here: ${wine_error}")
        return()
    endif()
    string(STRIP "${wine_version}" wine_version)
    qrs_wine_prefix("${WINE}" "${PREFIX}" prefix_error)
    if(prefix_error)
        message(FATAL_ERROR "${prefix_error}")
    endif()
endmacro()
