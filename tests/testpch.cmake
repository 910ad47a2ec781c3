# SPDX-FileCopyrightText: 2026 QtResourceSharer contributors
#
# SPDX-License-Identifier: BSD-3-Clause

# Included by tests/CMakeLists.txt and tests/windows/CMakeLists.txt.

# qrs_add_test_pch(TARGET): an object library whose precompiled header holds
# Qt Test's, Core's and the sockets' headers, parsed once for every suite
# (qrs_use_test_pch) instead of once per suite: they were half of a suite's
# compile time. It links nothing whose definitions some suites lack: GCC uses
# a precompiled header only where they all hold.
function(qrs_add_test_pch target)
    add_library(${target} OBJECT ${CMAKE_CURRENT_FUNCTION_LIST_DIR}/testpch.cpp)
    target_link_libraries(${target} PRIVATE Qt6::Test Qt6::Network)
    target_precompile_headers(${target} PRIVATE
        <QtTest> <QLocalServer> <QLocalSocket> <QTcpServer> <QTcpSocket> <QHostAddress>)
    set_target_properties(${target} PROPERTIES AUTOMOC OFF)
    qrs_suite_compile_options(${target})
endfunction()

# The suites call what they test; the library, the tools and the helper they
# run keep the build's optimization, the suites compile without it (-O0
# after the build type's flags). Not in the ThreadSanitizer build, which keeps
# the warnings that only optimization finds (-Wmaybe-uninitialized) for the
# suites' own code: there -O0 saves little (95 CPU seconds against 99), where
# the AddressSanitizer build's suites take 113 instead of 153.
function(qrs_suite_compile_options target)
    if(CMAKE_CXX_COMPILER_ID MATCHES "GNU|Clang" AND NOT QRS_SANITIZE STREQUAL "thread")
        target_compile_options(${target} PRIVATE -O0)
    endif()
endfunction()

# qrs_use_test_pch(SUITE PCH): SUITE, one source, compiles with PCH's header.
function(qrs_use_test_pch suite pch)
    target_precompile_headers(${suite} REUSE_FROM ${pch})
    qrs_suite_compile_options(${suite})
    # Nothing to gain from a unity build (scripts/test's sanitizer builds), and
    # the suite's moc output would share its unnamed namespace.
    set_target_properties(${suite} PROPERTIES UNITY_BUILD OFF)
    # A suite includes its own moc output, which leaves AUTOMOC's file empty:
    # loading the precompiled header for that empty file took 3 s a suite.
    set_source_files_properties(
        ${CMAKE_CURRENT_BINARY_DIR}/${suite}_autogen/mocs_compilation.cpp
        PROPERTIES SKIP_PRECOMPILE_HEADERS ON)
endfunction()
