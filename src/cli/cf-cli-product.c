/* cf-cli-product.c — product add, add-example, list, show, set
 *
 * Copyright 2026 The Conformity Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cf-cli"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "cf-cli-private.h"

static void
print_id (gint64 id)
{
  /* The id alone, so that `id=$(conformity-cli product add …)` just works. */
  cf_cli_print ("%" G_GINT64_FORMAT "\n", id);
}

/* Finds the product, or says there is none; a database that does not exist
 * yet has no products either. */
static CfProduct *
load_product (CfCliContext  *ctx,
              gint64         product_id,
              CfStore      **store,
              GError       **error)
{
  if (!cf_cli_open_store (ctx, CF_CLI_OPEN_EXISTING, store, error))
    return NULL;

  if (*store == NULL)
    {
      cf_cli_set_no_product (ctx, product_id, error);
      return NULL;
    }

  return cf_store_get_product (*store, product_id, error);
}

int
cf_cli_product_add (CfCliContext        *ctx,
                    const CfCliCommand  *command,
                    int                  argc,
                    char               **argv)
{
  g_autoptr(CfProduct) product = cf_product_new ();
  g_autoptr(CfCliFieldOptions) fields = cf_cli_field_options_new (CF_RECORD (product));
  g_autoptr(GError) error = NULL;
  g_autofree char *required = cf_cli_field_options_dup_required (fields, FALSE);
  g_autofree char *missing = NULL;
  g_autofree char *description = NULL;
  CfStore *store;
  gint64 id;
  int status;

  description = g_strdup_printf (_("Required: %s. Prints the new product’s id alone.\n"
                                   "\n"
                                   "Example:\n"
                                   "  id=$(%s product add --name \"Smart Thermostat\" "
                                   "--model ST-200 --version 2.4.1)\n"),
                                 required, CF_CLI_NAME);

  if (!cf_cli_parse_command (command, NULL, description, NULL, fields, &argc, &argv, &status))
    return status;

  if (!cf_cli_check_arguments (argc, argv, 0, 0, NULL, &error))
    return cf_cli_report (command->path, error);

  missing = cf_cli_field_options_dup_required (fields, TRUE);
  if (missing != NULL)
    return cf_cli_usage_error (command->path, _("A new product needs %s."), missing);

  if (!cf_cli_field_options_check (fields, &error))
    return cf_cli_report (command->path, error);

  if (!cf_cli_open_store (ctx, CF_CLI_OPEN_CREATE, &store, &error))
    return cf_cli_report (command->path, error);

  cf_cli_field_options_apply (fields, CF_RECORD (product));

  id = cf_store_add_product (store, product, &error);
  if (id == 0)
    return cf_cli_report (command->path, error);

  print_id (id);

  return CF_CLI_EXIT_OK;
}

int
cf_cli_product_add_example (CfCliContext        *ctx,
                            const CfCliCommand  *command,
                            int                  argc,
                            char               **argv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *description = NULL;
  CfStore *store;
  gint64 id;
  int status;

  description = g_strdup_printf (_("The example is a filled-in product with fictitious data, "
                                   "marked as an example everywhere, its documents included. "
                                   "When no manufacturer is recorded yet, an example "
                                   "manufacturer is recorded too. Prints the new product’s id "
                                   "alone.\n"
                                   "\n"
                                   "Example:\n"
                                   "  %s product add-example\n"),
                                 CF_CLI_NAME);

  if (!cf_cli_parse_command (command, NULL, description, NULL, NULL, &argc, &argv, &status))
    return status;

  if (!cf_cli_check_arguments (argc, argv, 0, 0, NULL, &error))
    return cf_cli_report (command->path, error);

  if (!cf_cli_open_store (ctx, CF_CLI_OPEN_CREATE, &store, &error))
    return cf_cli_report (command->path, error);

  id = cf_store_add_example (store, &error);
  if (id == 0)
    return cf_cli_report (command->path, error);

  print_id (id);

  return CF_CLI_EXIT_OK;
}

