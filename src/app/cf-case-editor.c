/* cf-case-editor.c
 *
 * Copyright 2026 The Conformity Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The text fields are built from the case's field specs, as the record
 * editor builds its form, but only those that apply to the case's kind.
 * The Article 14 steps are computed from the form as it is, so typing the
 * time of awareness shows at once when the reports are due.
 */
#define G_LOG_DOMAIN "cf-case-editor"

#include "config.h"

#include <glib/gi18n.h>

#include "cf-case-editor.h"
#include "cf-case-export.h"
#include "cf-csaf.h"
#include "cf-discard-dialog.h"
#include "cf-report-preview.h"
#include "cf-sbom-component-object.h"
#include "cf-step-sent-dialog.h"
#include "cf-text-row.h"

/* How often the time left is brought up to date while the form shows. */
#define TICK_SECONDS 30

typedef struct
{
  AdwExpanderRow *row;
  GtkLabel       *left_label;
  AdwActionRow   *due_row;
  AdwActionRow   *sent_row;
  GtkWidget      *mark_button;
} StepWidgets;

struct _CfCaseEditor
{
  AdwWindow            parent_instance;

  /* Template widgets */
  AdwToastOverlay     *toast_overlay;
  AdwWindowTitle      *window_title;
  GtkButton           *save_button;
  GtkRevealer         *failure_revealer;
  GtkLabel            *failure_label;
  GtkRevealer         *progress_revealer;
  GtkSpinner          *spinner;
  GtkLabel            *progress_label;
  AdwPreferencesPage  *page;
  GtkLabel            *message_label;

  /* Built in code */
  GtkSwitch           *flag_switch;      /* exploited, or severe for an incident */
  AdwComboRow         *suspicion_row;    /* incidents only */
  AdwComboRow         *status_row;
  AdwPreferencesGroup *steps_group;
  GtkWidget           *no_reports_row;
  GtkWidget           *users_row;
  StepWidgets          steps[CF_N_REPORT_STEPS];
  AdwActionRow        *sbom_row;
  GListStore          *components;       /* of CfSbomComponentObject */
  GtkCustomFilter     *component_filter;
  GtkPopover          *sbom_popover;
  char                *component_search; /* case-folded, or NULL */

  CfContext           *context;
  CfCase              *working;          /* what the form shows; stored on saving */
  gint64               product_id;
  gint64               case_id;          /* 0 until stored */
  GPtrArray           *sent;             /* of CfStepSent, as stored */
  GHashTable          *rows;             /* field name → row */
  GHashTable          *edited;           /* what the user changed since it was loaded */
  char                *message;
  GCancellable        *cancellable;      /* the SBOM's reading */
  GCancellable        *exporting;        /* non-NULL while a file is written */
  guint                tick_source;
  gboolean             loading;          /* filling the form: not an edit */
  gboolean             dirty;
  gboolean             closing;
};

G_DEFINE_FINAL_TYPE (CfCaseEditor, cf_case_editor, ADW_TYPE_WINDOW)

static const CfCaseStatus statuses[] = { CF_CASE_OPEN, CF_CASE_MITIGATED, CF_CASE_CLOSED };
static const CfSuspicion suspicions[] = { CF_SUSPICION_UNKNOWN, CF_SUSPICION_YES, CF_SUSPICION_NO };

static GtkWindow *
as_window (CfCaseEditor *self)
{
  return GTK_WINDOW (self);
}

static CfStore *
get_store (CfCaseEditor *self)
{
  return cf_context_get_store (self->context);
}

static CfCaseKind
get_kind (CfCaseEditor *self)
{
  return cf_case_get_kind (self->working);
}

static void
toast (CfCaseEditor *self,
       const char   *title)
{
  AdwToast *t = adw_toast_new (title);

  adw_toast_set_timeout (t, 5);
  adw_toast_overlay_add_toast (self->toast_overlay, t);
}

/* Workers and file choosers hold the editor weakly: a strong reference
 * could keep it past its parent window, which GtkWindow's finalize still
 * expects to find. */
static GWeakRef *
weak_ref_new (CfCaseEditor *self)
{
  GWeakRef *ref = g_new0 (GWeakRef, 1);

  g_weak_ref_init (ref, self);
  return ref;
}

static CfCaseEditor *
weak_ref_steal (GWeakRef *ref)
{
  CfCaseEditor *self = g_weak_ref_get (ref);

  g_weak_ref_clear (ref);
  g_free (ref);
  return self;
}

static void
show_failure (CfCaseEditor *self,
              const char   *message)
{
  if (message != NULL)
    gtk_label_set_text (self->failure_label, message);
  gtk_revealer_set_reveal_child (self->failure_revealer, message != NULL);
}

static void
update_title (CfCaseEditor *self)
{
  const char *kind = cf_case_kind_label (get_kind (self));

  if (self->case_id == 0)
    {
      const char *title = get_kind (self) == CF_CASE_INCIDENT ? _("New Incident")
                                                               : _("New Vulnerability");

      gtk_window_set_title (as_window (self), title);
      adw_window_title_set_title (self->window_title, title);
      adw_window_title_set_subtitle (self->window_title, NULL);
    }
  else
    {
      g_autofree char *label = cf_case_dup_label (self->working);
      /* Translators: "Case 12 · Vulnerability" */
      g_autofree char *subtitle = g_strdup_printf (_("%s · %s"), label, kind);
      const char *title = cf_case_get_title (self->working);

      gtk_window_set_title (as_window (self), title ? title : label);
      adw_window_title_set_title (self->window_title, title ? title : label);
      adw_window_title_set_subtitle (self->window_title, subtitle);
    }
}

/* ─── Text fields ─── */

static char *
read_row (GtkWidget *row)
{
  if (CF_IS_TEXT_ROW (row))
    return cf_text_row_dup_text (CF_TEXT_ROW (row));

  return g_strdup (gtk_editable_get_text (GTK_EDITABLE (row)));
}

static void
write_row (GtkWidget  *row,
           const char *value)
{
  g_autofree char *current = read_row (row);

  /* Rewriting an unchanged text would move the cursor. */
  if (g_strcmp0 (current, value ? value : "") == 0)
    return;
  if (CF_IS_TEXT_ROW (row))
    cf_text_row_set_text (CF_TEXT_ROW (row), value);
  else
    gtk_editable_set_text (GTK_EDITABLE (row), value ? value : "");
}

/* As the record editor does: every field checked, the rows in error
 * marked, one message saying what is wrong or still required. */
