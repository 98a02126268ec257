/* cf-cli-fields.c — command-line options made from a record's fields
 *
 * Copyright 2026 The Conformity Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cf-cli"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "cf-error.h"
#include "cf-cli-private.h"

/* Every field of a record becomes an option of the same name (--name,
 * --representative-address, --place-of-issue), described by the field's
 * label. A field added to the core thus appears in the CLI, its --help and
 * its checks without a change here. */
struct _CfCliFieldOptions
{
  const CfFieldSpec  *specs;
  guint               n_specs;
  char              **values;    /* as typed; NULL where the option was not given */
  GOptionEntry       *entries;   /* n_specs + 1, the last one empty */
};

static const char *
arg_description (const CfFieldSpec *spec)
{
  switch (spec->format)
    {
    case CF_FIELD_FORMAT_EMAIL:
      return N_("EMAIL");
    case CF_FIELD_FORMAT_URL:
      return N_("URL");
    case CF_FIELD_FORMAT_EMAIL_OR_URL:
      return N_("EMAIL|URL");
    case CF_FIELD_FORMAT_DATE:
      return N_("YYYY-MM-DD");
    case CF_FIELD_FORMAT_DATE_TIME:
      return N_("ISO8601");
    case CF_FIELD_FORMAT_MEMBER_STATE:
      return N_("CODE");
    case CF_FIELD_FORMAT_MEMBER_STATES:
      return N_("CODE,CODE…");
    case CF_FIELD_FORMAT_CVSS:
      return N_("VECTOR");
    case CF_FIELD_FORMAT_NOTIFIED_BODY:
      return N_("NNNN");
    case CF_FIELD_FORMAT_TEXT:
    default:
      return N_("TEXT");
    }
}

/**
 * cf_cli_field_options_new:
 * @prototype: any record of the type whose fields become options
 *
 * Returns: (transfer full): the options, to pass to cf_cli_parse_command()
 */
CfCliFieldOptions *
cf_cli_field_options_new (CfRecord *prototype)
{
  CfCliFieldOptions *self = g_new0 (CfCliFieldOptions, 1);

  self->specs = cf_record_get_specs (prototype, &self->n_specs);
  self->values = g_new0 (char *, self->n_specs + 1);
  self->entries = g_new0 (GOptionEntry, self->n_specs + 1);

  for (guint i = 0; i < self->n_specs; i++)
    {
      GOptionEntry *entry = &self->entries[i];

      entry->long_name = self->specs[i].name;
      entry->arg = G_OPTION_ARG_FILENAME;
      entry->arg_data = &self->values[i];
      /* N_() strings of the core, translated by the option context. */
      entry->description = self->specs[i].label;
      entry->arg_description = arg_description (&self->specs[i]);
    }

  return self;
}

void
cf_cli_field_options_free (CfCliFieldOptions *self)
{
  if (self == NULL)
    return;

  /* Not g_strfreev(): options not given leave NULL holes in the array. */
  for (guint i = 0; i < self->n_specs; i++)
    g_free (self->values[i]);
  g_free (self->values);
  g_free (self->entries);
  g_free (self);
}

const GOptionEntry *
cf_cli_field_options_get_entries (CfCliFieldOptions *self)
{
  return self->entries;
}

gboolean
cf_cli_field_options_any (CfCliFieldOptions *self)
{
  for (guint i = 0; i < self->n_specs; i++)
    if (self->values[i] != NULL)
      return TRUE;

  return FALSE;
}

/**
 * cf_cli_field_options_dup_required:
 * @only_missing: list only the required options that were not given
 *
 * Returns: (transfer full) (nullable): "--name, --model", or %NULL when none
 */
char *
cf_cli_field_options_dup_required (CfCliFieldOptions *self,
                                   gboolean           only_missing)
{
  g_autoptr(GString) list = g_string_new (NULL);

  for (guint i = 0; i < self->n_specs; i++)
    {
      if (!self->specs[i].required || (only_missing && self->values[i] != NULL))
        continue;

      if (list->len > 0)
        g_string_append (list, ", ");
      g_string_append_printf (list, "--%s", self->specs[i].name);
    }

  if (list->len == 0)
    return NULL;

  return g_string_free (g_steal_pointer (&list), FALSE);
}

/**
 * cf_cli_field_options_check:
 *
 * Checks the given values against the field specifications, the same checks
 * the store makes, so that a refused value is reported before the database
 * is opened (or created).
 */
gboolean
cf_cli_field_options_check (CfCliFieldOptions  *self,
                            GError            **error)
{
  for (guint i = 0; i < self->n_specs; i++)
    {
      g_autofree char *value = NULL;
      g_autofree char *message = NULL;

      if (self->values[i] == NULL)
        continue;

      value = cf_cli_dup_text_argument (self->values[i]);
      message = cf_field_spec_check (&self->specs[i], value);
      if (message != NULL)
        {
          g_set_error_literal (error, CF_ERROR, CF_ERROR_INVALID_INPUT, message);
          return FALSE;
        }
    }

  return TRUE;
}

/**
 * cf_cli_field_options_apply:
 *
 * Sets the fields whose options were given; the others keep their values.
 * An empty value clears a field (the store turns "" into nothing).
 */
void
cf_cli_field_options_apply (CfCliFieldOptions *self,
                            CfRecord          *record)
{
  for (guint i = 0; i < self->n_specs; i++)
    {
      g_autofree char *value = NULL;

      if (self->values[i] == NULL)
        continue;

      value = cf_cli_dup_text_argument (self->values[i]);
      cf_record_set_field (record, self->specs[i].name, value);
    }
}

/**
 * cf_cli_field_options_edit:
 * @self: (type CfCliFieldOptions)
 *
 * cf_cli_field_options_apply() as a #CfRecordEditFunc, for
 * cf_store_edit_product() and its kind.
 */
gboolean
cf_cli_field_options_edit (CfRecord  *record,
                           gpointer   self,
                           GError   **error)
{
  cf_cli_field_options_apply (self, record);
  return TRUE;
}
