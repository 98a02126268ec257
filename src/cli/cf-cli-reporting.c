/* cf-cli-reporting.c — deadlines, report, mark-sent, csaf, vex, update add and list
 *
 * Copyright 2026 The Conformity Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cf-cli"

#include "config.h"

#include <inttypes.h>

#include <glib/gi18n-lib.h>
#include <string.h>

#include "cf-case-report.h"
#include "cf-csaf.h"
#include "cf-error.h"
#include "cf-field.h"
#include "cf-lifecycle.h"
#include "cf-vex.h"
#include "cf-cli-private.h"

/* Deadlines, shared with `case show` */

/* “Due 2026-11-21 09:30 UTC (10:30 CET local time): within 24 hours of
 * becoming aware (Article 14(2)(a))”, or why there is no due time yet. */
static char *
dup_due_text (const CfDeadline *deadline)
{
  g_autofree char *when = NULL;

  if (deadline->due == NULL)
    return g_strdup (deadline->no_due_reason);

  when = cf_format_utc_and_local (deadline->due, NULL);
  /* Translators: when a report is due, then the rule that says so */
  return g_strdup_printf (_("Due %s: %s."), when, deadline->basis);
}

/* “Submitted 2026-11-21T10:00:00Z to CERT-Bund, reference 2026-0042.” */
static char *
dup_sent_text (const CfStepSent *sent)
{
  if (sent->reference != NULL)
    return g_strdup_printf (_("Submitted %s to %s, reference %s."), sent->sent_at,
                            sent->recipient, sent->reference);

  return g_strdup_printf (_("Submitted %s to %s."), sent->sent_at, sent->recipient);
}

/* The step's state in a few words: “Overdue by 2 d 1 h”, “5 h 12 min left”. */
static char *
dup_state (const CfDeadline *deadline,
           GDateTime        *now)
{
  if (deadline->sent != NULL)
    return g_strdup (_("Submitted"));
  if (deadline->due == NULL)
    return g_strdup (_("No due time yet"));

  return cf_deadline_format_time_left (deadline, now);
}

/**
 * cf_cli_print_deadline_step:
 *
 * Prints one step of a case, for `case show`: its name and state, then when
 * it is due and, once submitted, when and to whom.
 */
void
cf_cli_print_deadline_step (const CfDeadline *deadline,
                            GDateTime        *now)
{
  g_autofree char *state = dup_state (deadline, now);
  g_autofree char *due = dup_due_text (deadline);

  cf_cli_print ("  %s: %s\n", cf_report_step_label (deadline->step, deadline->kind), state);
  cf_cli_print_wrapped (due, 4, CF_CLI_TEXT_WIDTH);
  if (deadline->sent != NULL)
    {
      g_autofree char *sent = dup_sent_text (deadline->sent);

      cf_cli_print_wrapped (sent, 4, CF_CLI_TEXT_WIDTH);
    }
}

static void
add_time (JsonBuilder *builder,
          const char  *key,
          GDateTime   *time)
{
  g_autofree char *text = time ? cf_date_time_to_iso (time) : NULL;

  cf_cli_json_add_string (builder, key, text);
}

/**
 * cf_cli_json_add_deadline:
 *
 * Adds one step of a case as an object: what is due, when and why (or why
 * not yet), whether it is overdue, and its submission once recorded.
 */
void
cf_cli_json_add_deadline (JsonBuilder      *builder,
                          const CfDeadline *deadline,
                          GDateTime        *now)
{
  g_autofree char *time_left = cf_deadline_format_time_left (deadline, now);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "case");
  json_builder_add_int_value (builder, deadline->case_id);
  cf_cli_json_add_string (builder, "step", cf_report_step_to_string (deadline->step));
  cf_cli_json_add_string (builder, "step_label",
                          cf_report_step_label (deadline->step, deadline->kind));
  add_time (builder, "due", deadline->due);
  cf_cli_json_add_string (builder, "reason", deadline->due ? NULL : deadline->no_due_reason);
  cf_cli_json_add_string (builder, "basis", deadline->basis);
  json_builder_set_member_name (builder, "overdue");
  json_builder_add_boolean_value (builder, cf_deadline_is_overdue (deadline, now));
  json_builder_set_member_name (builder, "seconds_left");
  if (deadline->due != NULL && deadline->sent == NULL)
    json_builder_add_int_value (builder,
                                g_date_time_difference (deadline->due, now) / G_TIME_SPAN_SECOND);
  else
    json_builder_add_null_value (builder);
  cf_cli_json_add_string (builder, "time_left", time_left);
  cf_cli_json_add_string (builder, "kind", cf_case_kind_to_string (deadline->kind));
  cf_cli_json_add_string (builder, "case_title", deadline->case_title);
  json_builder_set_member_name (builder, "product_id");
  json_builder_add_int_value (builder, deadline->product_id);
  cf_cli_json_add_string (builder, "product_name", deadline->product_name);

  json_builder_set_member_name (builder, "sent");
  if (deadline->sent != NULL)
    {
      json_builder_begin_object (builder);
      cf_cli_json_add_string (builder, "at", deadline->sent->sent_at);
      cf_cli_json_add_string (builder, "to", deadline->sent->recipient);
      cf_cli_json_add_string (builder, "reference", deadline->sent->reference);
      cf_cli_json_add_string (builder, "report_sha256", deadline->sent->report_sha256);
      cf_cli_json_add_string (builder, "recorded_at", deadline->sent->recorded_at);
      cf_cli_json_add_string (builder, "recorded_by", deadline->sent->recorded_by);
      json_builder_end_object (builder);
    }
  else
    json_builder_add_null_value (builder);

  json_builder_end_object (builder);
}

