/* cf-document-row.c
 *
 * Copyright 2026 The Conformity Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cf-document-row"

#include "config.h"

#include <glib/gi18n.h>

#include "cf-document-row.h"

struct _CfDocumentRow
{
  GtkListBoxRow   parent_instance;

  GtkLabel       *title_label;
  GtkLabel       *draft_label;
  GtkLabel       *detail_label;
  GtkLabel       *hash_label;
  GtkButton      *open_button;
  GtkButton      *compare_button;
  GtkButton      *save_button;

  CfDocumentInfo *document;
};

G_DEFINE_FINAL_TYPE (CfDocumentRow, cf_document_row, GTK_TYPE_LIST_BOX_ROW)

/**
 * cf_format_timestamp:
 * @iso8601: a UTC time stamp as the store writes it
 *
 * Returns: (transfer full): the local date and time, unambiguous in any
 *   language ("2026-11-21 13:05")
 */
char *
cf_format_timestamp (const char *iso8601)
{
  g_autoptr(GDateTime) utc = NULL;
  g_autoptr(GDateTime) local = NULL;

  utc = iso8601 ? g_date_time_new_from_iso8601 (iso8601, NULL) : NULL;
  if (utc == NULL)
    return g_strdup (iso8601 ? iso8601 : "");

  local = g_date_time_to_local (utc);
  return g_date_time_format (local, "%Y-%m-%d %H:%M");
}

static void
cf_document_row_dispose (GObject *object)
{
  CfDocumentRow *self = CF_DOCUMENT_ROW (object);

  g_clear_object (&self->document);

  G_OBJECT_CLASS (cf_document_row_parent_class)->dispose (object);
}

static void
cf_document_row_class_init (CfDocumentRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cf_document_row_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/cf-document-row.ui");
  gtk_widget_class_bind_template_child (widget_class, CfDocumentRow, title_label);
  gtk_widget_class_bind_template_child (widget_class, CfDocumentRow, draft_label);
  gtk_widget_class_bind_template_child (widget_class, CfDocumentRow, detail_label);
  gtk_widget_class_bind_template_child (widget_class, CfDocumentRow, hash_label);
  gtk_widget_class_bind_template_child (widget_class, CfDocumentRow, open_button);
  gtk_widget_class_bind_template_child (widget_class, CfDocumentRow, compare_button);
  gtk_widget_class_bind_template_child (widget_class, CfDocumentRow, save_button);
}

static void
cf_document_row_init (CfDocumentRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * cf_document_row_new:
 *
 * The row's buttons activate "product.open-document" and
 * "product.save-document" with the document's id; its Compare button stays
 * insensitive until cf_document_row_set_comparable() says otherwise.
 *
 * Returns: (transfer floating): the row
 */
GtkWidget *
cf_document_row_new (CfDocumentInfo *document)
{
  CfDocumentRow *self;
  g_autofree char *title = NULL;
  g_autofree char *when = NULL;
  g_autofree char *size = NULL;
  g_autofree char *by = NULL;
  g_autoptr(GString) detail = g_string_new (NULL);
  g_autofree char *hash = NULL;
  g_autofree char *a11y = NULL;
  gint64 id;

  g_return_val_if_fail (CF_IS_DOCUMENT_INFO (document), NULL);

  self = g_object_new (CF_TYPE_DOCUMENT_ROW, NULL);
  self->document = g_object_ref (document);
  id = cf_document_info_get_id (document);

  /* Translators: a document's kind and version, e.g. "EU Declaration of Conformity, version 2" */
  title = g_strdup_printf (_("%s, version %d"), cf_document_info_get_kind_label (document),
                           cf_document_info_get_version (document));
  when = cf_format_timestamp (cf_document_info_get_created_at (document));
  size = g_format_size (cf_document_info_get_size (document));
  /* Translators: who generated a document, in the line under its title */
  by = g_strdup_printf (_("by %s"), cf_document_info_get_created_by (document));

  /* Date, language, format, author and size, e.g.
   * "2026-11-21 13:05 · German · PDF/A-1b · by ada · 41.2 kB". */
  g_string_append_printf (detail, "%s · %s", when,
                          cf_document_language_get_label (cf_document_info_get_language (document)));
  if (cf_document_info_get_is_pdfa (document))
    g_string_append (detail, " · PDF/A-1b");
  g_string_append_printf (detail, " · %s · %s", by, size);
  hash = g_strdup_printf ("SHA-256 %s", cf_document_info_get_sha256 (document));

  gtk_label_set_text (self->title_label, title);
  gtk_label_set_text (self->detail_label, detail->str);
  gtk_label_set_text (self->hash_label, hash);
  gtk_widget_set_visible (GTK_WIDGET (self->draft_label), cf_document_info_get_is_draft (document));

  gtk_actionable_set_action_target (GTK_ACTIONABLE (self->open_button), "x", id);
  gtk_actionable_set_action_target (GTK_ACTIONABLE (self->save_button), "x", id);
  gtk_actionable_set_action_target (GTK_ACTIONABLE (self->compare_button), "x", id);

  a11y = g_strdup_printf (_("Open %s"), title);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->open_button), a11y);

  return GTK_WIDGET (self);
}

CfDocumentInfo *
cf_document_row_get_document (CfDocumentRow *self)
{
  g_return_val_if_fail (CF_IS_DOCUMENT_ROW (self), NULL);
  return self->document;
}

/**
 * cf_document_row_set_comparable:
 * @comparable: whether an earlier version of the same kind exists and both
 *   texts were recorded
 *
 * Only then does the Compare button activate "product.compare-document"
 * with the document's id.
 */
void
cf_document_row_set_comparable (CfDocumentRow *self,
                                gboolean       comparable)
{
  g_return_if_fail (CF_IS_DOCUMENT_ROW (self));

  /* An actionable button takes its sensitivity from its action, which is
   * enabled for every document: without one, the button's own holds. */
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->compare_button),
                                  comparable ? "product.compare-document" : NULL);
  gtk_widget_set_sensitive (GTK_WIDGET (self->compare_button), comparable);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->compare_button),
                               comparable
                               ? _("Compare with an earlier version…")
                               : _("No earlier version with recorded text to compare with"));
}

GtkWidget *
cf_document_row_get_compare_button (CfDocumentRow *self)
{
  g_return_val_if_fail (CF_IS_DOCUMENT_ROW (self), NULL);
  return GTK_WIDGET (self->compare_button);
}
