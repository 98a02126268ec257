/* cf-cli-review.c — review open, finding add/remove/list, report, export,
 * extract, list; findings import, list, set
 *
 * Copyright 2026 The Conformity Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cf-cli"

#include "config.h"

#include <inttypes.h>
#include <glib/gi18n-lib.h>
#include <string.h>

#include "cf-error.h"
#include "cf-review-report.h"
#include "cf-review.h"
#include "cf-cli-private.h"

#define CF_CLI_REVIEW_ENTRY(id) \
  { "review", 0, 0, G_OPTION_ARG_INT64, &(id), \
    N_("The review (default: the dossier opened last)"), N_("REVIEW_ID") }

/* The reviewer's project: a review command never creates one, except open. */
static gboolean
open_review_store (CfCliContext   *ctx,
                   gint64          wanted,
                   CfStore       **store,
                   gint64         *review_id,
                   GError        **error)
{
  if (!cf_cli_open_store (ctx, CF_CLI_OPEN_EXISTING, store, error))
    return FALSE;

  if (*store == NULL)
    {
      g_set_error_literal (error, CF_ERROR, CF_ERROR_NOT_FOUND,
                           _("No dossier is under review in this project: open one first."));
      return FALSE;
    }

  *review_id = cf_review_resolve (*store, wanted, error);
  return *review_id != 0;
}

static void
json_add_review (JsonBuilder *builder,
                 CfReview    *review)
{
  json_builder_set_member_name (builder, "review");
  json_builder_add_int_value (builder, review->id);
  cf_cli_json_add_string (builder, "seal", review->seal);
  cf_cli_json_add_string (builder, "dossier", review->dossier_path);
  cf_cli_json_add_string (builder, "signer", review->signer);
  json_builder_set_member_name (builder, "product_id");
  json_builder_add_int_value (builder, review->product_id);
  cf_cli_json_add_string (builder, "product", review->product_name);
  cf_cli_json_add_string (builder, "manufacturer", review->manufacturer_name);
  cf_cli_json_add_string (builder, "category", review->category);
  cf_cli_json_add_string (builder, "procedure", review->procedure);
  cf_cli_json_add_string (builder, "opened_at", review->opened_at);
  cf_cli_json_add_string (builder, "opened_by", review->opened_by);
  json_builder_set_member_name (builder, "findings");
  json_builder_add_int_value (builder, review->n_findings);
}

static void
json_add_finding (JsonBuilder *builder,
                  CfFinding   *finding)
{
  g_autofree char *label = cf_finding_dup_label (finding);

  json_builder_begin_object (builder);
  if (finding->status != NULL)
    {
      /* A manufacturer's finding: the id `findings set` takes. */
      json_builder_set_member_name (builder, "id");
      json_builder_add_int_value (builder, finding->id);
      cf_cli_json_add_string (builder, "finding", label);
    }
  else
    cf_cli_json_add_string (builder, "id", label);
  json_builder_set_member_name (builder, "number");
  json_builder_add_int_value (builder, finding->number);
  cf_cli_json_add_string (builder, "target_kind", finding->target_kind);
  cf_cli_json_add_string (builder, "target", finding->target);
  cf_cli_json_add_string (builder, "severity", finding->severity);
  cf_cli_json_add_string (builder, "text", finding->text);
  cf_cli_json_add_string (builder, "recorded_at", finding->recorded_at);
  if (finding->recorded_by != NULL)
    cf_cli_json_add_string (builder, "recorded_by", finding->recorded_by);
  if (finding->status != NULL)
    {
      cf_cli_json_add_string (builder, "seal", finding->seal);
      cf_cli_json_add_string (builder, "reviewer", finding->reviewer);
      cf_cli_json_add_string (builder, "status", finding->status);
      cf_cli_json_add_string (builder, "answer", finding->answer);
    }
  json_builder_end_object (builder);
}

