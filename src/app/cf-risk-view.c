/* cf-risk-view.c
 *
 * Copyright 2026 The Conformity Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cf-risk-view"

#include "config.h"

#include <glib/gi18n.h>

#include "cf-error.h"
#include "cf-evidence-list.h"
#include "cf-risk-view.h"
#include "cf-text-row.h"
#include "cf-threat-editor.h"

/* As for the requirements: saved after a pause in typing. */
#define CONTEXT_SAVE_DELAY_MS 600

/* While another program holds the database, the store refuses the window's
 * writes: the context is kept and saving is tried again this much later. */
#define BUSY_RETRY_MS 1000

struct _CfRiskView
{
  AdwBin               parent_instance;

  /* Template widgets */
  AdwPreferencesGroup *context_group;
  AdwPreferencesGroup *register_group;
  GtkStack            *register_stack;
  GtkColumnView       *column_view;
  GtkColumnViewColumn *number_column;
  GtkColumnViewColumn *stride_column;
  GtkColumnViewColumn *treatment_column;

  CfContext           *context;
  CfRiskModel         *model;
  CfEvidenceList      *evidence_list;  /* the selected threat's */
  gint64               product_id;
  GListStore          *threats;      /* of CfThreat, in the store's order */
  GtkSingleSelection  *selection;    /* over the threats as the columns sort them */
  GPtrArray           *context_rows; /* one CfTextRow per context field */
  GHashTable          *context_edited; /* the fields typed in, not yet saved */
  GPtrArray           *context_unsaved; /* of Unsaved, refused while it was busy */
  guint                context_save_source;
  gboolean             context_loading;  /* filling the rows: not a user change */
  gboolean             context_stale;    /* loaded while unmapped: fill on map */
  gboolean             saving;           /* the store's "changed" is our own save */
  gboolean             context_busy_told; /* the user knows saving waits */
};

G_DEFINE_FINAL_TYPE (CfRiskView, cf_risk_view, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_CONTEXT,
  PROP_PRODUCT_ID,
  N_PROPS
};

enum {
  SIGNAL_ADD_TOAST,
  N_SIGNALS
};

static GParamSpec *properties [N_PROPS];
static guint signals [N_SIGNALS];

/* How a threat is treated, in the order the editor offers them. */
static const char * const treatments[] = { "mitigate", "accept", "transfer", "avoid" };

static const char * const band_classes[] = { "band-low", "band-medium", "band-high", "band-critical" };

static void
toast (CfRiskView *self,
       const char *title)
{
  AdwToast *t = adw_toast_new (title);

  adw_toast_set_timeout (t, 6);
  g_signal_emit (self, signals [SIGNAL_ADD_TOAST], 0, t);
}

static GtkWindow *
get_window (CfRiskView *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

static CfThreat *
get_selected_threat (CfRiskView *self)
{
  /* The selection goes in dispose, while the column view may still report. */
  if (self->selection == NULL)
    return NULL;

  return gtk_single_selection_get_selected_item (self->selection);
}

static void
update_actions (CfRiskView *self)
{
  gboolean selected = get_selected_threat (self) != NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "risks.add", self->product_id != 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "risks.edit", selected);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "risks.remove", selected);
}

/* Context: the four texts of Article 13(3), edited in place */

/* Texts typed for a product's context and not stored yet: kept apart from
 * the rows, which may show another product by the time the database is
 * free again. */
typedef struct
{
  gint64      product_id;
  GHashTable *texts;   /* field name → text */
} Unsaved;

static void
unsaved_free (gpointer data)
{
  Unsaved *u = data;

  g_hash_table_unref (u->texts);
  g_free (u);
}

static Unsaved *
find_unsaved (CfRiskView *self,
              gint64      product_id)
{
  for (guint i = 0; i < self->context_unsaved->len; i++)
    {
      Unsaved *u = g_ptr_array_index (self->context_unsaved, i);

      if (u->product_id == product_id)
        return u;
    }

  return NULL;
}

static gboolean save_context (CfRiskView *self);

static gboolean
context_save_timeout_cb (gpointer user_data)
{
  CfRiskView *self = user_data;

  self->context_save_source = 0;
  save_context (self);
  return G_SOURCE_REMOVE;
}

