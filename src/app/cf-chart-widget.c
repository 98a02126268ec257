/* cf-chart-widget.c
 *
 * Copyright 2026 The Conformity Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cf-chart-widget"

#include "config.h"

#include <glib/gi18n.h>

#include "cf-chart-widget.h"
#include "cf-threat.h"

/* The window draws the same pictures as the documents, with the core's
 * Cairo routines, so what the user sees is what the authority gets. */
struct _CfChartWidget
{
  GtkWidget        parent_instance;

  CfHeatmapData   *heatmap;     /* at most one of the two is set */
  CfReadinessData *readiness;
  GPtrArray       *threats;     /* of CfThreat, to name them in tooltips */
  char            *summary;
};

G_DEFINE_FINAL_TYPE (CfChartWidget, cf_chart_widget, GTK_TYPE_WIDGET)

#define HEATMAP_HEIGHT    500
#define READINESS_HEADER  60
#define READINESS_ROW     26
#define MIN_WIDTH         280

static const char *
threat_title (CfChartWidget *self,
              const char    *label)
{
  for (guint i = 0; self->threats != NULL && i < self->threats->len; i++)
    {
      CfThreat *threat = g_ptr_array_index (self->threats, i);
      g_autofree char *threat_label = cf_threat_dup_label (threat);

      if (g_strcmp0 (threat_label, label) == 0)
        return cf_threat_get_title (threat);
    }

  return NULL;
}

static const char *
band_label (const CfHeatmap *heatmap,
            int              score)
{
  const CfChartBand *band = cf_chart_band_for_score (heatmap->bands, heatmap->n_bands, score);

  return band != NULL ? cf_catalogue_display_string (band->label) : "";
}

/* "Residual risk: 1 critical, 2 high": the picture in words, for screen
 * readers, and a line per threat as the longer description. */
static void
describe_heatmap (CfChartWidget  *self,
                  char          **summary,
                  char          **description)
{
  const CfHeatmap *heatmap = cf_heatmap_data_get (self->heatmap);
  g_autoptr(GString) counts = g_string_new (NULL);
  g_autoptr(GString) lines = g_string_new (NULL);

  /* The bands run from low to critical: name the worst first. */
  for (guint b = heatmap->n_bands; b > 0; b--)
    {
      const CfChartBand *band = &heatmap->bands[b - 1];
      g_autofree char *name = g_utf8_strdown (cf_catalogue_display_string (band->label), -1);
      guint n = 0;

      for (guint i = 0; i < heatmap->n_points; i++)
        {
          int score = heatmap->points[i].likelihood * heatmap->points[i].impact;

          if (score >= band->min && score <= band->max)
            n++;
        }

      if (n > 0)
        {
          /* Translators: how many threats fall in a risk band, e.g. "2 high". */
          g_autofree char *count = g_strdup_printf (_("%u %s"), n, name);

          g_string_append_printf (counts, "%s%s", counts->len ? ", " : "", count);
        }
    }

  for (guint i = 0; i < heatmap->n_points; i++)
    {
      const CfChartPoint *point = &heatmap->points[i];
      const char *title = threat_title (self, point->label);
      int score = point->likelihood * point->impact;

      /* Translators: a threat in the heat map: its label and title, its
       * likelihood and impact, and its score and band, e.g.
       * "T3 Default password: likelihood Likely, impact Major, 16 · Critical". */
      g_autofree char *line = g_strdup_printf (_("%s %s: likelihood %s, impact %s, %d · %s"),
                                               point->label, title ? title : "",
                                               heatmap->likelihood_labels[point->likelihood - 1],
                                               heatmap->impact_labels[point->impact - 1],
                                               score, band_label (heatmap, score));

      g_string_append_printf (lines, "%s%s", lines->len ? "\n" : "", line);
    }

  if (heatmap->n_points == 0)
    /* Translators: the heat map's title, e.g. "Residual risk: no threats recorded". */
    *summary = g_strdup_printf (_("%s: no threats recorded"), heatmap->title);
  else
    /* Translators: the heat map's title, then how many threats are in each band. */
    *summary = g_strdup_printf (_("%s: %s"), heatmap->title, counts->str);
  *description = g_string_free (g_steal_pointer (&lines), FALSE);
}

