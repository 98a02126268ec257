/* test-cases.c — vulnerabilities, incidents and the Article 14 clocks
 *
 * Copyright 2026 The Conformity Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "cf-error.h"
#include "cf-field.h"
#include "cf-member-state.h"
#include "cf-store.h"

static GDateTime *
at (const char *iso)
{
  GDateTime *time = cf_field_parse_date_time (iso);

  g_assert_nonnull (time);
  return time;
}

static void
assert_time (GDateTime  *time,
             const char *expected)
{
  g_autofree char *text = NULL;

  g_assert_nonnull (time);
  text = cf_date_time_to_iso (time);
  g_assert_cmpstr (text, ==, expected);
}

static CfCase *
make_case (CfCaseKind  kind,
           const char *title,
           const char *aware_at,
           gboolean    reportable)
{
  CfCase *c = cf_case_new (kind);

  cf_record_set_field (CF_RECORD (c), "title", title);
  cf_record_set_field (CF_RECORD (c), "aware-at", aware_at);
  if (kind == CF_CASE_VULNERABILITY)
    cf_case_set_exploited (c, reportable);
  else
    cf_case_set_severe (c, reportable);
  return c;
}

static CfStepSent *
sent_step (CfReportStep  step,
           const char   *sent_at)
{
  CfStepSent *sent = g_new0 (CfStepSent, 1);

  sent->step = step;
  sent->sent_at = g_strdup (sent_at);
  sent->recipient = g_strdup ("CERT-Test");
  return sent;
}

/* Arithmetic */

static void
test_months_clamp_to_month_end (void)
{
  struct { const char *from; int months; const char *to; } cases[] = {
    { "2027-01-31T10:00:00Z", 1, "2027-02-28T10:00:00Z" },   /* not 3 March */
    { "2028-01-31T10:00:00Z", 1, "2028-02-29T10:00:00Z" },   /* leap year */
    { "2027-03-31T23:30:00Z", 1, "2027-04-30T23:30:00Z" },
    { "2026-12-15T08:00:00Z", 1, "2027-01-15T08:00:00Z" },   /* across the year */
    { "2026-08-31T00:00:00Z", 1, "2026-09-30T00:00:00Z" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GDateTime) from = at (cases[i].from);
      g_autoptr(GDateTime) to = cf_date_time_add_months (from, cases[i].months);

      assert_time (to, cases[i].to);
    }
}

static void
test_vulnerability_steps (void)
{
  g_autoptr(CfCase) c = make_case (CF_CASE_VULNERABILITY, "Auth bypass", "2026-11-20T08:15:00Z", TRUE);
  g_autoptr(GPtrArray) steps = cf_deadlines_for_case (c, NULL);
  CfDeadline *final;

  g_assert_cmpuint (steps->len, ==, 3);
  g_assert_cmpint (((CfDeadline *) steps->pdata[0])->step, ==, CF_STEP_EARLY_WARNING);
  assert_time (((CfDeadline *) steps->pdata[0])->due, "2026-11-21T08:15:00Z");
  g_assert_cmpint (((CfDeadline *) steps->pdata[1])->step, ==, CF_STEP_NOTIFICATION);
  assert_time (((CfDeadline *) steps->pdata[1])->due, "2026-11-23T08:15:00Z");

  /* No fix yet: the final report has no due time, and says why. */
  final = steps->pdata[2];
  g_assert_cmpint (final->step, ==, CF_STEP_FINAL_REPORT);
  g_assert_null (final->due);
  g_assert_nonnull (strstr (final->no_due_reason, "corrective or mitigating measure"));
  g_assert_nonnull (strstr (final->basis, "14(2)(c)"));

  /* Once a fix is available, 14 days from then. */
  cf_record_set_field (CF_RECORD (c), "fix-available-at", "2026-12-30T16:00:00Z");
  g_clear_pointer (&steps, g_ptr_array_unref);
  steps = cf_deadlines_for_case (c, NULL);
  assert_time (((CfDeadline *) steps->pdata[2])->due, "2027-01-13T16:00:00Z");
}