static void
validate (CfCaseEditor *self)
{
  guint n_specs;
  const CfFieldSpec *specs = cf_record_get_specs (CF_RECORD (self->working), &n_specs);
  g_autoptr(GString) errors = g_string_new (NULL);
  g_autoptr(GString) required = g_string_new (NULL);
  gboolean valid = TRUE;

  for (guint i = 0; i < n_specs; i++)
    {
      GtkWidget *row = g_hash_table_lookup (self->rows, specs[i].name);
      g_autofree char *message = NULL;

      if (row == NULL)
        continue;

      message = cf_field_spec_check (&specs[i], cf_record_get_field (CF_RECORD (self->working),
                                                                     specs[i].name));
      if (message != NULL)
        valid = FALSE;
      if (message != NULL && !g_hash_table_contains (self->edited, specs[i].name) &&
          !cf_record_is_filled (CF_RECORD (self->working), specs[i].name))
        {
          /* Not touched yet and merely empty: a hint, not an error. */
          g_string_append_printf (required, "%s%s", required->len ? ", " : "", _(specs[i].label));
          g_clear_pointer (&message, g_free);
        }

      if (message != NULL)
        {
          g_string_append_printf (errors, "%s%s", errors->len ? "\n" : "", message);
          gtk_widget_add_css_class (row, "error");
        }
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

static void refresh_steps (CfCaseEditor *self);

static void
edited (CfCaseEditor *self,
        const char   *name)
{
  if (self->loading)
    return;

  self->dirty = TRUE;
  g_hash_table_add (self->edited, (gpointer) name);
  show_failure (self, NULL);
}

static void
row_changed_cb (GtkWidget    *row,
                CfCaseEditor *self)
{
  const char *name = g_object_get_data (G_OBJECT (row), "cf-field");
  g_autofree char *text = NULL;

  if (self->loading)
    return;

  text = read_row (row);
  cf_record_set_field (CF_RECORD (self->working), name, *text ? text : NULL);
  edited (self, name);
  validate (self);
  update_title (self);
  refresh_steps (self);
}

static void
entry_activated_cb (GtkWidget    *row,
                    CfCaseEditor *self)
{
  if (gtk_widget_get_sensitive (GTK_WIDGET (self->save_button)))
    cf_case_editor_save (self);
}

static void
fill_fields (CfCaseEditor *self)
{
  GHashTableIter iter;
  gpointer name, row;

  g_hash_table_iter_init (&iter, self->rows);
  while (g_hash_table_iter_next (&iter, &name, &row))
    write_row (row, cf_record_get_field (CF_RECORD (self->working), name));
}

static AdwPreferencesGroup *
add_group (CfCaseEditor *self,
           const char   *title,
           const char   *description)
{
  AdwPreferencesGroup *group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());

  adw_preferences_group_set_title (group, title);
  adw_preferences_group_set_description (group, description);
  adw_preferences_page_add (self->page, group);
  return group;
}

static void build_sbom_row (CfCaseEditor *self, AdwPreferencesGroup *group);

/* The fields of @group_name that apply to the case's kind, as rows; the
 * first group (NULL) is the case's own. */
static void
build_field_group (CfCaseEditor *self,
                   const char   *group_name)
{
  guint n_specs;
  const CfFieldSpec *specs = cf_record_get_specs (CF_RECORD (self->working), &n_specs);
  AdwPreferencesGroup *group = NULL;

  for (guint i = 0; i < n_specs; i++)
    {
      GtkWidget *row;

      if (g_strcmp0 (specs[i].group, group_name) != 0 ||
          !cf_case_field_applies (get_kind (self), specs[i].name))
        continue;

      if (group == NULL)
        group = add_group (self, _(specs[i].group), NULL);

      if (specs[i].multiline)
        {
          row = cf_text_row_new (_(specs[i].label));
          g_signal_connect (row, "changed", G_CALLBACK (row_changed_cb), self);
        }
      else
        {
          row = adw_entry_row_new ();
          adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _(specs[i].label));
          if (specs[i].format == CF_FIELD_FORMAT_DATE_TIME)
            gtk_widget_set_tooltip_text (row, _("ISO 8601, for example 2026-11-21T09:30Z; without an "
                                                "offset the local time is meant"));
          g_signal_connect (row, "changed", G_CALLBACK (row_changed_cb), self);
          g_signal_connect (row, "entry-activated", G_CALLBACK (entry_activated_cb), self);
        }

      g_object_set_data (G_OBJECT (row), "cf-field", (gpointer) specs[i].name);
      gtk_widget_set_name (row, specs[i].name);
      g_hash_table_insert (self->rows, (gpointer) specs[i].name, row);
      adw_preferences_group_add (group, row);

      if (g_str_equal (specs[i].name, "affected-components"))
        build_sbom_row (self, group);
    }
}

/* ─── Affected components, picked from the SBOM ─── */

static char *
component_line (const CfSbomComponent *component)
{
  /* A package URL names the component without ambiguity; otherwise the
   * name and version, as a person would write them. */
  if (component->purl != NULL)
    return g_strdup (component->purl);
  if (component->version != NULL)
    return g_strdup_printf ("%s %s", component->name, component->version);
  return g_strdup (component->name);
}

static void
add_component (CfCaseEditor          *self,
               const CfSbomComponent *component)
{
  GtkWidget *row = g_hash_table_lookup (self->rows, "affected-components");
  g_autofree char *line = component_line (component);
  g_autofree char *text = read_row (row);
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);
  g_autofree char *message = NULL;

  for (guint i = 0; lines[i] != NULL; i++)
    if (g_str_equal (g_strstrip (lines[i]), line))
      return;

  g_strchomp (text);
  if (*text != '\0')
    {
      g_autofree char *joined = g_strconcat (text, "\n", line, NULL);

      cf_text_row_set_text (CF_TEXT_ROW (row), joined);
    }
  else
    cf_text_row_set_text (CF_TEXT_ROW (row), line);

  /* Translators: a component added to the affected ones, e.g. "Added openssl 3.0.13" */
  message = g_strdup_printf (_("Added %s"), line);
  toast (self, message);
}

static void
component_activated_cb (CfCaseEditor *self,
                        guint         position,
                        GtkListView  *view)
{
  GListModel *model = G_LIST_MODEL (gtk_list_view_get_model (view));
  g_autoptr(CfSbomComponentObject) object = g_list_model_get_item (model, position);

  if (object == NULL)
    return;
  add_component (self, cf_sbom_component_object_get_component (object));
  gtk_popover_popdown (self->sbom_popover);
}

static gboolean
component_matches (gpointer item,
                   gpointer user_data)
{
  CfCaseEditor *self = user_data;

  return cf_sbom_component_object_matches (item, self->component_search);
}

static void
component_search_cb (CfCaseEditor   *self,
                     GtkSearchEntry *entry)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (entry));

  g_free (self->component_search);
  self->component_search = *text ? g_utf8_casefold (text, -1) : NULL;
  gtk_filter_changed (GTK_FILTER (self->component_filter), GTK_FILTER_CHANGE_DIFFERENT);
}

static void
setup_component_cb (GtkSignalListItemFactory *factory,
                    GtkListItem              *item,
                    gpointer                  user_data)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *name = gtk_label_new (NULL);
  GtkWidget *detail = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (name), 0);
  gtk_label_set_ellipsize (GTK_LABEL (name), PANGO_ELLIPSIZE_END);
  gtk_label_set_xalign (GTK_LABEL (detail), 0);
  gtk_label_set_ellipsize (GTK_LABEL (detail), PANGO_ELLIPSIZE_MIDDLE);
  gtk_widget_add_css_class (detail, "caption");
  gtk_widget_add_css_class (detail, "dim-label");
  gtk_widget_set_margin_top (box, 4);
  gtk_widget_set_margin_bottom (box, 4);
  gtk_box_append (GTK_BOX (box), name);
  gtk_box_append (GTK_BOX (box), detail);
  gtk_list_item_set_child (item, box);
}

static void
bind_component_cb (GtkSignalListItemFactory *factory,
                   GtkListItem              *item,
                   gpointer                  user_data)
{
  GtkWidget *box = gtk_list_item_get_child (item);
  GtkWidget *name = gtk_widget_get_first_child (box);
  const CfSbomComponent *component =
    cf_sbom_component_object_get_component (gtk_list_item_get_item (item));
  g_autofree char *title = component->version != NULL
                           ? g_strdup_printf ("%s %s", component->name, component->version)
                           : g_strdup (component->name);

  gtk_label_set_text (GTK_LABEL (name), title);
  gtk_label_set_text (GTK_LABEL (gtk_widget_get_next_sibling (name)),
                      component->purl ? component->purl : component->supplier);
}

