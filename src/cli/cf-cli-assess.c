/* cf-cli-assess.c — assess set, assess show, assess context
 *
 * Copyright 2026 The Conformity Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cf-cli"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "cf-cli-private.h"

static gboolean
parse_applicable (const char  *text,
                  gboolean    *applies,
                  GError     **error)
{
  g_autofree char *shown = cf_cli_dup_text (text);
  g_autofree char *value = g_ascii_strdown (g_strstrip (shown), -1);

  if (g_str_equal (value, "yes") || g_str_equal (value, "no"))
    {
      *applies = g_str_equal (value, "yes");
      return TRUE;
    }

  g_set_error (error, CF_CLI_ERROR, CF_CLI_ERROR_USAGE,
               _("“%s” is not a value for --applicable: use yes or no."), shown);
  return FALSE;
}

static gboolean
parse_status (const char  *text,
              CfStatus    *status,
              GError     **error)
{
  g_autofree char *shown = cf_cli_dup_text (text);
  g_autofree char *value = g_ascii_strdown (g_strstrip (shown), -1);

  if (cf_status_from_id (value, status))
    return TRUE;

  g_set_error (error, CF_CLI_ERROR, CF_CLI_ERROR_USAGE,
               _("“%s” is not a status for --status; use one of: %s."),
               shown, cf_status_list_ids ());
  return FALSE;
}

/* The --standard values as UTF-8; the core trims them and drops blanks. */
static GStrv
dup_standards (char **args)
{
  g_autoptr(GStrvBuilder) standards = g_strv_builder_new ();

  for (guint i = 0; args != NULL && args[i] != NULL; i++)
    {
      g_autofree char *standard = cf_cli_dup_text_argument (args[i]);

      g_strv_builder_add (standards, standard);
    }

  return g_strv_builder_end (standards);
}

static void
replace_text (char       **field,
              const char  *value)
{
  g_free (*field);
  *field = cf_cli_dup_text_argument (value);
}

/* What `assess set` changes: the options given, on what is stored now. */
typedef struct
{
  CfCatalogue  *catalogue;
  gboolean      set_applies;
  gboolean      applies;
  const char   *justification;   /* as given; NULL to keep it */
  const char   *measures;        /* as given; NULL to keep it */
  gboolean      set_status;
  CfStatus      status;
  gboolean      set_standards;
  char        **standards;
  gboolean      set_threats;
  GArray       *threats;
} AssessEdit;

static gboolean
edit_assessment_cb (CfRequirementAssessment  *assessment,
                    gboolean                  assessed,
                    gpointer                  user_data,
                    GError                  **error)
{
  const AssessEdit *edit = user_data;

  if (!assessed && !edit->set_applies)
    {
      g_set_error (error, CF_CLI_ERROR, CF_CLI_ERROR_USAGE,
                   _("%s is not assessed yet: say whether it applies with "
                     "--applicable yes or --applicable no."),
                   assessment->requirement);
      return FALSE;
    }

  /* Options not given keep what was recorded. */
  if (edit->set_applies)
    assessment->applies = edit->applies;
  if (edit->justification != NULL)
    replace_text (&assessment->justification, edit->justification);
  if (edit->measures != NULL)
    replace_text (&assessment->measures, edit->measures);
  if (edit->set_status)
    assessment->status = edit->status;
  if (edit->set_standards)
    {
      g_strfreev (assessment->standards);
      assessment->standards = dup_standards (edit->standards);
    }
  if (edit->set_threats)
    {
      g_array_set_size (assessment->threats, 0);
      g_array_append_vals (assessment->threats, edit->threats->data, edit->threats->len);
    }
  cf_requirement_assessment_normalize (assessment);

  /* Complete: a requirement that does not apply is justified now, not later. */
  return cf_requirement_assessment_validate (assessment, edit->catalogue, TRUE, error);
}

