/* fuzz-dates.c — one input as the value of a field: dates, times and the
 * other formats a user types (e-mail, web address, Member States, CVSS)
 *
 * The value is the input up to its first NUL, as it would come from the
 * command line or an entry.
 *
 * Copyright 2026 The Conformity Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "cf-cvss.h"
#include "cf-evidence.h"
#include "cf-field.h"
#include "cf-lifecycle.h"
#include "cf-member-state.h"
#include "fuzz.h"

static const CfFieldSpec specs[] = {
  { "text", "Text", 200, FALSE, FALSE, CF_FIELD_FORMAT_TEXT, NULL },
  { "lines", "Lines", 200, TRUE, TRUE, CF_FIELD_FORMAT_TEXT, NULL },
  { "email", "Email", 200, FALSE, FALSE, CF_FIELD_FORMAT_EMAIL, NULL },
  { "url", "URL", 200, FALSE, FALSE, CF_FIELD_FORMAT_URL, NULL },
  { "date", "Date", 200, FALSE, FALSE, CF_FIELD_FORMAT_DATE, NULL },
  { "body", "Notified body", 200, FALSE, FALSE, CF_FIELD_FORMAT_NOTIFIED_BODY, NULL },
  { "contact", "Contact", 200, FALSE, FALSE, CF_FIELD_FORMAT_EMAIL_OR_URL, NULL },
  { "time", "Time", 200, FALSE, FALSE, CF_FIELD_FORMAT_DATE_TIME, NULL },
  { "state", "Member State", 200, FALSE, FALSE, CF_FIELD_FORMAT_MEMBER_STATE, NULL },
  { "states", "Member States", 200, FALSE, FALSE, CF_FIELD_FORMAT_MEMBER_STATES, NULL },
  { "cvss", "CVSS", 200, FALSE, FALSE, CF_FIELD_FORMAT_CVSS, NULL },
};

/* A date is read only when written YYYY-MM-DD, so it is written back the same. */
static void
check_date (const char *value)
{
  g_autoptr(GDate) date = cf_field_parse_date (value);
  g_autofree char *iso = NULL;

  g_assert_true (cf_evidence_date_is_valid (value) == (date != NULL));
  if (date == NULL)
    return;

  g_assert_true (g_date_valid (date));
  iso = cf_date_to_iso (date);
  g_assert_cmpstr (iso, ==, value);
}

/* A moment is stored as its UTC form, which reads as the same moment. */
static void
check_date_time (const char *value)
{
  g_autoptr(GDateTime) time = cf_field_parse_date_time (value);
  g_autoptr(GDateTime) again = NULL;
  g_autofree char *iso = NULL;
  g_autofree char *iso_again = NULL;

  if (time == NULL)
    return;

  iso = cf_date_time_to_iso (time);
  g_assert_nonnull (iso);
  again = cf_field_parse_date_time (iso);
  g_assert_nonnull (again);
  g_assert_cmpint (g_date_time_to_unix (again), ==, g_date_time_to_unix (time));
  iso_again = cf_date_time_to_iso (again);
  g_assert_cmpstr (iso_again, ==, iso);
}

/* A value the check accepts is stored normalised; the stored form passes
 * the same check and normalises to itself. */
static void
check_spec (const CfFieldSpec *spec,
            const char        *value)
{
  g_autofree char *message = cf_field_spec_check (spec, value);
  g_autofree char *normal = NULL;
  g_autofree char *message_again = NULL;
  g_autofree char *normal_again = NULL;

  if (message != NULL)
    {
      cf_fuzz_check_text (message);
      return;
    }

  normal = cf_field_normalize (spec, value);
  if (normal == NULL)
    return;

  message_again = cf_field_spec_check (spec, normal);
  if (message_again != NULL)
    g_error ("“%s” is accepted as %s, but its stored form “%s” is not: %s",
             value, spec->name, normal, message_again);
  normal_again = cf_field_normalize (spec, normal);
  g_assert_cmpstr (normal_again, ==, normal);
}

static void
check_cvss (const char *value)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CfCvss) cvss = cf_cvss_parse (value, &error);
  g_autoptr(CfCvss) again = NULL;

  cf_fuzz_check_outcome (cvss != NULL, error, NULL);
  if (cvss == NULL)
    return;

  g_assert_true (cvss->base_score >= 0.0 && cvss->base_score <= 10.0);
  g_assert_nonnull (cf_cvss_severity_label (cvss->severity));
  again = cf_cvss_parse (cvss->vector, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (again->vector, ==, cvss->vector);
  g_assert_cmpfloat (again->base_score, ==, cvss->base_score);
}

static void
check_member_states (const char *value)
{
  g_autofree char *bad = NULL;
  g_autofree char *codes = cf_member_states_normalize (value, &bad);
  g_autofree char *again = NULL;
  g_autofree char *described = NULL;

  if (codes == NULL)
    {
      cf_fuzz_check_text (bad);
      return;
    }

  again = cf_member_states_normalize (codes, NULL);
  g_assert_cmpstr (again, ==, codes);
  described = cf_member_states_describe (codes);
  cf_fuzz_check_text (described);
}

int
cf_fuzz_dates (const guint8 *data,
               gsize         size)
{
  g_autofree char *value = g_strndup ((const char *) data, size);

  cf_fuzz_init ();

  check_date (value);
  check_date_time (value);
  for (guint i = 0; i < G_N_ELEMENTS (specs); i++)
    check_spec (&specs[i], value);

  /* These three expect text, as the field checks make sure it is. */
  if (g_utf8_validate (value, -1, NULL))
    {
      check_cvss (value);
      check_member_states (value);
      cf_fuzz_check_text (cf_member_state_canonical (value));
    }

  return 0;
}
