/* cf-cases-view.c
 *
 * Copyright 2026 The Conformity Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cf-cases-view"

#include "config.h"

#include <glib/gi18n.h>

#include "cf-case-editor.h"
#include "cf-case-export.h"
#include "cf-cases-view.h"
#include "cf-security-updates-group.h"
#include "cf-vex.h"

/* How often the time left is brought up to date while the view shows. */
#define TICK_SECONDS 30

struct _CfCasesView
{
  AdwBin                  parent_instance;

  /* Template widgets */
  GtkStack               *stack;
  GtkListBox             *cases_list;
  CfSecurityUpdatesGroup *updates_group;

  CfContext              *context;
  gint64                  product_id;
  GListStore             *cases;       /* of CfCase, the most recently discovered first */
  GHashTable             *next_steps;  /* case id → its next CfDeadline to submit */
  GCancellable           *exporting;
  guint                   tick_source;
};

G_DEFINE_FINAL_TYPE (CfCasesView, cf_cases_view, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_CONTEXT,
  PROP_PRODUCT_ID,
  N_PROPS
};

enum {
  SIGNAL_ADD_TOAST,
  N_SIGNALS
};

static GParamSpec *properties [N_PROPS];
static guint signals [N_SIGNALS];

static void
toast (CfCasesView *self,
       const char  *title)
{
  AdwToast *t = adw_toast_new (title);

  adw_toast_set_timeout (t, 6);
  g_signal_emit (self, signals [SIGNAL_ADD_TOAST], 0, t);
}

static GtkWindow *
get_window (CfCasesView *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

static GtkWidget *
tag_new (const char *text,
         const char *css_class)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_widget_set_valign (label, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (label, "deadline-tag");
  gtk_widget_add_css_class (label, css_class);
  return label;
}

/* What is due next: its name above, the time left below, coloured when it
 * is close or past; said in words, so colour is never the only sign. */
static GtkWidget *
next_step_new (CfCase           *c,
               const CfDeadline *d,
               GDateTime        *now)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *step = gtk_label_new (cf_report_step_label (d->step, d->kind));
  g_autofree char *left = d->due ? cf_deadline_format_time_left (d, now) : NULL;
  GtkWidget *tag;

  gtk_widget_set_name (step, "next-step");
  gtk_label_set_xalign (GTK_LABEL (step), 1);
  gtk_widget_add_css_class (step, "caption");
  gtk_widget_add_css_class (step, "dim-label");

  if (d->due == NULL)
    {
      tag = tag_new (C_("deadline", "Not yet due"), "pending");
      gtk_widget_set_tooltip_text (tag, d->no_due_reason);
    }
  else
    {
      g_autofree char *due = cf_format_utc_and_local (d->due, NULL);
      /* Translators: when a report is due, e.g. "Due 2026-11-21 09:30 UTC" */
      g_autofree char *tooltip = g_strdup_printf (_("Due %s"), due);

      tag = tag_new (left, cf_deadline_is_overdue (d, now) ? "overdue"
                           : cf_deadline_needs_alert (d, now) ? "due-soon" : "pending");
      gtk_widget_set_tooltip_text (tag, tooltip);
    }
  gtk_widget_set_name (tag, "time-left");
  gtk_widget_set_halign (tag, GTK_ALIGN_END);

  gtk_widget_set_valign (box, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (box), step);
  gtk_box_append (GTK_BOX (box), tag);
  return box;
}

