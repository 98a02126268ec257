/* cf-deadline.c — Article 14's clocks
 *
 * Copyright 2026 The Conformity Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every period runs in real elapsed time from a moment recorded in UTC:
 * "within 24 hours" is 24 hours whatever the clocks of a Member State do
 * that night. The local time is only ever shown beside.
 */
#define G_LOG_DOMAIN "cf-deadline"

#include "config.h"

#include <inttypes.h>

#include <glib/gi18n-lib.h>

#include "cf-deadline.h"
#include "cf-field.h"

void
cf_step_sent_free (CfStepSent *sent)
{
  if (sent == NULL)
    return;
  g_free (sent->sent_at);
  g_free (sent->recipient);
  g_free (sent->reference);
  g_free (sent->report_sha256);
  g_free (sent->report_text);
  g_free (sent->recorded_at);
  g_free (sent->recorded_by);
  g_free (sent);
}

void
cf_deadline_free (CfDeadline *deadline)
{
  if (deadline == NULL)
    return;
  g_free (deadline->case_title);
  g_free (deadline->product_name);
  g_clear_pointer (&deadline->due, g_date_time_unref);
  g_free (deadline->no_due_reason);
  g_free (deadline->basis);
  cf_step_sent_free (deadline->sent);
  g_free (deadline);
}

static const char * const step_names[] = { "early-warning", "notification", "final-report" };

const char *
cf_report_step_to_string (CfReportStep step)
{
  g_return_val_if_fail (step < G_N_ELEMENTS (step_names), NULL);
  return step_names[step];
}

gboolean
cf_report_step_from_string (const char   *text,
                            CfReportStep *step)
{
  for (guint i = 0; i < G_N_ELEMENTS (step_names); i++)
    if (g_strcmp0 (text, step_names[i]) == 0)
      {
        *step = i;
        return TRUE;
      }
  return FALSE;
}

const char *
cf_report_step_label (CfReportStep step,
                      CfCaseKind   kind)
{
  switch (step)
    {
    case CF_STEP_EARLY_WARNING:
      return _("Early warning");
    case CF_STEP_NOTIFICATION:
      return kind == CF_CASE_INCIDENT ? _("Incident notification") : _("Vulnerability notification");
    case CF_STEP_FINAL_REPORT:
    default:
      return _("Final report");
    }
}

/**
 * cf_date_time_add_months:
 *
 * Adds calendar months in UTC. A day the target month lacks becomes its
 * last day, so one month after 31 January is the end of February, never a
 * day in March: the earlier reading never lets a deadline slip.
 *
 * Returns: (transfer full): the moment, in UTC
 */
GDateTime *
cf_date_time_add_months (GDateTime *time,
                         int        months)
{
  g_autoptr(GDateTime) utc = g_date_time_to_utc (time);
  int year = g_date_time_get_year (utc);
  int month = g_date_time_get_month (utc) - 1 + months;
  int day = g_date_time_get_day_of_month (utc);

  year += month / 12;
  month %= 12;
  if (month < 0)
    {
      month += 12;
      year--;
    }
  day = MIN (day, g_date_get_days_in_month (month + 1, year));

  return g_date_time_new_utc (year, month + 1, day,
                              g_date_time_get_hour (utc),
                              g_date_time_get_minute (utc),
                              g_date_time_get_seconds (utc));
}

static CfStepSent *
find_sent (GPtrArray    *sent,
           CfReportStep  step)
{
  for (guint i = 0; sent != NULL && i < sent->len; i++)
    {
      CfStepSent *s = g_ptr_array_index (sent, i);

      if (s->step == step)
        return s;
    }
  return NULL;
}

static CfStepSent *
step_sent_copy (const CfStepSent *s)
{
  CfStepSent *copy = g_new0 (CfStepSent, 1);

  copy->case_id = s->case_id;
  copy->step = s->step;
  copy->sent_at = g_strdup (s->sent_at);
  copy->recipient = g_strdup (s->recipient);
  copy->reference = g_strdup (s->reference);
  copy->report_sha256 = g_strdup (s->report_sha256);
  copy->report_text = g_strdup (s->report_text);
  copy->recorded_at = g_strdup (s->recorded_at);
  copy->recorded_by = g_strdup (s->recorded_by);
  return copy;
}

