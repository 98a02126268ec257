/* cf-category.c
 *
 * Copyright 2026 The Conformity Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cf-category"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "cf-category.h"

G_DEFINE_ENUM_TYPE (CfCategory, cf_category,
  G_DEFINE_ENUM_VALUE (CF_CATEGORY_DEFAULT, "default"),
  G_DEFINE_ENUM_VALUE (CF_CATEGORY_IMPORTANT_CLASS_1, "important-class-1"),
  G_DEFINE_ENUM_VALUE (CF_CATEGORY_IMPORTANT_CLASS_2, "important-class-2"),
  G_DEFINE_ENUM_VALUE (CF_CATEGORY_CRITICAL, "critical"))

/* The ids are stored, printed in JSON and matched against the catalogue's
 * section attribute "category": never change them. */
static const struct {
  const char *id;
  const char *label;
  const char *basis;
} categories[] = {
  [CF_CATEGORY_DEFAULT] = { "default", N_("Default"),
                            N_("not listed in Annex III or Annex IV") },
  [CF_CATEGORY_IMPORTANT_CLASS_1] = { "important-class-1", N_("Important, class I"),
                                      N_("Article 7(1) and Annex III, Class I") },
  [CF_CATEGORY_IMPORTANT_CLASS_2] = { "important-class-2", N_("Important, class II"),
                                      N_("Article 7(1) and Annex III, Class II") },
  [CF_CATEGORY_CRITICAL] = { "critical", N_("Critical"),
                             N_("Article 8 and Annex IV") },
};

const char *
cf_category_to_id (CfCategory category)
{
  g_return_val_if_fail (category <= CF_CATEGORY_CRITICAL, NULL);
  return categories[category].id;
}

gboolean
cf_category_from_id (const char *id,
                     CfCategory *category)
{
  for (guint i = 0; i < G_N_ELEMENTS (categories); i++)
    if (g_strcmp0 (categories[i].id, id) == 0)
      {
        *category = i;
        return TRUE;
      }

  return FALSE;
}

const char *
cf_category_get_label (CfCategory category)
{
  g_return_val_if_fail (category <= CF_CATEGORY_CRITICAL, NULL);
  return _(categories[category].label);
}

/**
 * cf_category_get_legal_basis:
 *
 * Returns: where the category comes from, e.g. "Article 7(1) and Annex III, Class I"
 */
const char *
cf_category_get_legal_basis (CfCategory category)
{
  g_return_val_if_fail (category <= CF_CATEGORY_CRITICAL, NULL);
  return _(categories[category].basis);
}
