/* cf-product-page.c — one product: its details, its declaration, its documents
 *
 * Copyright 2026 The Conformity Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cf-product-page"

#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "cf-assessment-wizard.h"
#include "cf-declaration.h"
#include "cf-document-compare.h"
#include "cf-document-row.h"
#include "cf-dossier-export-dialog.h"
#include "cf-product-status.h"
#include "cf-product-page.h"
#include "cf-record-editor.h"
#include "cf-user-information.h"

struct _CfProductPage
{
  AdwBin               parent_instance;

  /* Template widgets */
  GtkWidget           *example_banner;
  GtkWidget           *support_box;
  GtkImage            *support_icon;
  GtkLabel            *support_label;
  GtkLabel            *support_detail;
  AdwActionRow        *scope_row;
  GtkImage            *scope_icon;
  AdwActionRow        *category_row;
  GtkLabel            *category_badge;
  AdwActionRow        *procedures_row;
  AdwActionRow        *dates_row;
  GtkImage            *dates_icon;
  AdwExpanderRow      *readiness_row;
  GtkImage            *readiness_icon;
  GPtrArray           *readiness_rows;  /* of AdwActionRow in readiness_row */
  AdwPreferencesGroup *product_group;
  AdwPreferencesGroup *declaration_group;
  AdwActionRow        *status_row;
  GtkImage            *status_icon;
  AdwActionRow        *user_information_row;
  GtkImage            *user_information_icon;
  AdwActionRow        *procedure_row;
  GtkButton           *generate_button;
  GtkMenuButton       *documents_button;
  GtkLabel            *format_label;
  GtkWidget           *progress_box;
  GtkSpinner          *spinner;
  GtkButton           *cancel_button;
  GtkLabel            *generate_label;
  GtkListBox          *documents_list;
  GMenu               *kinds_section;
  GMenu               *languages_section;

  CfContext           *context;
  gint64               product_id;
  CfProduct           *product;
  GPtrArray           *field_rows;      /* rows made from the records' fields */
  GCancellable        *generation;      /* non-NULL while generating */
  GCancellable        *cancellable;     /* saving and opening documents */
  char                *document_language;
  gboolean             pdfa;
  GHashTable          *text_recorded;   /* document id → whether its text was kept */
};

G_DEFINE_FINAL_TYPE (CfProductPage, cf_product_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_CONTEXT,
  PROP_PRODUCT_ID,
  PROP_GENERATING,
  PROP_DOCUMENT_LANGUAGE,
  PROP_PDFA,
  N_PROPS
};

enum {
  SIGNAL_ADD_TOAST,
  N_SIGNALS
};

static GParamSpec *properties [N_PROPS];
static guint signals [N_SIGNALS];

/* Each kind of document has its own action, so that the menu can offer a
 * kind only once the generator can build it: the enabled state of an action
 * with a parameter is shared by all its targets. */
static const struct {
  const char *kind;
  const char *action;
  const char *progress;
} kinds[] = {
  { CF_DOCUMENT_KIND_DECLARATION, "product.generate",
    N_("Generating the declaration…") },
  { CF_DOCUMENT_KIND_SIMPLIFIED_DECLARATION, "product.generate-simplified-declaration",
    N_("Generating the simplified declaration…") },
  { CF_DOCUMENT_KIND_TECHNICAL_DOCUMENTATION, "product.generate-technical-documentation",
    N_("Generating the technical documentation…") },
  { CF_DOCUMENT_KIND_USER_INFORMATION, "product.generate-user-information",
    N_("Generating the information for the user…") },
};

static void
toast (CfProductPage *self,
       const char    *title)
{
  AdwToast *t = adw_toast_new (title);

  /* Errors name files and paths; give them time to be read. */
  adw_toast_set_timeout (t, 6);
  g_signal_emit (self, signals [SIGNAL_ADD_TOAST], 0, t);
}

static GtkWindow *
get_window (CfProductPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

/* Shows each field of a record as a row, "Not set" when empty. */
static void
add_record_rows (CfProductPage       *self,
                 AdwPreferencesGroup *group,
                 CfRecord            *record)
{
  guint n_specs;
  const CfFieldSpec *specs = cf_record_get_specs (record, &n_specs);

  for (guint i = 0; i < n_specs; i++)
    {
      const char *value = cf_record_get_field (record, specs[i].name);
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _(specs[i].label));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), value ? value : _("Not set"));
      adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
      gtk_widget_add_css_class (row, "property");
      if (value == NULL)
        gtk_widget_add_css_class (row, "unset");
      gtk_widget_set_name (row, specs[i].name);

      adw_preferences_group_add (group, row);
      g_ptr_array_add (self->field_rows, row);
    }
}

static void
clear_field_rows (CfProductPage *self)
{
  for (guint i = 0; i < self->field_rows->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (self->field_rows, i);
      GtkWidget *group = gtk_widget_get_ancestor (row, ADW_TYPE_PREFERENCES_GROUP);

      adw_preferences_group_remove (ADW_PREFERENCES_GROUP (group), row);
    }
  g_ptr_array_set_size (self->field_rows, 0);
}

static void
show_readiness (CfProductPage            *self,
                CfManufacturer           *manufacturer,
                CfDeclarationInfo        *info,
                const CfDeclarationFacts *facts,
                gboolean                  is_example)
{
  g_auto(GStrv) missing = cf_declaration_list_missing (manufacturer, self->product, info, facts);
  guint n = g_strv_length (missing);

  gtk_widget_remove_css_class (GTK_WIDGET (self->status_icon), "success");
  gtk_widget_remove_css_class (GTK_WIDGET (self->status_icon), "warning");

  if (n == 0)
    {
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->status_row), _("Ready to issue"));
      adw_action_row_set_subtitle (self->status_row,
                                   is_example
                                   ? _("Every item of Annex V is filled in, with example data: "
                                       "its documents are marked EXAMPLE.")
                                   : _("Every item of Annex V is filled in. Generate the declaration "
                                       "to store it, then sign it."));
      gtk_image_set_from_icon_name (self->status_icon, "emblem-ok-symbolic");
      gtk_widget_add_css_class (GTK_WIDGET (self->status_icon), "success");
    }
  else
    {
      g_autoptr(GString) list = g_string_new (NULL);
      g_autofree char *title = NULL;

      for (guint i = 0; i < n; i++)
        g_string_append_printf (list, "%s%s", i ? ", " : "", cf_declaration_describe_missing (missing[i]));

      title = g_strdup_printf (ngettext ("Draft: %u item missing", "Draft: %u items missing", n), n);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->status_row), title);
      adw_action_row_set_subtitle (self->status_row, list->str);
      gtk_image_set_from_icon_name (self->status_icon, "dialog-warning-symbolic");
      gtk_widget_add_css_class (GTK_WIDGET (self->status_icon), "warning");
    }
}

