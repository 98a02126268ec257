/* cf-assessment-charts.h — a product's heat map and readiness overview, ready to draw
 *
 * Copyright 2026 The Conformity Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "cf-catalogue.h"
#include "cf-chart.h"
#include "cf-risk.h"

G_BEGIN_DECLS

/* A chart description and the strings it points to. */
typedef struct _CfHeatmapData CfHeatmapData;
typedef struct _CfReadinessData CfReadinessData;

CfHeatmapData          *cf_heatmap_data_new      (CfRiskModel      *model,
                                                  GPtrArray        *threats,
                                                  gboolean          residual);
const CfHeatmap        *cf_heatmap_data_get      (CfHeatmapData    *self);
void                    cf_heatmap_data_free     (CfHeatmapData    *self);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CfHeatmapData, cf_heatmap_data_free)

CfReadinessData        *cf_readiness_data_new    (CfCatalogue      *catalogue,
                                                  GPtrArray        *assessments);
const CfReadinessChart *cf_readiness_data_get    (CfReadinessData  *self);
void                    cf_readiness_data_free   (CfReadinessData  *self);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CfReadinessData, cf_readiness_data_free)

G_END_DECLS
