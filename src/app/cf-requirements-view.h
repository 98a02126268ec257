/* cf-requirements-view.h — every essential requirement, its status, and the one being assessed
 *
 * Copyright 2026 The Conformity Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "cf-context.h"
#include "cf-requirement-editor.h"

G_BEGIN_DECLS

#define CF_TYPE_REQUIREMENTS_VIEW (cf_requirements_view_get_type ())

G_DECLARE_FINAL_TYPE (CfRequirementsView, cf_requirements_view, CF, REQUIREMENTS_VIEW, AdwBin)

GtkWidget           *cf_requirements_view_new            (CfContext          *context);
void                 cf_requirements_view_set_product_id (CfRequirementsView *self,
                                                          gint64              product_id);
void                 cf_requirements_view_select         (CfRequirementsView *self,
                                                          const char         *requirement);
CfRequirementEditor *cf_requirements_view_get_editor     (CfRequirementsView *self);
gboolean             cf_requirements_view_flush          (CfRequirementsView *self);

G_END_DECLS