static void set_icon (GtkImage   *image,
                      const char *icon_name,
                      const char *css_class);

/* Where each kind of missing item is dealt with: the row takes the user there. */
static void
point_row_to (GtkWidget       *row,
              const CfMissing *missing)
{
  const char *what = missing->what;

  if (g_str_equal (what, "scope-not-decided") || g_str_equal (what, "out-of-scope") ||
      g_str_equal (what, "category-not-decided"))
    gtk_actionable_set_action_name (GTK_ACTIONABLE (row), "win.assess");
  else if (g_str_equal (what, "context-missing"))
    gtk_actionable_set_action_name (GTK_ACTIONABLE (row), "win.edit-context");
  else if (g_str_equal (what, "risk-register-empty"))
    gtk_actionable_set_detailed_action_name (GTK_ACTIONABLE (row), "win.show-view::risks");
  else if (g_str_equal (what, "risk-not-accepted"))
    {
      /* The item is the threat's label, "T3". */
      gtk_actionable_set_action_target (GTK_ACTIONABLE (row), "i",
                                        (gint32) g_ascii_strtoll (missing->item + 1, NULL, 10));
      gtk_actionable_set_action_name (GTK_ACTIONABLE (row), "win.show-threat");
    }
  else if (g_str_equal (what, "evidence-expired"))
    {
      /* The item is the evidence id, in decimal. */
      gtk_actionable_set_action_target (GTK_ACTIONABLE (row), "x",
                                        (gint64) g_ascii_strtoll (missing->item, NULL, 10));
      gtk_actionable_set_action_name (GTK_ACTIONABLE (row), "win.show-evidence");
    }
  else
    {
      /* The item is a requirement id: its assessment, or its missing evidence. */
      gtk_actionable_set_action_target (GTK_ACTIONABLE (row), "s", missing->item);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (row), "win.show-requirement");
    }
}

static void
show_gate (CfProductPage *self,
           CfReadiness   *readiness)
{
  g_autofree char *summary = cf_readiness_summary (readiness);

  for (guint i = 0; i < self->readiness_rows->len; i++)
    adw_expander_row_remove (self->readiness_row, g_ptr_array_index (self->readiness_rows, i));
  g_ptr_array_set_size (self->readiness_rows, 0);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->readiness_row), summary);
  set_icon (self->readiness_icon, readiness->ready ? "emblem-ok-symbolic" : "dialog-warning-symbolic",
            readiness->ready ? "success" : "warning");
  adw_expander_row_set_subtitle (self->readiness_row,
                                 readiness->ready
                                 ? _("The risk assessment is complete: every requirement assessed and, where it "
                                     "applies, implemented; every high or critical residual risk accepted.")
                                 : _("Expand to see each item; choose one to go where it is dealt with."));
  adw_expander_row_set_enable_expansion (self->readiness_row, !readiness->ready);

  for (guint i = 0; i < readiness->missing->len; i++)
    {
      CfMissing *missing = g_ptr_array_index (readiness->missing, i);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *go = gtk_image_new_from_icon_name ("go-next-symbolic");

      gtk_widget_set_name (row, missing->item);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), missing->message);
      adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 0);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), go);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      point_row_to (row, missing);
      g_object_set_data_full (G_OBJECT (row), "what", g_strdup (missing->what), g_free);

      adw_expander_row_add_row (self->readiness_row, row);
      g_ptr_array_add (self->readiness_rows, row);
    }
}

static void
set_icon (GtkImage   *image,
          const char *icon_name,
          const char *css_class)
{
  static const char * const classes[] = { "success", "warning", "error", "dim-label" };

  for (guint i = 0; i < G_N_ELEMENTS (classes); i++)
    gtk_widget_remove_css_class (GTK_WIDGET (image), classes[i]);
  gtk_image_set_from_icon_name (image, icon_name);
  gtk_widget_add_css_class (GTK_WIDGET (image), css_class);
}

