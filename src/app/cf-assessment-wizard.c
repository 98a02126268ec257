/* cf-assessment-wizard.c — scope check, classification, procedures and dates
 *
 * Copyright 2026 The Conformity Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cf-assessment-wizard"

#include "config.h"

#include <glib/gi18n.h>

#include "cf-assessment-wizard.h"
#include "cf-discard-dialog.h"
#include "cf-lifecycle.h"
#include "cf-product-status.h"
#include "cf-routing.h"
#include "cf-scope.h"
#include "cf-text-row.h"

typedef enum
{
  PAGE_INTRO,
  PAGE_QUESTION,
  PAGE_SCOPE_RESULT,
  PAGE_CLASSIFY,
  PAGE_PROCEDURES,
  PAGE_DATES,
  PAGE_SUMMARY,
} PageKind;

typedef struct
{
  PageKind         kind;
  GtkWidget       *widget;     /* the leaflet page */
  GtkBox          *content;    /* where the page's widgets go */
  GtkBox          *dynamic;    /* refilled each time the page is shown */
  CfCatalogueItem *question;   /* PAGE_QUESTION only */
} Page;

struct _CfAssessmentWizard
{
  AdwWindow        parent_instance;

  /* Template widgets */
  AdwWindowTitle  *window_title;
  GtkButton       *back_button;
  GtkButton       *next_button;
  GtkProgressBar  *progress;
  AdwLeaflet      *pages_leaflet;   /* one page at a time, sliding */
  GtkLabel        *hint_label;

  CfContext       *context;
  CfProduct       *product;        /* a working copy: its dates are edited here */
  GHashTable      *answers;        /* question → "yes", "no" or "unsure" */
  GPtrArray       *items;          /* selected Annex III/IV item ids, in order */
  GHashTable      *coverage;       /* requirement → CfCoverage */
  gboolean         is_foss;
  gboolean         documentation_public;
  GPtrArray       *pages;          /* of Page */
  guint            current;
  gboolean         dirty;
  gboolean         closing;
  gboolean         syncing;        /* updating check buttons from the selection */

  /* Widgets the wizard updates as answers change */
  GtkSearchEntry  *search_entry;
  GtkListBox      *results_list;
  GtkWidget       *all_categories;   /* an expander row of every category */
  GtkLabel        *selection_label;
  AdwEntryRow     *justification_row;
  GtkWidget       *justification_group;
  GtkBox          *routes_box;
  GtkWidget       *coverage_group;
  AdwEntryRow     *placed_row;
  AdwEntryRow     *support_row;
  CfTextRow       *rationale_row;
  GtkLabel        *support_label;
  GtkLabel        *failure_label;
};

G_DEFINE_FINAL_TYPE (CfAssessmentWizard, cf_assessment_wizard, ADW_TYPE_WINDOW)

enum {
  SIGNAL_SAVED,
  N_SIGNALS
};

static guint signals [N_SIGNALS];

static void update_navigation (CfAssessmentWizard *self);

/* Building blocks */

static GtkWidget *
label_new (const char *text,
           const char *css_class)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);

  return label;
}

/* The regulation's own words, set apart with where they come from. */
static GtkWidget *
quote_new (const char *ref,
           const char *text)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  g_autofree char *heading = g_strdup_printf (_("%s, verbatim"), ref);

  gtk_widget_add_css_class (box, "legal-quote");
  gtk_box_append (GTK_BOX (box), label_new (heading, "caption-heading"));
  gtk_box_append (GTK_BOX (box), label_new (text, NULL));
  gtk_label_set_selectable (GTK_LABEL (gtk_widget_get_last_child (box)), TRUE);

  return box;
}

static Page *
add_page (CfAssessmentWizard *self,
          PageKind            kind,
          const char         *title,
          const char         *description)
{
  Page *page = g_new0 (Page, 1);
  GtkWidget *scrolled = adw_preferences_page_new ();
  GtkWidget *group = adw_preferences_group_new ();
  GtkWidget *content = gtk_box_new (GTK_ORIENTATION_VERTICAL, 18);

  /* A preferences page scrolls and clamps like the app's forms, and lays
   * out wrapping text views height-for-width, as a plain clamp in a
   * scrolled window here did not. */
  gtk_widget_set_hexpand (scrolled, TRUE);
  gtk_widget_set_vexpand (scrolled, TRUE);

  if (title != NULL)
    gtk_box_append (GTK_BOX (content), label_new (title, "title-2"));
  if (description != NULL)
    gtk_box_append (GTK_BOX (content), label_new (description, NULL));

  if (kind == PAGE_SCOPE_RESULT || kind == PAGE_SUMMARY)
    {
      page->dynamic = GTK_BOX (gtk_box_new (GTK_ORIENTATION_VERTICAL, 12));
      gtk_box_append (GTK_BOX (content), GTK_WIDGET (page->dynamic));
    }

  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), content);
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (scrolled), ADW_PREFERENCES_GROUP (group));
  adw_leaflet_append (self->pages_leaflet, scrolled);

  page->kind = kind;
  page->widget = scrolled;
  page->content = GTK_BOX (content);
  g_ptr_array_add (self->pages, page);

  return page;
}

static void
clear_box (GtkBox *box)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (box))) != NULL)
    gtk_box_remove (box, child);
}

static CfScopeResult *
evaluate_scope (CfAssessmentWizard *self)
{
  return cf_scope_evaluate (cf_context_get_catalogue (self->context), self->answers);
}

static GStrv
items_strv (CfAssessmentWizard *self)
{
  GStrv strv = g_new0 (char *, self->items->len + 1);

  for (guint i = 0; i < self->items->len; i++)
    strv[i] = g_strdup (g_ptr_array_index (self->items, i));

  return strv;
}

/* The category the chosen items give: the highest of theirs. */
static CfCategory
chosen_category (CfAssessmentWizard *self)
{
  CfClassifier *classifier = cf_context_get_classifier (self->context);
  CfCategory category = CF_CATEGORY_DEFAULT;

  for (guint i = 0; i < self->items->len; i++)
    category = MAX (category, cf_classifier_category_of_item (classifier, g_ptr_array_index (self->items, i)));

  return category;
}

static const char *
search_text (CfAssessmentWizard *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));

  return *text ? text : cf_product_get_name (self->product);
}