int
cf_cli_assess_set (CfCliContext        *ctx,
                   const CfCliCommand  *command,
                   int                  argc,
                   char               **argv)
{
  g_autoptr(CfCatalogue) catalogue = NULL;
  g_autoptr(GPtrArray) requirements = NULL;
  g_autoptr(CfRequirementAssessment) given = NULL;
  g_autoptr(GArray) threats = g_array_new (FALSE, FALSE, sizeof (gint));
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) standard_args = NULL;
  g_auto(GStrv) threat_args = NULL;
  g_autofree char *applicable_arg = NULL;
  g_autofree char *justification_arg = NULL;
  g_autofree char *status_arg = NULL;
  g_autofree char *measures_arg = NULL;
  g_autofree char *requirement = NULL;
  g_autofree char *requirement_list = NULL;
  g_autofree char *description = NULL;
  gboolean no_standards = FALSE;
  gboolean no_threats = FALSE;
  /* Text as raw bytes (FILENAME), as everywhere in the CLI: GOption's own
   * conversion would refuse UTF-8 in the plain C locale. */
  const GOptionEntry entries[] = {
    { "applicable", 0, 0, G_OPTION_ARG_FILENAME, &applicable_arg,
      N_("Whether the requirement applies to the product: yes or no (required the first "
         "time)"), N_("yes|no") },
    { "justification", 0, 0, G_OPTION_ARG_FILENAME, &justification_arg,
      N_("Why it does not apply (required then, Article 13(4))"), N_("TEXT") },
    { "status", 0, 0, G_OPTION_ARG_FILENAME, &status_arg,
      N_("How far it is met: not-started, in-progress, implemented or verified"),
      N_("STATUS") },
    { "measures", 0, 0, G_OPTION_ARG_FILENAME, &measures_arg,
      N_("How the product meets it"), N_("TEXT") },
    { "standard", 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &standard_args,
      N_("A standard or clause relied on; repeat for several (replaces the list)"),
      N_("REFERENCE") },
    { "no-standards", 0, 0, G_OPTION_ARG_NONE, &no_standards,
      N_("Rely on no standard (clears the list)"), NULL },
    { "threat", 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &threat_args,
      N_("A threat of the risk register it addresses, 3 or T3; repeat for several (replaces "
         "the list)"), N_("N") },
    { "no-threats", 0, 0, G_OPTION_ARG_NONE, &no_threats,
      N_("Address no threat (clears the list)"), NULL },
    G_OPTION_ENTRY_NULL
  };
  gboolean applies = TRUE;
  CfStatus progress = CF_STATUS_NOT_STARTED;
  AssessEdit edit;
  CfStore *store;
  gint64 id;
  int exit_status;

  /* The requirements live in the catalogue; --help lists them from there. */
  catalogue = cf_catalogue_load_default (&error);
  if (catalogue == NULL)
    return cf_cli_report (command->path, error);
  requirements = cf_requirements_list (catalogue);
  requirement_list = cf_cli_dup_requirement_list (requirements);

  description = g_strdup_printf (_("Records how one essential requirement of Annex I applies to "
                                   "the product and how it is met (Article 13(3) and (4)). "
                                   "Options not given keep what was recorded; --standard and "
                                   "--threat replace their lists. The first time, --applicable "
                                   "is required. A requirement that does not apply needs a "
                                   "justification; the requirements of Part II and Part I (1) "
                                   "always apply. “%s assess show ID --json” suggests standards "
                                   "for each requirement; “%s threat list ID” numbers the "
                                   "threats.\n"
                                   "\n"
                                   "Requirements:\n"
                                   "%s\n"
                                   "Examples:\n"
                                   "  %s assess set 1 AnnexI.PartI.2.a --applicable yes "
                                   "--status implemented --standard \"ETSI EN 303 645 5.3\" "
                                   "--threat T1\n"
                                   "  %s assess set 1 AnnexI.PartI.2.l --applicable no "
                                   "--justification \"The product keeps no logs of its own.\"\n"),
                                 CF_CLI_NAME, CF_CLI_NAME, requirement_list, CF_CLI_NAME,
                                 CF_CLI_NAME);

  if (!cf_cli_parse_command (command, _("ID REQUIREMENT"), description, entries, NULL,
                             &argc, &argv, &exit_status))
    return exit_status;

  if (!cf_cli_check_arguments (argc, argv, 2, 2,
                               _("Give the product’s id and the requirement, e.g. "
                                 "“1 AnnexI.PartI.2.a”."), &error) ||
      !cf_cli_parse_id (argv[1], &id, &error))
    return cf_cli_report (command->path, error);

  if ((applicable_arg != NULL && !parse_applicable (applicable_arg, &applies, &error)) ||
      (status_arg != NULL && !parse_status (status_arg, &progress, &error)))
    return cf_cli_report (command->path, error);

  if (standard_args != NULL && no_standards)
    return cf_cli_usage_error (command->path, "%s",
                               _("--standard and --no-standards exclude each other."));

  if (threat_args != NULL && no_threats)
    return cf_cli_usage_error (command->path, "%s",
                               _("--threat and --no-threats exclude each other."));

  for (guint i = 0; threat_args != NULL && threat_args[i] != NULL; i++)
    {
      gint number;

      if (!cf_cli_parse_threat (threat_args[i], &number, &error))
        return cf_cli_report (command->path, error);
      g_array_append_val (threats, number);
    }

  if (applicable_arg == NULL && justification_arg == NULL && status_arg == NULL &&
      measures_arg == NULL && standard_args == NULL && !no_standards &&
      threat_args == NULL && !no_threats)
    return cf_cli_usage_error (command->path, "%s",
                               _("Nothing to record: give --applicable, --status, "
                                 "--justification, --measures, --standard or --threat."));

  /* What the options say, checked before the database is opened: the
   * requirement exists, may be found not applicable, and the texts fit. */
  requirement = g_strstrip (cf_cli_dup_text (argv[2]));
  given = cf_requirement_assessment_new (requirement);
  given->applies = applies;
  if (justification_arg != NULL)
    replace_text (&given->justification, justification_arg);
  if (measures_arg != NULL)
    replace_text (&given->measures, measures_arg);
  g_strfreev (given->standards);
  given->standards = dup_standards (standard_args);
  cf_requirement_assessment_normalize (given);

  if (!cf_requirement_assessment_validate (given, catalogue, FALSE, &error))
    return cf_cli_report (command->path, error);

  if (!cf_cli_open_product_store (ctx, id, &store, &error))
    return cf_cli_report (command->path, error);

  /* Read, changed and written in one transaction: another program's change
   * meanwhile is kept, not overwritten with what we read. The store refuses
   * a threat the register does not have, naming it. */
  edit.catalogue = catalogue;
  edit.set_applies = applicable_arg != NULL;
  edit.applies = applies;
  edit.justification = justification_arg;
  edit.measures = measures_arg;
  edit.set_status = status_arg != NULL;
  edit.status = progress;
  edit.set_standards = standard_args != NULL || no_standards;
  edit.standards = standard_args;
  edit.set_threats = threat_args != NULL || no_threats;
  edit.threats = threats;
  if (!cf_store_edit_requirement_assessment (store, id, requirement, edit_assessment_cb, &edit,
                                             &error))
    return cf_cli_report (command->path, error);

  return CF_CLI_EXIT_OK;
}

