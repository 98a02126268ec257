/* cf-cli.c — conformity-cli: global options, the command list, dispatch, help
 *
 * Copyright 2026 The Conformity Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cf-cli"

#include "config.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <stdio.h>
#include <string.h>

#include "cf-cli-private.h"

/* Every command, in the order --help lists them. A path with a space is a
 * subcommand of a group (“product add”); the group itself is derived. */
static const CfCliCommand commands[] = {
  { "manufacturer set", N_("Record the manufacturer named in every document"),
    cf_cli_manufacturer_set },
  { "manufacturer show", N_("Show the manufacturer"),
    cf_cli_manufacturer_show },
  { "product add", N_("Add a product and print its id"),
    cf_cli_product_add },
  { "product add-example", N_("Add the fictitious example product and print its id"),
    cf_cli_product_add_example },
  { "product list", N_("List the products"),
    cf_cli_product_list },
  { "product show", N_("Show a product"),
    cf_cli_product_show },
  { "product set", N_("Change a product"),
    cf_cli_product_set },
  { "scope set", N_("Answer the questions that decide whether the Regulation applies (Article 2)"),
    cf_cli_scope_set },
  { "scope show", N_("Show whether the Regulation applies to a product, and why"),
    cf_cli_scope_show },
  { "classify suggest", N_("Suggest the Annex III or IV category for a description of a product"),
    cf_cli_classify_suggest },
  { "classify set", N_("Record a product’s category (Annex III and IV) and why"),
    cf_cli_classify_set },
  { "classify coverage", N_("Record which essential requirements standards cover in full "
                            "(Article 32(2))"),
    cf_cli_classify_coverage },
  { "classify show", N_("Show a product’s category and the procedures open to it (Article 32)"),
    cf_cli_classify_show },
  { "assess set", N_("Record how an essential requirement applies and is met (Article 13(3), "
                     "(4))"),
    cf_cli_assess_set },
  { "assess show", N_("Show how each essential requirement of Annex I applies and is met"),
    cf_cli_assess_show },
  { "assess context", N_("Record what the risk assessment is made against (Article 13(3))"),
    cf_cli_assess_context },
  { "threat add", N_("Add a threat to a product’s risk register and print its label"),
    cf_cli_threat_add },
  { "threat set", N_("Change a threat of the risk register"),
    cf_cli_threat_set },
  { "threat remove", N_("Remove a threat from the risk register"),
    cf_cli_threat_remove },
  { "threat list", N_("List a product’s risk register"),
    cf_cli_threat_list },
  { "evidence add", N_("Attach a file as evidence, or a new version of it, and print its id"),
    cf_cli_evidence_add },
  { "evidence list", N_("List a product’s evidence with the SHA-256 of each file"),
    cf_cli_evidence_list },
  { "evidence show", N_("Show an item of evidence and what it supports"),
    cf_cli_evidence_show },
  { "evidence versions", N_("List every stored version of an item of evidence"),
    cf_cli_evidence_versions },
  { "evidence get", N_("Write a stored version of an item of evidence to a file, verified"),
    cf_cli_evidence_get },
  { "evidence set", N_("Change an item of evidence: title, kind, validity, what it supports"),
    cf_cli_evidence_set },
  { "evidence remove", N_("Remove an item of evidence and all its versions"),
    cf_cli_evidence_remove },
  { "evidence verify", N_("Check every stored evidence file against its recorded SHA-256"),
    cf_cli_evidence_verify },
  { "sbom import", N_("Import a CycloneDX or SPDX software bill of materials and print how many "
                       "components it lists"),
    cf_cli_sbom_import },
  { "sbom list", N_("List a product’s imported software bills of materials"),
    cf_cli_sbom_list },
  { "sbom components", N_("List the components of an imported SBOM, optionally searched"),
    cf_cli_sbom_components },
  { "sbom check", N_("Check an SBOM against BSI TR-03183-2: what is missing, and a score"),
    cf_cli_sbom_check },
  { "sbom diff", N_("Show the components added, removed or changed between two SBOMs"),
    cf_cli_sbom_diff },
  { "readiness", N_("Say whether a product is ready for a declaration of conformity, and what "
                    "is missing"),
    cf_cli_readiness },
  { "chart", N_("Draw the risk heat map or the readiness overview as a PNG"),
    cf_cli_chart },
  { "dates", N_("Show a product’s key dates: application, support period, retention"),
    cf_cli_dates },
  { "vuln add", N_("Record a vulnerability of a product and print its case id"),
    cf_cli_vuln_add },
  { "vuln set", N_("Change a vulnerability: fields, exploited, status, affected components"),
    cf_cli_vuln_set },
  { "vuln list", N_("List the vulnerabilities of a product, or of all products"),
    cf_cli_vuln_list },
  { "incident add", N_("Record an incident affecting a product’s security and print its case "
                       "id"),
    cf_cli_incident_add },
  { "incident set", N_("Change an incident: fields, severe, suspicion, status"),
    cf_cli_incident_set },
  { "incident list", N_("List the incidents of a product, or of all products"),
    cf_cli_incident_list },
  { "case show", N_("Show a vulnerability or incident, its Article 14 reports and its fix"),
    cf_cli_case_show },
  { "case remove", N_("Remove a vulnerability or incident recorded by mistake"),
    cf_cli_case_remove },
  { "deadlines", N_("List the Article 14 reports still due, the soonest first"),
    cf_cli_deadlines },
  { "report", N_("Prepare an Article 14 report or the information to users, as text or PDF"),
    cf_cli_report_case },
  { "mark-sent", N_("Record that an Article 14 report was submitted: when, to whom, reference"),
    cf_cli_mark_sent },
  { "csaf", N_("Write a CSAF 2.0 security advisory for a vulnerability"),
    cf_cli_csaf },
  { "vex", N_("Write a CycloneDX VEX of a product’s vulnerabilities"),
    cf_cli_vex },
  { "update add", N_("Record a security update and the vulnerabilities it fixes"),
    cf_cli_update_add },
  { "update list", N_("List a product’s security updates and what each fixes"),
    cf_cli_update_list },
  { "declaration set", N_("Change what a product’s EU declaration of conformity says"),
    cf_cli_declaration_set },
  { "declaration show", N_("Show a product’s declaration details and what is still missing"),
    cf_cli_declaration_show },
  { "user-info set", N_("Record the information and instructions for a product’s users "
                         "(Annex II)"),
    cf_cli_user_info_set },
  { "user-info show", N_("Show the information and instructions for a product’s users"),
    cf_cli_user_info_show },
  { "generate", N_("Generate a document, store it as a new version and print its id"),
    cf_cli_generate },
  { "documents", N_("List a product’s stored documents"),
    cf_cli_documents },
  { "document show", N_("Show a stored document"),
    cf_cli_document_show },
  { "document save", N_("Write a stored document to a file"),
    cf_cli_document_save },
  { "document diff", N_("Show how a stored document’s text differs from another version"),
    cf_cli_document_diff },
  { "dossier export", N_("Write a product’s documents and evidence to one sealed ZIP"),
    cf_cli_dossier_export },
  { "dossier verify", N_("Check a dossier ZIP against its manifest and seal"),
    cf_cli_dossier_verify },
  { "dossier list", N_("List the dossiers exported for a product, with their seals"),
    cf_cli_dossier_list },
  { "review open", N_("Verify a dossier and open its review in this (the reviewer’s) project"),
    cf_cli_review_open },
  { "review list", N_("List the dossiers reviewed in this project"),
    cf_cli_review_list },
  { "review show", N_("Show the dossier under review: assessment, members and findings"),
    cf_cli_review_show },
  { "review finding add", N_("Record a finding on a requirement or document of the dossier"),
    cf_cli_review_finding_add },
  { "review finding remove", N_("Remove a finding recorded by mistake"),
    cf_cli_review_finding_remove },
  { "review extract", N_("Copy a document or evidence file out of the dossier under review"),
    cf_cli_review_extract },
  { "review report", N_("Write the review report as a PDF"),
    cf_cli_review_report },
  { "review export", N_("Write the review’s findings to a file for the manufacturer"),
    cf_cli_review_export },
  { "findings import", N_("Import a reviewer’s findings file into a product"),
    cf_cli_findings_import },
  { "findings list", N_("List the findings on a product, with status and answer"),
    cf_cli_findings_list },
  { "findings set", N_("Mark a finding open, answered or closed"),
    cf_cli_findings_set },
  { "audit", N_("Show the audit log: who changed what, and when"),
    cf_cli_audit },
  { "catalogue", N_("Show the sections and items of the regulation’s catalogue"),
    cf_cli_catalogue },
};

