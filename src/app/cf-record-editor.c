/* cf-record-editor.c
 *
 * Copyright 2026 The Conformity Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cf-record-editor"

#include "config.h"

#include <glib/gi18n.h>

#include "cf-discard-dialog.h"
#include "cf-record-editor.h"
#include "cf-text-row.h"

struct _CfRecordEditor
{
  AdwWindow               parent_instance;

  AdwWindowTitle         *window_title;
  GtkButton              *save_button;
  GtkRevealer            *failure_revealer;
  GtkLabel               *failure_label;
  GtkLabel               *message_label;
  AdwPreferencesPage     *page;
  AdwPreferencesGroup    *extra_group;

  CfRecord               *record;     /* the working copy; the original is untouched */
  CfRecord               *original;   /* as opened: what differs from it, the user changed */
  GHashTable             *rows;       /* field name → row widget */
  GHashTable             *edited;     /* field names the user has changed */
  char                   *message;
  gboolean                dirty;
  gboolean                closing;

  CfRecordEditorSaveFunc  save;
  gpointer                save_data;
  GDestroyNotify          save_destroy;
};

G_DEFINE_FINAL_TYPE (CfRecordEditor, cf_record_editor, ADW_TYPE_WINDOW)

static char *
read_row (GtkWidget *row)
{
  if (CF_IS_TEXT_ROW (row))
    return cf_text_row_dup_text (CF_TEXT_ROW (row));

  return g_strdup (gtk_editable_get_text (GTK_EDITABLE (row)));
}

/* Checks every field, marks the rows in error, and says in one place what
 * is wrong or still required; Save is possible only when nothing is. */
static void
validate (CfRecordEditor *self)
{
  guint n_specs;
  const CfFieldSpec *specs = cf_record_get_specs (self->record, &n_specs);
  g_autoptr(GString) errors = g_string_new (NULL);
  g_autoptr(GString) required = g_string_new (NULL);
  gboolean valid = TRUE;

  for (guint i = 0; i < n_specs; i++)
    {
      GtkWidget *row = g_hash_table_lookup (self->rows, specs[i].name);
      g_autofree char *message = cf_field_spec_check (&specs[i],
                                                      cf_record_get_field (self->record, specs[i].name));
      gboolean shown = message != NULL &&
                       (g_hash_table_contains (self->edited, specs[i].name) ||
                        cf_record_is_filled (self->record, specs[i].name));

      if (message != NULL)
        valid = FALSE;

      if (message != NULL && !shown)
        {
          /* Not touched yet and merely empty: a hint, not an error. */
          g_string_append_printf (required, "%s%s", required->len ? ", " : "", _(specs[i].label));
          g_clear_pointer (&message, g_free);
        }

      if (message != NULL)
        g_string_append_printf (errors, "%s%s", errors->len ? "\n" : "", message);

      if (message != NULL)
        gtk_widget_add_css_class (row, "error");
      else
        gtk_widget_remove_css_class (row, "error");
      gtk_widget_set_tooltip_text (row, message);
    }

  g_clear_pointer (&self->message, g_free);
  gtk_widget_remove_css_class (GTK_WIDGET (self->message_label), "error");
  if (errors->len > 0)
    {
      self->message = g_string_free (g_steal_pointer (&errors), FALSE);
      gtk_widget_add_css_class (GTK_WIDGET (self->message_label), "error");
    }
  else if (required->len > 0)
    /* Translators: followed by a list of field names. */
    self->message = g_strdup_printf (_("Required: %s"), required->str);

  gtk_label_set_text (self->message_label, self->message);
  gtk_widget_set_visible (GTK_WIDGET (self->message_label), self->message != NULL);
  gtk_widget_set_sensitive (GTK_WIDGET (self->save_button), valid);
}

/* Any change to the working copy, from a field or an extra row, is an edit. */
static void
record_notify_cb (CfRecordEditor *self,
                  GParamSpec     *pspec,
                  CfRecord       *record)
{
  self->dirty = TRUE;
}

