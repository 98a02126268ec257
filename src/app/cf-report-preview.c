/* cf-report-preview.c
 *
 * Copyright 2026 The Conformity Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cf-report-preview"

#include "config.h"

#include <glib/gi18n.h>

#include "cf-report-preview.h"

struct _CfReportPreview
{
  AdwWindow        parent_instance;

  /* Template widgets */
  AdwToastOverlay *toast_overlay;
  AdwWindowTitle  *window_title;
  GtkWidget       *missing_box;
  GtkLabel        *missing_label;
  GtkTextView     *text_view;

  char            *text;
};

G_DEFINE_FINAL_TYPE (CfReportPreview, cf_report_preview, ADW_TYPE_WINDOW)

enum {
  SIGNAL_SAVE_PDF,
  N_SIGNALS
};

static guint signals [N_SIGNALS];

static void
copy_clicked_cb (CfReportPreview *self)
{
  gdk_clipboard_set_text (gtk_widget_get_clipboard (GTK_WIDGET (self)), self->text);
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (_("Copied")));
}

/* The window that opened the preview saves, and shows the progress. */
static void
save_clicked_cb (CfReportPreview *self)
{
  g_signal_emit (self, signals [SIGNAL_SAVE_PDF], 0);
  gtk_window_close (GTK_WINDOW (self));
}

static void
cf_report_preview_finalize (GObject *object)
{
  CfReportPreview *self = CF_REPORT_PREVIEW (object);

  g_free (self->text);

  G_OBJECT_CLASS (cf_report_preview_parent_class)->finalize (object);
}

static void
cf_report_preview_class_init (CfReportPreviewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = cf_report_preview_finalize;

  /**
   * CfReportPreview::save-pdf:
   *
   * The user asked for the report as PDF; the preview closes next.
   */
  signals [SIGNAL_SAVE_PDF] = g_signal_new ("save-pdf", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                            0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/cf-report-preview.ui");
  gtk_widget_class_bind_template_child (widget_class, CfReportPreview, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, CfReportPreview, window_title);
  gtk_widget_class_bind_template_child (widget_class, CfReportPreview, missing_box);
  gtk_widget_class_bind_template_child (widget_class, CfReportPreview, missing_label);
  gtk_widget_class_bind_template_child (widget_class, CfReportPreview, text_view);
  gtk_widget_class_bind_template_callback (widget_class, copy_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, save_clicked_cb);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
cf_report_preview_init (CfReportPreview *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * cf_report_preview_new:
 * @report: (transfer none): the report, read once
 *
 * Returns: (transfer none): the preview, presented; it destroys itself when closed
 */
CfReportPreview *
cf_report_preview_new (GtkWindow    *parent,
                       CfCaseReport *report)
{
  CfReportPreview *self;
  g_auto(GStrv) missing = NULL;

  g_return_val_if_fail (report != NULL, NULL);

  self = g_object_new (CF_TYPE_REPORT_PREVIEW,
                       "transient-for", parent,
                       "title", cf_case_report_get_title (report),
                       NULL);
  adw_window_title_set_title (self->window_title, cf_case_report_get_title (report));
  self->text = cf_case_report_to_text (report);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->text_view), self->text, -1);

  /* The report can be sent incomplete (Article 14 asks for what is known),
   * but the user should see what it still lacks. */
  missing = cf_case_report_dup_missing (report);
  if (missing != NULL && missing[0] != NULL)
    {
      g_autofree char *list = g_strjoinv (", ", missing);
      /* Translators: followed by a list of the report's empty items */
      g_autofree char *text = g_strdup_printf (_("Not filled in yet: %s. Complete the case to "
                                                 "include them."), list);

      gtk_label_set_text (self->missing_label, text);
      gtk_widget_set_visible (self->missing_box, TRUE);
    }

  return self;
}

/**
 * cf_report_preview_get_text:
 *
 * Returns: the report's text as shown
 */
const char *
cf_report_preview_get_text (CfReportPreview *self)
{
  g_return_val_if_fail (CF_IS_REPORT_PREVIEW (self), NULL);
  return self->text;
}