int
cf_cli_review_open (CfCliContext        *ctx,
                    const CfCliCommand  *command,
                    int                  argc,
                    char               **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(CfReview) review = NULL;
  g_autofree char *seal_arg = NULL;
  g_autofree char *seal = NULL;
  g_autofree char *description = NULL;
  gboolean json = FALSE, existed = FALSE;
  const GOptionEntry entries[] = {
    { "seal", 0, 0, G_OPTION_ARG_FILENAME, &seal_arg,
      N_("The seal the manufacturer communicated: the manifest must match it"), N_("SHA256") },
    CF_CLI_JSON_ENTRY (json),
    G_OPTION_ENTRY_NULL
  };
  CfStore *store;
  gint64 id;
  int status;

  description = g_strdup_printf (_("Verifies a dossier written by `dossier export` and opens its "
                                   "review in this project (the reviewer’s own; reviews never "
                                   "mix with products). Only an intact dossier is reviewed: "
                                   "every missing, extra or altered member is named and nothing "
                                   "is stored. Opening the same dossier again takes its review "
                                   "up where it was. Prints the review’s id; the other review "
                                   "commands act on the dossier opened last unless given "
                                   "--review.\n"
                                   "\n"
                                   "Example:\n"
                                   "  %s --db reviews.conformity review open st-200-dossier.zip "
                                   "--seal 3f5a…\n"),
                                 CF_CLI_NAME);

  if (!cf_cli_parse_command (command, _("FILE"), description, entries, NULL, &argc, &argv, &status))
    return status;

  if (!cf_cli_check_arguments (argc, argv, 1, 1, _("Which dossier? Give its file name."), &error))
    return cf_cli_report (command->path, error);

  if (seal_arg != NULL)
    {
      seal = g_strstrip (cf_cli_dup_text (seal_arg));
      if (!cf_dossier_seal_is_valid (seal))
        return cf_cli_usage_error (command->path,
                                   _("--seal takes a SHA-256 of 64 hexadecimal digits, not “%s”."),
                                   seal);
    }

  if (!cf_cli_open_store (ctx, CF_CLI_OPEN_CREATE, &store, &error))
    return cf_cli_report (command->path, error);

  file = g_file_new_for_commandline_arg (argv[1]);
  id = cf_review_open_dossier (store, file, seal, NULL, NULL, &existed, NULL, &error);
  if (id == 0)
    return cf_cli_report (command->path, error);

  review = cf_store_get_review (store, id, &error);
  if (review == NULL)
    return cf_cli_report (command->path, error);

  if (json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_builder_begin_object (builder);
      json_add_review (builder, review);
      json_builder_set_member_name (builder, "resumed");
      json_builder_add_boolean_value (builder, existed);
      json_builder_end_object (builder);
      cf_cli_json_print (builder);
    }
  else
    {
      cf_cli_print ("%" G_GINT64_FORMAT "\n", id);
      cf_cli_printerr (existed ? _("Intact; the review of “%s” (seal %s) is taken up again.\n")
                               : _("Intact; the review of “%s” (seal %s) begins.\n"),
                       review->product_name, review->seal);
      if (review->signer != NULL)
        cf_cli_printerr (_("The manifest is signed by %s.\n"), review->signer);
    }

  return CF_CLI_EXIT_OK;
}

int
cf_cli_review_list (CfCliContext        *ctx,
                    const CfCliCommand  *command,
                    int                  argc,
                    char               **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) reviews = NULL;
  gboolean json = FALSE;
  const GOptionEntry entries[] = {
    CF_CLI_JSON_ENTRY (json),
    G_OPTION_ENTRY_NULL
  };
  CfStore *store;
  int status;

  if (!cf_cli_parse_command (command, NULL, _("Lists the dossiers reviewed in this project, the "
                                              "one opened last first.\n"),
                             entries, NULL, &argc, &argv, &status))
    return status;

  if (!cf_cli_check_arguments (argc, argv, 0, 0, NULL, &error) ||
      !cf_cli_open_store (ctx, CF_CLI_OPEN_EXISTING, &store, &error))
    return cf_cli_report (command->path, error);

  reviews = store != NULL ? cf_store_list_reviews (store, &error)
                          : g_ptr_array_new_with_free_func ((GDestroyNotify) cf_review_free);
  if (reviews == NULL)
    return cf_cli_report (command->path, error);

  if (json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_builder_begin_array (builder);
      for (guint i = 0; i < reviews->len; i++)
        {
          json_builder_begin_object (builder);
          json_add_review (builder, g_ptr_array_index (reviews, i));
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
      cf_cli_json_print (builder);
    }
  else
    {
      g_autoptr(CfCliTable) table = cf_cli_table_new (5);
      const char *header[] = { _("ID"), _("Product"), _("Seal"), _("Findings"), _("Opened"), NULL };

      cf_cli_table_add_row (table, header);
      for (guint i = 0; i < reviews->len; i++)
        {
          CfReview *review = g_ptr_array_index (reviews, i);
          g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, review->id);
          g_autofree char *seal = g_strndup (review->seal, 16);
          g_autofree char *n = g_strdup_printf ("%u", review->n_findings);
          const char *row[] = { id, review->product_name, seal, n, review->opened_at, NULL };

          cf_cli_table_add_row (table, row);
        }
      if (reviews->len == 0)
        cf_cli_print ("%s\n", _("No dossier has been reviewed in this project."));
      else
        cf_cli_table_print (table);
    }

  return CF_CLI_EXIT_OK;
}

