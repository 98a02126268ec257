/* cf-cli-misc.c — audit, catalogue
 *
 * Copyright 2026 The Conformity Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cf-cli"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "cf-catalogue.h"
#include "cf-error.h"
#include "cf-cli-private.h"

int
cf_cli_audit (CfCliContext        *ctx,
              const CfCliCommand  *command,
              int                  argc,
              char               **argv)
{
  g_autoptr(GPtrArray) entries_found = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *description = NULL;
  gboolean json = FALSE;
  int limit = 0;
  const GOptionEntry entries[] = {
    { "limit", 0, 0, G_OPTION_ARG_INT, &limit, N_("Show only the N most recent entries"), N_("N") },
    CF_CLI_JSON_ENTRY (json),
    G_OPTION_ENTRY_NULL
  };
  CfStore *store;
  int status;

  description = g_strdup_printf (_("Every change is recorded with its time (UTC), who made it "
                                   "(--actor, else the user name) and what changed. Entries are "
                                   "shown oldest first.\n"
                                   "\n"
                                   "Example:\n"
                                   "  %s audit --limit 20\n"),
                                 CF_CLI_NAME);

  if (!cf_cli_parse_command (command, NULL, description, entries, NULL, &argc, &argv, &status))
    return status;

  if (!cf_cli_check_arguments (argc, argv, 0, 0, NULL, &error))
    return cf_cli_report (command->path, error);

  if (limit < 0)
    return cf_cli_usage_error (command->path, "%s",
                               _("--limit must be 0 or more (0 shows everything)."));

  if (!cf_cli_open_store (ctx, CF_CLI_OPEN_EXISTING, &store, &error))
    return cf_cli_report (command->path, error);

  if (store != NULL)
    {
      entries_found = cf_store_list_audit (store, limit, &error);
      if (entries_found == NULL)
        return cf_cli_report (command->path, error);
    }
  else
    entries_found = g_ptr_array_new ();

  if (json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_builder_begin_array (builder);
      for (guint i = 0; i < entries_found->len; i++)
        cf_cli_json_add_audit_entry (builder, g_ptr_array_index (entries_found, i));
      json_builder_end_array (builder);
      cf_cli_json_print (builder);
    }
  else if (entries_found->len == 0)
    {
      cf_cli_print ("%s\n", _("The audit log is empty: nothing has been recorded yet."));
    }
  else
    {
      g_autoptr(CfCliTable) table = cf_cli_table_new (5);

      cf_cli_table_add_row (table, (const char *[]) {
                              _("AT"), _("ACTOR"), _("ACTION"), _("OBJECT"), _("DETAIL") });

      for (guint i = 0; i < entries_found->len; i++)
        {
          CfAuditEntry *entry = g_ptr_array_index (entries_found, i);
          g_autofree char *object = NULL;

          if (entry->object_id > 0)
            object = g_strdup_printf ("%s %" G_GINT64_FORMAT, entry->object_type, entry->object_id);
          else
            object = g_strdup (entry->object_type);

          cf_cli_table_add_row (table, (const char *[]) {
                                  entry->at, entry->actor, entry->action,
                                  cf_cli_or_dash (object), cf_cli_or_dash (entry->detail) });
        }

      cf_cli_table_print (table);
    }

  return CF_CLI_EXIT_OK;
}

static int
list_sections (CfCatalogue *catalogue,
               gboolean     json)
{
  const char * const *ids = cf_catalogue_get_section_ids (catalogue);

  if (json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_builder_begin_array (builder);
      for (guint i = 0; ids[i] != NULL; i++)
        {
          const char *annex = cf_catalogue_get_section_annex (catalogue, ids[i]);
          const char *title = cf_catalogue_get_section_title (catalogue, ids[i]);

          json_builder_begin_object (builder);
          cf_cli_json_add_string (builder, "id", ids[i]);
          cf_cli_json_add_string (builder, "annex", annex);
          cf_cli_json_add_string (builder, "title", title);
          json_builder_set_member_name (builder, "item_count");
          json_builder_add_int_value (builder, cf_catalogue_count (catalogue, ids[i], NULL));
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
      cf_cli_json_print (builder);
    }
  else
    {
      g_autoptr(CfCliTable) table = cf_cli_table_new (4);

      cf_cli_table_add_row (table, (const char *[]) {
                              _("SECTION"), _("ANNEX"), _("ITEMS"), _("TITLE") });

      for (guint i = 0; ids[i] != NULL; i++)
        {
          const char *annex = cf_catalogue_get_section_annex (catalogue, ids[i]);
          const char *title = cf_catalogue_get_section_title (catalogue, ids[i]);
          g_autofree char *count = g_strdup_printf ("%u",
                                                    cf_catalogue_count (catalogue, ids[i], NULL));

          cf_cli_table_add_row (table, (const char *[]) {
                                  ids[i], cf_cli_or_dash (annex), count, cf_cli_or_dash (title) });
        }

      cf_cli_table_print (table);
    }

  return CF_CLI_EXIT_OK;
}

static int
list_items (CfCatalogue *catalogue,
            const char  *section_id,
            GListModel  *items,
            gboolean     json)
{
  guint n_items = g_list_model_get_n_items (items);
  const char *chapeau = cf_catalogue_get_section_chapeau (catalogue, section_id);

  if (json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_builder_begin_array (builder);
      for (guint i = 0; i < n_items; i++)
        {
          g_autoptr(CfCatalogueItem) item = g_list_model_get_item (items, i);

          json_builder_begin_object (builder);
          cf_cli_json_add_string (builder, "id", cf_catalogue_item_get_id (item));
          cf_cli_json_add_string (builder, "ref", cf_catalogue_item_get_ref (item));
          cf_cli_json_add_string (builder, "kind", cf_catalogue_item_get_kind (item));
          cf_cli_json_add_string (builder, "parent_id", cf_catalogue_item_get_parent_id (item));
          cf_cli_json_add_string (builder, "label", cf_catalogue_item_get_label (item));
          cf_cli_json_add_string (builder, "text", cf_catalogue_item_get_text (item));
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
      cf_cli_json_print (builder);

      return CF_CLI_EXIT_OK;
    }

  cf_cli_print ("%s — %s\n",
                cf_cli_or_dash (cf_catalogue_get_section_annex (catalogue, section_id)),
                cf_cli_or_dash (cf_catalogue_get_section_title (catalogue, section_id)));
  if (chapeau != NULL)
    cf_cli_print_wrapped (chapeau, 0, CF_CLI_TEXT_WIDTH);

  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(CfCatalogueItem) item = g_list_model_get_item (items, i);
      /* Sub-points are indented under their point, as in the regulation. */
      guint indent = 2 * cf_catalogue_item_get_depth (item);

      cf_cli_print ("\n%*s%s  %s\n", (int) indent, "", cf_catalogue_item_get_id (item),
                    cf_cli_or_dash (cf_catalogue_item_get_ref (item)));
      if (cf_catalogue_item_get_label (item) != NULL)
        cf_cli_print_wrapped (cf_catalogue_item_get_label (item), indent + 2, CF_CLI_TEXT_WIDTH);
      if (cf_catalogue_item_get_text (item) != NULL)
        cf_cli_print_wrapped (cf_catalogue_item_get_text (item), indent + 4, CF_CLI_TEXT_WIDTH);
    }

  return CF_CLI_EXIT_OK;
}

