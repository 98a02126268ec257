/* cf-requirement-assessment.h — how one essential requirement applies and is met
 *
 * Copyright 2026 The Conformity Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "cf-catalogue.h"
#include "cf-risk.h"

G_BEGIN_DECLS

/* Article 13(3) and (4): for each essential requirement of Annex I, whether
 * it applies and, if it does, how it is met; if not, why not. */
typedef struct
{
  char      *requirement;     /* catalogue id, e.g. "AnnexI.PartI.2.a" */
  gboolean   applies;
  char      *justification;   /* required when it does not apply */
  char      *measures;        /* how it is met, in the manufacturer's words */
  CfStatus   status;
  GStrv      standards;       /* references relied on, e.g. "ETSI EN 303 645 5.1-1" */
  GArray    *threats;         /* of gint: numbers of the threats it addresses */
  char      *updated_at;
} CfRequirementAssessment;

CfRequirementAssessment *cf_requirement_assessment_new   (const char               *requirement);
CfRequirementAssessment *cf_requirement_assessment_copy  (const CfRequirementAssessment *self);
void                     cf_requirement_assessment_free  (CfRequirementAssessment  *self);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CfRequirementAssessment, cf_requirement_assessment_free)

gboolean    cf_requirement_assessment_has_threat     (const CfRequirementAssessment *self,
                                                      gint                      number);
gboolean    cf_requirement_assessment_is_implemented (const CfRequirementAssessment *self);
void        cf_requirement_assessment_normalize      (CfRequirementAssessment  *self);
gboolean    cf_requirement_assessment_validate       (const CfRequirementAssessment *self,
                                                      CfCatalogue              *catalogue,
                                                      gboolean                  complete,
                                                      GError                  **error);

GPtrArray  *cf_requirements_list                     (CfCatalogue              *catalogue);
gboolean    cf_requirement_always_applies            (const char               *requirement);
char       *cf_requirement_short_ref                 (CfCatalogueItem          *item);
GPtrArray  *cf_requirement_list_standard_clauses     (CfCatalogue              *catalogue,
                                                      const char               *requirement);

G_END_DECLS