static CfRequirementAssessment *
find_assessment (GPtrArray  *assessments,
                 const char *requirement)
{
  for (guint i = 0; assessments != NULL && i < assessments->len; i++)
    {
      CfRequirementAssessment *a = g_ptr_array_index (assessments, i);

      if (g_strcmp0 (a->requirement, requirement) == 0)
        return a;
    }

  return NULL;
}

/* The status column: the id `--status` takes, or why there is none. */
static const char *
assessment_state (const CfRequirementAssessment *a)
{
  if (a == NULL)
    return _("not assessed");
  if (!a->applies)
    return _("does not apply");

  return cf_status_to_id (a->status);
}

/* One line per requirement, in the regulation's order; a justification
 * follows under its label. */
static void
print_assessment (CfCatalogue     *catalogue,
                  CfProductStatus *status)
{
  g_autoptr(GPtrArray) requirements = cf_requirements_list (catalogue);
  g_autoptr(CfCliTable) table = cf_cli_table_new (3);

  cf_cli_table_set_width (table, CF_CLI_TEXT_WIDTH);
  cf_cli_table_add_row (table, (const char *[]) { _("REF"), _("STATUS"), _("REQUIREMENT") });

  for (guint i = 0; i < requirements->len; i++)
    {
      CfCatalogueItem *item = g_ptr_array_index (requirements, i);
      CfRequirementAssessment *a = find_assessment (status->assessments,
                                                    cf_catalogue_item_get_id (item));
      g_autofree char *ref = cf_requirement_short_ref (item);
      g_autofree char *text = NULL;

      if (a != NULL && a->justification != NULL)
        /* Translators: a requirement's label, then why it does not apply. */
        text = g_strdup_printf (_("%s\nJustification: %s"), cf_catalogue_item_get_label (item),
                                a->justification);
      else
        text = g_strdup (cf_catalogue_item_get_label (item));

      cf_cli_table_add_row (table, (const char *[]) { ref, assessment_state (a), text });
    }

  cf_cli_table_print (table);
}