static void
test_incident_final_report_follows_notification (void)
{
  g_autoptr(CfCase) c = make_case (CF_CASE_INCIDENT, "Build server breach", "2027-01-28T09:00:00Z", TRUE);
  g_autoptr(GPtrArray) sent = g_ptr_array_new_with_free_func ((GDestroyNotify) cf_step_sent_free);
  g_autoptr(GPtrArray) steps = cf_deadlines_for_case (c, NULL);
  CfDeadline *final = steps->pdata[2];

  assert_time (((CfDeadline *) steps->pdata[0])->due, "2027-01-29T09:00:00Z");
  assert_time (((CfDeadline *) steps->pdata[1])->due, "2027-01-31T09:00:00Z");
  g_assert_null (final->due);
  g_assert_nonnull (strstr (final->no_due_reason, "incident notification"));

  /* Notification submitted on 31 January: one month later is 28 February. */
  g_ptr_array_add (sent, sent_step (CF_STEP_NOTIFICATION, "2027-01-31T08:00:00Z"));
  g_clear_pointer (&steps, g_ptr_array_unref);
  steps = cf_deadlines_for_case (c, sent);
  final = steps->pdata[2];
  assert_time (final->due, "2027-02-28T08:00:00Z");
  g_assert_nonnull (((CfDeadline *) steps->pdata[1])->sent);
  g_assert_null (((CfDeadline *) steps->pdata[0])->sent);
}

static void
test_unreportable_cases_have_no_steps (void)
{
  g_autoptr(CfCase) vulnerability = make_case (CF_CASE_VULNERABILITY, "Not exploited",
                                               "2026-11-20T08:15:00Z", FALSE);
  g_autoptr(CfCase) incident = make_case (CF_CASE_INCIDENT, "Not severe", "2026-11-20T08:15:00Z", FALSE);
  g_autoptr(GPtrArray) a = cf_deadlines_for_case (vulnerability, NULL);
  g_autoptr(GPtrArray) b = cf_deadlines_for_case (incident, NULL);

  g_assert_cmpuint (a->len, ==, 0);
  g_assert_cmpuint (b->len, ==, 0);
}

/* 24 hours are 24 hours, whatever the clocks in Berlin do that night; the
 * local time shown beside moves with them. */
static void
test_daylight_saving_changes (void)
{
  g_autoptr(GTimeZone) berlin = g_time_zone_new_identifier ("Europe/Berlin");
  g_autoptr(CfCase) autumn = NULL;
  g_autoptr(CfCase) spring = NULL;
  g_autoptr(GPtrArray) steps = NULL;
  g_autofree char *shown = NULL;

  if (berlin == NULL)
    {
      g_test_skip ("tzdata has no Europe/Berlin");
      return;
    }

  /* Aware at noon CEST on Saturday 24 October 2026; clocks go back at 03:00
   * on the Sunday, so the early warning is due at 11:00 CET, not noon. */
  autumn = make_case (CF_CASE_VULNERABILITY, "Autumn", "2026-10-24T12:00:00+02:00", TRUE);
  steps = cf_deadlines_for_case (autumn, NULL);
  assert_time (((CfDeadline *) steps->pdata[0])->due, "2026-10-25T10:00:00Z");
  assert_time (((CfDeadline *) steps->pdata[1])->due, "2026-10-27T10:00:00Z");
  shown = cf_format_utc_and_local (((CfDeadline *) steps->pdata[0])->due, berlin);
  g_assert_cmpstr (shown, ==, "2026-10-25 10:00 UTC (11:00 CET local time)");
  g_clear_pointer (&shown, g_free);
  g_clear_pointer (&steps, g_ptr_array_unref);

  /* Aware at noon CET on Saturday 27 March 2027; clocks go forward on the
   * Sunday: due at 13:00 CEST. */
  spring = make_case (CF_CASE_INCIDENT, "Spring", "2027-03-27T12:00:00+01:00", TRUE);
  steps = cf_deadlines_for_case (spring, NULL);
  assert_time (((CfDeadline *) steps->pdata[0])->due, "2027-03-28T11:00:00Z");
  shown = cf_format_utc_and_local (((CfDeadline *) steps->pdata[0])->due, berlin);
  g_assert_cmpstr (shown, ==, "2027-03-28 11:00 UTC (13:00 CEST local time)");
  g_clear_pointer (&shown, g_free);

  /* The local date is named when it differs from the UTC date. */
  {
    g_autoptr(GDateTime) late = at ("2026-12-31T23:30:00Z");

    shown = cf_format_utc_and_local (late, berlin);
    g_assert_cmpstr (shown, ==, "2026-12-31 23:30 UTC (2027-01-01 00:30 CET local time)");
  }
}

