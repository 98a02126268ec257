/* cf-example.h — the example product offered on first start
 *
 * Copyright 2026 The Conformity Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "cf-assessment-context.h"
#include "cf-classification.h"
#include "cf-declaration-info.h"
#include "cf-evidence.h"
#include "cf-manufacturer.h"
#include "cf-product.h"
#include "cf-user-information.h"

G_BEGIN_DECLS

void cf_example_fill (CfManufacturer    *manufacturer,
                      CfProduct         *product,
                      CfDeclarationInfo *info);

void cf_example_fill_assessment (GHashTable       *answers,
                                 CfClassification *classification);

void cf_example_fill_risk_assessment (CfAssessmentContext *context,
                                      GPtrArray           *threats,
                                      GPtrArray           *assessments);

void cf_example_fill_user_information (CfUserInformation *info);

/* An example evidence file: the item and the bytes of its only version. */
typedef struct
{
  CfEvidence *item;
  const char *file_name;
  const char *media_type;
  GBytes     *content;
} CfExampleFile;

void cf_example_file_free (CfExampleFile *file);
void cf_example_fill_evidence (GPtrArray *files);

G_END_DECLS