int
cf_cli_product_list (CfCliContext        *ctx,
                     const CfCliCommand  *command,
                     int                  argc,
                     char               **argv)
{
  g_autoptr(GPtrArray) products = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *description = NULL;
  gboolean json = FALSE;
  const GOptionEntry entries[] = { CF_CLI_JSON_ENTRY (json), G_OPTION_ENTRY_NULL };
  CfStore *store;
  int status;

  description = g_strdup_printf (_("Products are listed by name.\n"
                                   "\n"
                                   "Example:\n"
                                   "  %s product list --json\n"),
                                 CF_CLI_NAME);

  if (!cf_cli_parse_command (command, NULL, description, entries, NULL, &argc, &argv, &status))
    return status;

  if (!cf_cli_check_arguments (argc, argv, 0, 0, NULL, &error))
    return cf_cli_report (command->path, error);

  if (!cf_cli_open_store (ctx, CF_CLI_OPEN_EXISTING, &store, &error))
    return cf_cli_report (command->path, error);

  if (store != NULL)
    {
      products = cf_store_list_products (store, &error);
      if (products == NULL)
        return cf_cli_report (command->path, error);
    }
  else
    products = g_ptr_array_new ();

  if (json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_builder_begin_array (builder);
      for (guint i = 0; i < products->len; i++)
        cf_cli_json_add_product (builder, g_ptr_array_index (products, i));
      json_builder_end_array (builder);
      cf_cli_json_print (builder);
    }
  else if (products->len == 0)
    {
      cf_cli_print (_("No products yet. Add one with "
                      "“%s product add --name NAME --model MODEL”.\n"),
                    CF_CLI_NAME);
    }
  else
    {
      g_autoptr(CfCliTable) table = cf_cli_table_new (5);

      cf_cli_table_add_row (table, (const char *[]) {
                              _("ID"), _("NAME"), _("MODEL"), _("VERSION"), NULL });

      for (guint i = 0; i < products->len; i++)
        {
          CfProduct *product = g_ptr_array_index (products, i);
          gboolean is_example = cf_record_get_is_example (CF_RECORD (product));
          g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT,
                                                 cf_record_get_id (CF_RECORD (product)));

          cf_cli_table_add_row (table, (const char *[]) {
                                  id,
                                  cf_product_get_name (product),
                                  cf_product_get_model (product),
                                  cf_cli_or_dash (cf_product_get_version (product)),
                                  is_example ? _("(example)") : NULL });
        }

      cf_cli_table_print (table);
    }

  return CF_CLI_EXIT_OK;
}

int
cf_cli_product_show (CfCliContext        *ctx,
                     const CfCliCommand  *command,
                     int                  argc,
                     char               **argv)
{
  g_autoptr(CfProduct) product = NULL;
  g_autoptr(GError) error = NULL;
  gboolean json = FALSE;
  const GOptionEntry entries[] = { CF_CLI_JSON_ENTRY (json), G_OPTION_ENTRY_NULL };
  CfStore *store;
  gint64 id;
  int status;

  if (!cf_cli_parse_command (command, _("ID"), NULL, entries, NULL, &argc, &argv, &status))
    return status;

  if (!cf_cli_check_arguments (argc, argv, 1, 1, _("Which product? Give its id."), &error) ||
      !cf_cli_parse_id (argv[1], &id, &error))
    return cf_cli_report (command->path, error);

  product = load_product (ctx, id, &store, &error);
  if (product == NULL)
    return cf_cli_report (command->path, error);

  if (json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();
      g_autoptr(JsonNode) root = NULL;

      cf_cli_json_add_product (builder, product);
      root = json_builder_get_root (builder);
      cf_cli_support_period_add_json (json_node_get_object (root), product);
      cf_cli_json_print_node (root);
    }
  else
    {
      g_autoptr(CfCliTable) table = cf_cli_table_new_key_value ();
      CfRecord *record = CF_RECORD (product);
      g_autofree char *id_text = g_strdup_printf ("%" G_GINT64_FORMAT, id);

      cf_cli_table_add_pair (table, _("Id"), id_text);
      cf_cli_table_add_record (table, record);
      cf_cli_support_period_add_pairs (table, product);
      cf_cli_table_add_pair (table, _("Example data"),
                             cf_record_get_is_example (record) ? _("yes") : _("no"));
      cf_cli_table_add_pair (table, _("Updated"), cf_record_get_updated_at (record));
      cf_cli_table_print (table);
    }

  return CF_CLI_EXIT_OK;
}

int
cf_cli_product_set (CfCliContext        *ctx,
                    const CfCliCommand  *command,
                    int                  argc,
                    char               **argv)
{
  g_autoptr(CfProduct) prototype = cf_product_new ();
  g_autoptr(CfCliFieldOptions) fields = cf_cli_field_options_new (CF_RECORD (prototype));
  g_autoptr(GError) error = NULL;
  g_autofree char *description = NULL;
  CfStore *store;
  gint64 id;
  int status;

  description = g_strdup_printf (_("Only the options given change; an empty value clears a field.\n"
                                   "\n"
                                   "Example:\n"
                                   "  %s product set 1 --version 2.5.0\n"),
                                 CF_CLI_NAME);

  if (!cf_cli_parse_command (command, _("ID"), description, NULL, fields, &argc, &argv, &status))
    return status;

  if (!cf_cli_check_arguments (argc, argv, 1, 1, _("Which product? Give its id."), &error) ||
      !cf_cli_parse_id (argv[1], &id, &error))
    return cf_cli_report (command->path, error);

  if (!cf_cli_field_options_any (fields))
    return cf_cli_usage_error (command->path, "%s",
                               _("Nothing to change: give at least one option, "
                                 "such as --version."));

  if (!cf_cli_field_options_check (fields, &error))
    return cf_cli_report (command->path, error);

  if (!cf_cli_open_store (ctx, CF_CLI_OPEN_EXISTING, &store, &error))
    return cf_cli_report (command->path, error);
  if (store == NULL)
    {
      cf_cli_set_no_product (ctx, id, &error);
      return cf_cli_report (command->path, error);
    }

  /* Read, changed and written in one transaction: another program's change
   * of another field meanwhile is kept, not overwritten with what we read. */
  if (!cf_store_edit_product (store, id, cf_cli_field_options_edit, fields, &error))
    return cf_cli_report (command->path, error);

  return CF_CLI_EXIT_OK;
}
