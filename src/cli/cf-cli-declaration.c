/* cf-cli-declaration.c — declaration set, declaration show
 *
 * Copyright 2026 The Conformity Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cf-cli"

#include "config.h"

#include <inttypes.h>

#include <glib/gi18n-lib.h>

#include "cf-declaration.h"
#include "cf-product-status.h"
#include "cf-cli-private.h"

/* “  module-a  Internal control (module A)”, one line per procedure, from
 * the enum so that a procedure added to the core is listed too. */
static char *
dup_procedure_list (void)
{
  g_autoptr(GEnumClass) klass = g_type_class_ref (CF_TYPE_PROCEDURE);
  g_autoptr(CfCliTable) table = cf_cli_table_new (2);
  g_autoptr(GString) out = g_string_new (NULL);

  for (guint i = 0; i < klass->n_values; i++)
    {
      CfProcedure procedure = klass->values[i].value;

      cf_cli_table_add_row (table, (const char *[]) {
                              cf_procedure_to_id (procedure),
                              cf_procedure_get_label (procedure) });
    }

  cf_cli_table_append (table, out, "  ");

  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* What `declaration set` changes: the fields given, and the procedure if given. */
typedef struct
{
  CfCliFieldOptions *fields;
  gboolean           set_procedure;
  CfProcedure        procedure;
} DeclarationEdit;

static gboolean
edit_declaration_cb (CfRecord  *record,
                     gpointer   user_data,
                     GError   **error)
{
  const DeclarationEdit *edit = user_data;

  cf_cli_field_options_apply (edit->fields, record);
  if (edit->set_procedure)
    cf_declaration_info_set_procedure (CF_DECLARATION_INFO (record), edit->procedure);

  return TRUE;
}

int
cf_cli_declaration_set (CfCliContext        *ctx,
                        const CfCliCommand  *command,
                        int                  argc,
                        char               **argv)
{
  g_autoptr(CfDeclarationInfo) prototype = cf_declaration_info_new ();
  g_autoptr(CfCliFieldOptions) fields = cf_cli_field_options_new (CF_RECORD (prototype));
  g_autoptr(GError) error = NULL;
  g_autofree char *procedure_arg = NULL;
  g_autofree char *procedures = dup_procedure_list ();
  g_autofree char *description = NULL;
  const GOptionEntry entries[] = {
    { "procedure", 0, 0, G_OPTION_ARG_FILENAME, &procedure_arg,
      N_("The conformity assessment procedure followed (see below)"), N_("PROCEDURE") },
    G_OPTION_ENTRY_NULL
  };
  CfProcedure procedure = CF_PROCEDURE_MODULE_A;
  DeclarationEdit edit;
  CfStore *store;
  gint64 id;
  int status;

  description = g_strdup_printf (_("Only the options given change; an empty value clears a field. "
                                   "“%s declaration show ID” tells what a final declaration "
                                   "still needs.\n"
                                   "\n"
                                   "Procedures:\n"
                                   "%s\n"
                                   "Example:\n"
                                   "  %s declaration set 1 --procedure module-a "
                                   "--standards \"EN 18031-1:2024\" --place-of-issue Łódź "
                                   "--signatory-name \"Anna Nowak\" --signatory-function CEO\n"),
                                 CF_CLI_NAME, procedures, CF_CLI_NAME);

  if (!cf_cli_parse_command (command, _("ID"), description, entries, fields, &argc, &argv, &status))
    return status;

  if (!cf_cli_check_arguments (argc, argv, 1, 1, _("Which product? Give its id."), &error) ||
      !cf_cli_parse_id (argv[1], &id, &error))
    return cf_cli_report (command->path, error);

  if (procedure_arg != NULL && !cf_procedure_from_id (procedure_arg, &procedure))
    {
      g_autofree char *shown = g_utf8_make_valid (procedure_arg, -1);

      return cf_cli_usage_error (command->path,
                                 _("“%s” is not a conformity assessment procedure; "
                                   "use one of: %s."),
                                 shown, cf_procedure_list_ids ());
    }

  if (procedure_arg == NULL && !cf_cli_field_options_any (fields))
    return cf_cli_usage_error (command->path, "%s",
                               _("Nothing to change: give at least one option, such as "
                                 "--place-of-issue."));

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
  edit.fields = fields;
  edit.set_procedure = procedure_arg != NULL;
  edit.procedure = procedure;
  if (!cf_store_edit_declaration_info (store, id, edit_declaration_cb, &edit, &error))
    return cf_cli_report (command->path, error);

  return CF_CLI_EXIT_OK;
}

static void
print_declaration (CfProduct          *product,
                   CfDeclarationInfo  *info,
                   const char * const *missing)
{
  g_autoptr(CfCliTable) table = cf_cli_table_new_key_value ();
  g_autoptr(GString) missing_text = g_string_new (NULL);
  g_autofree char *product_text = NULL;
  g_autofree char *display_name = cf_product_dup_display_name (product);
  g_autofree char *procedure_text = NULL;
  CfProcedure procedure = cf_declaration_info_get_procedure (info);

  product_text = g_strdup_printf (_("%s (id %" PRId64 ")"), display_name,
                                  cf_record_get_id (CF_RECORD (product)));
  procedure_text = g_strdup_printf ("%s — %s", cf_procedure_to_id (procedure),
                                    cf_procedure_get_label (procedure));

  for (guint i = 0; missing[i] != NULL; i++)
    g_string_append_printf (missing_text, "%s%s", i > 0 ? "\n" : "",
                            cf_declaration_describe_missing (missing[i]));

  cf_cli_table_add_pair (table, _("Product"), product_text);
  cf_cli_table_add_pair (table, _("Procedure"), procedure_text);
  cf_cli_table_add_record (table, CF_RECORD (info));
  cf_cli_table_add_pair (table, _("Updated"), cf_record_get_updated_at (CF_RECORD (info)));
  cf_cli_table_add_pair (table, _("Ready"),
                         missing[0] == NULL ? _("yes: nothing is missing for a final declaration")
                                            : _("no: a declaration generated now is a draft"));
  if (missing[0] != NULL)
    cf_cli_table_add_pair (table, _("Missing"), missing_text->str);

  cf_cli_table_print (table);
}

int
cf_cli_declaration_show (CfCliContext        *ctx,
                         const CfCliCommand  *command,
                         int                  argc,
                         char               **argv)
{
  g_autoptr(CfProduct) product = NULL;
  g_autoptr(CfManufacturer) manufacturer = NULL;
  g_autoptr(CfDeclarationInfo) info = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) missing = NULL;
  g_autofree char *description = NULL;
  gboolean json = FALSE;
  const GOptionEntry entries[] = { CF_CLI_JSON_ENTRY (json), G_OPTION_ENTRY_NULL };
  CfStore *store;
  gint64 id;
  int status;

  description = g_strdup_printf (_("Shows the details the EU declaration of conformity takes "
                                   "beyond the product and the manufacturer, and what a final "
                                   "(non-draft) declaration still needs.\n"
                                   "\n"
                                   "Example:\n"
                                   "  %s declaration show 1 --json\n"),
                                 CF_CLI_NAME);

  if (!cf_cli_parse_command (command, _("ID"), description, entries, NULL, &argc, &argv, &status))
    return status;

  if (!cf_cli_check_arguments (argc, argv, 1, 1, _("Which product? Give its id."), &error) ||
      !cf_cli_parse_id (argv[1], &id, &error))
    return cf_cli_report (command->path, error);

  if (!cf_cli_open_store (ctx, CF_CLI_OPEN_EXISTING, &store, &error))
    return cf_cli_report (command->path, error);

  if (store == NULL)
    {
      cf_cli_set_no_product (ctx, id, &error);
      return cf_cli_report (command->path, error);
    }

  product = cf_store_get_product (store, id, &error);
  if (product == NULL)
    return cf_cli_report (command->path, error);

  info = cf_store_get_declaration_info (store, id, &error);
  if (info == NULL)
    return cf_cli_report (command->path, error);

  manufacturer = cf_store_get_manufacturer (store, &error);
  if (error != NULL)
    return cf_cli_report (command->path, error);

  {
    g_autoptr(CfCatalogue) catalogue = cf_catalogue_load_default (&error);

    if (catalogue == NULL)
      return cf_cli_report (command->path, error);
    missing = cf_declaration_check (store, catalogue, id, &error);
    if (missing == NULL)
      return cf_cli_report (command->path, error);
  }

  if (json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      cf_cli_json_add_declaration (builder, id, info, (const char * const *) missing);
      cf_cli_json_print (builder);
    }
  else
    print_declaration (product, info, (const char * const *) missing);

  return CF_CLI_EXIT_OK;
}
