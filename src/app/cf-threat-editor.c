/* cf-threat-editor.c
 *
 * Copyright 2026 The Conformity Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cf-threat-editor"

#include "config.h"

#include <glib/gi18n.h>

#include "cf-discard-dialog.h"
#include "cf-text-row.h"
#include "cf-threat-editor.h"

struct _CfThreatEditor
{
  AdwWindow       parent_instance;

  /* Template widgets */
  AdwWindowTitle *window_title;
  GtkButton      *save_button;
  GtkLabel       *error_label;
  AdwEntryRow    *asset_row;
  GtkMenuButton  *asset_button;
  AdwEntryRow    *title_row;
  CfTextRow      *description_row;
  AdwComboRow    *stride_row;
  AdwComboRow    *likelihood_row;
  AdwComboRow    *impact_row;
  GtkLabel       *inherent_label;
  CfTextRow      *mitigations_row;
  AdwExpanderRow *residual_row;
  AdwComboRow    *residual_likelihood_row;
  AdwComboRow    *residual_impact_row;
  GtkLabel       *residual_label;
  AdwComboRow    *treatment_row;
  CfTextRow      *reason_row;
  AdwEntryRow    *accepted_by_row;

  CfContext      *context;
  CfRiskModel    *model;
  gint64          product_id;
  CfThreat       *threat;           /* the original, or a blank one; never changed */
  gboolean        is_new;
  gboolean        loading;          /* filling the form: not an edit */
  gboolean        residual_touched; /* the residual levels were chosen, not copied */
  gboolean        dirty;
  gboolean        closing;
};

G_DEFINE_FINAL_TYPE (CfThreatEditor, cf_threat_editor, ADW_TYPE_WINDOW)

enum {
  SIGNAL_SAVED,
  N_SIGNALS
};

static guint signals [N_SIGNALS];

/* The treatments in the order offered; position 0 is "Not decided". */
static const char * const treatments[] = { NULL, "mitigate", "accept", "transfer", "avoid" };

static const char * const band_classes[] = { "band-low", "band-medium", "band-high", "band-critical" };

/* New threats start in the middle of the scales, the levels shown with
 * what they mean, so the choice is an informed one. */
#define DEFAULT_LEVEL 3

static GListModel *
level_model (CfRiskModel *model,
             const char  *scale)
{
  GtkStringList *list = gtk_string_list_new (NULL);

  for (int level = CF_RISK_MIN_LEVEL; level <= CF_RISK_MAX_LEVEL; level++)
    {
      const char *label = cf_catalogue_display_string (cf_risk_model_level_label (model, scale, level));
      /* Translators: a level of a risk scale, e.g. "3 · Possible". */
      g_autofree char *text = label ? g_strdup_printf (_("%d · %s"), level, label)
                                    : g_strdup_printf ("%d", level);

      gtk_string_list_append (list, text);
    }

  return G_LIST_MODEL (list);
}

static void
show_level_text (CfThreatEditor *self,
                 AdwComboRow    *row,
                 const char     *scale)
{
  int level = (int) adw_combo_row_get_selected (row) + CF_RISK_MIN_LEVEL;

  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), cf_catalogue_display_string (cf_risk_model_level_text (self->model, scale, level)));
}

static int
get_level (AdwComboRow *row)
{
  return (int) adw_combo_row_get_selected (row) + CF_RISK_MIN_LEVEL;
}

static void
set_level (AdwComboRow *row,
           int          level)
{
  if (level < CF_RISK_MIN_LEVEL || level > CF_RISK_MAX_LEVEL)
    level = DEFAULT_LEVEL;
  adw_combo_row_set_selected (row, level - CF_RISK_MIN_LEVEL);
}

static void
show_score (CfThreatEditor *self,
            GtkLabel       *label,
            int             likelihood,
            int             impact)
{
  const CfChartBand *band = cf_risk_model_band_for (self->model, likelihood, impact);
  g_autofree char *text = NULL;
  g_autofree char *css_class = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (band_classes); i++)
    gtk_widget_remove_css_class (GTK_WIDGET (label), band_classes[i]);

  /* Translators: a risk score and its band, e.g. "12 · High". */
  text = g_strdup_printf (_("%d · %s"), likelihood * impact, band ? band->label : "");
  gtk_label_set_text (label, text);

  if (band != NULL)
    {
      css_class = g_strdup_printf ("band-%s", band->id);
      gtk_widget_add_css_class (GTK_WIDGET (label), css_class);
    }
}

