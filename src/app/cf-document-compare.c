/* cf-document-compare.c
 *
 * Copyright 2026 The Conformity Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cf-document-compare"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "cf-document-compare.h"
#include "cf-document-row.h"
#include "cf-text-diff.h"

/* Unchanged lines kept around each change; longer unchanged runs are
 * folded into one line that says how many it hides. */
#define CONTEXT_LINES 3
#define LONGEST_UNFOLDED_RUN (2 * CONTEXT_LINES)

struct _CfDocumentCompare
{
  AdwWindow       parent_instance;

  /* Template widgets */
  AdwWindowTitle *window_title;
  GtkDropDown    *versions_dropdown;
  GtkLabel       *summary_label;
  GtkStack       *stack;
  GtkTextView    *text_view;
  AdwStatusPage  *error_page;

  CfStore        *store;
  CfDocumentInfo *document;
  GPtrArray      *earlier;      /* of CfDocumentInfo, newest first */
  char           *text;         /* @document's; NULL when not recorded */
  char           *text_error;   /* why it could not be read */
  guint           shown;        /* the position compared with */
};

G_DEFINE_FINAL_TYPE (CfDocumentCompare, cf_document_compare, ADW_TYPE_WINDOW)

/* "Version 2 (German)", as the title and the version list say it. */
static char *
describe_version (CfDocumentInfo *document)
{
  /* Translators: a document's version and its language, e.g. "version 2 (German)" */
  return g_strdup_printf (_("version %d (%s)"), cf_document_info_get_version (document),
                          cf_document_language_get_label (cf_document_info_get_language (document)));
}

/* Lines without the empty one a final newline would add. */
static char **
split_lines (const char *text)
{
  gsize len = strlen (text);

  if (len > 0 && text[len - 1] == '\n')
    len--;
  if (len == 0)
    return g_new0 (char *, 1);

  {
    g_autofree char *body = g_strndup (text, len);

    return g_strsplit (body, "\n", -1);
  }
}

static void
insert_line (GtkTextBuffer *buffer,
             const char    *prefix,
             const char    *line,
             const char    *tag)
{
  GtkTextIter end;

  gtk_text_buffer_get_end_iter (buffer, &end);
  if (gtk_text_buffer_get_char_count (buffer) > 0)
    gtk_text_buffer_insert (buffer, &end, "\n", 1);
  gtk_text_buffer_insert_with_tags_by_name (buffer, &end, prefix, -1, "marker", tag, NULL);
  gtk_text_buffer_insert_with_tags_by_name (buffer, &end, line, -1, tag, NULL);
}

static void
insert_fold (GtkTextBuffer *buffer,
             guint          n_hidden)
{
  /* Translators: stands for unchanged lines of a document that are not shown */
  g_autofree char *text = g_strdup_printf (ngettext ("… %u unchanged line …", "… %u unchanged lines …", n_hidden),
                                           n_hidden);

  insert_line (buffer, "", text, "fold");
}

static void
insert_same (GtkTextBuffer *buffer,
             GArray        *lines,
             guint          from,
             guint          to)
{
  for (guint i = from; i < to; i++)
    insert_line (buffer, "  ", g_array_index (lines, CfDiffLine, i).line, NULL);
}

static char *
summarize (guint added,
           guint removed)
{
  g_autofree char *added_text = NULL;
  g_autofree char *removed_text = NULL;

  if (removed == 0)
    return g_strdup_printf (ngettext ("%u line added", "%u lines added", added), added);
  if (added == 0)
    return g_strdup_printf (ngettext ("%u line removed", "%u lines removed", removed), removed);

  added_text = g_strdup_printf (ngettext ("%u line added", "%u lines added", added), added);
  /* Translators: follows "5 lines added, " */
  removed_text = g_strdup_printf (ngettext ("%u removed", "%u removed", removed), removed);
  /* Translators: "5 lines added" and "2 removed" */
  return g_strdup_printf (_("%s, %s"), added_text, removed_text);
}

