/* cf-deadlines-view.c — every open Article 14 report of every product, soonest first
 *
 * Copyright 2026 The Conformity Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The reports come from the store; what changes with the clock alone (the
 * time left, whether a step is overdue) is worked out again every minute
 * while the dashboard is shown, and at the moment the next step falls
 * overdue whether it is shown or not, so the window's counts stay true.
 */
#define G_LOG_DOMAIN "cf-deadlines-view"

#include "config.h"

#include <inttypes.h>

#include <glib/gi18n.h>

#include "cf-deadline.h"
#include "cf-deadlines-view.h"

struct _CfDeadlinesView
{
  AdwBin               parent_instance;

  /* Template widgets */
  GtkStack            *stack;
  AdwStatusPage       *empty_page;
  GtkImage            *summary_icon;
  GtkLabel            *summary_label;
  AdwPreferencesGroup *due_group;
  AdwPreferencesGroup *undated_group;
  GtkListBox          *due_list;
  GtkListBox          *undated_list;

  CfContext           *context;
  GPtrArray           *deadlines;     /* CfDeadline, soonest first */
  GPtrArray           *rows;          /* DeadlineRow, one per deadline */
  guint                n_open;
  guint                n_overdue;
  guint                tick_id;       /* every minute while shown */
  guint                overdue_id;    /* when the next step falls overdue */
};

G_DEFINE_FINAL_TYPE (CfDeadlinesView, cf_deadlines_view, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_CONTEXT,
  PROP_N_OPEN,
  PROP_N_OVERDUE,
  N_PROPS
};

enum {
  SIGNAL_SHOW_CASE,
  N_SIGNALS
};

static GParamSpec *properties [N_PROPS];
static guint signals [N_SIGNALS];

/* The widgets of one row that change with the clock. */
typedef struct
{
  GtkWidget  *row;        /* owned by its list box */
  GtkImage   *icon;
  GtkLabel   *left;       /* NULL without a due time */
  CfDeadline *deadline;   /* owned by self->deadlines */
} DeadlineRow;

/* A timer is capped so that after the machine wakes from sleep, during
 * which the monotonic clock stands still, the view catches up soon. */
#define MAX_WAIT_SECONDS (10 * 60)

static void
set_css_class (GtkWidget  *widget,
               const char *name,
               gboolean    on)
{
  if (on)
    gtk_widget_add_css_class (widget, name);
  else
    gtk_widget_remove_css_class (widget, name);
}

static void
set_icon (GtkImage   *icon,
          const char *icon_name,
          const char *style,
          const char *description)
{
  static const char * const styles[] = { "error", "warning", "dim-label" };

  gtk_image_set_from_icon_name (icon, icon_name);
  for (guint i = 0; i < G_N_ELEMENTS (styles); i++)
    set_css_class (GTK_WIDGET (icon), styles[i], g_strcmp0 (style, styles[i]) == 0);
  gtk_widget_set_tooltip_text (GTK_WIDGET (icon), description);
  if (description != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (icon),
                                    GTK_ACCESSIBLE_PROPERTY_LABEL, description,
                                    -1);
}

static void
clear_list (GtkListBox *list)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    gtk_list_box_remove (list, child);
}

/* Says, in words and with an icon, where a step stands at @now. */
static gboolean
update_row (DeadlineRow *r,
            GDateTime   *now)
{
  const CfDeadline *d = r->deadline;
  g_autofree char *left = NULL;
  gboolean overdue, soon;

  if (d->due == NULL)
    {
      set_icon (r->icon, "content-loading-symbolic", "dim-label", _("No due time yet"));
      return FALSE;
    }

  overdue = cf_deadline_is_overdue (d, now);
  soon = !overdue && cf_deadline_needs_alert (d, now);
  left = cf_deadline_format_time_left (d, now);
  gtk_label_set_text (r->left, left);

  set_css_class (r->row, "error", overdue);
  set_css_class (GTK_WIDGET (r->left), "error", overdue);
  set_css_class (GTK_WIDGET (r->left), "warning", soon);
  set_css_class (GTK_WIDGET (r->left), "dim-label", !overdue && !soon);
  if (overdue)
    set_icon (r->icon, "dialog-warning-symbolic", "error", _("Overdue"));
  else if (soon)
    set_icon (r->icon, "alarm-symbolic", "warning", _("Due soon"));
  else
    set_icon (r->icon, "x-office-calendar-symbolic", "dim-label", _("Due later"));

  return overdue;
}

