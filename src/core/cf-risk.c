/* cf-risk.c — the risk method, read from the catalogue's "Risk" section
 *
 * Copyright 2026 The Conformity Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cf-risk"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "cf-risk.h"

#define RISK_SECTION "Risk"

static const struct {
  const char *id;
  const char *label;
} statuses[] = {
  [CF_STATUS_NOT_STARTED] = { "not-started", N_("Not started") },
  [CF_STATUS_IN_PROGRESS] = { "in-progress", N_("In progress") },
  [CF_STATUS_IMPLEMENTED] = { "implemented", N_("Implemented") },
  [CF_STATUS_VERIFIED] = { "verified", N_("Verified") },
};

static const struct {
  const char *id;
  const char *label;
} treatments[] = {
  { "mitigate", N_("Mitigate") },
  { "accept", N_("Accept") },
  { "transfer", N_("Transfer") },
  { "avoid", N_("Avoid") },
};

const char *
cf_status_to_id (CfStatus status)
{
  g_return_val_if_fail (status <= CF_STATUS_VERIFIED, NULL);
  return statuses[status].id;
}

gboolean
cf_status_from_id (const char *id,
                   CfStatus   *status)
{
  for (guint i = 0; i < G_N_ELEMENTS (statuses); i++)
    if (g_strcmp0 (statuses[i].id, id) == 0)
      {
        *status = i;
        return TRUE;
      }

  return FALSE;
}

const char *
cf_status_get_label (CfStatus status)
{
  g_return_val_if_fail (status <= CF_STATUS_VERIFIED, NULL);
  return _(statuses[status].label);
}

const char *
cf_status_list_ids (void)
{
  return "not-started, in-progress, implemented, verified";
}

gboolean
cf_treatment_is_valid (const char *id)
{
  for (guint i = 0; i < G_N_ELEMENTS (treatments); i++)
    if (g_strcmp0 (treatments[i].id, id) == 0)
      return TRUE;

  return FALSE;
}

const char *
cf_treatment_get_label (const char *id)
{
  for (guint i = 0; i < G_N_ELEMENTS (treatments); i++)
    if (g_strcmp0 (treatments[i].id, id) == 0)
      return _(treatments[i].label);

  return id;
}

const char *
cf_treatment_list_ids (void)
{
  return "mitigate, accept, transfer, avoid";
}

/* The model */

struct _CfRiskModel
{
  GPtrArray *levels;      /* of CfCatalogueItem, kind risk-level */
  GPtrArray *stride;      /* of CfCatalogueItem, kind stride */
  GArray    *bands;       /* of CfChartBand; strings owned by the catalogue items */
  GPtrArray *band_items;  /* keeps those items alive */
};

/**
 * cf_risk_model_new:
 *
 * Reads the likelihood and impact scales, the bands of the risk score and
 * the STRIDE categories from the catalogue: the method is data, so a
 * manufacturer's own scale is a catalogue change, not a code change.
 *
 * Returns: (transfer full): the model
 */
CfRiskModel *
cf_risk_model_new (CfCatalogue *catalogue)
{
  CfRiskModel *self = g_new0 (CfRiskModel, 1);
  GListModel *items = cf_catalogue_get_items (catalogue, RISK_SECTION);

  self->levels = g_ptr_array_new_with_free_func (g_object_unref);
  self->stride = g_ptr_array_new_with_free_func (g_object_unref);
  self->band_items = g_ptr_array_new_with_free_func (g_object_unref);
  self->bands = g_array_new (FALSE, TRUE, sizeof (CfChartBand));

  for (guint i = 0; items != NULL && i < g_list_model_get_n_items (items); i++)
    {
      CfCatalogueItem *item = g_list_model_get_item (items, i);
      const char *kind = cf_catalogue_item_get_kind (item);

      if (g_str_equal (kind, "risk-level"))
        g_ptr_array_add (self->levels, item);
      else if (g_str_equal (kind, "stride"))
        g_ptr_array_add (self->stride, item);
      else if (g_str_equal (kind, "risk-band"))
        {
          CfChartBand band = { 0 };

          band.id = cf_catalogue_item_get_attribute (item, "band");
          band.label = cf_catalogue_item_get_label (item);
          band.min = (int) g_ascii_strtoll (cf_catalogue_item_get_attribute (item, "min") ?: "0", NULL, 10);
          band.max = (int) g_ascii_strtoll (cf_catalogue_item_get_attribute (item, "max") ?: "0", NULL, 10);
          g_array_append_val (self->bands, band);
          g_ptr_array_add (self->band_items, item);
        }
      else
        g_object_unref (item);
    }

  return self;
}

