/* cf-chart.h — the risk heat map and the readiness overview, drawn with Cairo
 *
 * One routine per picture draws on any cairo_t at any size: the window uses
 * it in a widget, the documents embed it as a PNG. No GTK here.
 *
 * Copyright 2026 The Conformity Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>
#include <glib.h>

G_BEGIN_DECLS

#define CF_CHART_SCALE 5   /* likelihood and impact run from 1 to 5 */

/* A band of the risk score (likelihood × impact), e.g. "high" 10–15. */
typedef struct
{
  const char *id;      /* "low", "medium", "high", "critical" */
  const char *label;   /* shown in the cells, e.g. "High" */
  int         min;     /* inclusive score bounds */
  int         max;
} CfChartBand;

/* A threat placed in the heat map. */
typedef struct
{
  int         likelihood;   /* 1..5 */
  int         impact;       /* 1..5 */
  const char *label;        /* short, e.g. "T3" */
} CfChartPoint;

typedef struct
{
  const char        *title;                               /* e.g. "Residual risk" */
  const char        *likelihood_title;                    /* axis title */
  const char        *impact_title;
  const char        *likelihood_labels[CF_CHART_SCALE];   /* level 1..5 */
  const char        *impact_labels[CF_CHART_SCALE];
  const CfChartBand *bands;
  guint              n_bands;
  const CfChartPoint *points;
  guint              n_points;
} CfHeatmap;

typedef enum
{
  CF_CHART_STATUS_NOT_ASSESSED,
  CF_CHART_STATUS_NOT_APPLICABLE,
  CF_CHART_STATUS_NOT_STARTED,
  CF_CHART_STATUS_IN_PROGRESS,
  CF_CHART_STATUS_IMPLEMENTED,
  CF_CHART_STATUS_VERIFIED,
} CfChartStatus;

typedef struct
{
  const char    *ref;      /* e.g. "(2)(a)" */
  const char    *label;    /* e.g. "No known exploitable vulnerabilities" */
  CfChartStatus  status;
} CfChartRow;

typedef struct
{
  const char       *title;
  const char       *status_labels[CF_CHART_STATUS_VERIFIED + 1];   /* translated */
  const char       *assessed_label;      /* "Assessed" */
  const char       *implemented_label;   /* "Implemented" */
  const char       *verified_label;      /* "Verified" */
  const CfChartRow *rows;
  guint             n_rows;
} CfReadinessChart;

const CfChartBand *cf_chart_band_for_score      (const CfChartBand      *bands,
                                                 guint                   n_bands,
                                                 int                     score);
void               cf_chart_draw_heatmap        (cairo_t                *cr,
                                                 double                  width,
                                                 double                  height,
                                                 const CfHeatmap        *heatmap);
gboolean           cf_chart_heatmap_cell        (double                  width,
                                                 double                  height,
                                                 int                     likelihood,
                                                 int                     impact,
                                                 double                 *x,
                                                 double                 *y,
                                                 double                 *cell_width,
                                                 double                 *cell_height);
void               cf_chart_band_color          (const char             *band_id,
                                                 double                 *red,
                                                 double                 *green,
                                                 double                 *blue);
void               cf_chart_draw_readiness      (cairo_t                *cr,
                                                 double                  width,
                                                 double                  height,
                                                 const CfReadinessChart *chart);
void               cf_chart_readiness_shares    (const CfReadinessChart *chart,
                                                 double                 *assessed,
                                                 double                 *implemented,
                                                 double                 *verified);
/* Which rows fit, and where a row and its status chip are: for hit-testing
 * in the window and for the tests. FALSE for a row that is not shown. */
guint              cf_chart_readiness_n_shown   (double                  width,
                                                 double                  height,
                                                 guint                   n_rows);
gboolean           cf_chart_readiness_row       (double                  width,
                                                 double                  height,
                                                 guint                   n_rows,
                                                 guint                   row_index,
                                                 double                 *x,
                                                 double                 *y,
                                                 double                 *row_width,
                                                 double                 *row_height);
gboolean           cf_chart_readiness_chip      (double                  width,
                                                 double                  height,
                                                 guint                   n_rows,
                                                 guint                   row_index,
                                                 double                 *x,
                                                 double                 *y,
                                                 double                 *chip_width,
                                                 double                 *chip_height);
GBytes            *cf_chart_heatmap_to_png      (const CfHeatmap        *heatmap,
                                                 int                     width,
                                                 int                     height,
                                                 GError                **error);
GBytes            *cf_chart_readiness_to_png    (const CfReadinessChart *chart,
                                                 int                     width,
                                                 int                     height,
                                                 GError                **error);

G_END_DECLS
