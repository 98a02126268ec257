/* cf-case-report.c — what Article 14 asks at each step, filled from a case
 *
 * Copyright 2026 The Conformity Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A report is gathered once, in build(), into a header and a list of items
 * labelled with the regulation's own wording; the text and the PDF are two
 * views of the same items, so they never disagree.
 *
 * The reports are written in English whatever the window's language: they
 * go to a CSIRT through ENISA's platform and are pasted there as they are.
 * The labels are still marked for translation, because the window shows
 * them (cf_case_report_dup_missing(), the title). While a report is written,
 * the calling thread reads messages in the "C" locale (see EnglishScope),
 * so that the core's own labels it quotes — the Member States' names, the
 * suspicion, the deadline's basis — come out in English too.
 */
#define G_LOG_DOMAIN "cf-case-report"

#include "config.h"

#include <inttypes.h>
#include <locale.h>

#include <glib/gi18n-lib.h>

#include "cf-case-report-private.h"
#include "cf-cvss.h"
#include "cf-error.h"
#include "cf-field.h"
#include "cf-member-state.h"

#define REGULATION "Regulation (EU) 2024/2847"

static const char * const kind_names[] = {
  "early-warning", "notification", "final-report", "user-information"
};

/* The "C" locale for messages only: the character set and everything else
 * stay the process's. uselocale() is per thread, so a report written in a
 * worker leaves the window's language alone. */
static locale_t
english_locale (void)
{
  static locale_t english;
  static gsize once = 0;

  if (g_once_init_enter (&once))
    {
      locale_t base = duplocale (LC_GLOBAL_LOCALE);

      english = base != (locale_t) 0 ? newlocale (LC_MESSAGES_MASK, "C", base) : (locale_t) 0;
      if (english == (locale_t) 0 && base != (locale_t) 0)
        freelocale (base);
      g_once_init_leave (&once, 1);
    }
  return english;
}

EnglishScope
_cf_case_report_enter_english (void)
{
  locale_t english = english_locale ();
  EnglishScope scope = { (locale_t) 0 };

  if (english != (locale_t) 0)
    scope.previous = uselocale (english);
  return scope;
}

void
_cf_case_report_leave_english (EnglishScope *scope)
{
  if (scope->previous != (locale_t) 0)
    uselocale (scope->previous);
  scope->previous = (locale_t) 0;
}

static void
entry_free (gpointer data)
{
  CfReportEntry *entry = data;

  g_free (entry->reference);
  g_free (entry->value);
  g_free (entry);
}

static gboolean
is_filled (const char *text)
{
  if (text == NULL)
    return FALSE;
  for (const char *p = text; *p != '\0'; p++)
    if (!g_ascii_isspace (*p))
      return TRUE;
  return FALSE;
}

static const char *
field (gpointer    record,
       const char *name)
{
  const char *value = record != NULL ? cf_record_get_field (CF_RECORD (record), name) : NULL;

  return is_filled (value) ? value : NULL;
}

/* @label is an N_() string; @value is taken. An empty value is shown as
 * missing and listed, never dropped. */
static void
add_entry (GPtrArray    *entries,
           CfCaseReport *report,
           const char   *label,
           const char   *reference,
           char         *value)
{
  CfReportEntry *entry = g_new0 (CfReportEntry, 1);

  entry->label = label;
  entry->reference = g_strdup (reference);
  if (is_filled (value))
    entry->value = value;
  else
    {
      g_free (value);
      g_ptr_array_add (report->missing, (gpointer) label);
    }
  g_ptr_array_add (entries, entry);
}

/* For what the regulation does not ask, only the header shows: when
 * empty, @absent says so, and nothing is listed as missing. */
static void
add_optional (GPtrArray  *entries,
              const char *label,
              const char *value,
              const char *absent)
{
  CfReportEntry *entry = g_new0 (CfReportEntry, 1);

  entry->label = label;
  entry->value = g_strdup (is_filled (value) ? value : absent);
  g_ptr_array_add (entries, entry);
}

static void
append_line (GString    *out,
             const char *text)
{
  if (!is_filled (text))
    return;
  if (out->len > 0)
    g_string_append_c (out, '\n');
  g_string_append (out, text);
}

static char *
take_string (GString *out)
{
  return g_string_free (out, out->len == 0);
}