static const char *
selected_stride (CfThreatEditor *self)
{
  GPtrArray *categories = cf_risk_model_get_stride (self->model);
  guint selected = adw_combo_row_get_selected (self->stride_row);

  if (selected >= categories->len)
    return NULL;

  return cf_catalogue_item_get_attribute (g_ptr_array_index (categories, selected), "stride");
}

static const char *
selected_treatment (CfThreatEditor *self)
{
  guint selected = adw_combo_row_get_selected (self->treatment_row);

  return selected < G_N_ELEMENTS (treatments) ? treatments[selected] : NULL;
}

static void
update_rows (CfThreatEditor *self)
{
  GPtrArray *categories = cf_risk_model_get_stride (self->model);
  guint stride = adw_combo_row_get_selected (self->stride_row);

  if (stride < categories->len)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (self->stride_row),
                                 cf_catalogue_item_get_display_text (g_ptr_array_index (categories, stride)));

  show_level_text (self, self->likelihood_row, "likelihood");
  show_level_text (self, self->impact_row, "impact");
  show_level_text (self, self->residual_likelihood_row, "likelihood");
  show_level_text (self, self->residual_impact_row, "impact");

  show_score (self, self->inherent_label, get_level (self->likelihood_row), get_level (self->impact_row));
  show_score (self, self->residual_label,
              get_level (self->residual_likelihood_row), get_level (self->residual_impact_row));
}

static char *
dup_entry (AdwEntryRow *row)
{
  return g_strdup (gtk_editable_get_text (GTK_EDITABLE (row)));
}

/* The form, read into @threat; cf_threat_normalize() then trims it. */
static void
read_form (CfThreatEditor *self,
           CfThreat       *threat)
{
  g_autofree char *asset = dup_entry (self->asset_row);
  g_autofree char *title = dup_entry (self->title_row);
  g_autofree char *description = cf_text_row_dup_text (self->description_row);
  g_autofree char *mitigations = cf_text_row_dup_text (self->mitigations_row);
  g_autofree char *reason = cf_text_row_dup_text (self->reason_row);
  g_autofree char *accepted_by = dup_entry (self->accepted_by_row);

  cf_threat_set_asset (threat, asset);
  cf_threat_set_title (threat, title);
  cf_threat_set_description (threat, description);
  cf_threat_set_stride (threat, selected_stride (self));
  cf_threat_set_likelihood (threat, get_level (self->likelihood_row));
  cf_threat_set_impact (threat, get_level (self->impact_row));
  cf_threat_set_mitigations (threat, mitigations);

  if (adw_expander_row_get_enable_expansion (self->residual_row))
    cf_threat_set_residual (threat, get_level (self->residual_likelihood_row),
                            get_level (self->residual_impact_row));
  else
    cf_threat_set_residual (threat, 0, 0);

  cf_threat_set_treatment (threat, selected_treatment (self));
  cf_threat_set_treatment_reason (threat, reason);
  cf_threat_set_accepted_by (threat, accepted_by);
}

/* The texts of a threat, each set alone. */
static const struct
{
  const char *(*get) (CfThreat   *threat);
  void        (*set) (CfThreat   *threat,
                      const char *text);
} texts[] = {
  { cf_threat_get_asset, cf_threat_set_asset },
  { cf_threat_get_title, cf_threat_set_title },
  { cf_threat_get_description, cf_threat_set_description },
  { cf_threat_get_stride, cf_threat_set_stride },
  { cf_threat_get_mitigations, cf_threat_set_mitigations },
  { cf_threat_get_treatment, cf_threat_set_treatment },
  { cf_threat_get_treatment_reason, cf_threat_set_treatment_reason },
  { cf_threat_get_accepted_by, cf_threat_set_accepted_by },
};

/* Sets on @threat, as stored now, only what @form changed of @original:
 * what another program changed meanwhile stays, unless the user changed
 * it too. The residual levels go together. */
static void
apply_changes (CfThreat *threat,
               CfThreat *original,
               CfThreat *form)
{
  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    if (g_strcmp0 (texts[i].get (form), texts[i].get (original)) != 0)
      texts[i].set (threat, texts[i].get (form));

  if (cf_threat_get_likelihood (form) != cf_threat_get_likelihood (original))
    cf_threat_set_likelihood (threat, cf_threat_get_likelihood (form));
  if (cf_threat_get_impact (form) != cf_threat_get_impact (original))
    cf_threat_set_impact (threat, cf_threat_get_impact (form));
  if (cf_threat_get_residual_likelihood (form) != cf_threat_get_residual_likelihood (original) ||
      cf_threat_get_residual_impact (form) != cf_threat_get_residual_impact (original))
    cf_threat_set_residual (threat, cf_threat_get_residual_likelihood (form),
                            cf_threat_get_residual_impact (form));
}

