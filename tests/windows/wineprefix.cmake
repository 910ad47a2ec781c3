# SPDX-FileCopyrightText: 2026 QtResourceSharer contributors
#
# SPDX-License-Identifier: BSD-3-Clause

# Included by run.cmake and wine_suite.cmake: makes sure the Wine prefix
# PREFIX is whole before a test runs in it. A prefix is made by wineboot on
# first use; one that was cut short (seen once in CI: "could not load
# kernel32.dll") is removed and made again, explicitly, and waited for.
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
        message("making the Wine prefix ${prefix} (attempt ${attempt}; about 20 s)")
        execute_process(COMMAND "${wine}" wineboot --init RESULT_VARIABLE rc
            OUTPUT_VARIABLE out ERROR_VARIABLE err TIMEOUT 180)
        if(wineserver)
            execute_process(COMMAND "${wineserver}" -w TIMEOUT 120)
        endif()
    endforeach()
    set(${out_error} "the Wine prefix ${prefix} could not be made: ${err}" PARENT_SCOPE)
endfunction()
