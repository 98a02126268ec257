/* cf-product-status.h — everything the regulation decides about one product
 *
 * Copyright 2026 The Conformity Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "cf-declaration.h"
#include "cf-lifecycle.h"
#include "cf-readiness.h"
#include "cf-routing.h"
#include "cf-scope.h"
#include "cf-store.h"

G_BEGIN_DECLS

/* Read together, so the window, the CLI and the documents all see one
 * consistent picture: scope, category, procedures, dates and the risk
 * assessment with its readiness gate. */
typedef struct
{
  CfProduct        *product;
  GHashTable       *answers;          /* question → answer */
  CfScopeResult    *scope;
  CfClassification *classification;   /* nullable: not classified yet */
  GPtrArray        *coverage;         /* of CfCoverage */
  GPtrArray        *routes;           /* of CfRoute */
  CfLifecycle      *lifecycle;
  CfAssessmentContext *context;       /* of the risk assessment */
  GPtrArray        *assessments;      /* of CfRequirementAssessment */
  GPtrArray        *threats;          /* of CfThreat */
  GPtrArray        *evidence;         /* of CfEvidence */
  CfReadiness      *readiness;
} CfProductStatus;

void             cf_product_status_free  (CfProductStatus *status);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CfProductStatus, cf_product_status_free)

CfProductStatus *cf_product_status_load  (CfStore         *store,
                                          CfCatalogue     *catalogue,
                                          gint64           product_id,
                                          const GDate     *today,
                                          GError         **error);
CfDeclarationFacts cf_product_status_get_facts (CfProductStatus *status,
                                                CfCatalogue     *catalogue);
GStrv            cf_declaration_check    (CfStore         *store,
                                          CfCatalogue     *catalogue,
                                          gint64           product_id,
                                          GError         **error);

G_END_DECLS
