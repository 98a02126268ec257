/* cf-sbom-compare.h — what changed between two imported SBOMs
 *
 * Copyright 2026 The Conformity Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "cf-store.h"

G_BEGIN_DECLS

#define CF_TYPE_SBOM_COMPARE (cf_sbom_compare_get_type ())

G_DECLARE_FINAL_TYPE (CfSbomCompare, cf_sbom_compare, CF, SBOM_COMPARE, AdwWindow)

CfSbomCompare *cf_sbom_compare_new         (GtkWindow     *parent,
                                            CfStore       *store,
                                            GPtrArray     *sboms,
                                            gint64         older_id,
                                            gint64         newer_id);
void           cf_sbom_compare_set_older   (CfSbomCompare *self,
                                            guint          position);
void           cf_sbom_compare_set_newer   (CfSbomCompare *self,
                                            guint          position);
char          *cf_sbom_compare_dup_text    (CfSbomCompare *self);
const char    *cf_sbom_compare_get_summary (CfSbomCompare *self);

/* Drop-downs over long labels: ellipsized in the button, whole in the list */
void           cf_sbom_compare_set_up_drop_down (GtkDropDown *drop_down);

G_END_DECLS