/* deadlines */

static void
print_deadline (const CfDeadline *deadline,
                GDateTime        *now)
{
  g_autofree char *state = dup_state (deadline, now);
  g_autofree char *due = dup_due_text (deadline);
  g_autofree char *about = NULL;

  /* Translators: “Overdue by 2 d 1 h — Early warning, case 3” */
  cf_cli_print (_("%s — %s, case %" PRId64 "\n"), state,
                cf_report_step_label (deadline->step, deadline->kind), deadline->case_id);

  /* Translators: “Vulnerability “Heap overflow” of product 1 (Smart Thermostat)” */
  about = g_strdup_printf (_("%s “%s” of product %" PRId64 " (%s)"),
                           cf_case_kind_label (deadline->kind), deadline->case_title,
                           deadline->product_id, cf_cli_or_dash (deadline->product_name));
  cf_cli_print_wrapped (about, 2, CF_CLI_TEXT_WIDTH);
  cf_cli_print_wrapped (due, 2, CF_CLI_TEXT_WIDTH);
  if (deadline->sent != NULL)
    {
      g_autofree char *sent = dup_sent_text (deadline->sent);

      cf_cli_print_wrapped (sent, 2, CF_CLI_TEXT_WIDTH);
    }
}

int
cf_cli_deadlines (CfCliContext        *ctx,
                  const CfCliCommand  *command,
                  int                  argc,
                  char               **argv)
{
  g_autoptr(GPtrArray) deadlines = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GError) error = NULL;
  g_autofree char *description = NULL;
  gboolean json = FALSE;
  gboolean all = FALSE;
  const GOptionEntry entries[] = {
    { "all", 0, 0, G_OPTION_ARG_NONE, &all,
      N_("Also list the reports already submitted, with when, to whom and the reference"), NULL },
    CF_CLI_JSON_ENTRY (json),
    G_OPTION_ENTRY_NULL
  };
  CfStore *store;
  gint64 product_id = 0;
  int status;

  description = g_strdup_printf (_("Lists the Article 14 reports still to be submitted, of one "
                                   "product or of all products without ID, the soonest due "
                                   "first: the early warning within 24 hours and the "
                                   "notification within 72 hours of becoming aware of an "
                                   "actively exploited vulnerability or a severe incident; the "
                                   "final report 14 days after a fix is available "
                                   "(vulnerability) or one month after the notification "
                                   "(incident). Times are shown in UTC and in local time; a "
                                   "report whose due time is not known yet comes last, saying "
                                   "why. Record a submission with “%s mark-sent”.\n"
                                   "\n"
                                   "Example:\n"
                                   "  %s deadlines --json | jq -r '.[] | select(.overdue) | "
                                   "\"\\(.case) \\(.step)\"'\n"),
                                 CF_CLI_NAME, CF_CLI_NAME);

  if (!cf_cli_parse_command (command, _("[ID]"), description, entries, NULL, &argc, &argv,
                             &status))
    return status;

  if (!cf_cli_check_arguments (argc, argv, 0, 1, NULL, &error) ||
      (argc == 2 && !cf_cli_parse_id (argv[1], &product_id, &error)))
    return cf_cli_report (command->path, error);

  if (product_id != 0)
    {
      if (!cf_cli_open_product_store (ctx, product_id, &store, &error))
        return cf_cli_report (command->path, error);
    }
  else if (!cf_cli_open_store (ctx, CF_CLI_OPEN_EXISTING, &store, &error))
    return cf_cli_report (command->path, error);

  if (store != NULL)
    {
      deadlines = cf_store_list_deadlines (store, product_id, all, &error);
      if (deadlines == NULL)
        return cf_cli_report (command->path, error);
    }
  else
    deadlines = g_ptr_array_new ();

  if (json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_builder_begin_array (builder);
      for (guint i = 0; i < deadlines->len; i++)
        cf_cli_json_add_deadline (builder, g_ptr_array_index (deadlines, i), now);
      json_builder_end_array (builder);
      cf_cli_json_print (builder);
    }
  else if (deadlines->len == 0)
    cf_cli_print_wrapped (_("No Article 14 report is due: no actively exploited vulnerability "
                            "or severe incident awaits one."), 0, CF_CLI_TEXT_WIDTH);
  else
    for (guint i = 0; i < deadlines->len; i++)
      {
        if (i > 0)
          cf_cli_print ("\n");
        print_deadline (g_ptr_array_index (deadlines, i), now);
      }

  return CF_CLI_EXIT_OK;
}

