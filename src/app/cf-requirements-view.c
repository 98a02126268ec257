/* cf-requirements-view.c
 *
 * Copyright 2026 The Conformity Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cf-requirements-view"

#include "config.h"

#include <glib/gi18n.h>

#include "cf-requirement-assessment.h"
#include "cf-requirements-view.h"

struct _CfRequirementsView
{
  AdwBin               parent_instance;

  /* Template widgets */
  AdwLeaflet          *leaflet;
  GtkWidget           *sidebar;
  GtkLabel            *summary_label;
  GtkListBox          *list;
  AdwBin              *detail;

  CfContext           *context;
  CfRequirementEditor *editor;
  gint64               product_id;
  GPtrArray           *requirements;   /* of CfCatalogueItem, in list order */
};

G_DEFINE_FINAL_TYPE (CfRequirementsView, cf_requirements_view, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_CONTEXT,
  N_PROPS
};

enum {
  SIGNAL_ADD_TOAST,
  N_SIGNALS
};

static GParamSpec *properties [N_PROPS];
static guint signals [N_SIGNALS];

/* Status, as an icon and in words: never colour alone. */
typedef struct
{
  const char *icon;
  const char *css;
  const char *text;
} StatusLook;

static StatusLook
look_for (const CfRequirementAssessment *a)
{
  if (a == NULL)
    return (StatusLook) { "dialog-question-symbolic", "dim-label", _("Not assessed") };
  if (!a->applies && a->justification == NULL)
    return (StatusLook) { "dialog-warning-symbolic", "warning", _("Does not apply: justification missing") };
  if (!a->applies)
    return (StatusLook) { "action-unavailable-symbolic", "dim-label", _("Does not apply") };

  switch (a->status)
    {
    case CF_STATUS_NOT_STARTED:
      return (StatusLook) { "media-record-symbolic", "warning", cf_status_get_label (a->status) };
    case CF_STATUS_IN_PROGRESS:
      return (StatusLook) { "content-loading-symbolic", "accent", cf_status_get_label (a->status) };
    case CF_STATUS_IMPLEMENTED:
      return (StatusLook) { "object-select-symbolic", "success", cf_status_get_label (a->status) };
    case CF_STATUS_VERIFIED:
      return (StatusLook) { "emblem-ok-symbolic", "success", cf_status_get_label (a->status) };
    default:
      g_assert_not_reached ();
    }
}

static GtkWidget *
row_new (CfCatalogueItem *item)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *labels = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *icon = gtk_image_new ();
  GtkWidget *evidence_icon = gtk_image_new_from_icon_name ("mail-attachment-symbolic");
  GtkWidget *ref;
  GtkWidget *label;
  g_autofree char *short_ref = cf_requirement_short_ref (item);

  gtk_widget_set_name (row, cf_catalogue_item_get_id (item));
  gtk_widget_set_valign (icon, GTK_ALIGN_CENTER);

  ref = gtk_label_new (short_ref);
  gtk_label_set_xalign (GTK_LABEL (ref), 0);
  gtk_widget_add_css_class (ref, "caption-heading");

  label = gtk_label_new (cf_catalogue_item_get_display_label (item));
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 40);
  gtk_widget_set_hexpand (labels, TRUE);

  gtk_box_append (GTK_BOX (labels), ref);
  gtk_box_append (GTK_BOX (labels), label);
  /* A requirement that applies but lacks proof: a second, smaller sign. */
  gtk_widget_set_valign (evidence_icon, GTK_ALIGN_CENTER);
  gtk_widget_set_margin_end (evidence_icon, 6);
  gtk_widget_set_visible (evidence_icon, FALSE);
  gtk_widget_set_tooltip_text (evidence_icon, _("No current evidence"));
  gtk_widget_add_css_class (evidence_icon, "warning");
  gtk_widget_add_css_class (evidence_icon, "evidence-missing");

  gtk_box_append (GTK_BOX (box), icon);
  gtk_box_append (GTK_BOX (box), labels);
  gtk_box_append (GTK_BOX (box), evidence_icon);
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);

  g_object_set_data (G_OBJECT (row), "icon", icon);
  g_object_set_data (G_OBJECT (row), "evidence-icon", evidence_icon);
  g_object_set_data (G_OBJECT (row), "ref", (gpointer) cf_catalogue_item_get_display_ref (item));
  g_object_set_data (G_OBJECT (row), "label", (gpointer) cf_catalogue_item_get_display_label (item));

  return row;
}

