/* cf-product-row.c
 *
 * Copyright 2026 The Conformity Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cf-product-row"

#include "config.h"

#include <glib/gi18n.h>

#include "cf-product-row.h"

struct _CfProductRow
{
  GtkBox     parent_instance;

  GtkLabel  *name_label;
  GtkLabel  *detail_label;
  GtkLabel  *example_label;

  CfProduct *product;
};

G_DEFINE_FINAL_TYPE (CfProductRow, cf_product_row, GTK_TYPE_BOX)

enum {
  PROP_0,
  PROP_PRODUCT,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static void
update (CfProductRow *self)
{
  const char *model = NULL;
  const char *version = NULL;
  g_autofree char *detail = NULL;

  if (self->product != NULL)
    {
      model = cf_product_get_model (self->product);
      version = cf_product_get_version (self->product);
    }

  if (version != NULL)
    /* Translators: model and version in the product list, e.g. "ST-200 · 2.4.1" */
    detail = g_strdup_printf (_("%s · %s"), model ? model : "", version);
  else
    detail = g_strdup (model ? model : "");

  gtk_label_set_text (self->name_label, self->product ? cf_product_get_name (self->product) : "");
  gtk_label_set_text (self->detail_label, detail);
  gtk_widget_set_visible (GTK_WIDGET (self->example_label),
                          self->product && cf_record_get_is_example (CF_RECORD (self->product)));
}

static void
cf_product_row_dispose (GObject *object)
{
  CfProductRow *self = CF_PRODUCT_ROW (object);

  g_clear_object (&self->product);

  G_OBJECT_CLASS (cf_product_row_parent_class)->dispose (object);
}

static void
cf_product_row_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  CfProductRow *self = CF_PRODUCT_ROW (object);

  switch (prop_id)
    {
    case PROP_PRODUCT:
      g_value_set_object (value, self->product);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cf_product_row_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  CfProductRow *self = CF_PRODUCT_ROW (object);

  switch (prop_id)
    {
    case PROP_PRODUCT:
      cf_product_row_set_product (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cf_product_row_class_init (CfProductRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cf_product_row_dispose;
  object_class->get_property = cf_product_row_get_property;
  object_class->set_property = cf_product_row_set_property;

  properties [PROP_PRODUCT] =
    g_param_spec_object ("product", NULL, NULL,
                         CF_TYPE_PRODUCT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/cf-product-row.ui");
  gtk_widget_class_bind_template_child (widget_class, CfProductRow, name_label);
  gtk_widget_class_bind_template_child (widget_class, CfProductRow, detail_label);
  gtk_widget_class_bind_template_child (widget_class, CfProductRow, example_label);
}

static void
cf_product_row_init (CfProductRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
cf_product_row_new (void)
{
  return g_object_new (CF_TYPE_PRODUCT_ROW, NULL);
}

CfProduct *
cf_product_row_get_product (CfProductRow *self)
{
  g_return_val_if_fail (CF_IS_PRODUCT_ROW (self), NULL);
  return self->product;
}

void
cf_product_row_set_product (CfProductRow *self,
                            CfProduct    *product)
{
  g_return_if_fail (CF_IS_PRODUCT_ROW (self));

  if (!g_set_object (&self->product, product))
    return;

  update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_PRODUCT]);
}