typedef struct
{
  CfThreatEditor *self;
  CfThreat       *form;
} ThreatEdit;

static gboolean
edit_threat_cb (CfThreat  *threat,
                gpointer   user_data,
                GError   **error)
{
  ThreatEdit *edit = user_data;

  apply_changes (threat, edit->self->threat, edit->form);
  cf_threat_normalize (threat);

  /* Checked again: what is stored now and what the form changed may not
   * fit together. */
  return cf_threat_validate (threat, edit->self->model, error);
}

static void
fill_form (CfThreatEditor *self)
{
  CfThreat *threat = self->threat;
  GPtrArray *categories = cf_risk_model_get_stride (self->model);
  gboolean residual = cf_threat_has_residual (threat);

  self->loading = TRUE;

  gtk_editable_set_text (GTK_EDITABLE (self->asset_row), cf_threat_get_asset (threat) ?: "");
  gtk_editable_set_text (GTK_EDITABLE (self->title_row), cf_threat_get_title (threat) ?: "");
  cf_text_row_set_text (self->description_row, cf_threat_get_description (threat));
  cf_text_row_set_text (self->mitigations_row, cf_threat_get_mitigations (threat));
  cf_text_row_set_text (self->reason_row, cf_threat_get_treatment_reason (threat));
  gtk_editable_set_text (GTK_EDITABLE (self->accepted_by_row), cf_threat_get_accepted_by (threat) ?: "");

  for (guint i = 0; i < categories->len; i++)
    if (g_strcmp0 (cf_catalogue_item_get_attribute (g_ptr_array_index (categories, i), "stride"),
                   cf_threat_get_stride (threat)) == 0)
      adw_combo_row_set_selected (self->stride_row, i);

  set_level (self->likelihood_row, cf_threat_get_likelihood (threat));
  set_level (self->impact_row, cf_threat_get_impact (threat));
  set_level (self->residual_likelihood_row,
             residual ? cf_threat_get_residual_likelihood (threat) : cf_threat_get_likelihood (threat));
  set_level (self->residual_impact_row,
             residual ? cf_threat_get_residual_impact (threat) : cf_threat_get_impact (threat));
  adw_expander_row_set_enable_expansion (self->residual_row, residual);
  self->residual_touched = residual;

  for (guint i = 0; i < G_N_ELEMENTS (treatments); i++)
    if (g_strcmp0 (treatments[i], cf_threat_get_treatment (threat)) == 0)
      adw_combo_row_set_selected (self->treatment_row, i);
  gtk_widget_set_visible (GTK_WIDGET (self->accepted_by_row),
                          g_strcmp0 (selected_treatment (self), "accept") == 0);

  update_rows (self);
  self->loading = FALSE;
}

static void
fill_assets (CfThreatEditor *self)
{
  g_auto(GStrv) assets = cf_store_list_assets (cf_context_get_store (self->context), self->product_id, NULL);
  g_autoptr(GMenu) menu = g_menu_new ();

  for (guint i = 0; assets != NULL && assets[i] != NULL; i++)
    {
      g_autoptr(GMenuItem) item = g_menu_item_new (assets[i], NULL);

      g_menu_item_set_action_and_target_value (item, "editor.use-asset", g_variant_new_string (assets[i]));
      g_menu_append_item (menu, item);
    }

  gtk_menu_button_set_menu_model (self->asset_button, G_MENU_MODEL (menu));
  /* The first threat has no assets to choose from: just type one. */
  gtk_widget_set_visible (GTK_WIDGET (self->asset_button), assets != NULL && assets[0] != NULL);
}

/* The field a refused threat lacks, by the same rules as
 * cf_threat_validate(); the choices in combo rows are always valid. */
static GtkWidget *
find_missing (CfThreatEditor *self,
              CfThreat       *threat)
{
  gboolean accept = g_strcmp0 (cf_threat_get_treatment (threat), "accept") == 0;

  if (cf_threat_get_asset (threat) == NULL)
    return GTK_WIDGET (self->asset_row);
  if (cf_threat_get_title (threat) == NULL)
    return GTK_WIDGET (self->title_row);
  if (accept && cf_threat_get_treatment_reason (threat) == NULL)
    return GTK_WIDGET (self->reason_row);
  if (accept && cf_threat_get_accepted_by (threat) == NULL)
    return GTK_WIDGET (self->accepted_by_row);

  return NULL;
}