static CfDeadline *
deadline_new (CfCase       *c,
              CfReportStep  step,
              GPtrArray    *sent)
{
  CfDeadline *d = g_new0 (CfDeadline, 1);
  CfStepSent *s = find_sent (sent, step);

  d->case_id = cf_record_get_id (CF_RECORD (c));
  d->product_id = cf_case_get_product_id (c);
  d->kind = cf_case_get_kind (c);
  d->case_title = g_strdup (cf_case_get_title (c));
  d->step = step;
  d->sent = s != NULL ? step_sent_copy (s) : NULL;
  return d;
}

/**
 * cf_deadlines_for_case:
 * @c: the case
 * @sent: (element-type CfStepSent) (nullable): the steps already submitted
 *
 * An actively exploited vulnerability (Article 14(2)): early warning within
 * 24 hours of becoming aware, vulnerability notification within 72 hours,
 * final report no later than 14 days after a corrective or mitigating
 * measure is available. A severe incident (Article 14(4)): 24 hours, 72
 * hours, and a final report within one month after the incident
 * notification was submitted. A case Article 14 does not cover has none.
 *
 * Returns: (transfer container) (element-type CfDeadline): the steps in order
 */
GPtrArray *
cf_deadlines_for_case (CfCase    *c,
                       GPtrArray *sent)
{
  g_autoptr(GPtrArray) steps = g_ptr_array_new_with_free_func ((GDestroyNotify) cf_deadline_free);
  g_autoptr(GDateTime) aware_at = NULL;
  gboolean incident;
  CfDeadline *d;

  g_return_val_if_fail (CF_IS_CASE (c), NULL);

  if (!cf_case_is_reportable (c))
    return g_steal_pointer (&steps);

  incident = cf_case_get_kind (c) == CF_CASE_INCIDENT;
  aware_at = cf_case_dup_aware_at (c);

  d = deadline_new (c, CF_STEP_EARLY_WARNING, sent);
  d->basis = g_strdup (incident
                       ? _("within 24 hours of becoming aware (Article 14(4)(a))")
                       : _("within 24 hours of becoming aware (Article 14(2)(a))"));
  if (aware_at != NULL)
    d->due = g_date_time_add_hours (aware_at, 24);
  else
    d->no_due_reason = g_strdup (_("The time the manufacturer became aware is not recorded."));
  g_ptr_array_add (steps, d);

  d = deadline_new (c, CF_STEP_NOTIFICATION, sent);
  d->basis = g_strdup (incident
                       ? _("within 72 hours of becoming aware (Article 14(4)(b))")
                       : _("within 72 hours of becoming aware (Article 14(2)(b))"));
  if (aware_at != NULL)
    d->due = g_date_time_add_hours (aware_at, 72);
  else
    d->no_due_reason = g_strdup (_("The time the manufacturer became aware is not recorded."));
  g_ptr_array_add (steps, d);

  d = deadline_new (c, CF_STEP_FINAL_REPORT, sent);
  if (incident)
    {
      CfStepSent *notified = find_sent (sent, CF_STEP_NOTIFICATION);
      g_autoptr(GDateTime) notified_at = notified != NULL
                                         ? cf_field_parse_date_time (notified->sent_at) : NULL;

      d->basis = g_strdup (_("within one month after the incident notification was submitted "
                             "(Article 14(4)(c))"));
      if (notified_at != NULL)
        d->due = cf_date_time_add_months (notified_at, 1);
      else
        d->no_due_reason = g_strdup (_("Due one month after the incident notification is "
                                       "submitted; it has not been submitted yet."));
    }
  else
    {
      g_autoptr(GDateTime) fixed_at = cf_case_dup_fix_available_at (c);

      d->basis = g_strdup (_("no later than 14 days after a corrective or mitigating measure "
                             "is available (Article 14(2)(c))"));
      if (fixed_at != NULL)
        d->due = g_date_time_add_days (fixed_at, 14);
      else
        d->no_due_reason = g_strdup (_("Due 14 days after a corrective or mitigating measure is "
                                       "available; none is available yet."));
    }
  g_ptr_array_add (steps, d);

  return g_steal_pointer (&steps);
}

gboolean
cf_deadline_is_overdue (const CfDeadline *deadline,
                        GDateTime        *now)
{
  return deadline->sent == NULL && deadline->due != NULL &&
         g_date_time_compare (now, deadline->due) > 0;
}

