/* cf-assessment-charts.c
 *
 * Copyright 2026 The Conformity Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cf-assessment-charts"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "cf-assessment-charts.h"
#include "cf-requirement-assessment.h"
#include "cf-threat.h"

struct _CfHeatmapData
{
  CfHeatmap  heatmap;
  GArray    *points;    /* of CfChartPoint */
  GPtrArray *strings;   /* owns the labels the points use */
};

struct _CfReadinessData
{
  CfReadinessChart  chart;
  GArray           *rows;      /* of CfChartRow */
  GPtrArray        *strings;
};

/**
 * cf_heatmap_data_new:
 * @threats: (element-type CfThreat): the risk register
 * @residual: place each threat by its residual likelihood and impact (its
 *   inherent ones where no residual risk is assessed) rather than by its
 *   inherent ones
 *
 * Returns: (transfer full): the heat map of the risk register
 */
CfHeatmapData *
cf_heatmap_data_new (CfRiskModel *model,
                     GPtrArray   *threats,
                     gboolean     residual)
{
  CfHeatmapData *self = g_new0 (CfHeatmapData, 1);

  self->points = g_array_new (FALSE, TRUE, sizeof (CfChartPoint));
  self->strings = g_ptr_array_new_with_free_func (g_free);

  self->heatmap.title = residual ? _("Residual risk") : _("Inherent risk");
  self->heatmap.likelihood_title = _("Likelihood");
  self->heatmap.impact_title = _("Impact");
  for (int level = 1; level <= CF_CHART_SCALE; level++)
    {
      self->heatmap.likelihood_labels[level - 1] = cf_risk_model_level_label (model, "likelihood", level);
      self->heatmap.impact_labels[level - 1] = cf_risk_model_level_label (model, "impact", level);
    }
  self->heatmap.bands = cf_risk_model_get_bands (model, &self->heatmap.n_bands);

  for (guint i = 0; threats != NULL && i < threats->len; i++)
    {
      CfThreat *threat = g_ptr_array_index (threats, i);
      CfChartPoint point = { 0 };
      char *label = cf_threat_dup_label (threat);

      g_ptr_array_add (self->strings, label);
      point.label = label;
      if (residual && cf_threat_has_residual (threat))
        {
          point.likelihood = cf_threat_get_residual_likelihood (threat);
          point.impact = cf_threat_get_residual_impact (threat);
        }
      else
        {
          point.likelihood = cf_threat_get_likelihood (threat);
          point.impact = cf_threat_get_impact (threat);
        }
      g_array_append_val (self->points, point);
    }

  self->heatmap.points = (const CfChartPoint *) (gpointer) self->points->data;
  self->heatmap.n_points = self->points->len;

  return self;
}

const CfHeatmap *
cf_heatmap_data_get (CfHeatmapData *self)
{
  return &self->heatmap;
}

void
cf_heatmap_data_free (CfHeatmapData *self)
{
  if (self == NULL)
    return;

  g_array_unref (self->points);
  g_ptr_array_unref (self->strings);
  g_free (self);
}

static const CfRequirementAssessment *
find_assessment (GPtrArray  *assessments,
                 const char *requirement)
{
  for (guint i = 0; assessments != NULL && i < assessments->len; i++)
    {
      const CfRequirementAssessment *a = g_ptr_array_index (assessments, i);

      if (g_strcmp0 (a->requirement, requirement) == 0)
        return a;
    }

  return NULL;
}

static CfChartStatus
chart_status (const CfRequirementAssessment *a)
{
  if (a == NULL)
    return CF_CHART_STATUS_NOT_ASSESSED;
  if (!a->applies)
    return CF_CHART_STATUS_NOT_APPLICABLE;

  switch (a->status)
    {
    case CF_STATUS_NOT_STARTED: return CF_CHART_STATUS_NOT_STARTED;
    case CF_STATUS_IN_PROGRESS: return CF_CHART_STATUS_IN_PROGRESS;
    case CF_STATUS_IMPLEMENTED: return CF_CHART_STATUS_IMPLEMENTED;
    case CF_STATUS_VERIFIED: return CF_CHART_STATUS_VERIFIED;
    default: g_assert_not_reached ();
    }
}

/**
 * cf_readiness_data_new:
 * @assessments: (element-type CfRequirementAssessment): those made so far
 *
 * Returns: (transfer full): every essential requirement with its status
 */
CfReadinessData *
cf_readiness_data_new (CfCatalogue *catalogue,
                       GPtrArray   *assessments)
{
  CfReadinessData *self = g_new0 (CfReadinessData, 1);
  g_autoptr(GPtrArray) requirements = cf_requirements_list (catalogue);

  self->rows = g_array_new (FALSE, TRUE, sizeof (CfChartRow));
  self->strings = g_ptr_array_new_with_free_func (g_free);

  self->chart.title = _("Essential requirements");
  self->chart.status_labels[CF_CHART_STATUS_NOT_ASSESSED] = _("Not assessed");
  self->chart.status_labels[CF_CHART_STATUS_NOT_APPLICABLE] = _("Does not apply");
  self->chart.status_labels[CF_CHART_STATUS_NOT_STARTED] = cf_status_get_label (CF_STATUS_NOT_STARTED);
  self->chart.status_labels[CF_CHART_STATUS_IN_PROGRESS] = cf_status_get_label (CF_STATUS_IN_PROGRESS);
  self->chart.status_labels[CF_CHART_STATUS_IMPLEMENTED] = cf_status_get_label (CF_STATUS_IMPLEMENTED);
  self->chart.status_labels[CF_CHART_STATUS_VERIFIED] = cf_status_get_label (CF_STATUS_VERIFIED);
  self->chart.assessed_label = _("Assessed");
  self->chart.implemented_label = _("Implemented");
  self->chart.verified_label = _("Verified");

  for (guint i = 0; i < requirements->len; i++)
    {
      CfCatalogueItem *item = g_ptr_array_index (requirements, i);
      CfChartRow row = { 0 };
      char *ref = cf_requirement_short_ref (item);

      g_ptr_array_add (self->strings, ref);
      row.ref = ref;
      row.label = cf_catalogue_item_get_label (item);
      row.status = chart_status (find_assessment (assessments, cf_catalogue_item_get_id (item)));
      g_array_append_val (self->rows, row);
    }

  /* The catalogue items outlive the chart: it belongs to the context. */
  self->chart.rows = (const CfChartRow *) (gpointer) self->rows->data;
  self->chart.n_rows = self->rows->len;

  return self;
}

const CfReadinessChart *
cf_readiness_data_get (CfReadinessData *self)
{
  return &self->chart;
}

void
cf_readiness_data_free (CfReadinessData *self)
{
  if (self == NULL)
    return;

  g_array_unref (self->rows);
  g_ptr_array_unref (self->strings);
  g_free (self);
}
