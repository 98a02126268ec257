/* cf-cli-sbom.c — sbom import, list, components, check, diff
 *
 * Copyright 2026 The Conformity Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cf-cli"

#include "config.h"

#include <inttypes.h>

#include <glib/gi18n-lib.h>

#include "cf-cli-private.h"
#include "cf-error.h"
#include "cf-sbom-check.h"
#include "cf-sbom-diff.h"


static char *
component_label (const CfSbomComponent *c)
{
  if (c->version == NULL)
    return g_strdup (c->name);

  return g_strdup_printf ("%s %s", c->name, c->version);
}

/* JSON */

static void
json_add_sbom_info (JsonBuilder      *builder,
                    const CfSbomInfo *info)
{
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "id");
  json_builder_add_int_value (builder, info->id);
  json_builder_set_member_name (builder, "product_id");
  json_builder_add_int_value (builder, info->product_id);
  cf_cli_json_add_string (builder, "product_version", info->product_version);
  cf_cli_json_add_string (builder, "format", cf_sbom_format_get_id (info->format));
  cf_cli_json_add_string (builder, "spec_version", info->spec_version);
  cf_cli_json_add_string (builder, "serial", info->serial);
  cf_cli_json_add_string (builder, "name", info->name);
  cf_cli_json_add_string (builder, "timestamp", info->timestamp);
  cf_cli_json_add_string (builder, "creator", info->creator);
  cf_cli_json_add_string (builder, "tools", info->tools);
  cf_cli_json_add_string (builder, "subject_name", info->subject_name);
  cf_cli_json_add_string (builder, "subject_version", info->subject_version);
  json_builder_set_member_name (builder, "components");
  json_builder_add_int_value (builder, info->component_count);
  cf_cli_json_add_string (builder, "imported_at", info->imported_at);
  cf_cli_json_add_string (builder, "imported_by", info->imported_by);
  json_builder_set_member_name (builder, "evidence_id");
  json_builder_add_int_value (builder, info->evidence_id);
  json_builder_set_member_name (builder, "evidence_version");
  json_builder_add_int_value (builder, info->evidence_version);
  cf_cli_json_add_string (builder, "file_name", info->file_name);
  cf_cli_json_add_string (builder, "sha256", info->sha256);
  json_builder_end_object (builder);
}

static void
json_add_component (JsonBuilder           *builder,
                    const CfSbomComponent *c,
                    guint                  index)
{
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "index");
  json_builder_add_int_value (builder, index);
  cf_cli_json_add_string (builder, "ref", c->ref);
  cf_cli_json_add_string (builder, "name", c->name);
  cf_cli_json_add_string (builder, "version", c->version);
  cf_cli_json_add_string (builder, "type", c->type);
  cf_cli_json_add_string (builder, "supplier", c->supplier);
  cf_cli_json_add_string (builder, "author", c->author);
  cf_cli_json_add_string (builder, "purl", c->purl);
  cf_cli_json_add_string (builder, "cpe", c->cpe);
  cf_cli_json_add_string (builder, "licences", c->licences);
  cf_cli_json_add_string (builder, "filename", c->filename);
  cf_cli_json_add_string (builder, "download", c->download);
  json_builder_set_member_name (builder, "hashes");
  json_builder_begin_object (builder);
  for (guint i = 0; i < c->hashes->len; i++)
    {
      const CfSbomHash *hash = g_ptr_array_index (c->hashes, i);

      cf_cli_json_add_string (builder, hash->algorithm, hash->value);
    }
  json_builder_end_object (builder);
  json_builder_set_member_name (builder, "depends_on");
  json_builder_begin_array (builder);
  for (guint i = 0; i < c->depends_on->len; i++)
    json_builder_add_string_value (builder, g_ptr_array_index (c->depends_on, i));
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "dependencies_known");
  json_builder_add_boolean_value (builder, c->dependencies_known);
  json_builder_end_object (builder);
}

static const char *
level_id (CfSbomLevel level)
{
  return level == CF_SBOM_LEVEL_REQUIRED ? "required" : "recommended";
}

/* Opening what the commands work on */