/* Scope, category, procedures and dates at a glance. */
static void
show_assessment (CfProductPage   *self,
                 CfProductStatus *status)
{
  CfCatalogue *catalogue = cf_context_get_catalogue (self->context);
  CfCategory category = status->classification ? status->classification->category : CF_CATEGORY_DEFAULT;
  g_autoptr(GString) reasons = g_string_new (NULL);
  g_autoptr(GString) items = g_string_new (NULL);
  g_autoptr(GString) procedures = g_string_new (NULL);
  g_autoptr(GString) dates = g_string_new (NULL);
  g_autofree char *badge_class = NULL;
  g_auto(GStrv) usable = cf_routing_usable_ids (status->routes);
  CfLifecycle *lc = status->lifecycle;
  static const char * const badge_classes[] = {
    "category-default", "category-important-class-1", "category-important-class-2", "category-critical",
  };

  /* Scope */
  for (guint i = 0; i < status->scope->reasons->len && status->scope->outcome != CF_SCOPE_INCOMPLETE; i++)
    {
      CfScopeReason *reason = g_ptr_array_index (status->scope->reasons, i);

      g_string_append_printf (reasons, "%s%s (%s)", i ? "\n" : "", reason->text, reason->ref);
    }
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->scope_row),
                                 cf_scope_outcome_get_label (status->scope->outcome));
  adw_action_row_set_subtitle (self->scope_row,
                               status->scope->outcome == CF_SCOPE_INCOMPLETE
                               ? _("Answer the scope questions to find out whether Regulation (EU) 2024/2847 "
                                   "applies to this product.")
                               : reasons->str);
  switch (status->scope->outcome)
    {
    case CF_SCOPE_IN_SCOPE:
      set_icon (self->scope_icon, "emblem-ok-symbolic", "success");
      break;
    case CF_SCOPE_OUT_OF_SCOPE:
      set_icon (self->scope_icon, "action-unavailable-symbolic", "error");
      break;
    case CF_SCOPE_NEEDS_REVIEW:
      set_icon (self->scope_icon, "dialog-warning-symbolic", "warning");
      break;
    case CF_SCOPE_INCOMPLETE:
    default:
      set_icon (self->scope_icon, "dialog-question-symbolic", "dim-label");
      break;
    }

  /* Category, as a badge; the items behind it underneath */
  for (guint i = 0; i < G_N_ELEMENTS (badge_classes); i++)
    gtk_widget_remove_css_class (GTK_WIDGET (self->category_badge), badge_classes[i]);
  gtk_widget_add_css_class (GTK_WIDGET (self->category_badge), "category-badge");
  gtk_widget_add_css_class (GTK_WIDGET (self->category_badge), badge_classes[category]);
  gtk_label_set_text (self->category_badge,
                      status->classification ? cf_category_get_label (category) : _("Not classified"));
  if (status->classification == NULL)
    g_string_append (items, _("Not classified yet: until it is, the declaration stays a draft."));
  else if (status->classification->items[0] == NULL)
    g_string_append (items, _("Not in Annex III or Annex IV."));
  for (guint i = 0; status->classification && status->classification->items[i] != NULL; i++)
    {
      CfCatalogueItem *item = cf_catalogue_lookup (catalogue, status->classification->items[i]);

      if (item != NULL)
        g_string_append_printf (items, "%s%s: %s", i ? "\n" : "", cf_catalogue_item_get_display_ref (item),
                                cf_catalogue_item_get_text (item));
    }
  if (status->classification && status->classification->category != status->classification->suggested_category)
    g_string_append_printf (items, "\n%s %s", _("Differs from the suggestion:"),
                            status->classification->justification);
  adw_action_row_set_subtitle (self->category_row, items->str);

  /* Procedures */
  for (guint i = 0; usable[i] != NULL; i++)
    {
      CfProcedure procedure;

      cf_procedure_from_id (usable[i], &procedure);
      g_string_append_printf (procedures, "%s%s", i ? "\n" : "", cf_procedure_get_label (procedure));
    }
  adw_action_row_set_subtitle (self->procedures_row, procedures->len ? procedures->str : _("None"));

  /* Dates */
  if (lc->placed_on_market != NULL)
    {
      g_autofree char *date = cf_date_to_iso (lc->placed_on_market);

      g_string_append_printf (dates, _("Placed on the market: %s"), date);
      if (lc->placed_before_application)
        g_string_append_printf (dates, " %s", _("(before 11 December 2027: the requirements apply only after a "
                                                "substantial modification, the reporting obligations always; "
                                                "Article 69)"));
    }
  else
    g_string_append (dates, _("Placed on the market: not set"));
  if (lc->end_of_support_label != NULL)
    g_string_append_printf (dates, "\n%s %s", _("Supported until:"), lc->end_of_support_label);
  if (lc->support_needs_rationale)
    g_string_append_printf (dates, "\n%s", _("The support period is shorter than five years and it is not "
                                              "explained why (Article 13(8))."));
  if (lc->retention_until != NULL)
    {
      g_autofree char *date = cf_date_to_iso (lc->retention_until);

      g_string_append_printf (dates, "\n%s %s", _("Keep the documentation until:"), date);
    }
  for (guint i = 0; i < lc->key_dates->len; i++)
    {
      CfKeyDate *key = g_ptr_array_index (lc->key_dates, i);
      g_autofree char *date = cf_date_to_iso (key->date);

      if (g_str_equal (key->id, "Date.reporting") || g_str_equal (key->id, "Date.application"))
        {
          g_string_append_c (dates, '\n');
          /* Translators: a date, what applies from it, and maybe " (applies now)" */
          g_string_append_printf (dates, _("%s: %s%s"), date, key->label,
                                  key->passed ? _(" (applies now)") : "");
        }
    }
  adw_action_row_set_subtitle (self->dates_row, dates->str);
  gtk_widget_set_visible (GTK_WIDGET (self->dates_icon),
                          lc->support_needs_rationale || lc->support_ends_before_placing);
}

/* Whether the document's plain text was recorded when it was generated.
 * A stored document never changes, so the answer is kept. */
static gboolean
text_is_recorded (CfProductPage  *self,
                  CfDocumentInfo *document)
{
  gint64 id = cf_document_info_get_id (document);
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  gpointer recorded;

  if (g_hash_table_lookup_extended (self->text_recorded, &id, NULL, &recorded))
    return GPOINTER_TO_INT (recorded);

  text = cf_store_get_document_text (cf_context_get_store (self->context), id, &error);
  if (error == NULL)
    g_hash_table_insert (self->text_recorded, g_memdup2 (&id, sizeof id), GINT_TO_POINTER (text != NULL));

  return text != NULL;
}

static int
compare_versions_descending (gconstpointer a,
                             gconstpointer b)
{
  CfDocumentInfo *first = *(CfDocumentInfo **) a;
  CfDocumentInfo *second = *(CfDocumentInfo **) b;

  return cf_document_info_get_version (second) - cf_document_info_get_version (first);
}

/* The earlier versions of @document's kind it can be compared with, newest
 * first; empty when its own text was not recorded. */
static GPtrArray *
list_earlier (CfProductPage  *self,
              GPtrArray      *documents,
              CfDocumentInfo *document)
{
  GPtrArray *earlier = g_ptr_array_new_with_free_func (g_object_unref);

  if (!text_is_recorded (self, document))
    return earlier;

  for (guint i = 0; i < documents->len; i++)
    {
      CfDocumentInfo *other = g_ptr_array_index (documents, i);

      if (g_strcmp0 (cf_document_info_get_kind (other), cf_document_info_get_kind (document)) == 0 &&
          cf_document_info_get_version (other) < cf_document_info_get_version (document) &&
          text_is_recorded (self, other))
        g_ptr_array_add (earlier, g_object_ref (other));
    }
  g_ptr_array_sort (earlier, compare_versions_descending);

  return earlier;
}

static void
reload_documents (CfProductPage *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) documents = NULL;

  for (GtkListBoxRow *row = gtk_list_box_get_row_at_index (self->documents_list, 0);
       row != NULL;
       row = gtk_list_box_get_row_at_index (self->documents_list, 0))
    gtk_list_box_remove (self->documents_list, GTK_WIDGET (row));

  if (self->product == NULL)
    return;

  documents = cf_store_list_documents (cf_context_get_store (self->context), self->product_id, &error);
  if (documents == NULL)
    {
      toast (self, error->message);
      return;
    }

  for (guint i = 0; i < documents->len; i++)
    {
      CfDocumentInfo *document = g_ptr_array_index (documents, i);
      g_autoptr(GPtrArray) earlier = list_earlier (self, documents, document);
      GtkWidget *row = cf_document_row_new (document);

      cf_document_row_set_comparable (CF_DOCUMENT_ROW (row), earlier->len > 0);
      gtk_list_box_append (self->documents_list, row);
    }
}

/* A summary rather than every field: the instructions are paragraphs, and
 * the page would become the document. What is still empty is what matters. */
