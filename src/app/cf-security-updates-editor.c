/* cf-security-updates-editor.c
 *
 * Copyright 2026 The Conformity Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cf-security-updates-editor"

#include "config.h"

#include <glib/gi18n.h>

#include "cf-security-updates-editor.h"
#include "cf-text-row.h"

struct _CfSecurityUpdatesEditor
{
  AdwWindow            parent_instance;

  /* Template widgets */
  GtkButton           *save_button;
  GtkRevealer         *failure_revealer;
  GtkLabel            *failure_label;
  AdwEntryRow         *version_row;
  AdwEntryRow         *released_row;
  CfTextRow           *notes_row;
  AdwPreferencesGroup *fixes_group;

  CfContext           *context;
  gint64               product_id;
  GPtrArray           *fix_checks;   /* of GtkCheckButton, with "case-id" */
};

G_DEFINE_FINAL_TYPE (CfSecurityUpdatesEditor, cf_security_updates_editor, ADW_TYPE_WINDOW)

enum {
  SIGNAL_SAVED,
  N_SIGNALS
};

static guint signals [N_SIGNALS];

static void
show_error (CfSecurityUpdatesEditor *self,
            const char              *message)
{
  if (message != NULL)
    gtk_label_set_text (self->failure_label, message);
  gtk_revealer_set_reveal_child (self->failure_revealer, message != NULL);
}

static void
changed_cb (CfSecurityUpdatesEditor *self)
{
  gtk_widget_set_sensitive (GTK_WIDGET (self->save_button),
                            *gtk_editable_get_text (GTK_EDITABLE (self->version_row)) != '\0' &&
                            *gtk_editable_get_text (GTK_EDITABLE (self->released_row)) != '\0');
  show_error (self, NULL);
}

static void
save_clicked_cb (CfSecurityUpdatesEditor *self)
{
  if (gtk_widget_get_sensitive (GTK_WIDGET (self->save_button)))
    cf_security_updates_editor_save (self);
}

static void
save_action_cb (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  save_clicked_cb (CF_SECURITY_UPDATES_EDITOR (widget));
}

/* Only vulnerabilities are fixed by an update; the open ones first, as
 * they are the likeliest to be ticked. */
static void
fill_fixes (CfSecurityUpdatesEditor *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) cases = cf_store_list_cases (cf_context_get_store (self->context), self->product_id,
                                                    &error);
  guint shown = 0;

  for (guint pass = 0; cases != NULL && pass < 2; pass++)
    for (guint i = 0; i < cases->len; i++)
      {
        CfCase *c = g_ptr_array_index (cases, i);
        gboolean fixed = cf_case_get_update_id (c) != 0;
        gint64 id = cf_record_get_id (CF_RECORD (c));
        g_autofree char *label = NULL;
        g_autofree char *subtitle = NULL;
        g_autofree char *name = NULL;
        GtkWidget *row, *check;

        if (cf_case_get_kind (c) != CF_CASE_VULNERABILITY || fixed != (pass == 1))
          continue;

        label = cf_case_dup_label (c);
        /* Translators: "Case 3 · Open" */
        subtitle = fixed ? g_strdup_printf (_("%s · already fixed by an earlier update"), label)
                         : g_strdup_printf (_("%s · %s"), label, cf_case_status_label (cf_case_get_status (c)));
        name = g_strdup_printf ("fix-case-%" G_GINT64_FORMAT, id);

        row = adw_action_row_new ();
        check = gtk_check_button_new ();
        gtk_widget_set_name (check, name);
        gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
        g_object_set_data_full (G_OBJECT (check), "case-id", g_memdup2 (&id, sizeof id), g_free);
        adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
        adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), cf_case_get_title (c));
        adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
        adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
        adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
        adw_preferences_group_add (self->fixes_group, row);
        g_ptr_array_add (self->fix_checks, check);
        shown++;
      }

  if (shown == 0)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                     cases ? _("No vulnerabilities recorded for this product")
                                           : error->message);
      gtk_widget_add_css_class (row, "dim-label");
      adw_preferences_group_add (self->fixes_group, row);
    }
}

static void
cf_security_updates_editor_dispose (GObject *object)
{
  CfSecurityUpdatesEditor *self = CF_SECURITY_UPDATES_EDITOR (object);

  g_clear_object (&self->context);

  G_OBJECT_CLASS (cf_security_updates_editor_parent_class)->dispose (object);
}

static void
cf_security_updates_editor_finalize (GObject *object)
{
  CfSecurityUpdatesEditor *self = CF_SECURITY_UPDATES_EDITOR (object);

  g_clear_pointer (&self->fix_checks, g_ptr_array_unref);

  G_OBJECT_CLASS (cf_security_updates_editor_parent_class)->finalize (object);
}

