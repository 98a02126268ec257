/* cf-chart-widget.h — the risk heat map or the readiness overview, on screen
 *
 * Copyright 2026 The Conformity Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "cf-assessment-charts.h"

G_BEGIN_DECLS

#define CF_TYPE_CHART_WIDGET (cf_chart_widget_get_type ())

G_DECLARE_FINAL_TYPE (CfChartWidget, cf_chart_widget, CF, CHART_WIDGET, GtkWidget)

GtkWidget  *cf_chart_widget_new           (void);
void        cf_chart_widget_set_heatmap   (CfChartWidget   *self,
                                           CfHeatmapData   *data);
void        cf_chart_widget_set_readiness (CfChartWidget   *self,
                                           CfReadinessData *data);
void        cf_chart_widget_set_threats   (CfChartWidget   *self,
                                           GPtrArray       *threats);
const char *cf_chart_widget_get_summary   (CfChartWidget   *self);

G_END_DECLS