/* The product's SBOM @sbom_id, or its latest when @sbom_id is 0. */
static CfSbomInfo *
find_sbom (CfStore  *store,
           gint64    product_id,
           gint64    sbom_id,
           GError  **error)
{
  g_autoptr(GPtrArray) sboms = cf_store_list_sboms (store, product_id, error);

  if (sboms == NULL)
    return NULL;

  for (guint i = 0; i < sboms->len; i++)
    {
      CfSbomInfo *info = g_ptr_array_index (sboms, i);

      if (sbom_id == 0 || info->id == sbom_id)
        return g_ptr_array_steal_index (sboms, i);
    }

  if (sbom_id == 0)
    g_set_error (error, CF_ERROR, CF_ERROR_NOT_FOUND,
                 _("Product %" PRId64 " has no SBOM yet. Import one with “%s sbom import %" PRId64 " FILE”."),
                 product_id, CF_CLI_NAME, product_id);
  else
    g_set_error (error, CF_ERROR, CF_ERROR_NOT_FOUND,
                 _("Product %" PRId64 " has no SBOM with id %" PRId64 " (“%s sbom list %" PRId64 "” lists them)."),
                 product_id, sbom_id, CF_CLI_NAME, product_id);
  return NULL;
}

/* sbom import */

int
cf_cli_sbom_import (CfCliContext        *ctx,
                    const CfCliCommand  *command,
                    int                  argc,
                    char               **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(CfSbomInfo) info = NULL;
  g_autoptr(CfSbom) sbom = NULL;
  g_autoptr(CfSbomCheck) check = NULL;
  g_autofree char *description = NULL;
  g_autofree char *max_size_arg = NULL;
  g_autofree char *product_version = NULL;
  g_autofree char *format = NULL;
  gboolean json = FALSE;
  const GOptionEntry entries[] = {
    { "product-version", 0, 0, G_OPTION_ARG_STRING, &product_version,
      N_("The product version the SBOM describes (default: the product’s recorded version)"), N_("VERSION") },
    { "max-size", 0, 0, G_OPTION_ARG_FILENAME, &max_size_arg,
      N_("Refuse files larger than SIZE (default 256M)"), N_("SIZE") },
    CF_CLI_JSON_ENTRY (json),
    G_OPTION_ENTRY_NULL
  };
  CfSbomLimits limits;
  CfStore *store;
  gint64 id;
  gint64 sbom_id;
  guint n_components = 0;
  int status;

  description = g_strdup_printf (_("Reads a software bill of materials in CycloneDX 1.2 to 1.6 (JSON or "
                                   "XML), SPDX 2.2 or 2.3 (JSON) or SPDX 3.0 (JSON-LD), recognised from "
                                   "its content, and stores it: the file as evidence for Annex I, Part II, "
                                   "point (1), and its components for search, checking and comparison. "
                                   "An SBOM for a product version that already has one becomes a new "
                                   "version of the same evidence item; earlier SBOMs are kept. Prints the "
                                   "number of components imported.\n"
                                   "\n"
                                   "The whole file is read and checked before anything is stored: a "
                                   "malformed, truncated or oversized file changes nothing, and the "
                                   "message names the line (XML) or the place (JSON) of the first "
                                   "problem.\n"
                                   "\n"
                                   "Example:\n"
                                   "  %s sbom import 1 build/bom.cdx.json --product-version 2.4.1\n"),
                                 CF_CLI_NAME);

  if (!cf_cli_parse_command (command, _("ID FILE"), description, entries, NULL, &argc, &argv, &status))
    return status;

  if (!cf_cli_check_arguments (argc, argv, 2, 2, _("Give the product’s id and the SBOM file."), &error) ||
      !cf_cli_parse_id (argv[1], &id, &error))
    return cf_cli_report (command->path, error);

  cf_sbom_limits_init_default (&limits);
  if (max_size_arg != NULL && !cf_cli_parse_max_size (max_size_arg, &limits.max_size, &error))
    return cf_cli_report (command->path, error);

  if (product_version != NULL)
    {
      g_strstrip (product_version);
      if (*product_version == '\0')
        g_clear_pointer (&product_version, g_free);
    }

  file = g_file_new_for_commandline_arg (argv[2]);

  if (!cf_cli_open_product_store (ctx, id, &store, &error))
    return cf_cli_report (command->path, error);

  sbom_id = cf_store_import_sbom (store, id, file, product_version, &limits, NULL, &sbom, &error);
  if (sbom_id == 0)
    return cf_cli_report (command->path, error);

  info = cf_store_get_sbom_info (store, sbom_id, &error);
  if (info == NULL)
    return cf_cli_report (command->path, error);
  n_components = sbom->components->len;
  check = cf_sbom_check (sbom);

  if (json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "sbom_id");
      json_builder_add_int_value (builder, sbom_id);
      json_builder_set_member_name (builder, "components");
      json_builder_add_int_value (builder, n_components);
      json_builder_set_member_name (builder, "score");
      json_builder_add_int_value (builder, check->score);
      json_builder_set_member_name (builder, "sbom");
      json_add_sbom_info (builder, info);
      json_builder_end_object (builder);
      cf_cli_json_print (builder);
      return CF_CLI_EXIT_OK;
    }

  /* The count alone on stdout, for scripts; the rest is for people. */
  cf_cli_print ("%u\n", n_components);
  format = cf_sbom_format_describe (info->format, info->spec_version);
  cf_cli_printerr (_("Imported SBOM %" PRId64 " (%s) as evidence E%" PRId64 ", version %d. "
                     "Quality against BSI TR-03183-2: %u/100 (“%s sbom check %" PRId64 "” says what is "
                     "missing).\n"),
                   sbom_id, format, info->evidence_id, info->evidence_version, check->score, CF_CLI_NAME, id);

  return CF_CLI_EXIT_OK;
}

