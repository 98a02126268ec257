/* cf-requirement-editor.c
 *
 * Copyright 2026 The Conformity Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cf-requirement-editor"

#include "config.h"

#include <glib/gi18n.h>

#include "cf-error.h"
#include "cf-evidence-list.h"
#include "cf-requirement-assessment.h"
#include "cf-requirement-editor.h"
#include "cf-findings-group.h"
#include "cf-text-row.h"

/* Long enough not to write on every key press, short enough that closing
 * the window right after typing loses nothing (and close flushes anyway). */
#define SAVE_DELAY_MS 600

/* While another program holds the database, the store refuses the window's
 * writes; what was typed is kept and saving is tried again this much later. */
#define BUSY_RETRY_MS 1000

struct _CfRequirementEditor
{
  AdwBin          parent_instance;

  /* Template widgets */
  GtkScrolledWindow *scroller;
  GtkWidget      *back_button;
  GtkLabel       *ref_label;
  GtkLabel       *title_label;
  GtkLabel       *text_label;
  GtkLabel       *source_label;
  GtkLabel       *save_label;
  AdwActionRow   *applies_row;
  GtkSwitch      *applies_switch;
  CfTextRow      *justification_row;
  AdwComboRow    *status_row;
  CfTextRow      *measures_row;
  GtkLabel       *error_label;
  AdwPreferencesGroup *standards_group;
  AdwEntryRow    *reference_row;
  AdwPreferencesGroup *threats_group;
  CfFindingsGroup     *findings_group;

  CfEvidenceList *evidence_list;
  CfContext      *context;
  CfRiskModel    *model;
  gint64          product_id;
  char           *requirement;
  gboolean        assessed;       /* stored at least once */

  GPtrArray      *standard_rows;  /* of AdwActionRow, each with a check button */
  GPtrArray      *threat_rows;    /* of AdwActionRow */
  guint           save_source;
  guint           retry_source;   /* the database was busy: try again */
  GPtrArray      *unsaved;        /* of Unsaved, refused while it was busy */
  guint           edited;         /* the Parts the user changed, not yet saved */
  gboolean        loading;        /* filling widgets from the store: not a user change */
  gboolean        saving;         /* the store's "changed" is our own save */
  gboolean        needs_load;     /* shown while unmapped: load on map */
};

G_DEFINE_FINAL_TYPE (CfRequirementEditor, cf_requirement_editor, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_CONTEXT,
  N_PROPS
};

enum {
  SIGNAL_BACK,
  SIGNAL_ADD_TOAST,
  N_SIGNALS
};

static GParamSpec *properties [N_PROPS];
static guint signals [N_SIGNALS];

/* The parts of an assessment the user changes one by one: a save stores
 * only those, so another program's change to another part is kept. */
typedef enum
{
  PART_APPLIES       = 1 << 0,
  PART_JUSTIFICATION = 1 << 1,
  PART_MEASURES      = 1 << 2,
  PART_STATUS        = 1 << 3,
  PART_STANDARDS     = 1 << 4,
  PART_THREATS       = 1 << 5,
} Part;

static void edited (CfRequirementEditor *self,
                    Part                 part);
static void schedule_save (CfRequirementEditor *self);
static gboolean write_unsaved (CfRequirementEditor *self);

static GtkCheckButton *
row_check (GtkWidget *row)
{
  return g_object_get_data (G_OBJECT (row), "check");
}

/* Standards */

static void
check_toggled_cb (CfRequirementEditor *self,
                  GtkCheckButton      *check)
{
  edited (self, GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (check), "cf-part")));
}

static GtkWidget *
add_check_row (CfRequirementEditor *self,
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
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (check), active);
  gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
  g_object_set_data_full (G_OBJECT (row), "key", g_strdup (name), g_free);
  g_object_set_data (G_OBJECT (row), "check", check);
  g_object_set_data (G_OBJECT (check), "cf-part",
                     GUINT_TO_POINTER (rows == self->threat_rows ? PART_THREATS : PART_STANDARDS));
  g_signal_connect_object (check, "toggled", G_CALLBACK (check_toggled_cb), self, G_CONNECT_SWAPPED);

  adw_preferences_group_add (group, row);
  g_ptr_array_add (rows, row);

  return row;
}