static void
test_overdue_and_alerts (void)
{
  g_autoptr(GDateTime) now = at ("2026-11-21T12:00:00Z");
  g_autoptr(CfCase) soon = make_case (CF_CASE_VULNERABILITY, "Soon", "2026-11-20T14:00:00Z", TRUE);
  g_autoptr(CfCase) late = make_case (CF_CASE_VULNERABILITY, "Late", "2026-11-19T10:00:00Z", TRUE);
  g_autoptr(GPtrArray) soon_steps = cf_deadlines_for_case (soon, NULL);
  g_autoptr(GPtrArray) late_steps = cf_deadlines_for_case (late, NULL);
  CfDeadline *soon_warning = soon_steps->pdata[0];    /* due in 2 hours */
  CfDeadline *soon_notification = soon_steps->pdata[1];   /* due in 2 days 2 hours */
  CfDeadline *late_warning = late_steps->pdata[0];    /* 26 hours overdue */
  g_autofree char *left = NULL;

  g_assert_false (cf_deadline_is_overdue (soon_warning, now));
  g_assert_true (cf_deadline_needs_alert (soon_warning, now));
  g_assert_false (cf_deadline_needs_alert (soon_notification, now));
  g_assert_true (cf_deadline_is_overdue (late_warning, now));
  g_assert_true (cf_deadline_needs_alert (late_warning, now));

  left = cf_deadline_format_time_left (soon_warning, now);
  g_assert_cmpstr (left, ==, "2 h 0 min left");
  g_clear_pointer (&left, g_free);
  left = cf_deadline_format_time_left (late_warning, now);
  g_assert_cmpstr (left, ==, "Overdue by 1 d 2 h");
  g_clear_pointer (&left, g_free);
  left = cf_deadline_format_time_left (soon_steps->pdata[2], now);
  g_assert_nonnull (strstr (left, "none is available yet"));
}

static void
test_field_formats (void)
{
  const CfFieldSpec moment = { "at", "Became aware at", 40, TRUE, FALSE, CF_FIELD_FORMAT_DATE_TIME };
  const CfFieldSpec states = { "ms", "Member States", 200, FALSE, FALSE, CF_FIELD_FORMAT_MEMBER_STATES };
  const CfFieldSpec state = { "m", "Main establishment", 40, FALSE, FALSE, CF_FIELD_FORMAT_MEMBER_STATE };
  const CfFieldSpec cvss = { "c", "CVSS vector", 200, FALSE, FALSE, CF_FIELD_FORMAT_CVSS };
  g_autofree char *normal = NULL;
  g_autofree char *message = NULL;

  normal = cf_field_normalize (&moment, " 2026-11-20T15:03+01:00 ");
  g_assert_cmpstr (normal, ==, "2026-11-20T14:03:00Z");
  g_clear_pointer (&normal, g_free);

  message = cf_field_spec_check (&moment, "2026-02-30T10:00:00Z");
  g_assert_nonnull (message);
  g_assert_nonnull (strstr (message, "2026-02-30T10:00:00Z"));
  g_clear_pointer (&message, g_free);
  message = cf_field_spec_check (&moment, "2026-11-20");
  g_assert_nonnull (message);
  g_clear_pointer (&message, g_free);

  normal = cf_field_normalize (&states, "de, fr;gr  DE");
  g_assert_cmpstr (normal, ==, "DE EL FR");
  g_clear_pointer (&normal, g_free);
  message = cf_field_spec_check (&states, "DE, UK");
  g_assert_nonnull (strstr (message, "“UK”"));
  g_clear_pointer (&message, g_free);

  normal = cf_field_normalize (&state, "ie");
  g_assert_cmpstr (normal, ==, "IE");
  g_clear_pointer (&normal, g_free);
  g_assert_cmpstr (cf_member_state_name ("GR"), ==, "Greece");
  message = cf_field_spec_check (&state, "CH");
  g_assert_nonnull (strstr (message, "“CH”"));
  g_clear_pointer (&message, g_free);

  /* Metrics in any order are written back in the specification's. */
  normal = cf_field_normalize (&cvss, "CVSS:3.1/C:H/AV:N/AC:L/PR:N/UI:N/S:U/I:H/A:H");
  g_assert_cmpstr (normal, ==, "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H");
  message = cf_field_spec_check (&cvss, "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H");
  g_assert_nonnull (strstr (message, "lacks the base metric A"));
}