static GtkWidget *
create_row_cb (gpointer item,
               gpointer user_data)
{
  CfCasesView *self = user_data;
  CfCase *c = item;
  gint64 id = cf_record_get_id (CF_RECORD (c));
  CfDeadline *next = g_hash_table_lookup (self->next_steps, &id);
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GString) subtitle = g_string_new (NULL);
  g_autofree char *name = g_strdup_printf ("case-%" G_GINT64_FORMAT, id);
  g_autofree char *label = cf_case_dup_label (c);
  const char *reference = cf_record_get_field (CF_RECORD (c), "reference");
  gboolean incident = cf_case_get_kind (c) == CF_CASE_INCIDENT;
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *icon = gtk_image_new_from_icon_name (incident ? "dialog-error-symbolic"
                                                           : "security-low-symbolic");

  gtk_widget_set_name (row, name);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), cf_case_get_title (c));

  /* "Case 3 · Vulnerability · CVE-2026-1234 · Open" */
  g_string_append_printf (subtitle, "%s · %s", label, cf_case_kind_label (cf_case_get_kind (c)));
  if (reference != NULL)
    g_string_append_printf (subtitle, " · %s", reference);
  g_string_append_printf (subtitle, " · %s", cf_case_status_label (cf_case_get_status (c)));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle->str);

  gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  cf_case_kind_label (cf_case_get_kind (c)), -1);
  gtk_widget_set_tooltip_text (icon, cf_case_kind_label (cf_case_get_kind (c)));
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);

  if (cf_case_is_reportable (c))
    {
      GtkWidget *flag = tag_new (incident ? _("Severe") : _("Actively exploited"), "flag");

      gtk_widget_set_name (flag, incident ? "severe" : "exploited");
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), flag);

      if (next != NULL)
        adw_action_row_add_suffix (ADW_ACTION_ROW (row), next_step_new (c, next, now));
      else
        {
          GtkWidget *done = tag_new (_("All reports submitted"), "submitted");

          gtk_widget_set_name (done, "time-left");
          adw_action_row_add_suffix (ADW_ACTION_ROW (row), done);
        }
      if (next != NULL && cf_deadline_is_overdue (next, now))
        gtk_widget_add_css_class (row, "overdue");
    }
  else
    {
      GtkWidget *none = gtk_label_new (_("No reports due"));

      gtk_widget_set_name (none, "time-left");
      gtk_widget_set_tooltip_text (none, incident
                                         ? _("Article 14 asks for reports only on severe incidents")
                                         : _("Article 14 asks for reports only on actively exploited "
                                             "vulnerabilities"));
      gtk_widget_add_css_class (none, "caption");
      gtk_widget_add_css_class (none, "dim-label");
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), none);
    }

  adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  g_object_set_data_full (G_OBJECT (row), "case-id", g_memdup2 (&id, sizeof id), g_free);
  return row;
}

/* The steps still to submit, the soonest of each case kept. */
static void
load_next_steps (CfCasesView *self)
{
  g_autoptr(GPtrArray) deadlines = NULL;

  g_hash_table_remove_all (self->next_steps);
  if (self->product_id == 0)
    return;

  deadlines = cf_store_list_deadlines (cf_context_get_store (self->context), self->product_id, FALSE, NULL);
  for (guint i = 0; deadlines != NULL && i < deadlines->len; i++)
    {
      CfDeadline *d = g_ptr_array_index (deadlines, i);

      /* Sorted soonest first, so the first seen is the next one. */
      if (g_hash_table_contains (self->next_steps, &d->case_id))
        continue;
      g_hash_table_insert (self->next_steps, &d->case_id, g_ptr_array_steal_index (deadlines, i));
      i--;
    }
}

static void
reload (CfCasesView *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) cases = NULL;

  load_next_steps (self);
  if (self->product_id != 0)
    {
      cases = cf_store_list_cases (cf_context_get_store (self->context), self->product_id, &error);
      if (cases == NULL)
        toast (self, error->message);
    }

  g_list_store_splice (self->cases, 0, g_list_model_get_n_items (G_LIST_MODEL (self->cases)),
                       cases ? cases->pdata : NULL, cases ? cases->len : 0);

  gtk_stack_set_visible_child_name (self->stack,
                                    (cases != NULL && cases->len > 0) ||
                                    cf_security_updates_group_get_n_updates (self->updates_group) > 0
                                    ? "cases" : "empty");
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "cases.add-vulnerability", self->product_id != 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "cases.add-incident", self->product_id != 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "cases.export-vex",
                                 self->product_id != 0 && self->exporting == NULL);
}

static void
store_changed_cb (CfCasesView *self,
                  gint64       product_id,
                  CfStore     *store)
{
  if (product_id == self->product_id)
    reload (self);
}

static void
row_activated_cb (CfCasesView   *self,
                  GtkListBoxRow *row,
                  GtkListBox    *list)
{
  gint64 *id = g_object_get_data (G_OBJECT (row), "case-id");

  if (id != NULL)
    cf_cases_view_show_case (self, *id);
}

static gboolean
tick_cb (gpointer user_data)
{
  reload (CF_CASES_VIEW (user_data));
  return G_SOURCE_CONTINUE;
}

/* ─── VEX ─── */

static void
vex_written_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(CfCasesView) self = user_data;
  g_autoptr(GFile) file = g_object_steal_data (G_OBJECT (self), "export-file");
  g_autoptr(GError) error = NULL;
  g_autofree char *name = file ? g_file_get_basename (file) : NULL;
  g_autofree char *message = NULL;

  if (g_task_get_cancellable (G_TASK (result)) == self->exporting)
    g_clear_object (&self->exporting);
  reload (self);

  if (!cf_case_export_finish (result, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        toast (self, error->message);
      return;
    }

  message = g_strdup_printf (_("Saved “%s”"), name);
  toast (self, message);
}

/**
 * cf_cases_view_export_vex:
 *
 * Writes the product's VEX document to @file; a toast says when it is done
 * or why it failed.
 */