static char *
product_summary (CfProduct *product)
{
  GString *out = g_string_new (NULL);
  g_autofree char *name = cf_product_dup_display_name (product);
  const char *version = field (product, "version");

  if (version != NULL)
    g_string_append_printf (out, _("%s, version %s"), name, version);
  else
    g_string_append (out, name);
  return take_string (out);
}

/* The severity the case records, with its CVSS base score when a vector is
 * given. */
static char *
severity_and_impact (CfCase *c)
{
  GString *out = g_string_new (NULL);
  const char *vector = field (c, "cvss-vector");

  append_line (out, field (c, "impact"));
  if (vector != NULL)
    {
      g_autoptr(CfCvss) cvss = cf_cvss_parse (vector, NULL);
      g_autofree char *line = NULL;

      if (cvss != NULL)
        line = g_strdup_printf (_("CVSS %s base score %.1f (%s): %s"), cvss->version,
                                cvss->base_score, cf_cvss_severity_label (cvss->severity),
                                cvss->vector);
      else
        line = g_strdup_printf (_("CVSS vector: %s"), vector);
      append_line (out, line);
    }
  return take_string (out);
}

/* The fix the case records and the security update that ships it. */
static char *
fix_details (CfCase           *c,
             CfSecurityUpdate *update)
{
  GString *out = g_string_new (NULL);
  g_autoptr(GDateTime) fixed_at = cf_case_dup_fix_available_at (c);

  append_line (out, field (c, "fix"));
  if (fixed_at != NULL)
    {
      g_autofree char *when = cf_format_utc_and_local (fixed_at, NULL);
      g_autofree char *line = g_strdup_printf (_("Available since %s"), when);

      append_line (out, line);
    }
  if (update != NULL)
    {
      g_autofree char *line = NULL;

      line = g_strdup_printf (_("Security update %s, released on %s"),
                              field (update, "version"), field (update, "released-on"));
      append_line (out, line);
      append_line (out, field (update, "notes"));
    }
  return take_string (out);
}

static char *
member_states (CfProduct *product)
{
  return cf_member_states_describe (field (product, "member-states"));
}

/* The fixed header: who sends what, to whom, about which product and case,
 * and by when. */
static void
add_report_header (CfCaseReport   *report,
                   CfCase         *c,
                   CfProduct      *product,
                   CfManufacturer *manufacturer,
                   CfDeadline     *deadline,
                   GDateTime      *now)
{
  gboolean incident = report->case_kind == CF_CASE_INCIDENT;
  const char *state = field (manufacturer, "main-establishment");
  const char *state_name = state != NULL ? cf_member_state_name (state) : NULL;
  g_autoptr(GDateTime) aware_at = cf_case_dup_aware_at (c);
  g_autofree char *label = cf_case_dup_label (c);

  add_entry (report->header, report, N_("Recipient (the CSIRT designated as coordinator)"), NULL,
             g_strdup (field (manufacturer, "csirt")));
  add_entry (report->header, report, N_("Member State of the main establishment (Article 14(7))"),
             NULL,
             state_name != NULL ? g_strdup_printf ("%s (%s)", state_name, state) : g_strdup (state));
  add_entry (report->header, report, N_("Submitted via"), NULL,
             g_strdup_printf (_("the single reporting platform (Article 16), simultaneously "
                                "accessible to ENISA (Article 14(%s) and (7))"),
                              incident ? "3" : "1"));
  add_entry (report->header, report, N_("Manufacturer"), NULL, g_strdup (field (manufacturer, "name")));
  add_entry (report->header, report, N_("Postal address"), NULL,
             g_strdup (field (manufacturer, "address")));
  add_entry (report->header, report, N_("Contact email"), NULL, g_strdup (field (manufacturer, "email")));
  add_entry (report->header, report, N_("Product"), NULL, g_strdup (field (product, "name")));
  add_entry (report->header, report, N_("Model or type"), NULL, g_strdup (field (product, "model")));
  add_optional (report->header, N_("Version"), field (product, "version"), _("Not stated"));
  add_entry (report->header, report, N_("Case"), NULL,
             g_strdup_printf ("%s — %s", label, cf_case_get_title (c)));
  if (!incident)
    add_optional (report->header, N_("CVE or other identifier"), field (c, "reference"),
                  _("None assigned yet"));
  add_entry (report->header, report, N_("Became aware at"), NULL,
             aware_at != NULL ? cf_format_utc_and_local (aware_at, NULL) : NULL);
  add_entry (report->header, report, N_("Prepared at"), NULL, cf_format_utc_and_local (now, NULL));

  /* Every step of a reportable case has a deadline; no due time is not a
   * missing item but a fact, with its reason. */
  if (deadline->due != NULL)
    {
      g_autofree char *due = cf_format_utc_and_local (deadline->due, NULL);

      add_entry (report->header, report, N_("Due"), NULL,
                 g_strdup_printf ("%s — %s", due, deadline->basis));
    }
  else
    add_entry (report->header, report, N_("Due"), NULL,
               g_strdup_printf (_("Not known yet. %s"), deadline->no_due_reason));

  if (deadline->sent != NULL)
    {
      g_autoptr(GDateTime) sent_at = cf_field_parse_date_time (deadline->sent->sent_at);
      g_autofree char *when = sent_at != NULL ? cf_format_utc_and_local (sent_at, NULL)
                                              : g_strdup (deadline->sent->sent_at);

      add_entry (report->header, report, N_("Already submitted"), NULL,
                 deadline->sent->reference != NULL
                 ? g_strdup_printf (_("%s, reference %s"), when, deadline->sent->reference)
                 : g_steal_pointer (&when));
    }
}

