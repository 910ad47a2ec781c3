# SPDX-FileCopyrightText: 2026 QtResourceSharer contributors
#
# SPDX-License-Identifier: BSD-3-Clause

# Makes the Qt for Windows build (scripts/qt-windows: Qt 6.4.2's qtbase with
# CMAKE_UNITY_BUILD on) a unity build that compiles. Qt 6.4 has no unity build
# of its own (6.5 brought one), so this file, given as CMAKE_PROJECT_INCLUDE,
# takes out at the end of the configure what does not compile batched:
# - the bundled zlib and PCRE2 (their C sources do not compile batched);
# - the sources below, each of which collides with another of its batch: it
#   defines or undefines a macro the other uses (decode, qFatal, qWarning), has
#   a static function or a type of the same name (priv, qIsUpper, ...), or must
#   see qglobal.h first (removed_api.cpp). Found by building with batches of
#   16, what scripts/qt-windows asks for: another batch size makes other
#   batches, and may need other sources here.
# The DLLs export exactly the symbols of the build without batches.
include_guard(GLOBAL)

function(qrs_qt_unity_exclusions)
    foreach(target BundledZLIB BundledPcre2)
        if(TARGET ${target})
            set_property(TARGET ${target} PROPERTY UNITY_BUILD OFF)
        endif()
    endforeach()
    set(Core_sources
        compat/removed_api.cpp global/qglobal.cpp global/qlogging.cpp
        io/qurlquery.cpp kernel/qmetaobjectbuilder.cpp text/qstring.cpp
        text/qunicodetools.cpp)
    set(Network_sources kernel/qauthenticator.cpp kernel/qnetworkinterface.cpp)
    set(Test_sources qteamcitylogger.cpp)
    foreach(target Core Network Test)
        if(TARGET ${target})
            get_target_property(dir ${target} SOURCE_DIR)
            list(TRANSFORM ${target}_sources PREPEND "${dir}/")
            set_source_files_properties(${${target}_sources} TARGET_DIRECTORY ${target}
                PROPERTIES SKIP_UNITY_BUILD_INCLUSION ON)
        endif()
    endforeach()
endfunction()

# Every target exists once the top directory is done.
cmake_language(DEFER DIRECTORY "${CMAKE_SOURCE_DIR}" CALL qrs_qt_unity_exclusions)