/* update add, update list */

/* The case ids of --fixes: “3,5” or “3 5”. */
static gboolean
parse_fixes (const char  *text,
             GArray      *fixes,
             GError     **error)
{
  g_autofree char *shown = cf_cli_dup_text (text);
  g_auto(GStrv) items = g_regex_split_simple ("[\\s,]+", shown, 0, 0);

  for (guint i = 0; items[i] != NULL; i++)
    {
      gint64 case_id;

      if (*items[i] == '\0')
        continue;
      if (!cf_cli_parse_id (items[i], &case_id, error))
        {
          g_prefix_error (error, _("--fixes takes case ids separated by commas: "));
          return FALSE;
        }
      g_array_append_val (fixes, case_id);
    }

  if (fixes->len == 0)
    {
      g_set_error_literal (error, CF_CLI_ERROR, CF_CLI_ERROR_USAGE,
                           _("--fixes needs the ids of the cases the update fixes."));
      return FALSE;
    }

  return TRUE;
}

static char *
dup_fix_list (CfSecurityUpdate *update)
{
  GArray *fixes = cf_security_update_get_fixes (update);
  g_autoptr(GString) list = g_string_new (NULL);

  for (guint i = 0; i < fixes->len; i++)
    g_string_append_printf (list, "%s%" G_GINT64_FORMAT, i > 0 ? ", " : "",
                            g_array_index (fixes, gint64, i));

  return g_string_free (g_steal_pointer (&list), FALSE);
}

static void
json_add_update (JsonBuilder      *builder,
                 CfSecurityUpdate *update)
{
  GArray *fixes = cf_security_update_get_fixes (update);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "id");
  json_builder_add_int_value (builder, cf_record_get_id (CF_RECORD (update)));
  json_builder_set_member_name (builder, "product_id");
  json_builder_add_int_value (builder, cf_security_update_get_product_id (update));
  cf_cli_json_add_record (builder, CF_RECORD (update));
  json_builder_set_member_name (builder, "fixes");
  json_builder_begin_array (builder);
  for (guint i = 0; i < fixes->len; i++)
    json_builder_add_int_value (builder, g_array_index (fixes, gint64, i));
  json_builder_end_array (builder);
  json_builder_end_object (builder);
}