static void
show_error (CfDocumentCompare *self,
            const char        *message)
{
  adw_status_page_set_description (self->error_page, message);
  gtk_label_set_text (self->summary_label, "");
  gtk_stack_set_visible_child_name (self->stack, "error");
}

/* Long lines wrap under their text, not under the "+ " before it. */
static void
indent_after_prefix (CfDocumentCompare *self)
{
  PangoContext *context = gtk_widget_get_pango_context (GTK_WIDGET (self->text_view));
  PangoFontMetrics *metrics = pango_context_get_metrics (context, NULL, NULL);
  int prefix = 2 * pango_font_metrics_get_approximate_char_width (metrics) / PANGO_SCALE;

  gtk_text_view_set_left_margin (self->text_view, 12 + prefix);
  gtk_text_view_set_indent (self->text_view, -prefix);
  pango_font_metrics_unref (metrics);
}

/* Each line of both texts, prefixed "+ ", "- " or "  " so the result reads
 * without its colours too. */
static void
show_diff (CfDocumentCompare *self,
           const char        *old_text)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->text_view);
  g_auto(GStrv) old_lines = split_lines (old_text);
  g_auto(GStrv) new_lines = split_lines (self->text);
  g_autoptr(GArray) lines = cf_text_diff_lines ((const char * const *) old_lines,
                                                (const char * const *) new_lines);
  g_autofree char *summary = NULL;
  guint added = 0;
  guint removed = 0;

  gtk_text_buffer_set_text (buffer, "", 0);
  indent_after_prefix (self);

  for (guint i = 0; i < lines->len;)
    {
      CfDiffLine *line = &g_array_index (lines, CfDiffLine, i);
      guint end = i;
      guint head, tail;

      if (line->kind == CF_DIFF_ADDED || line->kind == CF_DIFF_REMOVED)
        {
          gboolean is_added = line->kind == CF_DIFF_ADDED;

          insert_line (buffer, is_added ? "+ " : "- ", line->line, is_added ? "added" : "removed");
          added += is_added;
          removed += !is_added;
          i++;
          continue;
        }

      while (end < lines->len && g_array_index (lines, CfDiffLine, end).kind == CF_DIFF_SAME)
        end++;

      /* Context after the change before the run and before the one after it;
       * none at the very start or end of the text. */
      head = i == 0 ? 0 : CONTEXT_LINES;
      tail = end == lines->len ? 0 : CONTEXT_LINES;
      if (end - i > LONGEST_UNFOLDED_RUN)
        {
          insert_same (buffer, lines, i, i + head);
          insert_fold (buffer, end - i - head - tail);
          insert_same (buffer, lines, end - tail, end);
        }
      else
        insert_same (buffer, lines, i, end);
      i = end;
    }

  if (added == 0 && removed == 0)
    {
      gtk_text_buffer_set_text (buffer, "", 0);
      gtk_label_set_text (self->summary_label, _("No differences"));
      gtk_stack_set_visible_child_name (self->stack, "same");
      return;
    }

  summary = summarize (added, removed);
  gtk_label_set_text (self->summary_label, summary);
  gtk_stack_set_visible_child_name (self->stack, "diff");
}

