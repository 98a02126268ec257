/* test-case-report.c — the Article 14 reports and the information to users
 *
 * Each report is built from a case in a temporary project database and read
 * the way the CSIRT (or a user) would: as the text pasted into the platform,
 * and as the PDF through poppler's tools.
 *
 * Copyright 2026 The Conformity Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "cf-case-report.h"
#include "cf-error.h"
#include "cf-field.h"
#include "cf-member-state.h"
#include "cf-store.h"

#define CSIRT        "CERT-Bund at the BSI"
#define STATES       "DE FR"

typedef struct
{
  char      *dir;
  CfStore   *store;
  gint64     product_id;
  GDateTime *now;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CfManufacturer) manufacturer = cf_manufacturer_new ();
  g_autoptr(CfProduct) product = cf_product_new ();
  g_autoptr(CfUserInformation) info = cf_user_information_new ();
  g_autofree char *path = NULL;

  f->dir = g_dir_make_tmp ("cf-case-report-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (f->dir, "project.db", NULL);
  f->store = cf_store_open (path, &error);
  g_assert_no_error (error);
  f->now = g_date_time_new_now_utc ();

  cf_record_set_field (CF_RECORD (manufacturer), "name", "Zakład Łódź Sp. z o.o.");
  cf_record_set_field (CF_RECORD (manufacturer), "address", "ul. Piotrkowska 1\n90-001 Łódź");
  cf_record_set_field (CF_RECORD (manufacturer), "email", "psirt@example.com");
  cf_record_set_field (CF_RECORD (manufacturer), "main-establishment", "DE");
  cf_record_set_field (CF_RECORD (manufacturer), "csirt", CSIRT);
  g_assert_true (cf_store_set_manufacturer (f->store, manufacturer, &error));
  g_assert_no_error (error);

  cf_record_set_field (CF_RECORD (product), "name", "Smart Plug");
  cf_record_set_field (CF_RECORD (product), "model", "SP-1");
  cf_record_set_field (CF_RECORD (product), "version", "2.0");
  cf_record_set_field (CF_RECORD (product), "member-states", STATES);
  f->product_id = cf_store_add_product (f->store, product, &error);
  g_assert_no_error (error);

  cf_record_set_field (CF_RECORD (info), "security-contact", "https://example.com/security");
  cf_record_set_field (CF_RECORD (info), "update-installation",
                       "Open the app, choose Settings, then Update.");
  g_assert_true (cf_store_set_user_information (f->store, f->product_id, info, &error));
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GDir) dir = NULL;
  const char *name;

  g_clear_object (&f->store);
  g_clear_pointer (&f->now, g_date_time_unref);

  dir = g_dir_open (f->dir, 0, NULL);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (f->dir, name, NULL);

      g_remove (path);
    }
  g_rmdir (f->dir);
  g_free (f->dir);
}

/* A case that became known two hours ago; @fields are name/value pairs. */
static gint64
add_case (Fixture    *f,
          CfCaseKind  kind,
          gboolean    reportable,
          ...)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CfCase) c = cf_case_new (kind);
  g_autoptr(GDateTime) aware = g_date_time_add_hours (f->now, -2);
  g_autofree char *aware_text = cf_date_time_to_iso (aware);
  const char *name;
  gint64 id;
  va_list args;

  cf_record_set_field (CF_RECORD (c), "title", "Remote code execution through the web interface");
  cf_record_set_field (CF_RECORD (c), "aware-at", aware_text);
  if (kind == CF_CASE_VULNERABILITY)
    cf_case_set_exploited (c, reportable);
  else
    cf_case_set_severe (c, reportable);

  va_start (args, reportable);
  while ((name = va_arg (args, const char *)) != NULL)
    cf_record_set_field (CF_RECORD (c), name, va_arg (args, const char *));
  va_end (args);

  id = cf_store_add_case (f->store, f->product_id, c, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

static CfCaseReport *
build (Fixture          *f,
       gint64            case_id,
       CfCaseReportKind  kind)
{
  g_autoptr(GError) error = NULL;
  CfCaseReport *report = cf_case_report_build (f->store, case_id, kind, f->now, &error);

  g_assert_no_error (error);
  g_assert_nonnull (report);
  return report;
}

static char *
build_text (Fixture          *f,
            gint64            case_id,
            CfCaseReportKind  kind)
{
  g_autoptr(CfCaseReport) report = build (f, case_id, kind);

  return cf_case_report_to_text (report);
}

/* The Member States as the product records them (in the Union's order). */
static char *
describe_states (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CfProduct) product = cf_store_get_product (f->store, f->product_id, &error);

  g_assert_no_error (error);
  return cf_member_states_describe (cf_record_get_field (CF_RECORD (product), "member-states"));
}