static void
clear_rows (AdwPreferencesGroup *group,
            GPtrArray           *rows)
{
  for (guint i = 0; i < rows->len; i++)
    adw_preferences_group_remove (group, g_ptr_array_index (rows, i));
  g_ptr_array_set_size (rows, 0);
}

/* The reference the manager picks, as it is stored and printed. */
static char *
clause_reference (CfCatalogueItem *clause)
{
  const char *standard = cf_catalogue_item_get_attribute (clause, "standard");
  const char *number = cf_catalogue_item_get_attribute (clause, "clause");

  /* EN 18031 is mapped by part: the part is in the standard's number. */
  if (number == NULL || g_str_has_prefix (number, "Part"))
    return g_strdup (standard);

  return g_strdup_printf ("%s %s", standard, number);
}

static gboolean
has_standard_row (CfRequirementEditor *self,
                  const char          *reference)
{
  for (guint i = 0; i < self->standard_rows->len; i++)
    if (g_strcmp0 (g_object_get_data (g_ptr_array_index (self->standard_rows, i), "key"), reference) == 0)
      return TRUE;

  return FALSE;
}

static void
fill_standards (CfRequirementEditor      *self,
                const CfRequirementAssessment *a)
{
  g_autoptr(GPtrArray) clauses = cf_requirement_list_standard_clauses (cf_context_get_catalogue (self->context),
                                                                      self->requirement);

  clear_rows (self->standards_group, self->standard_rows);

  for (guint i = 0; i < clauses->len; i++)
    {
      CfCatalogueItem *clause = g_ptr_array_index (clauses, i);
      g_autofree char *reference = clause_reference (clause);
      g_autofree char *subtitle = NULL;
      const char *source = cf_catalogue_item_get_attribute (clause, "source");

      subtitle = source ? g_strdup_printf ("%s\n%s", cf_catalogue_item_get_display_label (clause), source)
                        : g_strdup (cf_catalogue_item_get_display_label (clause));
      add_check_row (self, self->standards_group, self->standard_rows, reference, reference, subtitle,
                     a != NULL && g_strv_contains ((const char * const *) a->standards, reference));
    }

  /* References of the manager's own beyond the mapping. */
  for (guint i = 0; a != NULL && a->standards[i] != NULL; i++)
    if (!has_standard_row (self, a->standards[i]))
      add_check_row (self, self->standards_group, self->standard_rows, a->standards[i], a->standards[i],
                     _("Added by you"), TRUE);
}

static void
reference_apply_cb (CfRequirementEditor *self,
                    AdwEntryRow         *row)
{
  g_autofree char *reference = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));

  if (*reference == '\0')
    return;

  if (has_standard_row (self, reference))
    {
      for (guint i = 0; i < self->standard_rows->len; i++)
        {
          GtkWidget *existing = g_ptr_array_index (self->standard_rows, i);

          if (g_strcmp0 (g_object_get_data (G_OBJECT (existing), "key"), reference) == 0)
            gtk_check_button_set_active (row_check (existing), TRUE);
        }
    }
  else
    add_check_row (self, self->standards_group, self->standard_rows, reference, reference,
                   _("Added by you"), TRUE);

  gtk_editable_set_text (GTK_EDITABLE (row), "");
  edited (self, PART_STANDARDS);
}

/* Threats */