static void
show_user_information (CfProductPage     *self,
                       CfUserInformation *info)
{
  guint n_specs;
  const CfFieldSpec *specs = cf_record_get_specs (CF_RECORD (info), &n_specs);
  g_autoptr(GString) missing = g_string_new (NULL);
  guint n_missing = 0;

  for (guint i = 0; i < n_specs; i++)
    {
      if (cf_record_is_filled (CF_RECORD (info), specs[i].name))
        continue;
      if (missing->len > 0)
        g_string_append_c (missing, '\n');
      g_string_append (missing, _(specs[i].label));
      n_missing++;
    }

  gtk_widget_remove_css_class (GTK_WIDGET (self->user_information_icon), "success");
  gtk_widget_remove_css_class (GTK_WIDGET (self->user_information_icon), "warning");
  if (n_missing == 0)
    {
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->user_information_row),
                                     _("Every point of Annex II is written"));
      adw_action_row_set_subtitle (self->user_information_row,
                                   _("Generate the user information from Other Documents."));
      gtk_image_set_from_icon_name (self->user_information_icon, "emblem-ok-symbolic");
      gtk_widget_add_css_class (GTK_WIDGET (self->user_information_icon), "success");
    }
  else
    {
      g_autofree char *title =
        g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u of %u points not written yet",
                                      "%u of %u points not written yet", n_missing),
                         n_missing, n_specs);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->user_information_row), title);
      adw_action_row_set_subtitle (self->user_information_row, missing->str);
      gtk_image_set_from_icon_name (self->user_information_icon, "dialog-warning-symbolic");
      gtk_widget_add_css_class (GTK_WIDGET (self->user_information_icon), "warning");
    }
}

/* Users must be able to see until when they get security updates
 * (Article 13(19), Annex II point 7): shown first, and a warning once the
 * end is a year away or has passed. */
static void
show_support_period (CfProductPage *self)
{
  static const char * const classes[] = { "warning", "expired" };
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  GDate *end = cf_field_parse_date (cf_record_get_field (CF_RECORD (self->product), "support-end"));
  GDate today, in_a_year;
  g_autofree char *label = NULL;
  g_autofree char *detail = NULL;
  const char *css_class = NULL;
  const char *icon = "software-update-available-symbolic";
  char date[128];
  int days;

  for (guint i = 0; i < G_N_ELEMENTS (classes); i++)
    gtk_widget_remove_css_class (self->support_box, classes[i]);
  gtk_widget_set_visible (self->support_box, TRUE);

  if (end == NULL)
    {
      gtk_image_set_from_icon_name (self->support_icon, "dialog-information-symbolic");
      gtk_label_set_text (self->support_label, _("End of the support period not recorded"));
      gtk_label_set_text (self->support_detail,
                          _("Users must be able to see until when they receive security updates "
                            "(Article 13(19)). Edit the product to record it."));
      return;
    }

  g_date_clear (&today, 1);
  g_date_set_dmy (&today, g_date_time_get_day_of_month (now), g_date_time_get_month (now),
                  g_date_time_get_year (now));
  in_a_year = today;
  g_date_add_months (&in_a_year, 12);
  days = g_date_days_between (&today, end);
  /* Translators: a date as in "Security updates until 31 December 2031", see strftime */
  g_date_strftime (date, sizeof date, _("%-d %B %Y"), end);

  if (days < 0)
    {
      css_class = "expired";
      icon = "dialog-error-symbolic";
      /* Translators: the end of the support period has passed */
      label = g_strdup_printf (_("Security updates ended on %s"), date);
      detail = g_strdup (_("The support period is over: the product no longer receives security "
                           "updates, and its users must be able to see that (Article 13(19))."));
    }
  else if (g_date_compare (end, &in_a_year) <= 0)
    {
      css_class = "warning";
      icon = "dialog-warning-symbolic";
      label = g_strdup_printf (_("Security updates until %s"), date);
      detail = days < 62
               ? g_strdup_printf (ngettext ("The support period ends in %d day. Tell the users, and "
                                            "decide whether to extend it (Article 13(8) and (19)).",
                                            "The support period ends in %d days. Tell the users, and "
                                            "decide whether to extend it (Article 13(8) and (19)).",
                                            days), days)
               : g_strdup_printf (ngettext ("The support period ends in about %d month. Tell the users, "
                                            "and decide whether to extend it (Article 13(8) and (19)).",
                                            "The support period ends in about %d months. Tell the users, "
                                            "and decide whether to extend it (Article 13(8) and (19)).",
                                            days / 30), days / 30);
    }
  else
    {
      label = g_strdup_printf (_("Security updates until %s"), date);
      detail = g_strdup (_("The end of the support period, shown to users as Article 13(19) and "
                           "Annex II point 7 require"));
    }

  gtk_image_set_from_icon_name (self->support_icon, icon);
  gtk_label_set_text (self->support_label, label);
  gtk_label_set_text (self->support_detail, detail);
  if (css_class != NULL)
    gtk_widget_add_css_class (self->support_box, css_class);
  g_date_free (end);
}

static void
reload (CfProductPage *self)
{
  CfStore *store = cf_context_get_store (self->context);
  g_autoptr(GError) error = NULL;
  g_autoptr(CfManufacturer) manufacturer = NULL;
  g_autoptr(CfDeclarationInfo) info = NULL;
  g_autoptr(CfUserInformation) user_information = NULL;
  g_autoptr(CfProductStatus) status = NULL;
  CfDeclarationFacts facts = { 0 };
  CfProcedure procedure;
  gboolean is_example;
  guint first_declaration_row;

  clear_field_rows (self);
  g_clear_object (&self->product);

  if (self->product_id == 0)
    {
      reload_documents (self);
      return;
    }

  self->product = cf_store_get_product (store, self->product_id, &error);
  if (self->product == NULL)
    {
      toast (self, error->message);
      reload_documents (self);
      return;
    }

  manufacturer = cf_store_get_manufacturer (store, &error);
  if (error != NULL)
    {
      toast (self, error->message);
      g_clear_error (&error);
    }
  info = cf_store_get_declaration_info (store, self->product_id, &error);
  if (info == NULL)
    {
      toast (self, error->message);
      info = cf_declaration_info_new ();
    }

  is_example = cf_record_get_is_example (CF_RECORD (self->product)) ||
               (manufacturer && cf_record_get_is_example (CF_RECORD (manufacturer)));
  gtk_widget_set_visible (self->example_banner, is_example);
  show_support_period (self);

  add_record_rows (self, self->product_group, CF_RECORD (self->product));

  user_information = cf_store_get_user_information (store, self->product_id, &error);
  if (user_information == NULL)
    {
      toast (self, error->message);
      g_clear_error (&error);
      user_information = cf_user_information_new ();
    }
  show_user_information (self, user_information);

  procedure = cf_declaration_info_get_procedure (info);
  status = cf_product_status_load (store, cf_context_get_catalogue (self->context), self->product_id,
                                   NULL, &error);
  if (status == NULL)
    {
      toast (self, error->message);
      g_clear_error (&error);
    }
  else
    {
      facts = cf_product_status_get_facts (status, cf_context_get_catalogue (self->context));
      show_assessment (self, status);
      show_gate (self, status->readiness);
    }
  show_readiness (self, manufacturer, info, status ? &facts : NULL, is_example);
  adw_action_row_set_subtitle (self->procedure_row, cf_procedure_get_label (procedure));
  first_declaration_row = self->field_rows->len;
  add_record_rows (self, self->declaration_group, CF_RECORD (info));

  /* Annex V point 7 applies "where applicable": say so rather than "Not set". */
  for (guint i = first_declaration_row; i < self->field_rows->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (self->field_rows, i);
      const char *name = gtk_widget_get_name (row);
      gboolean not_applicable =
        (g_str_has_prefix (name, "notified-body-") && !cf_procedure_needs_notified_body (procedure)) ||
        (g_str_equal (name, "certificate") && procedure == CF_PROCEDURE_MODULE_A);

      if (not_applicable && cf_record_get_field (CF_RECORD (info), name) == NULL)
        adw_action_row_set_subtitle (ADW_ACTION_ROW (row), _("Not applicable to this procedure"));
    }

  reload_documents (self);
}

