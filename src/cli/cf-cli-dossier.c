/* cf-cli-dossier.c — dossier export, verify
 *
 * Copyright 2026 The Conformity Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cf-cli"

#include "config.h"

#include <inttypes.h>

#include <glib/gi18n-lib.h>
#include <string.h>

#include "cf-dossier.h"
#include "cf-error.h"
#include "cf-cli-private.h"

int
cf_cli_dossier_export (CfCliContext        *ctx,
                       const CfCliCommand  *command,
                       int                  argc,
                       char               **argv)
{
  g_autoptr(CfCatalogue) catalogue = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = NULL;
  g_autofree char *out = NULL;
  g_autofree char *seal = NULL;
  g_autofree char *description = NULL;
  g_autofree char *size = NULL;
  gboolean json = FALSE;
  const GOptionEntry entries[] = {
    { "out", 0, 0, G_OPTION_ARG_FILENAME, &out, N_("The ZIP file to write (required)"),
      N_("FILE") },
    CF_CLI_JSON_ENTRY (json),
    G_OPTION_ENTRY_NULL
  };
  CfStore *store;
  guint n_members = 0;
  guint64 n_bytes = 0;
  gint64 id;
  int status;

  description = g_strdup_printf (_("Writes the product’s technical dossier to FILE, one ZIP: the "
                                   "latest version of each stored document under documents/, "
                                   "the latest version of each item of evidence (SBOMs "
                                   "included) under evidence/E<id>/, and last manifest.json, "
                                   "listing every other member with its size and SHA-256. "
                                   "Prints the SHA-256 of manifest.json, the dossier’s seal: "
                                   "keep it to check the dossier later with `dossier verify "
                                   "--seal`. FILE appears only once complete; an existing file "
                                   "is replaced.\n"
                                   "\n"
                                   "Example:\n"
                                   "  %s dossier export 1 --out st-200-dossier.zip\n"),
                                 CF_CLI_NAME);

  if (!cf_cli_parse_command (command, _("PRODUCT_ID"), description, entries, NULL,
                             &argc, &argv, &status))
    return status;

  if (!cf_cli_check_arguments (argc, argv, 1, 1, _("Which product? Give its id."), &error) ||
      !cf_cli_parse_id (argv[1], &id, &error))
    return cf_cli_report (command->path, error);

  if (out == NULL)
    return cf_cli_usage_error (command->path, "%s", _("--out is required."));

  if (!cf_cli_check_output_file (out, &error))
    return cf_cli_report (command->path, error);

  if (!cf_cli_open_product_store (ctx, id, &store, &error))
    return cf_cli_report (command->path, error);

  catalogue = cf_catalogue_load_default (&error);
  if (catalogue == NULL)
    return cf_cli_report (command->path, error);

  file = g_file_new_for_commandline_arg (out);
  if (!cf_dossier_export_full (store, catalogue, id, file, NULL, &seal, &n_members, &n_bytes,
                               &error))
    return cf_cli_report (command->path, error);

  if (json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();
      g_autofree char *shown = g_file_get_parse_name (file);

      json_builder_begin_object (builder);
      cf_cli_json_add_string (builder, "file", shown);
      cf_cli_json_add_string (builder, "seal", seal);
      json_builder_set_member_name (builder, "members");
      json_builder_add_int_value (builder, n_members);
      json_builder_set_member_name (builder, "bytes");
      json_builder_add_int_value (builder, (gint64) n_bytes);
      json_builder_end_object (builder);
      cf_cli_json_print (builder);
    }
  else
    cf_cli_print ("%s\n", seal);

  size = g_format_size_full (n_bytes, G_FORMAT_SIZE_IEC_UNITS);
  cf_cli_printerr (ngettext ("%s: %u member, %" PRIu64 " bytes (%s) before compression\n",
                             "%s: %u members, %" PRIu64 " bytes (%s) before compression\n",
                             n_members),
                   out, n_members, n_bytes, size);

  return CF_CLI_EXIT_OK;
}

static gboolean
is_sha256 (const char *text)
{
  if (strlen (text) != 64)
    return FALSE;

  for (guint i = 0; i < 64; i++)
    if (!g_ascii_isxdigit (text[i]))
      return FALSE;

  return TRUE;
}

int
cf_cli_dossier_verify (CfCliContext        *ctx,
                       const CfCliCommand  *command,
                       int                  argc,
                       char               **argv)
{
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = NULL;
  g_autofree char *seal_arg = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *seal = NULL;
  g_autofree char *description = NULL;
  gboolean json = FALSE;
  const GOptionEntry entries[] = {
    { "seal", 0, 0, G_OPTION_ARG_STRING, &seal_arg,
      N_("The SHA-256 printed by `dossier export`: the manifest must match it"), N_("SHA256") },
    CF_CLI_JSON_ENTRY (json),
    G_OPTION_ENTRY_NULL
  };
  int status;

  description = g_strdup_printf (_("Checks a dossier written by `dossier export` without "
                                   "extracting anything: reads every member, computes its "
                                   "SHA-256 and compares it with manifest.json. Archives with "
                                   "absolute paths, “..”, links, special files, duplicate "
                                   "names, more than 100,000 members or members that expand "
                                   "more than 1000 times (or beyond 64 GiB in all) are refused "
                                   "unread. When intact, prints “intact” and the seal; "
                                   "otherwise prints each missing, extra or altered member on "
                                   "stderr. With --seal, a manifest whose SHA-256 differs is a "
                                   "problem too.\n"
                                   "\n"
                                   "Exit status: 0 intact, 1 not intact or refused, 2 a wrong "
                                   "command line.\n"
                                   "\n"
                                   "Example:\n"
                                   "  %s dossier verify st-200-dossier.zip --seal 3f5a…\n"),
                                 CF_CLI_NAME);

  if (!cf_cli_parse_command (command, _("FILE"), description, entries, NULL,
                             &argc, &argv, &status))
    return status;

  if (!cf_cli_check_arguments (argc, argv, 1, 1, _("Which dossier? Give its file name."),
                               &error))
    return cf_cli_report (command->path, error);

  if (seal_arg != NULL)
    {
      expected = g_strstrip (cf_cli_dup_text (seal_arg));
      if (!is_sha256 (expected))
        return cf_cli_usage_error (command->path,
                                   _("--seal takes a SHA-256 of 64 hexadecimal digits, not “%s”."),
                                   expected);
    }

  file = g_file_new_for_commandline_arg (argv[1]);
  if (!cf_dossier_verify (file, expected, &problems, &seal, NULL, &error))
    return cf_cli_report (command->path, error);

  if (json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "intact");
      json_builder_add_boolean_value (builder, problems->len == 0);
      cf_cli_json_add_string (builder, "seal", seal);
      json_builder_set_member_name (builder, "problems");
      json_builder_begin_array (builder);
      for (guint i = 0; i < problems->len; i++)
        json_builder_add_string_value (builder, g_ptr_array_index (problems, i));
      json_builder_end_array (builder);
      json_builder_end_object (builder);
      cf_cli_json_print (builder);
    }
  else if (problems->len == 0)
    cf_cli_print (_("intact %s\n"), seal);

  if (problems->len == 0)
    return CF_CLI_EXIT_OK;

  for (guint i = 0; i < problems->len; i++)
    cf_cli_printerr ("%s\n", (const char *) g_ptr_array_index (problems, i));

  return CF_CLI_EXIT_FAILURE;
}