/* The store */

typedef struct
{
  char    *dir;
  char    *path;
  CfStore *store;
  gint64   product_id;
  gint64   other_product_id;
} Fixture;

static gint64
add_product (CfStore    *store,
             const char *name)
{
  g_autoptr(CfProduct) product = cf_product_new ();
  g_autoptr(GError) error = NULL;
  gint64 id;

  cf_record_set_field (CF_RECORD (product), "name", name);
  cf_record_set_field (CF_RECORD (product), "model", "M-1");
  id = cf_store_add_product (store, product, &error);
  g_assert_no_error (error);
  return id;
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dir = g_dir_make_tmp ("cf-cases-XXXXXX", &error);
  g_assert_no_error (error);
  f->path = g_build_filename (f->dir, "project.db", NULL);
  f->store = cf_store_open (f->path, &error);
  g_assert_no_error (error);
  f->product_id = add_product (f->store, "Smart Plug");
  f->other_product_id = add_product (f->store, "Camera");
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GDir) dir = NULL;
  const char *name;

  g_clear_object (&f->store);
  dir = g_dir_open (f->dir, 0, NULL);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (f->dir, name, NULL);

      g_unlink (path);
    }
  g_rmdir (f->dir);
  g_free (f->path);
  g_free (f->dir);
}

static char *
iso_hours_ago (int hours)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GDateTime) then = g_date_time_add_hours (now, -hours);

  return cf_date_time_to_iso (then);
}

