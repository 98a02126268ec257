/* cf-evidence-editor.c
 *
 * Copyright 2026 The Conformity Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cf-evidence-editor"

#include "config.h"

#include <glib/gi18n.h>

#include "cf-discard-dialog.h"
#include "cf-document-row.h"
#include "cf-error.h"
#include "cf-evidence-editor.h"
#include "cf-requirement-assessment.h"

/* While another program holds the database, the store refuses the
 * window's writes; the form tries again this much later. */
#define RETRY_DELAY_MS 1000

struct _CfEvidenceEditor
{
  AdwWindow            parent_instance;

  /* Template widgets */
  AdwWindowTitle      *window_title;
  GtkButton           *save_button;
  GtkLabel            *error_label;
  AdwEntryRow         *title_row;
  AdwComboRow         *kind_row;
  AdwEntryRow         *valid_row;
  GtkMenuButton       *calendar_button;
  GtkCalendar         *calendar;
  AdwPreferencesGroup *requirements_group;
  AdwPreferencesGroup *threats_group;
  AdwPreferencesGroup *versions_group;
  GtkLabel            *message_label;

  CfContext           *context;
  CfEvidence          *evidence;         /* as stored when opened; never changed */
  GPtrArray           *requirement_rows; /* of AdwActionRow with a check button */
  GPtrArray           *threat_rows;
  guint                retry_source;
  gboolean             loading;          /* filling the form: not an edit */
  gboolean             dirty;
  gboolean             closing;
};

G_DEFINE_FINAL_TYPE (CfEvidenceEditor, cf_evidence_editor, ADW_TYPE_WINDOW)

static GtkCheckButton *
row_check (GtkWidget *row)
{
  return g_object_get_data (G_OBJECT (row), "check");
}

static void
changed_cb (CfEvidenceEditor *self)
{
  if (!self->loading)
    self->dirty = TRUE;
}

static GtkWidget *
add_check_row (CfEvidenceEditor    *self,
               AdwPreferencesGroup *group,
               GPtrArray           *rows,
               const char          *name,
               const char          *title,
               const char          *subtitle,
               gboolean             active)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *check = gtk_check_button_new ();

  gtk_widget_set_name (row, name);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (subtitle != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (check), active);
  gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
  g_object_set_data (G_OBJECT (row), "check", check);
  g_signal_connect_object (check, "toggled", G_CALLBACK (changed_cb), self, G_CONNECT_SWAPPED);

  adw_preferences_group_add (group, row);
  g_ptr_array_add (rows, row);

  return row;
}

static void
fill_requirements (CfEvidenceEditor *self)
{
  g_autoptr(GPtrArray) requirements = cf_requirements_list (cf_context_get_catalogue (self->context));

  for (guint i = 0; i < requirements->len; i++)
    {
      CfCatalogueItem *item = g_ptr_array_index (requirements, i);
      const char *id = cf_catalogue_item_get_id (item);
      g_autofree char *ref = cf_requirement_short_ref (item);
      GtkWidget *row;

      row = add_check_row (self, self->requirements_group, self->requirement_rows, id, ref,
                           cf_catalogue_item_get_display_label (item),
                           cf_evidence_has_requirement (self->evidence, id));
      g_object_set_data_full (G_OBJECT (row), "key", g_strdup (id), g_free);
    }
}

static void
fill_threats (CfEvidenceEditor *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) threats = NULL;

  threats = cf_store_list_threats (cf_context_get_store (self->context),
                                   cf_evidence_get_product_id (self->evidence), &error);
  if (threats == NULL || threats->len == 0)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                     threats ? _("The risk register is empty") : error->message);
      gtk_widget_add_css_class (row, "dim-label");
      adw_preferences_group_add (self->threats_group, row);
      return;
    }

  for (guint i = 0; i < threats->len; i++)
    {
      CfThreat *threat = g_ptr_array_index (threats, i);
      g_autofree char *label = cf_threat_dup_label (threat);
      g_autofree char *title = g_strdup_printf ("%s  %s", label, cf_threat_get_title (threat));
      GtkWidget *row;

      row = add_check_row (self, self->threats_group, self->threat_rows, label, title,
                           cf_threat_get_asset (threat),
                           cf_evidence_has_threat (self->evidence, cf_threat_get_number (threat)));
      g_object_set_data (G_OBJECT (row), "number", GINT_TO_POINTER (cf_threat_get_number (threat)));
    }
}

