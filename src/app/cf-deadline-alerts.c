/* cf-deadline-alerts.c — desktop notifications for Article 14 reports falling due
 *
 * Copyright 2026 The Conformity Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each report still to be submitted crosses two thresholds: it comes within
 * CF_DEADLINE_ALERT_WINDOW of its due time, then it falls overdue. The
 * desktop is told once at each, under an id of the step's own, so that the
 * second notification replaces the first instead of piling up. Between
 * checks a single timeout waits for the next threshold; the store's
 * "changed::case" starts a check at once.
 */
#define G_LOG_DOMAIN "cf-deadline-alerts"

#include "config.h"

#include <inttypes.h>

#include <glib/gi18n.h>

#include "cf-deadline.h"
#include "cf-deadline-alerts.h"

struct _CfDeadlineAlerts
{
  GObject       parent_instance;

  GApplication *application;   /* weak: it owns us */
  CfStore      *store;
  GHashTable   *levels;        /* notification id → the Level last sent */
  guint         timeout_id;
};

G_DEFINE_FINAL_TYPE (CfDeadlineAlerts, cf_deadline_alerts, G_TYPE_OBJECT)

typedef enum
{
  LEVEL_NONE,
  LEVEL_SOON,
  LEVEL_OVERDUE,
} Level;

/* A wait is capped so that after the machine wakes from sleep, during
 * which the monotonic clock stands still, the alerts catch up soon. */
#define MAX_WAIT_SECONDS (10 * 60)

static char *
notification_id (const CfDeadline *d)
{
  return g_strdup_printf ("deadline-%" G_GINT64_FORMAT "-%s",
                          d->case_id, cf_report_step_to_string (d->step));
}

static Level
level_at (const CfDeadline *d,
          GDateTime        *now)
{
  if (cf_deadline_is_overdue (d, now))
    return LEVEL_OVERDUE;
  if (cf_deadline_needs_alert (d, now))
    return LEVEL_SOON;
  return LEVEL_NONE;
}

static void
send_alert (CfDeadlineAlerts *self,
            const char       *id,
            const CfDeadline *d,
            Level             level,
            GDateTime        *now)
{
  const char *step = cf_report_step_label (d->step, d->kind);
  g_autoptr(GNotification) notification = NULL;
  g_autoptr(GIcon) icon = g_themed_icon_new (APP_ID);
  g_autofree char *title = NULL;
  g_autofree char *body = NULL;
  g_autofree char *due = cf_format_utc_and_local (d->due, NULL);
  g_autofree char *left = cf_deadline_format_time_left (d, now);

  if (level == LEVEL_OVERDUE)
    /* Translators: a report of Article 14 whose due time has passed: "Early warning overdue" */
    title = g_strdup_printf (_("%s overdue"), step);
  else
    /* Translators: a report of Article 14 due within hours: "Early warning due soon" */
    title = g_strdup_printf (_("%s due soon"), step);

  /* Translators: the case's number and title, its product, the due time,
   * then "1 h 12 min left" or "Overdue by 2 h 5 min" */
  body = g_strdup_printf (_("Case %" PRId64 ": %s (%s)\nDue %s. %s."),
                          d->case_id, d->case_title, d->product_name != NULL ? d->product_name : "",
                          due, left);

  notification = g_notification_new (title);
  g_notification_set_body (notification, body);
  g_notification_set_icon (notification, icon);
  g_notification_set_priority (notification, G_NOTIFICATION_PRIORITY_HIGH);
  g_notification_set_default_action (notification, "app.show-deadlines");
  g_application_send_notification (self->application, id, notification);
}

static gboolean timeout_cb (gpointer user_data);

static void
schedule (CfDeadlineAlerts *self,
          GTimeSpan         wait)
{
  gint64 seconds = wait / G_TIME_SPAN_SECOND + 1;

  g_clear_handle_id (&self->timeout_id, g_source_remove);
  self->timeout_id = g_timeout_add_seconds (CLAMP (seconds, 1, MAX_WAIT_SECONDS), timeout_cb, self);
}

/* Tells the desktop of every threshold crossed since the last check,
 * withdraws what no longer holds, and waits for the next threshold. */
