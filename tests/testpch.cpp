// SPDX-FileCopyrightText: 2026 QtResourceSharer contributors
//
// SPDX-License-Identifier: BSD-3-Clause

// The object of the targets whose precompiled header every suite reuses
// (qrs_add_test_pch in tests/testpch.cmake); it holds nothing else.