static void
fill_versions (CfEvidenceEditor *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) versions = NULL;

  versions = cf_store_list_evidence_versions (cf_context_get_store (self->context),
                                              cf_evidence_get_id (self->evidence), &error);
  if (versions == NULL)
    {
      adw_preferences_group_set_description (self->versions_group, error->message);
      return;
    }

  /* The newest first: the one that counts. */
  for (guint i = versions->len; i > 0; i--)
    {
      CfEvidenceVersion *v = g_ptr_array_index (versions, i - 1);
      GtkWidget *row = adw_action_row_new ();
      g_autofree char *size = g_format_size_full (v->size, G_FORMAT_SIZE_IEC_UNITS);
      g_autofree char *when = cf_format_timestamp (v->added_at);
      g_autofree char *title = NULL;
      g_autofree char *subtitle = NULL;

      /* Translators: a version number and the file it holds, e.g. "Version 2 · report.pdf" */
      title = g_strdup_printf (_("Version %d · %s"), v->version, v->file_name);
      /* Translators: size, date, who added it, then the SHA-256 on a line of its own */
      subtitle = g_strdup_printf (_("%s · %s · by %s\nSHA-256 %s"), size, when, v->added_by ?: "", v->sha256);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
      gtk_widget_add_css_class (row, "evidence-version");
      adw_preferences_group_add (self->versions_group, row);
    }
}

/* What the form starts from, kept apart from the caller's item. */
static CfEvidence *
snapshot (CfEvidence *evidence)
{
  CfEvidence *copy = cf_evidence_new ();
  GArray *threats = cf_evidence_get_threats (evidence);

  cf_evidence_set_id (copy, cf_evidence_get_id (evidence));
  cf_evidence_set_product_id (copy, cf_evidence_get_product_id (evidence));
  cf_evidence_set_title (copy, cf_evidence_get_title (evidence));
  cf_evidence_set_kind (copy, cf_evidence_get_kind (evidence));
  cf_evidence_set_valid_until (copy, cf_evidence_get_valid_until (evidence));
  cf_evidence_set_requirements (copy, cf_evidence_get_requirements (evidence));
  cf_evidence_set_threats (copy, (const gint *) (gpointer) threats->data, threats->len);

  return copy;
}

/* The form's title, kind and validity date, on a blank item. */
static CfEvidence *
read_form (CfEvidenceEditor *self)
{
  CfEvidence *form = cf_evidence_new ();
  const char * const *kinds = cf_evidence_kind_list ();
  guint kind = adw_combo_row_get_selected (self->kind_row);
  g_autofree char *title = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->title_row))));
  g_autofree char *valid = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->valid_row))));

  cf_evidence_set_title (form, title);
  if (kind < g_strv_length ((char **) kinds))
    cf_evidence_set_kind (form, kinds[kind]);
  else
    cf_evidence_set_kind (form, cf_evidence_get_kind (self->evidence));
  cf_evidence_set_valid_until (form, valid);

  return form;
}

/* Whether the user ticked or unticked the row since the form was opened:
 * *ticked says which. */
static gboolean
row_toggled (GtkWidget *row,
             gboolean   was_ticked,
             gboolean  *ticked)
{
  *ticked = gtk_check_button_get_active (row_check (row));
  return *ticked != was_ticked;
}

/* The requirements as stored now, with those the user ticked added and
 * those unticked removed; the others as another program left them. */
static void
merge_requirements (CfEvidenceEditor *self,
                    CfEvidence       *evidence)
{
  const char * const *stored = cf_evidence_get_requirements (evidence);
  g_autoptr(GPtrArray) added = g_ptr_array_new ();
  g_autoptr(GPtrArray) removed = g_ptr_array_new ();
  g_autoptr(GStrvBuilder) merged = g_strv_builder_new ();
  g_auto(GStrv) ids = NULL;

  for (guint i = 0; i < self->requirement_rows->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (self->requirement_rows, i);
      const char *key = g_object_get_data (G_OBJECT (row), "key");
      gboolean ticked;

      if (row_toggled (row, cf_evidence_has_requirement (self->evidence, key), &ticked))
        g_ptr_array_add (ticked ? added : removed, (gpointer) key);
    }

  for (guint i = 0; stored[i] != NULL; i++)
    if (!g_ptr_array_find_with_equal_func (removed, stored[i], g_str_equal, NULL))
      g_strv_builder_add (merged, stored[i]);
  for (guint i = 0; i < added->len; i++)
    g_strv_builder_add (merged, g_ptr_array_index (added, i));

  ids = g_strv_builder_end (merged);
  cf_evidence_set_requirements (evidence, (const char * const *) ids);
}

