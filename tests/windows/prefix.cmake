# SPDX-FileCopyrightText: 2026 QtResourceSharer contributors
#
# SPDX-License-Identifier: BSD-3-Clause

# ctest's wine_prefix, the fixture that every test under Wine requires, and
# scripts/test (early, in the background): makes the Wine prefix PREFIX that
# those tests share, once, before the first of them.
#   cmake -DWINE=... -DPREFIX=... -P prefix.cmake
include(${CMAKE_CURRENT_LIST_DIR}/wineprefix.cmake)
qrs_wine_ready()
message("the Wine prefix ${PREFIX} is ready (${wine_version})")