static void
fill_threats (CfRequirementEditor           *self,
              const CfRequirementAssessment *a)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) threats = cf_store_list_threats (cf_context_get_store (self->context),
                                                        self->product_id, &error);

  clear_rows (self->threats_group, self->threat_rows);

  if (threats == NULL)
    return;

  if (threats->len == 0)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("The risk register is empty"));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row),
                                   _("Record the threats against the product under Risks; then "
                                     "tick here those this requirement addresses."));
      adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
      gtk_widget_add_css_class (row, "dim-label");
      adw_preferences_group_add (self->threats_group, row);
      g_ptr_array_add (self->threat_rows, row);
      return;
    }

  for (guint i = 0; i < threats->len; i++)
    {
      CfThreat *threat = g_ptr_array_index (threats, i);
      g_autofree char *label = cf_threat_dup_label (threat);
      g_autofree char *title = g_strdup_printf ("%s  %s", label, cf_threat_get_title (threat));
      const CfChartBand *band = cf_risk_model_band_for (self->model, cf_threat_get_likelihood (threat),
                                                        cf_threat_get_impact (threat));
      g_autofree char *subtitle = g_strdup_printf (_("%s · %s · inherent risk %d (%s)"),
                                                   cf_threat_get_asset (threat),
                                                   cf_catalogue_display_string (cf_risk_model_stride_label (
                                                     self->model, cf_threat_get_stride (threat))),
                                                   cf_threat_get_inherent_score (threat),
                                                   band ? cf_catalogue_display_string (band->label) : "?");
      GtkWidget *row = add_check_row (self, self->threats_group, self->threat_rows, label, title, subtitle,
                                      a != NULL && cf_requirement_assessment_has_threat (a, cf_threat_get_number (threat)));

      g_object_set_data (G_OBJECT (row), "number", GINT_TO_POINTER (cf_threat_get_number (threat)));
    }
}

/* Reading the widgets */

static CfRequirementAssessment *
collect (CfRequirementEditor *self)
{
  CfRequirementAssessment *a = cf_requirement_assessment_new (self->requirement);
  g_autoptr(GStrvBuilder) standards = g_strv_builder_new ();

  a->applies = gtk_switch_get_active (self->applies_switch);
  a->justification = cf_text_row_dup_text (self->justification_row);
  a->measures = cf_text_row_dup_text (self->measures_row);
  a->status = (CfStatus) adw_combo_row_get_selected (self->status_row);

  for (guint i = 0; i < self->standard_rows->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (self->standard_rows, i);

      if (gtk_check_button_get_active (row_check (row)))
        g_strv_builder_add (standards, g_object_get_data (G_OBJECT (row), "key"));
    }
  g_strfreev (a->standards);
  a->standards = g_strv_builder_end (standards);

  for (guint i = 0; i < self->threat_rows->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (self->threat_rows, i);
      gint number = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (row), "number"));

      if (number > 0 && gtk_check_button_get_active (row_check (row)))
        g_array_append_val (a->threats, number);
    }

  cf_requirement_assessment_normalize (a);
  return a;
}

static void
update_dependent_widgets (CfRequirementEditor *self)
{
  gboolean applies = gtk_switch_get_active (self->applies_switch);
  g_autofree char *justification = cf_text_row_dup_text (self->justification_row);
  gboolean owed = !applies && (justification == NULL || *g_strstrip (justification) == '\0');

  gtk_widget_set_visible (GTK_WIDGET (self->justification_row), !applies);
  gtk_widget_set_sensitive (GTK_WIDGET (self->status_row), applies);
  gtk_widget_set_sensitive (GTK_WIDGET (self->measures_row), applies);

  if (owed)
    gtk_widget_add_css_class (GTK_WIDGET (self->justification_row), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->justification_row), "error");
}

static void
show_state (CfRequirementEditor *self,
            const char          *text)
{
  gtk_label_set_text (self->save_label, text);
}

/* Saving: each save is one transaction of the store. While the database is
 * busy (CF_ERROR_BUSY), the assessment waits in self->unsaved and is tried
 * again, even if the user moves on to another requirement. */

typedef struct
{
  gint64                   product_id;
  CfRequirementAssessment *assessment;   /* the form as it was */
  guint                    parts;        /* what of it to store */
} Unsaved;

static void
unsaved_free (gpointer data)
{
  Unsaved *u = data;

  cf_requirement_assessment_free (u->assessment);
  g_free (u);
}

/* The latest text of a requirement replaces what was waiting for it, and
 * the parts changed then are stored too. */
