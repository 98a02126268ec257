/* cf-assessment-context.c
 *
 * Copyright 2026 The Conformity Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cf-assessment-context"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "cf-assessment-context.h"

struct _CfAssessmentContext
{
  CfRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (CfAssessmentContext, cf_assessment_context, CF_TYPE_RECORD)

/* Article 13(3): the analysis is "based on the intended purpose and
 * reasonably foreseeable use, as well as the conditions of use, of the
 * product with digital elements, such as the operational environment or
 * the assets to be protected". */
static const CfFieldSpec fields[] = {
  { "intended-purpose", N_("Intended purpose"), 4000, FALSE, TRUE, CF_FIELD_FORMAT_TEXT },
  { "foreseeable-use", N_("Reasonably foreseeable use"), 4000, FALSE, TRUE, CF_FIELD_FORMAT_TEXT },
  { "operational-environment", N_("Operational environment"), 4000, FALSE, TRUE, CF_FIELD_FORMAT_TEXT },
  { "assumptions", N_("Assumptions"), 4000, FALSE, TRUE, CF_FIELD_FORMAT_TEXT },
};

static void
cf_assessment_context_class_init (CfAssessmentContextClass *klass)
{
  cf_record_class_install_fields (CF_RECORD_CLASS (klass), fields, G_N_ELEMENTS (fields));
}

static void
cf_assessment_context_init (CfAssessmentContext *self)
{
}

CfAssessmentContext *
cf_assessment_context_new (void)
{
  return g_object_new (CF_TYPE_ASSESSMENT_CONTEXT, NULL);
}