static CfCategory
suggested_category (CfAssessmentWizard *self)
{
  g_autoptr(GPtrArray) matches = cf_classifier_suggest (cf_context_get_classifier (self->context),
                                                         search_text (self));

  return cf_classifier_suggest_category (matches);
}

static gboolean
needs_justification (CfAssessmentWizard *self)
{
  return chosen_category (self) != suggested_category (self);
}

/* Scope questions */

static void
answer_toggled_cb (GtkToggleButton    *button,
                   CfAssessmentWizard *self)
{
  if (!gtk_toggle_button_get_active (button))
    return;

  g_hash_table_replace (self->answers,
                        g_strdup (g_object_get_data (G_OBJECT (button), "cf-question")),
                        g_strdup (g_object_get_data (G_OBJECT (button), "cf-answer")));
  self->dirty = TRUE;
  update_navigation (self);
}

static void
build_question_page (CfAssessmentWizard *self,
                     CfCatalogueItem    *question,
                     guint               number,
                     guint               n_questions)
{
  static const struct {
    const char *answer;
    const char *label;
  } choices[] = {
    { "yes", N_("_Yes") },
    { "no", N_("_No") },
    { "unsure", N_("Not _sure") },
  };
  const char *id = cf_catalogue_item_get_attribute (question, "question");
  const char *stored = g_hash_table_lookup (self->answers, id);
  g_autofree char *counter = g_strdup_printf (_("Scope question %u of %u · %s"), number, n_questions,
                                              cf_catalogue_item_get_display_ref (question));
  GtkWidget *buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  GtkToggleButton *group = NULL;
  Page *page;

  page = add_page (self, PAGE_QUESTION, NULL, NULL);
  page->question = question;

  gtk_box_append (page->content, label_new (counter, "caption-heading"));
  gtk_box_append (page->content, label_new (cf_catalogue_item_get_display_text (question), "title-3"));

  gtk_widget_add_css_class (buttons, "linked");
  gtk_widget_set_halign (buttons, GTK_ALIGN_START);
  for (guint i = 0; i < G_N_ELEMENTS (choices); i++)
    {
      GtkWidget *button = gtk_toggle_button_new_with_mnemonic (_(choices[i].label));
      g_autofree char *name = g_strdup_printf ("answer-%s-%s", id, choices[i].answer);

      gtk_widget_set_name (button, name);
      gtk_widget_set_size_request (button, 110, -1);
      g_object_set_data (G_OBJECT (button), "cf-question", (gpointer) id);
      g_object_set_data (G_OBJECT (button), "cf-answer", (gpointer) choices[i].answer);
      if (group != NULL)
        gtk_toggle_button_set_group (GTK_TOGGLE_BUTTON (button), group);
      else
        group = GTK_TOGGLE_BUTTON (button);
      if (g_strcmp0 (stored, choices[i].answer) == 0)
        gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (button), TRUE);
      g_signal_connect (button, "toggled", G_CALLBACK (answer_toggled_cb), self);
      gtk_box_append (GTK_BOX (buttons), button);
    }
  gtk_box_append (page->content, buttons);

  if (cf_catalogue_item_get_help (question) != NULL)
    gtk_box_append (page->content, label_new (cf_catalogue_item_get_display_help (question), NULL));
  if (cf_catalogue_item_get_basis (question) != NULL)
    gtk_box_append (page->content, quote_new (cf_catalogue_item_get_display_basis_ref (question),
                                              cf_catalogue_item_get_basis (question)));
}

static void
fill_scope_result (CfAssessmentWizard *self,
                   GtkBox             *box)
{
  g_autoptr(CfScopeResult) result = evaluate_scope (self);
  GtkWidget *outcome = label_new (cf_scope_outcome_get_label (result->outcome), "title-2");

  clear_box (box);
  gtk_widget_set_name (outcome, "scope-outcome");
  gtk_box_append (box, outcome);

  for (guint i = 0; i < result->reasons->len; i++)
    {
      CfScopeReason *reason = g_ptr_array_index (result->reasons, i);
      g_autofree char *line = g_strdup_printf ("• %s (%s)", cf_catalogue_display_string (reason->text),
                                               cf_catalogue_display_string (reason->ref));

      gtk_box_append (box, label_new (line, NULL));
    }

  switch (result->outcome)
    {
    case CF_SCOPE_OUT_OF_SCOPE:
      gtk_box_append (box, label_new (_("The Regulation does not apply, so no declaration of "
                                        "conformity under it is needed. You can still classify the "
                                        "product; the answers are kept with it."), "dim-label"));
      break;
    case CF_SCOPE_NEEDS_REVIEW:
      gtk_box_append (box, label_new (_("Ask someone with legal expertise to look at these answers "
                                        "before relying on the outcome. The declaration stays a "
                                        "draft until the product is found in scope."), "dim-label"));
      break;
    case CF_SCOPE_IN_SCOPE:
    case CF_SCOPE_INCOMPLETE:
    default:
      break;
    }
}

/* Classification */

static void sync_checks (CfAssessmentWizard *self);

static void
category_toggled_cb (GtkCheckButton     *check,
                     CfAssessmentWizard *self)
{
  const char *id = g_object_get_data (G_OBJECT (check), "cf-item");
  gboolean active = gtk_check_button_get_active (check);
  guint index;

  if (self->syncing)
    return;

  if (active && !g_ptr_array_find_with_equal_func (self->items, id, g_str_equal, NULL))
    g_ptr_array_add (self->items, g_strdup (id));
  else if (!active && g_ptr_array_find_with_equal_func (self->items, id, g_str_equal, &index))
    g_ptr_array_remove_index (self->items, index);

  self->dirty = TRUE;
  sync_checks (self);
  update_navigation (self);
}

static GtkWidget *
category_check_new (CfAssessmentWizard *self,
                    CfCatalogueItem    *item)
{
  GtkWidget *check = gtk_check_button_new ();
  g_autofree char *name = g_strdup_printf ("category-%s", cf_catalogue_item_get_id (item));

  gtk_widget_set_name (check, name);
  gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
  g_object_set_data (G_OBJECT (check), "cf-item", (gpointer) cf_catalogue_item_get_id (item));
  g_signal_connect (check, "toggled", G_CALLBACK (category_toggled_cb), self);

  return check;
}