static void
row_changed_cb (GtkWidget      *row,
                CfRecordEditor *self)
{
  const char *name = g_object_get_data (G_OBJECT (row), "cf-field");
  g_autofree char *text = read_row (row);

  cf_record_set_field (self->record, name, *text ? text : NULL);
  g_hash_table_add (self->edited, (gpointer) name);
  gtk_revealer_set_reveal_child (self->failure_revealer, FALSE);
  validate (self);
}

static void
entry_activated_cb (GtkWidget      *row,
                    CfRecordEditor *self)
{
  if (gtk_widget_get_sensitive (GTK_WIDGET (self->save_button)))
    cf_record_editor_save (self);
}

static void
build_fields (CfRecordEditor *self)
{
  guint n_specs;
  const CfFieldSpec *specs = cf_record_get_specs (self->record, &n_specs);
  AdwPreferencesGroup *group = NULL;
  const char *group_title = NULL;

  for (guint i = 0; i < n_specs; i++)
    {
      const char *value = cf_record_get_field (self->record, specs[i].name);
      GtkWidget *row;

      /* A new group wherever the specs name a new form section. */
      if (group == NULL || g_strcmp0 (specs[i].group, group_title) != 0)
        {
          group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
          if (specs[i].group != NULL)
            adw_preferences_group_set_title (group, _(specs[i].group));
          adw_preferences_page_add (self->page, group);
          group_title = specs[i].group;
        }

      if (specs[i].multiline)
        {
          row = cf_text_row_new (_(specs[i].label));
          cf_text_row_set_text (CF_TEXT_ROW (row), value);
          g_signal_connect (row, "changed", G_CALLBACK (row_changed_cb), self);
        }
      else
        {
          row = adw_entry_row_new ();
          adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _(specs[i].label));
          gtk_editable_set_text (GTK_EDITABLE (row), value ? value : "");
          if (specs[i].format == CF_FIELD_FORMAT_EMAIL)
            gtk_widget_set_tooltip_text (row, _("For example, security@example.com"));
          g_signal_connect (row, "changed", G_CALLBACK (row_changed_cb), self);
          g_signal_connect (row, "entry-activated", G_CALLBACK (entry_activated_cb), self);
        }

      g_object_set_data (G_OBJECT (row), "cf-field", (gpointer) specs[i].name);
      gtk_widget_set_name (row, specs[i].name);
      g_hash_table_insert (self->rows, (gpointer) specs[i].name, row);
      adw_preferences_group_add (group, row);
    }
}

static void
discard_cb (GtkWindow *window)
{
  CF_RECORD_EDITOR (window)->closing = TRUE;
  gtk_window_close (window);
}

/* Closing with unsaved changes asks first: typed work is never lost silently. */
static gboolean
cf_record_editor_close_request (GtkWindow *window)
{
  CfRecordEditor *self = CF_RECORD_EDITOR (window);

  if (self->closing || !self->dirty)
    return GTK_WINDOW_CLASS (cf_record_editor_parent_class)->close_request (window);

  cf_discard_dialog_present (window, G_CALLBACK (discard_cb));
  return TRUE;
}

static void
cancel_clicked_cb (CfRecordEditor *self)
{
  gtk_window_close (GTK_WINDOW (self));
}

static void
save_clicked_cb (CfRecordEditor *self)
{
  cf_record_editor_save (self);
}

static void
cf_record_editor_dispose (GObject *object)
{
  CfRecordEditor *self = CF_RECORD_EDITOR (object);

  if (self->save_destroy != NULL)
    g_clear_pointer (&self->save_data, self->save_destroy);

  G_OBJECT_CLASS (cf_record_editor_parent_class)->dispose (object);
}

static void
cf_record_editor_finalize (GObject *object)
{
  CfRecordEditor *self = CF_RECORD_EDITOR (object);

  g_clear_object (&self->record);
  g_clear_object (&self->original);
  g_clear_pointer (&self->rows, g_hash_table_unref);
  g_clear_pointer (&self->edited, g_hash_table_unref);
  g_clear_pointer (&self->message, g_free);

  G_OBJECT_CLASS (cf_record_editor_parent_class)->finalize (object);
}