/* The same for the threats; links to threats the form does not list (no
 * longer in the register) are kept as they are. */
static void
merge_threats (CfEvidenceEditor *self,
               CfEvidence       *evidence)
{
  GArray *stored = cf_evidence_get_threats (evidence);
  g_autoptr(GArray) merged = g_array_new (FALSE, FALSE, sizeof (gint));

  g_array_append_vals (merged, stored->data, stored->len);
  for (guint j = 0; j < self->threat_rows->len; j++)
    {
      GtkWidget *row = g_ptr_array_index (self->threat_rows, j);
      gint number = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (row), "number"));
      gboolean ticked;

      if (!row_toggled (row, cf_evidence_has_threat (self->evidence, number), &ticked))
        continue;
      if (ticked)
        g_array_append_val (merged, number);
      else
        for (guint i = merged->len; i > 0; i--)
          if (g_array_index (merged, gint, i - 1) == number)
            g_array_remove_index (merged, i - 1);
    }

  cf_evidence_set_threats (evidence, (const gint *) (gpointer) merged->data, merged->len);
}

typedef struct
{
  CfEvidenceEditor *self;
  CfEvidence       *form;
} EvidenceEdit;

/* Sets on the item as stored now only what the user changed in the form,
 * so what another program changed meanwhile stays. */
static gboolean
edit_evidence_cb (CfEvidence  *evidence,
                  gpointer     user_data,
                  GError     **error)
{
  EvidenceEdit *edit = user_data;
  CfEvidence *original = edit->self->evidence;
  CfEvidence *form = edit->form;

  if (g_strcmp0 (cf_evidence_get_title (form), cf_evidence_get_title (original)) != 0)
    cf_evidence_set_title (evidence, cf_evidence_get_title (form));
  if (g_strcmp0 (cf_evidence_get_kind (form), cf_evidence_get_kind (original)) != 0)
    cf_evidence_set_kind (evidence, cf_evidence_get_kind (form));
  if (g_strcmp0 (cf_evidence_get_valid_until (form), cf_evidence_get_valid_until (original)) != 0)
    cf_evidence_set_valid_until (evidence, cf_evidence_get_valid_until (form));
  merge_requirements (edit->self, evidence);
  merge_threats (edit->self, evidence);

  return TRUE;
}

static void
show_error (CfEvidenceEditor *self,
            const char       *message,
            GtkWidget        *row)
{
  gtk_widget_remove_css_class (GTK_WIDGET (self->title_row), "error");
  gtk_widget_remove_css_class (GTK_WIDGET (self->valid_row), "error");

  gtk_label_set_text (self->error_label, message);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);

  /* Straight to what needs correcting. */
  if (row != NULL)
    {
      gtk_widget_add_css_class (row, "error");
      gtk_widget_grab_focus (row);
    }
}

/* The field a refused item lacks, by the rules of cf_evidence_validate(). */
static GtkWidget *
find_invalid (CfEvidenceEditor *self,
              CfEvidence       *form)
{
  const char *title = cf_evidence_get_title (form);
  const char *valid = cf_evidence_get_valid_until (form);

  if (title == NULL || *title == '\0' || g_utf8_strlen (title, -1) > 200)
    return GTK_WIDGET (self->title_row);
  if (valid != NULL && !cf_evidence_date_is_valid (valid))
    return GTK_WIDGET (self->valid_row);

  return NULL;
}

static void
show_waiting (CfEvidenceEditor *self,
              gboolean          waiting)
{
  gtk_label_set_text (self->message_label,
                      waiting ? _("The project database is busy in another program; this is saved as "
                                  "soon as it is free.")
                              : "");
  gtk_widget_set_visible (GTK_WIDGET (self->message_label), waiting);
  gtk_widget_set_sensitive (GTK_WIDGET (self->save_button), !waiting);
}

static gboolean
retry_cb (gpointer user_data)
{
  CfEvidenceEditor *self = user_data;

  self->retry_source = 0;
  cf_evidence_editor_save (self);
  return G_SOURCE_REMOVE;
}

/* Callbacks */

static void
entry_activated_cb (CfEvidenceEditor *self)
{
  cf_evidence_editor_save (self);
}

static void
calendar_shown_cb (CfEvidenceEditor *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->valid_row));
  g_autoptr(GDateTime) date = NULL;

  /* The calendar opens on the date typed, or today. */
  if (cf_evidence_date_is_valid (text))
    {
      g_autofree char *iso = g_strdup_printf ("%sT00:00:00", text);
      g_autoptr(GTimeZone) local = g_time_zone_new_local ();

      date = g_date_time_new_from_iso8601 (iso, local);
    }
  if (date == NULL)
    date = g_date_time_new_now_local ();

  self->loading = TRUE;
  gtk_calendar_select_day (self->calendar, date);
  self->loading = FALSE;
}