static void
assert_contains (const char *text,
                 const char *needle)
{
  if (strstr (text, needle) == NULL)
    g_error ("the report lacks “%s”:\n%s", needle, text);
}

static void
assert_lacks (const char *text,
              const char *needle)
{
  if (strstr (text, needle) != NULL)
    g_error ("the report should not contain “%s”:\n%s", needle, text);
}

/* The recipient of every Article 14 step: the CSIRT the manufacturer named,
 * the Member State of its main establishment, and ENISA's platform. */
static void
assert_recipient (const char *text)
{
  assert_contains (text, CSIRT);
  assert_contains (text, cf_member_state_name ("DE"));
  assert_contains (text, "ENISA");
  assert_contains (text, "Zakład Łódź Sp. z o.o.");
  assert_contains (text, "psirt@example.com");
  assert_contains (text, "SP-1");
}

static void
test_kind_strings (void)
{
  CfCaseReportKind kinds[] = {
    CF_CASE_REPORT_EARLY_WARNING, CF_CASE_REPORT_NOTIFICATION, CF_CASE_REPORT_FINAL,
    CF_CASE_REPORT_USERS,
  };
  CfCaseReportKind kind;

  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    {
      const char *text = cf_case_report_kind_to_string (kinds[i]);

      g_assert_nonnull (text);
      g_assert_true (cf_case_report_kind_from_string (text, &kind));
      g_assert_cmpint (kind, ==, kinds[i]);
    }
  /* The steps keep the names the deadlines use. */
  g_assert_cmpstr (cf_case_report_kind_to_string (CF_CASE_REPORT_FINAL), ==,
                   cf_report_step_to_string (CF_STEP_FINAL_REPORT));
  g_assert_false (cf_case_report_kind_from_string ("intermediate-report", &kind));
  g_assert_false (cf_case_report_kind_from_string (NULL, &kind));
}

static void
test_vulnerability_early_warning (Fixture       *f,
                                  gconstpointer  data)
{
  gint64 id = add_case (f, CF_CASE_VULNERABILITY, TRUE, "reference", "CVE-2026-12345", NULL);
  g_autoptr(CfCaseReport) report = build (f, id, CF_CASE_REPORT_EARLY_WARNING);
  g_autofree char *text = cf_case_report_to_text (report);
  g_autofree char *states = describe_states (f);
  g_auto(GStrv) missing = cf_case_report_dup_missing (report);

  assert_recipient (text);
  assert_contains (text, "Article 14(2)(a)");
  assert_contains (text, states);
  assert_contains (text, "CVE-2026-12345");
  assert_contains (text, "UTC");
  /* Whether unlawful or malicious acts are suspected is asked of
   * incidents only (Article 14(4)(a)), never of a vulnerability. */
  assert_lacks (text, "unlawful");
  assert_lacks (text, "malicious");
  g_assert_cmpuint (g_strv_length (missing), ==, 0);
  g_assert_nonnull (strstr (cf_case_report_get_title (report),
                            cf_report_step_label (CF_STEP_EARLY_WARNING, CF_CASE_VULNERABILITY)));
}

static void
test_incident_early_warning (Fixture       *f,
                             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 id = add_case (f, CF_CASE_INCIDENT, TRUE, NULL);
  g_autoptr(CfCase) c = cf_store_get_case (f->store, id, &error);
  g_autofree char *text = NULL;
  g_autofree char *states = describe_states (f);

  g_assert_no_error (error);
  cf_case_set_suspicion (c, CF_SUSPICION_YES);
  g_assert_true (cf_store_update_case (f->store, c, &error));
  g_assert_no_error (error);

  text = build_text (f, id, CF_CASE_REPORT_EARLY_WARNING);
  assert_recipient (text);
  assert_contains (text, "Article 14(4)(a)");
  assert_contains (text, cf_suspicion_label (CF_SUSPICION_YES));
  assert_contains (text, states);
  assert_lacks (text, "Article 14(2)");
}