/* sbom list */

int
cf_cli_sbom_list (CfCliContext        *ctx,
                  const CfCliCommand  *command,
                  int                  argc,
                  char               **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) sboms = NULL;
  g_autofree char *description = NULL;
  gboolean json = FALSE;
  const GOptionEntry entries[] = { CF_CLI_JSON_ENTRY (json), G_OPTION_ENTRY_NULL };
  CfStore *store;
  gint64 id;
  int status;

  description = g_strdup_printf (_("Lists the product’s imported SBOMs, newest first: id, product "
                                   "version, format, number of components, when imported, and the "
                                   "evidence item that keeps the file.\n"
                                   "\n"
                                   "Example:\n"
                                   "  %s sbom list 1 --json\n"),
                                 CF_CLI_NAME);

  if (!cf_cli_parse_command (command, _("ID"), description, entries, NULL, &argc, &argv, &status))
    return status;

  if (!cf_cli_check_arguments (argc, argv, 1, 1, _("Which product? Give its id."), &error) ||
      !cf_cli_parse_id (argv[1], &id, &error))
    return cf_cli_report (command->path, error);

  if (!cf_cli_open_product_store (ctx, id, &store, &error))
    return cf_cli_report (command->path, error);

  sboms = cf_store_list_sboms (store, id, &error);
  if (sboms == NULL)
    return cf_cli_report (command->path, error);

  if (json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_builder_begin_array (builder);
      for (guint i = 0; i < sboms->len; i++)
        json_add_sbom_info (builder, g_ptr_array_index (sboms, i));
      json_builder_end_array (builder);
      cf_cli_json_print (builder);
    }
  else if (sboms->len == 0)
    cf_cli_print (_("Product %" PRId64 " has no SBOM yet. Import one with “%s sbom import %" PRId64 " FILE”.\n"),
                  id, CF_CLI_NAME, id);
  else
    {
      g_autoptr(CfCliTable) table = cf_cli_table_new (6);

      cf_cli_table_add_row (table, (const char *[]) {
        _("Id"), _("Product version"), _("Format"), _("Components"), _("Imported"), _("Evidence"),
      });
      for (guint i = 0; i < sboms->len; i++)
        {
          CfSbomInfo *info = g_ptr_array_index (sboms, i);
          g_autofree char *sbom_id = g_strdup_printf ("%" PRId64, info->id);
          g_autofree char *format = cf_sbom_format_describe (info->format, info->spec_version);
          g_autofree char *count = g_strdup_printf ("%u", info->component_count);
          g_autofree char *evidence = g_strdup_printf ("E%" PRId64 " v%d", info->evidence_id,
                                                       info->evidence_version);

          cf_cli_table_add_row (table, (const char *[]) {
            sbom_id, cf_cli_or_dash (info->product_version), format, count, info->imported_at, evidence,
          });
        }
      cf_cli_table_print (table);
    }

  return CF_CLI_EXIT_OK;
}