static void
add_early_warning (CfCaseReport *report,
                   CfCase       *c,
                   CfProduct    *product)
{
  if (report->case_kind == CF_CASE_INCIDENT)
    {
      /* "Not yet known" is a truthful answer within 24 hours: it is shown,
       * not listed as missing. */
      add_entry (report->items, report,
                 N_("Whether the incident is suspected of being caused by unlawful or malicious acts"),
                 "Article 14(4)(a)", g_strdup (cf_suspicion_label (cf_case_get_suspicion (c))));
      /* "Where applicable": a product on the Union market is made available
       * somewhere, so an empty list is missing, not "none". */
      add_entry (report->items, report,
                 N_("The Member States on the territory of which the manufacturer is aware that "
                    "the product with digital elements has been made available"),
                 "Article 14(4)(a)", member_states (product));
    }
  else
    /* Only the Member States: whether unlawful or malicious acts are
     * suspected belongs to the incident early warning alone. */
    add_entry (report->items, report,
               N_("The Member States on the territory of which the manufacturer is aware that "
                  "the product with digital elements has been made available"),
               "Article 14(2)(a)", member_states (product));
}

/* "As available" and "where applicable" items left empty are listed as
 * missing: the user then writes "Not known yet" or "Not sensitive" in the
 * case, so the report always states something. */
static void
add_notification (CfCaseReport *report,
                  CfCase       *c,
                  CfProduct    *product)
{
  if (report->case_kind == CF_CASE_INCIDENT)
    {
      add_entry (report->items, report, N_("General information about the nature of the incident"),
                 "Article 14(4)(b)", g_strdup (field (c, "description")));
      add_entry (report->items, report, N_("An initial assessment of the incident"),
                 "Article 14(4)(b)", g_strdup (field (c, "initial-assessment")));
    }
  else
    {
      GString *general = g_string_new (NULL);
      g_autofree char *summary = product_summary (product);
      const char *affected = field (c, "affected-versions");

      append_line (general, summary);
      if (affected != NULL)
        {
          g_autofree char *line = g_strdup_printf (_("Affected versions: %s"), affected);

          append_line (general, line);
        }
      append_line (general, field (product, "description"));
      add_entry (report->items, report,
                 N_("General information about the product with digital elements concerned"),
                 "Article 14(2)(b)", take_string (general));
      add_entry (report->items, report, N_("The general nature of the exploit"),
                 "Article 14(2)(b)", g_strdup (field (c, "exploit-nature")));
      add_entry (report->items, report, N_("The general nature of the vulnerability concerned"),
                 "Article 14(2)(b)", g_strdup (field (c, "description")));
    }

  add_entry (report->items, report, N_("Corrective or mitigating measures taken"),
             report->case_kind == CF_CASE_INCIDENT ? "Article 14(4)(b)" : "Article 14(2)(b)",
             g_strdup (field (c, "measures-taken")));
  add_entry (report->items, report, N_("Corrective or mitigating measures that users can take"),
             report->case_kind == CF_CASE_INCIDENT ? "Article 14(4)(b)" : "Article 14(2)(b)",
             g_strdup (field (c, "user-measures")));
  add_entry (report->items, report,
             N_("How sensitive the manufacturer considers the notified information to be"),
             report->case_kind == CF_CASE_INCIDENT ? "Article 14(4)(b)" : "Article 14(2)(b)",
             g_strdup (field (c, "sensitivity")));
}

