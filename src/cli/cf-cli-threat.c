/* cf-cli-threat.c — threat add, set, remove, list: the risk register
 *
 * Copyright 2026 The Conformity Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cf-cli"

#include "config.h"

#include <inttypes.h>

#include <glib/gi18n-lib.h>

#include "cf-error.h"
#include "cf-cli-private.h"

/* What `threat add` and `threat set` were given, as typed (NULL where an
 * option was not), and the values parse_options() reads from it. */
typedef struct
{
  char        *asset;
  char        *title;
  char        *description;
  char        *stride;
  char        *likelihood;
  char        *impact;
  char        *mitigations;
  char        *residual_likelihood;
  char        *residual_impact;
  char        *treatment;
  char        *reason;
  char        *accepted_by;
  gboolean     no_residual;

  const char  *stride_id;
  gint         likelihood_value;
  gint         impact_value;
  gint         residual_likelihood_value;
  gint         residual_impact_value;
  gboolean     clear_treatment;   /* --treatment none */
} ThreatOptions;

static void
threat_options_clear (ThreatOptions *o)
{
  g_free (o->asset);
  g_free (o->title);
  g_free (o->description);
  g_free (o->stride);
  g_free (o->likelihood);
  g_free (o->impact);
  g_free (o->mitigations);
  g_free (o->residual_likelihood);
  g_free (o->residual_impact);
  g_free (o->treatment);
  g_free (o->reason);
  g_free (o->accepted_by);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (ThreatOptions, threat_options_clear)

/* The options both commands take. Text as raw bytes (FILENAME), as
 * everywhere in the CLI: GOption's own conversion would refuse UTF-8 in
 * the plain C locale; numbers too, so that a malformed one is reported in
 * our words. */
#define THREAT_ENTRIES(o) \
  { "asset", 0, 0, G_OPTION_ARG_FILENAME, &(o).asset, \
    N_("What the threat is against, e.g. “firmware signing key”"), N_("NAME") }, \
  { "title", 0, 0, G_OPTION_ARG_FILENAME, &(o).title, \
    N_("The threat in a few words"), N_("TEXT") }, \
  { "stride", 0, 0, G_OPTION_ARG_FILENAME, &(o).stride, \
    N_("Its STRIDE category, by name or letter (see below)"), N_("CATEGORY") }, \
  { "likelihood", 0, 0, G_OPTION_ARG_FILENAME, &(o).likelihood, \
    N_("How likely it is, before mitigation: 1 (rare) to 5 (almost certain)"), N_("1-5") }, \
  { "impact", 0, 0, G_OPTION_ARG_FILENAME, &(o).impact, \
    N_("How bad it would be, before mitigation: 1 (negligible) to 5 (severe)"), N_("1-5") }, \
  { "description", 0, 0, G_OPTION_ARG_FILENAME, &(o).description, \
    N_("The threat in full"), N_("TEXT") }, \
  { "mitigations", 0, 0, G_OPTION_ARG_FILENAME, &(o).mitigations, \
    N_("What reduces the risk"), N_("TEXT") }, \
  { "residual-likelihood", 0, 0, G_OPTION_ARG_FILENAME, &(o).residual_likelihood, \
    N_("The likelihood once mitigated, 1 to 5 (with --residual-impact)"), N_("1-5") }, \
  { "residual-impact", 0, 0, G_OPTION_ARG_FILENAME, &(o).residual_impact, \
    N_("The impact once mitigated, 1 to 5 (with --residual-likelihood)"), N_("1-5") }, \
  { "treatment", 0, 0, G_OPTION_ARG_FILENAME, &(o).treatment, \
    N_("How the risk is treated: mitigate, accept, transfer or avoid"), N_("TREATMENT") }, \
  { "reason", 0, 0, G_OPTION_ARG_FILENAME, &(o).reason, \
    N_("Why it is treated so (required to accept a risk)"), N_("TEXT") }, \
  { "accepted-by", 0, 0, G_OPTION_ARG_FILENAME, &(o).accepted_by, \
    N_("Who accepted the risk (default: --actor, else your user name)"), N_("NAME") }

/* “spoofing (S), tampering (T), …”, for messages and --help. */
static char *
dup_stride_list (CfRiskModel *model)
{
  GPtrArray *stride = cf_risk_model_get_stride (model);
  g_autoptr(GString) list = g_string_new (NULL);

  for (guint i = 0; i < stride->len; i++)
    {
      CfCatalogueItem *item = g_ptr_array_index (stride, i);

      g_string_append_printf (list, "%s%s (%s)", i > 0 ? ", " : "",
                              cf_catalogue_item_get_attribute (item, "stride"),
                              cf_catalogue_item_get_attribute (item, "letter"));
    }

  return g_string_free (g_steal_pointer (&list), FALSE);
}

static const char *
stride_letter (CfRiskModel *model,
               const char  *stride)
{
  GPtrArray *categories = cf_risk_model_get_stride (model);

  for (guint i = 0; i < categories->len; i++)
    {
      CfCatalogueItem *item = g_ptr_array_index (categories, i);

      if (g_strcmp0 (cf_catalogue_item_get_attribute (item, "stride"), stride) == 0)
        return cf_catalogue_item_get_attribute (item, "letter");
    }

  return stride;
}

/* A level of the scale. Not a whole number: a usage error. A whole number
 * off the scale: refused in the core's words, naming the field. */
static gboolean
parse_level (const char  *option,
             const char  *field,
             const char  *text,
             gint        *value,
             GError     **error)
{
  g_autofree char *shown = cf_cli_dup_text (text);
  g_autoptr(GError) local_error = NULL;
  gint64 number;

  g_strstrip (shown);

  if (!g_ascii_string_to_signed (shown, 10, CF_RISK_MIN_LEVEL, CF_RISK_MAX_LEVEL, &number,
                                 &local_error))
    {
      if (g_error_matches (local_error, G_NUMBER_PARSER_ERROR,
                           G_NUMBER_PARSER_ERROR_OUT_OF_BOUNDS))
        g_set_error (error, CF_ERROR, CF_ERROR_INVALID_INPUT,
                     _("%s: %s is not on the scale; give a whole number from %d to %d."),
                     field, shown, CF_RISK_MIN_LEVEL, CF_RISK_MAX_LEVEL);
      else
        g_set_error (error, CF_CLI_ERROR, CF_CLI_ERROR_USAGE,
                     _("%s takes a whole number from %d to %d, not “%s”."),
                     option, CF_RISK_MIN_LEVEL, CF_RISK_MAX_LEVEL, shown);
      return FALSE;
    }

  *value = (gint) number;
  return TRUE;
}

/* Reads the STRIDE category, the levels and the treatment, so that every
 * mistake is reported before the database is opened. */
static gboolean
parse_options (ThreatOptions  *o,
               CfRiskModel    *model,
               GError        **error)
{
  if (o->stride != NULL)
    {
      g_autofree char *shown = cf_cli_dup_text (o->stride);

      o->stride_id = cf_risk_model_resolve_stride (model, g_strstrip (shown));
      if (o->stride_id == NULL)
        {
          g_autofree char *known = dup_stride_list (model);

          g_set_error (error, CF_CLI_ERROR, CF_CLI_ERROR_USAGE,
                       _("“%s” is not a STRIDE category; use one of %s, by name or letter."),
                       shown, known);
          return FALSE;
        }
    }

  if ((o->likelihood != NULL &&
       !parse_level ("--likelihood", _("Likelihood"), o->likelihood, &o->likelihood_value,
                     error)) ||
      (o->impact != NULL &&
       !parse_level ("--impact", _("Impact"), o->impact, &o->impact_value, error)) ||
      (o->residual_likelihood != NULL &&
       !parse_level ("--residual-likelihood", _("Residual likelihood"), o->residual_likelihood,
                     &o->residual_likelihood_value, error)) ||
      (o->residual_impact != NULL &&
       !parse_level ("--residual-impact", _("Residual impact"), o->residual_impact,
                     &o->residual_impact_value, error)))
    return FALSE;

  if (o->no_residual && (o->residual_likelihood != NULL || o->residual_impact != NULL))
    {
      g_set_error_literal (error, CF_CLI_ERROR, CF_CLI_ERROR_USAGE,
                           _("--no-residual and --residual-likelihood or --residual-impact "
                             "exclude each other."));
      return FALSE;
    }

  if (o->treatment != NULL)
    {
      g_autofree char *shown = cf_cli_dup_text (o->treatment);
      g_autofree char *treatment = g_ascii_strdown (g_strstrip (shown), -1);

      if (g_str_equal (treatment, "none"))
        o->clear_treatment = TRUE;
      else if (!cf_treatment_is_valid (treatment))
        {
          g_set_error (error, CF_CLI_ERROR, CF_CLI_ERROR_USAGE,
                       _("“%s” is not a treatment; use one of %s, or none."),
                       shown, cf_treatment_list_ids ());
          return FALSE;
        }

      g_free (o->treatment);
      o->treatment = o->clear_treatment ? NULL : g_steal_pointer (&treatment);
    }

  return TRUE;
}

static gboolean
options_any (const ThreatOptions *o)
{
  return o->asset != NULL || o->title != NULL || o->description != NULL ||
         o->stride != NULL || o->likelihood != NULL || o->impact != NULL ||
         o->mitigations != NULL || o->residual_likelihood != NULL ||
         o->residual_impact != NULL || o->treatment != NULL || o->clear_treatment ||
         o->reason != NULL || o->accepted_by != NULL || o->no_residual;
}

/* Sets what was given; the rest keeps its value. */
static void
apply_options (const ThreatOptions *o,
               CfThreat            *threat)
{
  g_autofree char *asset = cf_cli_dup_text_argument (o->asset);
  g_autofree char *title = cf_cli_dup_text_argument (o->title);
  g_autofree char *description = cf_cli_dup_text_argument (o->description);
  g_autofree char *mitigations = cf_cli_dup_text_argument (o->mitigations);
  g_autofree char *reason = cf_cli_dup_text_argument (o->reason);
  g_autofree char *accepted_by = cf_cli_dup_text_argument (o->accepted_by);

  if (asset != NULL)
    cf_threat_set_asset (threat, asset);
  if (title != NULL)
    cf_threat_set_title (threat, title);
  if (description != NULL)
    cf_threat_set_description (threat, description);
  if (o->stride_id != NULL)
    cf_threat_set_stride (threat, o->stride_id);
  if (o->likelihood_value > 0)
    cf_threat_set_likelihood (threat, o->likelihood_value);
  if (o->impact_value > 0)
    cf_threat_set_impact (threat, o->impact_value);
  if (mitigations != NULL)
    cf_threat_set_mitigations (threat, mitigations);

  if (o->no_residual)
    cf_threat_set_residual (threat, 0, 0);
  else if (o->residual_likelihood_value > 0 || o->residual_impact_value > 0)
    cf_threat_set_residual (threat,
                            o->residual_likelihood_value ?: cf_threat_get_residual_likelihood (threat),
                            o->residual_impact_value ?: cf_threat_get_residual_impact (threat));

  /* Without a treatment, its reason has nothing left to explain. */
  if (o->clear_treatment)
    {
      cf_threat_set_treatment (threat, NULL);
      cf_threat_set_treatment_reason (threat, NULL);
    }
  else if (o->treatment != NULL)
    cf_threat_set_treatment (threat, o->treatment);
  if (reason != NULL)
    cf_threat_set_treatment_reason (threat, reason);
  if (accepted_by != NULL)
    cf_threat_set_accepted_by (threat, accepted_by);
}

/* After apply_options(): whether what the options say fits with what was
 * recorded. */
static gboolean
check_combination (const ThreatOptions  *o,
                   CfThreat             *threat,
                   GError              **error)
{
  g_autofree char *reason = cf_cli_dup_text_argument (o->reason);

  if (o->accepted_by != NULL && g_strcmp0 (cf_threat_get_treatment (threat), "accept") != 0)
    {
      g_set_error_literal (error, CF_CLI_ERROR, CF_CLI_ERROR_USAGE,
                           _("--accepted-by says who accepted a risk: give it with "
                             "--treatment accept."));
      return FALSE;
    }

  if (reason != NULL && *g_strstrip (reason) != '\0' && cf_threat_get_treatment (threat) == NULL)
    {
      g_set_error_literal (error, CF_CLI_ERROR, CF_CLI_ERROR_USAGE,
                           _("--reason explains a treatment: give --treatment too."));
      return FALSE;
    }

  return TRUE;
}

/* Who accepts a risk is the one who records the acceptance, unless
 * --accepted-by names someone else; then the threat is checked as the
 * store will check it, and its STRIDE category against the catalogue. */
static gboolean
complete_threat (CfThreat     *threat,
                 CfStore      *store,
                 CfRiskModel  *model,
                 GError      **error)
{
  const char *accepted_by = cf_threat_get_accepted_by (threat);

  if (g_strcmp0 (cf_threat_get_treatment (threat), "accept") == 0 &&
      (accepted_by == NULL || *accepted_by == '\0'))
    cf_threat_set_accepted_by (threat, cf_store_get_actor (store));

  cf_threat_normalize (threat);

  return cf_threat_validate (threat, model, error);
}

/* What `threat set` changes: the options given, on what is stored now. */
typedef struct
{
  const ThreatOptions *options;
  CfStore             *store;
  CfRiskModel         *model;
} ThreatEdit;

static gboolean
edit_threat_cb (CfThreat  *threat,
                gpointer   user_data,
                GError   **error)
{
  const ThreatEdit *edit = user_data;

  apply_options (edit->options, threat);

  /* Decided on what is stored now: a treatment recorded meanwhile counts. */
  return check_combination (edit->options, threat, error) &&
         complete_threat (threat, edit->store, edit->model, error);
}

/* The text after the options in --help: the scales and the categories. */
static char *
dup_method_text (CfRiskModel *model)
{
  g_autoptr(CfCliTable) table = cf_cli_table_new (3);
  g_autoptr(GString) out = g_string_new (NULL);
  g_autofree char *stride = dup_stride_list (model);
  guint n_bands;
  const CfChartBand *bands = cf_risk_model_get_bands (model, &n_bands);

  for (int level = CF_RISK_MIN_LEVEL; level <= CF_RISK_MAX_LEVEL; level++)
    {
      g_autofree char *number = g_strdup_printf ("%d", level);

      cf_cli_table_add_row (table, (const char *[]) {
                              number,
                              cf_risk_model_level_label (model, "likelihood", level),
                              cf_risk_model_level_label (model, "impact", level) });
    }

  g_string_append (out, _("Scales (likelihood, impact):\n"));
  cf_cli_table_append (table, out, "  ");
  g_string_append (out, _("\nRisk (likelihood × impact):"));
  for (guint i = 0; i < n_bands; i++)
    g_string_append_printf (out, "%s %s %d–%d", i > 0 ? "," : "", bands[i].label,
                            bands[i].min, bands[i].max);
  g_string_append_printf (out, _("\n\nSTRIDE categories: %s\n"), stride);

  return g_string_free (g_steal_pointer (&out), FALSE);
}

int
cf_cli_threat_add (CfCliContext        *ctx,
                   const CfCliCommand  *command,
                   int                  argc,
                   char               **argv)
{
  g_autoptr(CfCatalogue) catalogue = NULL;
  g_autoptr(CfRiskModel) model = NULL;
  g_autoptr(CfThreat) threat = cf_threat_new ();
  g_autoptr(GPtrArray) missing = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *method = NULL;
  g_autofree char *description = NULL;
  g_autofree char *label = NULL;
  g_auto(ThreatOptions) o = { NULL, };
  const GOptionEntry entries[] = { THREAT_ENTRIES (o), G_OPTION_ENTRY_NULL };
  CfStore *store;
  gint64 id;
  int status;

  /* The scales and categories live in the catalogue; --help lists them. */
  catalogue = cf_catalogue_load_default (&error);
  if (catalogue == NULL)
    return cf_cli_report (command->path, error);
  model = cf_risk_model_new (catalogue);
  method = dup_method_text (model);

  description = g_strdup_printf (_("Adds a threat to the product’s risk register (Article "
                                   "13(3)) and prints its label alone, e.g. T3. Threats are "
                                   "numbered per product; a number is never given again, even "
                                   "after its threat is removed. Required: --asset, --title, "
                                   "--stride, --likelihood, --impact. The residual likelihood "
                                   "and impact go together. Accepting a risk (--treatment "
                                   "accept) needs a --reason; it is accepted by --accepted-by, "
                                   "else by the --actor of the run, else by your user name.\n"
                                   "\n"
                                   "%s"
                                   "\n"
                                   "Example:\n"
                                   "  t=$(%s threat add 1 --asset \"Web interface\" --title "
                                   "\"Password guessing\" --stride S --likelihood 4 --impact 3 "
                                   "--mitigations \"Rate limiting\" --residual-likelihood 2 "
                                   "--residual-impact 3)\n"),
                                 method, CF_CLI_NAME);

  if (!cf_cli_parse_command (command, _("ID"), description, entries, NULL, &argc, &argv, &status))
    return status;

  if (!cf_cli_check_arguments (argc, argv, 1, 1, _("Which product? Give its id."), &error) ||
      !cf_cli_parse_id (argv[1], &id, &error))
    return cf_cli_report (command->path, error);

  if (o.asset == NULL)
    g_ptr_array_add (missing, (gpointer) "--asset");
  if (o.title == NULL)
    g_ptr_array_add (missing, (gpointer) "--title");
  if (o.stride == NULL)
    g_ptr_array_add (missing, (gpointer) "--stride");
  if (o.likelihood == NULL)
    g_ptr_array_add (missing, (gpointer) "--likelihood");
  if (o.impact == NULL)
    g_ptr_array_add (missing, (gpointer) "--impact");
  if (missing->len > 0)
    {
      g_autofree char *list = NULL;

      g_ptr_array_add (missing, NULL);
      list = g_strjoinv (", ", (char **) missing->pdata);
      return cf_cli_usage_error (command->path, _("A new threat needs %s."), list);
    }

  if (!parse_options (&o, model, &error))
    return cf_cli_report (command->path, error);

  apply_options (&o, threat);
  if (!check_combination (&o, threat, &error))
    return cf_cli_report (command->path, error);

  if (!cf_cli_open_product_store (ctx, id, &store, &error))
    return cf_cli_report (command->path, error);

  if (!complete_threat (threat, store, model, &error))
    return cf_cli_report (command->path, error);

  if (cf_store_add_threat (store, id, threat, &error) == 0)
    return cf_cli_report (command->path, error);

  /* The label alone, so that `t=$(conformity-cli threat add …)` just works. */
  label = cf_threat_dup_label (threat);
  cf_cli_print ("%s\n", label);

  return CF_CLI_EXIT_OK;
}

int
cf_cli_threat_set (CfCliContext        *ctx,
                   const CfCliCommand  *command,
                   int                  argc,
                   char               **argv)
{
  g_autoptr(CfCatalogue) catalogue = NULL;
  g_autoptr(CfRiskModel) model = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *method = NULL;
  g_autofree char *description = NULL;
  g_auto(ThreatOptions) o = { NULL, };
  const GOptionEntry entries[] = {
    THREAT_ENTRIES (o),
    { "no-residual", 0, 0, G_OPTION_ARG_NONE, &o.no_residual,
      N_("Clear the residual likelihood and impact"), NULL },
    G_OPTION_ENTRY_NULL
  };
  ThreatEdit edit;
  CfStore *store;
  gint64 id;
  gint number;
  int status;

  catalogue = cf_catalogue_load_default (&error);
  if (catalogue == NULL)
    return cf_cli_report (command->path, error);
  model = cf_risk_model_new (catalogue);
  method = dup_method_text (model);

  description = g_strdup_printf (_("Changes a threat of the risk register; THREAT is its "
                                   "number or label (3 or T3). Only the options given change; "
                                   "an empty text clears a field. --no-residual clears the "
                                   "residual risk, --treatment none the treatment and its "
                                   "reason.\n"
                                   "\n"
                                   "%s"
                                   "\n"
                                   "Example:\n"
                                   "  %s threat set 1 T3 --treatment accept --reason \"Needs "
                                   "physical access to the device.\"\n"),
                                 method, CF_CLI_NAME);

  if (!cf_cli_parse_command (command, _("ID THREAT"), description, entries, NULL,
                             &argc, &argv, &status))
    return status;

  if (!cf_cli_check_arguments (argc, argv, 2, 2,
                               _("Give the product’s id and the threat, e.g. “1 T3”."), &error) ||
      !cf_cli_parse_id (argv[1], &id, &error) ||
      !cf_cli_parse_threat (argv[2], &number, &error))
    return cf_cli_report (command->path, error);

  if (!parse_options (&o, model, &error))
    return cf_cli_report (command->path, error);

  if (!options_any (&o))
    return cf_cli_usage_error (command->path, "%s",
                               _("Nothing to change: give at least one option, such as "
                                 "--residual-likelihood."));

  if (!cf_cli_open_product_store (ctx, id, &store, &error))
    return cf_cli_report (command->path, error);

  /* Read, changed and written in one transaction: another program's change
   * of another field meanwhile is kept, not overwritten with what we read. */
  edit.options = &o;
  edit.store = store;
  edit.model = model;
  if (!cf_store_edit_threat (store, id, number, edit_threat_cb, &edit, &error))
    return cf_cli_report (command->path, error);

  return CF_CLI_EXIT_OK;
}

int
cf_cli_threat_remove (CfCliContext        *ctx,
                      const CfCliCommand  *command,
                      int                  argc,
                      char               **argv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *description = NULL;
  CfStore *store;
  gint64 id;
  gint number;
  int status;

  description = g_strdup_printf (_("Removes a threat from the risk register; THREAT is its "
                                   "number or label (3 or T3). Requirements no longer list it "
                                   "among the threats they address, its number is not given "
                                   "to another threat, and the audit log keeps what it "
                                   "said.\n"
                                   "\n"
                                   "Example:\n"
                                   "  %s threat remove 1 T3\n"),
                                 CF_CLI_NAME);

  if (!cf_cli_parse_command (command, _("ID THREAT"), description, NULL, NULL,
                             &argc, &argv, &status))
    return status;

  if (!cf_cli_check_arguments (argc, argv, 2, 2,
                               _("Give the product’s id and the threat, e.g. “1 T3”."), &error) ||
      !cf_cli_parse_id (argv[1], &id, &error) ||
      !cf_cli_parse_threat (argv[2], &number, &error))
    return cf_cli_report (command->path, error);

  if (!cf_cli_open_product_store (ctx, id, &store, &error))
    return cf_cli_report (command->path, error);

  if (!cf_store_remove_threat (store, id, number, &error))
    return cf_cli_report (command->path, error);

  return CF_CLI_EXIT_OK;
}

/* “4×3 → 2×3”: the inherent risk, then the residual one where assessed. */
static char *
dup_levels (CfThreat *threat)
{
  if (!cf_threat_has_residual (threat))
    return g_strdup_printf ("%d×%d", cf_threat_get_likelihood (threat),
                            cf_threat_get_impact (threat));

  return g_strdup_printf ("%d×%d → %d×%d", cf_threat_get_likelihood (threat),
                          cf_threat_get_impact (threat),
                          cf_threat_get_residual_likelihood (threat),
                          cf_threat_get_residual_impact (threat));
}

static void
print_threats (CfRiskModel *model,
               GPtrArray   *threats)
{
  g_autoptr(CfCliTable) table = cf_cli_table_new (6);
  guint n_bands;
  const CfChartBand *bands = cf_risk_model_get_bands (model, &n_bands);

  cf_cli_table_set_width (table, CF_CLI_TEXT_WIDTH);
  cf_cli_table_add_row (table, (const char *[]) {
                          _("THREAT"), _("RISK"), _("L×I"), _("STRIDE"), _("TREATMENT"),
                          _("TITLE") });

  for (guint i = 0; i < threats->len; i++)
    {
      CfThreat *threat = g_ptr_array_index (threats, i);
      gint score = cf_threat_get_residual_score (threat);
      const CfChartBand *band = cf_chart_band_for_score (bands, n_bands, score);
      g_autofree char *label = cf_threat_dup_label (threat);
      g_autofree char *levels = dup_levels (threat);
      /* Translators: a risk band and the score in it, e.g. “High 12”. */
      g_autofree char *risk = g_strdup_printf (_("%s %d"), band ? band->label : "?", score);

      cf_cli_table_add_row (table, (const char *[]) {
                              label, risk, levels,
                              stride_letter (model, cf_threat_get_stride (threat)),
                              cf_cli_or_dash (cf_threat_get_treatment (threat)),
                              cf_threat_get_title (threat) });
    }

  cf_cli_table_print (table);
}

int
cf_cli_threat_list (CfCliContext        *ctx,
                    const CfCliCommand  *command,
                    int                  argc,
                    char               **argv)
{
  g_autoptr(CfCatalogue) catalogue = NULL;
  g_autoptr(CfRiskModel) model = NULL;
  g_autoptr(GPtrArray) threats = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *description = NULL;
  gboolean json = FALSE;
  const GOptionEntry entries[] = { CF_CLI_JSON_ENTRY (json), G_OPTION_ENTRY_NULL };
  CfStore *store;
  gint64 id;
  int status;

  description = g_strdup_printf (_("Lists the product’s risk register by number: the risk "
                                   "that remains (the residual one where assessed, else the "
                                   "inherent one) with its band, the likelihood × impact before "
                                   "and after mitigation, the STRIDE letter, the treatment and "
                                   "the title.\n"
                                   "\n"
                                   "Example:\n"
                                   "  %s threat list 1 --json | jq -r '.[] | "
                                   "select(.residual_band == \"high\") | .label'\n"),
                                 CF_CLI_NAME);

  if (!cf_cli_parse_command (command, _("ID"), description, entries, NULL, &argc, &argv, &status))
    return status;

  if (!cf_cli_check_arguments (argc, argv, 1, 1, _("Which product? Give its id."), &error) ||
      !cf_cli_parse_id (argv[1], &id, &error))
    return cf_cli_report (command->path, error);

  catalogue = cf_catalogue_load_default (&error);
  if (catalogue == NULL)
    return cf_cli_report (command->path, error);
  model = cf_risk_model_new (catalogue);

  if (!cf_cli_open_product_store (ctx, id, &store, &error))
    return cf_cli_report (command->path, error);

  threats = cf_store_list_threats (store, id, &error);
  if (threats == NULL)
    return cf_cli_report (command->path, error);

  if (json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_builder_begin_array (builder);
      for (guint i = 0; i < threats->len; i++)
        cf_cli_json_add_threat (builder, model, g_ptr_array_index (threats, i));
      json_builder_end_array (builder);
      cf_cli_json_print (builder);
    }
  else if (threats->len == 0)
    {
      cf_cli_print (_("The risk register of product %" PRId64 " is empty. Add a threat with "
                      "“%s threat add %" PRId64 " --asset NAME --title TEXT --stride S "
                      "--likelihood N --impact N”.\n"),
                    id, CF_CLI_NAME, id);
    }
  else
    print_threats (model, threats);

  return CF_CLI_EXIT_OK;
}