static const CfCliCommand *
find_command (const char *path)
{
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    if (g_str_equal (commands[i].path, path))
      return &commands[i];

  return NULL;
}

static gboolean
is_group (const char *name)
{
  g_autofree char *prefix = g_strconcat (name, " ", NULL);

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    if (g_str_has_prefix (commands[i].path, prefix))
      return TRUE;

  return FALSE;
}

static gboolean
is_help_option (const char *arg)
{
  return g_str_equal (arg, "--help") || g_str_equal (arg, "-h");
}

/* The list of commands, for the top level's --help (@group NULL) or a group's. */
static char *
dup_command_list (const char *group)
{
  g_autoptr(CfCliTable) table = cf_cli_table_new (2);
  g_autoptr(GString) out = g_string_new (NULL);
  g_autofree char *prefix = group ? g_strconcat (group, " ", NULL) : NULL;

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      if (prefix != NULL && !g_str_has_prefix (commands[i].path, prefix))
        continue;

      cf_cli_table_add_row (table, (const char *[]) {
                              commands[i].path + (prefix ? strlen (prefix) : 0),
                              _(commands[i].summary) });
    }

  if (group == NULL)
    cf_cli_table_add_row (table, (const char *[]) {
                            "help [COMMAND]", _("Show the help of a command") });

  cf_cli_table_append (table, out, "  ");

  return g_string_free (g_steal_pointer (&out), FALSE);
}

