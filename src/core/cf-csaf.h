/* cf-csaf.h — a CSAF 2.0 security advisory for one vulnerability
 *
 * Copyright 2026 The Conformity Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>

#include "cf-store.h"

G_BEGIN_DECLS

char      *cf_csaf_build            (CfStore     *store,
                                     gint64       case_id,
                                     GDateTime   *now,
                                     GError     **error);

/* Shared with the CycloneDX VEX (cf-vex.c). */
gboolean   cf_csaf_is_cve_id        (const char  *text);
char      *cf_csaf_tracking_id      (CfCase      *c);
char     **cf_csaf_split_versions   (const char  *text);
gboolean   cf_csaf_is_version_range (const char  *version);
char      *cf_csaf_node_to_text     (JsonNode    *root);

G_END_DECLS