static void
store_changed_cb (CfProductPage *self,
                  gint64         id,
                  CfStore       *store)
{
  /* The manufacturer's changes matter too: it appears in every declaration. */
  if (id == self->product_id || id == 1)
    reload (self);
}

/* Editing */

/* Only what the form changed, on the product as stored now: a field another
 * program (the command line in a CI job) changed meanwhile keeps its value. */
static gboolean
save_product_cb (CfRecordEditor  *editor,
                 CfRecord        *record,
                 gpointer         user_data,
                 GError         **error)
{
  CfProductPage *self = user_data;

  return cf_store_edit_product (cf_context_get_store (self->context), cf_record_get_id (record),
                                cf_record_editor_apply_changes, editor, error);
}

static void
edit_action_cb (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  CfProductPage *self = CF_PRODUCT_PAGE (widget);
  CfRecordEditor *editor;

  if (self->product == NULL)
    return;

  editor = cf_record_editor_new (get_window (self), _("Edit Product"), CF_RECORD (self->product),
                                 save_product_cb, g_object_ref (self), g_object_unref);
  gtk_window_present (GTK_WINDOW (editor));
}

static void
assess_action_cb (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  CfProductPage *self = CF_PRODUCT_PAGE (widget);
  g_autoptr(GError) error = NULL;
  CfAssessmentWizard *wizard;

  wizard = cf_assessment_wizard_new (get_window (self), self->context, self->product_id, &error);
  if (wizard == NULL)
    {
      toast (self, error->message);
      return;
    }

  gtk_window_present (GTK_WINDOW (wizard));
}

static gboolean
save_declaration_cb (CfRecordEditor  *editor,
                     CfRecord        *record,
                     gpointer         user_data,
                     GError         **error)
{
  CfProductPage *self = user_data;

  /* The form's copy carries the product's id: the product it was opened for. */
  return cf_store_edit_declaration_info (cf_context_get_store (self->context),
                                         cf_record_get_id (record),
                                         cf_record_editor_apply_changes, editor, error);
}

static void
procedure_selected_cb (AdwComboRow       *row,
                       GParamSpec        *pspec,
                       CfDeclarationInfo *info)
{
  cf_declaration_info_set_procedure (info, adw_combo_row_get_selected (row));
}

static void
edit_declaration_action_cb (GtkWidget  *widget,
                            const char *action_name,
                            GVariant   *parameter)
{
  CfProductPage *self = CF_PRODUCT_PAGE (widget);
  g_autoptr(GError) error = NULL;
  g_autoptr(CfDeclarationInfo) info = NULL;
  g_autoptr(GtkStringList) procedures = gtk_string_list_new (NULL);
  CfRecordEditor *editor;
  CfDeclarationInfo *working;
  GtkWidget *combo;

  info = cf_store_get_declaration_info (cf_context_get_store (self->context), self->product_id, &error);
  if (info == NULL)
    {
      toast (self, error->message);
      return;
    }

  editor = cf_record_editor_new (get_window (self), _("Declaration Details"), CF_RECORD (info),
                                 save_declaration_cb, g_object_ref (self), g_object_unref);
  working = CF_DECLARATION_INFO (cf_record_editor_get_record (editor));

  for (CfProcedure p = CF_PROCEDURE_MODULE_A; p <= CF_PROCEDURE_CERTIFICATION; p++)
    gtk_string_list_append (procedures, cf_procedure_get_label (p));

  combo = adw_combo_row_new ();
  gtk_widget_set_name (combo, "procedure");
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (combo),
                                 _("Conformity assessment procedure (Article 32)"));
  /* The procedures' names are long: show the choice in full, under the title. */
  adw_combo_row_set_use_subtitle (ADW_COMBO_ROW (combo), TRUE);
  adw_combo_row_set_model (ADW_COMBO_ROW (combo), G_LIST_MODEL (procedures));
  adw_combo_row_set_selected (ADW_COMBO_ROW (combo), cf_declaration_info_get_procedure (working));
  g_signal_connect_object (combo, "notify::selected", G_CALLBACK (procedure_selected_cb), working, 0);
  cf_record_editor_add_extra_row (editor, combo);

  gtk_window_present (GTK_WINDOW (editor));
}

/* Generating */

/* Says under the buttons what the next document will be like. */
static void
show_format (CfProductPage *self)
{
  const char *language = cf_document_language_get_label (self->document_language);
  g_autofree char *text = NULL;

  if (self->pdfa)
    /* Translators: the language documents are generated in, e.g. "German" */
    text = g_strdup_printf (_("Documents are generated in %s, as PDF/A-1b for archiving."), language);
  else
    /* Translators: the language documents are generated in, e.g. "German" */
    text = g_strdup_printf (_("Documents are generated in %s."), language);
  gtk_label_set_text (self->format_label, text);
}

/* The generate actions are enabled while nothing is being generated, each
 * kind's only once the generator can build it. */
static void
update_generate_actions (CfProductPage *self)
{
  gboolean idle = self->generation == NULL;

  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    gtk_widget_action_set_enabled (GTK_WIDGET (self), kinds[i].action,
                                   idle && cf_generator_can_generate (kinds[i].kind));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "product.generate-document", idle);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "product.cancel-generation", !idle);
}

/* @kind: what is being generated, or %NULL when nothing is any more */
static void
set_generating (CfProductPage *self,
                const char    *kind)
{
  const char *progress = NULL;

  for (guint i = 0; kind != NULL && i < G_N_ELEMENTS (kinds); i++)
    if (g_str_equal (kinds[i].kind, kind))
      progress = _(kinds[i].progress);

  update_generate_actions (self);
  gtk_spinner_set_spinning (self->spinner, kind != NULL);
  gtk_widget_set_visible (self->progress_box, kind != NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->format_label), kind == NULL);
  gtk_label_set_text (self->generate_label, progress ? progress : kind ? _("Generating…") : "");
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_GENERATING]);
}