void
cf_cases_view_export_vex (CfCasesView *self,
                          GFile       *file)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *vex = NULL;

  g_return_if_fail (CF_IS_CASES_VIEW (self));

  vex = cf_vex_build (cf_context_get_store (self->context), self->product_id, now, &error);
  if (vex == NULL)
    {
      toast (self, error->message);
      return;
    }

  g_cancellable_cancel (self->exporting);
  g_clear_object (&self->exporting);
  self->exporting = g_cancellable_new ();
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "cases.export-vex", FALSE);
  g_object_set_data_full (G_OBJECT (self), "export-file", g_object_ref (file), g_object_unref);
  cf_case_export_text_async (vex, file, self->exporting, vex_written_cb, g_object_ref (self));
}

static void
vex_chosen_cb (GFile    *file,
               gpointer  user_data)
{
  cf_cases_view_export_vex (user_data, file);
}

static void
export_vex_action_cb (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  CfCasesView *self = CF_CASES_VIEW (widget);
  g_autoptr(CfProduct) product = cf_store_get_product (cf_context_get_store (self->context),
                                                       self->product_id, NULL);
  g_autofree char *product_name = product ? cf_product_dup_display_name (product) : g_strdup ("");
  /* Translators: the suggested file name of a VEX document; %s is the product */
  g_autofree char *title = g_strdup_printf (_("%s VEX"), product_name);
  g_autofree char *name = cf_case_export_file_name (title, "cdx.json");

  cf_case_export_choose_file (get_window (self), _("Export VEX"), name, _("CycloneDX VEX documents"),
                              "application/json", vex_chosen_cb, g_object_ref (self), g_object_unref);
}

static void
add_vulnerability_action_cb (GtkWidget  *widget,
                             const char *action_name,
                             GVariant   *parameter)
{
  cf_cases_view_add_case (CF_CASES_VIEW (widget), CF_CASE_VULNERABILITY);
}

static void
add_incident_action_cb (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  cf_cases_view_add_case (CF_CASES_VIEW (widget), CF_CASE_INCIDENT);
}

static void
updates_add_toast_cb (CfCasesView *self,
                      AdwToast    *t)
{
  g_signal_emit (self, signals [SIGNAL_ADD_TOAST], 0, t);
}

/* ─── GObject ─── */

static void
cf_cases_view_map (GtkWidget *widget)
{
  CfCasesView *self = CF_CASES_VIEW (widget);

  GTK_WIDGET_CLASS (cf_cases_view_parent_class)->map (widget);
  /* The time left may have run on while another tab showed. */
  reload (self);
  if (self->tick_source == 0)
    self->tick_source = g_timeout_add_seconds (TICK_SECONDS, tick_cb, self);
}

static void
cf_cases_view_unmap (GtkWidget *widget)
{
  CfCasesView *self = CF_CASES_VIEW (widget);

  g_clear_handle_id (&self->tick_source, g_source_remove);
  GTK_WIDGET_CLASS (cf_cases_view_parent_class)->unmap (widget);
}