int
cf_cli_update_add (CfCliContext        *ctx,
                   const CfCliCommand  *command,
                   int                  argc,
                   char               **argv)
{
  g_autoptr(CfSecurityUpdate) update = cf_security_update_new ();
  g_autoptr(GArray) fixes = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GPtrArray) missing = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *description = NULL;
  g_autofree char *version = NULL;
  g_autofree char *released = NULL;
  g_autofree char *notes = NULL;
  g_autofree char *fixes_text = NULL;
  gboolean json = FALSE;
  const GOptionEntry entries[] = {
    { "version", 0, 0, G_OPTION_ARG_FILENAME, &version,
      N_("The version released (required)"), N_("VERSION") },
    { "released", 0, 0, G_OPTION_ARG_FILENAME, &released,
      N_("The day it was released (required)"), N_("YYYY-MM-DD") },
    { "notes", 0, 0, G_OPTION_ARG_FILENAME, &notes,
      N_("The release notes"), N_("TEXT") },
    { "fixes", 0, 0, G_OPTION_ARG_FILENAME, &fixes_text,
      N_("The vulnerabilities it fixes, by case id"), N_("CASE[,CASE…]") },
    CF_CLI_JSON_ENTRY (json),
    G_OPTION_ENTRY_NULL
  };
  /* The options, in the order of the update's fields. */
  const char *names[] = { "version", "released-on", "notes" };
  char **values[] = { &version, &released, &notes };
  guint n_specs;
  const CfFieldSpec *specs = cf_record_get_specs (CF_RECORD (update), &n_specs);
  CfStore *store;
  gint64 product_id;
  gint64 id;
  int status;

  description = g_strdup_printf (_("Records a security update released for the product (Annex "
                                   "I Part II (7), (8)) and prints its id alone. Each case it "
                                   "fixes (--fixes) must be a vulnerability of the product: it "
                                   "is linked to the update, marked mitigated if it was open, "
                                   "and where no time was recorded for its fix the start of the "
                                   "release day (UTC) is taken, which starts the 14 days of its "
                                   "final report.\n"
                                   "\n"
                                   "Example:\n"
                                   "  %s update add 1 --version 2.4.2 --released 2026-11-25 "
                                   "--fixes 3,5 --notes \"Fixes the heap overflow in the web "
                                   "interface.\"\n"),
                                 CF_CLI_NAME);

  if (!cf_cli_parse_command (command, _("ID"), description, entries, NULL, &argc, &argv, &status))
    return status;

  if (!cf_cli_check_arguments (argc, argv, 1, 1, _("Which product? Give its id."), &error) ||
      !cf_cli_parse_id (argv[1], &product_id, &error))
    return cf_cli_report (command->path, error);

  if (version == NULL)
    g_ptr_array_add (missing, (gpointer) "--version");
  if (released == NULL)
    g_ptr_array_add (missing, (gpointer) "--released");
  if (missing->len > 0)
    {
      g_autofree char *list = NULL;

      g_ptr_array_add (missing, NULL);
      list = g_strjoinv (", ", (char **) missing->pdata);
      return cf_cli_usage_error (command->path, _("A security update needs %s."), list);
    }

  if (fixes_text != NULL && !parse_fixes (fixes_text, fixes, &error))
    return cf_cli_report (command->path, error);

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      const CfFieldSpec *spec = cf_field_spec_find (specs, n_specs, names[i]);
      g_autofree char *value = NULL;

      if (*values[i] == NULL)
        continue;
      value = cf_cli_dup_text_argument (*values[i]);
      if (!cf_cli_check_value (spec, value, &error))
        return cf_cli_report (command->path, error);
      cf_record_set_field (CF_RECORD (update), names[i], value);
    }
  for (guint i = 0; i < fixes->len; i++)
    cf_security_update_add_fix (update, g_array_index (fixes, gint64, i));

  if (!cf_cli_open_product_store (ctx, product_id, &store, &error))
    return cf_cli_report (command->path, error);

  id = cf_store_add_security_update (store, product_id, update, &error);
  if (id == 0)
    return cf_cli_report (command->path, error);

  if (json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_add_update (builder, update);
      cf_cli_json_print (builder);
    }
  else
    cf_cli_print ("%" G_GINT64_FORMAT "\n", id);

  return CF_CLI_EXIT_OK;
}

int
cf_cli_update_list (CfCliContext        *ctx,
                    const CfCliCommand  *command,
                    int                  argc,
                    char               **argv)
{
  g_autoptr(GPtrArray) updates = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *description = NULL;
  gboolean json = FALSE;
  const GOptionEntry entries[] = { CF_CLI_JSON_ENTRY (json), G_OPTION_ENTRY_NULL };
  CfStore *store;
  gint64 product_id;
  int status;

  description = g_strdup_printf (_("Lists the product’s security updates, the latest release "
                                   "first, with the cases each fixes.\n"
                                   "\n"
                                   "Example:\n"
                                   "  %s update list 1 --json\n"),
                                 CF_CLI_NAME);

  if (!cf_cli_parse_command (command, _("ID"), description, entries, NULL, &argc, &argv, &status))
    return status;

  if (!cf_cli_check_arguments (argc, argv, 1, 1, _("Which product? Give its id."), &error) ||
      !cf_cli_parse_id (argv[1], &product_id, &error))
    return cf_cli_report (command->path, error);

  if (!cf_cli_open_product_store (ctx, product_id, &store, &error))
    return cf_cli_report (command->path, error);

  updates = cf_store_list_security_updates (store, product_id, &error);
  if (updates == NULL)
    return cf_cli_report (command->path, error);

  if (json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_builder_begin_array (builder);
      for (guint i = 0; i < updates->len; i++)
        json_add_update (builder, g_ptr_array_index (updates, i));
      json_builder_end_array (builder);
      cf_cli_json_print (builder);
    }
  else if (updates->len == 0)
    cf_cli_print (_("No security update of product %" PRId64 " is recorded. Record one with "
                    "“%s update add %" PRId64 " --version VERSION --released YYYY-MM-DD”.\n"),
                  product_id, CF_CLI_NAME, product_id);
  else
    {
      g_autoptr(CfCliTable) table = cf_cli_table_new (4);

      cf_cli_table_set_width (table, CF_CLI_TEXT_WIDTH);
      cf_cli_table_add_row (table, (const char *[]) {
                              _("UPDATE"), _("VERSION"), _("RELEASED"), _("FIXES CASES") });
      for (guint i = 0; i < updates->len; i++)
        {
          CfSecurityUpdate *update = g_ptr_array_index (updates, i);
          g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT,
                                                 cf_record_get_id (CF_RECORD (update)));
          g_autofree char *fixes = dup_fix_list (update);

          cf_cli_table_add_row (table, (const char *[]) {
                                  id, cf_record_get_field (CF_RECORD (update), "version"),
                                  cf_record_get_field (CF_RECORD (update), "released-on"),
                                  cf_cli_or_dash (fixes) });
        }
      cf_cli_table_print (table);
    }

  return CF_CLI_EXIT_OK;
}

