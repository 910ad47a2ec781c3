// SPDX-FileCopyrightText: 2026 QtResourceSharer contributors
//
// SPDX-License-Identifier: BSD-3-Clause

#include "handlecourier_p.h"

#include <atomic>

namespace qrs {

namespace {
std::atomic<HandleCourier *> s_receivingForTesting{nullptr};
} // namespace

HandleCourier *HandleCourier::receiving()
{
    HandleCourier *courier = s_receivingForTesting.load(std::memory_order_acquire);
    return courier ? courier : forPlatform();
}

void HandleCourier::setReceivingForTesting(HandleCourier *courier)
{
    s_receivingForTesting.store(courier, std::memory_order_release);
}

} // namespace qrs