static void
compare (CfDocumentCompare *self)
{
  CfDocumentInfo *earlier = cf_document_compare_get_earlier (self);
  g_autoptr(GError) error = NULL;
  g_autofree char *old_text = NULL;
  g_autofree char *new_version = NULL;
  g_autofree char *old_version = NULL;
  g_autofree char *subtitle = NULL;

  if (earlier == NULL || self->shown == gtk_drop_down_get_selected (self->versions_dropdown))
    return;
  self->shown = gtk_drop_down_get_selected (self->versions_dropdown);

  new_version = describe_version (self->document);
  old_version = describe_version (earlier);
  /* Translators: a document's kind, then the versions compared, e.g.
   * "EU Declaration of Conformity, version 2 (German) with version 1 (English)" */
  subtitle = g_strdup_printf (_("%s, %s with %s"), cf_document_info_get_kind_label (self->document),
                              new_version, old_version);
  adw_window_title_set_subtitle (self->window_title, subtitle);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->window_title), subtitle);

  if (self->text_error != NULL)
    {
      show_error (self, self->text_error);
      return;
    }
  if (self->text == NULL)
    {
      show_error (self, _("This version’s text was not recorded: it was generated before Conformity kept "
                          "the text of each document."));
      return;
    }

  old_text = cf_store_get_document_text (self->store, cf_document_info_get_id (earlier), &error);
  if (old_text == NULL)
    {
      g_autofree char *message = NULL;

      if (error == NULL)
        message = g_strdup_printf (_("The text of %s was not recorded: it was generated before Conformity kept "
                                     "the text of each document."), old_version);
      show_error (self, error ? error->message : message);
      return;
    }

  show_diff (self, old_text);
}

static void
version_selected_cb (CfDocumentCompare *self)
{
  compare (self);
}

static void
cf_document_compare_dispose (GObject *object)
{
  CfDocumentCompare *self = CF_DOCUMENT_COMPARE (object);

  g_clear_object (&self->store);
  g_clear_object (&self->document);
  g_clear_pointer (&self->earlier, g_ptr_array_unref);

  G_OBJECT_CLASS (cf_document_compare_parent_class)->dispose (object);
}

static void
cf_document_compare_finalize (GObject *object)
{
  CfDocumentCompare *self = CF_DOCUMENT_COMPARE (object);

  g_clear_pointer (&self->text, g_free);
  g_clear_pointer (&self->text_error, g_free);

  G_OBJECT_CLASS (cf_document_compare_parent_class)->finalize (object);
}

