/* cf-assessment-context.h — what the risk assessment is made against (Article 13(3))
 *
 * Copyright 2026 The Conformity Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "cf-record.h"

G_BEGIN_DECLS

#define CF_TYPE_ASSESSMENT_CONTEXT (cf_assessment_context_get_type ())

G_DECLARE_FINAL_TYPE (CfAssessmentContext, cf_assessment_context, CF, ASSESSMENT_CONTEXT, CfRecord)

CfAssessmentContext *cf_assessment_context_new (void);

G_END_DECLS