int
cf_cli_review_show (CfCliContext        *ctx,
                    const CfCliCommand  *command,
                    int                  argc,
                    char               **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CfReview) review = NULL;
  g_autoptr(CfAssessmentData) data = NULL;
  g_autoptr(GPtrArray) members = NULL;
  g_autoptr(GPtrArray) findings = NULL;
  g_autoptr(CfCatalogue) catalogue = NULL;
  gint64 wanted = 0, review_id;
  gboolean json = FALSE;
  const GOptionEntry entries[] = {
    CF_CLI_REVIEW_ENTRY (wanted),
    CF_CLI_JSON_ENTRY (json),
    G_OPTION_ENTRY_NULL
  };
  CfStore *store;
  int status;

  if (!cf_cli_parse_command (command, NULL,
                             _("Shows the dossier under review: the product, its category and "
                               "procedures, each essential requirement as the manufacturer "
                               "assessed it with its evidence, the documents, and the "
                               "findings recorded so far.\n"),
                             entries, NULL, &argc, &argv, &status))
    return status;

  if (!cf_cli_check_arguments (argc, argv, 0, 0, NULL, &error) ||
      !open_review_store (ctx, wanted, &store, &review_id, &error) ||
      (review = cf_store_get_review (store, review_id, &error)) == NULL ||
      (members = cf_review_list_members (review, NULL, &error)) == NULL ||
      (findings = cf_store_list_review_findings (store, review_id, &error)) == NULL ||
      (catalogue = cf_catalogue_load_default (&error)) == NULL)
    return cf_cli_report (command->path, error);

  data = cf_review_load_assessment (review, &error);
  if (data == NULL && error != NULL)
    return cf_cli_report (command->path, error);

  if (json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_builder_begin_object (builder);
      json_add_review (builder, review);
      json_builder_set_member_name (builder, "procedures");
      json_builder_begin_array (builder);
      for (guint i = 0; data != NULL && data->procedures[i] != NULL; i++)
        json_builder_add_string_value (builder, data->procedures[i]);
      json_builder_end_array (builder);

      json_builder_set_member_name (builder, "requirements");
      json_builder_begin_array (builder);
      for (guint i = 0; data != NULL && i < data->requirements->len; i++)
        {
          CfAssessedRequirement *req = g_ptr_array_index (data->requirements, i);

          json_builder_begin_object (builder);
          cf_cli_json_add_string (builder, "id", req->id);
          cf_cli_json_add_string (builder, "reference", req->reference);
          json_builder_set_member_name (builder, "assessed");
          json_builder_add_boolean_value (builder, req->assessed);
          json_builder_set_member_name (builder, "applies");
          json_builder_add_boolean_value (builder, req->applies);
          cf_cli_json_add_string (builder, "status", req->status);
          cf_cli_json_add_string (builder, "justification", req->justification);
          cf_cli_json_add_string (builder, "measures", req->measures);
          json_builder_set_member_name (builder, "evidence");
          json_builder_begin_array (builder);
          for (guint j = 0; j < req->evidence->len; j++)
            json_builder_add_int_value (builder, g_array_index (req->evidence, gint64, j));
          json_builder_end_array (builder);
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);

      json_builder_set_member_name (builder, "members");
      json_builder_begin_array (builder);
      for (guint i = 0; i < members->len; i++)
        {
          CfDossierMember *member = g_ptr_array_index (members, i);

          json_builder_begin_object (builder);
          cf_cli_json_add_string (builder, "path", member->path);
          json_builder_set_member_name (builder, "size");
          json_builder_add_int_value (builder, (gint64) member->size);
          cf_cli_json_add_string (builder, "sha256", member->sha256);
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);

      json_builder_set_member_name (builder, "finding_list");
      json_builder_begin_array (builder);
      for (guint i = 0; i < findings->len; i++)
        json_add_finding (builder, g_ptr_array_index (findings, i));
      json_builder_end_array (builder);
      json_builder_end_object (builder);
      cf_cli_json_print (builder);
      return CF_CLI_EXIT_OK;
    }

  {
    g_autoptr(CfCliTable) table = cf_cli_table_new_key_value ();

    cf_cli_table_add_pair (table, _("Product"), review->product_name);
    cf_cli_table_add_pair (table, _("Manufacturer"), cf_cli_or_dash (review->manufacturer_name));
    cf_cli_table_add_pair (table, _("Category"), cf_cli_or_dash (review->category));
    cf_cli_table_add_pair (table, _("Procedure"), cf_cli_or_dash (review->procedure));
    if (data != NULL)
      {
        g_autofree char *open = g_strjoinv (", ", data->procedures);

        cf_cli_table_add_pair (table, _("Procedures open"), cf_cli_or_dash (*open ? open : NULL));
      }
    cf_cli_table_add_pair (table, _("Seal"), review->seal);
    cf_cli_table_add_pair (table, _("Signed by"), cf_cli_or_dash (review->signer));
    cf_cli_table_add_pair (table, _("Dossier"), review->dossier_path);
    cf_cli_table_print (table);
  }

  cf_cli_print ("\n%s\n", _("Requirements"));
  if (data == NULL)
    cf_cli_print ("  %s\n", _("The dossier holds no assessment data (assessment.xml)."));
  for (guint i = 0; data != NULL && i < data->requirements->len; i++)
    {
      CfAssessedRequirement *req = g_ptr_array_index (data->requirements, i);
      const char *state = !req->assessed ? _("not assessed")
                          : !req->applies ? _("does not apply")
                          : req->status;

      cf_cli_print ("  %-28s %s\n", req->reference, state);
    }

  cf_cli_print ("\n%s\n", _("Members"));
  for (guint i = 0; i < members->len; i++)
    {
      CfDossierMember *member = g_ptr_array_index (members, i);
      g_autofree char *size = g_format_size (member->size);

      cf_cli_print ("  %s (%s)\n", member->path, size);
    }

  cf_cli_print ("\n%s\n", _("Findings"));
  if (findings->len == 0)
    cf_cli_print ("  %s\n", _("None recorded yet."));
  for (guint i = 0; i < findings->len; i++)
    {
      CfFinding *finding = g_ptr_array_index (findings, i);
      g_autofree char *label = cf_finding_dup_label (finding);
      g_autofree char *target = cf_finding_dup_target_label (finding, catalogue);

      cf_cli_print ("  %s  %s — %s: %s\n", label, target,
                    cf_finding_severity_get_label (finding->severity), finding->text);
    }

  return CF_CLI_EXIT_OK;
}

