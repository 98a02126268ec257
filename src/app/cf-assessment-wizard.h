/* cf-assessment-wizard.h — scope check, classification, procedures and dates
 *
 * Copyright 2026 The Conformity Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "cf-context.h"

G_BEGIN_DECLS

#define CF_TYPE_ASSESSMENT_WIZARD (cf_assessment_wizard_get_type ())

G_DECLARE_FINAL_TYPE (CfAssessmentWizard, cf_assessment_wizard, CF, ASSESSMENT_WIZARD, AdwWindow)

CfAssessmentWizard *cf_assessment_wizard_new (GtkWindow  *parent,
                                              CfContext  *context,
                                              gint64      product_id,
                                              GError    **error);

G_END_DECLS