int
cf_cli_assess_show (CfCliContext        *ctx,
                    const CfCliCommand  *command,
                    int                  argc,
                    char               **argv)
{
  g_autoptr(CfCatalogue) catalogue = NULL;
  g_autoptr(CfProductStatus) status = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *description = NULL;
  gboolean json = FALSE;
  const GOptionEntry entries[] = { CF_CLI_JSON_ENTRY (json), G_OPTION_ENTRY_NULL };
  gint64 id;
  int exit_status;

  description = g_strdup_printf (_("Shows every essential requirement of Annex I in the "
                                   "regulation’s order: whether it applies, how far it is met "
                                   "(not-started, in-progress, implemented, verified) and, "
                                   "where it does not apply, why. With --json, also the "
                                   "measures, the standards relied on, the threats addressed, "
                                   "the standards the catalogue suggests and the context of the "
                                   "risk assessment.\n"
                                   "\n"
                                   "Example:\n"
                                   "  %s assess show 1 --json | jq -r '.requirements[] | "
                                   "select(.assessed | not) | .id'\n"),
                                 CF_CLI_NAME);

  if (!cf_cli_parse_command (command, _("ID"), description, entries, NULL,
                             &argc, &argv, &exit_status))
    return exit_status;

  if (!cf_cli_check_arguments (argc, argv, 1, 1, _("Which product? Give its id."), &error) ||
      !cf_cli_parse_id (argv[1], &id, &error))
    return cf_cli_report (command->path, error);

  catalogue = cf_catalogue_load_default (&error);
  if (catalogue == NULL)
    return cf_cli_report (command->path, error);

  status = cf_cli_load_product_status (ctx, catalogue, id, &error);
  if (status == NULL)
    return cf_cli_report (command->path, error);

  if (json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      cf_cli_json_add_assessment (builder, catalogue, status);
      cf_cli_json_print (builder);
    }
  else
    print_assessment (catalogue, status);

  return CF_CLI_EXIT_OK;
}

int
cf_cli_assess_context (CfCliContext        *ctx,
                       const CfCliCommand  *command,
                       int                  argc,
                       char               **argv)
{
  g_autoptr(CfAssessmentContext) prototype = cf_assessment_context_new ();
  g_autoptr(CfCliFieldOptions) fields = cf_cli_field_options_new (CF_RECORD (prototype));
  g_autoptr(GError) error = NULL;
  g_autofree char *description = NULL;
  CfStore *store;
  gint64 id;
  int status;

  description = g_strdup_printf (_("Records what the cybersecurity risk assessment is made "
                                   "against (Article 13(3)): the product’s intended purpose, "
                                   "its reasonably foreseeable use and the operational "
                                   "environment are required for a declaration of conformity; "
                                   "assumptions are recorded where there are any. Only the "
                                   "options given change; an empty value clears a field.\n"
                                   "\n"
                                   "Example:\n"
                                   "  %s assess context 1 --intended-purpose \"Controls the "
                                   "heating of a home.\" --operational-environment \"Home WiFi "
                                   "network behind a NAT router.\"\n"),
                                 CF_CLI_NAME);

  if (!cf_cli_parse_command (command, _("ID"), description, NULL, fields, &argc, &argv, &status))
    return status;

  if (!cf_cli_check_arguments (argc, argv, 1, 1, _("Which product? Give its id."), &error) ||
      !cf_cli_parse_id (argv[1], &id, &error))
    return cf_cli_report (command->path, error);

  if (!cf_cli_field_options_any (fields))
    return cf_cli_usage_error (command->path, "%s",
                               _("Nothing to change: give at least one option, such as "
                                 "--intended-purpose."));

  if (!cf_cli_field_options_check (fields, &error))
    return cf_cli_report (command->path, error);

  if (!cf_cli_open_product_store (ctx, id, &store, &error))
    return cf_cli_report (command->path, error);

  /* Read, changed and written in one transaction: another program's change
   * of another field meanwhile is kept, not overwritten with what we read. */
  if (!cf_store_edit_assessment_context (store, id, cf_cli_field_options_edit, fields, &error))
    return cf_cli_report (command->path, error);

  return CF_CLI_EXIT_OK;
}