static void
test_vulnerability_notification (Fixture       *f,
                                 gconstpointer  data)
{
  gint64 id = add_case (f, CF_CASE_VULNERABILITY, TRUE,
                        "description", "A buffer overflow in the HTTP parser.",
                        "exploit-nature", "Crafted requests sent from the internet.",
                        "measures-taken", "The web interface was disabled remotely.",
                        "user-measures", "Unplug the device from the internet.",
                        "affected-versions", "1.0 to 2.0",
                        NULL);
  g_autoptr(CfCaseReport) report = build (f, id, CF_CASE_REPORT_NOTIFICATION);
  g_autofree char *text = cf_case_report_to_text (report);
  g_autofree char *states = describe_states (f);
  g_auto(GStrv) missing = cf_case_report_dup_missing (report);

  assert_recipient (text);
  assert_contains (text, "Article 14(2)(b)");
  assert_contains (text, "Smart Plug");
  assert_contains (text, "1.0 to 2.0");
  assert_contains (text, "A buffer overflow in the HTTP parser.");
  assert_contains (text, "Crafted requests sent from the internet.");
  assert_contains (text, "The web interface was disabled remotely.");
  assert_contains (text, "Unplug the device from the internet.");
  /* Items of other steps stay out. */
  assert_lacks (text, states);

  /* How sensitive the information is was left empty: shown as missing,
   * and listed, rather than dropped. */
  g_assert_cmpuint (g_strv_length (missing), ==, 1);
  assert_contains (text, missing[0]);
}

static void
test_incident_notification (Fixture       *f,
                            gconstpointer  data)
{
  gint64 id = add_case (f, CF_CASE_INCIDENT, TRUE,
                        "description", "The update server was compromised.",
                        "initial-assessment", "Signing keys were not reached.",
                        "measures-taken", "The server was rebuilt.",
                        "user-measures", "No action is needed.",
                        "sensitivity", "TLP:AMBER",
                        NULL);
  g_autoptr(CfCaseReport) report = build (f, id, CF_CASE_REPORT_NOTIFICATION);
  g_autofree char *text = cf_case_report_to_text (report);
  g_auto(GStrv) missing = cf_case_report_dup_missing (report);

  assert_recipient (text);
  assert_contains (text, "Article 14(4)(b)");
  assert_contains (text, "The update server was compromised.");
  assert_contains (text, "Signing keys were not reached.");
  assert_contains (text, "The server was rebuilt.");
  assert_contains (text, "No action is needed.");
  assert_contains (text, "TLP:AMBER");
  /* An incident has no exploit to describe. */
  assert_lacks (text, "exploit");
  g_assert_cmpuint (g_strv_length (missing), ==, 0);
}

static GPtrArray *
deadlines_of (Fixture *f,
              gint64   case_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CfCase) c = cf_store_get_case (f->store, case_id, &error);
  g_autoptr(GPtrArray) sent = NULL;

  g_assert_no_error (error);
  sent = cf_store_list_case_steps (f->store, case_id, FALSE, &error);
  g_assert_no_error (error);
  return cf_deadlines_for_case (c, sent);
}

static void
test_vulnerability_final_without_fix (Fixture       *f,
                                      gconstpointer  data)
{
  gint64 id = add_case (f, CF_CASE_VULNERABILITY, TRUE,
                        "description", "A buffer overflow in the HTTP parser.",
                        "impact", "An attacker takes over the device.",
                        "cvss-vector", "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H",
                        NULL);
  g_autoptr(GPtrArray) deadlines = deadlines_of (f, id);
  CfDeadline *final = g_ptr_array_index (deadlines, CF_STEP_FINAL_REPORT);
  g_autoptr(CfCaseReport) report = build (f, id, CF_CASE_REPORT_FINAL);
  g_autofree char *text = cf_case_report_to_text (report);
  g_auto(GStrv) missing = cf_case_report_dup_missing (report);

  /* No fix yet: the final report cannot be dated, and says why. */
  g_assert_null (final->due);
  assert_contains (text, final->no_due_reason);
  assert_contains (text, "Article 14(2)(c)");
  assert_contains (text, "An attacker takes over the device.");
  assert_contains (text, "9.8");
  /* The malicious actor ("where available") and the fix are still to be
   * written, and both are listed. */
  g_assert_cmpuint (g_strv_length (missing), ==, 2);
  for (guint i = 0; missing[i] != NULL; i++)
    assert_contains (text, missing[i]);
}

