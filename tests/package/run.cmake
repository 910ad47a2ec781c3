# SPDX-FileCopyrightText: 2026 QtResourceSharer contributors
#
# SPDX-License-Identifier: BSD-3-Clause

# ctest: install the build into a scratch prefix, build an outside project
# against it with find_package(QtResourceSharer), run it; then build a program
# with nothing but the compiler and pkg-config's flags, and run that.
set(prefix ${WORK_DIR}/prefix)
file(REMOVE_RECURSE ${WORK_DIR})
function(step)
    execute_process(COMMAND ${ARGN} RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
    if(NOT rc EQUAL 0)
        message(FATAL_ERROR "${ARGN} failed (${rc}):\n${out}\n${err}")
    endif()
    message(STATUS "${out}")
endfunction()
step(${CMAKE_COMMAND} --install ${BUILD_DIR} --prefix ${prefix})
file(GLOB_RECURSE plugin ${prefix}/*/libqrsresourcesharer.so)
if(NOT plugin)
    message(FATAL_ERROR "not installed: the resource-sharer plugin")
endif()
foreach(f bin/qrs-share bin/qrs-detach bin/qrs-supervise include/qrs/dupfd.h
        include/qrs/childresources.h include/qrs/supervisorextension.h include/qrs/supervisor.h
        include/qrs/servicenotifier.h include/qrs/version.h share/man/man1/qrs-supervise.1
        lib/pkgconfig/QtResourceSharer.pc)
    if(NOT EXISTS ${prefix}/${f})
        message(FATAL_ERROR "not installed: ${f}")
    endif()
endforeach()
step(${CMAKE_COMMAND} -S ${SOURCE_DIR} -B ${WORK_DIR}/build -DCMAKE_PREFIX_PATH=${prefix})
step(${CMAKE_COMMAND} --build ${WORK_DIR}/build)
step(${WORK_DIR}/build/consumer ${plugin})
step(${prefix}/bin/qrs-supervise --version)

# Without CMake: pkg-config --cflags --libs, as a Makefile or qmake project would.
find_program(PKG_CONFIG NAMES pkg-config pkgconf REQUIRED)
set(ENV{PKG_CONFIG_PATH} ${prefix}/lib/pkgconfig)
execute_process(COMMAND ${PKG_CONFIG} --cflags --libs QtResourceSharerSupervisor
    RESULT_VARIABLE rc OUTPUT_VARIABLE flags ERROR_VARIABLE err OUTPUT_STRIP_TRAILING_WHITESPACE)
if(NOT rc EQUAL 0)
    message(FATAL_ERROR "pkg-config cannot find QtResourceSharerSupervisor: ${err}")
endif()
message(STATUS "pkg-config: ${flags}")
separate_arguments(flags UNIX_COMMAND "${flags}")
# Qt's headers require position-independent code; nothing else is added.
step(${CXX} -std=c++17 -fPIC ${SOURCE_DIR}/pkgconfig_main.cpp ${flags}
    -o ${WORK_DIR}/pkgconfig-consumer)
set(ENV{LD_LIBRARY_PATH} ${prefix}/lib)
step(${WORK_DIR}/pkgconfig-consumer)