static void
save_action_cb (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  CfRecordEditor *self = CF_RECORD_EDITOR (widget);

  if (gtk_widget_get_sensitive (GTK_WIDGET (self->save_button)))
    cf_record_editor_save (self);
}

static void
cf_record_editor_class_init (CfRecordEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = cf_record_editor_dispose;
  object_class->finalize = cf_record_editor_finalize;
  window_class->close_request = cf_record_editor_close_request;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/cf-record-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, CfRecordEditor, window_title);
  gtk_widget_class_bind_template_child (widget_class, CfRecordEditor, save_button);
  gtk_widget_class_bind_template_child (widget_class, CfRecordEditor, failure_revealer);
  gtk_widget_class_bind_template_child (widget_class, CfRecordEditor, failure_label);
  gtk_widget_class_bind_template_child (widget_class, CfRecordEditor, message_label);
  gtk_widget_class_bind_template_child (widget_class, CfRecordEditor, page);
  gtk_widget_class_bind_template_child (widget_class, CfRecordEditor, extra_group);
  gtk_widget_class_bind_template_callback (widget_class, cancel_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, save_clicked_cb);

  gtk_widget_class_install_action (widget_class, "editor.save", NULL, save_action_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "editor.save", NULL);

  g_type_ensure (CF_TYPE_TEXT_ROW);
}

static void
cf_record_editor_init (CfRecordEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->rows = g_hash_table_new (g_str_hash, g_str_equal);
  self->edited = g_hash_table_new (g_str_hash, g_str_equal);
}

/**
 * cf_record_editor_new:
 * @parent: the window the editor belongs to
 * @record: what to edit; it is copied, and never changed by the editor
 * @save: stores the edited copy, best through cf_record_editor_apply_changes()
 *
 * Returns: (transfer none): the editor, presented; it destroys itself when closed
 */
CfRecordEditor *
cf_record_editor_new (GtkWindow              *parent,
                      const char             *title,
                      CfRecord               *record,
                      CfRecordEditorSaveFunc  save,
                      gpointer                user_data,
                      GDestroyNotify          destroy)
{
  CfRecordEditor *self;

  g_return_val_if_fail (CF_IS_RECORD (record), NULL);
  g_return_val_if_fail (save != NULL, NULL);

  self = g_object_new (CF_TYPE_RECORD_EDITOR,
                       "transient-for", parent,
                       "title", title,
                       NULL);
  adw_window_title_set_title (self->window_title, title);

  self->record = cf_record_dup (record);
  self->original = cf_record_dup (record);
  self->save = save;
  self->save_data = user_data;
  self->save_destroy = destroy;

  build_fields (self);
  validate (self);

  /* Typing starts in the first field, not on Cancel. */
  {
    guint n_specs;
    const CfFieldSpec *specs = cf_record_get_specs (self->record, &n_specs);

    if (n_specs > 0)
      gtk_window_set_focus (GTK_WINDOW (self), g_hash_table_lookup (self->rows, specs[0].name));
  }
  g_signal_connect_object (self->record, "notify", G_CALLBACK (record_notify_cb), self, G_CONNECT_SWAPPED);

  return self;
}

/**
 * cf_record_editor_get_record:
 *
 * Returns: (transfer none): the working copy the form edits
 */
CfRecord *
cf_record_editor_get_record (CfRecordEditor *self)
{
  g_return_val_if_fail (CF_IS_RECORD_EDITOR (self), NULL);
  return self->record;
}

/**
 * cf_record_editor_add_extra_row:
 *
 * Adds a row above the fields, for what is not a text field (a choice bound
 * to a property of the working copy, say). Changing it counts as an edit.
 */
void
cf_record_editor_add_extra_row (CfRecordEditor *self,
                                GtkWidget      *row)
{
  g_return_if_fail (CF_IS_RECORD_EDITOR (self));

  adw_preferences_group_add (self->extra_group, row);
  gtk_widget_set_visible (GTK_WIDGET (self->extra_group), TRUE);
}

