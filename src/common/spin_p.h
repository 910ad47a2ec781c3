// SPDX-FileCopyrightText: 2026 QtResourceSharer contributors
//
// SPDX-License-Identifier: BSD-3-Clause

// Waiting awake. Both ends of a handoff poll for a few microseconds, yielding
// the CPU, before they sleep (platform::pollAwake): the receiver for the
// sharer's reply (QRS_RECEIVE_SPIN_US), the sharer's thread, after serving,
// for the next request or acknowledgement (QRS_SHARER_SPIN_US). Never where
// the process may use only one CPU: there the other end needs that CPU.
#pragma once

#include "fdpassing.h"

#include <QtGlobal>

namespace qrs {

constexpr int DefaultReceiveSpinUs = 50;
constexpr int DefaultSharerSpinUs = 20;
constexpr int MaxSpinUs = 10'000;

// The budget in microseconds: the variable's value (0 turns waiting awake off;
// at most MaxSpinUs), else defaultUs; 0 on a single usable CPU. Reads the
// environment and the affinity mask on every call: callers keep the result.
inline int spinBudgetUs(const char *variable, int defaultUs)
{
    bool set = false;
    const int configured = qEnvironmentVariableIntValue(variable, &set);
    if (platform::usableCpuCount() < 2)
        return 0;
    return set ? qBound(0, configured, MaxSpinUs) : defaultUs;
}

} // namespace qrs
