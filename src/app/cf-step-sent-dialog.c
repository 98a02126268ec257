/* cf-step-sent-dialog.c
 *
 * Copyright 2026 The Conformity Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cf-step-sent-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "cf-case-report.h"
#include "cf-step-sent-dialog.h"

struct _CfStepSentDialog
{
  AdwWindow            parent_instance;

  /* Template widgets */
  AdwWindowTitle      *window_title;
  GtkButton           *record_button;
  GtkRevealer         *failure_revealer;
  GtkLabel            *failure_label;
  AdwPreferencesGroup *group;
  AdwEntryRow         *sent_at_row;
  AdwEntryRow         *recipient_row;
  AdwEntryRow         *reference_row;

  CfContext           *context;
  gint64               case_id;
  CfReportStep         step;
};

G_DEFINE_FINAL_TYPE (CfStepSentDialog, cf_step_sent_dialog, ADW_TYPE_WINDOW)

enum {
  SIGNAL_RECORDED,
  N_SIGNALS
};

static guint signals [N_SIGNALS];

static void
show_error (CfStepSentDialog *self,
            const char       *message)
{
  if (message != NULL)
    gtk_label_set_text (self->failure_label, message);
  gtk_revealer_set_reveal_child (self->failure_revealer, message != NULL);
}

/* Minutes are what people read off the platform's receipt; the offset
 * keeps the moment unambiguous whatever the zone. */
static void
set_now (CfStepSentDialog *self)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *text = g_date_time_format (now, "%Y-%m-%dT%H:%M%:z");

  gtk_editable_set_text (GTK_EDITABLE (self->sent_at_row), text);
}

static void
changed_cb (CfStepSentDialog *self)
{
  const char *recipient = gtk_editable_get_text (GTK_EDITABLE (self->recipient_row));
  const char *sent_at = gtk_editable_get_text (GTK_EDITABLE (self->sent_at_row));

  gtk_widget_set_sensitive (GTK_WIDGET (self->record_button), *recipient != '\0' && *sent_at != '\0');
  show_error (self, NULL);
}

static void
now_clicked_cb (CfStepSentDialog *self)
{
  set_now (self);
}

static void
record_clicked_cb (CfStepSentDialog *self)
{
  if (gtk_widget_get_sensitive (GTK_WIDGET (self->record_button)))
    cf_step_sent_dialog_record (self);
}

static void
cf_step_sent_dialog_dispose (GObject *object)
{
  CfStepSentDialog *self = CF_STEP_SENT_DIALOG (object);

  g_clear_object (&self->context);

  G_OBJECT_CLASS (cf_step_sent_dialog_parent_class)->dispose (object);
}