static void
describe_readiness (CfChartWidget  *self,
                    char          **summary,
                    char          **description)
{
  const CfReadinessChart *chart = cf_readiness_data_get (self->readiness);
  g_autoptr(GString) lines = g_string_new (NULL);
  guint assessed = 0, implemented = 0, verified = 0;

  for (guint i = 0; i < chart->n_rows; i++)
    {
      const CfChartRow *row = &chart->rows[i];

      /* Counted as the chart counts them: verified is also implemented. */
      if (row->status != CF_CHART_STATUS_NOT_ASSESSED)
        assessed++;
      if (row->status == CF_CHART_STATUS_IMPLEMENTED || row->status == CF_CHART_STATUS_VERIFIED)
        implemented++;
      if (row->status == CF_CHART_STATUS_VERIFIED)
        verified++;

      g_string_append_printf (lines, "%s%s %s: %s", lines->len ? "\n" : "", row->ref, row->label,
                              chart->status_labels[row->status]);
    }

  *summary = g_strdup_printf (ngettext ("%u of %u requirement assessed, %u implemented, %u verified",
                                        "%u of %u requirements assessed, %u implemented, %u verified",
                                        chart->n_rows),
                              assessed, chart->n_rows, implemented, verified);
  *description = g_string_free (g_steal_pointer (&lines), FALSE);
}

static void
update (CfChartWidget *self)
{
  g_autofree char *description = NULL;

  g_clear_pointer (&self->summary, g_free);

  if (self->heatmap != NULL)
    describe_heatmap (self, &self->summary, &description);
  else if (self->readiness != NULL)
    describe_readiness (self, &self->summary, &description);

  if (self->summary != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                    GTK_ACCESSIBLE_PROPERTY_LABEL, self->summary,
                                    GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description,
                                    -1);
  else
    gtk_accessible_reset_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL);

  gtk_widget_queue_resize (GTK_WIDGET (self));
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* Which cell of the heat map is under the pointer, if any. */
static gboolean
find_cell (CfChartWidget *self,
           double         x,
           double         y,
           int           *likelihood,
           int           *impact,
           GdkRectangle  *area)
{
  double width = gtk_widget_get_width (GTK_WIDGET (self));
  double height = gtk_widget_get_height (GTK_WIDGET (self));

  for (int l = 1; l <= CF_CHART_SCALE; l++)
    for (int i = 1; i <= CF_CHART_SCALE; i++)
      {
        double cx, cy, cw, ch;

        if (cf_chart_heatmap_cell (width, height, l, i, &cx, &cy, &cw, &ch) &&
            x >= cx && x < cx + cw && y >= cy && y < cy + ch)
          {
            *likelihood = l;
            *impact = i;
            *area = (GdkRectangle) { (int) cx, (int) cy, (int) cw, (int) ch };
            return TRUE;
          }
      }

  return FALSE;
}

static gboolean
query_heatmap_tooltip (CfChartWidget *self,
                       int            x,
                       int            y,
                       GtkTooltip    *tooltip)
{
  const CfHeatmap *heatmap = cf_heatmap_data_get (self->heatmap);
  g_autoptr(GString) text = g_string_new (NULL);
  GdkRectangle area;
  int likelihood, impact;

  if (!find_cell (self, x, y, &likelihood, &impact, &area))
    return FALSE;

  /* Translators: a heat map cell: likelihood and impact levels, the score
   * and its band, e.g. "Likely × Major = 16 · Critical". */
  g_string_append_printf (text, _("%s × %s = %d · %s"),
                          heatmap->likelihood_labels[likelihood - 1], heatmap->impact_labels[impact - 1],
                          likelihood * impact, band_label (heatmap, likelihood * impact));

  for (guint i = 0; i < heatmap->n_points; i++)
    {
      const CfChartPoint *point = &heatmap->points[i];
      const char *title;

      if (point->likelihood != likelihood || point->impact != impact)
        continue;

      title = threat_title (self, point->label);
      g_string_append_printf (text, "\n%s %s", point->label, title ? title : "");
    }

  gtk_tooltip_set_text (tooltip, text->str);
  /* A new tooltip for each cell, rather than one that lags behind. */
  gtk_tooltip_set_tip_area (tooltip, &area);

  return TRUE;
}