static GtkWidget *
build_component_popover (CfCaseEditor *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *search = gtk_search_entry_new ();
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  GtkFilterListModel *filtered;
  GtkWidget *list;

  self->component_filter = gtk_custom_filter_new (component_matches, self, NULL);
  filtered = gtk_filter_list_model_new (g_object_ref (G_LIST_MODEL (self->components)),
                                        g_object_ref (GTK_FILTER (self->component_filter)));
  g_signal_connect (factory, "setup", G_CALLBACK (setup_component_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_component_cb), NULL);
  list = gtk_list_view_new (GTK_SELECTION_MODEL (gtk_no_selection_new (G_LIST_MODEL (filtered))),
                            factory);
  gtk_list_view_set_single_click_activate (GTK_LIST_VIEW (list), TRUE);
  gtk_widget_set_name (list, "sbom-components");
  gtk_widget_add_css_class (list, "navigation-sidebar");
  gtk_accessible_update_property (GTK_ACCESSIBLE (list), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Components of the SBOM"), -1);
  g_signal_connect_object (list, "activate", G_CALLBACK (component_activated_cb), self,
                           G_CONNECT_SWAPPED);

  gtk_widget_set_name (search, "sbom-search");
  g_object_set (search, "placeholder-text", _("Search components"), NULL);
  gtk_search_entry_set_key_capture_widget (GTK_SEARCH_ENTRY (search), list);
  g_signal_connect_object (search, "search-changed", G_CALLBACK (component_search_cb), self,
                           G_CONNECT_SWAPPED);

  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), list);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  gtk_widget_set_size_request (scrolled, 360, 300);
  gtk_box_append (GTK_BOX (box), search);
  gtk_box_append (GTK_BOX (box), scrolled);

  self->sbom_popover = GTK_POPOVER (gtk_popover_new ());
  gtk_popover_set_child (self->sbom_popover, box);
  gtk_popover_set_default_widget (self->sbom_popover, search);
  return GTK_WIDGET (self->sbom_popover);
}

typedef struct
{
  CfStore *store;
  gint64   sbom_id;
} LoadData;

static void
load_data_free (LoadData *d)
{
  g_clear_object (&d->store);
  g_free (d);
}

static void
load_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  LoadData *d = task_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) objects = NULL;
  CfSbom *sbom = cf_store_load_sbom (d->store, d->sbom_id, &error);
  gpointer *components;
  gsize n_components;

  if (sbom == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  /* The objects own the components from now on. */
  components = g_ptr_array_steal (sbom->components, &n_components);
  objects = g_ptr_array_new_full (n_components, g_object_unref);
  for (gsize i = 0; i < n_components; i++)
    g_ptr_array_add (objects, cf_sbom_component_object_new (components[i], i));
  g_free (components);
  cf_sbom_free (sbom);

  g_task_return_pointer (task, g_steal_pointer (&objects), (GDestroyNotify) g_ptr_array_unref);
}

static void
loaded_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(CfCaseEditor) self = weak_ref_steal (user_data);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) objects = g_task_propagate_pointer (G_TASK (result), &error);

  if (self == NULL)
    return;
  if (objects == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        adw_action_row_set_subtitle (self->sbom_row, error->message);
      return;
    }

  g_list_store_splice (self->components, 0, 0, objects->pdata, objects->len);
  gtk_widget_set_sensitive (GTK_WIDGET (self->sbom_row), objects->len > 0);
}

/* The product's latest SBOM, read in a worker: it may be large. */
static void
load_components (CfCaseEditor *self)
{
  g_autoptr(GPtrArray) sboms = cf_store_list_sboms (get_store (self), self->product_id, NULL);
  g_autoptr(GTask) task = NULL;
  CfSbomInfo *info;
  LoadData *d;
  g_autofree char *subtitle = NULL;

  if (sboms == NULL || sboms->len == 0)
    return;

  info = g_ptr_array_index (sboms, 0);
  if (info->product_version != NULL)
    /* Translators: the version an SBOM describes and how many components it lists */
    subtitle = g_strdup_printf (ngettext ("The SBOM of version %s, %u component",
                                          "The SBOM of version %s, %u components",
                                          info->component_count),
                                info->product_version, info->component_count);
  else
    subtitle = g_strdup_printf (ngettext ("The latest SBOM, %u component",
                                          "The latest SBOM, %u components",
                                          info->component_count),
                                info->component_count);
  adw_action_row_set_subtitle (self->sbom_row, subtitle);
  gtk_widget_set_visible (GTK_WIDGET (self->sbom_row), TRUE);
  gtk_widget_set_sensitive (GTK_WIDGET (self->sbom_row), FALSE);

  d = g_new0 (LoadData, 1);
  d->store = g_object_ref (get_store (self));
  d->sbom_id = info->id;
  task = g_task_new (NULL, self->cancellable, loaded_cb, weak_ref_new (self));
  g_task_set_task_data (task, d, (GDestroyNotify) load_data_free);
  g_task_run_in_thread (task, load_thread);
}