/* The category's title with the description's words in bold. */
static char *
highlight (const char         *text,
           const char * const *words)
{
  g_autoptr(GArray) ranges = cf_classifier_find_words (text, words);
  g_autoptr(GString) markup = g_string_new (NULL);
  int at = 0;

  for (guint i = 0; i + 1 < ranges->len; i += 2)
    {
      int start = g_array_index (ranges, int, i);
      int end = g_array_index (ranges, int, i + 1);
      g_autofree char *before = g_markup_escape_text (text + at, start - at);
      g_autofree char *word = g_markup_escape_text (text + start, end - start);

      g_string_append_printf (markup, "%s<b>%s</b>", before, word);
      at = end;
    }
  {
    g_autofree char *rest = g_markup_escape_text (text + at, -1);

    g_string_append (markup, rest);
  }

  return g_string_free (g_steal_pointer (&markup), FALSE);
}

static void
rebuild_results (CfAssessmentWizard *self)
{
  g_autoptr(GPtrArray) matches = NULL;
  GtkListBoxRow *row;

  while ((row = gtk_list_box_get_row_at_index (self->results_list, 0)) != NULL)
    gtk_list_box_remove (self->results_list, GTK_WIDGET (row));

  matches = cf_classifier_suggest (cf_context_get_classifier (self->context), search_text (self));

  for (guint i = 0; i < matches->len; i++)
    {
      CfCategoryMatch *match = g_ptr_array_index (matches, i);
      CfCatalogueItem *item = cf_category_match_get_item (match);
      g_autofree char *markup = highlight (cf_catalogue_item_get_text (item),
                                           cf_category_match_get_matched_words (match));
      g_autofree char *terms = g_strjoinv (", ", (GStrv) cf_category_match_get_matched_terms (match));
      g_autofree char *detail = g_strdup_printf (_("%s · %s · matches “%s”"),
                                                 cf_catalogue_item_get_display_ref (item),
                                                 cf_category_get_label (cf_category_match_get_category (match)),
                                                 terms);
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
      GtkWidget *text = gtk_box_new (GTK_ORIENTATION_VERTICAL, 3);
      GtkWidget *title = label_new (NULL, NULL);

      gtk_label_set_markup (GTK_LABEL (title), markup);
      gtk_box_append (GTK_BOX (text), title);
      gtk_box_append (GTK_BOX (text), label_new (detail, "caption"));
      gtk_widget_add_css_class (gtk_widget_get_last_child (text), "dim-label");
      if (cf_category_match_get_is_feature (match))
        gtk_box_append (GTK_BOX (text),
                        label_new (_("Found only in what the product comes with. Integrating a component "
                                     "of this category does not in itself make the product important "
                                     "(Article 7(1)); tick it only if it is the product’s core "
                                     "functionality."), "feature-note"));

      gtk_widget_set_hexpand (text, TRUE);
      gtk_box_append (GTK_BOX (box), category_check_new (self, item));
      gtk_box_append (GTK_BOX (box), text);
      gtk_widget_set_margin_top (box, 10);
      gtk_widget_set_margin_bottom (box, 10);
      gtk_widget_set_margin_start (box, 12);
      gtk_widget_set_margin_end (box, 12);
      gtk_list_box_append (self->results_list, box);
    }

  sync_checks (self);
}

static void
search_changed_cb (GtkSearchEntry     *entry,
                   CfAssessmentWizard *self)
{
  rebuild_results (self);
  update_navigation (self);
}

/* Ticks every check button of a selected item, in both lists, and says what
 * the selection means. */
static void
sync_checks_in (CfAssessmentWizard *self,
                GtkWidget          *root)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_CHECK_BUTTON (child) && g_object_get_data (G_OBJECT (child), "cf-item") != NULL)
        gtk_check_button_set_active (GTK_CHECK_BUTTON (child),
                                     g_ptr_array_find_with_equal_func (self->items,
                                                                       g_object_get_data (G_OBJECT (child), "cf-item"),
                                                                       g_str_equal, NULL));
      else
        sync_checks_in (self, child);
    }
}

static void
sync_checks (CfAssessmentWizard *self)
{
  CfCategory category = chosen_category (self);
  CfCategory suggested = suggested_category (self);
  g_autofree char *text = NULL;

  self->syncing = TRUE;
  sync_checks_in (self, GTK_WIDGET (self->results_list));
  sync_checks_in (self, self->all_categories);
  self->syncing = FALSE;

  if (self->items->len == 0)
    text = g_strdup_printf (_("No category ticked: the product is of the default category. Suggested "
                              "for the description: %s."), cf_category_get_label (suggested));
  else if (self->items->len == 1)
    text = g_strdup_printf (_("Category: %s. Suggested for the description: %s."),
                            cf_category_get_label (category), cf_category_get_label (suggested));
  else
    text = g_strdup_printf (_("Category: %s, the highest of the %u items ticked. Suggested for the "
                              "description: %s."),
                            cf_category_get_label (category), self->items->len,
                            cf_category_get_label (suggested));
  gtk_label_set_text (self->selection_label, text);
  gtk_widget_set_visible (self->justification_group, category != suggested ||
                          *gtk_editable_get_text (GTK_EDITABLE (self->justification_row)) != '\0');
}

static void
justification_changed_cb (AdwEntryRow        *row,
                          CfAssessmentWizard *self)
{
  self->dirty = TRUE;
  update_navigation (self);
}

