/* cf-product.c
 *
 * Copyright 2026 The Conformity Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cf-product"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "cf-product.h"

struct _CfProduct
{
  CfRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (CfProduct, cf_product, CF_TYPE_RECORD)

/* Annex V points 1 and 4: name, type and whatever else identifies the
 * product uniquely and makes it traceable. */
static const CfFieldSpec fields[] = {
  { "name", N_("Product name"), 200, TRUE, FALSE, CF_FIELD_FORMAT_TEXT },
  { "model", N_("Model or type"), 200, TRUE, FALSE, CF_FIELD_FORMAT_TEXT },
  { "version", N_("Version"), 100, FALSE, FALSE, CF_FIELD_FORMAT_TEXT },
  { "identification", N_("Additional identification"), 2000, FALSE, TRUE, CF_FIELD_FORMAT_TEXT },
  { "description", N_("Description"), 10000, FALSE, TRUE, CF_FIELD_FORMAT_TEXT },
  /* Article 13(8), (13) and (19): what the support period and the retention
   * of the documentation are counted from and to. */
  { "placed-on-market", N_("Placed on the market"), 10, FALSE, FALSE, CF_FIELD_FORMAT_DATE,
    N_("Placing on the market and support period") },
  { "support-end", N_("End of the support period"), 10, FALSE, FALSE, CF_FIELD_FORMAT_DATE,
    N_("Placing on the market and support period") },
  { "support-rationale", N_("How the support period was determined"), 4000, FALSE, TRUE,
    CF_FIELD_FORMAT_TEXT, N_("Placing on the market and support period") },
  /* Article 14(2)(a) and (4)(a): every early warning names them. */
  { "member-states", N_("Member States where it is made available"), 200, FALSE, FALSE,
    CF_FIELD_FORMAT_MEMBER_STATES, N_("Placing on the market and support period") },
};

static void
cf_product_class_init (CfProductClass *klass)
{
  cf_record_class_install_fields (CF_RECORD_CLASS (klass), fields, G_N_ELEMENTS (fields));
}

static void
cf_product_init (CfProduct *self)
{
}

CfProduct *
cf_product_new (void)
{
  return g_object_new (CF_TYPE_PRODUCT, NULL);
}

const char *
cf_product_get_name (CfProduct *self)
{
  return cf_record_get_field (CF_RECORD (self), "name");
}

const char *
cf_product_get_model (CfProduct *self)
{
  return cf_record_get_field (CF_RECORD (self), "model");
}

const char *
cf_product_get_version (CfProduct *self)
{
  return cf_record_get_field (CF_RECORD (self), "version");
}

/**
 * cf_product_dup_display_name:
 *
 * Returns: (transfer full): "Name Model" or just the name when the model
 *   repeats it, for window titles and file names
 */
char *
cf_product_dup_display_name (CfProduct *self)
{
  const char *name = cf_product_get_name (self);
  const char *model = cf_product_get_model (self);

  g_return_val_if_fail (CF_IS_PRODUCT (self), NULL);

  if (name == NULL)
    return g_strdup (model ? model : "");
  if (model == NULL || strstr (name, model) != NULL)
    return g_strdup (name);

  return g_strdup_printf ("%s %s", name, model);
}