static void
show_error (CfThreatEditor *self,
            const char     *message,
            GtkWidget      *row)
{
  GtkWidget *rows[] = {
    GTK_WIDGET (self->asset_row), GTK_WIDGET (self->title_row),
    GTK_WIDGET (self->reason_row), GTK_WIDGET (self->accepted_by_row),
  };

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    gtk_widget_remove_css_class (rows[i], "error");

  gtk_label_set_text (self->error_label, message);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);

  /* Straight to what needs filling in. */
  if (row != NULL)
    {
      gtk_widget_add_css_class (row, "error");
      gtk_widget_grab_focus (row);
    }
}

/* Callbacks */

static void
changed_cb (CfThreatEditor *self)
{
  if (!self->loading)
    self->dirty = TRUE;
}

static void
entry_activated_cb (CfThreatEditor *self)
{
  cf_threat_editor_save (self);
}

static void
level_changed_cb (CfThreatEditor *self,
                  GParamSpec     *pspec,
                  AdwComboRow    *row)
{
  /* Signals may run while the template is still being built. */
  if (self->model == NULL)
    return;

  if (!self->loading && (row == self->residual_likelihood_row || row == self->residual_impact_row))
    self->residual_touched = TRUE;

  changed_cb (self);
  update_rows (self);
}

static void
residual_enabled_cb (CfThreatEditor *self)
{
  if (self->model == NULL)
    return;

  /* Mitigation starts from the inherent risk: offer that until the user
   * says otherwise. */
  if (adw_expander_row_get_enable_expansion (self->residual_row) && !self->residual_touched)
    {
      gboolean loading = self->loading;

      self->loading = TRUE;
      set_level (self->residual_likelihood_row, get_level (self->likelihood_row));
      set_level (self->residual_impact_row, get_level (self->impact_row));
      self->loading = loading;
      update_rows (self);
    }

  changed_cb (self);
}

static void
treatment_changed_cb (CfThreatEditor *self)
{
  gboolean accept = g_strcmp0 (selected_treatment (self), "accept") == 0;

  if (self->model == NULL)
    return;

  gtk_widget_set_visible (GTK_WIDGET (self->accepted_by_row), accept);

  /* Whoever records the acceptance is the likeliest to have made it. */
  if (accept && *gtk_editable_get_text (GTK_EDITABLE (self->accepted_by_row)) == '\0')
    gtk_editable_set_text (GTK_EDITABLE (self->accepted_by_row),
                           cf_store_get_actor (cf_context_get_store (self->context)) ?: "");

  changed_cb (self);
}

static void
use_asset_action_cb (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  CfThreatEditor *self = CF_THREAT_EDITOR (widget);

  gtk_editable_set_text (GTK_EDITABLE (self->asset_row), g_variant_get_string (parameter, NULL));
}

static void
save_action_cb (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  cf_threat_editor_save (CF_THREAT_EDITOR (widget));
}

static void
cancel_clicked_cb (CfThreatEditor *self)
{
  gtk_window_close (GTK_WINDOW (self));
}

static void
save_clicked_cb (CfThreatEditor *self)
{
  cf_threat_editor_save (self);
}

static void
discard_cb (GtkWindow *window)
{
  CF_THREAT_EDITOR (window)->closing = TRUE;
  gtk_window_close (window);
}

/* Closing with unsaved changes asks first: typed work is never lost silently. */
static gboolean
cf_threat_editor_close_request (GtkWindow *window)
{
  CfThreatEditor *self = CF_THREAT_EDITOR (window);

  if (self->closing || !self->dirty)
    return GTK_WINDOW_CLASS (cf_threat_editor_parent_class)->close_request (window);

  cf_discard_dialog_present (window, G_CALLBACK (discard_cb));
  return TRUE;
}

static void
cf_threat_editor_dispose (GObject *object)
{
  CfThreatEditor *self = CF_THREAT_EDITOR (object);

  g_clear_object (&self->context);
  g_clear_object (&self->threat);

  G_OBJECT_CLASS (cf_threat_editor_parent_class)->dispose (object);
}

static void
cf_threat_editor_finalize (GObject *object)
{
  CfThreatEditor *self = CF_THREAT_EDITOR (object);

  g_clear_pointer (&self->model, cf_risk_model_free);

  G_OBJECT_CLASS (cf_threat_editor_parent_class)->finalize (object);
}

