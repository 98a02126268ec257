/* fuzz-sbom.h — what the SBOM fuzz targets and the corpus replay share
 *
 * Copyright 2026 The Conformity Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Parses @data as an SBOM, with the default limits and with tight ones,
 * checks what any SBOM read must satisfy, and frees it. Aborts on a
 * broken promise; returns 0 otherwise, as libFuzzer wants. */
int cf_fuzz_sbom_one_input (const guint8 *data,
                            gsize         size);

G_END_DECLS