static void
build_classify_page (CfAssessmentWizard *self,
                     CfClassification   *stored)
{
  CfCatalogue *catalogue = cf_context_get_catalogue (self->context);
  CfCatalogueItem *rule = cf_catalogue_lookup (catalogue, "Art.7.1");
  GListModel *categories = cf_classifier_get_categories (cf_context_get_classifier (self->context));
  GtkWidget *group, *expander;
  Page *page;

  page = add_page (self, PAGE_CLASSIFY, _("What is the product’s core functionality?"),
                   _("Describe the product in plain words and tick the categories of Annex III or "
                     "IV whose functionality is the product’s core functionality. The highest class "
                     "among them is the product’s category; none means the default category."));

  if (rule != NULL)
    gtk_box_append (page->content, quote_new (cf_catalogue_item_get_display_ref (rule), cf_catalogue_item_get_text (rule)));

  self->search_entry = GTK_SEARCH_ENTRY (gtk_search_entry_new ());
  gtk_widget_set_name (GTK_WIDGET (self->search_entry), "search");
  g_object_set (self->search_entry, "placeholder-text", _("For example: baby monitor, firewall appliance, smart card"), NULL);
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry),
                         stored && stored->description ? stored->description : cf_product_get_name (self->product));
  gtk_box_append (page->content, GTK_WIDGET (self->search_entry));

  self->results_list = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_list_box_set_selection_mode (self->results_list, GTK_SELECTION_NONE);
  gtk_widget_add_css_class (GTK_WIDGET (self->results_list), "boxed-list");
  {
    GtkWidget *placeholder = label_new (_("No category matches this description: suggested is the "
                                          "default category. Check the full list below if in doubt."),
                                        "dim-label");

    gtk_widget_add_css_class (placeholder, "list-placeholder");
    gtk_list_box_set_placeholder (self->results_list, placeholder);
  }
  gtk_box_append (page->content, GTK_WIDGET (self->results_list));

  /* Every category, for browsing: the search only helps. */
  group = adw_preferences_group_new ();
  expander = adw_expander_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (expander), _("All categories of Annex III and IV"));
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (expander),
                                 _("Important class I, important class II and critical products"));
  for (guint i = 0; i < g_list_model_get_n_items (categories); i++)
    {
      g_autoptr(CfCatalogueItem) item = g_list_model_get_item (categories, i);
      GtkWidget *row = adw_action_row_new ();
      g_autofree char *title = g_strdup_printf ("%s · %s", cf_catalogue_item_get_display_ref (item),
                                                cf_category_get_label (cf_classifier_category_of_item (
                                                  cf_context_get_classifier (self->context),
                                                  cf_catalogue_item_get_id (item))));

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), cf_catalogue_item_get_text (item));
      adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), category_check_new (self, item));
      adw_expander_row_add_row (ADW_EXPANDER_ROW (expander), row);
    }
  self->all_categories = expander;
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), expander);
  gtk_box_append (page->content, group);

  self->selection_label = GTK_LABEL (label_new (NULL, "heading"));
  gtk_box_append (page->content, GTK_WIDGET (self->selection_label));

  self->justification_group = adw_preferences_group_new ();
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (self->justification_group), _("Justification"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (self->justification_group),
                                         _("The category ticked differs from the one suggested for the "
                                           "description. Say why; it is kept in the audit log and goes "
                                           "into the technical documentation."));
  self->justification_row = ADW_ENTRY_ROW (adw_entry_row_new ());
  gtk_widget_set_name (GTK_WIDGET (self->justification_row), "justification");
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->justification_row), _("Why this category"));
  if (stored && stored->justification)
    gtk_editable_set_text (GTK_EDITABLE (self->justification_row), stored->justification);
  g_signal_connect (self->justification_row, "changed", G_CALLBACK (justification_changed_cb), self);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (self->justification_group),
                             GTK_WIDGET (self->justification_row));
  gtk_box_append (page->content, self->justification_group);

  g_signal_connect (self->search_entry, "search-changed", G_CALLBACK (search_changed_cb), self);
  rebuild_results (self);
}

/* Procedures: open-source software, class I coverage, and the result */

static GPtrArray *
coverage_array (CfAssessmentWizard *self)
{
  GPtrArray *array = g_ptr_array_new ();
  GHashTableIter iter;
  gpointer value;

  g_hash_table_iter_init (&iter, self->coverage);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    g_ptr_array_add (array, value);

  return array;
}

static GPtrArray *
compute_routes (CfAssessmentWizard *self)
{
  g_autoptr(CfClassification) c = cf_classification_new ();
  g_autoptr(GPtrArray) coverage = coverage_array (self);

  c->category = chosen_category (self);
  g_strfreev (c->items);
  c->items = items_strv (self);
  c->is_foss = self->is_foss;
  c->documentation_public = self->documentation_public;

  return cf_classification_routes (cf_context_get_catalogue (self->context), c, coverage);
}

static void
fill_routes (CfAssessmentWizard *self,
             GtkBox             *box)
{
  g_autoptr(GPtrArray) routes = compute_routes (self);
  GtkWidget *list = gtk_list_box_new ();

  clear_box (box);
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");

  for (guint i = 0; i < routes->len; i++)
    {
      CfRoute *route = g_ptr_array_index (routes, i);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *icon = gtk_image_new_from_icon_name (cf_route_is_usable (route)
                                                      ? "emblem-ok-symbolic" : "action-unavailable-symbolic");
      g_autofree char *subtitle = g_strdup_printf ("%s (%s)", route->explanation, route->ref);

      gtk_widget_add_css_class (icon, cf_route_is_usable (route) ? "success" : "dim-label");
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), cf_procedure_get_label (route->procedure));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
      gtk_list_box_append (GTK_LIST_BOX (list), row);
    }
  gtk_box_append (box, list);

  gtk_widget_set_visible (self->coverage_group, chosen_category (self) == CF_CATEGORY_IMPORTANT_CLASS_1);
}

static void
foss_changed_cb (GtkSwitch          *toggle,
                 GParamSpec         *pspec,
                 CfAssessmentWizard *self)
{
  gboolean *flag = g_object_get_data (G_OBJECT (toggle), "cf-flag");

  *flag = gtk_switch_get_active (toggle);
  self->dirty = TRUE;
  fill_routes (self, self->routes_box);
}

static GtkWidget *
switch_row_new (const char *title,
                const char *subtitle,
                const char *name,
                gboolean   *flag,
                gpointer    self)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *toggle = gtk_switch_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_widget_set_valign (toggle, GTK_ALIGN_CENTER);
  gtk_widget_set_name (toggle, name);
  gtk_switch_set_active (GTK_SWITCH (toggle), *flag);
  g_object_set_data (G_OBJECT (toggle), "cf-flag", flag);
  g_signal_connect (toggle, "notify::active", G_CALLBACK (foss_changed_cb), self);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), toggle);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), toggle);

  return row;
}