static void
build_sbom_row (CfCaseEditor        *self,
                AdwPreferencesGroup *group)
{
  GtkWidget *button = gtk_menu_button_new ();

  self->sbom_row = ADW_ACTION_ROW (adw_action_row_new ());
  gtk_widget_set_name (GTK_WIDGET (self->sbom_row), "sbom-picker");
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->sbom_row),
                                 _("Add an affected component from the SBOM"));
  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (button), "list-add-symbolic");
  gtk_menu_button_set_popover (GTK_MENU_BUTTON (button), build_component_popover (self));
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (button, _("Choose a Component of the SBOM"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Choose a component of the SBOM"), -1);
  gtk_widget_add_css_class (button, "flat");
  adw_action_row_add_suffix (self->sbom_row, button);
  adw_action_row_set_activatable_widget (self->sbom_row, button);
  /* Shown once the product turns out to have an SBOM. */
  gtk_widget_set_visible (GTK_WIDGET (self->sbom_row), FALSE);
  adw_preferences_group_add (group, GTK_WIDGET (self->sbom_row));
}

/* ─── Article 14: the flags, the status and the steps ─── */

static void
flag_changed_cb (CfCaseEditor *self)
{
  gboolean active = gtk_switch_get_active (self->flag_switch);

  if (self->loading)
    return;
  if (get_kind (self) == CF_CASE_INCIDENT)
    cf_case_set_severe (self->working, active);
  else
    cf_case_set_exploited (self->working, active);
  edited (self, "flag");
  refresh_steps (self);
}

static void
suspicion_changed_cb (CfCaseEditor *self)
{
  guint selected = adw_combo_row_get_selected (self->suspicion_row);

  if (self->loading || selected >= G_N_ELEMENTS (suspicions))
    return;
  cf_case_set_suspicion (self->working, suspicions[selected]);
  edited (self, "suspicion");
}

static void
status_changed_cb (CfCaseEditor *self)
{
  guint selected = adw_combo_row_get_selected (self->status_row);

  if (self->loading || selected >= G_N_ELEMENTS (statuses))
    return;
  cf_case_set_status (self->working, statuses[selected]);
  edited (self, "status");
}

static void
fill_flags (CfCaseEditor *self)
{
  gboolean incident = get_kind (self) == CF_CASE_INCIDENT;

  gtk_switch_set_active (self->flag_switch, incident ? cf_case_get_severe (self->working)
                                                     : cf_case_get_exploited (self->working));
  for (guint i = 0; i < G_N_ELEMENTS (statuses); i++)
    if (statuses[i] == cf_case_get_status (self->working))
      adw_combo_row_set_selected (self->status_row, i);
  for (guint i = 0; incident && i < G_N_ELEMENTS (suspicions); i++)
    if (suspicions[i] == cf_case_get_suspicion (self->working))
      adw_combo_row_set_selected (self->suspicion_row, i);
}

static AdwComboRow *
add_combo_row (AdwPreferencesGroup *group,
               const char          *name,
               const char          *title,
               GtkStringList       *labels)
{
  AdwComboRow *row = ADW_COMBO_ROW (adw_combo_row_new ());

  gtk_widget_set_name (GTK_WIDGET (row), name);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_combo_row_set_model (row, G_LIST_MODEL (labels));
  adw_preferences_group_add (group, GTK_WIDGET (row));
  g_object_unref (labels);
  return row;
}

static void
build_flags (CfCaseEditor *self)
{
  gboolean incident = get_kind (self) == CF_CASE_INCIDENT;
  AdwPreferencesGroup *group;
  GtkWidget *row = adw_action_row_new ();
  GtkStringList *labels;

  group = add_group (self, _("Article 14"),
                     incident ? _("A severe incident is one that harms, or can harm, the product’s "
                                  "ability to protect data or functions, or that lets malicious "
                                  "code in (Article 14(5), paraphrased)")
                              : _("“A vulnerability for which there is reliable evidence that a "
                                  "malicious actor has exploited it in a system without permission "
                                  "of the system owner” (Article 3(42))"));

  self->flag_switch = GTK_SWITCH (gtk_switch_new ());
  gtk_widget_set_name (GTK_WIDGET (self->flag_switch), incident ? "severe" : "exploited");
  gtk_widget_set_valign (GTK_WIDGET (self->flag_switch), GTK_ALIGN_CENTER);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), incident ? _("Severe incident")
                                                                     : _("Actively exploited"));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row),
                               incident ? _("Reports to the CSIRT and ENISA are then due")
                                        : _("Reports to the CSIRT and ENISA are then due"));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), GTK_WIDGET (self->flag_switch));
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), GTK_WIDGET (self->flag_switch));
  g_signal_connect_object (self->flag_switch, "notify::active", G_CALLBACK (flag_changed_cb), self,
                           G_CONNECT_SWAPPED);
  adw_preferences_group_add (group, row);

  if (incident)
    {
      labels = gtk_string_list_new (NULL);
      for (guint i = 0; i < G_N_ELEMENTS (suspicions); i++)
        gtk_string_list_append (labels, cf_suspicion_label (suspicions[i]));
      self->suspicion_row = add_combo_row (group, "suspicion", _("Unlawful or malicious acts"), labels);
      adw_combo_row_set_use_subtitle (self->suspicion_row, TRUE);
      g_signal_connect_object (self->suspicion_row, "notify::selected",
                               G_CALLBACK (suspicion_changed_cb), self, G_CONNECT_SWAPPED);
    }

  labels = gtk_string_list_new (NULL);
  for (guint i = 0; i < G_N_ELEMENTS (statuses); i++)
    gtk_string_list_append (labels, cf_case_status_label (statuses[i]));
  self->status_row = add_combo_row (group, "status", _("Status"), labels);
  g_signal_connect_object (self->status_row, "notify::selected", G_CALLBACK (status_changed_cb), self,
                           G_CONNECT_SWAPPED);
}

static GtkWidget *
step_button (const char   *label,
             const char   *tooltip,
             const char   *action,
             CfReportStep  step)
{
  GtkWidget *button = gtk_button_new_with_mnemonic (label);

  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action);
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "i", (gint32) step);
  return button;
}

static void
build_step (CfCaseEditor *self,
            CfReportStep  step)
{
  StepWidgets *w = &self->steps[step];
  GtkWidget *actions = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);

  w->row = ADW_EXPANDER_ROW (adw_expander_row_new ());
  gtk_widget_set_name (GTK_WIDGET (w->row), cf_report_step_to_string (step));
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (w->row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (w->row),
                                 cf_report_step_label (step, get_kind (self)));

  w->left_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_widget_set_name (GTK_WIDGET (w->left_label), "time-left");
  gtk_widget_set_valign (GTK_WIDGET (w->left_label), GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (GTK_WIDGET (w->left_label), "deadline-tag");
  adw_expander_row_add_action (w->row, GTK_WIDGET (w->left_label));

  w->due_row = ADW_ACTION_ROW (adw_action_row_new ());
  gtk_widget_set_name (GTK_WIDGET (w->due_row), "due");
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (w->due_row), _("Due"));
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (w->due_row), FALSE);
  adw_action_row_set_subtitle_lines (w->due_row, 0);
  gtk_widget_add_css_class (GTK_WIDGET (w->due_row), "property");
  adw_expander_row_add_row (w->row, GTK_WIDGET (w->due_row));

  w->sent_row = ADW_ACTION_ROW (adw_action_row_new ());
  gtk_widget_set_name (GTK_WIDGET (w->sent_row), "submitted");
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (w->sent_row), _("Submitted"));
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (w->sent_row), FALSE);
  adw_action_row_set_subtitle_lines (w->sent_row, 0);
  gtk_widget_add_css_class (GTK_WIDGET (w->sent_row), "property");
  adw_expander_row_add_row (w->row, GTK_WIDGET (w->sent_row));

  gtk_box_append (GTK_BOX (box), step_button (_("_Preview Report"), _("Read the report as it would be sent now"),
                                              "case.preview-report", step));
  gtk_box_append (GTK_BOX (box), step_button (_("Save P_DF…"), _("Save the report as a PDF document"),
                                              "case.save-pdf", step));
  gtk_box_append (GTK_BOX (box), step_button (_("C_opy Text"),
                                              _("Copy the report, to paste into the single reporting platform"),
                                              "case.copy-text", step));
  w->mark_button = step_button (_("Mark as _Submitted…"), _("Record when and to whom the report was submitted"),
                                "case.mark-submitted", step);
  gtk_widget_add_css_class (w->mark_button, "suggested-action");
  gtk_widget_set_hexpand (w->mark_button, TRUE);
  gtk_widget_set_halign (w->mark_button, GTK_ALIGN_END);
  gtk_box_append (GTK_BOX (box), w->mark_button);
  gtk_widget_set_margin_top (box, 8);
  gtk_widget_set_margin_bottom (box, 8);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (actions), box);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (actions), FALSE);
  gtk_widget_set_focusable (actions, FALSE);
  adw_expander_row_add_row (w->row, actions);

  adw_preferences_group_add (self->steps_group, GTK_WIDGET (w->row));
}