static void
context_changed_cb (CfRiskView *self,
                    CfTextRow  *row)
{
  if (self->context_loading || self->product_id == 0)
    return;

  g_hash_table_add (self->context_edited, g_object_get_data (G_OBJECT (row), "cf-field"));
  g_clear_handle_id (&self->context_save_source, g_source_remove);
  self->context_save_source = g_timeout_add (CONTEXT_SAVE_DELAY_MS, context_save_timeout_cb, self);
}

static void
build_context_rows (CfRiskView *self)
{
  g_autoptr(CfAssessmentContext) context = cf_assessment_context_new ();
  guint n_specs;
  const CfFieldSpec *specs = cf_record_get_specs (CF_RECORD (context), &n_specs);

  for (guint i = 0; i < n_specs; i++)
    {
      GtkWidget *row = cf_text_row_new (_(specs[i].label));

      gtk_widget_set_name (row, specs[i].name);
      g_object_set_data (G_OBJECT (row), "cf-field", (gpointer) specs[i].name);
      g_signal_connect_object (row, "changed", G_CALLBACK (context_changed_cb), self, G_CONNECT_SWAPPED);

      adw_preferences_group_add (self->context_group, row);
      g_ptr_array_add (self->context_rows, row);
    }
}

static void
show_context (CfRiskView          *self,
              CfAssessmentContext *context)
{
  /* Typing in progress wins over what the store says; what waits for
   * another product does not. */
  if (self->context_save_source != 0 &&
      (g_hash_table_size (self->context_edited) > 0 ||
       find_unsaved (self, self->product_id) != NULL))
    return;

  /* A wrapping text view filled while its page is hidden keeps the height
   * of a one-character-wide column: fill it once it is shown. */
  if (!gtk_widget_get_mapped (GTK_WIDGET (self)))
    {
      self->context_stale = TRUE;
      return;
    }
  self->context_stale = FALSE;

  /* The rows show the store from here on: nothing in them is the user's. */
  g_hash_table_remove_all (self->context_edited);
  self->context_loading = TRUE;
  for (guint i = 0; i < self->context_rows->len; i++)
    {
      CfTextRow *row = g_ptr_array_index (self->context_rows, i);
      const char *name = g_object_get_data (G_OBJECT (row), "cf-field");
      const char *value = context ? cf_record_get_field (CF_RECORD (context), name) : NULL;
      g_autofree char *current = cf_text_row_dup_text (row);

      if (g_strcmp0 (current ?: "", value ?: "") != 0)
        cf_text_row_set_text (row, value);
    }
  self->context_loading = FALSE;
}

/* Sets on the context as stored now only the texts typed in, so another
 * program's change to another one is kept. */
static gboolean
apply_typed_cb (CfRecord  *record,
                gpointer   user_data,
                GError   **error)
{
  Unsaved *u = user_data;
  GHashTableIter iter;
  gpointer name, text;

  g_hash_table_iter_init (&iter, u->texts);
  while (g_hash_table_iter_next (&iter, &name, &text))
    cf_record_set_field (record, name, text);

  return TRUE;
}

/* The texts typed since the last save, moved from the rows to what waits
 * for the product shown; the newest text of a field wins. */
static void
keep_typed (CfRiskView *self)
{
  Unsaved *u;

  if (self->product_id == 0 || g_hash_table_size (self->context_edited) == 0)
    return;

  u = find_unsaved (self, self->product_id);
  if (u == NULL)
    {
      u = g_new0 (Unsaved, 1);
      u->product_id = self->product_id;
      u->texts = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
      g_ptr_array_add (self->context_unsaved, u);
    }

  for (guint i = 0; i < self->context_rows->len; i++)
    {
      CfTextRow *row = g_ptr_array_index (self->context_rows, i);
      const char *name = g_object_get_data (G_OBJECT (row), "cf-field");

      if (g_hash_table_contains (self->context_edited, name))
        g_hash_table_insert (u->texts, (gpointer) name, cf_text_row_dup_text (row));
    }
  g_hash_table_remove_all (self->context_edited);
}