/* sbom components */

static gboolean
component_matches (const CfSbomComponent *c,
                   const char            *needle)
{
  const char *fields[] = { c->name, c->version, c->purl, c->cpe, c->supplier, c->licences };

  if (needle == NULL)
    return TRUE;

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    if (fields[i] != NULL)
      {
        g_autofree char *folded = g_utf8_casefold (fields[i], -1);

        if (strstr (folded, needle) != NULL)
          return TRUE;
      }

  return FALSE;
}

int
cf_cli_sbom_components (CfCliContext        *ctx,
                        const CfCliCommand  *command,
                        int                  argc,
                        char               **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CfSbomInfo) info = NULL;
  g_autoptr(CfSbom) sbom = NULL;
  g_autofree char *description = NULL;
  g_autofree char *search = NULL;
  g_autofree char *needle = NULL;
  gint64 sbom_id_arg = 0;
  gboolean json = FALSE;
  const GOptionEntry entries[] = {
    { "sbom", 0, 0, G_OPTION_ARG_INT64, &sbom_id_arg, N_("Which SBOM (default: the latest)"), N_("SBOM_ID") },
    { "search", 0, 0, G_OPTION_ARG_STRING, &search,
      N_("Only components whose name, version, purl, CPE, supplier or licence contains TEXT"), N_("TEXT") },
    CF_CLI_JSON_ENTRY (json),
    G_OPTION_ENTRY_NULL
  };
  CfStore *store;
  gint64 id;
  guint shown = 0;
  int status;

  description = g_strdup_printf (_("Lists the components of the product’s latest SBOM, or of the one "
                                   "--sbom names, in their order in the file.\n"
                                   "\n"
                                   "Example:\n"
                                   "  %s sbom components 1 --search openssl\n"),
                                 CF_CLI_NAME);

  if (!cf_cli_parse_command (command, _("ID"), description, entries, NULL, &argc, &argv, &status))
    return status;

  if (!cf_cli_check_arguments (argc, argv, 1, 1, _("Which product? Give its id."), &error) ||
      !cf_cli_parse_id (argv[1], &id, &error))
    return cf_cli_report (command->path, error);
  if (sbom_id_arg < 0)
    return cf_cli_usage_error (command->path, "%s", _("--sbom takes an SBOM id from “sbom list”."));

  if (!cf_cli_open_product_store (ctx, id, &store, &error))
    return cf_cli_report (command->path, error);

  info = find_sbom (store, id, sbom_id_arg, &error);
  sbom = info ? cf_store_load_sbom (store, info->id, &error) : NULL;
  if (sbom == NULL)
    return cf_cli_report (command->path, error);

  if (search != NULL)
    needle = g_utf8_casefold (search, -1);

  if (json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_builder_begin_array (builder);
      for (guint i = 0; i < sbom->components->len; i++)
        if (component_matches (g_ptr_array_index (sbom->components, i), needle))
          json_add_component (builder, g_ptr_array_index (sbom->components, i), i);
      json_builder_end_array (builder);
      cf_cli_json_print (builder);
      return CF_CLI_EXIT_OK;
    }

  {
    g_autoptr(CfCliTable) table = cf_cli_table_new (4);

    cf_cli_table_add_row (table, (const char *[]) { _("Name"), _("Version"), _("Licence"), _("purl or CPE") });
    for (guint i = 0; i < sbom->components->len; i++)
      {
        const CfSbomComponent *c = g_ptr_array_index (sbom->components, i);

        if (!component_matches (c, needle))
          continue;
        cf_cli_table_add_row (table, (const char *[]) {
          c->name, cf_cli_or_dash (c->version), cf_cli_or_dash (c->licences),
          cf_cli_or_dash (c->purl ? c->purl : c->cpe),
        });
        shown++;
      }
    if (shown > 0)
      cf_cli_table_print (table);
    else
      cf_cli_print (_("No component matches “%s”.\n"), search ? search : "");
  }

  return CF_CLI_EXIT_OK;
}

