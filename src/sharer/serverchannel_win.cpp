// SPDX-FileCopyrightText: 2026 QtResourceSharer contributors
//
// SPDX-License-Identifier: BSD-3-Clause

// Windows: named pipes carry no handles, so every resource travels in band,
// made over by the Win32 courier (there is always one).

#include "serverchannel_p.h"

#include "handlecourier_p.h"

namespace qrs {

std::unique_ptr<ServerChannels> platformServerChannels(HandleCourier *courier, QObject *parent,
                                                       const ServerChannels::Hooks &hooks)
{
    return inBandServerChannels(courier ? courier : HandleCourier::forPlatform(), parent, hooks);
}

} // namespace qrs