static gboolean
save_context (CfRiskView *self)
{
  g_autoptr(GError) error = NULL;

  g_clear_handle_id (&self->context_save_source, g_source_remove);
  keep_typed (self);

  while (self->context_unsaved->len > 0)
    {
      Unsaved *u = g_ptr_array_index (self->context_unsaved, 0);
      gboolean saved;

      self->saving = TRUE;
      saved = cf_store_edit_assessment_context (cf_context_get_store (self->context), u->product_id,
                                                apply_typed_cb, u, &error);
      self->saving = FALSE;
      if (!saved)
        break;
      g_ptr_array_remove_index (self->context_unsaved, 0);
    }

  /* Busy: kept, and tried again shortly; said once, not at every try. */
  if (g_error_matches (error, CF_ERROR, CF_ERROR_BUSY))
    {
      if (!self->context_busy_told)
        toast (self, _("The project database is busy in another program; the context is saved as soon "
                       "as it is free."));
      self->context_busy_told = TRUE;
      self->context_save_source = g_timeout_add (BUSY_RETRY_MS, context_save_timeout_cb, self);
      return FALSE;
    }
  self->context_busy_told = FALSE;

  if (error == NULL)
    return TRUE;

  /* Refused (too long, say): the text stays where it was typed, and is
   * saved again with the next change. */
  for (guint i = 0; i < self->context_unsaved->len; i++)
    {
      Unsaved *u = g_ptr_array_index (self->context_unsaved, i);
      GHashTableIter iter;
      gpointer name;

      if (u->product_id != self->product_id)
        continue;
      g_hash_table_iter_init (&iter, u->texts);
      while (g_hash_table_iter_next (&iter, &name, NULL))
        g_hash_table_add (self->context_edited, name);
    }
  g_ptr_array_set_size (self->context_unsaved, 0);
  toast (self, error->message);

  return FALSE;
}

/**
 * cf_risk_view_flush:
 *
 * Saves what was typed in the context and is still waiting for a pause.
 *
 * Returns: %FALSE when it could not be saved (a toast says why)
 */
gboolean
cf_risk_view_flush (CfRiskView *self)
{
  g_return_val_if_fail (CF_IS_RISK_VIEW (self), FALSE);

  if (self->context_save_source == 0)
    return TRUE;

  return save_context (self);
}

/**
 * cf_risk_view_focus_context:
 *
 * Puts the cursor in the first context text still empty, or the first.
 */
void
cf_risk_view_focus_context (CfRiskView *self)
{
  GtkWidget *target = NULL;

  g_return_if_fail (CF_IS_RISK_VIEW (self));

  for (guint i = 0; i < self->context_rows->len && target == NULL; i++)
    {
      CfTextRow *row = g_ptr_array_index (self->context_rows, i);
      g_autofree char *text = cf_text_row_dup_text (row);

      if (text == NULL || *g_strstrip (text) == '\0')
        target = GTK_WIDGET (row);
    }
  if (target == NULL && self->context_rows->len > 0)
    target = g_ptr_array_index (self->context_rows, 0);

  if (target != NULL)
    gtk_widget_child_focus (target, GTK_DIR_TAB_FORWARD);
}

/* Loading */

static void
reload (CfRiskView *self)
{
  CfStore *store = cf_context_get_store (self->context);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) threats = NULL;
  g_autoptr(CfAssessmentContext) context = NULL;
  gint selected = cf_risk_view_get_selected (self);

  if (self->product_id != 0)
    {
      threats = cf_store_list_threats (store, self->product_id, &error);
      if (threats == NULL)
        {
          toast (self, error->message);
          g_clear_error (&error);
        }

      context = cf_store_get_assessment_context (store, self->product_id, &error);
      if (context == NULL)
        toast (self, error->message);
    }

  g_list_store_splice (self->threats, 0, g_list_model_get_n_items (G_LIST_MODEL (self->threats)),
                       threats ? threats->pdata : NULL, threats ? threats->len : 0);
  gtk_stack_set_visible_child_name (self->register_stack,
                                    threats && threats->len > 0 ? "register" : "empty");
  show_context (self, context);

  /* The row the user was on stays selected across a change. */
  if (selected != 0)
    cf_risk_view_select_threat (self, selected);
  update_actions (self);
}

/* Cells */