/* sbom check */

static void
print_check (const CfSbomInfo  *info,
             const CfSbom      *sbom,
             const CfSbomCheck *check)
{
  g_autoptr(CfCliTable) table = cf_cli_table_new (3);
  g_autofree char *format = cf_sbom_format_describe (info->format, info->spec_version);

  cf_cli_print (_("SBOM %" PRId64 " (%s, %u components): %u/100 against BSI TR-03183-2\n\n"),
                info->id, format, info->component_count, check->score);

  cf_cli_table_add_row (table, (const char *[]) { _("Field"), _("Level"), _("Present") });
  for (guint i = 0; i < check->fields->len; i++)
    {
      const CfSbomFieldSummary *field = g_ptr_array_index (check->fields, i);
      g_autofree char *present = g_strdup_printf (_("%u of %u"), field->met, field->checked);

      cf_cli_table_add_row (table, (const char *[]) {
        field->label, field->level == CF_SBOM_LEVEL_REQUIRED ? _("required") : _("recommended"), present,
      });
    }
  cf_cli_table_print (table);

  if (check->findings->len == 0)
    {
      cf_cli_print ("\n%s\n", _("Nothing is missing."));
      return;
    }

  /* Required first: that is what to fix in the build. */
  for (guint pass = 0; pass < 2; pass++)
    {
      CfSbomLevel level = pass == 0 ? CF_SBOM_LEVEL_REQUIRED : CF_SBOM_LEVEL_RECOMMENDED;
      gboolean any = FALSE;

      for (guint i = 0; i < check->findings->len; i++)
        {
          const CfSbomFinding *finding = g_ptr_array_index (check->findings, i);

          if (finding->level != level)
            continue;
          if (!any)
            cf_cli_print ("\n%s\n", level == CF_SBOM_LEVEL_REQUIRED ? _("Required, missing:")
                                                                    : _("Recommended, missing:"));
          any = TRUE;
          cf_cli_print_bullet (finding->message, 2, CF_CLI_TEXT_WIDTH);
        }
    }
}