static GtkWidget *
create_row (CfDeadline *d,
            GTimeZone  *local,
            GtkImage  **icon,
            GtkLabel  **left)
{
  AdwActionRow *row = ADW_ACTION_ROW (adw_action_row_new ());
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *when = NULL;
  g_autofree char *name = NULL;
  GtkWidget *arrow;

  /* Titles are the user's words: never markup. */
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  /* Translators: a case's number, then its title: "Case 3: Remote code execution" */
  title = g_strdup_printf (_("Case %" PRId64 ": %s"), d->case_id, d->case_title);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);

  if (d->due != NULL)
    {
      g_autofree char *due = cf_format_utc_and_local (d->due, local);

      /* Translators: the moment a report is due, in UTC and local time */
      when = g_strdup_printf (_("Due %s"), due);
    }
  else
    when = g_strdup (d->no_due_reason);
  subtitle = g_strdup_printf ("%s · %s · %s\n%s",
                              cf_report_step_label (d->step, d->kind),
                              cf_case_kind_label (d->kind),
                              d->product_name != NULL ? d->product_name : "",
                              when);
  adw_action_row_set_subtitle (row, subtitle);
  gtk_widget_set_tooltip_text (GTK_WIDGET (row), d->basis);

  name = g_strdup_printf ("deadline-%" G_GINT64_FORMAT "-%s",
                          d->case_id, cf_report_step_to_string (d->step));
  gtk_widget_set_name (GTK_WIDGET (row), name);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);

  *icon = GTK_IMAGE (gtk_image_new ());
  adw_action_row_add_prefix (row, GTK_WIDGET (*icon));

  *left = NULL;
  if (d->due != NULL)
    {
      *left = GTK_LABEL (gtk_label_new (NULL));
      gtk_widget_set_name (GTK_WIDGET (*left), "time-left");
      gtk_label_set_xalign (*left, 1);
      gtk_widget_add_css_class (GTK_WIDGET (*left), "numeric");
      gtk_widget_add_css_class (GTK_WIDGET (*left), "deadline-time-left");
      adw_action_row_add_suffix (row, GTK_WIDGET (*left));
    }

  arrow = gtk_image_new_from_icon_name ("go-next-symbolic");
  gtk_widget_add_css_class (arrow, "dim-label");
  adw_action_row_add_suffix (row, arrow);

  return GTK_WIDGET (row);
}

static void schedule_overdue (CfDeadlinesView *self,
                              GDateTime       *now);

/* Brings every row, the summary and the counts up to the present. */
static void
refresh (CfDeadlinesView *self)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *summary = NULL;
  guint n_overdue = 0, n_soon = 0;
  guint n_open = self->deadlines != NULL ? self->deadlines->len : 0;

  for (guint i = 0; self->rows != NULL && i < self->rows->len; i++)
    {
      DeadlineRow *r = g_ptr_array_index (self->rows, i);

      if (update_row (r, now))
        n_overdue++;
      else if (cf_deadline_needs_alert (r->deadline, now))
        n_soon++;
    }

  if (n_overdue > 0)
    {
      summary = g_strdup_printf (ngettext ("%u report is overdue",
                                           "%u reports are overdue", n_overdue),
                                 n_overdue);
      set_icon (self->summary_icon, "dialog-warning-symbolic", "error", NULL);
    }
  else if (n_soon > 0)
    {
      summary = g_strdup_printf (ngettext ("%u report is due soon",
                                           "%u reports are due soon", n_soon),
                                 n_soon);
      set_icon (self->summary_icon, "alarm-symbolic", "warning", NULL);
    }
  else
    {
      summary = g_strdup_printf (ngettext ("%u report to submit; none is due soon",
                                           "%u reports to submit; none is due soon", n_open),
                                 n_open);
      set_icon (self->summary_icon, "x-office-calendar-symbolic", "dim-label", NULL);
    }
  gtk_label_set_text (self->summary_label, summary);
  gtk_stack_set_visible_child_name (self->stack, n_open > 0 ? "list" : "empty");

  if (self->n_open != n_open)
    {
      self->n_open = n_open;
      g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_N_OPEN]);
    }
  if (self->n_overdue != n_overdue)
    {
      self->n_overdue = n_overdue;
      g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_N_OVERDUE]);
    }

  schedule_overdue (self, now);
}