static void
set_band (CfRiskView *self,
          GtkLabel   *label,
          int         likelihood,
          int         impact)
{
  const CfChartBand *band = cf_risk_model_band_for (self->model, likelihood, impact);
  g_autofree char *text = NULL;
  g_autofree char *css_class = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (band_classes); i++)
    gtk_widget_remove_css_class (GTK_WIDGET (label), band_classes[i]);

  /* Translators: the risk score and its band, e.g. "20 · Critical". */
  text = g_strdup_printf (_("%d · %s"), likelihood * impact, band ? cf_catalogue_display_string (band->label) : "");
  gtk_label_set_text (label, text);
  {
    /* Translators: how the score is made, e.g. "Likelihood 4 × impact 5 = 20". */
    g_autofree char *formula = g_strdup_printf (_("Likelihood %d × impact %d = %d"),
                                                likelihood, impact, likelihood * impact);

    gtk_widget_set_tooltip_text (GTK_WIDGET (label), formula);
  }

  if (band == NULL)
    return;
  css_class = g_strdup_printf ("band-%s", band->id);
  gtk_widget_add_css_class (GTK_WIDGET (label), css_class);
}

static void
setup_text_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               CfRiskView               *self)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_list_item_set_child (item, label);
}

static void
setup_band_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               CfRiskView               *self)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_widget_set_halign (label, GTK_ALIGN_START);
  gtk_widget_add_css_class (label, "band");
  gtk_list_item_set_child (item, label);
}

static void
bind_number_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *item,
                CfRiskView               *self)
{
  g_autofree char *label = cf_threat_dup_label (gtk_list_item_get_item (item));

  gtk_label_set_text (GTK_LABEL (gtk_list_item_get_child (item)), label);
}

static void
bind_asset_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               CfRiskView               *self)
{
  CfThreat *threat = gtk_list_item_get_item (item);
  GtkWidget *label = gtk_list_item_get_child (item);

  gtk_label_set_text (GTK_LABEL (label), cf_threat_get_asset (threat));
  gtk_widget_set_tooltip_text (label, cf_threat_get_asset (threat));
}

static void
bind_title_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               CfRiskView               *self)
{
  CfThreat *threat = gtk_list_item_get_item (item);
  GtkWidget *label = gtk_list_item_get_child (item);
  const char *description = cf_threat_get_description (threat);
  g_autofree char *tooltip = NULL;

  /* The column is narrow for a description: the tooltip holds it. */
  if (description != NULL)
    tooltip = g_strdup_printf ("%s\n\n%s", cf_threat_get_title (threat), description);
  gtk_label_set_text (GTK_LABEL (label), cf_threat_get_title (threat));
  gtk_widget_set_tooltip_text (label, tooltip ? tooltip : cf_threat_get_title (threat));
}

static void
bind_stride_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *item,
                CfRiskView               *self)
{
  const char *stride = cf_threat_get_stride (gtk_list_item_get_item (item));
  const char *label = cf_risk_model_stride_label (self->model, stride);

  gtk_label_set_text (GTK_LABEL (gtk_list_item_get_child (item)), label ? cf_catalogue_display_string (label) : stride);
}

static void
bind_inherent_cb (GtkSignalListItemFactory *factory,
                  GtkListItem              *item,
                  CfRiskView               *self)
{
  CfThreat *threat = gtk_list_item_get_item (item);
  GtkLabel *label = GTK_LABEL (gtk_list_item_get_child (item));

  set_band (self, label, cf_threat_get_likelihood (threat), cf_threat_get_impact (threat));
}

static void
bind_residual_cb (GtkSignalListItemFactory *factory,
                  GtkListItem              *item,
                  CfRiskView               *self)
{
  CfThreat *threat = gtk_list_item_get_item (item);
  GtkLabel *label = GTK_LABEL (gtk_list_item_get_child (item));

  if (cf_threat_has_residual (threat))
    {
      set_band (self, label,
                cf_threat_get_residual_likelihood (threat), cf_threat_get_residual_impact (threat));
      gtk_widget_set_tooltip_text (GTK_WIDGET (label), NULL);
      return;
    }

  for (guint i = 0; i < G_N_ELEMENTS (band_classes); i++)
    gtk_widget_remove_css_class (GTK_WIDGET (label), band_classes[i]);
  gtk_label_set_text (label, "—");
  /* Until it is assessed, the residual risk counts as the inherent one. */
  gtk_widget_set_tooltip_text (GTK_WIDGET (label), _("Not assessed yet: it counts as the inherent risk"));
}