/* The support period, for `product show` */

typedef struct
{
  GDate *end;
  char  *label;     /* “December 2031”, nullable */
  char  *warning;   /* nullable */
} SupportPeriod;

static void
support_period_clear (SupportPeriod *period)
{
  g_clear_pointer (&period->end, g_date_free);
  g_free (period->label);
  g_free (period->warning);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (SupportPeriod, support_period_clear)

/* Users are to know until when they get security updates (Article 13(19));
 * a year ahead is when a manufacturer has to start telling them. */
static gboolean
read_support_period (CfProduct     *product,
                     SupportPeriod *period)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDate) today = g_date_new_dmy (g_date_time_get_day_of_month (now),
                                           g_date_time_get_month (now),
                                           g_date_time_get_year (now));
  g_autoptr(GDate) horizon = NULL;
  g_autoptr(CfCatalogue) catalogue = NULL;
  g_autofree char *end_text = NULL;

  period->end = cf_field_parse_date (cf_record_get_field (CF_RECORD (product), "support-end"));
  if (period->end == NULL)
    return FALSE;

  /* The label is the lifecycle's, the one the documents print; without the
   * catalogue, the date alone still says it. */
  catalogue = cf_catalogue_load_default (NULL);
  if (catalogue != NULL)
    {
      g_autoptr(CfLifecycle) lifecycle = cf_lifecycle_compute (catalogue, product, today);

      period->label = g_strdup (lifecycle->end_of_support_label);
    }

  horizon = g_date_copy (today);
  g_date_add_months (horizon, 12);
  end_text = cf_date_to_iso (period->end);
  if (g_date_compare (period->end, today) < 0)
    period->warning = g_strdup_printf (_("The support period ended on %s: users no longer "
                                         "receive security updates (Article 13(8)); tell them "
                                         "so where technically feasible (Article 13(19))."),
                                       end_text);
  else if (g_date_compare (period->end, horizon) <= 0)
    period->warning = g_strdup_printf (_("The support period ends on %s, within 12 months: "
                                         "plan the last security updates and tell users when "
                                         "they stop (Article 13(19))."),
                                       end_text);

  return TRUE;
}

/**
 * cf_cli_support_period_add_pairs:
 *
 * Adds “Security updates until” and, when the support period ends within
 * 12 months or has ended, a warning to a key-value table.
 */
void
cf_cli_support_period_add_pairs (CfCliTable *table,
                                 CfProduct  *product)
{
  g_auto(SupportPeriod) period = { NULL, };
  g_autofree char *end_text = NULL;
  g_autofree char *text = NULL;

  if (!read_support_period (product, &period))
    return;

  end_text = cf_date_to_iso (period.end);
  /* Translators: the end of the support period, “December 2031 (2031-12-31)” */
  text = period.label ? g_strdup_printf (_("%s (%s)"), period.label, end_text)
                      : g_strdup (end_text);
  cf_cli_table_add_pair (table, _("Security updates until"), text);
  if (period.warning != NULL)
    cf_cli_table_add_pair (table, _("Warning"), period.warning);
}

/**
 * cf_cli_support_period_add_json:
 * @object: the product's JSON object
 *
 * Adds "security_updates_until", its month-and-year label, and
 * "support_warning" (null unless the end is within 12 months or past).
 */
void
cf_cli_support_period_add_json (JsonObject *object,
                                CfProduct  *product)
{
  g_auto(SupportPeriod) period = { NULL, };

  if (!read_support_period (product, &period))
    {
      json_object_set_null_member (object, "security_updates_until");
      json_object_set_null_member (object, "security_updates_until_label");
      json_object_set_null_member (object, "support_warning");
      return;
    }

  json_object_set_string_member (object, "security_updates_until",
                                 cf_record_get_field (CF_RECORD (product), "support-end"));
  if (period.label != NULL)
    json_object_set_string_member (object, "security_updates_until_label", period.label);
  else
    json_object_set_null_member (object, "security_updates_until_label");
  if (period.warning != NULL)
    json_object_set_string_member (object, "support_warning", period.warning);
  else
    json_object_set_null_member (object, "support_warning");
}