static void
cf_threat_editor_class_init (CfThreatEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = cf_threat_editor_dispose;
  object_class->finalize = cf_threat_editor_finalize;
  window_class->close_request = cf_threat_editor_close_request;

  /**
   * CfThreatEditor::saved:
   * @number: the threat's number in the register
   *
   * Emitted once the threat is stored, just before the editor closes.
   */
  signals [SIGNAL_SAVED] =
    g_signal_new ("saved",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_INT);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/cf-threat-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, CfThreatEditor, window_title);
  gtk_widget_class_bind_template_child (widget_class, CfThreatEditor, save_button);
  gtk_widget_class_bind_template_child (widget_class, CfThreatEditor, error_label);
  gtk_widget_class_bind_template_child (widget_class, CfThreatEditor, asset_row);
  gtk_widget_class_bind_template_child (widget_class, CfThreatEditor, asset_button);
  gtk_widget_class_bind_template_child (widget_class, CfThreatEditor, title_row);
  gtk_widget_class_bind_template_child (widget_class, CfThreatEditor, description_row);
  gtk_widget_class_bind_template_child (widget_class, CfThreatEditor, stride_row);
  gtk_widget_class_bind_template_child (widget_class, CfThreatEditor, likelihood_row);
  gtk_widget_class_bind_template_child (widget_class, CfThreatEditor, impact_row);
  gtk_widget_class_bind_template_child (widget_class, CfThreatEditor, inherent_label);
  gtk_widget_class_bind_template_child (widget_class, CfThreatEditor, mitigations_row);
  gtk_widget_class_bind_template_child (widget_class, CfThreatEditor, residual_row);
  gtk_widget_class_bind_template_child (widget_class, CfThreatEditor, residual_likelihood_row);
  gtk_widget_class_bind_template_child (widget_class, CfThreatEditor, residual_impact_row);
  gtk_widget_class_bind_template_child (widget_class, CfThreatEditor, residual_label);
  gtk_widget_class_bind_template_child (widget_class, CfThreatEditor, treatment_row);
  gtk_widget_class_bind_template_child (widget_class, CfThreatEditor, reason_row);
  gtk_widget_class_bind_template_child (widget_class, CfThreatEditor, accepted_by_row);
  gtk_widget_class_bind_template_callback (widget_class, changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, entry_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, level_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, residual_enabled_cb);
  gtk_widget_class_bind_template_callback (widget_class, treatment_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, cancel_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, save_clicked_cb);

  gtk_widget_class_install_action (widget_class, "editor.save", NULL, save_action_cb);
  gtk_widget_class_install_action (widget_class, "editor.use-asset", "s", use_asset_action_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "editor.save", NULL);

  g_type_ensure (CF_TYPE_TEXT_ROW);
}