static CfCoverage *
coverage_for (CfAssessmentWizard *self,
              const char         *requirement)
{
  CfCoverage *c = g_hash_table_lookup (self->coverage, requirement);

  if (c == NULL)
    {
      c = g_new0 (CfCoverage, 1);
      c->requirement = g_strdup (requirement);
      g_hash_table_insert (self->coverage, c->requirement, c);
    }

  return c;
}

static void
coverage_toggled_cb (GtkSwitch          *toggle,
                     GParamSpec         *pspec,
                     CfAssessmentWizard *self)
{
  CfCoverage *c = coverage_for (self, g_object_get_data (G_OBJECT (toggle), "cf-requirement"));

  c->applied_in_full = gtk_switch_get_active (toggle);
  self->dirty = TRUE;
  fill_routes (self, self->routes_box);
}

static void
coverage_reference_changed_cb (AdwEntryRow        *row,
                               CfAssessmentWizard *self)
{
  CfCoverage *c = coverage_for (self, g_object_get_data (G_OBJECT (row), "cf-requirement"));
  const char *text = gtk_editable_get_text (GTK_EDITABLE (row));

  g_free (c->reference);
  c->reference = *text ? g_strdup (text) : NULL;
  self->dirty = TRUE;
}

static void
build_procedures_page (CfAssessmentWizard *self)
{
  g_autoptr(GPtrArray) requirements = cf_routing_list_requirements (cf_context_get_catalogue (self->context));
  GtkWidget *foss = adw_preferences_group_new ();
  Page *page;

  page = add_page (self, PAGE_PROCEDURES, _("Which conformity assessment procedures are open?"),
                   _("Article 32 decides, from the category, which procedures can demonstrate "
                     "conformity. Modules B+C and H involve a notified body."));

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (foss), _("Free and open-source software (Article 32(5))"));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (foss),
                             switch_row_new (_("The product is free and open-source software"), NULL,
                                             "foss", &self->is_foss, self));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (foss),
                             switch_row_new (_("Its technical documentation is made public"),
                                             _("At the time of the placing on the market"),
                                             "documentation-public", &self->documentation_public, self));
  gtk_box_append (page->content, foss);

  /* Class I: per essential requirement, were standards applied in full? */
  self->coverage_group = adw_preferences_group_new ();
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (self->coverage_group),
                                   _("Harmonised standards applied in full (Article 32(2))"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (self->coverage_group),
                                         _("For an important product of class I, internal control "
                                           "(module A) is open only for the essential requirements "
                                           "that harmonised standards, common specifications or a "
                                           "European cybersecurity certification scheme at level "
                                           "‘substantial’ cover in full."));
  for (guint i = 0; i < requirements->len; i++)
    {
      CfCatalogueItem *requirement = g_ptr_array_index (requirements, i);
      const char *id = cf_catalogue_item_get_id (requirement);
      CfCoverage *stored = g_hash_table_lookup (self->coverage, id);
      GtkWidget *row = adw_expander_row_new ();
      GtkWidget *toggle = gtk_switch_new ();
      GtkWidget *reference = adw_entry_row_new ();
      g_autofree char *name = g_strdup_printf ("coverage-%s", id);

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), cf_catalogue_item_get_display_label (requirement));
      adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (row), cf_catalogue_item_get_display_ref (requirement));
      gtk_widget_set_valign (toggle, GTK_ALIGN_CENTER);
      gtk_widget_set_name (toggle, name);
      gtk_switch_set_active (GTK_SWITCH (toggle), stored && stored->applied_in_full);
      g_object_set_data (G_OBJECT (toggle), "cf-requirement", (gpointer) id);
      g_signal_connect (toggle, "notify::active", G_CALLBACK (coverage_toggled_cb), self);
      adw_expander_row_add_action (ADW_EXPANDER_ROW (row), toggle);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (reference), _("Standard, specification or scheme"));
      gtk_editable_set_text (GTK_EDITABLE (reference), stored && stored->reference ? stored->reference : "");
      g_object_set_data (G_OBJECT (reference), "cf-requirement", (gpointer) id);
      g_signal_connect (reference, "changed", G_CALLBACK (coverage_reference_changed_cb), self);
      adw_expander_row_add_row (ADW_EXPANDER_ROW (row), reference);

      adw_preferences_group_add (ADW_PREFERENCES_GROUP (self->coverage_group), row);
    }
  gtk_box_append (page->content, self->coverage_group);

  self->routes_box = GTK_BOX (gtk_box_new (GTK_ORIENTATION_VERTICAL, 6));
  gtk_box_append (page->content, label_new (_("Procedures for this product"), "heading"));
  gtk_box_append (page->content, GTK_WIDGET (self->routes_box));
}

/* Dates */

static char *
dates_problem (CfAssessmentWizard *self)
{
  guint n_specs;
  const CfFieldSpec *specs = cf_record_get_specs (CF_RECORD (self->product), &n_specs);
  static const char * const fields[] = { "placed-on-market", "support-end" };

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      const CfFieldSpec *spec = cf_field_spec_find (specs, n_specs, fields[i]);
      char *message = cf_field_spec_check (spec, cf_record_get_field (CF_RECORD (self->product), fields[i]));

      if (message != NULL)
        return message;
    }

  return NULL;
}

static void
update_support_label (CfAssessmentWizard *self)
{
  g_autoptr(GDate) today = g_date_new ();
  g_autoptr(CfLifecycle) lc = NULL;
  g_autoptr(GString) text = g_string_new (NULL);

  g_date_set_time_t (today, time (NULL));
  lc = cf_lifecycle_compute (cf_context_get_catalogue (self->context), self->product, today);

  if (lc->support_ends_before_placing)
    g_string_append (text, _("The support period ends before the product is placed on the market."));
  else if (lc->support_months >= 0)
    {
      int years = lc->support_months / 12;
      int months = lc->support_months % 12;
      g_autofree char *years_text = g_strdup_printf (ngettext ("%d year", "%d years", years), years);
      g_autofree char *months_text = g_strdup_printf (ngettext ("%d month", "%d months", months), months);

      /* Translators: "Support period: 5 years and 1 month." */
      g_string_append_printf (text, _("Support period: %s and %s."), years_text, months_text);
    }

  if (lc->support_shorter_than_minimum)
    g_string_append_printf (text, " %s",
                            _("That is shorter than the five years of Article 13(8): allowed only when "
                              "the product is expected to be in use for less time, which the field "
                              "above must explain."));

  if (lc->end_of_support_label != NULL)
    {
      g_autofree char *line = g_strdup_printf (_("End of support to show at purchase: %s (Article 13(19))."),
                                               lc->end_of_support_label);

      g_string_append_printf (text, "%s%s", text->len ? " " : "", line);
    }

  if (lc->retention_until != NULL)
    {
      g_autofree char *date = cf_date_to_iso (lc->retention_until);
      g_autofree char *line = g_strdup_printf (_("Keep the technical documentation and the declaration "
                                                 "until %s (Article 13(13))."), date);

      g_string_append_printf (text, "%s%s", text->len ? " " : "", line);
    }

  gtk_label_set_text (self->support_label, text->str);
}