static void
build_steps (CfCaseEditor *self)
{
  GtkWidget *button;

  self->steps_group = add_group (self, _("Reports"),
                                 _("Submitted through the single reporting platform to the CSIRT "
                                   "designated as coordinator, and to ENISA"));
  gtk_widget_set_name (GTK_WIDGET (self->steps_group), "reports");

  self->no_reports_row = adw_action_row_new ();
  gtk_widget_set_name (self->no_reports_row, "no-reports");
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->no_reports_row),
                                 get_kind (self) == CF_CASE_INCIDENT
                                   ? _("Article 14 asks for reports only on severe incidents")
                                   : _("Article 14 asks for reports only on actively exploited "
                                       "vulnerabilities"));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->no_reports_row),
                               get_kind (self) == CF_CASE_INCIDENT
                                 ? _("Switch on “Severe incident” above once it is known to be one.")
                                 : _("Switch on “Actively exploited” above once there is reliable "
                                     "evidence of exploitation."));
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (self->no_reports_row), 0);
  adw_preferences_group_add (self->steps_group, self->no_reports_row);

  for (CfReportStep step = 0; step < CF_N_REPORT_STEPS; step++)
    build_step (self, step);

  self->users_row = adw_action_row_new ();
  gtk_widget_set_name (self->users_row, "users-information");
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->users_row), _("Information to users"));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->users_row),
                               _("The impacted users are to be told, and what they can do (Article 14(8))"));
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (self->users_row), 0);
  button = gtk_button_new_with_mnemonic (_("_Information to Users…"));
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (button, _("Read the information to users as it would be sent now"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "case.users-information");
  adw_action_row_add_suffix (ADW_ACTION_ROW (self->users_row), button);
  adw_preferences_group_add (self->steps_group, self->users_row);
}

static void
set_tag (GtkLabel   *label,
         const char *text,
         const char *css_class)
{
  static const char * const classes[] = { "overdue", "due-soon", "submitted", "pending" };

  gtk_label_set_text (label, text);
  gtk_widget_set_visible (GTK_WIDGET (label), text != NULL);
  for (guint i = 0; i < G_N_ELEMENTS (classes); i++)
    gtk_widget_remove_css_class (GTK_WIDGET (label), classes[i]);
  if (css_class != NULL)
    gtk_widget_add_css_class (GTK_WIDGET (label), css_class);
}

static void
show_step (CfCaseEditor     *self,
           const CfDeadline *d,
           GDateTime        *now,
           gboolean          expand)
{
  StepWidgets *w = &self->steps[d->step];
  g_autofree char *due = d->due ? cf_format_utc_and_local (d->due, NULL) : NULL;

  adw_expander_row_set_subtitle (w->row, d->basis);
  adw_action_row_set_subtitle (w->due_row, due ? due : d->no_due_reason);

  if (d->sent != NULL)
    {
      g_autoptr(GDateTime) at = cf_field_parse_date_time (d->sent->sent_at);
      g_autofree char *when = at ? cf_format_utc_and_local (at, NULL) : g_strdup (d->sent->sent_at);
      g_autofree char *text = NULL;

      if (d->sent->reference != NULL)
        /* Translators: when, to whom, the reference number, who recorded it */
        text = g_strdup_printf (_("%s to %s, reference %s; recorded by %s"), when, d->sent->recipient,
                                d->sent->reference, d->sent->recorded_by ? d->sent->recorded_by : "");
      else
        /* Translators: when, to whom, who recorded it */
        text = g_strdup_printf (_("%s to %s; recorded by %s"), when, d->sent->recipient,
                                d->sent->recorded_by ? d->sent->recorded_by : "");
      adw_action_row_set_subtitle (w->sent_row, text);
      set_tag (w->left_label, _("Submitted"), "submitted");
    }
  else if (d->due != NULL)
    {
      g_autofree char *left = cf_deadline_format_time_left (d, now);

      set_tag (w->left_label, left,
               cf_deadline_is_overdue (d, now) ? "overdue"
               : cf_deadline_needs_alert (d, now) ? "due-soon" : "pending");
    }
  else
    /* Translators: a report step whose due time cannot be known yet */
    set_tag (w->left_label, C_("deadline", "Not yet due"), "pending");

  gtk_widget_set_visible (GTK_WIDGET (w->sent_row), d->sent != NULL);
  gtk_widget_set_visible (w->mark_button, d->sent == NULL);
  if (expand)
    adw_expander_row_set_expanded (w->row, TRUE);
}

/* The steps follow the form: what is typed changes when they are due. */
static void
refresh_steps (CfCaseEditor *self)
{
  g_autoptr(GPtrArray) deadlines = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  gboolean reportable;
  gboolean expanded = FALSE;

  if (self->steps_group == NULL)
    return;

  deadlines = cf_deadlines_for_case (self->working, self->sent);
  reportable = deadlines->len > 0;

  gtk_widget_set_visible (self->no_reports_row, !reportable);
  gtk_widget_set_visible (self->users_row, reportable);
  for (guint i = 0; i < CF_N_REPORT_STEPS; i++)
    gtk_widget_set_visible (GTK_WIDGET (self->steps[i].row), reportable);

  for (guint i = 0; i < deadlines->len; i++)
    {
      CfDeadline *d = g_ptr_array_index (deadlines, i);
      /* The first step still to submit opens by itself, once. */
      gboolean expand = !expanded && d->sent == NULL && d->due != NULL &&
                        !adw_expander_row_get_expanded (self->steps[d->step].row) &&
                        g_object_get_data (G_OBJECT (self->steps[d->step].row), "opened") == NULL;

      if (d->sent == NULL && d->due != NULL)
        expanded = TRUE;
      if (expand)
        g_object_set_data (G_OBJECT (self->steps[d->step].row), "opened", GINT_TO_POINTER (TRUE));
      show_step (self, d, now, expand);
    }

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "case.preview-report", reportable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "case.save-pdf", reportable && self->exporting == NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "case.copy-text", reportable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "case.mark-submitted", reportable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "case.export-csaf",
                                 get_kind (self) == CF_CASE_VULNERABILITY && self->exporting == NULL);
}

static gboolean
tick_cb (gpointer user_data)
{
  refresh_steps (CF_CASE_EDITOR (user_data));
  return G_SOURCE_CONTINUE;
}

/* ─── Loading and storing ─── */

static void
reload_sent (CfCaseEditor *self)
{
  g_autoptr(GError) error = NULL;

  g_clear_pointer (&self->sent, g_ptr_array_unref);
  if (self->case_id == 0)
    return;
  self->sent = cf_store_list_case_steps (get_store (self), self->case_id, FALSE, &error);
  if (self->sent == NULL)
    show_failure (self, error->message);
}

static void
fill_form (CfCaseEditor *self)
{
  self->loading = TRUE;
  fill_fields (self);
  fill_flags (self);
  self->loading = FALSE;
  validate (self);
  update_title (self);
  refresh_steps (self);
}

/* Another window, or the command line, changed the case: what the user
 * has not touched follows the store, what they typed stays. */
static void
merge_stored (CfCaseEditor *self,
              CfCase       *stored)
{
  guint n_specs;
  const CfFieldSpec *specs = cf_record_get_specs (CF_RECORD (stored), &n_specs);

  if (!self->dirty)
    {
      cf_record_copy_fields (CF_RECORD (self->working), CF_RECORD (stored));
      return;
    }

  for (guint i = 0; i < n_specs; i++)
    if (!g_hash_table_contains (self->edited, specs[i].name))
      cf_record_set_field (CF_RECORD (self->working), specs[i].name,
                           cf_record_get_field (CF_RECORD (stored), specs[i].name));
  if (!g_hash_table_contains (self->edited, "flag"))
    {
      cf_case_set_exploited (self->working, cf_case_get_exploited (stored));
      cf_case_set_severe (self->working, cf_case_get_severe (stored));
    }
  if (!g_hash_table_contains (self->edited, "suspicion"))
    cf_case_set_suspicion (self->working, cf_case_get_suspicion (stored));
  if (!g_hash_table_contains (self->edited, "status"))
    cf_case_set_status (self->working, cf_case_get_status (stored));
  cf_case_set_update_id (self->working, cf_case_get_update_id (stored));
  cf_record_set_updated_at (CF_RECORD (self->working), cf_record_get_updated_at (CF_RECORD (stored)));
}

