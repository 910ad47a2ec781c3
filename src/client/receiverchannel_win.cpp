// SPDX-FileCopyrightText: 2026 QtResourceSharer contributors
//
// SPDX-License-Identifier: BSD-3-Clause

// Windows: named pipes carry no handles, so every resource travels in band,
// made over by the Win32 courier (there is always one).

#include "receiverchannel_p.h"

#include "handlecourier_p.h"

namespace qrs::client {

std::unique_ptr<ReceiverChannel> openReceiverChannel(const QString &address, HandleCourier *courier)
{
    return openInBandChannel(address, courier ? courier : HandleCourier::forPlatform());
}

} // namespace qrs::client