static void
keep_unsaved (CfRequirementEditor     *self,
              gint64                   product_id,
              CfRequirementAssessment *assessment,
              guint                    parts)
{
  Unsaved *u = g_new0 (Unsaved, 1);

  for (guint i = 0; i < self->unsaved->len; i++)
    {
      Unsaved *old = g_ptr_array_index (self->unsaved, i);

      if (old->product_id == product_id && g_str_equal (old->assessment->requirement, assessment->requirement))
        {
          parts |= old->parts;
          g_ptr_array_remove_index (self->unsaved, i);
          break;
        }
    }

  u->product_id = product_id;
  u->assessment = assessment;
  u->parts = parts;
  g_ptr_array_add (self->unsaved, u);
}

/* Sets on the assessment as stored now (or a new one) only the parts the
 * user changed. */
static gboolean
apply_parts_cb (CfRequirementAssessment  *assessment,
                gboolean                  assessed,
                gpointer                  user_data,
                GError                  **error)
{
  const Unsaved *u = user_data;
  const CfRequirementAssessment *form = u->assessment;

  if (u->parts & PART_APPLIES)
    assessment->applies = form->applies;
  if (u->parts & PART_JUSTIFICATION)
    {
      g_free (assessment->justification);
      assessment->justification = g_strdup (form->justification);
    }
  if (u->parts & PART_MEASURES)
    {
      g_free (assessment->measures);
      assessment->measures = g_strdup (form->measures);
    }
  if (u->parts & PART_STATUS)
    assessment->status = form->status;
  if (u->parts & PART_STANDARDS)
    {
      g_strfreev (assessment->standards);
      assessment->standards = g_strdupv (form->standards);
    }
  if (u->parts & PART_THREATS)
    {
      g_array_set_size (assessment->threats, 0);
      g_array_append_vals (assessment->threats, form->threats->data, form->threats->len);
    }

  return TRUE;
}

static gboolean
retry_cb (gpointer user_data)
{
  CfRequirementEditor *self = user_data;

  self->retry_source = 0;
  write_unsaved (self);
  return G_SOURCE_REMOVE;
}

static gboolean
write_unsaved (CfRequirementEditor *self)
{
  CfStore *store = cf_context_get_store (self->context);
  g_autoptr(GError) error = NULL;

  g_clear_handle_id (&self->retry_source, g_source_remove);

  while (self->unsaved->len > 0)
    {
      Unsaved *u = g_ptr_array_index (self->unsaved, 0);
      gboolean stored;

      self->saving = TRUE;
      stored = cf_store_edit_requirement_assessment (store, u->product_id,
                                                     u->assessment->requirement,
                                                     apply_parts_cb, u, &error);
      self->saving = FALSE;
      if (!stored)
        break;
      g_ptr_array_remove_index (self->unsaved, 0);
    }

  if (error == NULL)
    {
      self->assessed = TRUE;
      gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
      show_state (self, _("Saved"));
      return TRUE;
    }

  /* Not a failure: what was typed is kept, and saved once it can be. */
  if (g_error_matches (error, CF_ERROR, CF_ERROR_BUSY))
    {
      gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
      show_state (self, _("Database busy; trying again…"));
      self->retry_source = g_timeout_add (BUSY_RETRY_MS, retry_cb, self);
      return FALSE;
    }

  /* What the user entered stays in the widgets, and is stored with the
   * next change: nothing is lost. */
  for (guint i = 0; i < self->unsaved->len; i++)
    {
      Unsaved *u = g_ptr_array_index (self->unsaved, i);

      if (u->product_id == self->product_id &&
          g_strcmp0 (u->assessment->requirement, self->requirement) == 0)
        self->edited |= u->parts;
    }
  g_ptr_array_set_size (self->unsaved, 0);
  gtk_label_set_text (self->error_label, error->message);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
  show_state (self, _("Not saved"));
  return FALSE;
}