static int
print_group_help (const char *group)
{
  g_autofree char *list = dup_command_list (group);

  cf_cli_print ("%s\n  %s %s %s\n\n%s\n%s\n", _("Usage:"), CF_CLI_NAME, group,
                _("COMMAND [OPTION…]"), _("Commands:"), list);
  cf_cli_print (_("Run “%s %s COMMAND --help” for the options of a command.\n"),
                CF_CLI_NAME, group);

  return CF_CLI_EXIT_OK;
}

/* Built only when asked for: most runs never show it. */
static int
print_top_help (GOptionContext *context)
{
  g_autofree char *list = dup_command_list (NULL);
  g_autofree char *description = NULL;
  g_autofree char *text = NULL;

  description = g_strdup_printf (_("Commands:\n"
                                   "%s\n"
                                   "Run “%s COMMAND --help” for the options of a command. "
                                   "--db and --actor go before the command.\n"
                                   "\n"
                                   "Environment:\n"
                                   "  CONFORMITY_DB   the project database when --db is not given\n"
                                   "\n"
                                   "Exit status:\n"
                                   "  0  success\n"
                                   "  1  the operation was refused or failed\n"
                                   "  2  the command line is wrong\n"
                                   "  3  readiness: the product is not ready for a declaration "
                                   "of conformity\n"
                                   "  4  evidence verify: stored evidence does not match its "
                                   "recorded SHA-256\n"),
                                 list, CF_CLI_NAME);
  g_option_context_set_description (context, description);
  text = g_option_context_get_help (context, TRUE, NULL);
  cf_cli_print ("%s", text);

  return CF_CLI_EXIT_OK;
}

static int dispatch (CfCliContext  *ctx,
                     int            argc,
                     char         **argv);

/* “help”, “help product”, “help product add”: the same as --help. */
static int
run_help (CfCliContext    *ctx,
          GOptionContext  *context,
          int              argc,
          char           **argv)
{
  g_autoptr(GPtrArray) args = g_ptr_array_new ();

  if (argc < 2)
    return print_top_help (context);

  for (int i = 1; i < argc && i < 4; i++)
    g_ptr_array_add (args, argv[i]);
  g_ptr_array_add (args, (char *) "--help");
  g_ptr_array_add (args, NULL);

  return dispatch (ctx, args->len - 1, (char **) args->pdata);
}

/* Commands are one to three words ("generate", "product add", "review
 * finding add"): walk the words while they name a group. */
static int
dispatch (CfCliContext  *ctx,
          int            argc,
          char         **argv)
{
  const CfCliCommand *command;
  g_autofree char *path = g_strdup (argv[0]);
  g_autofree char *shown = g_utf8_make_valid (argv[0], -1);
  int used = 1;

  while ((command = find_command (path)) == NULL)
    {
      g_autofree char *longer = NULL;

      if (!is_group (path))
        {
          g_autofree char *shown_path = g_utf8_make_valid (path, -1);

          if (used == 1)
            return cf_cli_usage_error (NULL, _("“%s” is not a command."), shown);
          return cf_cli_usage_error (argv[0], _("“%s” is not a command."), shown_path);
        }

      if (used >= argc)
        return cf_cli_usage_error (argv[0], _("“%s” needs a command."), path);

      if (is_help_option (argv[used]))
        return print_group_help (path);

      longer = g_strconcat (path, " ", argv[used], NULL);
      g_free (path);
      path = g_steal_pointer (&longer);
      used++;
    }

  return command->run (ctx, command, argc - used + 1, argv + used - 1);
}