/* Writing what the commands produce */

/* Writes @data to @path through a temporary file renamed into place: a
 * reader never sees half a report, and on failure an existing file stays. */
static gboolean
write_output (const char  *path,
              const char  *data,
              gsize        length,
              GError     **error)
{
  g_autoptr(GError) local_error = NULL;

  if (!g_file_set_contents_full (path, data, length, G_FILE_SET_CONTENTS_CONSISTENT, 0666,
                                 &local_error))
    {
      g_autofree char *shown = g_filename_display_name (path);

      g_set_error (error, local_error->domain, local_error->code,
                   _("Cannot write “%s”: %s"), shown, local_error->message);
      return FALSE;
    }

  return TRUE;
}

/* Prints @text, or writes it to @out. */
static gboolean
print_or_write (const char  *text,
                const char  *out,
                GError     **error)
{
  if (out == NULL)
    {
      cf_cli_print ("%s%s", text, g_str_has_suffix (text, "\n") ? "" : "\n");
      return TRUE;
    }

  return write_output (out, text, strlen (text), error);
}

/* report */

static gboolean
parse_report_kind (const char        *text,
                   CfCaseReportKind  *kind,
                   GError           **error)
{
  g_autofree char *shown = NULL;

  if (text == NULL)
    {
      g_set_error_literal (error, CF_CLI_ERROR, CF_CLI_ERROR_USAGE,
                           _("--step is required: early-warning, notification, final-report "
                             "or user-information."));
      return FALSE;
    }

  shown = cf_cli_dup_text (text);
  if (!cf_case_report_kind_from_string (g_strstrip (shown), kind))
    {
      g_set_error (error, CF_CLI_ERROR, CF_CLI_ERROR_USAGE,
                   _("“%s” is not a step; use early-warning, notification, final-report or "
                     "user-information."), shown);
      return FALSE;
    }

  return TRUE;
}

/* One line on stderr: the report is produced, but whoever submits it must
 * know which items the regulation asks for are still empty. */
static void
note_missing (CfCaseReport *report)
{
  g_auto(GStrv) missing = cf_case_report_dup_missing (report);
  g_autofree char *list = NULL;

  if (missing == NULL || missing[0] == NULL)
    return;

  list = g_strjoinv ("; ", missing);
  cf_cli_printerr (_("%s: note: %s still lacks: %s.\n"), CF_CLI_NAME,
                   cf_case_report_get_title (report), list);
}

int
cf_cli_report_case (CfCliContext        *ctx,
                    const CfCliCommand  *command,
                    int                  argc,
                    char               **argv)
{
  g_autoptr(CfCaseReport) report = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GError) error = NULL;
  g_autofree char *description = NULL;
  g_autofree char *step = NULL;
  g_autofree char *out = NULL;
  g_autofree char *text_out = NULL;
  const GOptionEntry entries[] = {
    { "step", 0, 0, G_OPTION_ARG_FILENAME, &step,
      N_("The report: early-warning, notification, final-report or user-information (required)"),
      N_("STEP") },
    { "out", 0, 0, G_OPTION_ARG_FILENAME, &out, N_("Write the report as a PDF to this file"),
      N_("FILE") },
    { "text", 0, 0, G_OPTION_ARG_FILENAME, &text_out,
      N_("Write the report as plain text to this file"), N_("FILE") },
    G_OPTION_ENTRY_NULL
  };
  CfCaseReportKind kind;
  CfStore *store;
  gint64 case_id;
  int status;

  description = g_strdup_printf (_("Prepares a report of Article 14 from what is recorded now: "
                                   "the early warning, the notification or the final report to "
                                   "the CSIRT designated as coordinator, or the information to "
                                   "users about the vulnerability or incident (Article 14(8)). "
                                   "Without --out or --text it prints the report as structured "
                                   "text, ready to paste into the single reporting platform. A "
                                   "note on stderr lists the items the regulation asks for that "
                                   "are still empty. Nothing is recorded: once submitted, say so "
                                   "with “%s mark-sent”.\n"
                                   "\n"
                                   "Example:\n"
                                   "  %s report 3 --step early-warning --out early-warning.pdf\n"),
                                 CF_CLI_NAME, CF_CLI_NAME);

  if (!cf_cli_parse_command (command, _("CASE"), description, entries, NULL, &argc, &argv,
                             &status))
    return status;

  if (!cf_cli_check_arguments (argc, argv, 1, 1, _("Which case? Give its id."), &error) ||
      !cf_cli_parse_id (argv[1], &case_id, &error) ||
      !parse_report_kind (step, &kind, &error))
    return cf_cli_report (command->path, error);

  /* Before anything is built: a bad destination is a mistake to fix first. */
  if ((out != NULL && !cf_cli_check_output_file (out, &error)) ||
      (text_out != NULL && !cf_cli_check_output_file (text_out, &error)))
    return cf_cli_report (command->path, error);

  if (!cf_cli_open_case_store (ctx, case_id, &store, &error))
    return cf_cli_report (command->path, error);

  report = cf_case_report_build (store, case_id, kind, now, &error);
  if (report == NULL)
    return cf_cli_report (command->path, error);

  if (out != NULL)
    {
      g_autoptr(GBytes) pdf = cf_case_report_to_pdf (report, NULL, &error);

      if (pdf == NULL ||
          !write_output (out, g_bytes_get_data (pdf, NULL), g_bytes_get_size (pdf), &error))
        return cf_cli_report (command->path, error);
    }

  if (text_out != NULL || out == NULL)
    {
      g_autofree char *text = cf_case_report_to_text (report);

      if (!print_or_write (text, text_out, &error))
        return cf_cli_report (command->path, error);
    }

  /* The text says it too; a file written from a script needs saying here. */
  if (out != NULL || text_out != NULL)
    note_missing (report);

  return CF_CLI_EXIT_OK;
}

