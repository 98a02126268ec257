/* cf-cli-manufacturer.c — manufacturer set, manufacturer show
 *
 * Copyright 2026 The Conformity Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cf-cli"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "cf-cli-private.h"

/* What `manufacturer set` changes, and what the first one must give too. */
typedef struct
{
  CfCliFieldOptions *fields;
  const char        *missing;   /* required fields not given, or NULL */
} ManufacturerEdit;

static void
set_missing_error (GError     **error,
                   const char  *missing)
{
  g_set_error (error, CF_CLI_ERROR, CF_CLI_ERROR_USAGE,
               _("No manufacturer is recorded yet, so these are needed too: %s."), missing);
}

static gboolean
edit_manufacturer_cb (CfRecord  *record,
                      gpointer   user_data,
                      GError   **error)
{
  const ManufacturerEdit *edit = user_data;

  /* Decided on what is stored now: one recorded meanwhile counts. */
  if (cf_record_get_id (record) == 0 && edit->missing != NULL)
    {
      set_missing_error (error, edit->missing);
      return FALSE;
    }

  cf_cli_field_options_apply (edit->fields, record);
  /* Whoever records the manufacturer here means it: it is no longer the example. */
  cf_record_set_is_example (record, FALSE);

  return TRUE;
}

int
cf_cli_manufacturer_set (CfCliContext        *ctx,
                         const CfCliCommand  *command,
                         int                  argc,
                         char               **argv)
{
  g_autoptr(CfManufacturer) prototype = cf_manufacturer_new ();
  g_autoptr(CfCliFieldOptions) fields = cf_cli_field_options_new (CF_RECORD (prototype));
  g_autoptr(GError) error = NULL;
  g_autofree char *required = cf_cli_field_options_dup_required (fields, FALSE);
  g_autofree char *description = NULL;
  g_autofree char *missing = NULL;
  ManufacturerEdit edit;
  CfStore *store;
  int status;

  description = g_strdup_printf (_("The options given replace those fields; the others keep their "
                                   "values. An empty value clears a field. The first time, %s "
                                   "are required.\n"
                                   "\n"
                                   "Example:\n"
                                   "  %s manufacturer set --name \"Zakład Łódź sp. z o.o.\" "
                                   "--address \"ul. Piotrkowska 1, 90-001 Łódź, Poland\" "
                                   "--email security@example.com\n"),
                                 required, CF_CLI_NAME);

  if (!cf_cli_parse_command (command, NULL, description, NULL, fields, &argc, &argv, &status))
    return status;

  if (!cf_cli_check_arguments (argc, argv, 0, 0, NULL, &error))
    return cf_cli_report (command->path, error);

  if (!cf_cli_field_options_any (fields))
    return cf_cli_usage_error (command->path, "%s",
                               _("Nothing to record: give at least one option, such as --email."));

  if (!cf_cli_field_options_check (fields, &error))
    return cf_cli_report (command->path, error);

  /* Open without creating first: a refused first call leaves no database. */
  if (!cf_cli_open_store (ctx, CF_CLI_OPEN_EXISTING, &store, &error))
    return cf_cli_report (command->path, error);

  missing = cf_cli_field_options_dup_required (fields, TRUE);
  if (store == NULL && missing != NULL)
    {
      set_missing_error (&error, missing);
      return cf_cli_report (command->path, error);
    }

  if (store == NULL && !cf_cli_open_store (ctx, CF_CLI_OPEN_CREATE, &store, &error))
    return cf_cli_report (command->path, error);

  /* Read, changed and written in one transaction: another program's change
   * of another field meanwhile is kept, not overwritten with what we read. */
  edit.fields = fields;
  edit.missing = missing;
  if (!cf_store_edit_manufacturer (store, edit_manufacturer_cb, &edit, &error))
    return cf_cli_report (command->path, error);

  return CF_CLI_EXIT_OK;
}

int
cf_cli_manufacturer_show (CfCliContext        *ctx,
                          const CfCliCommand  *command,
                          int                  argc,
                          char               **argv)
{
  g_autoptr(CfManufacturer) manufacturer = NULL;
  g_autoptr(GError) error = NULL;
  gboolean json = FALSE;
  const GOptionEntry entries[] = { CF_CLI_JSON_ENTRY (json), G_OPTION_ENTRY_NULL };
  CfStore *store;
  int status;

  if (!cf_cli_parse_command (command, NULL, NULL, entries, NULL, &argc, &argv, &status))
    return status;

  if (!cf_cli_check_arguments (argc, argv, 0, 0, NULL, &error))
    return cf_cli_report (command->path, error);

  if (!cf_cli_open_store (ctx, CF_CLI_OPEN_EXISTING, &store, &error))
    return cf_cli_report (command->path, error);

  if (store != NULL)
    {
      manufacturer = cf_store_get_manufacturer (store, &error);
      if (error != NULL)
        return cf_cli_report (command->path, error);
    }

  if (json && manufacturer == NULL)
    {
      /* Not an error: a script asks whether one is recorded. */
      g_autoptr(JsonNode) null = json_node_new (JSON_NODE_NULL);

      cf_cli_json_print_node (null);
    }
  else if (json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      cf_cli_json_add_manufacturer (builder, manufacturer);
      cf_cli_json_print (builder);
    }
  else if (manufacturer == NULL)
    {
      cf_cli_print (_("No manufacturer is recorded yet. Record it with “%s manufacturer set "
                      "--name NAME --address ADDRESS”.\n"),
                    CF_CLI_NAME);
    }
  else
    {
      g_autoptr(CfCliTable) table = cf_cli_table_new_key_value ();
      CfRecord *record = CF_RECORD (manufacturer);

      cf_cli_table_add_record (table, record);
      cf_cli_table_add_pair (table, _("Example data"),
                             cf_record_get_is_example (record) ? _("yes") : _("no"));
      cf_cli_table_add_pair (table, _("Updated"), cf_record_get_updated_at (record));
      cf_cli_table_print (table);
    }

  return CF_CLI_EXIT_OK;
}
