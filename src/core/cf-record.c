/* cf-record.c
 *
 * Copyright 2026 The Conformity Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cf-record"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "cf-error.h"
#include "cf-record.h"

typedef struct
{
  gint64     id;
  gboolean   is_example;
  char      *updated_at;
  char     **values;      /* one per field spec of the instance's class */
} CfRecordPrivate;

G_DEFINE_ABSTRACT_TYPE_WITH_PRIVATE (CfRecord, cf_record, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_IS_EXAMPLE,
  PROP_UPDATED_AT,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static int
field_index (CfRecord   *self,
             const char *name)
{
  CfRecordClass *klass = CF_RECORD_GET_CLASS (self);

  for (guint i = 0; i < klass->n_specs; i++)
    if (g_str_equal (klass->specs[i].name, name))
      return i;

  return -1;
}

static void
set_field_at (CfRecord   *self,
              guint       index,
              const char *value)
{
  CfRecordPrivate *priv = cf_record_get_instance_private (self);
  CfRecordClass *klass = CF_RECORD_GET_CLASS (self);

  if (g_strcmp0 (priv->values[index], value) == 0)
    return;

  g_free (priv->values[index]);
  priv->values[index] = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), klass->field_pspecs[index]);
}

static void
cf_record_constructed (GObject *object)
{
  CfRecord *self = CF_RECORD (object);
  CfRecordPrivate *priv = cf_record_get_instance_private (self);

  G_OBJECT_CLASS (cf_record_parent_class)->constructed (object);

  /* The values array is sized for the concrete class, which is only known
   * once the instance exists; init runs with the base class's view. */
  if (priv->values == NULL)
    priv->values = g_new0 (char *, CF_RECORD_GET_CLASS (self)->n_specs + 1);
}

static void
cf_record_finalize (GObject *object)
{
  CfRecord *self = CF_RECORD (object);
  CfRecordPrivate *priv = cf_record_get_instance_private (self);

  /* Not g_strfreev(): an empty field is NULL, and later values would leak. */
  if (priv->values != NULL)
    {
      for (guint i = 0; i < CF_RECORD_GET_CLASS (self)->n_specs; i++)
        g_free (priv->values[i]);
      g_clear_pointer (&priv->values, g_free);
    }
  g_clear_pointer (&priv->updated_at, g_free);

  G_OBJECT_CLASS (cf_record_parent_class)->finalize (object);
}

static void
ensure_values (CfRecord *self)
{
  CfRecordPrivate *priv = cf_record_get_instance_private (self);

  /* Construct properties are set before constructed() runs. */
  if (priv->values == NULL)
    priv->values = g_new0 (char *, CF_RECORD_GET_CLASS (self)->n_specs + 1);
}

static void
cf_record_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  CfRecord *self = CF_RECORD (object);
  CfRecordPrivate *priv = cf_record_get_instance_private (self);

  ensure_values (self);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, priv->id);
      break;

    case PROP_IS_EXAMPLE:
      g_value_set_boolean (value, priv->is_example);
      break;

    case PROP_UPDATED_AT:
      g_value_set_string (value, priv->updated_at);
      break;

    default:
      if (prop_id >= N_PROPS && prop_id < N_PROPS + CF_RECORD_GET_CLASS (self)->n_specs)
        g_value_set_string (value, priv->values[prop_id - N_PROPS]);
      else
        G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cf_record_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  CfRecord *self = CF_RECORD (object);

  ensure_values (self);

  switch (prop_id)
    {
    case PROP_ID:
      cf_record_set_id (self, g_value_get_int64 (value));
      break;

    case PROP_IS_EXAMPLE:
      cf_record_set_is_example (self, g_value_get_boolean (value));
      break;

    case PROP_UPDATED_AT:
      cf_record_set_updated_at (self, g_value_get_string (value));
      break;

    default:
      if (prop_id >= N_PROPS && prop_id < N_PROPS + CF_RECORD_GET_CLASS (self)->n_specs)
        set_field_at (self, prop_id - N_PROPS, g_value_get_string (value));
      else
        G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cf_record_class_init (CfRecordClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = cf_record_constructed;
  object_class->finalize = cf_record_finalize;
  object_class->get_property = cf_record_get_property;
  object_class->set_property = cf_record_set_property;

  properties [PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL,
                        0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties [PROP_IS_EXAMPLE] =
    g_param_spec_boolean ("is-example", NULL, NULL,
                          FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties [PROP_UPDATED_AT] =
    g_param_spec_string ("updated-at", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
cf_record_init (CfRecord *self)
{
}

/**
 * cf_record_class_install_fields:
 * @klass: the subclass being initialised
 * @specs: (array length=n_specs): static field specifications
 *
 * Installs one string property per field. Call from the subclass's class_init.
 */
void
cf_record_class_install_fields (CfRecordClass     *klass,
                                const CfFieldSpec *specs,
                                guint              n_specs)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  /* GObject gives every class fresh property vfuncs; the subclass's field
   * properties are served by the base class's handlers. */
  if (object_class->get_property == NULL)
    object_class->get_property = cf_record_get_property;
  if (object_class->set_property == NULL)
    object_class->set_property = cf_record_set_property;

  klass->specs = specs;
  klass->n_specs = n_specs;
  klass->field_pspecs = g_new0 (GParamSpec *, n_specs);

  for (guint i = 0; i < n_specs; i++)
    {
      klass->field_pspecs[i] =
        g_param_spec_string (specs[i].name, NULL, NULL,
                             NULL,
                             G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
      g_object_class_install_property (object_class, N_PROPS + i, klass->field_pspecs[i]);
    }
}

const CfFieldSpec *
cf_record_get_specs (CfRecord *self,
                     guint    *n_specs)
{
  CfRecordClass *klass;

  g_return_val_if_fail (CF_IS_RECORD (self), NULL);

  klass = CF_RECORD_GET_CLASS (self);
  if (n_specs != NULL)
    *n_specs = klass->n_specs;

  return klass->specs;
}

gint64
cf_record_get_id (CfRecord *self)
{
  CfRecordPrivate *priv = cf_record_get_instance_private (self);

  g_return_val_if_fail (CF_IS_RECORD (self), 0);

  return priv->id;
}

void
cf_record_set_id (CfRecord *self,
                  gint64    id)
{
  CfRecordPrivate *priv = cf_record_get_instance_private (self);

  g_return_if_fail (CF_IS_RECORD (self));

  if (priv->id == id)
    return;

  priv->id = id;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_ID]);
}

gboolean
cf_record_get_is_example (CfRecord *self)
{
  CfRecordPrivate *priv = cf_record_get_instance_private (self);

  g_return_val_if_fail (CF_IS_RECORD (self), FALSE);

  return priv->is_example;
}

void
cf_record_set_is_example (CfRecord *self,
                          gboolean  is_example)
{
  CfRecordPrivate *priv = cf_record_get_instance_private (self);

  g_return_if_fail (CF_IS_RECORD (self));

  is_example = !!is_example;
  if (priv->is_example == is_example)
    return;

  priv->is_example = is_example;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_IS_EXAMPLE]);
}

const char *
cf_record_get_updated_at (CfRecord *self)
{
  CfRecordPrivate *priv = cf_record_get_instance_private (self);

  g_return_val_if_fail (CF_IS_RECORD (self), NULL);

  return priv->updated_at;
}

void
cf_record_set_updated_at (CfRecord   *self,
                          const char *updated_at)
{
  CfRecordPrivate *priv = cf_record_get_instance_private (self);

  g_return_if_fail (CF_IS_RECORD (self));

  if (g_strcmp0 (priv->updated_at, updated_at) == 0)
    return;

  g_free (priv->updated_at);
  priv->updated_at = g_strdup (updated_at);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_UPDATED_AT]);
}