static gboolean
overdue_cb (gpointer user_data)
{
  CfDeadlinesView *self = user_data;

  self->overdue_id = 0;
  refresh (self);
  return G_SOURCE_REMOVE;
}

/* Wakes when the soonest step still in time falls overdue. */
static void
schedule_overdue (CfDeadlinesView *self,
                  GDateTime       *now)
{
  GTimeSpan wait = G_MAXINT64;

  g_clear_handle_id (&self->overdue_id, g_source_remove);

  for (guint i = 0; self->deadlines != NULL && i < self->deadlines->len; i++)
    {
      const CfDeadline *d = g_ptr_array_index (self->deadlines, i);

      if (d->due != NULL && !cf_deadline_is_overdue (d, now))
        wait = MIN (wait, g_date_time_difference (d->due, now));
    }

  if (wait == G_MAXINT64)
    return;
  /* Overdue means strictly after the due time: wake a second past it. */
  self->overdue_id = g_timeout_add_seconds (MIN (wait / G_TIME_SPAN_SECOND + 1, MAX_WAIT_SECONDS),
                                            overdue_cb, self);
}

static void
reload (CfDeadlinesView *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GTimeZone) local = g_time_zone_new_local ();
  g_autoptr(GPtrArray) deadlines = NULL;
  gboolean any_dated = FALSE, any_undated = FALSE;

  deadlines = cf_store_list_deadlines (cf_context_get_store (self->context), 0, FALSE, &error);
  if (deadlines == NULL)
    {
      /* Keep what was shown, and say why it may be stale. */
      gtk_label_set_text (self->summary_label, error->message);
      set_icon (self->summary_icon, "dialog-error-symbolic", "error", NULL);
      gtk_stack_set_visible_child_name (self->stack, "list");
      return;
    }

  /* The rows point into the old list: drop them first. */
  clear_list (self->due_list);
  clear_list (self->undated_list);
  g_ptr_array_set_size (self->rows, 0);
  g_clear_pointer (&self->deadlines, g_ptr_array_unref);
  self->deadlines = g_steal_pointer (&deadlines);

  for (guint i = 0; i < self->deadlines->len; i++)
    {
      CfDeadline *d = g_ptr_array_index (self->deadlines, i);
      DeadlineRow *r = g_new0 (DeadlineRow, 1);

      r->deadline = d;
      r->row = create_row (d, local, &r->icon, &r->left);
      g_object_set_data (G_OBJECT (r->row), "cf-deadline", d);
      gtk_list_box_append (d->due != NULL ? self->due_list : self->undated_list, r->row);
      g_ptr_array_add (self->rows, r);
      any_dated |= d->due != NULL;
      any_undated |= d->due == NULL;
    }

  gtk_widget_set_visible (GTK_WIDGET (self->due_group), any_dated);
  gtk_widget_set_visible (GTK_WIDGET (self->undated_group), any_undated);

  refresh (self);
}

static gboolean
tick_cb (gpointer user_data)
{
  refresh (user_data);
  return G_SOURCE_CONTINUE;
}

/* Callbacks */

static void
row_activated_cb (CfDeadlinesView *self,
                  GtkListBoxRow   *row,
                  GtkListBox      *list)
{
  const CfDeadline *d = g_object_get_data (G_OBJECT (row), "cf-deadline");

  if (d != NULL)
    g_signal_emit (self, signals [SIGNAL_SHOW_CASE], 0, d->product_id, d->case_id);
}

static void
store_changed_cb (CfDeadlinesView *self,
                  gint64           id,
                  CfStore         *store)
{
  reload (self);
}

/* GtkWidget */

static void
cf_deadlines_view_map (GtkWidget *widget)
{
  CfDeadlinesView *self = CF_DEADLINES_VIEW (widget);

  GTK_WIDGET_CLASS (cf_deadlines_view_parent_class)->map (widget);

  refresh (self);
  if (self->tick_id == 0)
    self->tick_id = g_timeout_add_seconds (60, tick_cb, self);
}

static void
cf_deadlines_view_unmap (GtkWidget *widget)
{
  CfDeadlinesView *self = CF_DEADLINES_VIEW (widget);

  g_clear_handle_id (&self->tick_id, g_source_remove);

  GTK_WIDGET_CLASS (cf_deadlines_view_parent_class)->unmap (widget);
}

/* GObject */