static gboolean
query_readiness_tooltip (CfChartWidget *self,
                         int            x,
                         int            y,
                         GtkTooltip    *tooltip)
{
  const CfReadinessChart *chart = cf_readiness_data_get (self->readiness);
  double width = gtk_widget_get_width (GTK_WIDGET (self));
  double height = gtk_widget_get_height (GTK_WIDGET (self));

  for (guint i = 0; i < chart->n_rows; i++)
    {
      double rx, ry, rw, rh;
      g_autofree char *text = NULL;

      if (!cf_chart_readiness_row (width, height, chart->n_rows, i, &rx, &ry, &rw, &rh))
        break;
      if (x < rx || x >= rx + rw || y < ry || y >= ry + rh)
        continue;

      /* Rows are shortened to fit: the tooltip gives them in full. */
      text = g_strdup_printf ("%s %s\n%s", chart->rows[i].ref, chart->rows[i].label,
                              chart->status_labels[chart->rows[i].status]);
      gtk_tooltip_set_text (tooltip, text);
      gtk_tooltip_set_tip_area (tooltip, &(GdkRectangle) { (int) rx, (int) ry, (int) rw, (int) rh });
      return TRUE;
    }

  return FALSE;
}

static gboolean
cf_chart_widget_query_tooltip (GtkWidget  *widget,
                               int         x,
                               int         y,
                               gboolean    keyboard_tooltip,
                               GtkTooltip *tooltip)
{
  CfChartWidget *self = CF_CHART_WIDGET (widget);

  if (self->heatmap != NULL && !keyboard_tooltip)
    return query_heatmap_tooltip (self, x, y, tooltip);
  if (self->readiness != NULL && !keyboard_tooltip)
    return query_readiness_tooltip (self, x, y, tooltip);

  return FALSE;
}

static void
cf_chart_widget_measure (GtkWidget      *widget,
                         GtkOrientation  orientation,
                         int             for_size,
                         int            *minimum,
                         int            *natural,
                         int            *minimum_baseline,
                         int            *natural_baseline)
{
  CfChartWidget *self = CF_CHART_WIDGET (widget);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = MIN_WIDTH;
      *natural = 2 * MIN_WIDTH;
    }
  else if (self->readiness != NULL)
    {
      /* Tall enough for every requirement to keep a readable row. */
      *minimum = *natural = READINESS_HEADER +
                            READINESS_ROW * (int) cf_readiness_data_get (self->readiness)->n_rows;
    }
  else
    *minimum = *natural = HEATMAP_HEIGHT;
}