/* mark-sent */

/* Where the report went: --to, else the CSIRT recorded for the manufacturer. */
static char *
dup_recipient (CfStore     *store,
               const char  *to,
               GError     **error)
{
  g_autoptr(CfManufacturer) manufacturer = NULL;
  g_autoptr(GError) local_error = NULL;
  const char *csirt = NULL;

  if (to != NULL)
    return cf_cli_dup_text_argument (to);

  manufacturer = cf_store_get_manufacturer (store, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  if (manufacturer != NULL)
    csirt = cf_record_get_field (CF_RECORD (manufacturer), "csirt");

  if (csirt == NULL || *csirt == '\0')
    {
      g_set_error (error, CF_CLI_ERROR, CF_CLI_ERROR_USAGE,
                   _("To whom was it submitted? Give --to, or record the CSIRT designated as "
                     "coordinator with “%s manufacturer set --csirt NAME”."), CF_CLI_NAME);
      return NULL;
    }

  return g_strdup (csirt);
}

int
cf_cli_mark_sent (CfCliContext        *ctx,
                  const CfCliCommand  *command,
                  int                  argc,
                  char               **argv)
{
  g_autoptr(CfCaseReport) report = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GError) error = NULL;
  g_autofree char *description = NULL;
  g_autofree char *step = NULL;
  g_autofree char *at = NULL;
  g_autofree char *to = NULL;
  g_autofree char *reference = NULL;
  g_autofree char *at_text = NULL;
  g_autofree char *reference_text = NULL;
  g_autofree char *recipient = NULL;
  g_autofree char *text = NULL;
  const GOptionEntry entries[] = {
    { "step", 0, 0, G_OPTION_ARG_FILENAME, &step,
      N_("The report submitted: early-warning, notification or final-report (required)"),
      N_("STEP") },
    { "at", 0, 0, G_OPTION_ARG_FILENAME, &at,
      N_("When it was submitted, in ISO 8601 (required)"), N_("ISO8601") },
    { "to", 0, 0, G_OPTION_ARG_FILENAME, &to,
      N_("The CSIRT or the channel it went to (default: the manufacturer’s CSIRT)"),
      N_("RECIPIENT") },
    { "reference", 0, 0, G_OPTION_ARG_FILENAME, &reference,
      N_("The reference number the platform or the CSIRT gave"), N_("REF") },
    G_OPTION_ENTRY_NULL
  };
  CfCaseReportKind kind;
  CfStore *store;
  gint64 case_id;
  int status;

  description = g_strdup_printf (_("Records that a report of Article 14 was submitted: when, to "
                                   "whom and under which reference. The report as prepared now "
                                   "(what “%s report” prints) is kept with its SHA-256, so the "
                                   "record shows what was sent. A step is recorded once and "
                                   "never changes. Recording the incident notification starts "
                                   "the month of the incident’s final report.\n"
                                   "\n"
                                   "Example:\n"
                                   "  %s mark-sent 3 --step early-warning --at "
                                   "2026-11-21T15:10+01:00 --reference CSIRT-2026-0042\n"),
                                 CF_CLI_NAME, CF_CLI_NAME);

  if (!cf_cli_parse_command (command, _("CASE"), description, entries, NULL, &argc, &argv,
                             &status))
    return status;

  if (!cf_cli_check_arguments (argc, argv, 1, 1, _("Which case? Give its id."), &error) ||
      !cf_cli_parse_id (argv[1], &case_id, &error) ||
      !parse_report_kind (step, &kind, &error))
    return cf_cli_report (command->path, error);

  if (kind == CF_CASE_REPORT_USERS)
    return cf_cli_usage_error (command->path, "%s",
                               _("The information to users is not submitted to a CSIRT; "
                                 "mark-sent records early-warning, notification or "
                                 "final-report."));

  if (at == NULL)
    return cf_cli_usage_error (command->path, "%s",
                               _("--at is required: when the report was submitted, in ISO "
                                 "8601."));

  at_text = cf_cli_dup_text_argument (at);
  reference_text = cf_cli_dup_text_argument (reference);

  if (!cf_cli_open_case_store (ctx, case_id, &store, &error))
    return cf_cli_report (command->path, error);

  /* The report is built first: it refuses a case Article 14 does not cover. */
  report = cf_case_report_build (store, case_id, kind, now, &error);
  if (report == NULL)
    return cf_cli_report (command->path, error);

  recipient = dup_recipient (store, to, &error);
  if (recipient == NULL)
    return cf_cli_report (command->path, error);

  text = cf_case_report_to_text (report);
  if (!cf_store_mark_step_sent (store, case_id, (CfReportStep) kind, at_text, recipient,
                                reference_text, text, &error))
    return cf_cli_report (command->path, error);

  return CF_CLI_EXIT_OK;
}