int
cf_cli_catalogue (CfCliContext        *ctx,
                  const CfCliCommand  *command,
                  int                  argc,
                  char               **argv)
{
  g_autoptr(CfCatalogue) catalogue = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *description = NULL;
  gboolean json = FALSE;
  const GOptionEntry entries[] = { CF_CLI_JSON_ENTRY (json), G_OPTION_ENTRY_NULL };
  GListModel *items;
  int status;

  description = g_strdup_printf (_("Without a section, lists the sections with their item counts. "
                                   "With a section id, lists its items: id, reference, label and "
                                   "the regulation’s text. Needs no project database.\n"
                                   "\n"
                                   "Examples:\n"
                                   "  %s catalogue\n"
                                   "  %s catalogue AnnexI.PartI --json\n"),
                                 CF_CLI_NAME, CF_CLI_NAME);

  if (!cf_cli_parse_command (command, _("[SECTION]"), description, entries, NULL,
                             &argc, &argv, &status))
    return status;

  if (!cf_cli_check_arguments (argc, argv, 0, 1, NULL, &error))
    return cf_cli_report (command->path, error);

  catalogue = cf_catalogue_load_default (&error);
  if (catalogue == NULL)
    return cf_cli_report (command->path, error);

  if (argc < 2)
    return list_sections (catalogue, json);

  items = cf_catalogue_get_items (catalogue, argv[1]);
  if (items == NULL)
    {
      g_autofree char *shown = g_utf8_make_valid (argv[1], -1);
      g_autofree char *known = g_strjoinv (", ",
                                           (char **) cf_catalogue_get_section_ids (catalogue));

      g_set_error (&error, CF_ERROR, CF_ERROR_NOT_FOUND,
                   _("The catalogue has no section “%s” (known: %s)."), shown, known);
      return cf_cli_report (command->path, error);
    }

  return list_items (catalogue, argv[1], items, json);
}