static void
update_row (GtkWidget                     *row,
            const CfRequirementAssessment *a,
            gboolean                       evidence_missing)
{
  GtkWidget *icon = g_object_get_data (G_OBJECT (row), "icon");
  StatusLook look = look_for (a);
  g_autofree char *description = NULL;

  for (const char * const *css = (const char * const []) { "dim-label", "warning", "accent", "success", NULL };
       *css != NULL; css++)
    gtk_widget_remove_css_class (icon, *css);
  gtk_image_set_from_icon_name (GTK_IMAGE (icon), look.icon);
  gtk_widget_add_css_class (icon, look.css);
  gtk_widget_set_tooltip_text (icon, look.text);

  gtk_widget_set_visible (g_object_get_data (G_OBJECT (row), "evidence-icon"), evidence_missing);

  /* Both states in words, for those who do not see the icons. */
  if (evidence_missing)
    /* Translators: reference, label, status, then that no evidence supports it */
    description = g_strdup_printf (_("%s, %s: %s; no current evidence"),
                                   (const char *) g_object_get_data (G_OBJECT (row), "ref"),
                                   (const char *) g_object_get_data (G_OBJECT (row), "label"), look.text);
  else
    description = g_strdup_printf ("%s, %s: %s", (const char *) g_object_get_data (G_OBJECT (row), "ref"),
                                   (const char *) g_object_get_data (G_OBJECT (row), "label"), look.text);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, description, -1);
  g_object_set_data_full (G_OBJECT (row), "status", g_strdup (look.text), g_free);
  g_object_set_data (G_OBJECT (row), "evidence-missing", GINT_TO_POINTER (evidence_missing));
}

/* Current evidence supports it: linked, and not expired. */
static gboolean
has_current_evidence (GPtrArray   *evidence,
                      const char  *requirement,
                      const GDate *today)
{
  for (guint i = 0; evidence != NULL && i < evidence->len; i++)
    {
      CfEvidence *item = g_ptr_array_index (evidence, i);

      if (cf_evidence_has_requirement (item, requirement) && !cf_evidence_is_expired (item, today))
        return TRUE;
    }

  return FALSE;
}

static const CfRequirementAssessment *
find_assessment (GPtrArray  *assessments,
                 const char *requirement)
{
  for (guint i = 0; assessments != NULL && i < assessments->len; i++)
    {
      const CfRequirementAssessment *a = g_ptr_array_index (assessments, i);

      if (g_strcmp0 (a->requirement, requirement) == 0)
        return a;
    }

  return NULL;
}

static void
refresh_statuses (CfRequirementsView *self)
{
  g_autoptr(GPtrArray) assessments = NULL;
  g_autoptr(GPtrArray) evidence = NULL;
  g_autoptr(GDate) today = g_date_new ();
  guint assessed = 0, implemented = 0, applicable = 0, without_evidence = 0;
  g_autoptr(GString) summary = g_string_new (NULL);

  if (self->product_id == 0)
    return;

  assessments = cf_store_list_requirement_assessments (cf_context_get_store (self->context),
                                                       self->product_id, NULL);
  evidence = cf_store_list_evidence (cf_context_get_store (self->context), self->product_id, NULL);
  g_date_set_time_t (today, time (NULL));

  for (guint i = 0; i < self->requirements->len; i++)
    {
      const char *id = cf_catalogue_item_get_id (g_ptr_array_index (self->requirements, i));
      const CfRequirementAssessment *a = find_assessment (assessments, id);
      GtkListBoxRow *row = gtk_list_box_get_row_at_index (self->list, (int) i);
      gboolean unproven = a != NULL && a->applies && !has_current_evidence (evidence, id, today);

      update_row (GTK_WIDGET (row), a, unproven);
      without_evidence += unproven;
      if (a != NULL)
        {
          assessed++;
          applicable += a->applies;
          implemented += a->applies && cf_requirement_assessment_is_implemented (a);
        }
    }

  g_string_append_printf (summary, _("%u of %u assessed; %u of %u that apply implemented"),
                          assessed, self->requirements->len, implemented, applicable);
  if (without_evidence > 0)
    {
      g_string_append (summary, "; ");
      g_string_append_printf (summary, ngettext ("%u without current evidence", "%u without current evidence",
                                                 without_evidence),
                              without_evidence);
    }
  gtk_label_set_text (self->summary_label, summary->str);
}