void
cf_risk_model_free (CfRiskModel *self)
{
  if (self == NULL)
    return;

  g_ptr_array_unref (self->levels);
  g_ptr_array_unref (self->stride);
  g_ptr_array_unref (self->band_items);
  g_array_unref (self->bands);
  g_free (self);
}

static CfCatalogueItem *
find_level (CfRiskModel *self,
            const char  *scale,
            int          value)
{
  g_autofree char *text = g_strdup_printf ("%d", value);

  for (guint i = 0; i < self->levels->len; i++)
    {
      CfCatalogueItem *item = g_ptr_array_index (self->levels, i);

      if (g_strcmp0 (cf_catalogue_item_get_attribute (item, "scale"), scale) == 0 &&
          g_strcmp0 (cf_catalogue_item_get_attribute (item, "value"), text) == 0)
        return item;
    }

  return NULL;
}

/**
 * cf_risk_model_level_label:
 * @scale: "likelihood" or "impact"
 *
 * Returns: the level's label, e.g. "Possible"; the number when the
 *   catalogue has none
 */
const char *
cf_risk_model_level_label (CfRiskModel *self,
                           const char  *scale,
                           int          value)
{
  CfCatalogueItem *item = find_level (self, scale, value);

  return item ? cf_catalogue_item_get_label (item) : NULL;
}

const char *
cf_risk_model_level_text (CfRiskModel *self,
                          const char  *scale,
                          int          value)
{
  CfCatalogueItem *item = find_level (self, scale, value);

  return item ? cf_catalogue_item_get_text (item) : NULL;
}

const CfChartBand *
cf_risk_model_get_bands (CfRiskModel *self,
                         guint       *n_bands)
{
  *n_bands = self->bands->len;
  return (const CfChartBand *) (gpointer) self->bands->data;
}

/**
 * cf_risk_model_band_for:
 *
 * Returns: (nullable): the band of likelihood × impact
 */
const CfChartBand *
cf_risk_model_band_for (CfRiskModel *self,
                        int          likelihood,
                        int          impact)
{
  return cf_chart_band_for_score ((const CfChartBand *) (gpointer) self->bands->data, self->bands->len,
                                  likelihood * impact);
}

/**
 * cf_risk_model_get_stride:
 *
 * Returns: (transfer none) (element-type CfCatalogueItem): the STRIDE
 *   categories; each has the attributes "stride" (its id) and "letter"
 */
GPtrArray *
cf_risk_model_get_stride (CfRiskModel *self)
{
  return self->stride;
}

gboolean
cf_risk_model_stride_is_valid (CfRiskModel *self,
                               const char  *stride)
{
  return cf_risk_model_stride_label (self, stride) != NULL;
}

const char *
cf_risk_model_stride_label (CfRiskModel *self,
                            const char  *stride)
{
  for (guint i = 0; i < self->stride->len; i++)
    {
      CfCatalogueItem *item = g_ptr_array_index (self->stride, i);

      if (g_strcmp0 (cf_catalogue_item_get_attribute (item, "stride"), stride) == 0)
        return cf_catalogue_item_get_label (item);
    }

  return NULL;
}

/**
 * cf_risk_model_list_stride:
 *
 * Returns: (transfer full): the STRIDE ids, separated by ", ", for messages
 */
char *
cf_risk_model_list_stride (CfRiskModel *self)
{
  g_autoptr(GString) list = g_string_new (NULL);

  for (guint i = 0; i < self->stride->len; i++)
    g_string_append_printf (list, "%s%s", i ? ", " : "",
                            cf_catalogue_item_get_attribute (g_ptr_array_index (self->stride, i), "stride"));

  return g_string_free (g_steal_pointer (&list), FALSE);
}

/**
 * cf_risk_model_resolve_stride:
 * @text: a STRIDE id ("tampering") or its letter ("T"), in any case
 *
 * Returns: (nullable): the id, or %NULL when @text names no category
 */
const char *
cf_risk_model_resolve_stride (CfRiskModel *self,
                              const char  *text)
{
  for (guint i = 0; text != NULL && i < self->stride->len; i++)
    {
      CfCatalogueItem *item = g_ptr_array_index (self->stride, i);
      const char *id = cf_catalogue_item_get_attribute (item, "stride");
      const char *letter = cf_catalogue_item_get_attribute (item, "letter");

      if ((id != NULL && g_ascii_strcasecmp (id, text) == 0) ||
          (letter != NULL && g_ascii_strcasecmp (letter, text) == 0))
        return id;
    }

  return NULL;
}
