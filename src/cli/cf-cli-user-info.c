/* cf-cli-user-info.c — user-info set, user-info show
 *
 * Copyright 2026 The Conformity Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cf-cli"

#include "config.h"

#include <inttypes.h>

#include <glib/gi18n-lib.h>

#include "cf-cli-private.h"

int
cf_cli_user_info_set (CfCliContext        *ctx,
                      const CfCliCommand  *command,
                      int                  argc,
                      char               **argv)
{
  g_autoptr(CfUserInformation) prototype = cf_user_information_new ();
  g_autoptr(CfCliFieldOptions) fields = cf_cli_field_options_new (CF_RECORD (prototype));
  g_autoptr(GError) error = NULL;
  g_autofree char *description = NULL;
  CfStore *store;
  gint64 id;
  int status;

  description = g_strdup_printf (_("Records the information and instructions Annex II asks to "
                                   "give the product’s users, beyond the manufacturer’s contact "
                                   "details, the product’s name, type and support period and its "
                                   "intended purpose, which are recorded elsewhere. Only the "
                                   "options given change; an empty value clears a field.\n"
                                   "\n"
                                   "Example:\n"
                                   "  %s user-info set 1 --security-contact security@example.com "
                                   "--cvd-policy-url https://example.com/security/cvd\n"),
                                 CF_CLI_NAME);

  if (!cf_cli_parse_command (command, _("ID"), description, NULL, fields, &argc, &argv, &status))
    return status;

  if (!cf_cli_check_arguments (argc, argv, 1, 1, _("Which product? Give its id."), &error) ||
      !cf_cli_parse_id (argv[1], &id, &error))
    return cf_cli_report (command->path, error);

  if (!cf_cli_field_options_any (fields))
    return cf_cli_usage_error (command->path, "%s",
                               _("Nothing to change: give at least one option, such as "
                                 "--security-contact."));

  if (!cf_cli_field_options_check (fields, &error))
    return cf_cli_report (command->path, error);

  if (!cf_cli_open_product_store (ctx, id, &store, &error))
    return cf_cli_report (command->path, error);

  /* Read, changed and written in one transaction: another program's change
   * of another field meanwhile is kept, not overwritten with what we read. */
  if (!cf_store_edit_user_information (store, id, cf_cli_field_options_edit, fields, &error))
    return cf_cli_report (command->path, error);

  return CF_CLI_EXIT_OK;
}

static void
print_user_information (CfProduct         *product,
                        CfUserInformation *info)
{
  g_autoptr(CfCliTable) table = cf_cli_table_new_key_value ();
  g_autofree char *display_name = cf_product_dup_display_name (product);
  g_autofree char *product_text = NULL;

  product_text = g_strdup_printf (_("%s (id %" PRId64 ")"), display_name,
                                  cf_record_get_id (CF_RECORD (product)));

  /* The instructions run to paragraphs: wrap them rather than the terminal. */
  cf_cli_table_set_width (table, CF_CLI_TEXT_WIDTH);
  cf_cli_table_add_pair (table, _("Product"), product_text);
  cf_cli_table_add_record (table, CF_RECORD (info));
  cf_cli_table_add_pair (table, _("Updated"), cf_record_get_updated_at (CF_RECORD (info)));
  cf_cli_table_print (table);
}

int
cf_cli_user_info_show (CfCliContext        *ctx,
                       const CfCliCommand  *command,
                       int                  argc,
                       char               **argv)
{
  g_autoptr(CfProduct) product = NULL;
  g_autoptr(CfUserInformation) info = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *description = NULL;
  gboolean json = FALSE;
  const GOptionEntry entries[] = { CF_CLI_JSON_ENTRY (json), G_OPTION_ENTRY_NULL };
  CfStore *store;
  gint64 id;
  int status;

  description = g_strdup_printf (_("Shows the information and instructions for the product’s users "
                                   "(Annex II) recorded with “%s user-info set”.\n"
                                   "\n"
                                   "Example:\n"
                                   "  %s user-info show 1 --json\n"),
                                 CF_CLI_NAME, CF_CLI_NAME);

  if (!cf_cli_parse_command (command, _("ID"), description, entries, NULL, &argc, &argv, &status))
    return status;

  if (!cf_cli_check_arguments (argc, argv, 1, 1, _("Which product? Give its id."), &error) ||
      !cf_cli_parse_id (argv[1], &id, &error))
    return cf_cli_report (command->path, error);

  if (!cf_cli_open_product_store (ctx, id, &store, &error))
    return cf_cli_report (command->path, error);

  product = cf_store_get_product (store, id, &error);
  if (product == NULL)
    return cf_cli_report (command->path, error);

  info = cf_store_get_user_information (store, id, &error);
  if (info == NULL)
    return cf_cli_report (command->path, error);

  if (json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      cf_cli_json_add_user_information (builder, id, info);
      cf_cli_json_print (builder);
    }
  else
    print_user_information (product, info);

  return CF_CLI_EXIT_OK;
}