int
cf_cli_review_finding_add (CfCliContext        *ctx,
                           const CfCliCommand  *command,
                           int                  argc,
                           char               **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CfCatalogue) catalogue = NULL;
  g_autoptr(CfFinding) finding = cf_finding_new ();
  g_autofree char *requirement = NULL;
  g_autofree char *document = NULL;
  g_autofree char *severity = NULL;
  g_autofree char *text = NULL;
  g_autofree char *description = NULL;
  g_autofree char *label = NULL;
  gint64 wanted = 0, review_id;
  gboolean json = FALSE;
  const GOptionEntry entries[] = {
    CF_CLI_REVIEW_ENTRY (wanted),
    { "requirement", 0, 0, G_OPTION_ARG_FILENAME, &requirement,
      N_("The essential requirement it concerns, e.g. AnnexI.PartI.2.a"), N_("ID") },
    { "document", 0, 0, G_OPTION_ARG_FILENAME, &document,
      N_("The document it concerns, as the dossier names it, e.g. "
         "documents/declaration-v1-en.pdf"), N_("PATH") },
    { "severity", 0, 0, G_OPTION_ARG_FILENAME, &severity,
      N_("conformant, minor, major or observation (required)"), N_("SEVERITY") },
    { "text", 0, 0, G_OPTION_ARG_FILENAME, &text, N_("What was found"), N_("TEXT") },
    CF_CLI_JSON_ENTRY (json),
    G_OPTION_ENTRY_NULL
  };
  CfStore *store;
  gint number;
  int status;

  description = g_strdup_printf (_("Records a finding on one essential requirement or one "
                                   "document of the dossier under review: conformant, minor "
                                   "non-conformity, major non-conformity or observation, with "
                                   "what was found (required except for conformant). Prints "
                                   "its number, F1, F2, …\n"
                                   "\n"
                                   "Example:\n"
                                   "  %s review finding add --requirement AnnexI.PartI.2.c "
                                   "--severity minor --text \"No test report for the update "
                                   "signature check.\"\n"),
                                 CF_CLI_NAME);

  if (!cf_cli_parse_command (command, NULL, description, entries, NULL, &argc, &argv, &status))
    return status;

  if (!cf_cli_check_arguments (argc, argv, 0, 0, NULL, &error))
    return cf_cli_report (command->path, error);

  if ((requirement == NULL) == (document == NULL))
    return cf_cli_usage_error (command->path, "%s",
                               _("Give either --requirement or --document, not both."));
  if (severity == NULL)
    return cf_cli_usage_error (command->path, "%s", _("--severity is required."));

  if (!open_review_store (ctx, wanted, &store, &review_id, &error) ||
      (catalogue = cf_catalogue_load_default (&error)) == NULL)
    return cf_cli_report (command->path, error);

  finding->target_kind = g_strdup (requirement != NULL ? CF_FINDING_TARGET_REQUIREMENT
                                                       : CF_FINDING_TARGET_DOCUMENT);
  finding->target = g_strstrip (cf_cli_dup_text (requirement != NULL ? requirement : document));
  finding->severity = g_strstrip (cf_cli_dup_text (severity));
  finding->text = text != NULL ? g_strstrip (cf_cli_dup_text_argument (text)) : NULL;

  number = cf_review_add_finding (store, catalogue, review_id, finding, &error);
  if (number == 0)
    return cf_cli_report (command->path, error);

  label = cf_finding_dup_label (finding);
  if (json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "review");
      json_builder_add_int_value (builder, review_id);
      json_builder_set_member_name (builder, "finding");
      json_add_finding (builder, finding);
      json_builder_end_object (builder);
      cf_cli_json_print (builder);
    }
  else
    cf_cli_print ("%s\n", label);

  return CF_CLI_EXIT_OK;
}

