// SPDX-FileCopyrightText: 2026 QtResourceSharer contributors
//
// SPDX-License-Identifier: BSD-3-Clause

// The object of qrs_test_pch, the target whose precompiled header every suite
// reuses (tests/CMakeLists.txt); it holds nothing else.