static void
add_final_report (CfCaseReport     *report,
                  CfCase           *c,
                  CfSecurityUpdate *update)
{
  if (report->case_kind == CF_CASE_INCIDENT)
    {
      add_entry (report->items, report, N_("A detailed description of the incident"),
                 "Article 14(4)(c)(i)", g_strdup (field (c, "description")));
      add_entry (report->items, report, N_("The severity and impact of the incident"),
                 "Article 14(4)(c)(i)", severity_and_impact (c));
      add_entry (report->items, report,
                 N_("The type of threat or root cause that is likely to have triggered the incident"),
                 "Article 14(4)(c)(ii)", g_strdup (field (c, "root-cause")));
      add_entry (report->items, report, N_("Applied and ongoing mitigation measures"),
                 "Article 14(4)(c)(iii)", g_strdup (field (c, "measures-taken")));
      return;
    }

  add_entry (report->items, report, N_("A description of the vulnerability"),
             "Article 14(2)(c)(i)", g_strdup (field (c, "description")));
  add_entry (report->items, report, N_("The severity and impact of the vulnerability"),
             "Article 14(2)(c)(i)", severity_and_impact (c));
  /* "Where available": an empty field is listed as missing, so the user
   * states "None known" rather than leaving the point out unseen. */
  add_entry (report->items, report,
             N_("Information concerning any malicious actor that has exploited or that is "
                "exploiting the vulnerability"),
             "Article 14(2)(c)(ii)", g_strdup (field (c, "malicious-actor")));
  add_entry (report->items, report,
             N_("Details about the security update or other corrective measures that have been "
                "made available to remedy the vulnerability"),
             "Article 14(2)(c)(iii)", fix_details (c, update));
}

/* Article 14(8), for the users themselves: plain words, no point numbers.
 * It has no fixed period and the users need no awareness time, so the
 * header says who writes, about what, and when. */
static void
add_user_information (CfCaseReport      *report,
                      CfCase            *c,
                      CfProduct         *product,
                      CfManufacturer    *manufacturer,
                      CfUserInformation *info,
                      CfSecurityUpdate  *update,
                      GDateTime         *now)
{
  gboolean incident = report->case_kind == CF_CASE_INCIDENT;
  g_autofree char *date = g_date_time_format (now, "%Y-%m-%d");
  g_autofree char *product_name = cf_product_dup_display_name (product);
  GString *what = g_string_new (NULL);
  GString *contact = g_string_new (NULL);
  g_autofree char *fix = fix_details (c, update);

  add_entry (report->header, report, N_("From"), NULL, g_strdup (field (manufacturer, "name")));
  add_entry (report->header, report, N_("For"), NULL,
             g_strdup_printf (_("Users of %s"), product_name));
  /* Users are told the identifier to look for once there is one. */
  if (!incident && field (c, "reference") != NULL)
    add_optional (report->header, N_("CVE or other identifier"), field (c, "reference"), NULL);
  add_optional (report->header, N_("Date"), date, NULL);

  report->intro = g_strdup_printf (incident
                                   ? _("We are informing you of a security incident affecting %s, "
                                       "of the risk it brings, and of what you can do about it.")
                                   : _("We are informing you of a security vulnerability in %s, "
                                       "of the risk it brings, and of what you can do about it."),
                                   product_name);

  /* The title alone tells users too little: without a description the
   * item is missing. */
  if (field (c, "description") != NULL)
    {
      append_line (what, cf_case_get_title (c));
      append_line (what, field (c, "description"));
    }
  add_entry (report->items, report, N_("What happened"), NULL, take_string (what));

  if (incident)
    add_entry (report->items, report, N_("Which product is affected"), NULL, product_summary (product));
  else
    {
      add_entry (report->items, report, N_("Which product is affected"), NULL,
                 g_strdup (product_name));
      add_entry (report->items, report, N_("Which versions are affected"), NULL,
                 g_strdup (field (c, "affected-versions")));
    }

  add_entry (report->items, report, N_("What the risk is"), NULL, severity_and_impact (c));
  add_entry (report->items, report, N_("What you should do now"), NULL,
             g_strdup (field (c, "user-measures")));

  /* No fix yet is a fact users are told, not a missing item; once there
   * is one, how to install it is needed. */
  if (fix != NULL)
    {
      add_entry (report->items, report, N_("The fix"), NULL, g_steal_pointer (&fix));
      add_entry (report->items, report, N_("How to install security updates"), NULL,
                 g_strdup (field (info, "update-installation")));
    }
  else
    add_entry (report->items, report, N_("The fix"), NULL,
               g_strdup (_("No fix is available yet. We will inform you as soon as one is; "
                           "until then, please follow the measures above.")));

  append_line (contact, field (info, "security-contact"));
  if (g_strcmp0 (field (info, "security-contact"), field (manufacturer, "email")) != 0)
    append_line (contact, field (manufacturer, "email"));
  add_entry (report->items, report, N_("Whom to contact"), NULL, take_string (contact));

  /* Article 14(8): "where appropriate in a structured, machine-readable
   * format"; for a vulnerability that is the CSAF advisory, made elsewhere. */
  if (!incident)
    add_entry (report->items, report, N_("Machine-readable advisory"), NULL,
               g_strdup (_("This information is also published as a machine-readable security "
                           "advisory in the Common Security Advisory Framework (CSAF) format.")));
}