static void
day_selected_cb (CfEvidenceEditor *self)
{
  g_autoptr(GDateTime) date = NULL;
  g_autofree char *text = NULL;

  if (self->loading)
    return;

  date = gtk_calendar_get_date (self->calendar);
  text = g_date_time_format (date, "%Y-%m-%d");
  gtk_editable_set_text (GTK_EDITABLE (self->valid_row), text);
  gtk_menu_button_popdown (self->calendar_button);
}

static void
save_action_cb (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  cf_evidence_editor_save (CF_EVIDENCE_EDITOR (widget));
}

static void
cancel_clicked_cb (CfEvidenceEditor *self)
{
  gtk_window_close (GTK_WINDOW (self));
}

static void
save_clicked_cb (CfEvidenceEditor *self)
{
  cf_evidence_editor_save (self);
}

static void
discard_cb (GtkWindow *window)
{
  CF_EVIDENCE_EDITOR (window)->closing = TRUE;
  gtk_window_close (window);
}

/* Closing with unsaved changes asks first: typed work is never lost silently. */
static gboolean
cf_evidence_editor_close_request (GtkWindow *window)
{
  CfEvidenceEditor *self = CF_EVIDENCE_EDITOR (window);

  if (self->closing || !self->dirty)
    return GTK_WINDOW_CLASS (cf_evidence_editor_parent_class)->close_request (window);

  cf_discard_dialog_present (window, G_CALLBACK (discard_cb));
  return TRUE;
}

static void
cf_evidence_editor_dispose (GObject *object)
{
  CfEvidenceEditor *self = CF_EVIDENCE_EDITOR (object);

  g_clear_handle_id (&self->retry_source, g_source_remove);
  g_clear_object (&self->context);
  g_clear_object (&self->evidence);

  G_OBJECT_CLASS (cf_evidence_editor_parent_class)->dispose (object);
}

static void
cf_evidence_editor_finalize (GObject *object)
{
  CfEvidenceEditor *self = CF_EVIDENCE_EDITOR (object);

  g_clear_pointer (&self->requirement_rows, g_ptr_array_unref);
  g_clear_pointer (&self->threat_rows, g_ptr_array_unref);

  G_OBJECT_CLASS (cf_evidence_editor_parent_class)->finalize (object);
}

static void
cf_evidence_editor_class_init (CfEvidenceEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = cf_evidence_editor_dispose;
  object_class->finalize = cf_evidence_editor_finalize;
  window_class->close_request = cf_evidence_editor_close_request;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/cf-evidence-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, CfEvidenceEditor, window_title);
  gtk_widget_class_bind_template_child (widget_class, CfEvidenceEditor, save_button);
  gtk_widget_class_bind_template_child (widget_class, CfEvidenceEditor, error_label);
  gtk_widget_class_bind_template_child (widget_class, CfEvidenceEditor, title_row);
  gtk_widget_class_bind_template_child (widget_class, CfEvidenceEditor, kind_row);
  gtk_widget_class_bind_template_child (widget_class, CfEvidenceEditor, valid_row);
  gtk_widget_class_bind_template_child (widget_class, CfEvidenceEditor, calendar_button);
  gtk_widget_class_bind_template_child (widget_class, CfEvidenceEditor, calendar);
  gtk_widget_class_bind_template_child (widget_class, CfEvidenceEditor, requirements_group);
  gtk_widget_class_bind_template_child (widget_class, CfEvidenceEditor, threats_group);
  gtk_widget_class_bind_template_child (widget_class, CfEvidenceEditor, versions_group);
  gtk_widget_class_bind_template_child (widget_class, CfEvidenceEditor, message_label);
  gtk_widget_class_bind_template_callback (widget_class, changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, entry_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, calendar_shown_cb);
  gtk_widget_class_bind_template_callback (widget_class, day_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, cancel_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, save_clicked_cb);

  gtk_widget_class_install_action (widget_class, "editor.save", NULL, save_action_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "editor.save", NULL);
}

static void
cf_evidence_editor_init (CfEvidenceEditor *self)
{
  /* Signals from the template's rows are not edits. */
  self->loading = TRUE;
  gtk_widget_init_template (GTK_WIDGET (self));
  self->loading = FALSE;

  self->requirement_rows = g_ptr_array_new ();
  self->threat_rows = g_ptr_array_new ();
}

