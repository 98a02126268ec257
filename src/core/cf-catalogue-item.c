/* cf-catalogue-item.c
 *
 * Copyright 2026 The Conformity Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cf-catalogue"

#include "config.h"

#include "cf-catalogue-item.h"

/* Immutable once loaded; shared between threads without locking. */
struct _CfCatalogueItem
{
  GObject   parent_instance;

  char     *id;
  char     *section_id;
  char     *parent_id;
  char     *ref;
  char     *kind;
  char     *label;
  char     *text;
  char     *number;
  GStrv     notes;
  guint     depth;
  gboolean  label_paraphrased;
};

G_DEFINE_FINAL_TYPE (CfCatalogueItem, cf_catalogue_item, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_LABEL,
  PROP_TEXT,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static void
cf_catalogue_item_finalize (GObject *object)
{
  CfCatalogueItem *self = CF_CATALOGUE_ITEM (object);

  g_free (self->id);
  g_free (self->section_id);
  g_free (self->parent_id);
  g_free (self->ref);
  g_free (self->kind);
  g_free (self->label);
  g_free (self->text);
  g_free (self->number);
  g_strfreev (self->notes);

  G_OBJECT_CLASS (cf_catalogue_item_parent_class)->finalize (object);
}

static void
cf_catalogue_item_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  CfCatalogueItem *self = CF_CATALOGUE_ITEM (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;

    case PROP_LABEL:
      g_value_set_string (value, self->label);
      break;

    case PROP_TEXT:
      g_value_set_string (value, self->text);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cf_catalogue_item_class_init (CfCatalogueItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = cf_catalogue_item_finalize;
  object_class->get_property = cf_catalogue_item_get_property;

  properties [PROP_ID] =
    g_param_spec_string ("id", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties [PROP_LABEL] =
    g_param_spec_string ("label", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties [PROP_TEXT] =
    g_param_spec_string ("text", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
cf_catalogue_item_init (CfCatalogueItem *self)
{
}

CfCatalogueItem *
_cf_catalogue_item_new (const char *id,
                        const char *section_id,
                        const char *parent_id,
                        const char *ref,
                        const char *kind,
                        const char *label,
                        gboolean    label_paraphrased,
                        const char *text,
                        const char *number,
                        GStrv       notes,
                        guint       depth)
{
  CfCatalogueItem *self = g_object_new (CF_TYPE_CATALOGUE_ITEM, NULL);

  self->id = g_strdup (id);
  self->section_id = g_strdup (section_id);
  self->parent_id = g_strdup (parent_id);
  self->ref = g_strdup (ref);
  self->kind = g_strdup (kind);
  self->label = g_strdup (label);
  self->label_paraphrased = label_paraphrased;
  self->text = g_strdup (text);
  self->number = g_strdup (number);
  self->notes = g_strdupv (notes);
  self->depth = depth;

  return self;
}

const char *
cf_catalogue_item_get_id (CfCatalogueItem *self)
{
  g_return_val_if_fail (CF_IS_CATALOGUE_ITEM (self), NULL);
  return self->id;
}

const char *
cf_catalogue_item_get_section_id (CfCatalogueItem *self)
{
  g_return_val_if_fail (CF_IS_CATALOGUE_ITEM (self), NULL);
  return self->section_id;
}

/**
 * cf_catalogue_item_get_parent_id:
 *
 * Returns: (nullable): the chapeau this item belongs to, e.g.
 *   "AnnexI.PartI.2" for "AnnexI.PartI.2.a"
 */
const char *
cf_catalogue_item_get_parent_id (CfCatalogueItem *self)
{
  g_return_val_if_fail (CF_IS_CATALOGUE_ITEM (self), NULL);
  return self->parent_id;
}

const char *
cf_catalogue_item_get_ref (CfCatalogueItem *self)
{
  g_return_val_if_fail (CF_IS_CATALOGUE_ITEM (self), NULL);
  return self->ref;
}

/**
 * cf_catalogue_item_get_kind:
 *
 * Returns: "requirement", "chapeau", "category", "declaration-item",
 *   "documentation-item" or "user-information-item"
 */
const char *
cf_catalogue_item_get_kind (CfCatalogueItem *self)
{
  g_return_val_if_fail (CF_IS_CATALOGUE_ITEM (self), NULL);
  return self->kind;
}

/**
 * cf_catalogue_item_get_label:
 *
 * Returns: (nullable): a short label; it is not the regulation's wording
 *   when cf_catalogue_item_get_label_paraphrased() says so
 */
const char *
cf_catalogue_item_get_label (CfCatalogueItem *self)
{
  g_return_val_if_fail (CF_IS_CATALOGUE_ITEM (self), NULL);
  return self->label;
}

gboolean
cf_catalogue_item_get_label_paraphrased (CfCatalogueItem *self)
{
  g_return_val_if_fail (CF_IS_CATALOGUE_ITEM (self), FALSE);
  return self->label_paraphrased;
}

/**
 * cf_catalogue_item_get_text:
 *
 * Returns: the regulation's wording, verbatim from the Official Journal
 */
const char *
cf_catalogue_item_get_text (CfCatalogueItem *self)
{
  g_return_val_if_fail (CF_IS_CATALOGUE_ITEM (self), NULL);
  return self->text;
}

const char *
cf_catalogue_item_get_number (CfCatalogueItem *self)
{
  g_return_val_if_fail (CF_IS_CATALOGUE_ITEM (self), NULL);
  return self->number;
}

const char * const *
cf_catalogue_item_get_notes (CfCatalogueItem *self)
{
  g_return_val_if_fail (CF_IS_CATALOGUE_ITEM (self), NULL);
  return (const char * const *) self->notes;
}

guint
cf_catalogue_item_get_depth (CfCatalogueItem *self)
{
  g_return_val_if_fail (CF_IS_CATALOGUE_ITEM (self), 0);
  return self->depth;
}
