/* cf-findings-group.c — hidden while a requirement has no findings
 *
 * Copyright 2026 The Conformity Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cf-app"

#include "config.h"

#include <glib/gi18n.h>

#include "cf-findings-group.h"

struct _CfFindingsGroup
{
  AdwPreferencesGroup  parent_instance;

  CfContext           *context;
  gint64               product_id;
  char                *requirement;
  GPtrArray           *rows;
};

G_DEFINE_FINAL_TYPE (CfFindingsGroup, cf_findings_group, ADW_TYPE_PREFERENCES_GROUP)

static void refresh (CfFindingsGroup *self);

static void
set_status (CfFindingsGroup *self,
            gint64           finding_id,
            const char      *status,
            const char      *answer)
{
  g_autoptr(GError) error = NULL;

  if (!cf_store_set_finding_status (cf_context_get_store (self->context), finding_id, status, answer,
                                    &error))
    {
      GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
      GtkWidget *dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                                  _("Finding Not Updated"), error->message);

      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
      gtk_window_present (GTK_WINDOW (dialog));
    }
  refresh (self);
}

static void
answer_response_cb (AdwMessageDialog *dialog,
                    const char       *response,
                    CfFindingsGroup  *self)
{
  GtkTextBuffer *buffer = g_object_get_data (G_OBJECT (dialog), "answer");
  gint64 finding_id = *(gint64 *) g_object_get_data (G_OBJECT (dialog), "finding-id");
  g_autofree char *answer = NULL;
  GtkTextIter start, end;

  if (g_str_equal (response, "cancel"))
    return;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  answer = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  set_status (self, finding_id, response, answer);
}

/* Answer, close or reopen: one dialog, whose text is the answer sent to
 * the reviewer. */
static void
respond_clicked_cb (GtkButton       *button,
                    CfFindingsGroup *self)
{
  CfFinding *finding = g_object_get_data (G_OBJECT (button), "finding");
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  g_autofree char *label = cf_finding_dup_label (finding);
  g_autofree char *heading = g_strdup_printf (_("Respond to %s"), label);
  GtkWidget *dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                              heading, finding->text);
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *text = gtk_text_view_new ();

  gtk_widget_set_name (text, "answer");
  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (text), GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_top_margin (GTK_TEXT_VIEW (text), 6);
  gtk_text_view_set_left_margin (GTK_TEXT_VIEW (text), 6);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (text)),
                            finding->answer != NULL ? finding->answer : "", -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (text), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Your answer to the reviewer"), -1);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), text);
  gtk_scrolled_window_set_min_content_height (GTK_SCROLLED_WINDOW (scrolled), 100);
  gtk_widget_add_css_class (scrolled, "card");
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), scrolled);

  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "open", _("_Reopen"),
                                    "closed", _("C_lose Finding"),
                                    "answered", _("_Save Answer"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "answered",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (dialog), "open",
                                           g_strcmp0 (finding->status, "open") != 0);
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data (G_OBJECT (dialog), "answer", gtk_text_view_get_buffer (GTK_TEXT_VIEW (text)));
  g_object_set_data_full (G_OBJECT (dialog), "finding-id", g_memdup2 (&finding->id, sizeof finding->id),
                          g_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (answer_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
refresh (CfFindingsGroup *self)
{
  g_autoptr(GPtrArray) findings = NULL;

  for (guint i = 0; i < self->rows->len; i++)
    adw_preferences_group_remove (ADW_PREFERENCES_GROUP (self), g_ptr_array_index (self->rows, i));
  g_ptr_array_set_size (self->rows, 0);

  if (self->product_id != 0 && self->requirement != NULL)
    findings = cf_store_list_findings (cf_context_get_store (self->context), self->product_id,
                                       CF_FINDING_TARGET_REQUIREMENT, self->requirement, NULL);

  gtk_widget_set_visible (GTK_WIDGET (self), findings != NULL && findings->len > 0);
  if (findings == NULL)
    return;

  for (guint i = 0; i < findings->len; i++)
    {
      CfFinding *finding = g_ptr_array_index (findings, i);
      g_autofree char *label = cf_finding_dup_label (finding);
      g_autofree char *title = g_strdup_printf ("%s · %s · %s", label,
                                                cf_finding_severity_get_label (finding->severity),
                                                cf_finding_status_get_label (finding->status));
      g_autoptr(GString) subtitle = g_string_new (NULL);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *button = gtk_button_new_with_mnemonic (_("_Respond…"));

      g_string_append_printf (subtitle, _("%s, on the dossier sealed %.12s…"), finding->reviewer,
                              finding->seal);
      if (finding->text != NULL && *finding->text != '\0')
        g_string_append_printf (subtitle, "\n%s", finding->text);
      if (finding->answer != NULL)
        g_string_append_printf (subtitle, _("\nAnswer: %s"), finding->answer);

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle->str);
      adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 12);
      gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
      g_object_set_data_full (G_OBJECT (button), "finding", cf_finding_copy (finding),
                              (GDestroyNotify) cf_finding_free);
      g_signal_connect (button, "clicked", G_CALLBACK (respond_clicked_cb), self);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (self), row);
      g_ptr_array_add (self->rows, row);
    }
}

static void
store_changed_cb (CfFindingsGroup *self,
                  gint64           id,
                  CfStore         *store)
{
  if (id == self->product_id)
    refresh (self);
}

/**
 * cf_findings_group_set_target:
 *
 * Shows the findings on @requirement of the product.
 */
void
cf_findings_group_set_target (CfFindingsGroup *self,
                              gint64           product_id,
                              const char      *requirement)
{
  g_return_if_fail (CF_IS_FINDINGS_GROUP (self));

  self->product_id = product_id;
  g_free (self->requirement);
  self->requirement = g_strdup (requirement);
  refresh (self);
}

static void
cf_findings_group_finalize (GObject *object)
{
  CfFindingsGroup *self = CF_FINDINGS_GROUP (object);

  g_clear_object (&self->context);
  g_free (self->requirement);
  g_ptr_array_unref (self->rows);

  G_OBJECT_CLASS (cf_findings_group_parent_class)->finalize (object);
}

static void
cf_findings_group_class_init (CfFindingsGroupClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = cf_findings_group_finalize;
}

static void
cf_findings_group_init (CfFindingsGroup *self)
{
  self->rows = g_ptr_array_new ();
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (self), _("Reviewer Findings"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (self),
                                         _("Imported from the findings files notified bodies sent "
                                           "back on this product’s dossiers."));
  gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
}

GtkWidget *
cf_findings_group_new (CfContext *context)
{
  CfFindingsGroup *self = g_object_new (CF_TYPE_FINDINGS_GROUP, NULL);

  self->context = g_object_ref (context);
  gtk_widget_set_name (GTK_WIDGET (self), "findings");
  g_signal_connect_object (cf_context_get_store (context), "changed::finding",
                           G_CALLBACK (store_changed_cb), self, G_CONNECT_SWAPPED);

  return GTK_WIDGET (self);
}