static void
cf_security_updates_editor_class_init (CfSecurityUpdatesEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cf_security_updates_editor_dispose;
  object_class->finalize = cf_security_updates_editor_finalize;

  /**
   * CfSecurityUpdatesEditor::saved:
   * @version: the version recorded
   */
  signals [SIGNAL_SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                         0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/cf-security-updates-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, CfSecurityUpdatesEditor, save_button);
  gtk_widget_class_bind_template_child (widget_class, CfSecurityUpdatesEditor, failure_revealer);
  gtk_widget_class_bind_template_child (widget_class, CfSecurityUpdatesEditor, failure_label);
  gtk_widget_class_bind_template_child (widget_class, CfSecurityUpdatesEditor, version_row);
  gtk_widget_class_bind_template_child (widget_class, CfSecurityUpdatesEditor, released_row);
  gtk_widget_class_bind_template_child (widget_class, CfSecurityUpdatesEditor, notes_row);
  gtk_widget_class_bind_template_child (widget_class, CfSecurityUpdatesEditor, fixes_group);
  gtk_widget_class_bind_template_callback (widget_class, changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, save_clicked_cb);

  gtk_widget_class_install_action (widget_class, "update.save", NULL, save_action_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "update.save", NULL);

  g_type_ensure (CF_TYPE_TEXT_ROW);
}

static void
cf_security_updates_editor_init (CfSecurityUpdatesEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->fix_checks = g_ptr_array_new ();
}

/**
 * cf_security_updates_editor_new:
 *
 * Returns: (transfer none): the form, presented; it destroys itself when closed
 */
CfSecurityUpdatesEditor *
cf_security_updates_editor_new (GtkWindow *parent,
                                CfContext *context,
                                gint64     product_id)
{
  CfSecurityUpdatesEditor *self;
  g_autoptr(GDateTime) today = g_date_time_new_now_local ();
  g_autofree char *date = g_date_time_format (today, "%Y-%m-%d");

  g_return_val_if_fail (CF_IS_CONTEXT (context), NULL);

  self = g_object_new (CF_TYPE_SECURITY_UPDATES_EDITOR, "transient-for", parent, NULL);
  self->context = g_object_ref (context);
  self->product_id = product_id;

  /* Updates are usually recorded on the day they are released. */
  gtk_editable_set_text (GTK_EDITABLE (self->released_row), date);
  fill_fixes (self);
  changed_cb (self);
  gtk_window_set_focus (GTK_WINDOW (self), GTK_WIDGET (self->version_row));

  return self;
}

/**
 * cf_security_updates_editor_save:
 *
 * Records the update and links the cases ticked, then closes the form.
 * When the store refuses, the form stays open, says why and keeps what was
 * entered.
 *
 * Returns: whether the update was recorded
 */
gboolean
cf_security_updates_editor_save (CfSecurityUpdatesEditor *self)
{
  g_autoptr(CfSecurityUpdate) update = cf_security_update_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *notes = cf_text_row_dup_text (self->notes_row);
  CfRecord *record = CF_RECORD (update);

  g_return_val_if_fail (CF_IS_SECURITY_UPDATES_EDITOR (self), FALSE);

  cf_record_set_field (record, "version", gtk_editable_get_text (GTK_EDITABLE (self->version_row)));
  cf_record_set_field (record, "released-on", gtk_editable_get_text (GTK_EDITABLE (self->released_row)));
  cf_record_set_field (record, "notes", *notes ? notes : NULL);
  for (guint i = 0; i < self->fix_checks->len; i++)
    {
      GtkCheckButton *check = g_ptr_array_index (self->fix_checks, i);

      if (gtk_check_button_get_active (check))
        cf_security_update_add_fix (update, *(gint64 *) g_object_get_data (G_OBJECT (check), "case-id"));
    }

  if (cf_store_add_security_update (cf_context_get_store (self->context), self->product_id, update,
                                    &error) == 0)
    {
      show_error (self, error->message);
      return FALSE;
    }

  g_signal_emit (self, signals [SIGNAL_SAVED], 0, cf_record_get_field (record, "version"));
  gtk_window_close (GTK_WINDOW (self));
  return TRUE;
}

/**
 * cf_security_updates_editor_get_error:
 *
 * Returns: (nullable): why the last save was refused
 */
const char *
cf_security_updates_editor_get_error (CfSecurityUpdatesEditor *self)
{
  g_return_val_if_fail (CF_IS_SECURITY_UPDATES_EDITOR (self), NULL);

  if (!gtk_revealer_get_reveal_child (self->failure_revealer))
    return NULL;
  return gtk_label_get_text (self->failure_label);
}
