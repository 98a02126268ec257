/* cf-text-row.c
 *
 * Copyright 2026 The Conformity Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cf-text-row"

#include "config.h"

#include "cf-text-row.h"

/* libadwaita 1.2 has AdwEntryRow for one line only; addresses, descriptions
 * and lists of standards need several, in the same boxed list. */
struct _CfTextRow
{
  AdwPreferencesRow  parent_instance;

  GtkLabel          *title_label;
  GtkTextView       *text_view;
};

G_DEFINE_FINAL_TYPE (CfTextRow, cf_text_row, ADW_TYPE_PREFERENCES_ROW)

enum {
  SIGNAL_CHANGED,
  N_SIGNALS
};

static guint signals [N_SIGNALS];

static void
buffer_changed_cb (CfTextRow     *self,
                   GtkTextBuffer *buffer)
{
  g_signal_emit (self, signals [SIGNAL_CHANGED], 0);
}

/* The row itself is not focusable; focusing it means typing in it. */
static gboolean
cf_text_row_grab_focus (GtkWidget *widget)
{
  return gtk_widget_grab_focus (GTK_WIDGET (CF_TEXT_ROW (widget)->text_view));
}

static void
cf_text_row_class_init (CfTextRowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  widget_class->grab_focus = cf_text_row_grab_focus;

  /**
   * CfTextRow::changed:
   *
   * Emitted whenever the text changes.
   */
  signals [SIGNAL_CHANGED] =
    g_signal_new ("changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/cf-text-row.ui");
  gtk_widget_class_bind_template_child (widget_class, CfTextRow, title_label);
  gtk_widget_class_bind_template_child (widget_class, CfTextRow, text_view);
}

static void
cf_text_row_init (CfTextRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  g_object_bind_property (self, "title", self->title_label, "label", G_BINDING_SYNC_CREATE);
  g_object_bind_property (self, "use-underline", self->title_label, "use-underline", G_BINDING_SYNC_CREATE);
  g_signal_connect_object (gtk_text_view_get_buffer (self->text_view), "changed",
                           G_CALLBACK (buffer_changed_cb), self, G_CONNECT_SWAPPED);
}

GtkWidget *
cf_text_row_new (const char *title)
{
  return g_object_new (CF_TYPE_TEXT_ROW, "title", title, NULL);
}

/**
 * cf_text_row_dup_text:
 *
 * Returns: (transfer full): the whole text
 */
char *
cf_text_row_dup_text (CfTextRow *self)
{
  GtkTextBuffer *buffer;
  GtkTextIter start, end;

  g_return_val_if_fail (CF_IS_TEXT_ROW (self), NULL);

  buffer = gtk_text_view_get_buffer (self->text_view);
  gtk_text_buffer_get_bounds (buffer, &start, &end);

  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

void
cf_text_row_set_text (CfTextRow  *self,
                      const char *text)
{
  g_return_if_fail (CF_IS_TEXT_ROW (self));

  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->text_view), text ? text : "", -1);
}