static gboolean
parse_finding_number (const char  *text,
                      gint        *number,
                      GError     **error)
{
  guint64 value = 0;
  const char *digits = text;

  if (digits[0] == 'F' || digits[0] == 'f')
    digits++;

  if (!g_ascii_string_to_unsigned (digits, 10, 1, G_MAXINT, &value, NULL))
    {
      g_set_error (error, CF_CLI_ERROR, CF_CLI_ERROR_USAGE,
                   _("“%s” is not a finding: give its number, as in F3 or 3."), text);
      return FALSE;
    }

  *number = (gint) value;
  return TRUE;
}

int
cf_cli_review_finding_remove (CfCliContext        *ctx,
                              const CfCliCommand  *command,
                              int                  argc,
                              char               **argv)
{
  g_autoptr(GError) error = NULL;
  gint64 wanted = 0, review_id;
  const GOptionEntry entries[] = {
    CF_CLI_REVIEW_ENTRY (wanted),
    G_OPTION_ENTRY_NULL
  };
  CfStore *store;
  gint number;
  int status;

  if (!cf_cli_parse_command (command, _("FINDING"),
                             _("Removes a finding recorded by mistake. Its number is not given "
                               "to another.\n"),
                             entries, NULL, &argc, &argv, &status))
    return status;

  if (!cf_cli_check_arguments (argc, argv, 1, 1, _("Which finding? Give its number, as in F3."),
                               &error) ||
      !parse_finding_number (argv[1], &number, &error) ||
      !open_review_store (ctx, wanted, &store, &review_id, &error) ||
      !cf_store_remove_review_finding (store, review_id, number, &error))
    return cf_cli_report (command->path, error);

  return CF_CLI_EXIT_OK;
}

/* Writes @content to @out, replacing it only once complete. */
static gboolean
write_output (const char  *out,
              GBytes      *content,
              GError     **error)
{
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (out);

  return g_file_replace_contents (file, g_bytes_get_data (content, NULL), g_bytes_get_size (content),
                                  NULL, FALSE, G_FILE_CREATE_REPLACE_DESTINATION, NULL, NULL, error);
}

int
cf_cli_review_report (CfCliContext        *ctx,
                      const CfCliCommand  *command,
                      int                  argc,
                      char               **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CfCatalogue) catalogue = NULL;
  g_autoptr(GBytes) pdf = NULL;
  g_autofree char *out = NULL;
  gint64 wanted = 0, review_id;
  const GOptionEntry entries[] = {
    CF_CLI_REVIEW_ENTRY (wanted),
    { "out", 0, 0, G_OPTION_ARG_FILENAME, &out, N_("The PDF to write (required)"), N_("FILE") },
    G_OPTION_ENTRY_NULL
  };
  CfStore *store;
  int status;

  if (!cf_cli_parse_command (command, NULL,
                             _("Writes the review report as a PDF: the dossier reviewed (seal, "
                               "signature, product, category, procedures), a summary of the "
                               "findings by severity, each finding with the requirement or "
                               "document it concerns, and the members examined with their "
                               "SHA-256.\n"),
                             entries, NULL, &argc, &argv, &status))
    return status;

  if (!cf_cli_check_arguments (argc, argv, 0, 0, NULL, &error))
    return cf_cli_report (command->path, error);
  if (out == NULL)
    return cf_cli_usage_error (command->path, "%s", _("--out is required."));

  if (!cf_cli_check_output_file (out, &error) ||
      !open_review_store (ctx, wanted, &store, &review_id, &error) ||
      (catalogue = cf_catalogue_load_default (&error)) == NULL ||
      (pdf = cf_review_report_render (store, catalogue, review_id, NULL, &error)) == NULL ||
      !write_output (out, pdf, &error))
    return cf_cli_report (command->path, error);

  cf_cli_print ("%s\n", out);
  return CF_CLI_EXIT_OK;
}