static gboolean
save (CfRequirementEditor *self)
{
  g_autoptr(CfRequirementAssessment) a = NULL;
  g_autoptr(GError) error = NULL;

  g_clear_handle_id (&self->save_source, g_source_remove);

  if (self->product_id == 0 || self->requirement == NULL)
    return write_unsaved (self);

  a = collect (self);
  if (!cf_requirement_assessment_validate (a, cf_context_get_catalogue (self->context), FALSE, &error))
    {
      /* What the user entered stays in the widgets: nothing is lost. */
      gtk_label_set_text (self->error_label, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
      show_state (self, _("Not saved"));
      return FALSE;
    }

  keep_unsaved (self, self->product_id, g_steal_pointer (&a), self->edited);
  self->edited = 0;
  return write_unsaved (self);
}

static gboolean
save_timeout_cb (gpointer user_data)
{
  CfRequirementEditor *self = user_data;

  self->save_source = 0;
  save (self);
  return G_SOURCE_REMOVE;
}

static void
schedule_save (CfRequirementEditor *self)
{
  if (self->loading || self->requirement == NULL)
    return;

  update_dependent_widgets (self);
  show_state (self, _("Editing…"));
  g_clear_handle_id (&self->save_source, g_source_remove);
  self->save_source = g_timeout_add (SAVE_DELAY_MS, save_timeout_cb, self);
}

static void
edited (CfRequirementEditor *self,
        Part                 part)
{
  if (self->loading || self->requirement == NULL)
    return;

  self->edited |= part;
  schedule_save (self);
}

static void
text_changed_cb (CfRequirementEditor *self,
                 GtkWidget           *row)
{
  edited (self, GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (row), "cf-part")));
}

static void
choice_changed_cb (CfRequirementEditor *self,
                   GParamSpec          *pspec,
                   GtkWidget           *widget)
{
  edited (self, GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (widget), "cf-part")));
}

/**
 * cf_requirement_editor_flush:
 *
 * Saves a change still waiting for the pause in typing.
 *
 * Returns: %FALSE when it could not be saved (the editor says why)
 */
gboolean
cf_requirement_editor_flush (CfRequirementEditor *self)
{
  g_return_val_if_fail (CF_IS_REQUIREMENT_EDITOR (self), FALSE);

  if (self->save_source != 0)
    return save (self);
  if (self->unsaved->len > 0)
    return write_unsaved (self);

  return TRUE;
}

gboolean
cf_requirement_editor_get_pending (CfRequirementEditor *self)
{
  g_return_val_if_fail (CF_IS_REQUIREMENT_EDITOR (self), FALSE);
  return self->save_source != 0 || self->unsaved->len > 0;
}

/* Loading */

static void
set_text_if_different (CfTextRow  *row,
                       const char *text)
{
  g_autofree char *current = cf_text_row_dup_text (row);

  if (g_strcmp0 (current ?: "", text ?: "") != 0)
    cf_text_row_set_text (row, text);
}