/* Each kind and outcome has its own sentence, for the translators' sake. */
static char *
describe_stored (CfDocumentInfo *document,
                 const char     *product_name)
{
  const char *kind = cf_document_info_get_kind (document);
  gint version = cf_document_info_get_version (document);
  const char *language = cf_document_language_get_label (cf_document_info_get_language (document));
  gboolean draft = cf_document_info_get_is_draft (document);

  /* Translators: in these toasts, the version number, its language, then the product's name */
  if (g_str_equal (kind, CF_DOCUMENT_KIND_SIMPLIFIED_DECLARATION))
    return draft
      ? g_strdup_printf (_("Simplified declaration version %d (%s) of “%s” stored as a draft"),
                         version, language, product_name)
      : g_strdup_printf (_("Simplified declaration version %d (%s) of “%s” stored"),
                         version, language, product_name);
  if (g_str_equal (kind, CF_DOCUMENT_KIND_TECHNICAL_DOCUMENTATION))
    return draft
      ? g_strdup_printf (_("Technical documentation version %d (%s) of “%s” stored as a draft"),
                         version, language, product_name)
      : g_strdup_printf (_("Technical documentation version %d (%s) of “%s” stored"),
                         version, language, product_name);
  if (g_str_equal (kind, CF_DOCUMENT_KIND_USER_INFORMATION))
    return draft
      ? g_strdup_printf (_("Information for the user version %d (%s) of “%s” stored as a draft"),
                         version, language, product_name)
      : g_strdup_printf (_("Information for the user version %d (%s) of “%s” stored"),
                         version, language, product_name);

  return draft
    ? g_strdup_printf (_("Declaration version %d (%s) of “%s” stored as a draft"),
                       version, language, product_name)
    : g_strdup_printf (_("Declaration version %d (%s) of “%s” stored"),
                       version, language, product_name);
}

static void
generate_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(CfProductPage) self = user_data;
  g_autoptr(CfDocumentInfo) document = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(CfProduct) product = NULL;
  g_autofree char *name = NULL;
  g_autofree char *title = NULL;
  AdwToast *t;

  document = cf_generator_generate_finish (CF_GENERATOR (source), result, &error);
  g_clear_object (&self->generation);
  set_generating (self, NULL);

  if (document == NULL)
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        toast (self, _("Generation cancelled. Nothing was stored."));
      else
        toast (self, error->message);
      return;
    }

  /* The user may have moved to another product meanwhile: name this one. */
  product = cf_store_get_product (cf_context_get_store (self->context),
                                  cf_document_info_get_product_id (document), NULL);
  name = product ? cf_product_dup_display_name (product) : g_strdup ("");
  title = describe_stored (document, name);

  t = adw_toast_new (title);
  adw_toast_set_button_label (t, _("_Open"));
  adw_toast_set_action_name (t, "product.open-document");
  adw_toast_set_action_target_value (t, g_variant_new_int64 (cf_document_info_get_id (document)));
  g_signal_emit (self, signals [SIGNAL_ADD_TOAST], 0, t);
}

/* In the language and format chosen in the Other Documents menu. */
static void
generate (CfProductPage *self,
          const char    *kind)
{
  CfGenerateOptions options = { self->document_language, self->pdfa };

  if (self->product == NULL || self->generation != NULL)
    return;

  self->generation = g_cancellable_new ();
  set_generating (self, kind);
  cf_generator_generate_with_async (cf_context_get_generator (self->context), self->product_id, kind,
                                    &options, self->generation, generate_cb, g_object_ref (self));
}

static void
generate_action_cb (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  CfProductPage *self = CF_PRODUCT_PAGE (widget);

  /* "product.generate-document" names the kind; the others are one kind each. */
  if (parameter != NULL)
    {
      generate (self, g_variant_get_string (parameter, NULL));
      return;
    }

  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    if (g_str_equal (kinds[i].action, action_name))
      generate (self, kinds[i].kind);
}

static void
cancel_generation_action_cb (GtkWidget  *widget,
                             const char *action_name,
                             GVariant   *parameter)
{
  CfProductPage *self = CF_PRODUCT_PAGE (widget);

  g_cancellable_cancel (self->generation);
}

static void
set_document_language (CfProductPage *self,
                       const char    *language)
{
  g_assert (CF_IS_PRODUCT_PAGE (self));

  /* A property action passes on whatever target a caller gave. */
  if (!cf_document_language_is_known (language))
    {
      g_warning ("“%s” is not a language documents are written in", language);
      return;
    }
  if (g_strcmp0 (self->document_language, language) == 0)
    return;

  g_free (self->document_language);
  self->document_language = g_strdup (language);
  show_format (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_DOCUMENT_LANGUAGE]);
}

static void
set_pdfa (CfProductPage *self,
          gboolean       pdfa)
{
  g_assert (CF_IS_PRODUCT_PAGE (self));

  pdfa = !!pdfa;
  if (self->pdfa == pdfa)
    return;

  self->pdfa = pdfa;
  show_format (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_PDFA]);
}

/* The menu offers every kind but the declaration, which has its own button,
 * and every language, each by its own name. */
static void
fill_documents_menu (CfProductPage *self)
{
  const char * const *languages = cf_document_language_list ();

  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    if (!g_str_equal (kinds[i].kind, CF_DOCUMENT_KIND_DECLARATION))
      g_menu_append (self->kinds_section, cf_document_kind_get_label (kinds[i].kind), kinds[i].action);

  for (guint i = 0; languages[i] != NULL; i++)
    {
      g_autoptr(GMenuItem) item = g_menu_item_new (cf_document_language_get_endonym (languages[i]), NULL);

      g_menu_item_set_action_and_target_value (item, "product.document-language",
                                               g_variant_new_string (languages[i]));
      g_menu_append_item (self->languages_section, item);
    }
}

/* Documents */

static CfDocumentInfo *
find_document (CfProductPage *self,
               gint64         document_id)
{
  g_autoptr(GError) error = NULL;
  CfDocumentInfo *document;

  document = cf_store_get_document (cf_context_get_store (self->context), document_id, &error);
  if (document == NULL)
    toast (self, error->message);

  return document;
}

static void
reset_cancellable (CfProductPage *self)
{
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
}

static void
opened_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(CfProductPage) self = g_object_ref (g_object_get_data (G_OBJECT (user_data), "page"));
  g_autoptr(GFile) file = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *uri = NULL;

  if (!cf_store_save_document_finish (CF_STORE (source), result, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        toast (self, error->message);
      return;
    }

  uri = g_file_get_uri (file);
  gtk_show_uri (get_window (self), uri, GDK_CURRENT_TIME);
}

/* The default viewer needs a file: the verified document is written to the
 * user's cache, readable by the user only, then opened from there. */