static void
test_vulnerability_final_with_update (Fixture       *f,
                                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CfSecurityUpdate) update = cf_security_update_new ();
  g_autoptr(GPtrArray) deadlines = NULL;
  g_autofree char *due = NULL;
  g_autofree char *text = NULL;
  g_autoptr(CfCaseReport) report = NULL;
  g_auto(GStrv) missing = NULL;
  g_autofree char *released = g_date_time_format (f->now, "%Y-%m-%d");
  gint64 id = add_case (f, CF_CASE_VULNERABILITY, TRUE,
                        "description", "A buffer overflow in the HTTP parser.",
                        "impact", "An attacker takes over the device.",
                        "malicious-actor", "None known.",
                        "fix", "The parser checks the length of every header.",
                        NULL);

  cf_record_set_field (CF_RECORD (update), "version", "2.0.1");
  cf_record_set_field (CF_RECORD (update), "released-on", released);
  cf_record_set_field (CF_RECORD (update), "notes", "Fixes the HTTP parser overflow.");
  cf_security_update_add_fix (update, id);
  cf_store_add_security_update (f->store, f->product_id, update, &error);
  g_assert_no_error (error);

  deadlines = deadlines_of (f, id);
  g_assert_nonnull (((CfDeadline *) g_ptr_array_index (deadlines, CF_STEP_FINAL_REPORT))->due);
  due = cf_format_utc_and_local (((CfDeadline *) g_ptr_array_index (deadlines, CF_STEP_FINAL_REPORT))->due,
                                 NULL);

  report = build (f, id, CF_CASE_REPORT_FINAL);
  text = cf_case_report_to_text (report);
  missing = cf_case_report_dup_missing (report);
  assert_contains (text, due);
  assert_contains (text, "None known.");
  assert_contains (text, "The parser checks the length of every header.");
  assert_contains (text, "2.0.1");
  assert_contains (text, "Fixes the HTTP parser overflow.");
  g_assert_cmpuint (g_strv_length (missing), ==, 0);
}

static void
test_incident_final_after_notification (Fixture       *f,
                                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) deadlines = NULL;
  g_autofree char *sent_at = cf_date_time_to_iso (f->now);
  g_autofree char *due = NULL;
  g_autofree char *text = NULL;
  gint64 id = add_case (f, CF_CASE_INCIDENT, TRUE,
                        "description", "The update server was compromised.",
                        "impact", "Users may have received a tampered update.",
                        "root-cause", "A stolen administrator password.",
                        "measures-taken", "Passwords were replaced by hardware keys.",
                        NULL);

  text = build_text (f, id, CF_CASE_REPORT_FINAL);
  deadlines = deadlines_of (f, id);
  assert_contains (text, ((CfDeadline *) g_ptr_array_index (deadlines, CF_STEP_FINAL_REPORT))->no_due_reason);
  g_clear_pointer (&text, g_free);
  g_clear_pointer (&deadlines, g_ptr_array_unref);

  g_assert_true (cf_store_mark_step_sent (f->store, id, CF_STEP_NOTIFICATION, sent_at, CSIRT,
                                          "CSIRT-2026-0042", NULL, &error));
  g_assert_no_error (error);

  deadlines = deadlines_of (f, id);
  due = cf_format_utc_and_local (((CfDeadline *) g_ptr_array_index (deadlines, CF_STEP_FINAL_REPORT))->due,
                                 NULL);
  text = build_text (f, id, CF_CASE_REPORT_FINAL);
  assert_recipient (text);
  assert_contains (text, "Article 14(4)(c)");
  assert_contains (text, due);
  assert_contains (text, "Users may have received a tampered update.");
  assert_contains (text, "A stolen administrator password.");
  assert_contains (text, "Passwords were replaced by hardware keys.");
  g_clear_pointer (&text, g_free);

  /* The notification itself now says it was submitted, with its reference. */
  text = build_text (f, id, CF_CASE_REPORT_NOTIFICATION);
  assert_contains (text, "CSIRT-2026-0042");
}