int
cf_cli_sbom_check (CfCliContext        *ctx,
                   const CfCliCommand  *command,
                   int                  argc,
                   char               **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CfSbomInfo) info = NULL;
  g_autoptr(CfSbom) sbom = NULL;
  g_autoptr(CfSbomCheck) check = NULL;
  g_autofree char *description = NULL;
  gint64 sbom_id_arg = 0;
  gint min_score = -1;
  gboolean json = FALSE;
  const GOptionEntry entries[] = {
    { "sbom", 0, 0, G_OPTION_ARG_INT64, &sbom_id_arg, N_("Which SBOM (default: the latest)"), N_("SBOM_ID") },
    { "min-score", 0, 0, G_OPTION_ARG_INT, &min_score,
      N_("Exit with status 3 when the score is below N (0–100), for build pipelines"), N_("N") },
    CF_CLI_JSON_ENTRY (json),
    G_OPTION_ENTRY_NULL
  };
  CfStore *store;
  gint64 id;
  int status;

  description = g_strdup_printf (_("Checks the product’s latest SBOM, or the one --sbom names, against "
                                   "the data fields BSI TR-03183-2 requires or recommends (Conformity’s "
                                   "reading of it; see docs/SBOM.md): the SBOM’s creator and timestamp, "
                                   "and for each component its name, version, creator, licence, SHA-512 "
                                   "hash, dependencies and purl or CPE. Lists what is missing, required "
                                   "first, and a score out of 100.\n"
                                   "\n"
                                   "Example:\n"
                                   "  %s sbom check 1 --min-score 80\n"),
                                 CF_CLI_NAME);

  if (!cf_cli_parse_command (command, _("ID"), description, entries, NULL, &argc, &argv, &status))
    return status;

  if (!cf_cli_check_arguments (argc, argv, 1, 1, _("Which product? Give its id."), &error) ||
      !cf_cli_parse_id (argv[1], &id, &error))
    return cf_cli_report (command->path, error);
  if (sbom_id_arg < 0)
    return cf_cli_usage_error (command->path, "%s", _("--sbom takes an SBOM id from “sbom list”."));
  if (min_score > 100 || min_score < -1)
    return cf_cli_usage_error (command->path, "%s", _("--min-score takes a score from 0 to 100."));

  if (!cf_cli_open_product_store (ctx, id, &store, &error))
    return cf_cli_report (command->path, error);

  info = find_sbom (store, id, sbom_id_arg, &error);
  sbom = info ? cf_store_load_sbom (store, info->id, &error) : NULL;
  if (sbom == NULL)
    return cf_cli_report (command->path, error);
  check = cf_sbom_check (sbom);

  if (json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "sbom_id");
      json_builder_add_int_value (builder, info->id);
      json_builder_set_member_name (builder, "score");
      json_builder_add_int_value (builder, check->score);
      json_builder_set_member_name (builder, "fields");
      json_builder_begin_array (builder);
      for (guint i = 0; i < check->fields->len; i++)
        {
          const CfSbomFieldSummary *field = g_ptr_array_index (check->fields, i);

          json_builder_begin_object (builder);
          cf_cli_json_add_string (builder, "id", field->id);
          cf_cli_json_add_string (builder, "label", field->label);
          cf_cli_json_add_string (builder, "level", level_id (field->level));
          json_builder_set_member_name (builder, "checked");
          json_builder_add_int_value (builder, field->checked);
          json_builder_set_member_name (builder, "met");
          json_builder_add_int_value (builder, field->met);
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
      json_builder_set_member_name (builder, "findings");
      json_builder_begin_array (builder);
      for (guint i = 0; i < check->findings->len; i++)
        {
          const CfSbomFinding *finding = g_ptr_array_index (check->findings, i);
          const CfSbomComponent *c = finding->component >= 0
                                       ? g_ptr_array_index (sbom->components, finding->component) : NULL;

          json_builder_begin_object (builder);
          cf_cli_json_add_string (builder, "id", finding->id);
          cf_cli_json_add_string (builder, "level", level_id (finding->level));
          cf_cli_json_add_string (builder, "message", finding->message);
          json_builder_set_member_name (builder, "component");
          if (c != NULL)
            json_builder_add_int_value (builder, finding->component);
          else
            json_builder_add_null_value (builder);
          cf_cli_json_add_string (builder, "component_name", c ? c->name : NULL);
          cf_cli_json_add_string (builder, "component_version", c ? c->version : NULL);
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
      json_builder_end_object (builder);
      cf_cli_json_print (builder);
    }
  else
    print_check (info, sbom, check);

  if (min_score >= 0 && check->score < (guint) min_score)
    return CF_CLI_EXIT_NOT_READY;

  return CF_CLI_EXIT_OK;
}

/* sbom diff */

static const char *
change_id (CfSbomChangeKind kind)
{
  switch (kind)
    {
    case CF_SBOM_CHANGE_ADDED: return "added";
    case CF_SBOM_CHANGE_REMOVED: return "removed";
    case CF_SBOM_CHANGE_VERSION_CHANGED: return "version-changed";
    default: return "";
    }
}