/**
 * cf_record_get_field:
 * @name: a field name from the class's specs
 *
 * Returns: (nullable): the value, %NULL when empty
 */
const char *
cf_record_get_field (CfRecord   *self,
                     const char *name)
{
  CfRecordPrivate *priv = cf_record_get_instance_private (self);
  int index;

  g_return_val_if_fail (CF_IS_RECORD (self), NULL);

  index = field_index (self, name);
  g_return_val_if_fail (index >= 0, NULL);

  return priv->values[index];
}

void
cf_record_set_field (CfRecord   *self,
                     const char *name,
                     const char *value)
{
  int index;

  g_return_if_fail (CF_IS_RECORD (self));

  index = field_index (self, name);
  g_return_if_fail (index >= 0);

  set_field_at (self, index, value);
}

gboolean
cf_record_is_filled (CfRecord   *self,
                     const char *name)
{
  const char *value = cf_record_get_field (self, name);

  if (value == NULL)
    return FALSE;

  for (; *value; value++)
    if (!g_ascii_isspace (*value))
      return TRUE;

  return FALSE;
}

/**
 * cf_record_validate:
 *
 * Checks every field against its specification and reports the first
 * problem, naming the field.
 */
gboolean
cf_record_validate (CfRecord  *self,
                    GError   **error)
{
  CfRecordPrivate *priv = cf_record_get_instance_private (self);
  CfRecordClass *klass;

  g_return_val_if_fail (CF_IS_RECORD (self), FALSE);

  klass = CF_RECORD_GET_CLASS (self);
  for (guint i = 0; i < klass->n_specs; i++)
    {
      g_autofree char *message = cf_field_spec_check (&klass->specs[i], priv->values[i]);

      if (message != NULL)
        {
          g_set_error_literal (error, CF_ERROR, CF_ERROR_INVALID_INPUT, message);
          return FALSE;
        }
    }

  return TRUE;
}

/**
 * cf_record_copy_fields:
 * @source: a record of the same type
 *
 * Copies every field, id, example flag and time stamp from @source, so an
 * editor can work on a copy and apply it only once saving succeeded.
 */
void
cf_record_copy_fields (CfRecord *self,
                       CfRecord *source)
{
  CfRecordPrivate *src;
  CfRecordClass *klass;

  g_return_if_fail (CF_IS_RECORD (self));
  g_return_if_fail (G_OBJECT_TYPE (self) == G_OBJECT_TYPE (source));

  src = cf_record_get_instance_private (source);
  klass = CF_RECORD_GET_CLASS (self);

  g_object_freeze_notify (G_OBJECT (self));
  cf_record_set_id (self, src->id);
  cf_record_set_is_example (self, src->is_example);
  cf_record_set_updated_at (self, src->updated_at);
  for (guint i = 0; i < klass->n_specs; i++)
    set_field_at (self, i, src->values[i]);
  if (klass->copy_extra != NULL)
    klass->copy_extra (self, source);
  g_object_thaw_notify (G_OBJECT (self));
}

/**
 * cf_record_dup:
 *
 * Returns: (transfer full): a new record of the same type with the same values
 */
CfRecord *
cf_record_dup (CfRecord *self)
{
  CfRecord *copy;

  g_return_val_if_fail (CF_IS_RECORD (self), NULL);

  copy = g_object_new (G_OBJECT_TYPE (self), NULL);
  cf_record_copy_fields (copy, self);

  return copy;
}