static void
open_document_action_cb (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  CfProductPage *self = CF_PRODUCT_PAGE (widget);
  g_autoptr(CfDocumentInfo) document = find_document (self, g_variant_get_int64 (parameter));
  g_autofree char *folder = NULL;
  g_autofree char *name = NULL;
  g_autofree char *path = NULL;
  GFile *file;

  if (document == NULL)
    return;

  folder = g_build_filename (g_get_user_cache_dir (), "conformity", "documents", NULL);
  if (g_mkdir_with_parents (folder, 0700) != 0)
    {
      g_autofree char *message = g_strdup_printf (_("Could not create the folder “%s”: %s"),
                                                  folder, g_strerror (errno));

      toast (self, message);
      return;
    }

  name = cf_document_info_dup_file_name (document, self->product ? cf_product_get_name (self->product) : NULL);
  path = g_build_filename (folder, name, NULL);
  file = g_file_new_for_path (path);
  g_object_set_data_full (G_OBJECT (file), "page", g_object_ref (self), g_object_unref);

  reset_cancellable (self);
  cf_store_save_document_async (cf_context_get_store (self->context), cf_document_info_get_id (document),
                                file, self->cancellable, opened_cb, file);
}

static void
saved_cb (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(CfProductPage) self = g_object_ref (g_object_get_data (G_OBJECT (user_data), "page"));
  g_autoptr(GFile) file = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  g_autofree char *message = NULL;

  if (!cf_store_save_document_finish (CF_STORE (source), result, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        toast (self, error->message);
      return;
    }

  name = g_file_get_basename (file);
  message = g_strdup_printf (_("Saved “%s”"), name);
  toast (self, message);
}

static void
save_response_cb (GtkNativeDialog *dialog,
                  int              response,
                  gpointer         user_data)
{
  g_autoptr(CfProductPage) self = user_data;
  gint64 document_id = *(gint64 *) g_object_get_data (G_OBJECT (dialog), "document-id");

  if (response == GTK_RESPONSE_ACCEPT)
    {
      GFile *file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));

      g_object_set_data_full (G_OBJECT (file), "page", g_object_ref (self), g_object_unref);
      reset_cancellable (self);
      cf_store_save_document_async (cf_context_get_store (self->context), document_id, file,
                                    self->cancellable, saved_cb, file);
    }

  gtk_native_dialog_destroy (dialog);
  g_object_unref (dialog);
}

static void
save_document_action_cb (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  CfProductPage *self = CF_PRODUCT_PAGE (widget);
  g_autoptr(CfDocumentInfo) document = find_document (self, g_variant_get_int64 (parameter));
  g_autoptr(GtkFileFilter) filter = NULL;
  g_autofree char *name = NULL;
  GtkFileChooserNative *dialog;

  if (document == NULL)
    return;

  dialog = gtk_file_chooser_native_new (_("Save Document"), get_window (self),
                                        GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);

  name = cf_document_info_dup_file_name (document, self->product ? cf_product_get_name (self->product) : NULL);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (dialog), name);

  filter = gtk_file_filter_new ();
  gtk_file_filter_set_name (filter, _("PDF documents"));
  gtk_file_filter_add_mime_type (filter, "application/pdf");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (dialog), filter);

  g_object_set_data_full (G_OBJECT (dialog), "document-id",
                          g_memdup2 (&(gint64) { cf_document_info_get_id (document) }, sizeof (gint64)),
                          g_free);
  g_signal_connect (dialog, "response", G_CALLBACK (save_response_cb), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

static void
export_dossier_action_cb (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  CfProductPage *self = CF_PRODUCT_PAGE (widget);

  if (self->product == NULL)
    return;

  cf_dossier_export_dialog_run (get_window (self), self->context,
                                cf_record_get_id (CF_RECORD (self->product)),
                                cf_product_get_name (self->product));
}

static void
compare_document_action_cb (GtkWidget  *widget,
                            const char *action_name,
                            GVariant   *parameter)
{
  CfProductPage *self = CF_PRODUCT_PAGE (widget);
  CfStore *store = cf_context_get_store (self->context);
  g_autoptr(CfDocumentInfo) document = find_document (self, g_variant_get_int64 (parameter));
  g_autoptr(GPtrArray) documents = NULL;
  g_autoptr(GPtrArray) earlier = NULL;
  g_autoptr(GError) error = NULL;
  CfDocumentCompare *dialog;

  if (document == NULL)
    return;

  documents = cf_store_list_documents (store, cf_document_info_get_product_id (document), &error);
  if (documents == NULL)
    {
      toast (self, error->message);
      return;
    }

  earlier = list_earlier (self, documents, document);
  if (earlier->len == 0)
    {
      toast (self, _("There is no earlier version with recorded text to compare this one with."));
      return;
    }

  dialog = cf_document_compare_new (get_window (self), store, document, earlier);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* GObject */

static void
cf_product_page_constructed (GObject *object)
{
  CfProductPage *self = CF_PRODUCT_PAGE (object);

  G_OBJECT_CLASS (cf_product_page_parent_class)->constructed (object);

  g_signal_connect_object (cf_context_get_store (self->context), "changed",
                           G_CALLBACK (store_changed_cb), self, G_CONNECT_SWAPPED);
  reload (self);
}

static void
cf_product_page_dispose (GObject *object)
{
  CfProductPage *self = CF_PRODUCT_PAGE (object);

  g_cancellable_cancel (self->generation);
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->generation);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->product);
  g_clear_object (&self->context);
  g_clear_pointer (&self->field_rows, g_ptr_array_unref);
  g_clear_pointer (&self->readiness_rows, g_ptr_array_unref);

  G_OBJECT_CLASS (cf_product_page_parent_class)->dispose (object);
}

static void
cf_product_page_finalize (GObject *object)
{
  CfProductPage *self = CF_PRODUCT_PAGE (object);

  g_clear_pointer (&self->document_language, g_free);
  g_clear_pointer (&self->text_recorded, g_hash_table_unref);

  G_OBJECT_CLASS (cf_product_page_parent_class)->finalize (object);
}