static void
date_changed_cb (GtkEditable        *editable,
                 CfAssessmentWizard *self)
{
  const char *field = g_object_get_data (G_OBJECT (editable), "cf-field");
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (editable)));

  cf_record_set_field (CF_RECORD (self->product), field, *text ? text : NULL);
  self->dirty = TRUE;
  update_support_label (self);
  update_navigation (self);
}

static void
rationale_changed_cb (CfTextRow          *row,
                      CfAssessmentWizard *self)
{
  g_autofree char *text = cf_text_row_dup_text (row);

  cf_record_set_field (CF_RECORD (self->product), "support-rationale", *g_strstrip (text) ? text : NULL);
  self->dirty = TRUE;
  update_support_label (self);
}

static AdwEntryRow *
date_row_new (CfAssessmentWizard *self,
              const char         *field,
              const char         *title)
{
  AdwEntryRow *row = ADW_ENTRY_ROW (adw_entry_row_new ());
  const char *value = cf_record_get_field (CF_RECORD (self->product), field);

  gtk_widget_set_name (GTK_WIDGET (row), field);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  gtk_editable_set_text (GTK_EDITABLE (row), value ? value : "");
  g_object_set_data (G_OBJECT (row), "cf-field", (gpointer) field);
  g_signal_connect (row, "changed", G_CALLBACK (date_changed_cb), self);

  return row;
}

/* Filled when first shown: a wrapping text view laid out while its page is
 * hidden keeps the height it had at no width. */
static void
fill_dates_page (CfAssessmentWizard *self,
                 Page               *page)
{
  GtkWidget *group = adw_preferences_group_new ();
  GtkWidget *key_dates = adw_preferences_group_new ();
  g_autoptr(GDate) today = g_date_new ();
  g_autoptr(CfLifecycle) lc = NULL;

  self->placed_row = date_row_new (self, "placed-on-market", _("Placed on the market"));
  self->support_row = date_row_new (self, "support-end", _("End of the support period"));
  self->rationale_row = CF_TEXT_ROW (cf_text_row_new (_("How the support period was determined (Annex VII, point 4)")));
  cf_text_row_set_text (self->rationale_row, cf_record_get_field (CF_RECORD (self->product), "support-rationale"));
  g_signal_connect (self->rationale_row, "changed", G_CALLBACK (rationale_changed_cb), self);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (self->placed_row));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (self->support_row));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (self->rationale_row));
  gtk_box_append (page->content, group);

  self->support_label = GTK_LABEL (label_new (NULL, NULL));
  gtk_box_append (page->content, GTK_WIDGET (self->support_label));
  update_support_label (self);

  g_date_set_time_t (today, time (NULL));
  lc = cf_lifecycle_compute (cf_context_get_catalogue (self->context), NULL, today);
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (key_dates), _("Dates that apply to every product"));
  for (guint i = 0; i < lc->key_dates->len; i++)
    {
      CfKeyDate *key = g_ptr_array_index (lc->key_dates, i);
      GtkWidget *row = adw_action_row_new ();
      g_autofree char *date = cf_date_to_iso (key->date);
      g_autofree char *subtitle = g_strdup_printf ("%s · %s · %s", date, cf_catalogue_display_string (key->ref),
                                                   key->passed ? _("applies now") : _("not yet"));

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), cf_catalogue_display_string (key->label));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (key_dates), row);
    }
  gtk_box_append (page->content, key_dates);
}

/* Summary */

static void
fill_summary (CfAssessmentWizard *self,
              GtkBox             *box)
{
  g_autoptr(CfScopeResult) scope = evaluate_scope (self);
  g_autoptr(GPtrArray) routes = compute_routes (self);
  g_auto(GStrv) usable = cf_routing_usable_ids (routes);
  g_autoptr(GString) procedures = g_string_new (NULL);
  g_autoptr(GString) items = g_string_new (NULL);
  GtkWidget *group = adw_preferences_group_new ();
  struct {
    const char *title;
    const char *value;
  } rows[4];

  clear_box (box);

  for (guint i = 0; usable[i] != NULL; i++)
    {
      CfProcedure p;

      cf_procedure_from_id (usable[i], &p);
      g_string_append_printf (procedures, "%s%s", i ? "\n" : "", cf_procedure_get_label (p));
    }
  for (guint i = 0; i < self->items->len; i++)
    {
      CfCatalogueItem *item = cf_catalogue_lookup (cf_context_get_catalogue (self->context),
                                                   g_ptr_array_index (self->items, i));

      g_string_append_printf (items, "\n%s", cf_catalogue_item_get_display_ref (item));
    }

  rows[0].title = _("Scope");
  rows[0].value = cf_scope_outcome_get_label (scope->outcome);
  rows[1].title = _("Category");
  rows[1].value = cf_category_get_label (chosen_category (self));
  rows[2].title = _("Procedures open");
  rows[2].value = procedures->len ? procedures->str : _("None");
  rows[3].title = _("Placed on the market, end of support");
  rows[3].value = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      GtkWidget *row = adw_action_row_new ();
      g_autofree char *value = NULL;

      if (i == 1)
        value = g_strconcat (rows[i].value, items->str, NULL);
      else if (i == 3)
        value = g_strdup_printf ("%s — %s",
                                 cf_record_get_field (CF_RECORD (self->product), "placed-on-market") ?: _("not set"),
                                 cf_record_get_field (CF_RECORD (self->product), "support-end") ?: _("not set"));
      else
        value = g_strdup (rows[i].value);

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), rows[i].title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), value);
      adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
      gtk_widget_add_css_class (row, "property");
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
    }
  gtk_box_append (box, group);

  /* The paragraph the technical documentation will give for the category. */
  {
    g_autoptr(CfClassification) c = cf_classification_new ();
    g_autofree char *rationale = NULL;

    c->category = chosen_category (self);
    c->suggested_category = suggested_category (self);
    c->description = g_strdup (search_text (self));
    g_strfreev (c->items);
    c->items = items_strv (self);
    c->is_foss = self->is_foss;
    c->documentation_public = self->documentation_public;
    if (*gtk_editable_get_text (GTK_EDITABLE (self->justification_row)) != '\0')
      c->justification = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->justification_row)));
    rationale = cf_classification_rationale (cf_context_get_catalogue (self->context), c);

    gtk_box_append (box, label_new (_("Rationale, for the technical documentation"), "heading"));
    gtk_box_append (box, label_new (rationale, NULL));
  }

  self->failure_label = GTK_LABEL (label_new (NULL, "failure-banner"));
  gtk_widget_set_visible (GTK_WIDGET (self->failure_label), FALSE);
  gtk_box_append (box, GTK_WIDGET (self->failure_label));
}