static void
check (CfDeadlineAlerts *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) deadlines = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GHashTable) open = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  GTimeSpan wait = G_MAXINT64;
  GHashTableIter iter;
  gpointer key;

  if (self->application == NULL)
    return;
  /* Every notification backend on this platform speaks D-Bus; without a
   * session bus there is no one to tell, and GLib would complain. */
  if (g_application_get_dbus_connection (self->application) == NULL)
    {
      g_debug ("No session bus: reporting deadlines are shown in the window only");
      return;
    }

  deadlines = cf_store_list_deadlines (self->store, 0, FALSE, &error);
  if (deadlines == NULL)
    {
      /* Nobody to tell but the log; the next check may fare better. */
      g_debug ("Cannot check the reporting deadlines: %s", error->message);
      schedule (self, MAX_WAIT_SECONDS * G_TIME_SPAN_SECOND);
      return;
    }

  for (guint i = 0; i < deadlines->len; i++)
    {
      const CfDeadline *d = g_ptr_array_index (deadlines, i);
      g_autofree char *id = NULL;
      Level level, sent;

      if (d->due == NULL)
        continue;

      id = notification_id (d);
      level = level_at (d, now);
      sent = GPOINTER_TO_INT (g_hash_table_lookup (self->levels, id));

      /* A due time moved later (the time of awareness was corrected):
       * what was said no longer holds. */
      if (level < sent)
        {
          g_application_withdraw_notification (self->application, id);
          sent = LEVEL_NONE;
        }
      if (level > sent)
        send_alert (self, id, d, level, now);
      if (level == LEVEL_NONE)
        g_hash_table_remove (self->levels, id);
      else
        g_hash_table_insert (self->levels, g_strdup (id), GINT_TO_POINTER (level));
      g_hash_table_add (open, g_steal_pointer (&id));

      if (level == LEVEL_NONE)
        wait = MIN (wait, g_date_time_difference (d->due, now) - CF_DEADLINE_ALERT_WINDOW);
      else if (level == LEVEL_SOON)
        wait = MIN (wait, g_date_time_difference (d->due, now));
    }

  /* Submitted, or its case removed: nothing left to remind of. */
  g_hash_table_iter_init (&iter, self->levels);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    if (!g_hash_table_contains (open, key))
      {
        g_application_withdraw_notification (self->application, key);
        g_hash_table_iter_remove (&iter);
      }

  g_clear_handle_id (&self->timeout_id, g_source_remove);
  if (wait != G_MAXINT64)
    schedule (self, wait);
}

static gboolean
timeout_cb (gpointer user_data)
{
  CfDeadlineAlerts *self = user_data;

  self->timeout_id = 0;
  check (self);
  return G_SOURCE_REMOVE;
}

static void
store_changed_cb (CfDeadlineAlerts *self,
                  gint64            id,
                  CfStore          *store)
{
  check (self);
}

static void
cf_deadline_alerts_dispose (GObject *object)
{
  CfDeadlineAlerts *self = CF_DEADLINE_ALERTS (object);

  g_clear_handle_id (&self->timeout_id, g_source_remove);
  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  g_clear_object (&self->store);
  g_clear_weak_pointer (&self->application);

  G_OBJECT_CLASS (cf_deadline_alerts_parent_class)->dispose (object);
}

static void
cf_deadline_alerts_finalize (GObject *object)
{
  CfDeadlineAlerts *self = CF_DEADLINE_ALERTS (object);

  g_clear_pointer (&self->levels, g_hash_table_unref);

  G_OBJECT_CLASS (cf_deadline_alerts_parent_class)->finalize (object);
}

static void
cf_deadline_alerts_class_init (CfDeadlineAlertsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = cf_deadline_alerts_dispose;
  object_class->finalize = cf_deadline_alerts_finalize;
}

static void
cf_deadline_alerts_init (CfDeadlineAlerts *self)
{
  self->levels = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
}

/**
 * cf_deadline_alerts_new:
 * @application: a registered application, which sends the notifications
 * @store: the project whose cases are watched
 *
 * Checks at once, so whatever is already due soon or overdue is told when
 * the application starts.
 *
 * Returns: (transfer full): the alerts, which stop when released
 */
CfDeadlineAlerts *
cf_deadline_alerts_new (GApplication *application,
                        CfStore      *store)
{
  CfDeadlineAlerts *self;

  g_return_val_if_fail (G_IS_APPLICATION (application), NULL);
  g_return_val_if_fail (g_application_get_is_registered (application), NULL);
  g_return_val_if_fail (CF_IS_STORE (store), NULL);

  self = g_object_new (CF_TYPE_DEADLINE_ALERTS, NULL);
  g_set_weak_pointer (&self->application, application);
  self->store = g_object_ref (store);
  /* Removing a product removes its cases. */
  g_signal_connect_object (store, "changed::case",
                           G_CALLBACK (store_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (store, "changed::product",
                           G_CALLBACK (store_changed_cb), self, G_CONNECT_SWAPPED);
  check (self);

  return self;
}