int
cf_cli_sbom_diff (CfCliContext        *ctx,
                  const CfCliCommand  *command,
                  int                  argc,
                  char               **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CfSbomInfo) old_info = NULL;
  g_autoptr(CfSbomInfo) new_info = NULL;
  g_autoptr(CfSbom) old_sbom = NULL;
  g_autoptr(CfSbom) new_sbom = NULL;
  g_autoptr(GPtrArray) changes = NULL;
  g_autofree char *description = NULL;
  gboolean json = FALSE;
  const GOptionEntry entries[] = { CF_CLI_JSON_ENTRY (json), G_OPTION_ENTRY_NULL };
  guint counts[3] = { 0, 0, 0 };
  CfStore *store;
  gint64 id, old_id, new_id;
  int status;

  description = g_strdup_printf (_("Compares two of the product’s SBOMs (ids from “sbom list”): the "
                                   "components added in NEW (+), removed from OLD (-) and those whose "
                                   "version changed (~). Components are matched by purl without its "
                                   "version, else by type, supplier and name.\n"
                                   "\n"
                                   "Example:\n"
                                   "  %s sbom diff 1 3 4\n"),
                                 CF_CLI_NAME);

  if (!cf_cli_parse_command (command, _("ID OLD NEW"), description, entries, NULL, &argc, &argv, &status))
    return status;

  if (!cf_cli_check_arguments (argc, argv, 3, 3, _("Give the product’s id and the ids of two of its SBOMs."),
                               &error) ||
      !cf_cli_parse_id (argv[1], &id, &error) ||
      !cf_cli_parse_id (argv[2], &old_id, &error) ||
      !cf_cli_parse_id (argv[3], &new_id, &error))
    return cf_cli_report (command->path, error);

  if (!cf_cli_open_product_store (ctx, id, &store, &error))
    return cf_cli_report (command->path, error);

  old_info = find_sbom (store, id, old_id, &error);
  new_info = old_info ? find_sbom (store, id, new_id, &error) : NULL;
  old_sbom = new_info ? cf_store_load_sbom (store, old_id, &error) : NULL;
  new_sbom = old_sbom ? cf_store_load_sbom (store, new_id, &error) : NULL;
  if (new_sbom == NULL)
    return cf_cli_report (command->path, error);

  changes = cf_sbom_diff (old_sbom, new_sbom);
  for (guint i = 0; i < changes->len; i++)
    counts[((CfSbomChange *) g_ptr_array_index (changes, i))->kind]++;

  if (json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "old");
      json_builder_add_int_value (builder, old_id);
      json_builder_set_member_name (builder, "new");
      json_builder_add_int_value (builder, new_id);
      json_builder_set_member_name (builder, "added");
      json_builder_add_int_value (builder, counts[CF_SBOM_CHANGE_ADDED]);
      json_builder_set_member_name (builder, "removed");
      json_builder_add_int_value (builder, counts[CF_SBOM_CHANGE_REMOVED]);
      json_builder_set_member_name (builder, "version_changed");
      json_builder_add_int_value (builder, counts[CF_SBOM_CHANGE_VERSION_CHANGED]);
      json_builder_set_member_name (builder, "changes");
      json_builder_begin_array (builder);
      for (guint i = 0; i < changes->len; i++)
        {
          const CfSbomChange *change = g_ptr_array_index (changes, i);
          const CfSbomComponent *any = change->new_component ? change->new_component : change->old_component;

          json_builder_begin_object (builder);
          cf_cli_json_add_string (builder, "change", change_id (change->kind));
          cf_cli_json_add_string (builder, "name", any->name);
          cf_cli_json_add_string (builder, "old_version",
                                  change->old_component ? change->old_component->version : NULL);
          cf_cli_json_add_string (builder, "new_version",
                                  change->new_component ? change->new_component->version : NULL);
          cf_cli_json_add_string (builder, "purl", any->purl);
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
      json_builder_end_object (builder);
      cf_cli_json_print (builder);
      return CF_CLI_EXIT_OK;
    }

  for (guint i = 0; i < changes->len; i++)
    {
      const CfSbomChange *change = g_ptr_array_index (changes, i);

      switch (change->kind)
        {
        case CF_SBOM_CHANGE_ADDED:
          {
            g_autofree char *label = component_label (change->new_component);
            cf_cli_print ("+ %s\n", label);
          }
          break;
        case CF_SBOM_CHANGE_REMOVED:
          {
            g_autofree char *label = component_label (change->old_component);
            cf_cli_print ("- %s\n", label);
          }
          break;
        case CF_SBOM_CHANGE_VERSION_CHANGED:
          cf_cli_print ("~ %s %s → %s\n", change->new_component->name,
                        cf_cli_or_dash (change->old_component->version),
                        cf_cli_or_dash (change->new_component->version));
          break;
        default:
          break;
        }
    }
  cf_cli_printerr (_("%u added, %u removed, %u changed version.\n"), counts[CF_SBOM_CHANGE_ADDED],
                   counts[CF_SBOM_CHANGE_REMOVED], counts[CF_SBOM_CHANGE_VERSION_CHANGED]);

  return CF_CLI_EXIT_OK;
}