static void
header_func (GtkListBoxRow *row,
             GtkListBoxRow *before,
             gpointer       user_data)
{
  const char *id = gtk_widget_get_name (GTK_WIDGET (row));
  gboolean part_two = g_str_has_prefix (id, "AnnexI.PartII.");
  GtkWidget *header;

  if (before != NULL && g_str_has_prefix (gtk_widget_get_name (GTK_WIDGET (before)), "AnnexI.PartII.") == part_two)
    {
      gtk_list_box_row_set_header (row, NULL);
      return;
    }

  header = gtk_label_new (part_two ? _("Annex I, Part II: vulnerability handling")
                                   : _("Annex I, Part I: properties of the product"));
  gtk_label_set_xalign (GTK_LABEL (header), 0);
  gtk_label_set_wrap (GTK_LABEL (header), TRUE);
  gtk_widget_set_margin_top (header, before ? 18 : 6);
  gtk_widget_set_margin_bottom (header, 6);
  gtk_widget_set_margin_start (header, 12);
  gtk_widget_set_margin_end (header, 12);
  gtk_widget_add_css_class (header, "heading");
  gtk_list_box_row_set_header (row, header);
}

static void
row_selected_cb (CfRequirementsView *self,
                 GtkListBoxRow      *row,
                 GtkListBox         *list)
{
  if (row == NULL || self->product_id == 0)
    return;

  cf_requirement_editor_show (self->editor, self->product_id, gtk_widget_get_name (GTK_WIDGET (row)));
}

static void
row_activated_cb (CfRequirementsView *self,
                  GtkListBoxRow      *row,
                  GtkListBox         *list)
{
  adw_leaflet_set_visible_child (self->leaflet, GTK_WIDGET (self->detail));
}

static void
back_cb (CfRequirementsView *self)
{
  adw_leaflet_set_visible_child (self->leaflet, self->sidebar);
}

static void
folded_changed_cb (CfRequirementsView *self)
{
  cf_requirement_editor_set_show_back (self->editor, adw_leaflet_get_folded (self->leaflet));
}

static void
store_changed_cb (CfRequirementsView *self,
                  gint64              id,
                  CfStore            *store)
{
  if (id == self->product_id)
    refresh_statuses (self);
}

static void
add_toast_cb (CfRequirementsView *self,
              AdwToast           *toast)
{
  g_signal_emit (self, signals [SIGNAL_ADD_TOAST], 0, toast);
}

/**
 * cf_requirements_view_select:
 *
 * Shows @requirement's assessment, as when the user picks it in the list.
 */
void
cf_requirements_view_select (CfRequirementsView *self,
                             const char         *requirement)
{
  g_return_if_fail (CF_IS_REQUIREMENTS_VIEW (self));

  for (guint i = 0; i < self->requirements->len; i++)
    if (g_strcmp0 (cf_catalogue_item_get_id (g_ptr_array_index (self->requirements, i)), requirement) == 0)
      {
        GtkListBoxRow *row = gtk_list_box_get_row_at_index (self->list, (int) i);

        gtk_list_box_select_row (self->list, row);
        adw_leaflet_set_visible_child (self->leaflet, GTK_WIDGET (self->detail));
        gtk_widget_grab_focus (GTK_WIDGET (row));
        return;
      }
}

