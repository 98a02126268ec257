/* cf-sbom-component-object.c
 *
 * Copyright 2026 The Conformity Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cf-sbom-component-object"

#include "config.h"

#include <string.h>

#include "cf-sbom-component-object.h"

struct _CfSbomComponentObject
{
  GObject          parent_instance;

  CfSbomComponent *component;   /* owned */
  guint            index;       /* in the SBOM, as the check's findings count */
  char            *hashes;      /* "SHA-256, SHA-512"; NULL when none */
  char            *haystack;    /* what the search looks in, case-folded */
  GString         *missing;     /* labels of the required fields it lacks; NULL when none */
};

G_DEFINE_FINAL_TYPE (CfSbomComponentObject, cf_sbom_component_object, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_NAME,
  PROP_VERSION,
  PROP_TYPE,
  PROP_SUPPLIER,
  PROP_LICENCES,
  PROP_IDENTIFIER,
  PROP_HASHES,
  PROP_N_DEPENDENCIES,
  PROP_MISSING_REQUIRED,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static void
append_folded (GString    *haystack,
               const char *text)
{
  g_autofree char *folded = NULL;

  if (text == NULL)
    return;

  folded = g_utf8_casefold (text, -1);
  /* A separator no search text holds: a match never spans two fields. */
  g_string_append_c (haystack, '\n');
  g_string_append (haystack, folded);
}

static void
cf_sbom_component_object_finalize (GObject *object)
{
  CfSbomComponentObject *self = CF_SBOM_COMPONENT_OBJECT (object);

  g_clear_pointer (&self->component, cf_sbom_component_free);
  g_clear_pointer (&self->hashes, g_free);
  g_clear_pointer (&self->haystack, g_free);
  if (self->missing != NULL)
    g_string_free (self->missing, TRUE);

  G_OBJECT_CLASS (cf_sbom_component_object_parent_class)->finalize (object);
}

static void
cf_sbom_component_object_get_property (GObject    *object,
                                       guint       prop_id,
                                       GValue     *value,
                                       GParamSpec *pspec)
{
  CfSbomComponentObject *self = CF_SBOM_COMPONENT_OBJECT (object);

  switch (prop_id)
    {
    case PROP_NAME:
      g_value_set_string (value, self->component->name);
      break;

    case PROP_VERSION:
      g_value_set_string (value, self->component->version);
      break;

    case PROP_TYPE:
      g_value_set_string (value, self->component->type);
      break;

    case PROP_SUPPLIER:
      g_value_set_string (value, self->component->supplier);
      break;

    case PROP_LICENCES:
      g_value_set_string (value, self->component->licences);
      break;

    case PROP_IDENTIFIER:
      g_value_set_string (value, cf_sbom_component_object_get_identifier (self));
      break;

    case PROP_HASHES:
      g_value_set_string (value, self->hashes);
      break;

    case PROP_N_DEPENDENCIES:
      g_value_set_int (value, cf_sbom_component_object_get_n_dependencies (self));
      break;

    case PROP_MISSING_REQUIRED:
      g_value_set_boolean (value, self->missing != NULL);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cf_sbom_component_object_class_init (CfSbomComponentObjectClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = cf_sbom_component_object_finalize;
  object_class->get_property = cf_sbom_component_object_get_property;

  /* Read-only: the columns sort by them. */
  properties [PROP_NAME] = g_param_spec_string ("name", NULL, NULL, NULL, flags);
  properties [PROP_VERSION] = g_param_spec_string ("version", NULL, NULL, NULL, flags);
  properties [PROP_TYPE] = g_param_spec_string ("type", NULL, NULL, NULL, flags);
  properties [PROP_SUPPLIER] = g_param_spec_string ("supplier", NULL, NULL, NULL, flags);
  properties [PROP_LICENCES] = g_param_spec_string ("licences", NULL, NULL, NULL, flags);
  properties [PROP_IDENTIFIER] = g_param_spec_string ("identifier", NULL, NULL, NULL, flags);
  properties [PROP_HASHES] = g_param_spec_string ("hashes", NULL, NULL, NULL, flags);
  properties [PROP_N_DEPENDENCIES] = g_param_spec_int ("n-dependencies", NULL, NULL, -1, G_MAXINT, -1, flags);
  properties [PROP_MISSING_REQUIRED] = g_param_spec_boolean ("missing-required", NULL, NULL, FALSE, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
cf_sbom_component_object_init (CfSbomComponentObject *self)
{
}

/**
 * cf_sbom_component_object_new:
 * @component: (transfer full): the component
 * @index: its position in the SBOM
 *
 * Objects may be made in a worker thread: nothing here touches GTK.
 */
CfSbomComponentObject *
cf_sbom_component_object_new (CfSbomComponent *component,
                              guint            index)
{
  CfSbomComponentObject *self;
  g_autoptr(GString) hashes = NULL;
  g_autoptr(GString) haystack = g_string_new (NULL);

  g_return_val_if_fail (component != NULL, NULL);

  self = g_object_new (CF_TYPE_SBOM_COMPONENT_OBJECT, NULL);
  self->component = component;
  self->index = index;

  for (guint i = 0; component->hashes != NULL && i < component->hashes->len; i++)
    {
      const CfSbomHash *hash = g_ptr_array_index (component->hashes, i);
      gboolean seen = FALSE;

      /* Each algorithm once, in the SBOM's order. */
      for (guint j = 0; j < i && !seen; j++)
        seen = g_strcmp0 (((const CfSbomHash *) g_ptr_array_index (component->hashes, j))->algorithm,
                          hash->algorithm) == 0;
      if (seen || hash->algorithm == NULL)
        continue;
      if (hashes == NULL)
        hashes = g_string_new (NULL);
      else
        g_string_append (hashes, ", ");
      g_string_append (hashes, hash->algorithm);
    }
  if (hashes != NULL)
    self->hashes = g_string_free (g_steal_pointer (&hashes), FALSE);

  /* What the search looks in, as the CLI's `sbom components --search`. */
  append_folded (haystack, component->name);
  append_folded (haystack, component->version);
  append_folded (haystack, component->purl);
  append_folded (haystack, component->cpe);
  append_folded (haystack, component->supplier);
  append_folded (haystack, component->licences);
  self->haystack = g_string_free (g_steal_pointer (&haystack), FALSE);

  return self;
}

/**
 * cf_sbom_component_object_get_component:
 *
 * Returns: (transfer none): the component
 */
const CfSbomComponent *
cf_sbom_component_object_get_component (CfSbomComponentObject *self)
{
  g_return_val_if_fail (CF_IS_SBOM_COMPONENT_OBJECT (self), NULL);
  return self->component;
}

guint
cf_sbom_component_object_get_index (CfSbomComponentObject *self)
{
  g_return_val_if_fail (CF_IS_SBOM_COMPONENT_OBJECT (self), 0);
  return self->index;
}

/**
 * cf_sbom_component_object_get_identifier:
 *
 * Returns: (nullable): the purl, else the CPE
 */
const char *
cf_sbom_component_object_get_identifier (CfSbomComponentObject *self)
{
  g_return_val_if_fail (CF_IS_SBOM_COMPONENT_OBJECT (self), NULL);
  return self->component->purl ? self->component->purl : self->component->cpe;
}

/**
 * cf_sbom_component_object_get_hashes:
 *
 * Returns: (nullable): the hash algorithms given, "SHA-256, SHA-512"
 */
const char *
cf_sbom_component_object_get_hashes (CfSbomComponentObject *self)
{
  g_return_val_if_fail (CF_IS_SBOM_COMPONENT_OBJECT (self), NULL);
  return self->hashes;
}

/**
 * cf_sbom_component_object_get_n_dependencies:
 *
 * Returns: how many components this one depends on, or -1 when the SBOM
 *   does not say
 */
gint
cf_sbom_component_object_get_n_dependencies (CfSbomComponentObject *self)
{
  g_return_val_if_fail (CF_IS_SBOM_COMPONENT_OBJECT (self), -1);

  if (!self->component->dependencies_known)
    return -1;

  return self->component->depends_on ? (gint) self->component->depends_on->len : 0;
}

/**
 * cf_sbom_component_object_get_missing:
 *
 * Returns: (nullable): the required fields the component lacks, ", "-joined;
 *   %NULL when it has them all
 */
const char *
cf_sbom_component_object_get_missing (CfSbomComponentObject *self)
{
  g_return_val_if_fail (CF_IS_SBOM_COMPONENT_OBJECT (self), NULL);
  return self->missing ? self->missing->str : NULL;
}

/* Before the object is shown: no notification. */
void
cf_sbom_component_object_add_missing (CfSbomComponentObject *self,
                                      const char            *label)
{
  g_return_if_fail (CF_IS_SBOM_COMPONENT_OBJECT (self));
  g_return_if_fail (label != NULL);

  if (self->missing == NULL)
    self->missing = g_string_new (NULL);
  else
    g_string_append (self->missing, ", ");
  g_string_append (self->missing, label);
}

/**
 * cf_sbom_component_object_matches:
 * @folded_text: what was searched for, through g_utf8_casefold()
 *
 * Returns: whether the name, version, purl, CPE, supplier or licence
 *   contains @folded_text, ignoring case
 */
gboolean
cf_sbom_component_object_matches (CfSbomComponentObject *self,
                                  const char            *folded_text)
{
  if (folded_text == NULL || *folded_text == '\0')
    return TRUE;

  return strstr (self->haystack, folded_text) != NULL;
}
