/* cf-vex.h — a CycloneDX 1.5 VEX of a product's vulnerabilities
 *
 * Copyright 2026 The Conformity Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "cf-store.h"

G_BEGIN_DECLS

char *cf_vex_build (CfStore    *store,
                    gint64      product_id,
                    GDateTime  *now,
                    GError    **error);

G_END_DECLS
