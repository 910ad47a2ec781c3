# SPDX-FileCopyrightText: 2026 QtResourceSharer contributors
#
# SPDX-License-Identifier: BSD-3-Clause

# Sourced by scripts/demo, scripts/test and scripts/bench: installs the Debian
# packages that are missing, configures and builds. Not meant to run alone.
#   qrs_setup [BUILD_DIR] [BUILD_TYPE] [extra cmake arguments...]
set -euo pipefail

QRS_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
# What building Qt for Windows needs (scripts/qt-windows: the MinGW-w64
# compiler, Debian's Qt as host tools, Perl for Qt's syncqt.pl, xz for its
# source): scripts/test installs these first and starts building Qt for
# Windows while the rest installs.
QRS_QT_WINDOWS_PACKAGES=(g++ cmake ninja-build perl xz-utils qt6-base-dev qt6-base-dev-tools
    g++-mingw-w64-x86-64-posix)
QRS_PACKAGES=("${QRS_QT_WINDOWS_PACKAGES[@]}" python3
    qt6-declarative-dev qt6-declarative-dev-tools qt6-l10n-tools qt6-tools-dev
    qml6-module-qtquick qml6-module-qtquick-window qml6-module-qtquick-controls
    qml6-module-qtquick-templates qml6-module-qtquick-layouts
    qml6-module-qtqml-workerscript qml6-module-qttest fonts-dejavu-core
    wine systemd gunicorn pkgconf reuse doxygen)

say() { printf '==> %s\n' "$*"; }

# qrs_install_packages [package...]: installs those of the packages (all of
# QRS_PACKAGES by default) that are missing. One install at a time, as
# scripts/test installs from two processes: a second waits for the first and
# then installs what is still missing; one with nothing missing never waits.
qrs_install_packages() {
    local wanted=("$@")
    [ ${#wanted[@]} -gt 0 ] || wanted=("${QRS_PACKAGES[@]}")
    [ -n "$(qrs_missing_packages "${wanted[@]}")" ] || return 0
    (
        flock 9
        local missing
        read -r -a missing <<<"$(qrs_missing_packages "${wanted[@]}")"
        [ ${#missing[@]} -eq 0 ] && exit 0
        local sudo=()
        if [ "$(id -u)" -ne 0 ]; then
            command -v sudo >/dev/null || { echo "need root or sudo to install: ${missing[*]}" >&2; exit 1; }
            sudo=(sudo)
        fi
        say "installing Debian packages: ${missing[*]}"
        export DEBIAN_FRONTEND=noninteractive
        "${sudo[@]}" apt-get update -qq
        "${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
    ) 9>"${TMPDIR:-/tmp}/qtresourcesharer-install-$(id -u).lock"
}

# qrs_missing_packages package...: prints those not installed, on one line.
qrs_missing_packages() {
    local p missing=()
    for p in "$@"; do
        dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
    done
    echo "${missing[*]}"
}

qrs_setup() {
    local build=${1:-$QRS_ROOT/build}
    local type=${2:-RelWithDebInfo}
    shift $(( $# > 2 ? 2 : $# ))
    qrs_install_packages
    local generator=()
    command -v ninja >/dev/null && generator=(-G Ninja)
    if [ ! -f "$build/CMakeCache.txt" ]; then
        say "configuring ($type) in $build"
        cmake -S "$QRS_ROOT" -B "$build" "${generator[@]}" -DCMAKE_BUILD_TYPE="$type" "$@" >/dev/null
    fi
    say "building"
    cmake --build "$build" --parallel "$(nproc)"
}

# qrs_setup_windows [build-dir]: Qt for Windows (built once per machine by
# scripts/qt-windows, cached outside the clone), then the library and its
# Windows test suites cross-built against it in build-windows/; the Linux
# build's ctest runs those suites under Wine (label wine).
qrs_setup_windows() {
    local build=${1:-$QRS_ROOT/build-windows}
    qrs_install_packages "${QRS_QT_WINDOWS_PACKAGES[@]}"
    local prefix
    prefix=$("$QRS_ROOT/scripts/qt-windows")
    qrs_install_packages # and the rest: configuring takes Qt's Linguist tools, among them
    if [ ! -f "$build/CMakeCache.txt" ]; then
        say "configuring the Windows build in $build (Qt for Windows: $prefix)"
        cmake -S "$QRS_ROOT" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release \
            -DCMAKE_TOOLCHAIN_FILE="$QRS_ROOT/cmake/mingw-w64.toolchain.cmake" \
            -DCMAKE_PREFIX_PATH="$prefix" -DQT_HOST_PATH=/usr \
            -DQT_HOST_PATH_CMAKE_DIR=/usr/lib/x86_64-linux-gnu/cmake >/dev/null
    fi
    say "building for Windows"
    cmake --build "$build" --parallel "$(nproc)"
}