static void
test_missing_items_listed (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CfManufacturer) manufacturer = cf_store_get_manufacturer (f->store, &error);
  gint64 id = add_case (f, CF_CASE_VULNERABILITY, TRUE, NULL);
  g_autoptr(CfCaseReport) report = build (f, id, CF_CASE_REPORT_EARLY_WARNING);
  g_autofree char *text = NULL;
  g_auto(GStrv) missing = NULL;
  g_auto(GStrv) complete = cf_case_report_dup_missing (report);

  g_assert_no_error (error);
  g_clear_pointer (&report, cf_case_report_free);
  cf_record_set_field (CF_RECORD (manufacturer), "csirt", NULL);
  g_assert_true (cf_store_set_manufacturer (f->store, manufacturer, &error));
  g_assert_no_error (error);

  report = build (f, id, CF_CASE_REPORT_EARLY_WARNING);
  text = cf_case_report_to_text (report);
  missing = cf_case_report_dup_missing (report);
  /* Without the CSIRT the report cannot be sent: it says so. */
  g_assert_cmpuint (g_strv_length (missing), ==, g_strv_length (complete) + 1);
  assert_lacks (text, CSIRT);
  for (guint i = 0; missing[i] != NULL; i++)
    assert_contains (text, missing[i]);

  /* A notification with nothing filled in lists every item, each once. */
  g_clear_pointer (&report, cf_case_report_free);
  g_clear_pointer (&missing, g_strfreev);
  report = build (f, id, CF_CASE_REPORT_NOTIFICATION);
  missing = cf_case_report_dup_missing (report);
  g_assert_cmpuint (g_strv_length (missing), >=, 5);
  for (guint i = 0; missing[i] != NULL; i++)
    for (guint j = i + 1; missing[j] != NULL; j++)
      g_assert_cmpstr (missing[i], !=, missing[j]);
}

static void
test_users_information (Fixture       *f,
                        gconstpointer  data)
{
  gint64 vuln = add_case (f, CF_CASE_VULNERABILITY, TRUE,
                          "description", "A buffer overflow in the HTTP parser.",
                          "impact", "An attacker takes over the device.",
                          "user-measures", "Unplug the device from the internet.",
                          "affected-versions", "1.0 to 2.0",
                          "fix", "Version 2.0.1 fixes it.",
                          NULL);
  gint64 incident = add_case (f, CF_CASE_INCIDENT, TRUE,
                              "description", "The update server was compromised.",
                              "user-measures", "Reinstall the latest update.",
                              NULL);
  g_autoptr(CfCaseReport) report = build (f, vuln, CF_CASE_REPORT_USERS);
  g_autofree char *text = cf_case_report_to_text (report);
  g_autofree char *incident_text = NULL;
  g_auto(GStrv) missing = cf_case_report_dup_missing (report);

  assert_contains (text, "Article 14(8)");
  assert_contains (text, "Smart Plug");
  assert_contains (text, "1.0 to 2.0");
  assert_contains (text, "An attacker takes over the device.");
  assert_contains (text, "Unplug the device from the internet.");
  assert_contains (text, "Version 2.0.1 fixes it.");
  assert_contains (text, "Open the app, choose Settings, then Update.");
  assert_contains (text, "https://example.com/security");
  assert_contains (text, "CSAF");
  /* Written for users: no CSIRT, no deadline. */
  assert_lacks (text, CSIRT);
  g_assert_cmpuint (g_strv_length (missing), ==, 0);

  incident_text = build_text (f, incident, CF_CASE_REPORT_USERS);
  assert_contains (incident_text, "Reinstall the latest update.");
  assert_lacks (incident_text, "CSAF");
}