int
cf_cli_review_export (CfCliContext        *ctx,
                      const CfCliCommand  *command,
                      int                  argc,
                      char               **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CfFindingsFile) findings = NULL;
  g_autoptr(GBytes) content = NULL;
  g_autofree char *out = NULL;
  gint64 wanted = 0, review_id;
  const GOptionEntry entries[] = {
    CF_CLI_REVIEW_ENTRY (wanted),
    { "out", 0, 0, G_OPTION_ARG_FILENAME, &out, N_("The findings file to write (required)"),
      N_("FILE") },
    G_OPTION_ENTRY_NULL
  };
  CfStore *store;
  int status;

  if (!cf_cli_parse_command (command, NULL,
                             _("Writes the review’s findings to one JSON file for the "
                               "manufacturer, who imports it with `findings import`. It names "
                               "the dossier by its seal.\n"),
                             entries, NULL, &argc, &argv, &status))
    return status;

  if (!cf_cli_check_arguments (argc, argv, 0, 0, NULL, &error))
    return cf_cli_report (command->path, error);
  if (out == NULL)
    return cf_cli_usage_error (command->path, "%s", _("--out is required."));

  if (!cf_cli_check_output_file (out, &error) ||
      !open_review_store (ctx, wanted, &store, &review_id, &error) ||
      (findings = cf_review_build_findings (store, review_id, &error)) == NULL)
    return cf_cli_report (command->path, error);

  content = cf_findings_file_write (findings);
  if (!write_output (out, content, &error))
    return cf_cli_report (command->path, error);

  cf_cli_printerr (ngettext ("%s: %u finding on the dossier sealed %s\n",
                             "%s: %u findings on the dossier sealed %s\n", findings->findings->len),
                   out, findings->findings->len, findings->seal);
  return CF_CLI_EXIT_OK;
}

int
cf_cli_review_extract (CfCliContext        *ctx,
                       const CfCliCommand  *command,
                       int                  argc,
                       char               **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CfReview) review = NULL;
  g_autoptr(GPtrArray) members = NULL;
  g_autoptr(GFile) dossier = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFileOutputStream) stream = NULL;
  g_autofree char *out = NULL;
  gint64 wanted = 0, review_id;
  const GOptionEntry entries[] = {
    CF_CLI_REVIEW_ENTRY (wanted),
    { "out", 0, 0, G_OPTION_ARG_FILENAME, &out, N_("Where to copy it (required)"), N_("FILE") },
    G_OPTION_ENTRY_NULL
  };
  CfDossierMember *found = NULL;
  CfStore *store;
  int status;

  if (!cf_cli_parse_command (command, _("MEMBER"),
                             _("Copies one member of the dossier under review (a document or "
                               "an evidence file, as `review show` lists them) to FILE, "
                               "checking on the way that it is still what the manifest "
                               "says.\n"),
                             entries, NULL, &argc, &argv, &status))
    return status;

  if (!cf_cli_check_arguments (argc, argv, 1, 1, _("Which member? Give its path."), &error))
    return cf_cli_report (command->path, error);
  if (out == NULL)
    return cf_cli_usage_error (command->path, "%s", _("--out is required."));

  if (!cf_cli_check_output_file (out, &error) ||
      !open_review_store (ctx, wanted, &store, &review_id, &error) ||
      (review = cf_store_get_review (store, review_id, &error)) == NULL ||
      (members = cf_review_list_members (review, NULL, &error)) == NULL)
    return cf_cli_report (command->path, error);

  for (guint i = 0; i < members->len; i++)
    if (g_str_equal (((CfDossierMember *) g_ptr_array_index (members, i))->path, argv[1]))
      found = g_ptr_array_index (members, i);

  if (found == NULL)
    {
      g_set_error (&error, CF_ERROR, CF_ERROR_NOT_FOUND,
                   _("The dossier has no member “%s”; `review show` lists them."), argv[1]);
      return cf_cli_report (command->path, error);
    }

  dossier = g_file_new_for_path (review->dossier_path);
  file = g_file_new_for_commandline_arg (out);
  stream = g_file_replace (file, NULL, FALSE, G_FILE_CREATE_REPLACE_DESTINATION, NULL, &error);
  if (stream == NULL)
    return cf_cli_report (command->path, error);

  if (!cf_dossier_extract_member (dossier, found->path, found->sha256, G_OUTPUT_STREAM (stream),
                                  NULL, &error))
    {
      g_autoptr(GCancellable) abandon = g_cancellable_new ();

      /* Closing a cancelled replace leaves the old file, or none. */
      g_cancellable_cancel (abandon);
      g_output_stream_close (G_OUTPUT_STREAM (stream), abandon, NULL);
      return cf_cli_report (command->path, error);
    }

  if (!g_output_stream_close (G_OUTPUT_STREAM (stream), NULL, &error))
    return cf_cli_report (command->path, error);

  cf_cli_print ("%s\n", out);
  return CF_CLI_EXIT_OK;
}