static void
cf_step_sent_dialog_class_init (CfStepSentDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cf_step_sent_dialog_dispose;

  /**
   * CfStepSentDialog::recorded:
   *
   * The submission was stored; the dialog closes next.
   */
  signals [SIGNAL_RECORDED] = g_signal_new ("recorded", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                            0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/cf-step-sent-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, CfStepSentDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, CfStepSentDialog, record_button);
  gtk_widget_class_bind_template_child (widget_class, CfStepSentDialog, failure_revealer);
  gtk_widget_class_bind_template_child (widget_class, CfStepSentDialog, failure_label);
  gtk_widget_class_bind_template_child (widget_class, CfStepSentDialog, group);
  gtk_widget_class_bind_template_child (widget_class, CfStepSentDialog, sent_at_row);
  gtk_widget_class_bind_template_child (widget_class, CfStepSentDialog, recipient_row);
  gtk_widget_class_bind_template_child (widget_class, CfStepSentDialog, reference_row);
  gtk_widget_class_bind_template_callback (widget_class, changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, now_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, record_clicked_cb);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
cf_step_sent_dialog_init (CfStepSentDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * cf_step_sent_dialog_new:
 * @c: the stored case
 *
 * Returns: (transfer none): the dialog, presented; it destroys itself when closed
 */
CfStepSentDialog *
cf_step_sent_dialog_new (GtkWindow    *parent,
                         CfContext    *context,
                         CfCase       *c,
                         CfReportStep  step)
{
  CfStepSentDialog *self;
  g_autoptr(CfManufacturer) manufacturer = NULL;
  g_autofree char *description = NULL;
  g_autofree char *label = NULL;
  const char *step_label;

  g_return_val_if_fail (CF_IS_CONTEXT (context), NULL);
  g_return_val_if_fail (CF_IS_CASE (c), NULL);

  self = g_object_new (CF_TYPE_STEP_SENT_DIALOG, "transient-for", parent, NULL);
  self->context = g_object_ref (context);
  self->case_id = cf_record_get_id (CF_RECORD (c));
  self->step = step;

  step_label = cf_report_step_label (step, cf_case_get_kind (c));
  label = cf_case_dup_label (c);
  gtk_window_set_title (GTK_WINDOW (self), _("Mark as Submitted"));
  adw_window_title_set_subtitle (self->window_title, step_label);
  /* Translators: "Case 12" */
  description = g_strdup_printf (_("When and to whom this report on %s was submitted. The report "
                                   "as it reads now is kept with the record, which cannot be "
                                   "changed afterwards."),
                                 label);
  adw_preferences_group_set_description (self->group, description);

  /* The CSIRT the manufacturer reports to is almost always the same one. */
  manufacturer = cf_store_get_manufacturer (cf_context_get_store (context), NULL);
  if (manufacturer != NULL)
    gtk_editable_set_text (GTK_EDITABLE (self->recipient_row),
                           cf_record_get_field (CF_RECORD (manufacturer), "csirt") ?: "");
  set_now (self);
  changed_cb (self);
  gtk_window_set_focus (GTK_WINDOW (self), GTK_WIDGET (self->sent_at_row));

  return self;
}

/**
 * cf_step_sent_dialog_record:
 *
 * Records the submission, with the report text generated now, and closes
 * the dialog. When the store refuses, the dialog stays open, says why and
 * keeps what was typed.
 *
 * Returns: whether it was recorded
 */
gboolean
cf_step_sent_dialog_record (CfStepSentDialog *self)
{
  CfStore *store;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(CfCaseReport) report = NULL;
  g_autofree char *text = NULL;
  const char *reference;

  g_return_val_if_fail (CF_IS_STEP_SENT_DIALOG (self), FALSE);

  store = cf_context_get_store (self->context);
  report = cf_case_report_build (store, self->case_id, (CfCaseReportKind) self->step, now, &error);
  if (report == NULL)
    {
      show_error (self, error->message);
      return FALSE;
    }
  text = cf_case_report_to_text (report);

  reference = gtk_editable_get_text (GTK_EDITABLE (self->reference_row));
  if (!cf_store_mark_step_sent (store, self->case_id, self->step,
                                gtk_editable_get_text (GTK_EDITABLE (self->sent_at_row)),
                                gtk_editable_get_text (GTK_EDITABLE (self->recipient_row)),
                                *reference != '\0' ? reference : NULL, text, &error))
    {
      show_error (self, error->message);
      return FALSE;
    }

  g_signal_emit (self, signals [SIGNAL_RECORDED], 0);
  gtk_window_close (GTK_WINDOW (self));
  return TRUE;
}

/**
 * cf_step_sent_dialog_get_error:
 *
 * Returns: (nullable): why the last attempt was refused, as the dialog shows it
 */
const char *
cf_step_sent_dialog_get_error (CfStepSentDialog *self)
{
  g_return_val_if_fail (CF_IS_STEP_SENT_DIALOG (self), NULL);

  if (!gtk_revealer_get_reveal_child (self->failure_revealer))
    return NULL;
  return gtk_label_get_text (self->failure_label);
}