static void
load (CfRequirementEditor *self)
{
  CfCatalogue *catalogue = cf_context_get_catalogue (self->context);
  CfCatalogueItem *item = cf_catalogue_lookup (catalogue, self->requirement);
  g_autoptr(CfRequirementAssessment) stored = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *short_ref = NULL;
  gboolean locked;

  g_return_if_fail (item != NULL);

  self->loading = TRUE;
  /* The widgets show the store from here on: nothing of theirs is the user's. */
  self->edited = 0;

  stored = cf_store_get_requirement_assessment (cf_context_get_store (self->context), self->product_id,
                                                self->requirement, &error);
  self->assessed = stored != NULL;

  short_ref = cf_requirement_short_ref (item);
  gtk_label_set_text (self->ref_label, cf_catalogue_item_get_display_ref (item));
  gtk_label_set_text (self->title_label, cf_catalogue_item_get_display_label (item));
  gtk_label_set_text (self->text_label, cf_catalogue_item_get_text (item));
  gtk_label_set_text (self->source_label,
                      cf_catalogue_item_get_label_paraphrased (item)
                      ? _("The text is the regulation’s own; the heading above is a summary by Conformity.")
                      : _("The text is the regulation’s own."));

  locked = cf_requirement_always_applies (self->requirement);
  gtk_widget_set_sensitive (GTK_WIDGET (self->applies_switch), !locked);
  adw_action_row_set_subtitle (self->applies_row,
                               !locked ? _("If it does not, say why: the technical documentation must "
                                           "justify every requirement found not applicable.")
                               : g_str_has_prefix (self->requirement, "AnnexI.PartII.")
                               ? _("Always: the vulnerability handling requirements bind the manufacturer "
                                   "of every product (Article 13(8)).")
                               : _("Always: every product must have an appropriate level of cybersecurity "
                                   "based on the risks. Only the points of Part I (2) can be found not applicable."));

  gtk_switch_set_active (self->applies_switch, stored ? stored->applies : TRUE);
  set_text_if_different (self->justification_row, stored ? stored->justification : NULL);
  adw_combo_row_set_selected (self->status_row, stored ? (guint) stored->status : CF_STATUS_NOT_STARTED);
  set_text_if_different (self->measures_row, stored ? stored->measures : NULL);
  fill_standards (self, stored);
  fill_threats (self, stored);
  gtk_editable_set_text (GTK_EDITABLE (self->reference_row), "");

  gtk_widget_set_visible (GTK_WIDGET (self->error_label), error != NULL);
  if (error != NULL)
    gtk_label_set_text (self->error_label, error->message);
  show_state (self, self->assessed ? "" : _("Not assessed yet: your first change records it"));
  update_dependent_widgets (self);

  self->loading = FALSE;
}

/**
 * cf_requirement_editor_show:
 *
 * Shows the assessment of @requirement, saving first what was typed for
 * the previous one.
 */
void
cf_requirement_editor_show (CfRequirementEditor *self,
                            gint64               product_id,
                            const char          *requirement)
{
  g_return_if_fail (CF_IS_REQUIREMENT_EDITOR (self));

  cf_requirement_editor_flush (self);

  self->product_id = product_id;
  g_free (self->requirement);
  self->requirement = g_strdup (requirement);
  cf_evidence_list_set_requirement (self->evidence_list, requirement);
  cf_findings_group_set_target (self->findings_group, product_id, requirement);
  cf_evidence_list_set_product_id (self->evidence_list, requirement ? product_id : 0);

  self->needs_load = requirement != NULL && product_id != 0;

  /* A wrapping text view laid out while its page is hidden keeps the
   * height of a one-character-wide column: fill it once it is shown. */
  if (self->needs_load && gtk_widget_get_mapped (GTK_WIDGET (self)))
    {
      self->needs_load = FALSE;
      load (self);
      gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->scroller), 0);
    }
}

static void
cf_requirement_editor_map (GtkWidget *widget)
{
  CfRequirementEditor *self = CF_REQUIREMENT_EDITOR (widget);

  GTK_WIDGET_CLASS (cf_requirement_editor_parent_class)->map (widget);

  if (self->needs_load)
    {
      self->needs_load = FALSE;
      load (self);
      gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->scroller), 0);
    }
}

const char *
cf_requirement_editor_get_requirement (CfRequirementEditor *self)
{
  g_return_val_if_fail (CF_IS_REQUIREMENT_EDITOR (self), NULL);
  return self->requirement;
}

void
cf_requirement_editor_set_show_back (CfRequirementEditor *self,
                                     gboolean             show_back)
{
  g_return_if_fail (CF_IS_REQUIREMENT_EDITOR (self));
  gtk_widget_set_visible (self->back_button, show_back);
}

/* Another window or the command line changed the product: show it, unless
 * the user is in the middle of typing here. */