static void
test_refuses_unreportable (Fixture       *f,
                           gconstpointer  data)
{
  gint64 vuln = add_case (f, CF_CASE_VULNERABILITY, FALSE,
                          "user-measures", "Turn off remote access.", NULL);
  gint64 incident = add_case (f, CF_CASE_INCIDENT, FALSE, NULL);
  gint64 ids[] = { vuln, incident };
  CfCaseReportKind steps[] = {
    CF_CASE_REPORT_EARLY_WARNING, CF_CASE_REPORT_NOTIFICATION, CF_CASE_REPORT_FINAL,
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(CfCaseReport) users = NULL;
  g_autofree char *text = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    for (guint s = 0; s < G_N_ELEMENTS (steps); s++)
      {
        g_autofree char *label = g_strdup_printf ("%" G_GINT64_FORMAT, ids[i]);
        CfCaseReport *report = cf_case_report_build (f->store, ids[i], steps[s], f->now, &error);

        g_assert_null (report);
        g_assert_error (error, CF_ERROR, CF_ERROR_INVALID_INPUT);
        g_assert_nonnull (strstr (error->message, label));
        g_assert_nonnull (strstr (error->message, "Article 14"));
        g_clear_error (&error);
      }

  /* Users can be told of any case. */
  users = build (f, vuln, CF_CASE_REPORT_USERS);
  text = cf_case_report_to_text (users);
  assert_contains (text, "Turn off remote access.");

  g_assert_null (cf_case_report_build (f->store, 9999, CF_CASE_REPORT_USERS, f->now, &error));
  g_assert_error (error, CF_ERROR, CF_ERROR_NOT_FOUND);
}

/* Runs a poppler tool on @pdf and returns what it printed. */
static char *
run_tool (const char *tool,
          const char *pdf)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  g_autofree char *found = g_find_program_in_path (tool);
  const char *argv_text[] = { tool, "-enc", "UTF-8", pdf, "-", NULL };
  const char *argv_plain[] = { tool, pdf, NULL };
  int status;

  if (found == NULL)
    g_error ("%s is not installed; build-aux/test installs poppler-utils", tool);

  g_spawn_sync (NULL, (char **) (g_str_equal (tool, "pdftotext") ? argv_text : argv_plain),
                NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &out, NULL, &status, &error);
  g_assert_no_error (error);
  g_spawn_check_wait_status (status, &error);
  g_assert_no_error (error);

  return g_steal_pointer (&out);
}

/* pdftotext breaks lines where the layout did: compare with runs of white
 * space collapsed to one space. */
static char *
squash (const char *text)
{
  g_autoptr(GString) out = g_string_new (NULL);
  gboolean space = FALSE;

  for (const char *p = text; *p; p++)
    {
      if (g_ascii_isspace (*p))
        space = out->len > 0;
      else
        {
          if (space)
            g_string_append_c (out, ' ');
          g_string_append_c (out, *p);
          space = FALSE;
        }
    }

  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* How many times @text is drawn, read from the uncompressed content
 * streams: pdftotext scatters the diagonal watermark among the lines. */
static guint
count_drawn (const char *pdf,
             const char *text)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *expanded = g_strconcat (pdf, ".qdf", NULL);
  const char *argv[] = { "qpdf", "--qdf", "--object-streams=disable", pdf, expanded, NULL };
  g_autoptr(GString) operator = g_string_new ("<");
  g_autofree char *qdf = NULL;
  gsize length;
  int status;
  guint n = 0;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDOUT_TO_DEV_NULL,
                NULL, NULL, NULL, NULL, &status, &error);
  g_assert_no_error (error);
  g_spawn_check_wait_status (status, &error);
  g_assert_no_error (error);

  /* The fonts are written as two-byte Unicode, hence "<0044…> Tj". */
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    g_string_append_printf (operator, "%04x", g_utf8_get_char (p));
  g_string_append (operator, "> Tj");

  g_file_get_contents (expanded, &qdf, &length, &error);
  g_assert_no_error (error);
  for (const char *p = qdf; (p = g_strstr_len (p, length - (p - qdf), operator->str)) != NULL; p++)
    n++;

  return n;
}

static char *
write_pdf (Fixture      *f,
           CfCaseReport *report,
           const char   *name)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) pdf = cf_case_report_to_pdf (report, NULL, &error);
  char *path = g_build_filename (f->dir, name, NULL);

  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (g_bytes_get_data (pdf, NULL), "%PDF-"));
  g_file_set_contents (path, g_bytes_get_data (pdf, NULL), g_bytes_get_size (pdf), &error);
  g_assert_no_error (error);
  return path;
}