static void
bind_treatment_cb (GtkSignalListItemFactory *factory,
                   GtkListItem              *item,
                   CfRiskView               *self)
{
  const char *treatment = cf_threat_get_treatment (gtk_list_item_get_item (item));
  GtkWidget *label = gtk_list_item_get_child (item);

  gtk_label_set_text (GTK_LABEL (label), treatment ? cf_treatment_get_label (treatment) : _("Not decided"));
  if (treatment != NULL)
    gtk_widget_remove_css_class (label, "dim-label");
  else
    gtk_widget_add_css_class (label, "dim-label");
}

/* Sorting: the STRIDE categories and the treatments in their own order,
 * not alphabetically, so that sorting groups them as the method lists them. */

static int
stride_index (CfRiskView *self,
              CfThreat   *threat)
{
  GPtrArray *categories = cf_risk_model_get_stride (self->model);

  for (guint i = 0; i < categories->len; i++)
    if (g_strcmp0 (cf_catalogue_item_get_attribute (g_ptr_array_index (categories, i), "stride"),
                   cf_threat_get_stride (threat)) == 0)
      return i;

  return categories->len;
}

static int
compare_stride_cb (gconstpointer a,
                   gconstpointer b,
                   gpointer      user_data)
{
  CfRiskView *self = user_data;

  return stride_index (self, CF_THREAT ((gpointer) a)) - stride_index (self, CF_THREAT ((gpointer) b));
}

static int
treatment_index (CfThreat *threat)
{
  const char *treatment = cf_threat_get_treatment (threat);

  /* Not decided first: what still needs a decision. */
  if (treatment == NULL)
    return 0;
  for (guint i = 0; i < G_N_ELEMENTS (treatments); i++)
    if (g_str_equal (treatments[i], treatment))
      return i + 1;

  return G_N_ELEMENTS (treatments) + 1;
}

static int
compare_treatment_cb (gconstpointer a,
                      gconstpointer b,
                      gpointer      user_data)
{
  return treatment_index (CF_THREAT ((gpointer) a)) - treatment_index (CF_THREAT ((gpointer) b));
}

/* Editing */

static void
threat_saved_cb (CfRiskView     *self,
                 gint            number,
                 CfThreatEditor *editor)
{
  cf_risk_view_select_threat (self, number);
}

static void
open_editor (CfRiskView *self,
             CfThreat   *threat)
{
  CfThreatEditor *editor;

  if (self->product_id == 0)
    return;

  editor = cf_threat_editor_new (get_window (self), self->context, self->product_id, threat);
  g_signal_connect_object (editor, "saved", G_CALLBACK (threat_saved_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (editor));
}

static void
row_activated_cb (CfRiskView    *self,
                  guint          position,
                  GtkColumnView *column_view)
{
  g_autoptr(CfThreat) threat = g_list_model_get_item (G_LIST_MODEL (self->selection), position);

  if (threat != NULL)
    open_editor (self, threat);
}

/* The evidence of the selected threat, under the register. */
static void
show_threat_evidence (CfRiskView *self)
{
  CfThreat *threat = get_selected_threat (self);
  g_autofree char *label = NULL;
  g_autofree char *title = NULL;

  if (self->evidence_list == NULL)
    return;

  gtk_widget_set_visible (GTK_WIDGET (self->evidence_list), threat != NULL);
  cf_evidence_list_set_threat (self->evidence_list, threat ? cf_threat_get_number (threat) : 0);
  if (threat == NULL)
    return;

  label = cf_threat_dup_label (threat);
  /* Translators: a threat's label, e.g. "Evidence for T3" */
  title = g_strdup_printf (_("Evidence for %s"), label);
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (self->evidence_list), title);
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (self->evidence_list), cf_threat_get_title (threat));
}

static void
selection_changed_cb (CfRiskView *self)
{
  update_actions (self);
  show_threat_evidence (self);
}

static void
add_toast_cb (CfRiskView *self,
              AdwToast   *t)
{
  g_signal_emit (self, signals [SIGNAL_ADD_TOAST], 0, t);
}

static void
add_action_cb (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  cf_risk_view_add_threat (CF_RISK_VIEW (widget));
}

static void
edit_action_cb (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  CfRiskView *self = CF_RISK_VIEW (widget);
  CfThreat *threat = get_selected_threat (self);

  if (threat != NULL)
    open_editor (self, threat);
}