int
cf_cli_findings_import (CfCliContext        *ctx,
                        const CfCliCommand  *command,
                        int                  argc,
                        char               **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CfCatalogue) catalogue = NULL;
  g_autoptr(CfFindingsFile) findings = NULL;
  g_autoptr(GFile) file = NULL;
  g_autofree char *shown = NULL;
  gboolean json = FALSE;
  const GOptionEntry entries[] = {
    CF_CLI_JSON_ENTRY (json),
    G_OPTION_ENTRY_NULL
  };
  CfStore *store;
  guint added = 0, updated = 0;
  gint64 id;
  int status;

  if (!cf_cli_parse_command (command, _("PRODUCT_ID FINDINGS"),
                             _("Imports the findings file a reviewer wrote with `review export` "
                               "into the product. The findings must concern a dossier exported "
                               "from this product in this project (the seal says which). Each "
                               "finding is shown on the requirement or document it concerns, "
                               "with the status open until `findings set` changes it. "
                               "Importing the same file again changes nothing; a newer file "
                               "from the same review updates the reviewer’s text and keeps "
                               "your statuses and answers.\n"),
                             entries, NULL, &argc, &argv, &status))
    return status;

  if (!cf_cli_check_arguments (argc, argv, 2, 2, _("Give the product’s id and the findings file."),
                               &error) ||
      !cf_cli_parse_id (argv[1], &id, &error) ||
      !cf_cli_open_product_store (ctx, id, &store, &error) ||
      (catalogue = cf_catalogue_load_default (&error)) == NULL)
    return cf_cli_report (command->path, error);

  file = g_file_new_for_commandline_arg (argv[2]);
  shown = g_file_get_parse_name (file);
  findings = cf_findings_file_load (file, NULL, &error);
  if (findings == NULL ||
      !cf_store_import_findings (store, catalogue, id, findings, shown, &added, &updated, &error))
    return cf_cli_report (command->path, error);

  if (json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_builder_begin_object (builder);
      cf_cli_json_add_string (builder, "seal", findings->seal);
      cf_cli_json_add_string (builder, "reviewer", findings->reviewer);
      json_builder_set_member_name (builder, "added");
      json_builder_add_int_value (builder, added);
      json_builder_set_member_name (builder, "updated");
      json_builder_add_int_value (builder, updated);
      json_builder_set_member_name (builder, "unchanged");
      json_builder_add_int_value (builder, findings->findings->len - added - updated);
      json_builder_end_object (builder);
      cf_cli_json_print (builder);
    }
  else
    cf_cli_print (_("%u new, %u changed, %u unchanged\n"), added, updated,
                  findings->findings->len - added - updated);

  return CF_CLI_EXIT_OK;
}

