/* cf-requirement-editor.h — the assessment of one essential requirement, saved as it is typed
 *
 * Copyright 2026 The Conformity Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "cf-context.h"

G_BEGIN_DECLS

#define CF_TYPE_REQUIREMENT_EDITOR (cf_requirement_editor_get_type ())

G_DECLARE_FINAL_TYPE (CfRequirementEditor, cf_requirement_editor, CF, REQUIREMENT_EDITOR, AdwBin)

GtkWidget  *cf_requirement_editor_new             (CfContext           *context);
void        cf_requirement_editor_show            (CfRequirementEditor *self,
                                                   gint64               product_id,
                                                   const char          *requirement);
const char *cf_requirement_editor_get_requirement (CfRequirementEditor *self);
gboolean    cf_requirement_editor_flush           (CfRequirementEditor *self);
gboolean    cf_requirement_editor_get_pending     (CfRequirementEditor *self);
void        cf_requirement_editor_set_show_back   (CfRequirementEditor *self,
                                                   gboolean             show_back);

G_END_DECLS