static void
store_changed_cb (CfCaseEditor *self,
                  gint64        product_id,
                  CfStore      *store)
{
  g_autoptr(CfCase) stored = NULL;

  if (self->case_id == 0 || product_id != self->product_id)
    return;

  stored = cf_store_get_case (store, self->case_id, NULL);
  if (stored != NULL)
    merge_stored (self, stored);
  reload_sent (self);
  fill_form (self);
}

/* Sets on the case as stored now only what the user changed, so what
 * another program (the command line in a CI job) changed meanwhile stays. */
static gboolean
apply_edited_cb (CfRecord  *record,
                 gpointer   user_data,
                 GError   **error)
{
  CfCaseEditor *self = user_data;
  CfCase *c = CF_CASE (record);
  GHashTableIter iter;
  gpointer name;

  g_hash_table_iter_init (&iter, self->edited);
  while (g_hash_table_iter_next (&iter, &name, NULL))
    {
      if (g_str_equal (name, "flag") && get_kind (self) == CF_CASE_INCIDENT)
        cf_case_set_severe (c, cf_case_get_severe (self->working));
      else if (g_str_equal (name, "flag"))
        cf_case_set_exploited (c, cf_case_get_exploited (self->working));
      else if (g_str_equal (name, "suspicion"))
        cf_case_set_suspicion (c, cf_case_get_suspicion (self->working));
      else if (g_str_equal (name, "status"))
        cf_case_set_status (c, cf_case_get_status (self->working));
      else
        cf_record_set_field (record, name, cf_record_get_field (CF_RECORD (self->working), name));
    }

  return TRUE;
}

/* Stores the form without closing it. A copy goes to the store, so a
 * refusal leaves everything the user typed in place. */
static gboolean
store_form (CfCaseEditor  *self,
            GError       **error)
{
  g_autoptr(CfCase) copy = CF_CASE (cf_record_dup (CF_RECORD (self->working)));

  if (self->case_id == 0)
    {
      gint64 id = cf_store_add_case (get_store (self), self->product_id, copy, error);

      if (id == 0)
        return FALSE;
      self->case_id = id;
    }
  else
    {
      g_autoptr(CfCase) stored = NULL;

      if (!cf_store_edit_case (get_store (self), self->case_id, apply_edited_cb, self, error))
        return FALSE;

      /* The form shows the case as stored: the user's changes and the others'. */
      stored = cf_store_get_case (get_store (self), self->case_id, NULL);
      if (stored != NULL)
        g_set_object (&copy, stored);
    }

  self->dirty = FALSE;
  g_hash_table_remove_all (self->edited);
  cf_record_copy_fields (CF_RECORD (self->working), CF_RECORD (copy));
  reload_sent (self);
  fill_form (self);
  return TRUE;
}

/* The reports are built from the store: what the form holds is saved first. */
static gboolean
ensure_stored (CfCaseEditor *self)
{
  g_autoptr(GError) error = NULL;

  if (self->case_id != 0 && !self->dirty)
    return TRUE;
  if (!gtk_widget_get_sensitive (GTK_WIDGET (self->save_button)))
    {
      show_failure (self, self->message);
      return FALSE;
    }
  if (!store_form (self, &error))
    {
      show_failure (self, error->message);
      return FALSE;
    }
  return TRUE;
}

static CfCaseReport *
build_report (CfCaseEditor     *self,
              CfCaseReportKind  kind)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  CfCaseReport *report;

  if (!ensure_stored (self))
    return NULL;

  report = cf_case_report_build (get_store (self), self->case_id, kind, now, &error);
  if (report == NULL)
    show_failure (self, error->message);
  return report;
}

/* ─── Files ─── */

static void
set_exporting (CfCaseEditor *self,
               const char   *progress)
{
  if (progress == NULL)
    g_clear_object (&self->exporting);
  gtk_label_set_text (self->progress_label, progress);
  gtk_spinner_set_spinning (self->spinner, progress != NULL);
  gtk_revealer_set_reveal_child (self->progress_revealer, progress != NULL);
  refresh_steps (self);
}

static void
exported_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(CfCaseEditor) self = weak_ref_steal (user_data);
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  g_autofree char *message = NULL;

  if (self == NULL)
    return;
  file = g_object_steal_data (G_OBJECT (self), "export-file");
  name = file ? g_file_get_basename (file) : NULL;
  if (g_task_get_cancellable (G_TASK (result)) == self->exporting)
    set_exporting (self, NULL);

  if (!cf_case_export_finish (result, &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        toast (self, _("Saving cancelled. Nothing was written."));
      else
        toast (self, error->message);
      return;
    }

  message = g_strdup_printf (_("Saved “%s”"), name);
  toast (self, message);
}

static void
start_export (CfCaseEditor *self,
              GFile        *file,
              const char   *progress)
{
  g_cancellable_cancel (self->exporting);
  g_clear_object (&self->exporting);
  self->exporting = g_cancellable_new ();
  g_object_set_data_full (G_OBJECT (self), "export-file", g_object_ref (file), g_object_unref);
  set_exporting (self, progress);
}

/**
 * cf_case_editor_save_report:
 *
 * Writes the report of @kind as PDF to @file in a worker; the editor shows
 * the progress, with a way to cancel, and a toast when it is done.
 */
void
cf_case_editor_save_report (CfCaseEditor     *self,
                            CfCaseReportKind  kind,
                            GFile            *file)
{
  CfCaseReport *report;
  g_autofree char *progress = NULL;

  g_return_if_fail (CF_IS_CASE_EDITOR (self));

  report = build_report (self, kind);
  if (report == NULL)
    return;

  /* Translators: the report's title, e.g. "Saving Early warning — Case 12…" */
  progress = g_strdup_printf (_("Saving %s…"), cf_case_report_get_title (report));
  start_export (self, file, progress);
  cf_case_export_pdf_async (report, file, self->exporting, exported_cb, weak_ref_new (self));
}

typedef struct
{
  GWeakRef          self;
  CfCaseReportKind  kind;
} PdfRequest;

static void
pdf_chosen_cb (GFile    *file,
               gpointer  user_data)
{
  PdfRequest *request = user_data;
  g_autoptr(CfCaseEditor) self = g_weak_ref_get (&request->self);

  if (self != NULL)
    cf_case_editor_save_report (self, request->kind, file);
}

static void
pdf_request_free (PdfRequest *request)
{
  g_weak_ref_clear (&request->self);
  g_free (request);
}

static void
choose_pdf (CfCaseEditor     *self,
            CfCaseReportKind  kind)
{
  g_autoptr(CfCaseReport) report = build_report (self, kind);
  g_autofree char *name = NULL;
  PdfRequest *request;

  if (report == NULL)
    return;

  name = cf_case_export_file_name (cf_case_report_get_title (report), "pdf");
  request = g_new0 (PdfRequest, 1);
  g_weak_ref_init (&request->self, self);
  request->kind = kind;
  cf_case_export_choose_file (as_window (self), _("Save Report"), name, _("PDF documents"),
                              "application/pdf", pdf_chosen_cb, request,
                              (GDestroyNotify) pdf_request_free);
}

