/* test-files.h — temporary folders of tests
 *
 * Copyright 2026 The Conformity Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

void test_remove_tree (const char *path);