static gint64
add_case (Fixture    *f,
          gint64      product_id,
          CfCaseKind  kind,
          const char *title,
          int         hours_ago,
          gboolean    reportable)
{
  g_autofree char *aware = iso_hours_ago (hours_ago);
  g_autoptr(CfCase) c = make_case (kind, title, aware, reportable);
  g_autoptr(GError) error = NULL;
  gint64 id = cf_store_add_case (f->store, product_id, c, &error);

  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

static gint64
count_rows (Fixture    *f,
            const char *table)
{
  g_autoptr(GPtrArray) audit = NULL;

  /* Every write leaves an audit entry: counting them tells whether anything
   * was written at all. */
  if (g_str_equal (table, "audit"))
    {
      audit = cf_store_list_audit (f->store, 0, NULL);
      return audit->len;
    }
  g_assert_not_reached ();
}

static void
test_store_round_trip (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CfCase) c = cf_case_new (CF_CASE_VULNERABILITY);
  g_autoptr(CfCase) read = NULL;
  g_autoptr(GPtrArray) cases = NULL;
  gint64 id;

  cf_record_set_field (CF_RECORD (c), "title", "  Heap overflow in the TLS parser ");
  cf_record_set_field (CF_RECORD (c), "aware-at", "2026-11-20T09:30+01:00");
  cf_record_set_field (CF_RECORD (c), "reference", "CVE-2026-12345");
  cf_record_set_field (CF_RECORD (c), "cvss-vector", "CVSS:3.1/A:H/I:H/C:H/S:U/UI:N/PR:N/AC:L/AV:N");
  cf_record_set_field (CF_RECORD (c), "affected-components", "openssl 3.0.13\n\npkg:deb/debian/zlib@1.2.13\n");
  cf_case_set_exploited (c, TRUE);
  id = cf_store_add_case (f->store, f->product_id, c, &error);
  g_assert_no_error (error);

  read = cf_store_get_case (f->store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (cf_case_get_title (read), ==, "Heap overflow in the TLS parser");
  g_assert_cmpstr (cf_record_get_field (CF_RECORD (read), "aware-at"), ==, "2026-11-20T08:30:00Z");
  g_assert_cmpstr (cf_record_get_field (CF_RECORD (read), "cvss-vector"), ==,
                   "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H");
  g_assert_true (cf_case_get_exploited (read));
  g_assert_cmpint (cf_case_get_kind (read), ==, CF_CASE_VULNERABILITY);
  g_assert_cmpint (cf_case_get_product_id (read), ==, f->product_id);
  g_assert_cmpint (cf_case_get_status (read), ==, CF_CASE_OPEN);
  {
    g_auto(GStrv) components = cf_case_dup_components (read);

    g_autofree char *purl = NULL;

    g_assert_cmpuint (g_strv_length (components), ==, 2);
    g_assert_cmpstr (components[1], ==, "pkg:deb/debian/zlib@1.2.13");

    /* A package URL, alone or after a component picked from the SBOM. */
    purl = cf_case_component_dup_purl (components[1]);
    g_assert_cmpstr (purl, ==, "pkg:deb/debian/zlib@1.2.13");
    g_clear_pointer (&purl, g_free);
    purl = cf_case_component_dup_purl ("stack-cors 1.3.0 (pkg:composer/asm89/stack-cors@1.3.0)");
    g_assert_cmpstr (purl, ==, "pkg:composer/asm89/stack-cors@1.3.0");
    g_assert_null (cf_case_component_dup_purl (components[0]));
  }

  cf_case_set_status (read, CF_CASE_CLOSED);
  cf_record_set_field (CF_RECORD (read), "impact", "Remote code execution");
  g_assert_true (cf_store_update_case (f->store, read, &error));
  g_assert_no_error (error);
  g_clear_object (&read);
  read = cf_store_get_case (f->store, id, &error);
  g_assert_cmpint (cf_case_get_status (read), ==, CF_CASE_CLOSED);
  g_assert_cmpstr (cf_record_get_field (CF_RECORD (read), "impact"), ==, "Remote code execution");

  cases = cf_store_list_cases (f->store, f->other_product_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (cases->len, ==, 0);
  g_clear_pointer (&cases, g_ptr_array_unref);
  cases = cf_store_list_cases (f->store, 0, &error);
  g_assert_cmpuint (cases->len, ==, 1);
}

static void
test_store_refusals_change_nothing (Fixture       *f,
                                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CfCase) future = make_case (CF_CASE_VULNERABILITY, "Tomorrow", "2099-01-01T00:00:00Z", TRUE);
  g_autoptr(CfCase) bad_date = make_case (CF_CASE_VULNERABILITY, "Bad date", "2026-02-30T10:00:00Z", TRUE);
  g_autoptr(CfCase) mixed = make_case (CF_CASE_INCIDENT, "Mixed", "2026-11-01T10:00:00Z", TRUE);
  g_autoptr(CfCase) changed = NULL;
  gint64 before = count_rows (f, "audit");
  gint64 id;

  g_assert_cmpint (cf_store_add_case (f->store, f->product_id, future, &error), ==, 0);
  g_assert_error (error, CF_ERROR, CF_ERROR_INVALID_INPUT);
  g_assert_nonnull (strstr (error->message, "future"));
  g_clear_error (&error);

  g_assert_cmpint (cf_store_add_case (f->store, f->product_id, bad_date, &error), ==, 0);
  g_assert_nonnull (strstr (error->message, "2026-02-30T10:00:00Z"));
  g_clear_error (&error);

  /* A CVSS vector belongs to vulnerabilities. */
  cf_record_set_field (CF_RECORD (mixed), "cvss-vector", "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H");
  g_assert_cmpint (cf_store_add_case (f->store, f->product_id, mixed, &error), ==, 0);
  g_assert_nonnull (strstr (error->message, "CVSS vector"));
  g_clear_error (&error);

  g_assert_cmpint (cf_store_add_case (f->store, 999, bad_date, &error), ==, 0);
  g_assert_error (error, CF_ERROR, CF_ERROR_NOT_FOUND);
  g_clear_error (&error);

  g_assert_cmpint (count_rows (f, "audit"), ==, before);

  /* A case's kind never changes. */
  id = add_case (f, f->product_id, CF_CASE_VULNERABILITY, "Kind", 5, TRUE);
  changed = cf_store_get_case (f->store, id, &error);
  cf_case_set_kind (changed, CF_CASE_INCIDENT);
  before = count_rows (f, "audit");
  g_assert_false (cf_store_update_case (f->store, changed, &error));
  g_assert_error (error, CF_ERROR, CF_ERROR_INVALID_INPUT);
  g_clear_error (&error);
  g_assert_cmpint (count_rows (f, "audit"), ==, before);
}

static void
test_mark_sent (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) steps = NULL;
  gint64 exploited = add_case (f, f->product_id, CF_CASE_VULNERABILITY, "Exploited", 30, TRUE);
  gint64 quiet = add_case (f, f->product_id, CF_CASE_VULNERABILITY, "Quiet", 30, FALSE);
  g_autofree char *sent_at = iso_hours_ago (6);
  g_autofree char *too_early = iso_hours_ago (40);
  gint64 before;
  CfStepSent *s;

  g_assert_true (cf_store_mark_step_sent (f->store, exploited, CF_STEP_EARLY_WARNING, sent_at,
                                          " CERT-Bund ", "EW-2026-0042", "EARLY WARNING TEXT", &error));
  g_assert_no_error (error);

  steps = cf_store_list_case_steps (f->store, exploited, TRUE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (steps->len, ==, 1);
  s = steps->pdata[0];
  g_assert_cmpint (s->step, ==, CF_STEP_EARLY_WARNING);
  g_assert_cmpstr (s->recipient, ==, "CERT-Bund");
  g_assert_cmpstr (s->reference, ==, "EW-2026-0042");
  g_assert_cmpstr (s->sent_at, ==, sent_at);
  g_assert_cmpstr (s->report_text, ==, "EARLY WARNING TEXT");
  g_assert_cmpuint (strlen (s->report_sha256), ==, 64);

  before = count_rows (f, "audit");

  /* Once only. */
  g_assert_false (cf_store_mark_step_sent (f->store, exploited, CF_STEP_EARLY_WARNING, sent_at,
                                           "CERT-Bund", NULL, NULL, &error));
  g_assert_nonnull (strstr (error->message, "already recorded"));
  g_clear_error (&error);

  /* Not for a case Article 14 does not cover. */
  g_assert_false (cf_store_mark_step_sent (f->store, quiet, CF_STEP_EARLY_WARNING, sent_at,
                                           "CERT-Bund", NULL, NULL, &error));
  g_assert_nonnull (strstr (error->message, "not an actively exploited vulnerability"));
  g_clear_error (&error);

  /* Not before the manufacturer knew, not in the future, not without a recipient. */
  g_assert_false (cf_store_mark_step_sent (f->store, exploited, CF_STEP_NOTIFICATION, too_early,
                                           "CERT-Bund", NULL, NULL, &error));
  g_assert_nonnull (strstr (error->message, "before the manufacturer became aware"));
  g_clear_error (&error);
  g_assert_false (cf_store_mark_step_sent (f->store, exploited, CF_STEP_NOTIFICATION,
                                           "2099-01-01T00:00:00Z", "CERT-Bund", NULL, NULL, &error));
  g_assert_nonnull (strstr (error->message, "future"));
  g_clear_error (&error);
  g_assert_false (cf_store_mark_step_sent (f->store, exploited, CF_STEP_NOTIFICATION, sent_at,
                                           "  ", NULL, NULL, &error));
  g_assert_nonnull (strstr (error->message, "Submitted to"));
  g_clear_error (&error);

  g_assert_cmpint (count_rows (f, "audit"), ==, before);

  /* A case with a submitted report stays on record; one without can go. */
  g_assert_false (cf_store_remove_case (f->store, exploited, &error));
  g_assert_error (error, CF_ERROR, CF_ERROR_INVALID_INPUT);
  g_clear_error (&error);
  g_assert_true (cf_store_remove_case (f->store, quiet, &error));
  g_assert_no_error (error);
}

static void
test_deadlines_across_products (Fixture       *f,
                                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) open = NULL;
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *sent_at = iso_hours_ago (1);
  gint64 late = add_case (f, f->product_id, CF_CASE_VULNERABILITY, "Late", 30, TRUE);
  gint64 fresh = add_case (f, f->other_product_id, CF_CASE_INCIDENT, "Fresh", 2, TRUE);
  CfDeadline *first;

  add_case (f, f->product_id, CF_CASE_VULNERABILITY, "Not exploited", 2, FALSE);

  open = cf_store_list_deadlines (f->store, 0, FALSE, &error);
  g_assert_no_error (error);
  /* Two reportable cases, three steps each. */
  g_assert_cmpuint (open->len, ==, 6);

  /* Soonest first: the late case's early warning, overdue. */
  first = open->pdata[0];
  g_assert_cmpint (first->case_id, ==, late);
  g_assert_cmpint (first->step, ==, CF_STEP_EARLY_WARNING);
  g_assert_cmpstr (first->product_name, ==, "Smart Plug");
  g_assert_true (cf_deadline_is_overdue (first, now));
  g_assert_cmpint (((CfDeadline *) open->pdata[1])->case_id, ==, fresh);
  g_assert_false (cf_deadline_is_overdue (open->pdata[1], now));
  g_assert_cmpstr (((CfDeadline *) open->pdata[1])->product_name, ==, "Camera");
  /* Those without a due time come last. */
  g_assert_null (((CfDeadline *) open->pdata[4])->due);
  g_assert_null (((CfDeadline *) open->pdata[5])->due);

  /* A submitted step leaves the open list but stays in the full one. */
  g_assert_true (cf_store_mark_step_sent (f->store, late, CF_STEP_EARLY_WARNING, sent_at,
                                          "CERT-Bund", NULL, NULL, &error));
  g_clear_pointer (&open, g_ptr_array_unref);
  open = cf_store_list_deadlines (f->store, 0, FALSE, &error);
  g_assert_cmpuint (open->len, ==, 5);
  all = cf_store_list_deadlines (f->store, f->product_id, TRUE, &error);
  g_assert_cmpuint (all->len, ==, 3);
  g_assert_cmpint (((CfDeadline *) all->pdata[0])->step, ==, CF_STEP_EARLY_WARNING);
  g_assert_nonnull (((CfDeadline *) all->pdata[0])->sent);
  g_assert_cmpstr (((CfDeadline *) all->pdata[0])->sent->recipient, ==, "CERT-Bund");
}