static void
set_heading (CfCaseReport *report)
{
  gboolean incident = report->case_kind == CF_CASE_INCIDENT;
  const char *point;

  switch (report->kind)
    {
    case CF_CASE_REPORT_EARLY_WARNING:
      report->heading = g_strdup (incident
                                  ? _("Early warning notification of a severe incident having an "
                                      "impact on the security of the product with digital elements")
                                  : _("Early warning notification of an actively exploited "
                                      "vulnerability"));
      point = incident ? "Article 14(4)(a)" : "Article 14(2)(a)";
      break;
    case CF_CASE_REPORT_NOTIFICATION:
      report->heading = g_strdup (incident ? _("Incident notification")
                                           : _("Vulnerability notification"));
      point = incident ? "Article 14(4)(b)" : "Article 14(2)(b)";
      break;
    case CF_CASE_REPORT_FINAL:
      report->heading = g_strdup (incident ? _("Final report on a severe incident")
                                           : _("Final report on an actively exploited vulnerability"));
      point = incident ? "Article 14(4)(c)" : "Article 14(2)(c)";
      break;
    case CF_CASE_REPORT_USERS:
    default:
      report->heading = g_strdup (incident ? _("Information to users about a security incident")
                                           : _("Information to users about a security vulnerability"));
      point = "Article 14(8)";
      break;
    }

  /* Translators: "Article 14(2)(a) of Regulation (EU) 2024/2847" */
  report->basis = g_strdup_printf (C_("legal basis", "%s of %s"), point, REGULATION);
  if (report->kind != CF_CASE_REPORT_USERS)
    report->section = g_strdup_printf (_("Information required by %s"), point);
}

/* Checked before anything is written, in the window's language: the
 * message is for the person who asked. */
static gboolean
check_reportable (CfCase            *c,
                  CfCaseReportKind   kind,
                  GError           **error)
{
  g_autofree char *label = NULL;
  const char *step;

  if (kind == CF_CASE_REPORT_USERS || cf_case_is_reportable (c))
    return TRUE;

  label = cf_case_dup_label (c);
  step = cf_report_step_label ((CfReportStep) kind, cf_case_get_kind (c));
  if (cf_case_get_kind (c) == CF_CASE_INCIDENT)
    g_set_error (error, CF_ERROR, CF_ERROR_INVALID_INPUT,
                 _("%s is not recorded as a severe incident, so Article 14(4) asks for no %s: "
                   "reports are due only for incidents that affect the product’s security as "
                   "Article 14(5) describes. Information to users can still be drafted."),
                 label, step);
  else
    g_set_error (error, CF_ERROR, CF_ERROR_INVALID_INPUT,
                 _("%s is not recorded as actively exploited, so Article 14(2) asks for no %s: "
                   "reports are due only for actively exploited vulnerabilities. Information to "
                   "users can still be drafted."),
                 label, step);
  return FALSE;
}