static void
cf_product_page_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  CfProductPage *self = CF_PRODUCT_PAGE (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      g_value_set_object (value, self->context);
      break;

    case PROP_PRODUCT_ID:
      g_value_set_int64 (value, self->product_id);
      break;

    case PROP_GENERATING:
      g_value_set_boolean (value, self->generation != NULL);
      break;

    case PROP_DOCUMENT_LANGUAGE:
      g_value_set_string (value, self->document_language);
      break;

    case PROP_PDFA:
      g_value_set_boolean (value, self->pdfa);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cf_product_page_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  CfProductPage *self = CF_PRODUCT_PAGE (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      self->context = g_value_dup_object (value);
      break;

    case PROP_PRODUCT_ID:
      cf_product_page_set_product_id (self, g_value_get_int64 (value));
      break;

    case PROP_DOCUMENT_LANGUAGE:
      set_document_language (self, g_value_get_string (value));
      break;

    case PROP_PDFA:
      set_pdfa (self, g_value_get_boolean (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cf_product_page_class_init (CfProductPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = cf_product_page_constructed;
  object_class->dispose = cf_product_page_dispose;
  object_class->finalize = cf_product_page_finalize;
  object_class->get_property = cf_product_page_get_property;
  object_class->set_property = cf_product_page_set_property;

  properties [PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL,
                         CF_TYPE_CONTEXT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties [PROP_PRODUCT_ID] =
    g_param_spec_int64 ("product-id", NULL, NULL,
                        0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties [PROP_GENERATING] =
    g_param_spec_boolean ("generating", NULL, NULL,
                          FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  /* The language and format of the documents generated next, chosen in
   * the Other Documents menu through their property actions. */
  properties [PROP_DOCUMENT_LANGUAGE] =
    g_param_spec_string ("document-language", NULL, NULL,
                         "en",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties [PROP_PDFA] =
    g_param_spec_boolean ("pdfa", NULL, NULL,
                          FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * CfProductPage::add-toast:
   * @toast: the toast to show
   *
   * The page reports through the window's toast overlay, via this signal.
   */
  signals [SIGNAL_ADD_TOAST] =
    g_signal_new ("add-toast",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, ADW_TYPE_TOAST);

  gtk_widget_class_install_action (widget_class, "product.edit", NULL, edit_action_cb);
  gtk_widget_class_install_action (widget_class, "product.assess", NULL, assess_action_cb);
  gtk_widget_class_install_action (widget_class, "product.edit-declaration", NULL, edit_declaration_action_cb);
  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    gtk_widget_class_install_action (widget_class, kinds[i].action, NULL, generate_action_cb);
  gtk_widget_class_install_action (widget_class, "product.generate-document", "s", generate_action_cb);
  gtk_widget_class_install_action (widget_class, "product.cancel-generation", NULL, cancel_generation_action_cb);
  gtk_widget_class_install_property_action (widget_class, "product.document-language", "document-language");
  gtk_widget_class_install_property_action (widget_class, "product.pdfa", "pdfa");
  gtk_widget_class_install_action (widget_class, "product.open-document", "x", open_document_action_cb);
  gtk_widget_class_install_action (widget_class, "product.save-document", "x", save_document_action_cb);
  gtk_widget_class_install_action (widget_class, "product.export-dossier", NULL, export_dossier_action_cb);
  gtk_widget_class_install_action (widget_class, "product.compare-document", "x", compare_document_action_cb);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/cf-product-page.ui");
  gtk_widget_class_bind_template_child (widget_class, CfProductPage, example_banner);
  gtk_widget_class_bind_template_child (widget_class, CfProductPage, support_box);
  gtk_widget_class_bind_template_child (widget_class, CfProductPage, support_icon);
  gtk_widget_class_bind_template_child (widget_class, CfProductPage, support_label);
  gtk_widget_class_bind_template_child (widget_class, CfProductPage, support_detail);
  gtk_widget_class_bind_template_child (widget_class, CfProductPage, scope_row);
  gtk_widget_class_bind_template_child (widget_class, CfProductPage, scope_icon);
  gtk_widget_class_bind_template_child (widget_class, CfProductPage, category_row);
  gtk_widget_class_bind_template_child (widget_class, CfProductPage, category_badge);
  gtk_widget_class_bind_template_child (widget_class, CfProductPage, procedures_row);
  gtk_widget_class_bind_template_child (widget_class, CfProductPage, dates_row);
  gtk_widget_class_bind_template_child (widget_class, CfProductPage, dates_icon);
  gtk_widget_class_bind_template_child (widget_class, CfProductPage, readiness_row);
  gtk_widget_class_bind_template_child (widget_class, CfProductPage, readiness_icon);
  gtk_widget_class_bind_template_child (widget_class, CfProductPage, product_group);
  gtk_widget_class_bind_template_child (widget_class, CfProductPage, declaration_group);
  gtk_widget_class_bind_template_child (widget_class, CfProductPage, status_row);
  gtk_widget_class_bind_template_child (widget_class, CfProductPage, status_icon);
  gtk_widget_class_bind_template_child (widget_class, CfProductPage, user_information_row);
  gtk_widget_class_bind_template_child (widget_class, CfProductPage, user_information_icon);
  gtk_widget_class_bind_template_child (widget_class, CfProductPage, procedure_row);
  gtk_widget_class_bind_template_child (widget_class, CfProductPage, generate_button);
  gtk_widget_class_bind_template_child (widget_class, CfProductPage, documents_button);
  gtk_widget_class_bind_template_child (widget_class, CfProductPage, format_label);
  gtk_widget_class_bind_template_child (widget_class, CfProductPage, progress_box);
  gtk_widget_class_bind_template_child (widget_class, CfProductPage, spinner);
  gtk_widget_class_bind_template_child (widget_class, CfProductPage, cancel_button);
  gtk_widget_class_bind_template_child (widget_class, CfProductPage, generate_label);
  gtk_widget_class_bind_template_child (widget_class, CfProductPage, documents_list);
  gtk_widget_class_bind_template_child (widget_class, CfProductPage, kinds_section);
  gtk_widget_class_bind_template_child (widget_class, CfProductPage, languages_section);

  g_type_ensure (CF_TYPE_DOCUMENT_ROW);
}

static void
cf_product_page_init (CfProductPage *self)
{
  GtkWidget *placeholder;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->field_rows = g_ptr_array_new ();
  self->readiness_rows = g_ptr_array_new ();
  self->cancellable = g_cancellable_new ();
  self->document_language = g_strdup ("en");
  self->text_recorded = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);

  placeholder = gtk_label_new (_("No documents yet. Generate the declaration to store its first version."));
  gtk_label_set_wrap (GTK_LABEL (placeholder), TRUE);
  gtk_widget_add_css_class (placeholder, "dim-label");
  gtk_widget_add_css_class (placeholder, "list-placeholder");
  gtk_list_box_set_placeholder (self->documents_list, placeholder);

  /* The kinds the generator can build are known now: the menu offers those. */
  fill_documents_menu (self);
  update_generate_actions (self);
  show_format (self);
}

GtkWidget *
cf_product_page_new (CfContext *context)
{
  return g_object_new (CF_TYPE_PRODUCT_PAGE, "context", context, NULL);
}

gint64
cf_product_page_get_product_id (CfProductPage *self)
{
  g_return_val_if_fail (CF_IS_PRODUCT_PAGE (self), 0);
  return self->product_id;
}

void
cf_product_page_set_product_id (CfProductPage *self,
                                gint64         product_id)
{
  g_return_if_fail (CF_IS_PRODUCT_PAGE (self));

  if (self->product_id == product_id)
    return;

  /* A generation under way belongs to the product it was started for; it
   * finishes and is stored, but the toast it raises names its version. */
  self->product_id = product_id;
  if (self->context != NULL)
    reload (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_PRODUCT_ID]);
}

gboolean
cf_product_page_get_generating (CfProductPage *self)
{
  g_return_val_if_fail (CF_IS_PRODUCT_PAGE (self), FALSE);
  return self->generation != NULL;
}
