# SPDX-FileCopyrightText: 2026 QtResourceSharer contributors
#
# SPDX-License-Identifier: BSD-3-Clause

# ctest's api_reference: builds the API reference with Doxygen, warnings as
# errors (Doxyfile.strict), and fails on any warning it prints.
#   cmake -DDOXYGEN=... -DDOXYFILE=... -P build.cmake
if(NOT DOXYGEN)
    message(FATAL_ERROR "doxygen is not installed (Debian: doxygen); ./scripts/test installs it")
endif()
execute_process(COMMAND "${DOXYGEN}" "${DOXYFILE}"
    RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err TIMEOUT 240)
if(NOT rc EQUAL 0 OR NOT err STREQUAL "")
    message(FATAL_ERROR "the API reference has problems:\n${err}${out}")
endif()
message("API reference built without a warning")
