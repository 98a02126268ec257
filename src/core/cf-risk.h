/* cf-risk.h — likelihood, impact, bands, STRIDE, treatments and statuses
 *
 * Copyright 2026 The Conformity Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "cf-catalogue.h"
#include "cf-chart.h"

G_BEGIN_DECLS

#define CF_RISK_MIN_LEVEL 1
#define CF_RISK_MAX_LEVEL 5

/* Implementation status of an essential requirement; ids are the CLI's. */
typedef enum
{
  CF_STATUS_NOT_STARTED,
  CF_STATUS_IN_PROGRESS,
  CF_STATUS_IMPLEMENTED,
  CF_STATUS_VERIFIED,
} CfStatus;

const char *cf_status_to_id       (CfStatus     status);
gboolean    cf_status_from_id     (const char  *id,
                                   CfStatus    *status);
const char *cf_status_get_label   (CfStatus     status);
const char *cf_status_list_ids    (void);

/* How a threat is treated; ids are the CLI's. */
gboolean    cf_treatment_is_valid (const char  *id);
const char *cf_treatment_get_label (const char *id);
const char *cf_treatment_list_ids (void);

typedef struct _CfRiskModel CfRiskModel;

CfRiskModel       *cf_risk_model_new             (CfCatalogue  *catalogue);
void               cf_risk_model_free            (CfRiskModel  *self);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CfRiskModel, cf_risk_model_free)

const char        *cf_risk_model_level_label     (CfRiskModel  *self,
                                                  const char   *scale,
                                                  int           value);
const char        *cf_risk_model_level_text      (CfRiskModel  *self,
                                                  const char   *scale,
                                                  int           value);
const CfChartBand *cf_risk_model_get_bands       (CfRiskModel  *self,
                                                  guint        *n_bands);
const CfChartBand *cf_risk_model_band_for        (CfRiskModel  *self,
                                                  int           likelihood,
                                                  int           impact);
GPtrArray         *cf_risk_model_get_stride      (CfRiskModel  *self);
gboolean           cf_risk_model_stride_is_valid (CfRiskModel  *self,
                                                  const char   *stride);
const char        *cf_risk_model_stride_label    (CfRiskModel  *self,
                                                  const char   *stride);
char              *cf_risk_model_list_stride     (CfRiskModel  *self);
const char        *cf_risk_model_resolve_stride  (CfRiskModel  *self,
                                                  const char   *text);

G_END_DECLS