static void
test_security_update_starts_final_report_clock (Fixture       *f,
                                                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CfSecurityUpdate) update = cf_security_update_new ();
  g_autoptr(CfSecurityUpdate) wrong = cf_security_update_new ();
  g_autoptr(CfCase) fixed = NULL;
  g_autoptr(GPtrArray) updates = NULL;
  g_autoptr(GPtrArray) steps = NULL;
  gint64 vulnerability = add_case (f, f->product_id, CF_CASE_VULNERABILITY, "Fixed", 30, TRUE);
  gint64 incident = add_case (f, f->product_id, CF_CASE_INCIDENT, "Incident", 30, TRUE);
  gint64 elsewhere = add_case (f, f->other_product_id, CF_CASE_VULNERABILITY, "Elsewhere", 30, TRUE);
  g_autoptr(GDateTime) today = g_date_time_new_now_utc ();
  g_autofree char *released = g_date_time_format (today, "%Y-%m-%d");
  g_autofree char *midnight = g_strdup_printf ("%sT00:00:00Z", released);
  g_autoptr(GDateTime) midnight_time = at (midnight);
  g_autoptr(GDateTime) expected_due = g_date_time_add_days (midnight_time, 14);
  gint64 id, before;

  /* An update cannot fix an incident or another product's vulnerability. */
  cf_record_set_field (CF_RECORD (wrong), "version", "9.9");
  cf_record_set_field (CF_RECORD (wrong), "released-on", released);
  cf_security_update_add_fix (wrong, incident);
  before = count_rows (f, "audit");
  g_assert_cmpint (cf_store_add_security_update (f->store, f->product_id, wrong, &error), ==, 0);
  g_assert_nonnull (strstr (error->message, "not a vulnerability of this product"));
  g_clear_error (&error);
  g_clear_object (&wrong);
  wrong = cf_security_update_new ();
  cf_record_set_field (CF_RECORD (wrong), "version", "9.9");
  cf_record_set_field (CF_RECORD (wrong), "released-on", released);
  cf_security_update_add_fix (wrong, elsewhere);
  g_assert_cmpint (cf_store_add_security_update (f->store, f->product_id, wrong, &error), ==, 0);
  g_clear_error (&error);
  g_assert_cmpint (count_rows (f, "audit"), ==, before);
  updates = cf_store_list_security_updates (f->store, f->product_id, &error);
  g_assert_cmpuint (updates->len, ==, 0);
  g_clear_pointer (&updates, g_ptr_array_unref);

  cf_record_set_field (CF_RECORD (update), "version", "2.4.1");
  cf_record_set_field (CF_RECORD (update), "released-on", released);
  cf_record_set_field (CF_RECORD (update), "notes", "Fixes the TLS parser.");
  cf_security_update_add_fix (update, vulnerability);
  id = cf_store_add_security_update (f->store, f->product_id, update, &error);
  g_assert_no_error (error);

  fixed = cf_store_get_case (f->store, vulnerability, &error);
  g_assert_cmpint (cf_case_get_update_id (fixed), ==, id);
  g_assert_cmpint (cf_case_get_status (fixed), ==, CF_CASE_MITIGATED);
  g_assert_cmpstr (cf_record_get_field (CF_RECORD (fixed), "fix-available-at"), ==, midnight);
  steps = cf_deadlines_for_case (fixed, NULL);
  g_assert_true (g_date_time_equal (((CfDeadline *) steps->pdata[2])->due, expected_due));

  updates = cf_store_list_security_updates (f->store, f->product_id, &error);
  g_assert_cmpuint (updates->len, ==, 1);
  g_assert_cmpuint (cf_security_update_get_fixes (updates->pdata[0])->len, ==, 1);

  /* The same version twice is refused, naming it. */
  g_clear_object (&update);
  update = cf_security_update_new ();
  cf_record_set_field (CF_RECORD (update), "version", "2.4.1");
  cf_record_set_field (CF_RECORD (update), "released-on", released);
  g_assert_cmpint (cf_store_add_security_update (f->store, f->product_id, update, &error), ==, 0);
  g_assert_nonnull (strstr (error->message, "2.4.1"));
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("LC_ALL", "C.UTF-8", TRUE);
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/cases/months-clamp-to-month-end", test_months_clamp_to_month_end);
  g_test_add_func ("/cases/vulnerability-steps", test_vulnerability_steps);
  g_test_add_func ("/cases/incident-final-report", test_incident_final_report_follows_notification);
  g_test_add_func ("/cases/unreportable", test_unreportable_cases_have_no_steps);
  g_test_add_func ("/cases/daylight-saving", test_daylight_saving_changes);
  g_test_add_func ("/cases/overdue-and-alerts", test_overdue_and_alerts);
  g_test_add_func ("/cases/field-formats", test_field_formats);
  g_test_add ("/cases/store/round-trip", Fixture, NULL,
              fixture_set_up, test_store_round_trip, fixture_tear_down);
  g_test_add ("/cases/store/refusals", Fixture, NULL,
              fixture_set_up, test_store_refusals_change_nothing, fixture_tear_down);
  g_test_add ("/cases/store/mark-sent", Fixture, NULL,
              fixture_set_up, test_mark_sent, fixture_tear_down);
  g_test_add ("/cases/store/deadlines", Fixture, NULL,
              fixture_set_up, test_deadlines_across_products, fixture_tear_down);
  g_test_add ("/cases/store/security-update", Fixture, NULL,
              fixture_set_up, test_security_update_starts_final_report_clock, fixture_tear_down);

  return g_test_run ();
}