static void
store_changed_cb (CfRequirementEditor *self,
                  gint64               id,
                  CfStore             *store)
{
  g_autoptr(CfRequirementAssessment) current = NULL;
  g_autoptr(CfRequirementAssessment) stored = NULL;

  if (id != self->product_id || self->requirement == NULL || self->save_source != 0 || self->saving ||
      self->unsaved->len > 0 ||
      self->needs_load)
    return;

  stored = cf_store_get_requirement_assessment (store, self->product_id, self->requirement, NULL);
  current = collect (self);

  /* Our own save: the widgets already show it. The threat list may have
   * changed, though (a threat added under Risks). */
  if (stored != NULL &&
      stored->applies == current->applies && stored->status == current->status &&
      g_strcmp0 (stored->justification, current->justification) == 0 &&
      g_strcmp0 (stored->measures, current->measures) == 0 &&
      g_strv_equal ((const char * const *) stored->standards, (const char * const *) current->standards))
    {
      self->loading = TRUE;
      fill_threats (self, stored);
      self->loading = FALSE;
      return;
    }

  load (self);
}

static void
back_clicked_cb (CfRequirementEditor *self)
{
  cf_requirement_editor_flush (self);
  g_signal_emit (self, signals [SIGNAL_BACK], 0);
}

static void
add_toast_cb (CfRequirementEditor *self,
              AdwToast            *toast)
{
  g_signal_emit (self, signals [SIGNAL_ADD_TOAST], 0, toast);
}

/* GObject */

