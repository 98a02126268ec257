/* cf-evidence-view.c
 *
 * Copyright 2026 The Conformity Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cf-evidence-view"

#include "config.h"

#include <glib/gi18n.h>

#include "cf-evidence-view.h"

struct _CfEvidenceView
{
  AdwBin            parent_instance;

  /* Template widgets */
  GtkBox           *content_box;
  GtkImage         *summary_icon;
  GtkLabel         *summary_label;
  GtkStack         *verify_stack;
  GtkProgressBar   *verify_bar;

  CfContext        *context;
  CfEvidenceList   *list;
  gint64            product_id;
  guint             n_versions;     /* stored, as last counted */
  GCancellable     *verification;   /* non-NULL while verifying */
};

G_DEFINE_FINAL_TYPE (CfEvidenceView, cf_evidence_view, ADW_TYPE_BIN)

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
toast (CfEvidenceView *self,
       const char     *title)
{
  AdwToast *t = adw_toast_new (title);

  adw_toast_set_timeout (t, 6);
  g_signal_emit (self, signals [SIGNAL_ADD_TOAST], 0, t);
}

static GtkWindow *
get_window (CfEvidenceView *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

/* "5 items, 12.3 KiB; 1 expired": what the compliance manager looks at first. */
static void
update_summary (CfEvidenceView *self)
{
  GListModel *items = cf_evidence_list_get_items (self->list);
  guint n_items = g_list_model_get_n_items (items);
  guint n_expired = 0;
  guint64 size = 0;
  g_autoptr(GDate) today = g_date_new ();
  g_autoptr(GString) summary = g_string_new (NULL);
  g_autofree char *size_text = NULL;

  g_date_set_time_t (today, time (NULL));
  self->n_versions = 0;

  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(CfEvidence) evidence = g_list_model_get_item (items, i);
      g_autoptr(GPtrArray) versions = NULL;

      n_expired += cf_evidence_is_expired (evidence, today);
      versions = cf_store_list_evidence_versions (cf_context_get_store (self->context),
                                                  cf_evidence_get_id (evidence), NULL);
      for (guint j = 0; versions != NULL && j < versions->len; j++)
        {
          size += ((CfEvidenceVersion *) g_ptr_array_index (versions, j))->size;
          self->n_versions++;
        }
    }

  size_text = g_format_size_full (size, G_FORMAT_SIZE_IEC_UNITS);
  if (n_items == 0)
    g_string_append (summary, _("No evidence yet"));
  else
    /* Translators: the number of evidence items and the space all their versions take */
    g_string_append_printf (summary, ngettext ("%u item, %s", "%u items, %s", n_items), n_items, size_text);
  if (n_expired > 0)
    {
      g_string_append (summary, "; ");
      g_string_append_printf (summary, ngettext ("%u expired", "%u expired", n_expired), n_expired);
    }
  gtk_label_set_text (self->summary_label, summary->str);

  gtk_image_set_from_icon_name (self->summary_icon,
                                n_expired > 0 ? "dialog-warning-symbolic" : "mail-attachment-symbolic");
  if (n_expired > 0)
    gtk_widget_add_css_class (GTK_WIDGET (self->summary_icon), "warning");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->summary_icon), "warning");

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "evidence-view.verify",
                                 self->verification == NULL && self->n_versions > 0);
}

static void
items_changed_cb (CfEvidenceView *self)
{
  if (self->context != NULL)
    update_summary (self);
}

static void
add_toast_cb (CfEvidenceView *self,
              AdwToast       *t)
{
  g_signal_emit (self, signals [SIGNAL_ADD_TOAST], 0, t);
}

/* Verifying, in a worker thread: every stored byte is read again */

typedef struct
{
  CfStore *store;
  gint64   product_id;
} VerifyData;

static void
verify_data_free (gpointer data)
{
  VerifyData *d = data;

  g_object_unref (d->store);
  g_free (d);
}

typedef struct
{
  GTask   *task;
  guint64  done;
  guint64  total;
} VerifyProgress;