void
cf_requirements_view_set_product_id (CfRequirementsView *self,
                                     gint64              product_id)
{
  g_return_if_fail (CF_IS_REQUIREMENTS_VIEW (self));

  cf_requirement_editor_flush (self->editor);
  self->product_id = product_id;
  if (product_id == 0)
    {
      cf_requirement_editor_show (self->editor, 0, NULL);
      return;
    }

  refresh_statuses (self);
  {
    GtkListBoxRow *row = gtk_list_box_get_selected_row (self->list);

    if (row == NULL)
      gtk_list_box_select_row (self->list, gtk_list_box_get_row_at_index (self->list, 0));
    else
      cf_requirement_editor_show (self->editor, product_id, gtk_widget_get_name (GTK_WIDGET (row)));
  }
}

CfRequirementEditor *
cf_requirements_view_get_editor (CfRequirementsView *self)
{
  g_return_val_if_fail (CF_IS_REQUIREMENTS_VIEW (self), NULL);
  return self->editor;
}

gboolean
cf_requirements_view_flush (CfRequirementsView *self)
{
  g_return_val_if_fail (CF_IS_REQUIREMENTS_VIEW (self), FALSE);
  return cf_requirement_editor_flush (self->editor);
}

/* GObject */

static void
cf_requirements_view_constructed (GObject *object)
{
  CfRequirementsView *self = CF_REQUIREMENTS_VIEW (object);

  G_OBJECT_CLASS (cf_requirements_view_parent_class)->constructed (object);

  self->requirements = cf_requirements_list (cf_context_get_catalogue (self->context));
  for (guint i = 0; i < self->requirements->len; i++)
    gtk_list_box_append (self->list, row_new (g_ptr_array_index (self->requirements, i)));
  gtk_list_box_set_header_func (self->list, header_func, NULL, NULL);

  self->editor = CF_REQUIREMENT_EDITOR (cf_requirement_editor_new (self->context));
  adw_bin_set_child (self->detail, GTK_WIDGET (self->editor));

  g_signal_connect_object (self->list, "row-selected", G_CALLBACK (row_selected_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->list, "row-activated", G_CALLBACK (row_activated_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->editor, "back", G_CALLBACK (back_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->leaflet, "notify::folded", G_CALLBACK (folded_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->editor, "add-toast", G_CALLBACK (add_toast_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (cf_context_get_store (self->context), "changed::assessment",
                           G_CALLBACK (store_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (cf_context_get_store (self->context), "changed::evidence",
                           G_CALLBACK (store_changed_cb), self, G_CONNECT_SWAPPED);
  folded_changed_cb (self);
}

static void
cf_requirements_view_dispose (GObject *object)
{
  CfRequirementsView *self = CF_REQUIREMENTS_VIEW (object);

  g_clear_pointer (&self->requirements, g_ptr_array_unref);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (cf_requirements_view_parent_class)->dispose (object);
}

static void
cf_requirements_view_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  CfRequirementsView *self = CF_REQUIREMENTS_VIEW (object);

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
cf_requirements_view_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  CfRequirementsView *self = CF_REQUIREMENTS_VIEW (object);

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
cf_requirements_view_class_init (CfRequirementsViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = cf_requirements_view_constructed;
  object_class->dispose = cf_requirements_view_dispose;
  object_class->get_property = cf_requirements_view_get_property;
  object_class->set_property = cf_requirements_view_set_property;

  properties [PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL,
                         CF_TYPE_CONTEXT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * CfRequirementsView::add-toast:
   * @toast: the toast to show
   *
   * The view reports through the window's toast overlay.
   */
  signals [SIGNAL_ADD_TOAST] =
    g_signal_new ("add-toast",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, ADW_TYPE_TOAST);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/cf-requirements-view.ui");
  gtk_widget_class_bind_template_child (widget_class, CfRequirementsView, leaflet);
  gtk_widget_class_bind_template_child (widget_class, CfRequirementsView, sidebar);
  gtk_widget_class_bind_template_child (widget_class, CfRequirementsView, summary_label);
  gtk_widget_class_bind_template_child (widget_class, CfRequirementsView, list);
  gtk_widget_class_bind_template_child (widget_class, CfRequirementsView, detail);
}

static void
cf_requirements_view_init (CfRequirementsView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
cf_requirements_view_new (CfContext *context)
{
  return g_object_new (CF_TYPE_REQUIREMENTS_VIEW, "context", context, NULL);
}