static void
cf_requirement_editor_constructed (GObject *object)
{
  CfRequirementEditor *self = CF_REQUIREMENT_EDITOR (object);
  g_autoptr(GtkStringList) statuses = gtk_string_list_new (NULL);

  G_OBJECT_CLASS (cf_requirement_editor_parent_class)->constructed (object);

  self->model = cf_risk_model_new (cf_context_get_catalogue (self->context));

  for (CfStatus s = CF_STATUS_NOT_STARTED; s <= CF_STATUS_VERIFIED; s++)
    gtk_string_list_append (statuses, cf_status_get_label (s));
  adw_combo_row_set_model (self->status_row, G_LIST_MODEL (statuses));

  g_object_set_data (G_OBJECT (self->applies_switch), "cf-part",
                     GUINT_TO_POINTER (PART_APPLIES));
  g_object_set_data (G_OBJECT (self->justification_row), "cf-part",
                     GUINT_TO_POINTER (PART_JUSTIFICATION));
  g_object_set_data (G_OBJECT (self->measures_row), "cf-part", GUINT_TO_POINTER (PART_MEASURES));
  g_object_set_data (G_OBJECT (self->status_row), "cf-part", GUINT_TO_POINTER (PART_STATUS));
  g_signal_connect_object (self->applies_switch, "notify::active",
                           G_CALLBACK (choice_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->justification_row, "changed",
                           G_CALLBACK (text_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->measures_row, "changed",
                           G_CALLBACK (text_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->status_row, "notify::selected",
                           G_CALLBACK (choice_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->reference_row, "apply", G_CALLBACK (reference_apply_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->back_button, "clicked", G_CALLBACK (back_clicked_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (cf_context_get_store (self->context), "changed::assessment",
                           G_CALLBACK (store_changed_cb), self, G_CONNECT_SWAPPED);

  /* The proof comes right after the standards relied on. */
  self->evidence_list = CF_EVIDENCE_LIST (cf_evidence_list_new (self->context));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (self->evidence_list),
                                         _("Proof that the product meets this requirement: test reports, "
                                           "design documents, policies, certificates. Drop files here to "
                                           "attach them."));
  gtk_box_insert_child_after (GTK_BOX (gtk_widget_get_parent (GTK_WIDGET (self->standards_group))),
                              GTK_WIDGET (self->evidence_list), GTK_WIDGET (self->standards_group));
  g_signal_connect_object (self->evidence_list, "add-toast", G_CALLBACK (add_toast_cb), self, G_CONNECT_SWAPPED);

  /* What reviewers found comes right after the assessment it is about. */
  self->findings_group = CF_FINDINGS_GROUP (cf_findings_group_new (self->context));
  gtk_box_insert_child_after (GTK_BOX (gtk_widget_get_parent (GTK_WIDGET (self->standards_group))),
                              GTK_WIDGET (self->findings_group),
                              gtk_widget_get_prev_sibling (GTK_WIDGET (self->standards_group)));
}

static void
cf_requirement_editor_dispose (GObject *object)
{
  CfRequirementEditor *self = CF_REQUIREMENT_EDITOR (object);

  /* Closing the window right after typing keeps what was typed. */
  if (self->context != NULL)
    cf_requirement_editor_flush (self);

  g_clear_handle_id (&self->save_source, g_source_remove);
  g_clear_handle_id (&self->retry_source, g_source_remove);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (cf_requirement_editor_parent_class)->dispose (object);
}

static void
cf_requirement_editor_finalize (GObject *object)
{
  CfRequirementEditor *self = CF_REQUIREMENT_EDITOR (object);

  g_clear_pointer (&self->model, cf_risk_model_free);
  g_ptr_array_unref (self->standard_rows);
  g_ptr_array_unref (self->threat_rows);
  g_ptr_array_unref (self->unsaved);
  g_free (self->requirement);

  G_OBJECT_CLASS (cf_requirement_editor_parent_class)->finalize (object);
}

static void
cf_requirement_editor_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  CfRequirementEditor *self = CF_REQUIREMENT_EDITOR (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      self->context = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cf_requirement_editor_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  CfRequirementEditor *self = CF_REQUIREMENT_EDITOR (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      g_value_set_object (value, self->context);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cf_requirement_editor_class_init (CfRequirementEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = cf_requirement_editor_constructed;
  object_class->dispose = cf_requirement_editor_dispose;
  object_class->finalize = cf_requirement_editor_finalize;
  object_class->get_property = cf_requirement_editor_get_property;
  object_class->set_property = cf_requirement_editor_set_property;
  widget_class->map = cf_requirement_editor_map;

  properties [PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL,
                         CF_TYPE_CONTEXT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * CfRequirementEditor::back:
   *
   * The user asked to go back to the list (in a narrow window).
   */
  signals [SIGNAL_BACK] =
    g_signal_new ("back", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  /**
   * CfRequirementEditor::add-toast:
   * @toast: the toast to show
   *
   * The evidence list reports through the window's toast overlay.
   */
  signals [SIGNAL_ADD_TOAST] =
    g_signal_new ("add-toast",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, ADW_TYPE_TOAST);

  g_type_ensure (CF_TYPE_TEXT_ROW);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/cf-requirement-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, CfRequirementEditor, scroller);
  gtk_widget_class_bind_template_child (widget_class, CfRequirementEditor, back_button);
  gtk_widget_class_bind_template_child (widget_class, CfRequirementEditor, ref_label);
  gtk_widget_class_bind_template_child (widget_class, CfRequirementEditor, title_label);
  gtk_widget_class_bind_template_child (widget_class, CfRequirementEditor, text_label);
  gtk_widget_class_bind_template_child (widget_class, CfRequirementEditor, source_label);
  gtk_widget_class_bind_template_child (widget_class, CfRequirementEditor, save_label);
  gtk_widget_class_bind_template_child (widget_class, CfRequirementEditor, applies_row);
  gtk_widget_class_bind_template_child (widget_class, CfRequirementEditor, applies_switch);
  gtk_widget_class_bind_template_child (widget_class, CfRequirementEditor, justification_row);
  gtk_widget_class_bind_template_child (widget_class, CfRequirementEditor, status_row);
  gtk_widget_class_bind_template_child (widget_class, CfRequirementEditor, measures_row);
  gtk_widget_class_bind_template_child (widget_class, CfRequirementEditor, error_label);
  gtk_widget_class_bind_template_child (widget_class, CfRequirementEditor, standards_group);
  gtk_widget_class_bind_template_child (widget_class, CfRequirementEditor, reference_row);
  gtk_widget_class_bind_template_child (widget_class, CfRequirementEditor, threats_group);
}

static void
cf_requirement_editor_init (CfRequirementEditor *self)
{
  self->standard_rows = g_ptr_array_new ();
  self->threat_rows = g_ptr_array_new ();
  self->unsaved = g_ptr_array_new_with_free_func (unsaved_free);

  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
cf_requirement_editor_new (CfContext *context)
{
  return g_object_new (CF_TYPE_REQUIREMENT_EDITOR, "context", context, NULL);
}