static void
cf_threat_editor_init (CfThreatEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * cf_threat_editor_new:
 * @parent: the window the editor belongs to
 * @threat: (nullable): the threat to edit, or %NULL for a new one; it is
 *   never changed, the store is
 *
 * Returns: (transfer none): the editor, not yet presented; it destroys
 *   itself when closed
 */
CfThreatEditor *
cf_threat_editor_new (GtkWindow *parent,
                      CfContext *context,
                      gint64     product_id,
                      CfThreat  *threat)
{
  CfThreatEditor *self;
  g_autoptr(GtkStringList) treatment_labels = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) stride_labels = gtk_string_list_new (NULL);
  g_autoptr(GListModel) likelihoods = NULL;
  g_autoptr(GListModel) impacts = NULL;
  g_autoptr(GListModel) residual_likelihoods = NULL;
  g_autoptr(GListModel) residual_impacts = NULL;
  g_autofree char *label = NULL;
  GPtrArray *categories;

  g_return_val_if_fail (CF_IS_CONTEXT (context), NULL);
  g_return_val_if_fail (threat == NULL || CF_IS_THREAT (threat), NULL);

  self = g_object_new (CF_TYPE_THREAT_EDITOR,
                       "transient-for", parent,
                       NULL);
  self->context = g_object_ref (context);
  self->product_id = product_id;
  self->is_new = threat == NULL;
  self->threat = threat ? cf_threat_copy (threat) : cf_threat_new ();

  self->loading = TRUE;
  self->model = cf_risk_model_new (cf_context_get_catalogue (context));

  categories = cf_risk_model_get_stride (self->model);
  for (guint i = 0; i < categories->len; i++)
    gtk_string_list_append (stride_labels, cf_catalogue_item_get_display_label (g_ptr_array_index (categories, i)));
  adw_combo_row_set_model (self->stride_row, G_LIST_MODEL (stride_labels));

  likelihoods = level_model (self->model, "likelihood");
  impacts = level_model (self->model, "impact");
  residual_likelihoods = level_model (self->model, "likelihood");
  residual_impacts = level_model (self->model, "impact");
  adw_combo_row_set_model (self->likelihood_row, likelihoods);
  adw_combo_row_set_model (self->impact_row, impacts);
  adw_combo_row_set_model (self->residual_likelihood_row, residual_likelihoods);
  adw_combo_row_set_model (self->residual_impact_row, residual_impacts);

  gtk_string_list_append (treatment_labels, _("Not decided"));
  for (guint i = 1; i < G_N_ELEMENTS (treatments); i++)
    gtk_string_list_append (treatment_labels, cf_treatment_get_label (treatments[i]));
  adw_combo_row_set_model (self->treatment_row, G_LIST_MODEL (treatment_labels));

  label = cf_threat_dup_label (self->threat);
  gtk_window_set_title (GTK_WINDOW (self), self->is_new ? _("New Threat") : _("Edit Threat"));
  adw_window_title_set_title (self->window_title, self->is_new ? _("New Threat") : _("Edit Threat"));
  adw_window_title_set_subtitle (self->window_title, label);
  gtk_button_set_label (self->save_button, self->is_new ? _("_Add") : _("_Save"));

  fill_assets (self);
  fill_form (self);

  /* Typing starts with what is threatened. */
  gtk_window_set_focus (GTK_WINDOW (self), GTK_WIDGET (self->is_new ? self->asset_row : self->title_row));

  return self;
}

GtkWidget *
cf_threat_editor_get_save_button (CfThreatEditor *self)
{
  g_return_val_if_fail (CF_IS_THREAT_EDITOR (self), NULL);
  return GTK_WIDGET (self->save_button);
}

/**
 * cf_threat_editor_get_error:
 *
 * Returns: (nullable): why the last save was refused, as the form shows it
 */
const char *
cf_threat_editor_get_error (CfThreatEditor *self)
{
  g_return_val_if_fail (CF_IS_THREAT_EDITOR (self), NULL);

  if (!gtk_widget_get_visible (GTK_WIDGET (self->error_label)))
    return NULL;
  return gtk_label_get_text (self->error_label);
}

/**
 * cf_threat_editor_save:
 *
 * Checks the form and stores the threat, then closes the editor. When the
 * threat is refused the editor stays open, says why, and keeps everything
 * that was entered.
 *
 * Returns: whether the threat was stored
 */
gboolean
cf_threat_editor_save (CfThreatEditor *self)
{
  CfStore *store;
  g_autoptr(GError) error = NULL;
  g_autoptr(CfThreat) threat = NULL;
  gint number;

  g_return_val_if_fail (CF_IS_THREAT_EDITOR (self), FALSE);

  store = cf_context_get_store (self->context);

  /* A copy goes to the store, so a refusal leaves the form as it was. */
  threat = cf_threat_copy (self->threat);
  read_form (self, threat);
  cf_threat_normalize (threat);

  if (!cf_threat_validate (threat, self->model, &error))
    {
      show_error (self, error->message, find_missing (self, threat));
      return FALSE;
    }

  /* An existing threat: only what the form changed, on the threat as
   * stored now, so another program's change meanwhile is kept. */
  if (self->is_new)
    number = cf_store_add_threat (store, self->product_id, threat, &error);
  else if (cf_store_edit_threat (store, self->product_id, cf_threat_get_number (self->threat),
                                 edit_threat_cb, &(ThreatEdit) { self, threat }, &error))
    number = cf_threat_get_number (self->threat);
  else
    number = 0;

  if (number == 0)
    {
      show_error (self, error->message, NULL);
      return FALSE;
    }

  show_error (self, NULL, NULL);
  self->closing = TRUE;
  g_signal_emit (self, signals [SIGNAL_SAVED], 0, number);
  gtk_window_close (GTK_WINDOW (self));

  return TRUE;
}

/**
 * cf_threat_editor_get_dirty:
 *
 * Returns: whether the form holds changes that were not saved
 */
gboolean
cf_threat_editor_get_dirty (CfThreatEditor *self)
{
  g_return_val_if_fail (CF_IS_THREAT_EDITOR (self), FALSE);
  return self->dirty && !self->closing;
}
