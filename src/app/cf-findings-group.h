/* cf-findings-group.h — the findings reviewers sent back on one
 * requirement, with the manufacturer's status and answer
 *
 * Copyright 2026 The Conformity Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "cf-context.h"

G_BEGIN_DECLS

#define CF_TYPE_FINDINGS_GROUP (cf_findings_group_get_type ())

G_DECLARE_FINAL_TYPE (CfFindingsGroup, cf_findings_group, CF, FINDINGS_GROUP, AdwPreferencesGroup)

GtkWidget *cf_findings_group_new        (CfContext       *context);
void       cf_findings_group_set_target (CfFindingsGroup *self,
                                         gint64           product_id,
                                         const char      *requirement);

G_END_DECLS
