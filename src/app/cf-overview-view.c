/* cf-overview-view.c
 *
 * Copyright 2026 The Conformity Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cf-overview-view"

#include "config.h"

#include <glib/gi18n.h>

#include "cf-chart-widget.h"
#include "cf-overview-view.h"
#include "cf-product-status.h"

struct _CfOverviewView
{
  AdwBin           parent_instance;

  /* Template widgets */
  GtkImage        *summary_icon;
  GtkLabel        *summary_label;
  GtkWidget       *mode_box;
  GtkToggleButton *residual_button;
  GtkStack        *heatmap_stack;
  CfChartWidget   *heatmap_chart;
  CfChartWidget   *readiness_chart;

  CfContext       *context;
  CfRiskModel     *model;
  gint64           product_id;
  GPtrArray       *threats;   /* of CfThreat, as last loaded */
};

G_DEFINE_FINAL_TYPE (CfOverviewView, cf_overview_view, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_CONTEXT,
  PROP_PRODUCT_ID,
  N_PROPS
};

enum {
  SIGNAL_ADD_TOAST,
  N_SIGNALS
};

static GParamSpec *properties [N_PROPS];
static guint signals [N_SIGNALS];

static void
toast (CfOverviewView *self,
       const char     *title)
{
  AdwToast *t = adw_toast_new (title);

  adw_toast_set_timeout (t, 6);
  g_signal_emit (self, signals [SIGNAL_ADD_TOAST], 0, t);
}

/* Switching between inherent and residual risk redraws what was loaded;
 * only a change in the store reads it again. */
static void
show_heatmap (CfOverviewView *self)
{
  gboolean residual = gtk_toggle_button_get_active (self->residual_button);
  gboolean empty = self->threats == NULL || self->threats->len == 0;

  cf_chart_widget_set_threats (self->heatmap_chart, self->threats);
  cf_chart_widget_set_heatmap (self->heatmap_chart,
                               cf_heatmap_data_new (self->model, self->threats, residual));
  gtk_stack_set_visible_child_name (self->heatmap_stack, empty ? "empty" : "chart");
  gtk_widget_set_sensitive (self->mode_box, !empty);
}

static void
show_summary (CfOverviewView  *self,
              CfProductStatus *status)
{
  g_autofree char *summary = status ? cf_readiness_summary (status->readiness) : NULL;
  gboolean ready = status != NULL && status->readiness->ready;

  gtk_label_set_text (self->summary_label, summary ? summary : "");
  gtk_image_set_from_icon_name (self->summary_icon, ready ? "emblem-ok-symbolic" : "dialog-warning-symbolic");
  gtk_widget_remove_css_class (GTK_WIDGET (self->summary_icon), ready ? "warning" : "success");
  gtk_widget_add_css_class (GTK_WIDGET (self->summary_icon), ready ? "success" : "warning");
  gtk_widget_set_visible (GTK_WIDGET (self->summary_icon), status != NULL);
}

static void
reload (CfOverviewView *self)
{
  CfCatalogue *catalogue = cf_context_get_catalogue (self->context);
  g_autoptr(CfProductStatus) status = NULL;
  g_autoptr(GError) error = NULL;

  g_clear_pointer (&self->threats, g_ptr_array_unref);

  if (self->product_id != 0)
    {
      status = cf_product_status_load (cf_context_get_store (self->context), catalogue, self->product_id,
                                       NULL, &error);
      if (status == NULL)
        toast (self, error->message);
    }

  if (status != NULL)
    self->threats = g_ptr_array_ref (status->threats);

  show_summary (self, status);
  show_heatmap (self);
  cf_chart_widget_set_readiness (self->readiness_chart,
                                 cf_readiness_data_new (catalogue, status ? status->assessments : NULL));
}

static void
store_changed_cb (CfOverviewView *self,
                  gint64          id,
                  CfStore        *store)
{
  if (id == self->product_id && self->product_id != 0)
    reload (self);
}

static void
mode_toggled_cb (CfOverviewView  *self,
                 GtkToggleButton *button)
{
  /* Both buttons of the pair report; act on the one switched on, once
   * there is a model to draw with. */
  if (gtk_toggle_button_get_active (button) && self->model != NULL)
    show_heatmap (self);
}