/* Navigation */

static Page *
current_page (CfAssessmentWizard *self)
{
  return g_ptr_array_index (self->pages, self->current);
}

/* NULL when the page is complete, else what is still needed. */
static char *
page_problem (CfAssessmentWizard *self,
              Page               *page)
{
  switch (page->kind)
    {
    case PAGE_QUESTION:
      if (!g_hash_table_contains (self->answers, cf_catalogue_item_get_attribute (page->question, "question")))
        return g_strdup (_("Answer the question to go on; “Not sure” is an answer too."));
      return NULL;

    case PAGE_CLASSIFY:
      if (needs_justification (self) && *gtk_editable_get_text (GTK_EDITABLE (self->justification_row)) == '\0')
        return g_strdup (_("The category ticked differs from the suggestion: write a justification."));
      return NULL;

    case PAGE_DATES:
      return self->rationale_row ? dates_problem (self) : NULL;

    case PAGE_INTRO:
    case PAGE_SCOPE_RESULT:
    case PAGE_PROCEDURES:
    case PAGE_SUMMARY:
    default:
      return NULL;
    }
}

static void
update_navigation (CfAssessmentWizard *self)
{
  Page *page = current_page (self);
  g_autofree char *problem = page_problem (self, page);
  g_autofree char *step = g_strdup_printf (_("Step %u of %u"), self->current + 1, self->pages->len);
  gboolean last = self->current + 1 == self->pages->len;

  adw_window_title_set_subtitle (self->window_title, step);
  gtk_progress_bar_set_fraction (self->progress, (double) self->current / (self->pages->len - 1));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "wizard.back", self->current > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "wizard.next", problem == NULL);
  gtk_button_set_label (self->next_button, last ? _("_Save") : _("_Next"));
  gtk_label_set_text (self->hint_label, problem);
  gtk_widget_set_visible (GTK_WIDGET (self->hint_label), problem != NULL);
}

static void
show_page (CfAssessmentWizard *self,
           guint               index)
{
  Page *page;

  self->current = index;
  page = current_page (self);

  /* Pages that depend on earlier answers are filled when they are reached. */
  if (page->kind == PAGE_SCOPE_RESULT)
    fill_scope_result (self, page->dynamic);
  else if (page->kind == PAGE_PROCEDURES)
    fill_routes (self, self->routes_box);
  else if (page->kind == PAGE_SUMMARY)
    fill_summary (self, page->dynamic);
  else if (page->kind == PAGE_DATES && self->rationale_row == NULL)
    fill_dates_page (self, page);

  adw_leaflet_set_visible_child (self->pages_leaflet, page->widget);
  update_navigation (self);
}

static gboolean
save (CfAssessmentWizard  *self,
      GError             **error)
{
  g_autoptr(CfClassification) classification = NULL;
  g_autoptr(GPtrArray) coverage = coverage_array (self);
  g_auto(GStrv) items = items_strv (self);

  classification = cf_classification_decide (cf_context_get_catalogue (self->context),
                                             cf_context_get_classifier (self->context),
                                             self->product,
                                             (const char * const *) items,
                                             search_text (self),
                                             gtk_editable_get_text (GTK_EDITABLE (self->justification_row)),
                                             error);
  if (classification == NULL)
    return FALSE;

  classification->is_foss = self->is_foss;
  classification->documentation_public = self->documentation_public;

  return cf_store_save_assessment (cf_context_get_store (self->context),
                                   cf_record_get_id (CF_RECORD (self->product)),
                                   self->answers, classification, coverage, self->product, error);
}

static void
back_action_cb (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  CfAssessmentWizard *self = CF_ASSESSMENT_WIZARD (widget);

  if (self->current > 0)
    show_page (self, self->current - 1);
}

static void
next_action_cb (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  CfAssessmentWizard *self = CF_ASSESSMENT_WIZARD (widget);
  g_autoptr(GError) error = NULL;
  g_autofree char *problem = page_problem (self, current_page (self));

  if (problem != NULL)
    return;

  if (self->current + 1 < self->pages->len)
    {
      show_page (self, self->current + 1);
      return;
    }

  if (!save (self, &error))
    {
      gtk_label_set_text (self->failure_label, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->failure_label), TRUE);
      return;
    }

  g_signal_emit (self, signals [SIGNAL_SAVED], 0);
  self->closing = TRUE;
  gtk_window_close (GTK_WINDOW (self));
}

static void
discard_cb (GtkWindow *window)
{
  CF_ASSESSMENT_WIZARD (window)->closing = TRUE;
  gtk_window_close (window);
}

static gboolean
cf_assessment_wizard_close_request (GtkWindow *window)
{
  CfAssessmentWizard *self = CF_ASSESSMENT_WIZARD (window);

  if (self->closing || !self->dirty)
    return GTK_WINDOW_CLASS (cf_assessment_wizard_parent_class)->close_request (window);

  cf_discard_dialog_present (window, G_CALLBACK (discard_cb));
  return TRUE;
}

/* GObject */

static void
page_free (gpointer data)
{
  g_free (data);
}