/**
 * cf_record_editor_get_field_widget:
 *
 * Returns: (transfer none) (nullable): the AdwEntryRow or CfTextRow of a field
 */
GtkWidget *
cf_record_editor_get_field_widget (CfRecordEditor *self,
                                   const char     *name)
{
  g_return_val_if_fail (CF_IS_RECORD_EDITOR (self), NULL);
  return g_hash_table_lookup (self->rows, name);
}

GtkWidget *
cf_record_editor_get_save_button (CfRecordEditor *self)
{
  g_return_val_if_fail (CF_IS_RECORD_EDITOR (self), NULL);
  return GTK_WIDGET (self->save_button);
}

/**
 * cf_record_editor_get_message:
 *
 * Returns: (nullable): what the form currently says is wrong or required
 */
const char *
cf_record_editor_get_message (CfRecordEditor *self)
{
  g_return_val_if_fail (CF_IS_RECORD_EDITOR (self), NULL);
  return self->message;
}

/**
 * cf_record_editor_save:
 *
 * Saves through the save function and closes the editor; when saving fails
 * the editor stays open and shows why.
 *
 * Returns: whether the record was saved
 */
gboolean
cf_record_editor_save (CfRecordEditor *self)
{
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (CF_IS_RECORD_EDITOR (self), FALSE);

  if (!self->save (self, self->record, self->save_data, &error))
    {
      gtk_label_set_text (self->failure_label, error->message);
      gtk_revealer_set_reveal_child (self->failure_revealer, TRUE);
      return FALSE;
    }

  self->closing = TRUE;
  gtk_window_close (GTK_WINDOW (self));
  return TRUE;
}

/**
 * cf_record_editor_get_dirty:
 *
 * Returns: whether the form holds changes that were not saved
 */
gboolean
cf_record_editor_get_dirty (CfRecordEditor *self)
{
  g_return_val_if_fail (CF_IS_RECORD_EDITOR (self), FALSE);
  return self->dirty && !self->closing;
}

/**
 * cf_record_editor_apply_changes:
 * @record: the record as stored now, of the editor's record's type
 * @editor: (type CfRecordEditor): the editor
 *
 * Sets on @record what the user changed in the form (the fields, and what
 * the extra rows bind), and nothing else: a #CfRecordEditFunc for
 * cf_store_edit_product() and its kind, which read the record inside the
 * transaction that writes it. So a field another program changed while the
 * form was open keeps that program's value, unless the user changed it too.
 *
 * Returns: %TRUE
 */
gboolean
cf_record_editor_apply_changes (CfRecord  *record,
                                gpointer   editor,
                                GError   **error)
{
  CfRecordEditor *self = editor;
  g_autofree GParamSpec **pspecs = NULL;
  guint n_pspecs;

  g_return_val_if_fail (CF_IS_RECORD_EDITOR (self), FALSE);
  g_return_val_if_fail (G_OBJECT_TYPE (record) == G_OBJECT_TYPE (self->record), FALSE);

  pspecs = g_object_class_list_properties (G_OBJECT_GET_CLASS (self->record), &n_pspecs);
  for (guint i = 0; i < n_pspecs; i++)
    {
      GParamSpec *pspec = pspecs[i];
      GValue before = G_VALUE_INIT;
      GValue after = G_VALUE_INIT;

      /* The id, the example flag and the time of the change are the store's. */
      if (pspec->owner_type == CF_TYPE_RECORD ||
          (pspec->flags & G_PARAM_READWRITE) != G_PARAM_READWRITE ||
          (pspec->flags & G_PARAM_CONSTRUCT_ONLY) != 0)
        continue;

      g_value_init (&before, pspec->value_type);
      g_value_init (&after, pspec->value_type);
      g_object_get_property (G_OBJECT (self->original), pspec->name, &before);
      g_object_get_property (G_OBJECT (self->record), pspec->name, &after);
      if (g_param_values_cmp (pspec, &before, &after) != 0)
        g_object_set_property (G_OBJECT (record), pspec->name, &after);
      g_value_unset (&before);
      g_value_unset (&after);
    }

  return TRUE;
}