static void
verify_progress_free (gpointer data)
{
  VerifyProgress *p = data;

  g_object_unref (p->task);
  g_free (p);
}

static gboolean
verify_progress_in_main_cb (gpointer data)
{
  VerifyProgress *p = data;
  CfEvidenceView *self = g_task_get_source_object (p->task);
  g_autofree char *done = NULL;
  g_autofree char *total = NULL;
  g_autofree char *text = NULL;

  /* A cancelled verification reports nothing more. */
  if (g_cancellable_is_cancelled (g_task_get_cancellable (p->task)) || self->verification == NULL)
    return G_SOURCE_REMOVE;

  done = g_format_size_full (p->done, G_FORMAT_SIZE_IEC_UNITS);
  total = g_format_size_full (p->total, G_FORMAT_SIZE_IEC_UNITS);
  /* Translators: how much was read so far, e.g. "1.2 MiB of 3.4 MiB" */
  text = g_strdup_printf (_("%s of %s"), done, total);
  gtk_progress_bar_set_fraction (self->verify_bar, p->total > 0 ? (double) p->done / (double) p->total : 1.0);
  gtk_progress_bar_set_text (self->verify_bar, text);

  return G_SOURCE_REMOVE;
}

static void
verify_progress_cb (guint64  done,
                    guint64  total,
                    gpointer user_data)
{
  GTask *task = user_data;
  VerifyProgress *p = g_new0 (VerifyProgress, 1);

  p->task = g_object_ref (task);
  p->done = done;
  p->total = total;
  g_main_context_invoke_full (g_task_get_context (task), G_PRIORITY_DEFAULT,
                              verify_progress_in_main_cb, p, verify_progress_free);
}

static void
verify_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  VerifyData *d = task_data;
  g_autoptr(GError) error = NULL;
  GPtrArray *mismatches;

  mismatches = cf_store_verify_evidence (d->store, d->product_id, cancellable, verify_progress_cb, task,
                                         &error);
  if (mismatches == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, mismatches, (GDestroyNotify) g_ptr_array_unref);
}

static void
set_verifying (CfEvidenceView *self,
               gboolean        verifying)
{
  gtk_stack_set_visible_child_name (self->verify_stack, verifying ? "progress" : "button");
  gtk_progress_bar_set_fraction (self->verify_bar, 0);
  gtk_progress_bar_set_text (self->verify_bar, _("Starting"));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "evidence-view.cancel-verify", verifying);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "evidence-view.verify",
                                 !verifying && self->n_versions > 0);
}

static void
report_dialog_response_cb (AdwMessageDialog *dialog,
                           const char       *response,
                           gpointer          user_data)
{
  /* Nothing to decide: the report only informs. */
}

static void
show_report (CfEvidenceView *self,
             GPtrArray      *mismatches,
             guint           n_versions)
{
  g_autofree char *heading = NULL;
  g_autoptr(GString) body = g_string_new (NULL);
  AdwMessageDialog *dialog;

  if (mismatches->len == 0)
    {
      heading = g_strdup_printf (ngettext ("The Stored Version Matches", "All %u Versions Match", n_versions),
                                 n_versions);
      g_string_append (body, _("Every stored file was read again; each has the SHA-256 recorded when it was "
                               "attached."));
    }
  else
    {
      heading = g_strdup_printf (ngettext ("%u Version Does Not Match", "%u Versions Do Not Match",
                                           mismatches->len),
                                 mismatches->len);
      g_string_append (body, _("The project database has been altered or damaged. Restore it from a backup, "
                               "or attach these files again:"));
      for (guint i = 0; i < mismatches->len; i++)
        {
          CfEvidenceMismatch *m = g_ptr_array_index (mismatches, i);
          g_autofree char *expected = g_strndup (m->expected, 12);
          g_autofree char *actual = m->actual ? g_strndup (m->actual, 12) : NULL;

          g_string_append (body, "\n\n");
          if (actual != NULL)
            /* Translators: title, version, the recorded and the found SHA-256 (shortened) */
            g_string_append_printf (body, _("“%s”, version %d: recorded %s…, found %s…"),
                                    m->title, m->version, expected, actual);
          else
            /* Translators: title and version of a stored file */
            g_string_append_printf (body, _("“%s”, version %d: could not be read"), m->title, m->version);
        }
    }

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (get_window (self), heading, body->str));
  adw_message_dialog_set_body_use_markup (dialog, FALSE);
  adw_message_dialog_add_response (dialog, "close", _("_Close"));
  adw_message_dialog_set_default_response (dialog, "close");
  adw_message_dialog_set_close_response (dialog, "close");
  g_signal_connect (dialog, "response", G_CALLBACK (report_dialog_response_cb), NULL);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