static void
cf_deadlines_view_constructed (GObject *object)
{
  CfDeadlinesView *self = CF_DEADLINES_VIEW (object);
  CfStore *store = cf_context_get_store (self->context);

  G_OBJECT_CLASS (cf_deadlines_view_parent_class)->constructed (object);

  /* A product renamed or removed changes the rows as much as a case does. */
  g_signal_connect_object (store, "changed::case",
                           G_CALLBACK (store_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (store, "changed::product",
                           G_CALLBACK (store_changed_cb), self, G_CONNECT_SWAPPED);
  reload (self);
}

static void
cf_deadlines_view_dispose (GObject *object)
{
  CfDeadlinesView *self = CF_DEADLINES_VIEW (object);

  g_clear_handle_id (&self->tick_id, g_source_remove);
  g_clear_handle_id (&self->overdue_id, g_source_remove);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_clear_pointer (&self->deadlines, g_ptr_array_unref);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (cf_deadlines_view_parent_class)->dispose (object);
}

static void
cf_deadlines_view_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  CfDeadlinesView *self = CF_DEADLINES_VIEW (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      g_value_set_object (value, self->context);
      break;

    case PROP_N_OPEN:
      g_value_set_uint (value, self->n_open);
      break;

    case PROP_N_OVERDUE:
      g_value_set_uint (value, self->n_overdue);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cf_deadlines_view_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  CfDeadlinesView *self = CF_DEADLINES_VIEW (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      self->context = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cf_deadlines_view_class_init (CfDeadlinesViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = cf_deadlines_view_constructed;
  object_class->dispose = cf_deadlines_view_dispose;
  object_class->get_property = cf_deadlines_view_get_property;
  object_class->set_property = cf_deadlines_view_set_property;
  widget_class->map = cf_deadlines_view_map;
  widget_class->unmap = cf_deadlines_view_unmap;

  properties [PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL,
                         CF_TYPE_CONTEXT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  /* Steps still to be submitted, with or without a due time. */
  properties [PROP_N_OPEN] =
    g_param_spec_uint ("n-open", NULL, NULL,
                       0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties [PROP_N_OVERDUE] =
    g_param_spec_uint ("n-overdue", NULL, NULL,
                       0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * CfDeadlinesView::show-case:
   * @product_id: the case's product
   * @case_id: the case whose step was activated
   *
   * The user asked to work on the case.
   */
  signals [SIGNAL_SHOW_CASE] =
    g_signal_new ("show-case",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, G_TYPE_INT64, G_TYPE_INT64);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/cf-deadlines-view.ui");
  gtk_widget_class_bind_template_child (widget_class, CfDeadlinesView, stack);
  gtk_widget_class_bind_template_child (widget_class, CfDeadlinesView, empty_page);
  gtk_widget_class_bind_template_child (widget_class, CfDeadlinesView, summary_icon);
  gtk_widget_class_bind_template_child (widget_class, CfDeadlinesView, summary_label);
  gtk_widget_class_bind_template_child (widget_class, CfDeadlinesView, due_group);
  gtk_widget_class_bind_template_child (widget_class, CfDeadlinesView, undated_group);
  gtk_widget_class_bind_template_child (widget_class, CfDeadlinesView, due_list);
  gtk_widget_class_bind_template_child (widget_class, CfDeadlinesView, undated_list);
  gtk_widget_class_bind_template_callback (widget_class, row_activated_cb);
}

static void
cf_deadlines_view_init (CfDeadlinesView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->rows = g_ptr_array_new_with_free_func (g_free);
}

GtkWidget *
cf_deadlines_view_new (CfContext *context)
{
  g_return_val_if_fail (CF_IS_CONTEXT (context), NULL);

  return g_object_new (CF_TYPE_DEADLINES_VIEW,
                       "context", context,
                       NULL);
}

/**
 * cf_deadlines_view_get_n_open:
 *
 * Returns: how many reports, over all products, are still to be submitted
 */
guint
cf_deadlines_view_get_n_open (CfDeadlinesView *self)
{
  g_return_val_if_fail (CF_IS_DEADLINES_VIEW (self), 0);
  return self->n_open;
}

/**
 * cf_deadlines_view_get_n_overdue:
 *
 * Returns: how many of them are past their due time
 */
guint
cf_deadlines_view_get_n_overdue (CfDeadlinesView *self)
{
  g_return_val_if_fail (CF_IS_DEADLINES_VIEW (self), 0);
  return self->n_overdue;
}
