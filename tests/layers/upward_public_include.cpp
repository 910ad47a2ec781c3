// SPDX-FileCopyrightText: 2026 QtResourceSharer contributors
//
// SPDX-License-Identifier: BSD-3-Clause

// Compiled as part of the client layer by ctest's
// layers_refuse_upward_public_includes, which expects it not to build: the
// client may not see the sharer's public headers either (docs/architecture.md).
#include <qrs/resourcesharer.h>