/* csaf, vex */

int
cf_cli_csaf (CfCliContext        *ctx,
             const CfCliCommand  *command,
             int                  argc,
             char               **argv)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GError) error = NULL;
  g_autofree char *description = NULL;
  g_autofree char *out = NULL;
  const GOptionEntry entries[] = {
    { "out", 0, 0, G_OPTION_ARG_FILENAME, &out, N_("Write the advisory to this file"),
      N_("FILE") },
    G_OPTION_ENTRY_NULL
  };
  g_autofree char *json = NULL;
  CfStore *store;
  gint64 case_id;
  int status;

  description = g_strdup_printf (_("Writes a CSAF 2.0 security advisory for a vulnerability, "
                                   "in JSON, to the standard output or to a file: for the "
                                   "information to users (Article 14(8)) and for those who "
                                   "process advisories automatically.\n"
                                   "\n"
                                   "Example:\n"
                                   "  %s csaf 3 --out advisory.json\n"),
                                 CF_CLI_NAME);

  if (!cf_cli_parse_command (command, _("CASE"), description, entries, NULL, &argc, &argv,
                             &status))
    return status;

  if (!cf_cli_check_arguments (argc, argv, 1, 1, _("Which case? Give its id."), &error) ||
      !cf_cli_parse_id (argv[1], &case_id, &error) ||
      (out != NULL && !cf_cli_check_output_file (out, &error)) ||
      !cf_cli_open_case_store (ctx, case_id, &store, &error))
    return cf_cli_report (command->path, error);

  json = cf_csaf_build (store, case_id, now, &error);
  if (json == NULL || !print_or_write (json, out, &error))
    return cf_cli_report (command->path, error);

  return CF_CLI_EXIT_OK;
}

int
cf_cli_vex (CfCliContext        *ctx,
            const CfCliCommand  *command,
            int                  argc,
            char               **argv)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GError) error = NULL;
  g_autofree char *description = NULL;
  g_autofree char *out = NULL;
  g_autofree char *json = NULL;
  const GOptionEntry entries[] = {
    { "out", 0, 0, G_OPTION_ARG_FILENAME, &out, N_("Write the VEX to this file"), N_("FILE") },
    G_OPTION_ENTRY_NULL
  };
  CfStore *store;
  gint64 product_id;
  int status;

  description = g_strdup_printf (_("Writes a CycloneDX VEX (Vulnerability Exploitability "
                                   "eXchange) of the product’s vulnerabilities, in JSON, to the "
                                   "standard output or to a file: which of them affect the "
                                   "product, and which are fixed, by which update.\n"
                                   "\n"
                                   "Example:\n"
                                   "  %s vex 1 --out vex.cdx.json\n"),
                                 CF_CLI_NAME);

  if (!cf_cli_parse_command (command, _("ID"), description, entries, NULL, &argc, &argv, &status))
    return status;

  if (!cf_cli_check_arguments (argc, argv, 1, 1, _("Which product? Give its id."), &error) ||
      !cf_cli_parse_id (argv[1], &product_id, &error) ||
      (out != NULL && !cf_cli_check_output_file (out, &error)) ||
      !cf_cli_open_product_store (ctx, product_id, &store, &error))
    return cf_cli_report (command->path, error);

  json = cf_vex_build (store, product_id, now, &error);
  if (json == NULL || !print_or_write (json, out, &error))
    return cf_cli_report (command->path, error);

  return CF_CLI_EXIT_OK;
}