/**
 * cf_deadline_needs_alert:
 *
 * Returns: whether the step is still to be submitted and due within
 *   %CF_DEADLINE_ALERT_WINDOW, or already overdue
 */
gboolean
cf_deadline_needs_alert (const CfDeadline *deadline,
                         GDateTime        *now)
{
  return deadline->sent == NULL && deadline->due != NULL &&
         g_date_time_difference (deadline->due, now) <= CF_DEADLINE_ALERT_WINDOW;
}

/**
 * cf_deadline_compare:
 *
 * Soonest first; steps without a due time after all others, then by case.
 */
int
cf_deadline_compare (gconstpointer a,
                     gconstpointer b)
{
  const CfDeadline *da = *(const CfDeadline * const *) a;
  const CfDeadline *db = *(const CfDeadline * const *) b;

  if ((da->due == NULL) != (db->due == NULL))
    return da->due == NULL ? 1 : -1;
  if (da->due != NULL)
    {
      int order = g_date_time_compare (da->due, db->due);

      if (order != 0)
        return order;
    }
  if (da->case_id != db->case_id)
    return da->case_id < db->case_id ? -1 : 1;
  return (int) da->step - (int) db->step;
}

static char *
format_span (GTimeSpan span)
{
  gint64 minutes = span / G_TIME_SPAN_MINUTE;
  gint64 days = minutes / (24 * 60);
  gint64 hours = (minutes / 60) % 24;

  minutes %= 60;
  if (days > 0)
    /* Translators: a time left or past, "2 d 5 h" */
    return g_strdup_printf (_("%" PRId64 " d %" PRId64 " h"), days, hours);
  if (hours > 0)
    /* Translators: a time left or past, "5 h 12 min" */
    return g_strdup_printf (_("%" PRId64 " h %" PRId64 " min"), hours, minutes);
  /* Translators: a time left or past, "12 min" */
  return g_strdup_printf (_("%" PRId64 " min"), minutes);
}

/**
 * cf_deadline_format_time_left:
 *
 * Returns: (transfer full): "5 h 12 min left", "Overdue by 2 d 1 h", or the
 *   reason there is no due time yet
 */
char *
cf_deadline_format_time_left (const CfDeadline *deadline,
                              GDateTime        *now)
{
  g_autofree char *span = NULL;
  GTimeSpan left;

  if (deadline->sent != NULL)
    return g_strdup_printf (_("Submitted %s"), deadline->sent->sent_at);
  if (deadline->due == NULL)
    return g_strdup (deadline->no_due_reason);

  left = g_date_time_difference (deadline->due, now);
  span = format_span (ABS (left));
  if (left < 0)
    return g_strdup_printf (_("Overdue by %s"), span);
  return g_strdup_printf (_("%s left"), span);
}

/**
 * cf_format_utc_and_local:
 * @local: (nullable): the zone to show beside UTC; %NULL for the machine's
 *
 * Returns: (transfer full): "2026-11-21 09:30 UTC (10:30 CET)"; the local
 *   time carries its date when that differs
 */
char *
cf_format_utc_and_local (GDateTime *time,
                         GTimeZone *local)
{
  g_autoptr(GTimeZone) zone = local != NULL ? g_time_zone_ref (local) : g_time_zone_new_local ();
  g_autoptr(GDateTime) utc = g_date_time_to_utc (time);
  g_autoptr(GDateTime) there = g_date_time_to_timezone (time, zone);
  g_autofree char *utc_text = g_date_time_format (utc, "%Y-%m-%d %H:%M UTC");
  g_autofree char *there_text = NULL;

  if (g_date_time_get_utc_offset (there) == 0 &&
      g_strcmp0 (g_date_time_get_timezone_abbreviation (there), "UTC") == 0)
    return g_steal_pointer (&utc_text);

  if (g_date_time_get_day_of_year (there) == g_date_time_get_day_of_year (utc))
    there_text = g_date_time_format (there, "%H:%M %Z");
  else
    there_text = g_date_time_format (there, "%Y-%m-%d %H:%M %Z");

  /* Translators: a moment in UTC, then the same moment in local time */
  return g_strdup_printf (_("%s (%s local time)"), utc_text, there_text);
}