/**
 * cf_evidence_editor_new:
 * @parent: the window the editor belongs to
 * @evidence: the item as stored; never changed: on saving, what the user
 *   changed is stored on the item as stored then
 *
 * Returns: (transfer none): the editor, not yet presented; it destroys
 *   itself when closed
 */
CfEvidenceEditor *
cf_evidence_editor_new (GtkWindow  *parent,
                        CfContext  *context,
                        CfEvidence *evidence)
{
  CfEvidenceEditor *self;
  g_autoptr(GtkStringList) kinds = gtk_string_list_new (NULL);
  const char * const *ids = cf_evidence_kind_list ();

  g_return_val_if_fail (CF_IS_CONTEXT (context), NULL);
  g_return_val_if_fail (CF_IS_EVIDENCE (evidence), NULL);

  self = g_object_new (CF_TYPE_EVIDENCE_EDITOR,
                       "transient-for", parent,
                       NULL);
  self->context = g_object_ref (context);
  self->evidence = snapshot (evidence);

  self->loading = TRUE;

  for (guint i = 0; ids[i] != NULL; i++)
    gtk_string_list_append (kinds, cf_evidence_kind_get_label (ids[i]));
  adw_combo_row_set_model (self->kind_row, G_LIST_MODEL (kinds));
  for (guint i = 0; ids[i] != NULL; i++)
    if (g_strcmp0 (ids[i], cf_evidence_get_kind (evidence)) == 0)
      adw_combo_row_set_selected (self->kind_row, i);

  adw_window_title_set_subtitle (self->window_title, cf_evidence_get_title (evidence));
  gtk_editable_set_text (GTK_EDITABLE (self->title_row), cf_evidence_get_title (evidence) ?: "");
  gtk_editable_set_text (GTK_EDITABLE (self->valid_row), cf_evidence_get_valid_until (evidence) ?: "");
  fill_requirements (self);
  fill_threats (self);
  fill_versions (self);

  self->loading = FALSE;

  gtk_window_set_focus (GTK_WINDOW (self), GTK_WIDGET (self->title_row));

  return self;
}

GtkWidget *
cf_evidence_editor_get_save_button (CfEvidenceEditor *self)
{
  g_return_val_if_fail (CF_IS_EVIDENCE_EDITOR (self), NULL);
  return GTK_WIDGET (self->save_button);
}

/**
 * cf_evidence_editor_get_error:
 *
 * Returns: (nullable): why the last save was refused, as the form shows it
 */
const char *
cf_evidence_editor_get_error (CfEvidenceEditor *self)
{
  g_return_val_if_fail (CF_IS_EVIDENCE_EDITOR (self), NULL);

  if (!gtk_widget_get_visible (GTK_WIDGET (self->error_label)))
    return NULL;
  return gtk_label_get_text (self->error_label);
}

/**
 * cf_evidence_editor_save:
 *
 * Stores the item as the form has it, then closes the editor. A refused
 * item keeps the editor open with the reason; while the database is busy,
 * the form waits and saves once it is free.
 *
 * Returns: whether the item was stored now
 */
gboolean
cf_evidence_editor_save (CfEvidenceEditor *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CfEvidence) form = NULL;

  g_return_val_if_fail (CF_IS_EVIDENCE_EDITOR (self), FALSE);

  g_clear_handle_id (&self->retry_source, g_source_remove);
  form = read_form (self);

  if (!cf_store_edit_evidence (cf_context_get_store (self->context),
                               cf_evidence_get_id (self->evidence),
                               edit_evidence_cb, &(EvidenceEdit) { self, form }, &error))
    {
      if (g_error_matches (error, CF_ERROR, CF_ERROR_BUSY))
        {
          show_error (self, NULL, NULL);
          show_waiting (self, TRUE);
          self->retry_source = g_timeout_add (RETRY_DELAY_MS, retry_cb, self);
          return FALSE;
        }

      show_waiting (self, FALSE);
      show_error (self, error->message, find_invalid (self, form));
      return FALSE;
    }

  show_waiting (self, FALSE);
  show_error (self, NULL, NULL);
  self->closing = TRUE;
  gtk_window_close (GTK_WINDOW (self));

  return TRUE;
}

/**
 * cf_evidence_editor_get_dirty:
 *
 * Returns: whether the form holds changes that were not saved
 */
gboolean
cf_evidence_editor_get_dirty (CfEvidenceEditor *self)
{
  g_return_val_if_fail (CF_IS_EVIDENCE_EDITOR (self), FALSE);
  return self->dirty && !self->closing;
}