static void
test_pdf (Fixture       *f,
          gconstpointer  data)
{
  gint64 id = add_case (f, CF_CASE_VULNERABILITY, TRUE,
                        "description", "A buffer overflow in the HTTP parser.",
                        "exploit-nature", "Crafted requests sent from the internet.",
                        "measures-taken", "The web interface was disabled remotely.",
                        "user-measures", "Unplug the device from the internet.",
                        NULL);
  g_autoptr(CfCaseReport) report = build (f, id, CF_CASE_REPORT_NOTIFICATION);
  g_autofree char *path = write_pdf (f, report, "notification.pdf");
  g_autofree char *raw = run_tool ("pdftotext", path);
  g_autofree char *text = squash (raw);
  g_autofree char *fonts = run_tool ("pdffonts", path);
  g_auto(GStrv) missing = cf_case_report_dup_missing (report);
  g_auto(GStrv) lines = NULL;
  guint n_fonts = 0;
  const char *expected[] = {
    CSIRT, "Zakład Łódź Sp. z o.o.", "Article 14(2)(b)", "A buffer overflow in the HTTP parser.",
    "Crafted requests sent from the internet.", "The web interface was disabled remotely.",
    "Unplug the device from the internet.", "ENISA",
  };

  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    assert_contains (text, expected[i]);
  /* The item still missing is named, and the report is marked a draft. */
  g_assert_cmpuint (g_strv_length (missing), ==, 1);
  assert_contains (text, missing[0]);
  g_assert_cmpuint (count_drawn (path, "DRAFT"), >=, 1);

  /* Every font is embedded (the "emb" column): the CSIRT sees what the
   * manufacturer saw. */
  lines = g_strsplit (fonts, "\n", -1);
  for (guint i = 2; lines[i] != NULL; i++)
    {
      g_auto(GStrv) columns = NULL;
      guint n;

      if (*lines[i] == '\0')
        continue;
      columns = g_regex_split_simple ("\\s+", g_strstrip (lines[i]), 0, 0);
      n = g_strv_length (columns);
      g_assert_cmpuint (n, >=, 7);
      g_assert_cmpstr (columns[n - 5], ==, "yes");
      n_fonts++;
    }
  g_assert_cmpuint (n_fonts, >=, 1);
}

static void
test_pdf_complete_is_no_draft (Fixture       *f,
                               gconstpointer  data)
{
  gint64 id = add_case (f, CF_CASE_VULNERABILITY, TRUE, "reference", "CVE-2026-12345", NULL);
  g_autoptr(CfCaseReport) report = build (f, id, CF_CASE_REPORT_EARLY_WARNING);
  g_autofree char *path = write_pdf (f, report, "early-warning.pdf");
  g_autofree char *raw = run_tool ("pdftotext", path);
  g_autofree char *text = squash (raw);
  g_autofree char *states = describe_states (f);
  g_auto(GStrv) missing = cf_case_report_dup_missing (report);

  g_assert_cmpuint (g_strv_length (missing), ==, 0);
  assert_contains (text, states);
  assert_contains (text, "CVE-2026-12345");
  g_assert_cmpuint (count_drawn (path, "DRAFT"), ==, 0);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/case-report/kind-strings", test_kind_strings);
#define ADD(path, func) \
  g_test_add ("/case-report/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("vulnerability/early-warning", test_vulnerability_early_warning);
  ADD ("incident/early-warning", test_incident_early_warning);
  ADD ("vulnerability/notification", test_vulnerability_notification);
  ADD ("incident/notification", test_incident_notification);
  ADD ("vulnerability/final-without-fix", test_vulnerability_final_without_fix);
  ADD ("vulnerability/final-with-update", test_vulnerability_final_with_update);
  ADD ("incident/final-after-notification", test_incident_final_after_notification);
  ADD ("missing-items-listed", test_missing_items_listed);
  ADD ("users", test_users_information);
  ADD ("refuses-unreportable", test_refuses_unreportable);
  ADD ("pdf", test_pdf);
  ADD ("pdf-complete-is-no-draft", test_pdf_complete_is_no_draft);
#undef ADD

  return g_test_run ();
}