static CfDeadline *
find_deadline (GPtrArray    *deadlines,
               CfReportStep  step)
{
  for (guint i = 0; i < deadlines->len; i++)
    {
      CfDeadline *d = g_ptr_array_index (deadlines, i);

      if (d->step == step)
        return d;
    }
  return NULL;
}

const char *
cf_case_report_kind_to_string (CfCaseReportKind kind)
{
  g_return_val_if_fail (kind < G_N_ELEMENTS (kind_names), NULL);
  return kind_names[kind];
}

gboolean
cf_case_report_kind_from_string (const char       *text,
                                 CfCaseReportKind *kind)
{
  for (guint i = 0; i < G_N_ELEMENTS (kind_names); i++)
    if (g_strcmp0 (text, kind_names[i]) == 0)
      {
        *kind = i;
        return TRUE;
      }
  return FALSE;
}

/**
 * cf_case_report_build:
 * @now: when the report is prepared; the header shows it
 *
 * Gathers what Article 14 asks at the step @kind (or what Article 14(8)
 * asks users be told) from the case, its product, the manufacturer and
 * the security update that fixes it. Refuses the three steps for a case
 * Article 14 does not cover.
 *
 * Returns: (transfer full) (nullable): the report
 */
CfCaseReport *
cf_case_report_build (CfStore           *store,
                      gint64             case_id,
                      CfCaseReportKind   kind,
                      GDateTime         *now,
                      GError           **error)
{
  g_autoptr(CfCaseReport) report = NULL;
  g_autoptr(CfCase) c = NULL;
  g_autoptr(CfProduct) product = NULL;
  g_autoptr(CfManufacturer) manufacturer = NULL;
  g_autoptr(CfUserInformation) info = NULL;
  g_autoptr(CfSecurityUpdate) update = NULL;
  g_autoptr(GPtrArray) sent = NULL;
  g_autoptr(GPtrArray) deadlines = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *label = NULL;
  EnglishScope scope;

  g_return_val_if_fail (CF_IS_STORE (store), NULL);
  g_return_val_if_fail (kind <= CF_CASE_REPORT_USERS, NULL);
  g_return_val_if_fail (now != NULL, NULL);

  c = cf_store_get_case (store, case_id, error);
  if (c == NULL)
    return NULL;
  if (!check_reportable (c, kind, error))
    return NULL;

  product = cf_store_get_product (store, cf_case_get_product_id (c), error);
  if (product == NULL)
    return NULL;
  manufacturer = cf_store_get_manufacturer (store, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  if (cf_case_get_update_id (c) != 0)
    {
      update = cf_store_get_security_update (store, cf_case_get_update_id (c), error);
      if (update == NULL)
        return NULL;
    }
  if (kind == CF_CASE_REPORT_USERS)
    {
      info = cf_store_get_user_information (store, cf_case_get_product_id (c), error);
      if (info == NULL)
        return NULL;
    }
  else
    {
      sent = cf_store_list_case_steps (store, case_id, FALSE, error);
      if (sent == NULL)
        return NULL;
      deadlines = cf_deadlines_for_case (c, sent);
    }

  report = g_new0 (CfCaseReport, 1);
  report->kind = kind;
  report->case_kind = cf_case_get_kind (c);
  report->header = g_ptr_array_new_with_free_func (entry_free);
  report->items = g_ptr_array_new_with_free_func (entry_free);
  report->missing = g_ptr_array_new ();
  report->created = g_date_time_ref (now);

  /* The title is for the window, in its language. */
  label = cf_case_dup_label (c);
  report->title = g_strdup_printf (_("%s — %s"),
                                   kind == CF_CASE_REPORT_USERS
                                   ? _("Information to users")
                                   : cf_report_step_label ((CfReportStep) kind, report->case_kind),
                                   label);

  scope = _cf_case_report_enter_english ();
  report->product_name = cf_product_dup_display_name (product);
  report->manufacturer_name = g_strdup (field (manufacturer, "name"));
  set_heading (report);
  switch (kind)
    {
    case CF_CASE_REPORT_EARLY_WARNING:
    case CF_CASE_REPORT_NOTIFICATION:
    case CF_CASE_REPORT_FINAL:
      add_report_header (report, c, product, manufacturer,
                         find_deadline (deadlines, (CfReportStep) kind), now);
      if (kind == CF_CASE_REPORT_EARLY_WARNING)
        add_early_warning (report, c, product);
      else if (kind == CF_CASE_REPORT_NOTIFICATION)
        add_notification (report, c, product);
      else
        add_final_report (report, c, update);
      break;
    case CF_CASE_REPORT_USERS:
    default:
      add_user_information (report, c, product, manufacturer, info, update, now);
      break;
    }
  _cf_case_report_leave_english (&scope);

  return g_steal_pointer (&report);
}

static void
append_indented (GString    *out,
                 const char *text)
{
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    g_string_append_printf (out, "   %s\n", lines[i]);
}

/**
 * cf_case_report_to_text:
 *
 * Returns: (transfer full): the report as structured plain text: the
 *   header as "Label: value" lines, then the numbered items, then what is
 *   still missing
 */
char *
cf_case_report_to_text (CfCaseReport *report)
{
  GString *out = g_string_new (NULL);
  EnglishScope scope;
  const char *missing_text;

  g_return_val_if_fail (report != NULL, NULL);

  scope = _cf_case_report_enter_english ();
  missing_text = _(CF_CASE_REPORT_MISSING);

  g_string_append_printf (out, "%s\n%s\n\n", report->heading, report->basis);
  for (guint i = 0; i < report->header->len; i++)
    {
      CfReportEntry *entry = g_ptr_array_index (report->header, i);

      g_autofree char *value = g_strdup (entry->value != NULL ? entry->value : missing_text);

      /* A value of several lines, an address, stays under its label. */
      g_string_append_printf (out, "%s: ", entry->label);
      for (const char *p = value; *p != '\0'; p++)
        {
          g_string_append_c (out, *p);
          if (*p == '\n')
            g_string_append (out, "   ");
        }
      if (entry->reference != NULL)
        g_string_append_printf (out, " (%s)", entry->reference);
      g_string_append_c (out, '\n');
    }

  g_string_append_c (out, '\n');
  if (report->section != NULL)
    g_string_append_printf (out, "%s\n\n", report->section);
  if (report->intro != NULL)
    g_string_append_printf (out, "%s\n\n", report->intro);

  for (guint i = 0; i < report->items->len; i++)
    {
      CfReportEntry *entry = g_ptr_array_index (report->items, i);

      g_string_append_printf (out, "%u. %s", i + 1, entry->label);
      if (entry->reference != NULL)
        g_string_append_printf (out, " (%s)", entry->reference);
      g_string_append_c (out, '\n');
      append_indented (out, entry->value != NULL ? entry->value : missing_text);
      g_string_append_c (out, '\n');
    }

  if (report->missing->len > 0)
    {
      g_string_append_printf (out, "%s\n", _("Still missing before this can be submitted:"));
      for (guint i = 0; i < report->missing->len; i++)
        g_string_append_printf (out, "- %s\n", (const char *) g_ptr_array_index (report->missing, i));
    }
  _cf_case_report_leave_english (&scope);

  return g_string_free (out, FALSE);
}

/**
 * cf_case_report_dup_missing:
 *
 * Returns: (transfer full): the labels, in the window's language, of the
 *   items the regulation asks for that are still empty; empty when the
 *   report is complete
 */
GStrv
cf_case_report_dup_missing (CfCaseReport *report)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  g_return_val_if_fail (report != NULL, NULL);

  for (guint i = 0; i < report->missing->len; i++)
    g_strv_builder_add (builder, _((const char *) g_ptr_array_index (report->missing, i)));
  return g_strv_builder_end (builder);
}

const char *
cf_case_report_get_title (CfCaseReport *report)
{
  g_return_val_if_fail (report != NULL, NULL);
  return report->title;
}

void
cf_case_report_free (CfCaseReport *report)
{
  if (report == NULL)
    return;
  g_free (report->title);
  g_free (report->heading);
  g_free (report->basis);
  g_free (report->section);
  g_free (report->intro);
  g_free (report->product_name);
  g_free (report->manufacturer_name);
  g_clear_pointer (&report->header, g_ptr_array_unref);
  g_clear_pointer (&report->items, g_ptr_array_unref);
  g_clear_pointer (&report->missing, g_ptr_array_unref);
  g_clear_pointer (&report->created, g_date_time_unref);
  g_free (report);
}