static void
cf_overview_view_constructed (GObject *object)
{
  CfOverviewView *self = CF_OVERVIEW_VIEW (object);

  G_OBJECT_CLASS (cf_overview_view_parent_class)->constructed (object);

  self->model = cf_risk_model_new (cf_context_get_catalogue (self->context));
  g_signal_connect_object (cf_context_get_store (self->context), "changed",
                           G_CALLBACK (store_changed_cb), self, G_CONNECT_SWAPPED);
  reload (self);
}

static void
cf_overview_view_dispose (GObject *object)
{
  CfOverviewView *self = CF_OVERVIEW_VIEW (object);

  g_clear_pointer (&self->threats, g_ptr_array_unref);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (cf_overview_view_parent_class)->dispose (object);
}

static void
cf_overview_view_finalize (GObject *object)
{
  CfOverviewView *self = CF_OVERVIEW_VIEW (object);

  g_clear_pointer (&self->model, cf_risk_model_free);

  G_OBJECT_CLASS (cf_overview_view_parent_class)->finalize (object);
}

static void
cf_overview_view_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  CfOverviewView *self = CF_OVERVIEW_VIEW (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      g_value_set_object (value, self->context);
      break;

    case PROP_PRODUCT_ID:
      g_value_set_int64 (value, self->product_id);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cf_overview_view_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  CfOverviewView *self = CF_OVERVIEW_VIEW (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      self->context = g_value_dup_object (value);
      break;

    case PROP_PRODUCT_ID:
      cf_overview_view_set_product_id (self, g_value_get_int64 (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cf_overview_view_class_init (CfOverviewViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = cf_overview_view_constructed;
  object_class->dispose = cf_overview_view_dispose;
  object_class->finalize = cf_overview_view_finalize;
  object_class->get_property = cf_overview_view_get_property;
  object_class->set_property = cf_overview_view_set_property;

  properties [PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL,
                         CF_TYPE_CONTEXT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties [PROP_PRODUCT_ID] =
    g_param_spec_int64 ("product-id", NULL, NULL,
                        0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * CfOverviewView::add-toast:
   * @toast: the toast to show
   *
   * The view reports failures through the window's toast overlay.
   */
  signals [SIGNAL_ADD_TOAST] =
    g_signal_new ("add-toast",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, ADW_TYPE_TOAST);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/cf-overview-view.ui");
  gtk_widget_class_bind_template_child (widget_class, CfOverviewView, summary_icon);
  gtk_widget_class_bind_template_child (widget_class, CfOverviewView, summary_label);
  gtk_widget_class_bind_template_child (widget_class, CfOverviewView, mode_box);
  gtk_widget_class_bind_template_child (widget_class, CfOverviewView, residual_button);
  gtk_widget_class_bind_template_child (widget_class, CfOverviewView, heatmap_stack);
  gtk_widget_class_bind_template_child (widget_class, CfOverviewView, heatmap_chart);
  gtk_widget_class_bind_template_child (widget_class, CfOverviewView, readiness_chart);
  gtk_widget_class_bind_template_callback (widget_class, mode_toggled_cb);

  g_type_ensure (CF_TYPE_CHART_WIDGET);
}

static void
cf_overview_view_init (CfOverviewView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
cf_overview_view_new (CfContext *context)
{
  g_return_val_if_fail (CF_IS_CONTEXT (context), NULL);

  return g_object_new (CF_TYPE_OVERVIEW_VIEW, "context", context, NULL);
}

gint64
cf_overview_view_get_product_id (CfOverviewView *self)
{
  g_return_val_if_fail (CF_IS_OVERVIEW_VIEW (self), 0);
  return self->product_id;
}

void
cf_overview_view_set_product_id (CfOverviewView *self,
                                 gint64          product_id)
{
  g_return_if_fail (CF_IS_OVERVIEW_VIEW (self));

  if (self->product_id == product_id)
    return;

  self->product_id = product_id;
  if (self->context != NULL)
    reload (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_PRODUCT_ID]);
}
