/* cf-readiness.h — the gate before a declaration of conformity
 *
 * Copyright 2026 The Conformity Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "cf-assessment-context.h"
#include "cf-catalogue.h"
#include "cf-classification.h"
#include "cf-risk.h"
#include "cf-scope.h"

G_BEGIN_DECLS

/* One thing still missing. what is a stable id that scripts read
 * (`conformity-cli readiness --json`); item says which: a requirement id,
 * a threat ("T3"), a context field, "scope" or "classification". */
typedef struct
{
  char *what;
  char *item;
  char *message;   /* the sentence shown to people, translated */
} CfMissing;

typedef struct
{
  gboolean   ready;
  GPtrArray *missing;   /* of CfMissing, in the order of the work */
} CfReadiness;

/* What the gate weighs, as the store holds it. */
typedef struct
{
  const CfScopeResult *scope;            /* nullable: not checked */
  CfClassification    *classification;   /* nullable: not classified */
  CfAssessmentContext *context;          /* nullable: none entered */
  GPtrArray           *assessments;      /* of CfRequirementAssessment */
  GPtrArray           *threats;          /* of CfThreat */
  GPtrArray           *evidence;         /* of CfEvidence */
  const GDate         *today;            /* for expiry; nullable: today */
} CfReadinessInput;

void         cf_readiness_free      (CfReadiness            *self);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CfReadiness, cf_readiness_free)

CfReadiness *cf_readiness_evaluate  (CfCatalogue            *catalogue,
                                     CfRiskModel            *model,
                                     const CfReadinessInput *input);
gboolean     cf_readiness_has       (CfReadiness            *self,
                                     const char             *what,
                                     const char             *item);
char        *cf_readiness_summary   (CfReadiness            *self);

G_END_DECLS