static void
cf_cases_view_constructed (GObject *object)
{
  CfCasesView *self = CF_CASES_VIEW (object);

  G_OBJECT_CLASS (cf_cases_view_parent_class)->constructed (object);

  cf_security_updates_group_set_context (self->updates_group, self->context);
  g_signal_connect_object (self->updates_group, "add-toast", G_CALLBACK (updates_add_toast_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (cf_context_get_store (self->context), "changed::case",
                           G_CALLBACK (store_changed_cb), self, G_CONNECT_SWAPPED);
  reload (self);
}

static void
cf_cases_view_dispose (GObject *object)
{
  CfCasesView *self = CF_CASES_VIEW (object);

  g_cancellable_cancel (self->exporting);
  g_clear_object (&self->exporting);
  g_clear_handle_id (&self->tick_source, g_source_remove);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (cf_cases_view_parent_class)->dispose (object);
}

static void
cf_cases_view_finalize (GObject *object)
{
  CfCasesView *self = CF_CASES_VIEW (object);

  g_clear_object (&self->cases);
  g_clear_pointer (&self->next_steps, g_hash_table_unref);

  G_OBJECT_CLASS (cf_cases_view_parent_class)->finalize (object);
}

static void
cf_cases_view_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  CfCasesView *self = CF_CASES_VIEW (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      g_value_set_object (value, self->context);
      break;

    case PROP_PRODUCT_ID:
      g_value_set_int64 (value, self->product_id);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cf_cases_view_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  CfCasesView *self = CF_CASES_VIEW (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      self->context = g_value_dup_object (value);
      break;

    case PROP_PRODUCT_ID:
      cf_cases_view_set_product_id (self, g_value_get_int64 (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cf_cases_view_class_init (CfCasesViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = cf_cases_view_constructed;
  object_class->dispose = cf_cases_view_dispose;
  object_class->finalize = cf_cases_view_finalize;
  object_class->get_property = cf_cases_view_get_property;
  object_class->set_property = cf_cases_view_set_property;
  widget_class->map = cf_cases_view_map;
  widget_class->unmap = cf_cases_view_unmap;

  properties [PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL, CF_TYPE_CONTEXT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties [PROP_PRODUCT_ID] =
    g_param_spec_int64 ("product-id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * CfCasesView::add-toast:
   * @toast: (transfer full): what to show
   */
  signals [SIGNAL_ADD_TOAST] = g_signal_new ("add-toast", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                             0, NULL, NULL, NULL, G_TYPE_NONE, 1, ADW_TYPE_TOAST);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/cf-cases-view.ui");
  gtk_widget_class_bind_template_child (widget_class, CfCasesView, stack);
  gtk_widget_class_bind_template_child (widget_class, CfCasesView, cases_list);
  gtk_widget_class_bind_template_child (widget_class, CfCasesView, updates_group);

  gtk_widget_class_install_action (widget_class, "cases.add-vulnerability", NULL, add_vulnerability_action_cb);
  gtk_widget_class_install_action (widget_class, "cases.add-incident", NULL, add_incident_action_cb);
  gtk_widget_class_install_action (widget_class, "cases.export-vex", NULL, export_vex_action_cb);

  g_type_ensure (CF_TYPE_SECURITY_UPDATES_GROUP);
}

static void
cf_cases_view_init (CfCasesView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->cases = g_list_store_new (CF_TYPE_CASE);
  self->next_steps = g_hash_table_new_full (g_int64_hash, g_int64_equal, NULL,
                                            (GDestroyNotify) cf_deadline_free);
  gtk_list_box_bind_model (self->cases_list, G_LIST_MODEL (self->cases), create_row_cb, self, NULL);
  g_signal_connect_object (self->cases_list, "row-activated", G_CALLBACK (row_activated_cb), self,
                           G_CONNECT_SWAPPED);
}

GtkWidget *
cf_cases_view_new (CfContext *context)
{
  return g_object_new (CF_TYPE_CASES_VIEW, "context", context, NULL);
}

gint64
cf_cases_view_get_product_id (CfCasesView *self)
{
  g_return_val_if_fail (CF_IS_CASES_VIEW (self), 0);
  return self->product_id;
}

void
cf_cases_view_set_product_id (CfCasesView *self,
                              gint64       product_id)
{
  g_return_if_fail (CF_IS_CASES_VIEW (self));

  if (self->product_id == product_id)
    return;

  self->product_id = product_id;
  cf_security_updates_group_set_product_id (self->updates_group, product_id);
  reload (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_PRODUCT_ID]);
}

/**
 * cf_cases_view_get_cases:
 *
 * Returns: (transfer none): the product's cases, as listed
 */
GListModel *
cf_cases_view_get_cases (CfCasesView *self)
{
  g_return_val_if_fail (CF_IS_CASES_VIEW (self), NULL);
  return G_LIST_MODEL (self->cases);
}

/**
 * cf_cases_view_get_case_row:
 *
 * Returns: (transfer none) (nullable): the row listing the case
 */
GtkWidget *
cf_cases_view_get_case_row (CfCasesView *self,
                            gint64       case_id)
{
  g_autofree char *name = g_strdup_printf ("case-%" G_GINT64_FORMAT, case_id);

  g_return_val_if_fail (CF_IS_CASES_VIEW (self), NULL);

  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->cases_list)); row != NULL;
       row = gtk_widget_get_next_sibling (row))
    if (g_strcmp0 (gtk_widget_get_name (row), name) == 0)
      return row;
  return NULL;
}

/* Opens the form for a new case of the product. */
void
cf_cases_view_add_case (CfCasesView *self,
                        CfCaseKind   kind)
{
  CfCaseEditor *editor;

  g_return_if_fail (CF_IS_CASES_VIEW (self));

  if (self->product_id == 0)
    return;
  editor = cf_case_editor_new (get_window (self), self->context, self->product_id, kind);
  gtk_window_present (GTK_WINDOW (editor));
}

/**
 * cf_cases_view_show_case:
 *
 * Opens the form of a case, with its Article 14 steps; the deadlines
 * dashboard uses it to take the user straight to the case.
 *
 * Returns: whether the case could be read
 */
gboolean
cf_cases_view_show_case (CfCasesView *self,
                         gint64       case_id)
{
  g_autoptr(GError) error = NULL;
  CfCaseEditor *editor;

  g_return_val_if_fail (CF_IS_CASES_VIEW (self), FALSE);

  editor = cf_case_editor_open (get_window (self), self->context, case_id, &error);
  if (editor == NULL)
    {
      toast (self, error->message);
      return FALSE;
    }
  gtk_window_present (GTK_WINDOW (editor));
  return TRUE;
}
