// SPDX-FileCopyrightText: 2026 QtResourceSharer contributors
//
// SPDX-License-Identifier: BSD-3-Clause

#include "handlecourier_p.h"

namespace qrs {

HandleCourier *HandleCourier::forPlatform()
{
    return nullptr; // descriptors travel by SCM_RIGHTS
}

} // namespace qrs
