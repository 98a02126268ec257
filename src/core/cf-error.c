/* cf-error.c
 *
 * Copyright 2026 The Conformity Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "cf-error.h"

G_DEFINE_QUARK (cf-error-quark, cf_error)