static void
cf_assessment_wizard_dispose (GObject *object)
{
  CfAssessmentWizard *self = CF_ASSESSMENT_WIZARD (object);

  g_clear_object (&self->context);
  g_clear_object (&self->product);

  G_OBJECT_CLASS (cf_assessment_wizard_parent_class)->dispose (object);
}

static void
cf_assessment_wizard_finalize (GObject *object)
{
  CfAssessmentWizard *self = CF_ASSESSMENT_WIZARD (object);

  g_clear_pointer (&self->answers, g_hash_table_unref);
  g_clear_pointer (&self->items, g_ptr_array_unref);
  g_clear_pointer (&self->coverage, g_hash_table_unref);
  g_clear_pointer (&self->pages, g_ptr_array_unref);

  G_OBJECT_CLASS (cf_assessment_wizard_parent_class)->finalize (object);
}

static void
cf_assessment_wizard_class_init (CfAssessmentWizardClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cf_assessment_wizard_dispose;
  object_class->finalize = cf_assessment_wizard_finalize;
  GTK_WINDOW_CLASS (klass)->close_request = cf_assessment_wizard_close_request;

  /**
   * CfAssessmentWizard::saved:
   *
   * Emitted once the answers were stored, just before the wizard closes.
   */
  signals [SIGNAL_SAVED] =
    g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_install_action (widget_class, "wizard.back", NULL, back_action_cb);
  gtk_widget_class_install_action (widget_class, "wizard.next", NULL, next_action_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Right, GDK_ALT_MASK, "wizard.next", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_ALT_MASK, "wizard.back", NULL);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/cf-assessment-wizard.ui");
  gtk_widget_class_bind_template_child (widget_class, CfAssessmentWizard, window_title);
  gtk_widget_class_bind_template_child (widget_class, CfAssessmentWizard, back_button);
  gtk_widget_class_bind_template_child (widget_class, CfAssessmentWizard, next_button);
  gtk_widget_class_bind_template_child (widget_class, CfAssessmentWizard, progress);
  gtk_widget_class_bind_template_child (widget_class, CfAssessmentWizard, pages_leaflet);
  gtk_widget_class_bind_template_child (widget_class, CfAssessmentWizard, hint_label);
}

static void
cf_assessment_wizard_init (CfAssessmentWizard *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->answers = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->items = g_ptr_array_new_with_free_func (g_free);
  self->coverage = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, (GDestroyNotify) cf_coverage_free);
  self->pages = g_ptr_array_new_with_free_func (page_free);
}

/**
 * cf_assessment_wizard_new:
 * @parent: the window it belongs to
 *
 * Builds the wizard for a product, starting from what is stored for it:
 * re-running it changes only what the user changes.
 *
 * Returns: (transfer none) (nullable): the wizard, or %NULL with @error set
 */
CfAssessmentWizard *
cf_assessment_wizard_new (GtkWindow  *parent,
                          CfContext  *context,
                          gint64      product_id,
                          GError    **error)
{
  g_autoptr(CfProductStatus) status = NULL;
  g_autoptr(GPtrArray) questions = NULL;
  CfAssessmentWizard *self;
  GHashTableIter iter;
  gpointer key, value;
  Page *page;

  g_return_val_if_fail (CF_IS_CONTEXT (context), NULL);

  status = cf_product_status_load (cf_context_get_store (context), cf_context_get_catalogue (context),
                                   product_id, NULL, error);
  if (status == NULL)
    return NULL;

  self = g_object_new (CF_TYPE_ASSESSMENT_WIZARD, "transient-for", parent, NULL);
  self->context = g_object_ref (context);
  self->product = CF_PRODUCT (cf_record_dup (CF_RECORD (status->product)));

  g_hash_table_iter_init (&iter, status->answers);
  while (g_hash_table_iter_next (&iter, &key, &value))
    g_hash_table_insert (self->answers, g_strdup (key), g_strdup (value));
  if (status->classification != NULL)
    {
      for (guint i = 0; status->classification->items[i] != NULL; i++)
        g_ptr_array_add (self->items, g_strdup (status->classification->items[i]));
      self->is_foss = status->classification->is_foss;
      self->documentation_public = status->classification->documentation_public;
    }
  for (guint i = 0; i < status->coverage->len; i++)
    {
      CfCoverage *stored = g_ptr_array_index (status->coverage, i);
      CfCoverage *c = g_new0 (CfCoverage, 1);

      c->requirement = g_strdup (stored->requirement);
      c->applied_in_full = stored->applied_in_full;
      c->reference = g_strdup (stored->reference);
      g_hash_table_insert (self->coverage, c->requirement, c);
    }

  {
    g_autofree char *name = cf_product_dup_display_name (self->product);

    gtk_window_set_title (GTK_WINDOW (self), name);
  }

  page = add_page (self, PAGE_INTRO, _("Scope and Classification"),
                   _("First, a few questions decide whether Regulation (EU) 2024/2847 applies to the "
                     "product (Article 2). Then you classify it by its core functionality (Article 7 "
                     "and Annexes III and IV), which decides the conformity assessment procedures "
                     "open to it (Article 32), and record the dates that follow. Each question "
                     "shows the legal text it rests on."));
  gtk_box_append (page->content, label_new (_("The questions are in plain language and are not legal "
                                              "text; where you are not sure, answer “Not sure” and the "
                                              "outcome will ask for a legal review."), "dim-label"));

  questions = cf_scope_list_questions (cf_context_get_catalogue (context));
  for (guint i = 0; i < questions->len; i++)
    build_question_page (self, g_ptr_array_index (questions, i), i + 1, questions->len);

  add_page (self, PAGE_SCOPE_RESULT, _("Is the product in scope?"), NULL);
  build_classify_page (self, status->classification);
  build_procedures_page (self);
  add_page (self, PAGE_DATES, _("When does the product reach the market, and for how long is it supported?"),
            _("Dates are written YYYY-MM-DD. Both may be planned dates; change them when they are known."));
  add_page (self, PAGE_SUMMARY, _("Summary"),
            _("Check what will be recorded. Saving stores all of it at once, with an entry in the "
              "audit log; nothing is stored before."));

  /* Starting from stored answers is not a change. */
  self->dirty = FALSE;
  show_page (self, 0);

  return self;
}