static void
preview_save_cb (CfCaseEditor    *self,
                 CfReportPreview *preview)
{
  choose_pdf (self, GPOINTER_TO_INT (g_object_get_data (G_OBJECT (preview), "kind")));
}

static void
preview (CfCaseEditor     *self,
         CfCaseReportKind  kind)
{
  g_autoptr(CfCaseReport) report = build_report (self, kind);
  CfReportPreview *window;

  if (report == NULL)
    return;

  window = cf_report_preview_new (as_window (self), report);
  g_object_set_data (G_OBJECT (window), "kind", GINT_TO_POINTER (kind));
  g_signal_connect_object (window, "save-pdf", G_CALLBACK (preview_save_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (window));
}

/* ─── Actions ─── */

static void
preview_report_action_cb (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  preview (CF_CASE_EDITOR (widget), g_variant_get_int32 (parameter));
}

static void
users_information_action_cb (GtkWidget  *widget,
                             const char *action_name,
                             GVariant   *parameter)
{
  preview (CF_CASE_EDITOR (widget), CF_CASE_REPORT_USERS);
}

static void
save_pdf_action_cb (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  choose_pdf (CF_CASE_EDITOR (widget), g_variant_get_int32 (parameter));
}

static void
copy_text_action_cb (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  CfCaseEditor *self = CF_CASE_EDITOR (widget);
  g_autoptr(CfCaseReport) report = build_report (self, g_variant_get_int32 (parameter));
  g_autofree char *text = NULL;

  if (report == NULL)
    return;

  text = cf_case_report_to_text (report);
  gdk_clipboard_set_text (gtk_widget_get_clipboard (widget), text);
  toast (self, _("Report copied; paste it into the single reporting platform"));
}

static void
step_recorded_cb (CfCaseEditor *self)
{
  toast (self, _("Submission recorded"));
}

static void
mark_submitted_action_cb (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  CfCaseEditor *self = CF_CASE_EDITOR (widget);
  CfStepSentDialog *dialog;

  if (!ensure_stored (self))
    return;

  dialog = cf_step_sent_dialog_new (as_window (self), self->context, self->working,
                                    g_variant_get_int32 (parameter));
  g_signal_connect_object (dialog, "recorded", G_CALLBACK (step_recorded_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

/**
 * cf_case_editor_export_csaf:
 *
 * Writes the case's CSAF 2.0 security advisory to @file; the editor shows
 * the progress and a toast when it is done or why it failed.
 */
void
cf_case_editor_export_csaf (CfCaseEditor *self,
                            GFile        *file)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *advisory = NULL;

  g_return_if_fail (CF_IS_CASE_EDITOR (self));

  if (!ensure_stored (self))
    return;
  advisory = cf_csaf_build (get_store (self), self->case_id, now, &error);
  if (advisory == NULL)
    {
      show_failure (self, error->message);
      return;
    }

  start_export (self, file, _("Saving the CSAF advisory…"));
  cf_case_export_text_async (advisory, file, self->exporting, exported_cb, weak_ref_new (self));
}

static void
csaf_chosen_cb (GFile    *file,
                gpointer  user_data)
{
  g_autoptr(CfCaseEditor) self = g_weak_ref_get (user_data);

  if (self != NULL)
    cf_case_editor_export_csaf (self, file);
}

static void
weak_ref_free (GWeakRef *ref)
{
  g_weak_ref_clear (ref);
  g_free (ref);
}

static void
export_csaf_action_cb (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  CfCaseEditor *self = CF_CASE_EDITOR (widget);
  g_autofree char *label = NULL;
  g_autofree char *name = NULL;

  if (!ensure_stored (self))
    return;

  label = cf_case_dup_label (self->working);
  name = cf_case_export_file_name (label, "csaf.json");
  cf_case_export_choose_file (as_window (self), _("Export CSAF Advisory"), name,
                              _("CSAF advisories"), "application/json", csaf_chosen_cb,
                              weak_ref_new (self), (GDestroyNotify) weak_ref_free);
}

static void
save_action_cb (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  CfCaseEditor *self = CF_CASE_EDITOR (widget);

  if (gtk_widget_get_sensitive (GTK_WIDGET (self->save_button)))
    cf_case_editor_save (self);
}

static void
cancel_clicked_cb (CfCaseEditor *self)
{
  gtk_window_close (as_window (self));
}

static void
save_clicked_cb (CfCaseEditor *self)
{
  cf_case_editor_save (self);
}

static void
cancel_export_clicked_cb (CfCaseEditor *self)
{
  g_cancellable_cancel (self->exporting);
}

static void
discard_cb (GtkWindow *window)
{
  CF_CASE_EDITOR (window)->closing = TRUE;
  gtk_window_close (window);
}

/* Closing with unsaved changes asks first: typed work is never lost silently. */
static gboolean
cf_case_editor_close_request (GtkWindow *window)
{
  CfCaseEditor *self = CF_CASE_EDITOR (window);

  if (self->closing || !self->dirty)
    return GTK_WINDOW_CLASS (cf_case_editor_parent_class)->close_request (window);

  cf_discard_dialog_present (window, G_CALLBACK (discard_cb));
  return TRUE;
}

static void
cf_case_editor_map (GtkWidget *widget)
{
  CfCaseEditor *self = CF_CASE_EDITOR (widget);

  GTK_WIDGET_CLASS (cf_case_editor_parent_class)->map (widget);
  if (self->tick_source == 0)
    self->tick_source = g_timeout_add_seconds (TICK_SECONDS, tick_cb, self);
}

static void
cf_case_editor_unmap (GtkWidget *widget)
{
  CfCaseEditor *self = CF_CASE_EDITOR (widget);

  g_clear_handle_id (&self->tick_source, g_source_remove);
  GTK_WIDGET_CLASS (cf_case_editor_parent_class)->unmap (widget);
}

static void
cf_case_editor_dispose (GObject *object)
{
  CfCaseEditor *self = CF_CASE_EDITOR (object);

  g_cancellable_cancel (self->cancellable);
  g_cancellable_cancel (self->exporting);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->exporting);
  g_clear_handle_id (&self->tick_source, g_source_remove);
  if (self->context != NULL)
    g_signal_handlers_disconnect_by_data (cf_context_get_store (self->context), self);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (cf_case_editor_parent_class)->dispose (object);
}

static void
cf_case_editor_finalize (GObject *object)
{
  CfCaseEditor *self = CF_CASE_EDITOR (object);

  g_clear_object (&self->working);
  g_clear_object (&self->components);
  g_clear_object (&self->component_filter);
  g_clear_pointer (&self->sent, g_ptr_array_unref);
  g_clear_pointer (&self->rows, g_hash_table_unref);
  g_clear_pointer (&self->edited, g_hash_table_unref);
  g_clear_pointer (&self->message, g_free);
  g_clear_pointer (&self->component_search, g_free);

  G_OBJECT_CLASS (cf_case_editor_parent_class)->finalize (object);
}

static void
cf_case_editor_class_init (CfCaseEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = cf_case_editor_dispose;
  object_class->finalize = cf_case_editor_finalize;
  widget_class->map = cf_case_editor_map;
  widget_class->unmap = cf_case_editor_unmap;
  window_class->close_request = cf_case_editor_close_request;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/cf-case-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, CfCaseEditor, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, CfCaseEditor, window_title);
  gtk_widget_class_bind_template_child (widget_class, CfCaseEditor, save_button);
  gtk_widget_class_bind_template_child (widget_class, CfCaseEditor, failure_revealer);
  gtk_widget_class_bind_template_child (widget_class, CfCaseEditor, failure_label);
  gtk_widget_class_bind_template_child (widget_class, CfCaseEditor, progress_revealer);
  gtk_widget_class_bind_template_child (widget_class, CfCaseEditor, spinner);
  gtk_widget_class_bind_template_child (widget_class, CfCaseEditor, progress_label);
  gtk_widget_class_bind_template_child (widget_class, CfCaseEditor, page);
  gtk_widget_class_bind_template_child (widget_class, CfCaseEditor, message_label);
  gtk_widget_class_bind_template_callback (widget_class, cancel_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, save_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, cancel_export_clicked_cb);

  gtk_widget_class_install_action (widget_class, "case.save", NULL, save_action_cb);
  gtk_widget_class_install_action (widget_class, "case.preview-report", "i", preview_report_action_cb);
  gtk_widget_class_install_action (widget_class, "case.save-pdf", "i", save_pdf_action_cb);
  gtk_widget_class_install_action (widget_class, "case.copy-text", "i", copy_text_action_cb);
  gtk_widget_class_install_action (widget_class, "case.mark-submitted", "i", mark_submitted_action_cb);
  gtk_widget_class_install_action (widget_class, "case.users-information", NULL,
                                   users_information_action_cb);
  gtk_widget_class_install_action (widget_class, "case.export-csaf", NULL, export_csaf_action_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "case.save", NULL);

  g_type_ensure (CF_TYPE_TEXT_ROW);
}

static void
cf_case_editor_init (CfCaseEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->rows = g_hash_table_new (g_str_hash, g_str_equal);
  self->edited = g_hash_table_new (g_str_hash, g_str_equal);
  self->components = g_list_store_new (CF_TYPE_SBOM_COMPONENT_OBJECT);
  self->cancellable = g_cancellable_new ();
}

static CfCaseEditor *
create (GtkWindow *parent,
        CfContext *context,
        CfCase    *working)
{
  CfCaseEditor *self = g_object_new (CF_TYPE_CASE_EDITOR, "transient-for", parent, NULL);

  self->context = g_object_ref (context);
  self->working = working;
  self->product_id = cf_case_get_product_id (working);
  self->case_id = cf_record_get_id (CF_RECORD (working));

  /* What Article 14 makes of the case comes first: the reports and the
   * time left for them are what the user comes back for. Then the case,
   * then the details the reports draw on. */
  build_flags (self);
  build_steps (self);
  build_field_group (self, N_("Case"));
  build_field_group (self, N_("For the reports (Article 14)"));
  build_field_group (self, N_("Fix or mitigation"));
  build_field_group (self, N_("Report to the component’s maintainer"));

  reload_sent (self);
  fill_form (self);
  if (get_kind (self) == CF_CASE_VULNERABILITY)
    load_components (self);

  g_signal_connect_object (get_store (self), "changed::case", G_CALLBACK (store_changed_cb), self,
                           G_CONNECT_SWAPPED);
  /* A new case starts with its title; a stored one is opened to act. */
  if (self->case_id == 0)
    gtk_window_set_focus (as_window (self), g_hash_table_lookup (self->rows, "title"));
  return self;
}

/**
 * cf_case_editor_new:
 *
 * Returns: (transfer none): an editor for a new case of @product_id,
 *   presented; it destroys itself when closed
 */
CfCaseEditor *
cf_case_editor_new (GtkWindow  *parent,
                    CfContext  *context,
                    gint64      product_id,
                    CfCaseKind  kind)
{
  CfCase *c;

  g_return_val_if_fail (CF_IS_CONTEXT (context), NULL);

  c = cf_case_new (kind);
  cf_case_set_product_id (c, product_id);
  return create (parent, context, c);
}

/**
 * cf_case_editor_open:
 *
 * Returns: (transfer none) (nullable): an editor for the stored case, or
 *   %NULL with @error set when it cannot be read
 */
CfCaseEditor *
cf_case_editor_open (GtkWindow  *parent,
                     CfContext  *context,
                     gint64      case_id,
                     GError    **error)
{
  CfCase *c;

  g_return_val_if_fail (CF_IS_CONTEXT (context), NULL);

  c = cf_store_get_case (cf_context_get_store (context), case_id, error);
  if (c == NULL)
    return NULL;
  return create (parent, context, c);
}

gint64
cf_case_editor_get_case_id (CfCaseEditor *self)
{
  g_return_val_if_fail (CF_IS_CASE_EDITOR (self), 0);
  return self->case_id;
}

/**
 * cf_case_editor_get_field_widget:
 *
 * Returns: (transfer none) (nullable): the row of a text field, or %NULL
 *   when the field does not apply to the case's kind
 */
GtkWidget *
cf_case_editor_get_field_widget (CfCaseEditor *self,
                                 const char   *name)
{
  g_return_val_if_fail (CF_IS_CASE_EDITOR (self), NULL);
  return g_hash_table_lookup (self->rows, name);
}

/**
 * cf_case_editor_get_step_row:
 *
 * Returns: (transfer none): the AdwExpanderRow of a report step
 */
GtkWidget *
cf_case_editor_get_step_row (CfCaseEditor *self,
                             CfReportStep  step)
{
  g_return_val_if_fail (CF_IS_CASE_EDITOR (self), NULL);
  g_return_val_if_fail (step < CF_N_REPORT_STEPS, NULL);
  return GTK_WIDGET (self->steps[step].row);
}

GtkWidget *
cf_case_editor_get_save_button (CfCaseEditor *self)
{
  g_return_val_if_fail (CF_IS_CASE_EDITOR (self), NULL);
  return GTK_WIDGET (self->save_button);
}

/**
 * cf_case_editor_get_message:
 *
 * Returns: (nullable): what the form says is wrong or still required
 */
const char *
cf_case_editor_get_message (CfCaseEditor *self)
{
  g_return_val_if_fail (CF_IS_CASE_EDITOR (self), NULL);
  return self->message;
}

/**
 * cf_case_editor_get_error:
 *
 * Returns: (nullable): why the last save or report was refused
 */
const char *
cf_case_editor_get_error (CfCaseEditor *self)
{
  g_return_val_if_fail (CF_IS_CASE_EDITOR (self), NULL);

  if (!gtk_revealer_get_reveal_child (self->failure_revealer))
    return NULL;
  return gtk_label_get_text (self->failure_label);
}

gboolean
cf_case_editor_get_dirty (CfCaseEditor *self)
{
  g_return_val_if_fail (CF_IS_CASE_EDITOR (self), FALSE);
  return self->dirty && !self->closing;
}

/**
 * cf_case_editor_save:
 *
 * Stores the case and closes the editor. When the store refuses, the
 * editor stays open, says why at the top and keeps what was typed.
 *
 * Returns: whether the case was stored
 */
gboolean
cf_case_editor_save (CfCaseEditor *self)
{
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (CF_IS_CASE_EDITOR (self), FALSE);

  if (!gtk_widget_get_sensitive (GTK_WIDGET (self->save_button)))
    {
      show_failure (self, self->message);
      return FALSE;
    }
  if (!store_form (self, &error))
    {
      show_failure (self, error->message);
      return FALSE;
    }

  self->closing = TRUE;
  gtk_window_close (as_window (self));
  return TRUE;
}