static void
cf_document_compare_class_init (CfDocumentCompareClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cf_document_compare_dispose;
  object_class->finalize = cf_document_compare_finalize;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/cf-document-compare.ui");
  gtk_widget_class_bind_template_child (widget_class, CfDocumentCompare, window_title);
  gtk_widget_class_bind_template_child (widget_class, CfDocumentCompare, versions_dropdown);
  gtk_widget_class_bind_template_child (widget_class, CfDocumentCompare, summary_label);
  gtk_widget_class_bind_template_child (widget_class, CfDocumentCompare, stack);
  gtk_widget_class_bind_template_child (widget_class, CfDocumentCompare, text_view);
  gtk_widget_class_bind_template_child (widget_class, CfDocumentCompare, error_page);
  gtk_widget_class_bind_template_callback (widget_class, version_selected_cb);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
cf_document_compare_init (CfDocumentCompare *self)
{
  GtkTextBuffer *buffer;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->shown = GTK_INVALID_LIST_POSITION;

  /* Text tags take no CSS: these tints over the view's background read in
   * the light and the dark style alike, and the "+ "/"- " prefixes say the
   * same without colour. */
  buffer = gtk_text_view_get_buffer (self->text_view);
  gtk_text_buffer_create_tag (buffer, "added",
                              "paragraph-background-rgba", &(GdkRGBA) { 0.18, 0.76, 0.49, 0.18 },
                              NULL);
  gtk_text_buffer_create_tag (buffer, "removed",
                              "paragraph-background-rgba", &(GdkRGBA) { 0.93, 0.20, 0.23, 0.18 },
                              NULL);
  gtk_text_buffer_create_tag (buffer, "marker",
                              "weight", PANGO_WEIGHT_BOLD,
                              NULL);
  gtk_text_buffer_create_tag (buffer, "fold",
                              "style", PANGO_STYLE_ITALIC,
                              "foreground-rgba", &(GdkRGBA) { 0.5, 0.5, 0.5, 1.0 },
                              "justification", GTK_JUSTIFY_CENTER,
                              "pixels-above-lines", 6,
                              "pixels-below-lines", 6,
                              NULL);
}

/**
 * cf_document_compare_new:
 * @parent: the window the dialog belongs to
 * @document: the later version
 * @earlier: (element-type CfDocumentInfo): the earlier versions of the same
 *   kind it can be compared with, newest first; not empty
 *
 * The dialog compares @document with the first of @earlier; a list offers
 * the others.
 *
 * Returns: (transfer none): the dialog, not yet presented; it destroys
 *   itself when closed
 */
CfDocumentCompare *
cf_document_compare_new (GtkWindow      *parent,
                         CfStore        *store,
                         CfDocumentInfo *document,
                         GPtrArray      *earlier)
{
  CfDocumentCompare *self;
  g_autoptr(GtkStringList) versions = gtk_string_list_new (NULL);
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (CF_IS_STORE (store), NULL);
  g_return_val_if_fail (CF_IS_DOCUMENT_INFO (document), NULL);
  g_return_val_if_fail (earlier != NULL && earlier->len > 0, NULL);

  self = g_object_new (CF_TYPE_DOCUMENT_COMPARE,
                       "transient-for", parent,
                       NULL);
  self->store = g_object_ref (store);
  self->document = g_object_ref (document);
  self->earlier = g_ptr_array_ref (earlier);
  self->text = cf_store_get_document_text (store, cf_document_info_get_id (document), &error);
  if (error != NULL)
    self->text_error = g_strdup (error->message);

  for (guint i = 0; i < earlier->len; i++)
    {
      CfDocumentInfo *version = g_ptr_array_index (earlier, i);
      g_autofree char *when = cf_format_timestamp (cf_document_info_get_created_at (version));
      g_autofree char *item = NULL;

      /* Translators: an earlier version to compare with, e.g. "Version 1 (English), 2026-11-21 13:05" */
      item = g_strdup_printf (_("Version %d (%s), %s"), cf_document_info_get_version (version),
                              cf_document_language_get_label (cf_document_info_get_language (version)), when);
      gtk_string_list_append (versions, item);
    }

  /* Setting the model selects its first item, which compares. */
  gtk_drop_down_set_model (self->versions_dropdown, G_LIST_MODEL (versions));
  compare (self);
  gtk_window_set_focus (GTK_WINDOW (self), GTK_WIDGET (self->text_view));

  return self;
}

/**
 * cf_document_compare_get_earlier:
 *
 * Returns: (transfer none) (nullable): the version compared with
 */
CfDocumentInfo *
cf_document_compare_get_earlier (CfDocumentCompare *self)
{
  guint position;

  g_return_val_if_fail (CF_IS_DOCUMENT_COMPARE (self), NULL);

  position = gtk_drop_down_get_selected (self->versions_dropdown);
  if (self->earlier == NULL || position >= self->earlier->len)
    return NULL;

  return g_ptr_array_index (self->earlier, position);
}

void
cf_document_compare_set_earlier (CfDocumentCompare *self,
                                 guint              position)
{
  g_return_if_fail (CF_IS_DOCUMENT_COMPARE (self));
  g_return_if_fail (position < self->earlier->len);

  gtk_drop_down_set_selected (self->versions_dropdown, position);
}

/**
 * cf_document_compare_dup_text:
 *
 * Returns: (transfer full): the differences as shown, one line per line
 */
char *
cf_document_compare_dup_text (CfDocumentCompare *self)
{
  GtkTextBuffer *buffer;
  GtkTextIter start, end;

  g_return_val_if_fail (CF_IS_DOCUMENT_COMPARE (self), NULL);

  buffer = gtk_text_view_get_buffer (self->text_view);
  gtk_text_buffer_get_bounds (buffer, &start, &end);

  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

/**
 * cf_document_compare_get_summary:
 *
 * Returns: what the dialog says changed: "5 lines added, 2 removed"
 */
const char *
cf_document_compare_get_summary (CfDocumentCompare *self)
{
  g_return_val_if_fail (CF_IS_DOCUMENT_COMPARE (self), NULL);
  return gtk_label_get_text (self->summary_label);
}