/* What the question needs once the register may have moved on. */
typedef struct
{
  CfRiskView *self;
  gint64      product_id;
  gint        number;
  gboolean    answered;
} Removal;

static void
removal_free (gpointer  user_data,
              GClosure *closure)
{
  Removal *removal = user_data;

  g_object_unref (removal->self);
  g_free (removal);
}

static void
remove_response_cb (AdwMessageDialog *dialog,
                    const char       *response,
                    Removal          *removal)
{
  g_autoptr(GError) error = NULL;

  /* The dialog may report its close as a second response: act once. */
  if (removal->answered)
    return;
  removal->answered = TRUE;

  if (g_strcmp0 (response, "remove") != 0)
    return;

  if (!cf_store_remove_threat (cf_context_get_store (removal->self->context), removal->product_id,
                               removal->number, &error))
    toast (removal->self, error->message);
}

static void
remove_action_cb (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  CfRiskView *self = CF_RISK_VIEW (widget);
  CfThreat *threat = get_selected_threat (self);
  g_autofree char *label = NULL;
  g_autofree char *heading = NULL;
  g_autofree char *body = NULL;
  AdwMessageDialog *dialog;
  Removal *removal;

  if (threat == NULL)
    return;

  label = cf_threat_dup_label (threat);
  /* Translators: the threat's label, e.g. "Remove T3?" */
  heading = g_strdup_printf (_("Remove %s?"), label);
  /* Translators: the threat's title */
  body = g_strdup_printf (_("“%s” will be taken out of the risk register, and no requirement will "
                            "list it any more. Its number is not reused, and the audit log keeps "
                            "what it said."),
                          cf_threat_get_title (threat));

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (get_window (self), heading, body));
  adw_message_dialog_add_responses (dialog,
                                    "cancel", _("_Cancel"),
                                    "remove", _("_Remove"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "remove", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (dialog, "cancel");
  adw_message_dialog_set_close_response (dialog, "cancel");

  removal = g_new0 (Removal, 1);
  removal->self = g_object_ref (self);
  removal->product_id = self->product_id;
  removal->number = cf_threat_get_number (threat);
  g_signal_connect_data (dialog, "response", G_CALLBACK (remove_response_cb), removal, removal_free, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* GObject */

static void
store_changed_cb (CfRiskView *self,
                  gint64      id,
                  CfStore    *store)
{
  if (id == self->product_id && self->product_id != 0 && !self->saving)
    reload (self);
}

static void
cf_risk_view_map (GtkWidget *widget)
{
  CfRiskView *self = CF_RISK_VIEW (widget);

  GTK_WIDGET_CLASS (cf_risk_view_parent_class)->map (widget);

  if (self->context_stale && self->product_id != 0)
    {
      g_autoptr(CfAssessmentContext) context =
        cf_store_get_assessment_context (cf_context_get_store (self->context), self->product_id, NULL);

      show_context (self, context);
    }
}

static void
cf_risk_view_constructed (GObject *object)
{
  CfRiskView *self = CF_RISK_VIEW (object);

  G_OBJECT_CLASS (cf_risk_view_parent_class)->constructed (object);

  self->model = cf_risk_model_new (cf_context_get_catalogue (self->context));
  g_signal_connect_object (cf_context_get_store (self->context), "changed",
                           G_CALLBACK (store_changed_cb), self, G_CONNECT_SWAPPED);

  self->evidence_list = CF_EVIDENCE_LIST (cf_evidence_list_new (self->context));
  gtk_widget_set_name (GTK_WIDGET (self->evidence_list), "threat-evidence");
  gtk_box_insert_child_after (GTK_BOX (gtk_widget_get_parent (GTK_WIDGET (self->register_group))),
                              GTK_WIDGET (self->evidence_list), GTK_WIDGET (self->register_group));
  g_signal_connect_object (self->evidence_list, "add-toast", G_CALLBACK (add_toast_cb), self, G_CONNECT_SWAPPED);

  reload (self);
  show_threat_evidence (self);
}

static void
cf_risk_view_dispose (GObject *object)
{
  CfRiskView *self = CF_RISK_VIEW (object);

  /* Closing the window right after typing keeps what was typed. */
  if (self->context != NULL)
    cf_risk_view_flush (self);
  g_clear_handle_id (&self->context_save_source, g_source_remove);

  g_clear_object (&self->context);
  g_clear_object (&self->threats);
  g_clear_object (&self->selection);

  G_OBJECT_CLASS (cf_risk_view_parent_class)->dispose (object);
}

static void
cf_risk_view_finalize (GObject *object)
{
  CfRiskView *self = CF_RISK_VIEW (object);

  g_clear_pointer (&self->context_rows, g_ptr_array_unref);
  g_clear_pointer (&self->context_edited, g_hash_table_unref);
  g_clear_pointer (&self->context_unsaved, g_ptr_array_unref);
  g_clear_pointer (&self->model, cf_risk_model_free);

  G_OBJECT_CLASS (cf_risk_view_parent_class)->finalize (object);
}

static void
cf_risk_view_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  CfRiskView *self = CF_RISK_VIEW (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      g_value_set_object (value, self->context);
      break;

    case PROP_PRODUCT_ID:
      g_value_set_int64 (value, self->product_id);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cf_risk_view_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  CfRiskView *self = CF_RISK_VIEW (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      self->context = g_value_dup_object (value);
      break;

    case PROP_PRODUCT_ID:
      cf_risk_view_set_product_id (self, g_value_get_int64 (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cf_risk_view_class_init (CfRiskViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = cf_risk_view_constructed;
  object_class->dispose = cf_risk_view_dispose;
  object_class->finalize = cf_risk_view_finalize;
  object_class->get_property = cf_risk_view_get_property;
  object_class->set_property = cf_risk_view_set_property;
  widget_class->map = cf_risk_view_map;

  properties [PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL,
                         CF_TYPE_CONTEXT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties [PROP_PRODUCT_ID] =
    g_param_spec_int64 ("product-id", NULL, NULL,
                        0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * CfRiskView::add-toast:
   * @toast: the toast to show
   *
   * The view reports failures through the window's toast overlay.
   */
  signals [SIGNAL_ADD_TOAST] =
    g_signal_new ("add-toast",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, ADW_TYPE_TOAST);

  gtk_widget_class_install_action (widget_class, "risks.add", NULL, add_action_cb);
  gtk_widget_class_install_action (widget_class, "risks.edit", NULL, edit_action_cb);
  gtk_widget_class_install_action (widget_class, "risks.remove", NULL, remove_action_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Delete, 0, "risks.remove", NULL);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/cf-risk-view.ui");
  gtk_widget_class_bind_template_child (widget_class, CfRiskView, context_group);
  gtk_widget_class_bind_template_child (widget_class, CfRiskView, register_group);
  gtk_widget_class_bind_template_child (widget_class, CfRiskView, register_stack);
  gtk_widget_class_bind_template_child (widget_class, CfRiskView, column_view);
  gtk_widget_class_bind_template_child (widget_class, CfRiskView, number_column);
  gtk_widget_class_bind_template_child (widget_class, CfRiskView, stride_column);
  gtk_widget_class_bind_template_child (widget_class, CfRiskView, treatment_column);
  gtk_widget_class_bind_template_callback (widget_class, row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, setup_text_cb);
  gtk_widget_class_bind_template_callback (widget_class, setup_band_cb);
  gtk_widget_class_bind_template_callback (widget_class, bind_number_cb);
  gtk_widget_class_bind_template_callback (widget_class, bind_asset_cb);
  gtk_widget_class_bind_template_callback (widget_class, bind_title_cb);
  gtk_widget_class_bind_template_callback (widget_class, bind_stride_cb);
  gtk_widget_class_bind_template_callback (widget_class, bind_inherent_cb);
  gtk_widget_class_bind_template_callback (widget_class, bind_residual_cb);
  gtk_widget_class_bind_template_callback (widget_class, bind_treatment_cb);

  /* The columns' sorters look up the threat's properties by type name. */
  g_type_ensure (CF_TYPE_THREAT);
}

static void
cf_risk_view_init (CfRiskView *self)
{
  GtkSortListModel *sorted;
  g_autoptr(GtkSorter) stride_sorter = NULL;
  g_autoptr(GtkSorter) treatment_sorter = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->context_rows = g_ptr_array_new ();
  self->context_edited = g_hash_table_new (g_str_hash, g_str_equal);
  self->context_unsaved = g_ptr_array_new_with_free_func (unsaved_free);
  build_context_rows (self);

  stride_sorter = GTK_SORTER (gtk_custom_sorter_new (compare_stride_cb, self, NULL));
  treatment_sorter = GTK_SORTER (gtk_custom_sorter_new (compare_treatment_cb, NULL, NULL));
  gtk_column_view_column_set_sorter (self->stride_column, stride_sorter);
  gtk_column_view_column_set_sorter (self->treatment_column, treatment_sorter);

  /* Store → sorted by the column headers → one selected row. */
  self->threats = g_list_store_new (CF_TYPE_THREAT);
  sorted = gtk_sort_list_model_new (g_object_ref (G_LIST_MODEL (self->threats)),
                                    g_object_ref (gtk_column_view_get_sorter (self->column_view)));
  self->selection = gtk_single_selection_new (G_LIST_MODEL (sorted));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (self->selection));
  g_signal_connect_object (self->selection, "notify::selected-item",
                           G_CALLBACK (selection_changed_cb), self, G_CONNECT_SWAPPED);

  /* In register order until the user picks a column. */
  gtk_column_view_sort_by_column (self->column_view, self->number_column, GTK_SORT_ASCENDING);

  update_actions (self);
}

GtkWidget *
cf_risk_view_new (CfContext *context)
{
  g_return_val_if_fail (CF_IS_CONTEXT (context), NULL);

  return g_object_new (CF_TYPE_RISK_VIEW, "context", context, NULL);
}

gint64
cf_risk_view_get_product_id (CfRiskView *self)
{
  g_return_val_if_fail (CF_IS_RISK_VIEW (self), 0);
  return self->product_id;
}

void
cf_risk_view_set_product_id (CfRiskView *self,
                             gint64      product_id)
{
  g_return_if_fail (CF_IS_RISK_VIEW (self));

  if (self->product_id == product_id)
    return;

  /* Another product's selection means nothing here. */
  cf_risk_view_flush (self);
  self->product_id = product_id;
  gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
  if (self->evidence_list != NULL)
    cf_evidence_list_set_product_id (self->evidence_list, product_id);
  if (self->context != NULL)
    reload (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_PRODUCT_ID]);
}

/**
 * cf_risk_view_get_threats:
 *
 * Returns: (transfer none): the threats as the register shows them, sorted
 *   by the columns; the column view's selection model
 */
GListModel *
cf_risk_view_get_threats (CfRiskView *self)
{
  g_return_val_if_fail (CF_IS_RISK_VIEW (self), NULL);
  return G_LIST_MODEL (self->selection);
}

/**
 * cf_risk_view_get_selected:
 *
 * Returns: the number of the selected threat, or 0 when none is
 */
gint
cf_risk_view_get_selected (CfRiskView *self)
{
  CfThreat *threat;

  g_return_val_if_fail (CF_IS_RISK_VIEW (self), 0);

  threat = get_selected_threat (self);
  return threat ? cf_threat_get_number (threat) : 0;
}

/**
 * cf_risk_view_select_threat:
 * @number: the threat's number, 3 for "T3"
 *
 * Selects the threat's row and scrolls the register to it.
 *
 * Returns: whether the register holds that threat
 */
gboolean
cf_risk_view_select_threat (CfRiskView *self,
                            gint        number)
{
  GListModel *model;

  g_return_val_if_fail (CF_IS_RISK_VIEW (self), FALSE);

  model = G_LIST_MODEL (self->selection);
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(CfThreat) threat = g_list_model_get_item (model, i);

      if (cf_threat_get_number (threat) != number)
        continue;

      gtk_single_selection_set_selected (self->selection, i);

      /* GTK 4.8 has no gtk_column_view_scroll_to(); its list view has
       * the action. */
      for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->column_view));
           child != NULL;
           child = gtk_widget_get_next_sibling (child))
        if (GTK_IS_LIST_VIEW (child))
          gtk_widget_activate_action (child, "list.scroll-to-item", "u", i);

      return TRUE;
    }

  return FALSE;
}

/**
 * cf_risk_view_add_threat:
 *
 * Opens the form for a new threat of the product.
 */
void
cf_risk_view_add_threat (CfRiskView *self)
{
  g_return_if_fail (CF_IS_RISK_VIEW (self));

  open_editor (self, NULL);
}