int
cf_cli_findings_list (CfCliContext        *ctx,
                      const CfCliCommand  *command,
                      int                  argc,
                      char               **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) findings = NULL;
  g_autoptr(CfCatalogue) catalogue = NULL;
  g_autofree char *requirement = NULL;
  gboolean json = FALSE;
  const GOptionEntry entries[] = {
    { "requirement", 0, 0, G_OPTION_ARG_FILENAME, &requirement,
      N_("Only the findings on this essential requirement"), N_("ID") },
    CF_CLI_JSON_ENTRY (json),
    G_OPTION_ENTRY_NULL
  };
  CfStore *store;
  gint64 id;
  int status;

  if (!cf_cli_parse_command (command, _("PRODUCT_ID"),
                             _("Lists the findings reviewers sent back on the product’s "
                               "dossiers, with their status and your answer.\n"),
                             entries, NULL, &argc, &argv, &status))
    return status;

  if (!cf_cli_check_arguments (argc, argv, 1, 1, _("Which product? Give its id."), &error) ||
      !cf_cli_parse_id (argv[1], &id, &error) ||
      !cf_cli_open_product_store (ctx, id, &store, &error) ||
      (catalogue = cf_catalogue_load_default (&error)) == NULL)
    return cf_cli_report (command->path, error);

  findings = cf_store_list_findings (store, id,
                                     requirement != NULL ? CF_FINDING_TARGET_REQUIREMENT : NULL,
                                     requirement, &error);
  if (findings == NULL)
    return cf_cli_report (command->path, error);

  if (json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_builder_begin_array (builder);
      for (guint i = 0; i < findings->len; i++)
        json_add_finding (builder, g_ptr_array_index (findings, i));
      json_builder_end_array (builder);
      cf_cli_json_print (builder);
      return CF_CLI_EXIT_OK;
    }

  if (findings->len == 0)
    cf_cli_print ("%s\n", _("No findings have been imported for this product."));

  for (guint i = 0; i < findings->len; i++)
    {
      CfFinding *finding = g_ptr_array_index (findings, i);
      g_autofree char *label = cf_finding_dup_label (finding);
      g_autofree char *target = cf_finding_dup_target_label (finding, catalogue);
      g_autofree char *seal = g_strndup (finding->seal, 12);

      cf_cli_print ("%" G_GINT64_FORMAT "  %s (%s, %s)  %s — %s [%s]\n", finding->id, label,
                    seal, finding->reviewer, target,
                    cf_finding_severity_get_label (finding->severity),
                    cf_finding_status_get_label (finding->status));
      if (finding->text != NULL && *finding->text != '\0')
        cf_cli_print_wrapped (finding->text, 4, CF_CLI_TEXT_WIDTH);
      if (finding->answer != NULL)
        {
          g_autofree char *answer = g_strdup_printf (_("Answer: %s"), finding->answer);

          cf_cli_print_wrapped (answer, 4, CF_CLI_TEXT_WIDTH);
        }
    }

  return CF_CLI_EXIT_OK;
}

int
cf_cli_findings_set (CfCliContext        *ctx,
                     const CfCliCommand  *command,
                     int                  argc,
                     char               **argv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *status_arg = NULL;
  g_autofree char *answer = NULL;
  g_autofree char *answer_text = NULL;
  g_autofree char *status_text = NULL;
  const GOptionEntry entries[] = {
    { "status", 0, 0, G_OPTION_ARG_FILENAME, &status_arg,
      N_("open, answered or closed (required)"), N_("STATUS") },
    { "answer", 0, 0, G_OPTION_ARG_FILENAME, &answer,
      N_("Your answer to the reviewer (required to mark it answered)"), N_("TEXT") },
    G_OPTION_ENTRY_NULL
  };
  CfStore *store;
  gint64 id;
  int status;

  if (!cf_cli_parse_command (command, _("FINDING_ID"),
                             _("Records what was done about an imported finding: answered "
                               "(with the answer sent to the reviewer), closed, or open again. "
                               "FINDING_ID is the id `findings list` prints first.\n"),
                             entries, NULL, &argc, &argv, &status))
    return status;

  if (!cf_cli_check_arguments (argc, argv, 1, 1, _("Which finding? Give its id."), &error) ||
      !cf_cli_parse_id (argv[1], &id, &error))
    return cf_cli_report (command->path, error);
  if (status_arg == NULL)
    return cf_cli_usage_error (command->path, "%s", _("--status is required."));

  if (answer != NULL)
    answer_text = cf_cli_dup_text_argument (answer);

  if (!cf_cli_open_store (ctx, CF_CLI_OPEN_EXISTING, &store, &error))
    return cf_cli_report (command->path, error);
  if (store == NULL)
    {
      g_set_error (&error, CF_ERROR, CF_ERROR_NOT_FOUND,
                   _("There is no finding with the id %" PRId64 "."), id);
      return cf_cli_report (command->path, error);
    }

  status_text = g_strstrip (cf_cli_dup_text (status_arg));
  if (!cf_store_set_finding_status (store, id, status_text, answer_text, &error))
    return cf_cli_report (command->path, error);

  return CF_CLI_EXIT_OK;
}