verified_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  CfEvidenceView *self = CF_EVIDENCE_VIEW (source);
  g_autoptr(GPtrArray) mismatches = NULL;
  g_autoptr(GError) error = NULL;
  guint n_versions = GPOINTER_TO_UINT (user_data);

  mismatches = g_task_propagate_pointer (G_TASK (result), &error);
  g_clear_object (&self->verification);

  /* Disposed meanwhile: nothing to show it in. */
  if (self->context == NULL)
    return;

  set_verifying (self, FALSE);
  if (mismatches == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        toast (self, error->message);
      else
        toast (self, _("Verification cancelled"));
      return;
    }

  show_report (self, mismatches, n_versions);
}

static void
verify_action_cb (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  cf_evidence_view_verify (CF_EVIDENCE_VIEW (widget));
}

static void
cancel_verify_action_cb (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  CfEvidenceView *self = CF_EVIDENCE_VIEW (widget);

  g_cancellable_cancel (self->verification);
}

/* GObject */

static void
cf_evidence_view_constructed (GObject *object)
{
  CfEvidenceView *self = CF_EVIDENCE_VIEW (object);

  G_OBJECT_CLASS (cf_evidence_view_parent_class)->constructed (object);

  self->list = CF_EVIDENCE_LIST (cf_evidence_list_new (self->context));
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (self->list), _("All Evidence"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (self->list),
                                         _("Test reports, design documents, policies and other proof, with the "
                                           "requirements and threats each supports. What you attach here is not "
                                           "linked yet: choose Edit… in its menu to link it."));
  cf_evidence_list_set_show_links (self->list, TRUE);
  gtk_box_append (self->content_box, GTK_WIDGET (self->list));

  g_signal_connect_object (cf_evidence_list_get_items (self->list), "items-changed",
                           G_CALLBACK (items_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->list, "add-toast", G_CALLBACK (add_toast_cb), self, G_CONNECT_SWAPPED);
  update_summary (self);
}

static void
cf_evidence_view_dispose (GObject *object)
{
  CfEvidenceView *self = CF_EVIDENCE_VIEW (object);

  g_cancellable_cancel (self->verification);
  g_clear_object (&self->verification);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (cf_evidence_view_parent_class)->dispose (object);
}

static void
cf_evidence_view_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  CfEvidenceView *self = CF_EVIDENCE_VIEW (object);

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
cf_evidence_view_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  CfEvidenceView *self = CF_EVIDENCE_VIEW (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      self->context = g_value_dup_object (value);
      break;

    case PROP_PRODUCT_ID:
      cf_evidence_view_set_product_id (self, g_value_get_int64 (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cf_evidence_view_class_init (CfEvidenceViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = cf_evidence_view_constructed;
  object_class->dispose = cf_evidence_view_dispose;
  object_class->get_property = cf_evidence_view_get_property;
  object_class->set_property = cf_evidence_view_set_property;

  properties [PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL,
                         CF_TYPE_CONTEXT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties [PROP_PRODUCT_ID] =
    g_param_spec_int64 ("product-id", NULL, NULL,
                        0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * CfEvidenceView::add-toast:
   * @toast: the toast to show
   *
   * The view reports through the window's toast overlay.
   */
  signals [SIGNAL_ADD_TOAST] =
    g_signal_new ("add-toast",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, ADW_TYPE_TOAST);

  gtk_widget_class_install_action (widget_class, "evidence-view.verify", NULL, verify_action_cb);
  gtk_widget_class_install_action (widget_class, "evidence-view.cancel-verify", NULL,
                                   cancel_verify_action_cb);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/cf-evidence-view.ui");
  gtk_widget_class_bind_template_child (widget_class, CfEvidenceView, content_box);
  gtk_widget_class_bind_template_child (widget_class, CfEvidenceView, summary_icon);
  gtk_widget_class_bind_template_child (widget_class, CfEvidenceView, summary_label);
  gtk_widget_class_bind_template_child (widget_class, CfEvidenceView, verify_stack);
  gtk_widget_class_bind_template_child (widget_class, CfEvidenceView, verify_bar);
}

static void
cf_evidence_view_init (CfEvidenceView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "evidence-view.verify", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "evidence-view.cancel-verify", FALSE);
}

GtkWidget *
cf_evidence_view_new (CfContext *context)
{
  g_return_val_if_fail (CF_IS_CONTEXT (context), NULL);

  return g_object_new (CF_TYPE_EVIDENCE_VIEW, "context", context, NULL);
}

gint64
cf_evidence_view_get_product_id (CfEvidenceView *self)
{
  g_return_val_if_fail (CF_IS_EVIDENCE_VIEW (self), 0);
  return self->product_id;
}

void
cf_evidence_view_set_product_id (CfEvidenceView *self,
                                 gint64          product_id)
{
  g_return_if_fail (CF_IS_EVIDENCE_VIEW (self));

  if (self->product_id == product_id)
    return;

  /* A verification under way was for the other product. */
  g_cancellable_cancel (self->verification);
  self->product_id = product_id;
  if (self->list != NULL)
    cf_evidence_list_set_product_id (self->list, product_id);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_PRODUCT_ID]);
}

/**
 * cf_evidence_view_get_list:
 *
 * Returns: (transfer none): the list of all the product's evidence
 */
CfEvidenceList *
cf_evidence_view_get_list (CfEvidenceView *self)
{
  g_return_val_if_fail (CF_IS_EVIDENCE_VIEW (self), NULL);
  return self->list;
}

/**
 * cf_evidence_view_select:
 *
 * Selects the item and brings it into view, as the readiness gate's
 * "expired" items ask.
 *
 * Returns: whether the product has that item
 */
gboolean
cf_evidence_view_select (CfEvidenceView *self,
                         gint64          evidence_id)
{
  g_return_val_if_fail (CF_IS_EVIDENCE_VIEW (self), FALSE);
  return cf_evidence_list_select (self->list, evidence_id);
}

/**
 * cf_evidence_view_verify:
 *
 * Reads every stored version of the product's evidence again in a worker
 * thread and compares its SHA-256 with the recorded one; a dialog then
 * lists the versions that do not match, or says that all do.
 */
void
cf_evidence_view_verify (CfEvidenceView *self)
{
  g_autoptr(GTask) task = NULL;
  VerifyData *d;

  g_return_if_fail (CF_IS_EVIDENCE_VIEW (self));

  if (self->verification != NULL || self->product_id == 0)
    return;

  self->verification = g_cancellable_new ();
  set_verifying (self, TRUE);

  d = g_new0 (VerifyData, 1);
  d->store = g_object_ref (cf_context_get_store (self->context));
  d->product_id = self->product_id;

  task = g_task_new (self, self->verification, verified_cb, GUINT_TO_POINTER (self->n_versions));
  g_task_set_source_tag (task, cf_evidence_view_verify);
  g_task_set_task_data (task, d, verify_data_free);
  g_task_run_in_thread (task, verify_thread);
}

gboolean
cf_evidence_view_get_verifying (CfEvidenceView *self)
{
  g_return_val_if_fail (CF_IS_EVIDENCE_VIEW (self), FALSE);
  return self->verification != NULL;
}
