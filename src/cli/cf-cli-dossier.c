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
  g_autofree char *sign = NULL;
  g_autofree char *sign_key = NULL;
  g_autofree char *description = NULL;
  g_autofree char *size = NULL;
  gboolean json = FALSE;
  const GOptionEntry entries[] = {
    { "out", 0, 0, G_OPTION_ARG_FILENAME, &out, N_("The ZIP file to write (required)"),
      N_("FILE") },
    { "sign", 0, 0, G_OPTION_ARG_FILENAME, &sign,
      N_("Sign the manifest with this OpenPGP key (fingerprint, key id or e-mail address) "
         "from your GnuPG keyring"), N_("KEY") },
    CF_CLI_JSON_ENTRY (json),
    G_OPTION_ENTRY_NULL
  };
  CfDossierExportOptions options = { 0 };
  g_auto(CfDossierExportResult) result = { 0 };
  CfStore *store;
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

  if (sign != NULL)
    options.sign_key = sign_key = g_strstrip (cf_cli_dup_text (sign));

  file = g_file_new_for_commandline_arg (out);
  if (!cf_dossier_export_with (store, catalogue, id, file, &options, &result, NULL, &error))
    return cf_cli_report (command->path, error);

  if (json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();
      g_autofree char *shown = g_file_get_parse_name (file);

      json_builder_begin_object (builder);
      cf_cli_json_add_string (builder, "file", shown);
      cf_cli_json_add_string (builder, "seal", result.seal);
      json_builder_set_member_name (builder, "members");
      json_builder_add_int_value (builder, result.n_members);
      json_builder_set_member_name (builder, "bytes");
      json_builder_add_int_value (builder, (gint64) result.n_bytes);
      cf_cli_json_add_string (builder, "signer", result.signer);
      json_builder_end_object (builder);
      cf_cli_json_print (builder);
    }
  else
    cf_cli_print ("%s\n", result.seal);

  size = g_format_size_full (result.n_bytes, G_FORMAT_SIZE_IEC_UNITS);
  cf_cli_printerr (ngettext ("%s: %u member, %" PRIu64 " bytes (%s) before compression\n",
                             "%s: %u members, %" PRIu64 " bytes (%s) before compression\n",
                             result.n_members),
                   out, result.n_members, result.n_bytes, size);
  if (result.signer != NULL)
    cf_cli_printerr (_("Manifest signed by %s\n"), result.signer);

  return CF_CLI_EXIT_OK;
}

int
cf_cli_dossier_verify (CfCliContext        *ctx,
                       const CfCliCommand  *command,
                       int                  argc,
                       char               **argv)
{
  g_autoptr(CfDossierCheck) check = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = NULL;
  g_autofree char *seal_arg = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *description = NULL;
  GPtrArray *problems;
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
                                   "problem too. When the manifest is signed, the signature is "
                                   "checked against your GnuPG keyring and the signer named; a "
                                   "signature that does not hold, or whose key is unknown, is a "
                                   "problem.\n"
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
      if (!cf_dossier_seal_is_valid (expected))
        return cf_cli_usage_error (command->path,
                                   _("--seal takes a SHA-256 of 64 hexadecimal digits, not “%s”."),
                                   expected);
    }

  file = g_file_new_for_commandline_arg (argv[1]);
  check = cf_dossier_check (file, expected, NULL, NULL, NULL, &error);
  if (check == NULL)
    return cf_cli_report (command->path, error);
  problems = check->problems;

  if (json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "intact");
      json_builder_add_boolean_value (builder, problems->len == 0);
      cf_cli_json_add_string (builder, "seal", check->seal);
      json_builder_set_member_name (builder, "signed");
      json_builder_add_boolean_value (builder, check->signed_);
      cf_cli_json_add_string (builder, "signer", check->signer);
      json_builder_set_member_name (builder, "problems");
      json_builder_begin_array (builder);
      for (guint i = 0; i < problems->len; i++)
        json_builder_add_string_value (builder, g_ptr_array_index (problems, i));
      json_builder_end_array (builder);
      json_builder_end_object (builder);
      cf_cli_json_print (builder);
    }
  else if (problems->len == 0)
    {
      cf_cli_print (_("intact %s\n"), check->seal);
      if (check->signer != NULL)
        cf_cli_print (_("signed by %s\n"), check->signer);
    }

  if (problems->len == 0)
    return CF_CLI_EXIT_OK;

  for (guint i = 0; i < problems->len; i++)
    cf_cli_printerr ("%s\n", (const char *) g_ptr_array_index (problems, i));

  return CF_CLI_EXIT_FAILURE;
}

int
cf_cli_dossier_list (CfCliContext        *ctx,
                     const CfCliCommand  *command,
                     int                  argc,
                     char               **argv)
{
  g_autoptr(GPtrArray) records = NULL;
  g_autoptr(GError) error = NULL;
  gboolean json = FALSE;
  const GOptionEntry entries[] = {
    CF_CLI_JSON_ENTRY (json),
    G_OPTION_ENTRY_NULL
  };
  CfStore *store;
  gint64 id;
  int status;

  if (!cf_cli_parse_command (command, _("PRODUCT_ID"),
                             _("Lists the dossiers exported for the product, newest first, "
                               "with their seals: findings can be imported only for these.\n"),
                             entries, NULL, &argc, &argv, &status))
    return status;

  if (!cf_cli_check_arguments (argc, argv, 1, 1, _("Which product? Give its id."), &error) ||
      !cf_cli_parse_id (argv[1], &id, &error) ||
      !cf_cli_open_product_store (ctx, id, &store, &error) ||
      (records = cf_store_list_dossier_exports (store, id, &error)) == NULL)
    return cf_cli_report (command->path, error);

  if (json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_builder_begin_array (builder);
      for (guint i = 0; i < records->len; i++)
        {
          CfDossierRecord *record = g_ptr_array_index (records, i);

          json_builder_begin_object (builder);
          cf_cli_json_add_string (builder, "seal", record->seal);
          cf_cli_json_add_string (builder, "file", record->file_name);
          json_builder_set_member_name (builder, "members");
          json_builder_add_int_value (builder, record->n_members);
          json_builder_set_member_name (builder, "bytes");
          json_builder_add_int_value (builder, (gint64) record->n_bytes);
          cf_cli_json_add_string (builder, "signer", record->signer);
          cf_cli_json_add_string (builder, "exported_at", record->exported_at);
          cf_cli_json_add_string (builder, "exported_by", record->exported_by);
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
      cf_cli_json_print (builder);
    }
  else if (records->len == 0)
    cf_cli_print ("%s\n", _("No dossier has been exported for this product."));
  else
    {
      g_autoptr(CfCliTable) table = cf_cli_table_new (4);
      const char *header[] = { _("Exported"), _("File"), _("Seal"), _("Signed by"), NULL };

      cf_cli_table_add_row (table, header);
      for (guint i = 0; i < records->len; i++)
        {
          CfDossierRecord *record = g_ptr_array_index (records, i);
          const char *row[] = { record->exported_at, record->file_name, record->seal,
                                cf_cli_or_dash (record->signer), NULL };

          cf_cli_table_add_row (table, row);
        }
      cf_cli_table_print (table);
    }

  return CF_CLI_EXIT_OK;
}