static gboolean
check_actor (const char  *actor,
             GError     **error)
{
  g_autofree char *message = NULL;

  if (*actor == '\0')
    {
      g_set_error_literal (error, CF_CLI_ERROR, CF_CLI_ERROR_USAGE,
                           _("--actor needs a name."));
      return FALSE;
    }

  if (!g_utf8_validate (actor, -1, NULL) || g_utf8_strlen (actor, -1) > 200)
    {
      g_set_error_literal (error, CF_CLI_ERROR, CF_CLI_ERROR_USAGE,
                           _("--actor must be a name of at most 200 characters of text."));
      return FALSE;
    }

  /* The audit log names the actor on every line: no control characters,
   * nothing that makes the name display as another. */
  message = cf_field_check_characters ("--actor", actor, FALSE);
  if (message != NULL)
    {
      g_set_error_literal (error, CF_CLI_ERROR, CF_CLI_ERROR_USAGE, message);
      return FALSE;
    }

  return TRUE;
}

/* A full disk or a closed pipe must not pass for success: a script would
 * go on with an id or a JSON document that never arrived. */
static int
finish_output (int status)
{
  int saved_errno = 0;

  if (fflush (stdout) != 0)
    saved_errno = errno;
  else if (!ferror (stdout))
    return status;

  cf_cli_printerr (_("%s: Could not write the output: %s.\n"), CF_CLI_NAME,
                   saved_errno ? g_strerror (saved_errno) : _("write error"));

  return status == CF_CLI_EXIT_OK ? CF_CLI_EXIT_FAILURE : status;
}

int
cf_cli_run (int    argc,
            char **argv)
{
  CfCliContext ctx = { NULL, };
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *db_path = NULL;
  g_autofree char *actor = NULL;
  gboolean help = FALSE;
  gboolean version = FALSE;
  int status;
  const GOptionEntry entries[] = {
    { "db", 0, 0, G_OPTION_ARG_FILENAME, &db_path,
      N_("The project database (default: $CONFORMITY_DB, else conformity/conformity.db in the "
         "user data folder)"), N_("PATH") },
    { "actor", 0, 0, G_OPTION_ARG_FILENAME, &actor,
      N_("Who the audit log names for the changes (default: your user name)"), N_("NAME") },
    { "version", 0, 0, G_OPTION_ARG_NONE, &version, N_("Print the version and exit"), NULL },
    { "help", 'h', 0, G_OPTION_ARG_NONE, &help, N_("Show this help and exit"), NULL },
    G_OPTION_ENTRY_NULL
  };

  context = g_option_context_new (_("COMMAND [ARGUMENT…]"));
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_set_help_enabled (context, FALSE);
  /* Global options come before the command; what follows is the command's. */
  g_option_context_set_strict_posix (context, TRUE);
  g_option_context_set_summary (context,
                                _("Keeps a manufacturer’s records for the EU Cyber Resilience "
                                  "Act and generates its documents, without a window."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);

  if (!g_option_context_parse (context, &argc, &argv, &error))
    return cf_cli_report (NULL, error);

  if (help)
    return finish_output (print_top_help (context));

  if (version)
    {
      cf_cli_print ("%s %s\n", CF_CLI_NAME, PACKAGE_VERSION);
      return finish_output (CF_CLI_EXIT_OK);
    }

  if (db_path != NULL && *db_path == '\0')
    return cf_cli_usage_error (NULL, "%s", _("--db needs a path."));

  if (actor != NULL)
    {
      ctx.actor = cf_cli_dup_text_argument (actor);
      if (!check_actor (ctx.actor, &error))
        {
          g_free (ctx.actor);
          return cf_cli_report (NULL, error);
        }
    }
  ctx.db_path = g_steal_pointer (&db_path);

  if (argc < 2)
    status = cf_cli_usage_error (NULL, "%s", _("No command given."));
  else if (g_str_equal (argv[1], "help"))
    status = run_help (&ctx, context, argc - 1, argv + 1);
  else
    status = dispatch (&ctx, argc - 1, argv + 1);

  g_clear_object (&ctx.store);
  g_clear_pointer (&ctx.db_path, g_free);
  g_clear_pointer (&ctx.actor, g_free);

  return finish_output (status);
}