static void
cf_chart_widget_snapshot (GtkWidget   *widget,
                          GtkSnapshot *snapshot)
{
  CfChartWidget *self = CF_CHART_WIDGET (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  cairo_t *cr;

  if ((self->heatmap == NULL && self->readiness == NULL) || width <= 0 || height <= 0)
    return;

  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  if (self->heatmap != NULL)
    {
      /* The chart data is shared with the documents, which have their own
       * language: the window shows the catalogue's words in its own. */
      const CfHeatmap *data = cf_heatmap_data_get (self->heatmap);
      CfHeatmap shown = *data;
      g_autofree CfChartBand *bands = g_memdup2 (data->bands, data->n_bands * sizeof (CfChartBand));

      for (guint i = 0; i < data->n_bands; i++)
        bands[i].label = cf_catalogue_display_string (bands[i].label);
      for (guint i = 0; i < CF_CHART_SCALE; i++)
        {
          shown.likelihood_labels[i] = cf_catalogue_display_string (data->likelihood_labels[i]);
          shown.impact_labels[i] = cf_catalogue_display_string (data->impact_labels[i]);
        }
      shown.bands = bands;
      cf_chart_draw_heatmap (cr, width, height, &shown);
    }
  else
    cf_chart_draw_readiness (cr, width, height, cf_readiness_data_get (self->readiness));
  cairo_destroy (cr);
}

static void
cf_chart_widget_dispose (GObject *object)
{
  CfChartWidget *self = CF_CHART_WIDGET (object);

  g_clear_pointer (&self->threats, g_ptr_array_unref);

  G_OBJECT_CLASS (cf_chart_widget_parent_class)->dispose (object);
}

static void
cf_chart_widget_finalize (GObject *object)
{
  CfChartWidget *self = CF_CHART_WIDGET (object);

  g_clear_pointer (&self->heatmap, cf_heatmap_data_free);
  g_clear_pointer (&self->readiness, cf_readiness_data_free);
  g_clear_pointer (&self->summary, g_free);

  G_OBJECT_CLASS (cf_chart_widget_parent_class)->finalize (object);
}

static void
cf_chart_widget_class_init (CfChartWidgetClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cf_chart_widget_dispose;
  object_class->finalize = cf_chart_widget_finalize;
  widget_class->measure = cf_chart_widget_measure;
  widget_class->snapshot = cf_chart_widget_snapshot;
  widget_class->query_tooltip = cf_chart_widget_query_tooltip;

  gtk_widget_class_set_css_name (widget_class, "chart");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
cf_chart_widget_init (CfChartWidget *self)
{
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
}

GtkWidget *
cf_chart_widget_new (void)
{
  return g_object_new (CF_TYPE_CHART_WIDGET, NULL);
}

/**
 * cf_chart_widget_set_heatmap:
 * @data: (transfer full) (nullable): the heat map to show
 *
 * Shows a heat map, in place of whatever the widget showed.
 */
void
cf_chart_widget_set_heatmap (CfChartWidget *self,
                             CfHeatmapData *data)
{
  g_return_if_fail (CF_IS_CHART_WIDGET (self));

  g_clear_pointer (&self->readiness, cf_readiness_data_free);
  g_clear_pointer (&self->heatmap, cf_heatmap_data_free);
  self->heatmap = data;
  update (self);
}

/**
 * cf_chart_widget_set_readiness:
 * @data: (transfer full) (nullable): the readiness overview to show
 *
 * Shows the readiness overview, in place of whatever the widget showed.
 */
void
cf_chart_widget_set_readiness (CfChartWidget   *self,
                               CfReadinessData *data)
{
  g_return_if_fail (CF_IS_CHART_WIDGET (self));

  g_clear_pointer (&self->heatmap, cf_heatmap_data_free);
  g_clear_pointer (&self->readiness, cf_readiness_data_free);
  self->readiness = data;
  update (self);
}

/**
 * cf_chart_widget_set_threats:
 * @threats: (element-type CfThreat) (nullable): the register the heat map
 *   was made from
 *
 * Lets the heat map's tooltips and description give each threat's title,
 * not only its label. Set it before the heat map.
 */
void
cf_chart_widget_set_threats (CfChartWidget *self,
                             GPtrArray     *threats)
{
  g_return_if_fail (CF_IS_CHART_WIDGET (self));

  if (threats != NULL)
    g_ptr_array_ref (threats);
  g_clear_pointer (&self->threats, g_ptr_array_unref);
  self->threats = threats;
  update (self);
}

/**
 * cf_chart_widget_get_summary:
 *
 * Returns: (nullable): the picture in one sentence, as screen readers
 *   announce it, e.g. "Residual risk: 2 high, 3 medium, 1 low"
 */
const char *
cf_chart_widget_get_summary (CfChartWidget *self)
{
  g_return_val_if_fail (CF_IS_CHART_WIDGET (self), NULL);
  return self->summary;
}
