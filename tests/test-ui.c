/* test-ui.c — the window, driven through its real widgets (under Xvfb)
 *
 * Copyright 2026 The Conformity Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <fcntl.h>
#include <unistd.h>
#include <glib/gstdio.h>
#include <string.h>

#include "cf-application.h"
#include "cf-assessment-wizard.h"
#include "cf-document-compare.h"
#include "cf-generator.h"
#include "cf-product-status.h"
#include "cf-scope.h"
#include "cf-document-row.h"
#include "cf-evidence-list.h"
#include "cf-product-row.h"
#include "cf-record-editor.h"
#include "cf-requirement-assessment.h"
#include "cf-store.h"
#include "cf-text-row.h"
#include "cf-user-information.h"
#include "cf-window.h"
#include "ui-harness.h"

typedef struct
{
  char          *dir;
  char          *db;
  CfApplication *app;
  CfWindow      *window;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dir = g_dir_make_tmp ("cf-ui-XXXXXX", &error);
  g_assert_no_error (error);
  f->db = g_build_filename (f->dir, "project.db", NULL);
  g_setenv ("CONFORMITY_DB", f->db, TRUE);

  f->window = ui_start_app (&f->app);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  ui_quit_app (&f->app);
  test_remove_tree (f->dir);
  g_unsetenv ("CONFORMITY_DB");
  g_free (f->db);
  g_free (f->dir);
}

/* Widget helpers */

static CfRecordEditor *
find_editor (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (CF_IS_RECORD_EDITOR (window) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return CF_RECORD_EDITOR (window);
    }

  return NULL;
}

static gboolean
editor_is_open (gpointer data)
{
  return find_editor () != NULL;
}

static gboolean
editor_is_closed (gpointer data)
{
  return find_editor () == NULL;
}

static void
type_into (CfRecordEditor *editor,
           const char     *field,
           const char     *text)
{
  GtkWidget *row = cf_record_editor_get_field_widget (editor, field);

  g_assert_nonnull (row);
  if (CF_IS_TEXT_ROW (row))
    cf_text_row_set_text (CF_TEXT_ROW (row), text);
  else
    gtk_editable_set_text (GTK_EDITABLE (row), text);
}

/* Finds, among @root's descendants, a sidebar row showing a product named @name. */
static CfProductRow *
find_product_row (GtkWidget  *root,
                  const char *name)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      CfProductRow *found;

      if (CF_IS_PRODUCT_ROW (child) && cf_product_row_get_product (CF_PRODUCT_ROW (child)) != NULL &&
          g_strcmp0 (cf_product_get_name (cf_product_row_get_product (CF_PRODUCT_ROW (child))), name) == 0)
        return CF_PRODUCT_ROW (child);

      found = find_product_row (child, name);
      if (found != NULL)
        return found;
    }

  return NULL;
}

static guint
count_document_rows (GtkWidget *root)
{
  guint n = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    n += CF_IS_DOCUMENT_ROW (child) ? 1 : count_document_rows (child);

  return n;
}

/* Tests */

static void
test_empty_state_offers_example (Fixture       *f,
                                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CfStore) store = NULL;
  g_autoptr(GPtrArray) products = NULL;

  /* A new database shows the welcome page with its two offers. */
  g_assert_true (ui_has_label (GTK_WIDGET (f->window), "Welcome to Conformity"));
  g_assert_true (ui_has_label (GTK_WIDGET (f->window), "Try an Example Product"));
  g_assert_cmpuint (g_list_model_get_n_items (cf_window_get_products (f->window)), ==, 0);

  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.add-example", NULL);
  ui_spin_for (200);

  g_assert_cmpuint (g_list_model_get_n_items (cf_window_get_products (f->window)), ==, 1);
  g_assert_nonnull (find_product_row (GTK_WIDGET (f->window), "Example Smart Thermostat"));
  /* Clearly labelled: a tag in the sidebar and a banner on the page. */
  g_assert_true (ui_has_label (GTK_WIDGET (f->window), "Example"));
  g_assert_true (ui_has_label (GTK_WIDGET (f->window), "This is example data"));

  store = cf_store_open (f->db, &error);
  g_assert_no_error (error);
  products = cf_store_list_products (store, &error);
  g_assert_cmpuint (products->len, ==, 1);
  g_assert_true (cf_record_get_is_example (g_ptr_array_index (products, 0)));
}

static void
test_create_product (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CfStore) store = NULL;
  g_autoptr(GPtrArray) products = NULL;
  CfRecordEditor *editor;
  GtkWidget *save;
  CfProduct *stored;

  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.new-product", NULL);
  ui_spin_until (editor_is_open, NULL, "the New Product form opens");
  editor = find_editor ();
  save = cf_record_editor_get_save_button (editor);

  /* Nothing entered yet: Save is off and the form says what is required. */
  g_assert_false (gtk_widget_get_sensitive (save));
  g_assert_nonnull (strstr (cf_record_editor_get_message (editor), "Product name"));

  type_into (editor, "name", "Zakład Łódź Router");
  g_assert_false (gtk_widget_get_sensitive (save));
  type_into (editor, "model", "ZŁ-9000");
  type_into (editor, "version", "1.0.3");
  type_into (editor, "description", "A home router.\nWith two lines.");
  g_assert_true (gtk_widget_get_sensitive (save));
  g_assert_null (cf_record_editor_get_message (editor));

  ui_click (save);
  ui_spin_until (editor_is_closed, NULL, "the form closes after saving");
  ui_spin_for (200);

  /* In the sidebar, selected and shown... */
  g_assert_cmpuint (g_list_model_get_n_items (cf_window_get_products (f->window)), ==, 1);
  g_assert_nonnull (find_product_row (GTK_WIDGET (f->window), "Zakład Łódź Router"));
  g_assert_cmpint (cf_window_get_selected_product_id (f->window), >, 0);
  g_assert_true (ui_has_label (GTK_WIDGET (cf_window_get_product_page (f->window)), "ZŁ-9000"));

  /* ...and in the database, as another program would read it. */
  store = cf_store_open (f->db, &error);
  g_assert_no_error (error);
  products = cf_store_list_products (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (products->len, ==, 1);
  stored = g_ptr_array_index (products, 0);
  g_assert_cmpstr (cf_product_get_name (stored), ==, "Zakład Łódź Router");
  g_assert_cmpstr (cf_product_get_model (stored), ==, "ZŁ-9000");
  g_assert_cmpstr (cf_record_get_field (CF_RECORD (stored), "description"), ==,
                   "A home router.\nWith two lines.");
  g_assert_cmpint (cf_record_get_id (CF_RECORD (stored)), ==, cf_window_get_selected_product_id (f->window));
}

static void
test_manufacturer_validation (Fixture       *f,
                              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CfStore) store = NULL;
  g_autoptr(CfManufacturer) manufacturer = NULL;
  CfRecordEditor *editor;
  GtkWidget *save;
  GtkWidget *email;

  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.edit-manufacturer", NULL);
  ui_spin_until (editor_is_open, NULL, "the Manufacturer form opens");
  editor = find_editor ();
  save = cf_record_editor_get_save_button (editor);

  type_into (editor, "name", "Ελληνική Εταιρεία Α.Ε.");
  type_into (editor, "address", "Οδός Αθηνάς 1\n10551 Αθήνα");
  type_into (editor, "email", "security at example.gr");

  /* The bad address is refused inline, naming what was typed. */
  email = cf_record_editor_get_field_widget (editor, "email");
  g_assert_false (gtk_widget_get_sensitive (save));
  g_assert_true (gtk_widget_has_css_class (email, "error"));
  g_assert_nonnull (strstr (cf_record_editor_get_message (editor), "“security at example.gr”"));

  type_into (editor, "email", "security@example.gr");
  g_assert_false (gtk_widget_has_css_class (email, "error"));
  ui_click (save);
  ui_spin_until (editor_is_closed, NULL, "the form closes after saving");
  ui_spin_for (200);

  g_assert_true (ui_has_label (GTK_WIDGET (f->window), "Ελληνική Εταιρεία Α.Ε."));

  store = cf_store_open (f->db, &error);
  manufacturer = cf_store_get_manufacturer (store, &error);
  g_assert_no_error (error);
  g_assert_nonnull (manufacturer);
  g_assert_cmpstr (cf_record_get_field (CF_RECORD (manufacturer), "email"), ==, "security@example.gr");
}

static gboolean
message_dialog_is_open (gpointer data)
{
  return ui_find_toplevel (ADW_TYPE_MESSAGE_DIALOG) != NULL;
}

static gboolean
message_dialog_is_closed (gpointer data)
{
  return ui_find_toplevel (ADW_TYPE_MESSAGE_DIALOG) == NULL;
}

/* Closing the window while a form holds typed, unsaved text asks first. */
static void
test_unsaved_form_is_not_lost (Fixture       *f,
                               gconstpointer  data)
{
  CfRecordEditor *editor;
  AdwMessageDialog *dialog;

  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.new-product", NULL);
  ui_spin_until (editor_is_open, NULL, "the New Product form opens");
  editor = find_editor ();
  type_into (editor, "name", "Half-typed product");

  gtk_window_close (GTK_WINDOW (f->window));
  ui_spin_until (message_dialog_is_open, NULL, "the discard question appears");
  dialog = ui_find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Discard Changes?");
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (f->window)));
  g_assert_true (find_editor () == editor);

  /* Keep editing: everything typed is still there. */
  ui_respond (dialog, "_Keep Editing");
  ui_spin_until (message_dialog_is_closed, NULL, "the question closes");
  g_assert_true (find_editor () == editor);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (cf_record_editor_get_field_widget (editor, "name"))),
                   ==, "Half-typed product");

  /* Discarding is a deliberate second step. */
  gtk_window_close (GTK_WINDOW (editor));
  ui_spin_until (message_dialog_is_open, NULL, "the discard question appears again");
  ui_respond (ui_find_toplevel (ADW_TYPE_MESSAGE_DIALOG), "_Discard");
  ui_spin_until (editor_is_closed, NULL, "the form closes after discarding");
  g_assert_cmpuint (g_list_model_get_n_items (cf_window_get_products (f->window)), ==, 0);
}

static CfAssessmentWizard *
find_wizard (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (CF_IS_ASSESSMENT_WIZARD (window) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return CF_ASSESSMENT_WIZARD (window);
    }

  return NULL;
}

static gboolean
wizard_is_open (gpointer data)
{
  return find_wizard () != NULL;
}

static gboolean
wizard_is_closed (gpointer data)
{
  return find_wizard () == NULL;
}

static void
next_page (CfAssessmentWizard *wizard)
{
  ui_click (ui_find_named (GTK_WIDGET (wizard), "next"));
  ui_spin_for (200);
}

/* The scope and classification wizard, walked as a user would. */
static void
test_assessment_wizard (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CfStore) store = NULL;
  g_autoptr(CfCatalogue) catalogue = cf_catalogue_load_default (&error);
  g_autoptr(GPtrArray) questions = cf_scope_list_questions (catalogue);
  g_autoptr(CfProductStatus) status = NULL;
  CfRecordEditor *editor;
  CfAssessmentWizard *wizard;
  GtkWidget *check, *outcome;
  gint64 id;

  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.new-product", NULL);
  ui_spin_until (editor_is_open, NULL, "the New Product form opens");
  editor = find_editor ();
  type_into (editor, "name", "WiFi baby monitor");
  type_into (editor, "model", "BM-1");
  ui_click (cf_record_editor_get_save_button (editor));
  ui_spin_until (editor_is_closed, NULL, "the form closes after saving");
  id = cf_window_get_selected_product_id (f->window);

  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.assess", NULL);
  ui_spin_until (wizard_is_open, NULL, "the wizard opens");
  wizard = find_wizard ();
  next_page (wizard);   /* past the introduction */

  /* One question per page; Next waits for an answer. */
  for (guint i = 0; i < questions->len; i++)
    {
      CfCatalogueItem *q = g_ptr_array_index (questions, i);
      g_autofree char *name = g_strdup_printf ("answer-%s-%s", cf_catalogue_item_get_attribute (q, "question"),
                                               cf_catalogue_item_get_attribute (q, "in-scope-answer"));

      g_assert_false (gtk_widget_is_sensitive (ui_find_named (GTK_WIDGET (wizard), "next")));
      ui_click (ui_find_named (GTK_WIDGET (wizard), name));
      next_page (wizard);
    }

  outcome = ui_find_named (GTK_WIDGET (wizard), "scope-outcome");
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (outcome)), ==, "In scope");
  next_page (wizard);

  /* Classification: describe, and tick the category the search proposes. */
  gtk_editable_set_text (GTK_EDITABLE (ui_find_named (GTK_WIDGET (wizard), "search")),
                         "WiFi baby monitor with night vision");
  ui_spin_for (200);
  check = ui_find_named (GTK_WIDGET (wizard), "category-AnnexIII.ClassI.17");
  g_assert_nonnull (check);
  ui_click (check);
  g_assert_true (gtk_check_button_get_active (GTK_CHECK_BUTTON (check)));
  next_page (wizard);

  next_page (wizard);   /* procedures: shown, nothing to enter */

  gtk_editable_set_text (GTK_EDITABLE (ui_find_named (GTK_WIDGET (wizard), "placed-on-market")), "2028-13-01");
  g_assert_false (gtk_widget_is_sensitive (ui_find_named (GTK_WIDGET (wizard), "next")));
  gtk_editable_set_text (GTK_EDITABLE (ui_find_named (GTK_WIDGET (wizard), "placed-on-market")), "2028-02-01");
  gtk_editable_set_text (GTK_EDITABLE (ui_find_named (GTK_WIDGET (wizard), "support-end")), "2033-02-28");
  next_page (wizard);

  /* The summary saves everything at once. */
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (ui_find_named (GTK_WIDGET (wizard), "next"))), ==, "_Save");
  next_page (wizard);
  ui_spin_until (wizard_is_closed, NULL, "the wizard closes after saving");
  ui_spin_for (200);

  store = cf_store_open (f->db, &error);
  g_assert_no_error (error);
  status = cf_product_status_load (store, catalogue, id, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (status->scope->outcome, ==, CF_SCOPE_IN_SCOPE);
  g_assert_nonnull (status->classification);
  g_assert_cmpint (status->classification->category, ==, CF_CATEGORY_IMPORTANT_CLASS_1);
  g_assert_cmpstr (status->classification->items[0], ==, "AnnexIII.ClassI.17");
  g_assert_cmpstr (cf_record_get_field (CF_RECORD (status->product), "placed-on-market"), ==, "2028-02-01");

  /* The product page shows the category as a badge. */
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (ui_find_named (GTK_WIDGET (f->window), "category-badge"))), ==,
                   "Important, class I");

  /* Running it again starts from what was stored. */
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.assess", NULL);
  ui_spin_until (wizard_is_open, NULL, "the wizard opens again");
  wizard = find_wizard ();
  g_assert_true (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (ui_find_named (GTK_WIDGET (wizard),
                                                                              "answer-commercial-yes"))));
  g_assert_true (gtk_check_button_get_active (GTK_CHECK_BUTTON (ui_find_named (GTK_WIDGET (wizard),
                                                                            "category-AnnexIII.ClassI.17"))));
  gtk_window_close (GTK_WINDOW (wizard));   /* nothing changed: closes without asking */
  ui_spin_until (wizard_is_closed, NULL, "the unchanged wizard closes");
}

static gboolean
nothing_pending (gpointer data)
{
  return !cf_requirement_editor_get_pending (data);
}

static CfRequirementAssessment *
stored_assessment (Fixture    *f,
                   gint64      id,
                   const char *requirement)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CfStore) store = cf_store_open (f->db, &error);

  g_assert_no_error (error);
  return cf_store_get_requirement_assessment (store, id, requirement, &error);
}

/* The requirement list with its detail pane: a manager assesses a
 * requirement by typing, and it is saved without a Save button. */
static void
test_assess_requirement (Fixture       *f,
                         gconstpointer  data)
{
  CfRecordEditor *editor;
  CfRequirementsView *view = cf_window_get_requirements_view (f->window);
  CfRequirementEditor *detail = cf_requirements_view_get_editor (view);
  GtkWidget *applies, *justification, *status, *measures, *row, *check;
  g_autoptr(CfRequirementAssessment) a = NULL;
  gint64 id;

  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.new-product", NULL);
  ui_spin_until (editor_is_open, NULL, "the New Product form opens");
  editor = find_editor ();
  type_into (editor, "name", "Smart plug");
  type_into (editor, "model", "SP-1");
  ui_click (cf_record_editor_get_save_button (editor));
  ui_spin_until (editor_is_closed, NULL, "the form closes after saving");
  id = cf_window_get_selected_product_id (f->window);

  /* The readiness gate's way in: straight to one requirement. */
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-requirement", "s", "AnnexI.PartI.2.m");
  ui_spin_for (200);
  g_assert_cmpstr (cf_requirement_editor_get_requirement (detail), ==, "AnnexI.PartI.2.m");
  g_assert_true (ui_has_label (GTK_WIDGET (detail), "Not assessed yet: your first change records it"));
  row = ui_find_named (GTK_WIDGET (view), "AnnexI.PartI.2.m");
  g_assert_cmpstr (g_object_get_data (G_OBJECT (row), "status"), ==, "Not assessed");

  /* Does not apply: the justification is asked for, and the gate lists it
   * until it is given. */
  applies = ui_find_named (GTK_WIDGET (detail), "applies");
  justification = ui_find_named (GTK_WIDGET (detail), "justification");
  g_assert_false (gtk_widget_get_visible (justification));
  gtk_switch_set_active (GTK_SWITCH (applies), FALSE);
  g_assert_true (gtk_widget_get_visible (justification));
  g_assert_true (gtk_widget_has_css_class (justification, "error"));
  ui_spin_until (nothing_pending, detail, "the change is saved");
  a = stored_assessment (f, id, "AnnexI.PartI.2.m");
  g_assert_nonnull (a);
  g_assert_false (a->applies);
  g_assert_null (a->justification);
  g_assert_cmpstr (g_object_get_data (G_OBJECT (row), "status"), ==, "Does not apply: justification missing");
  g_clear_pointer (&a, cf_requirement_assessment_free);

  cf_text_row_set_text (CF_TEXT_ROW (justification), "The plug keeps no user data or settings.");
  g_assert_false (gtk_widget_has_css_class (justification, "error"));
  /* Switching to another requirement saves what was just typed. */
  cf_requirements_view_select (view, "AnnexI.PartI.2.a");
  a = stored_assessment (f, id, "AnnexI.PartI.2.m");
  g_assert_cmpstr (a->justification, ==, "The plug keeps no user data or settings.");
  g_assert_cmpstr (g_object_get_data (G_OBJECT (row), "status"), ==, "Does not apply");
  g_clear_pointer (&a, cf_requirement_assessment_free);

  /* Applies: status, measures and a mapped standard clause. */
  ui_spin_for (200);
  g_assert_cmpstr (cf_requirement_editor_get_requirement (detail), ==, "AnnexI.PartI.2.a");
  status = ui_find_named (GTK_WIDGET (detail), "status");
  measures = ui_find_named (GTK_WIDGET (detail), "measures");
  adw_combo_row_set_selected (ADW_COMBO_ROW (status), CF_STATUS_IMPLEMENTED);
  cf_text_row_set_text (CF_TEXT_ROW (measures), "Every release is checked against the CVE feeds.");
  ui_spin_until (nothing_pending, detail, "the change is saved");
  a = stored_assessment (f, id, "AnnexI.PartI.2.a");
  g_assert_true (a->applies);
  g_assert_cmpint (a->status, ==, CF_STATUS_IMPLEMENTED);
  g_assert_cmpstr (a->measures, ==, "Every release is checked against the CVE feeds.");
  g_clear_pointer (&a, cf_requirement_assessment_free);

  cf_requirements_view_select (view, "AnnexI.PartI.2.d");
  ui_spin_for (200);
  check = ui_find_named (GTK_WIDGET (detail), "ETSI EN 303 645 5.1");
  g_assert_nonnull (check);
  adw_combo_row_set_selected (ADW_COMBO_ROW (ui_find_named (GTK_WIDGET (detail), "status")), CF_STATUS_VERIFIED);
  gtk_check_button_set_active (g_object_get_data (G_OBJECT (check), "check"), TRUE);
  ui_spin_until (nothing_pending, detail, "the change is saved");
  a = stored_assessment (f, id, "AnnexI.PartI.2.d");
  g_assert_cmpint (a->status, ==, CF_STATUS_VERIFIED);
  g_assert_cmpuint (g_strv_length (a->standards), ==, 1);
  g_assert_cmpstr (a->standards[0], ==, "ETSI EN 303 645 5.1");
  g_clear_pointer (&a, cf_requirement_assessment_free);

  /* Part II cannot be switched off. */
  cf_requirements_view_select (view, "AnnexI.PartII.5");
  ui_spin_for (200);
  g_assert_false (gtk_widget_is_sensitive (ui_find_named (GTK_WIDGET (detail), "applies")));
  g_assert_true (gtk_switch_get_active (GTK_SWITCH (ui_find_named (GTK_WIDGET (detail), "applies"))));
}

static gboolean
no_copies (gpointer data)
{
  return cf_evidence_list_get_n_copies (data) == 0;
}

/* The product page lists what the gate misses; each item leads to where it
 * is dealt with. */
static void
test_readiness_jump (Fixture       *f,
                     gconstpointer  data)
{
  CfRecordEditor *editor;
  CfProductPage *page = cf_window_get_product_page (f->window);
  CfRequirementsView *view = cf_window_get_requirements_view (f->window);
  g_autoptr(GError) error = NULL;
  g_autoslist(GFile) files = NULL;
  g_autofree char *path = NULL;
  CfEvidenceList *list;
  GtkWidget *gate, *item;

  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.new-product", NULL);
  ui_spin_until (editor_is_open, NULL, "the New Product form opens");
  editor = find_editor ();
  type_into (editor, "name", "Door lock");
  type_into (editor, "model", "DL-2");
  ui_click (cf_record_editor_get_save_button (editor));
  ui_spin_until (editor_is_closed, NULL, "the form closes after saving");

  gate = ui_find_named (GTK_WIDGET (page), "readiness");
  g_assert_true (ui_has_label (gate, "28 items missing before a declaration of conformity"));
  g_assert_true (ui_has_label (gate, "The scope check is not finished: answer its questions."));
  g_assert_true (ui_has_label (gate, "The risk register is empty: the assessment must analyse the cybersecurity risks (Article 13(3))."));

  item = ui_find_named (gate, "AnnexI.PartII.3");
  g_assert_nonnull (item);
  g_assert_cmpstr (gtk_actionable_get_action_name (GTK_ACTIONABLE (item)), ==, "win.show-requirement");
  g_signal_emit_by_name (item, "activate");
  ui_spin_for (200);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (view)));
  g_assert_cmpstr (cf_requirement_editor_get_requirement (cf_requirements_view_get_editor (view)), ==,
                   "AnnexI.PartII.3");

  /* Assessing it there turns the item into the evidence it now needs, which
   * leads to the same place... */
  adw_combo_row_set_selected (ADW_COMBO_ROW (ui_find_named (GTK_WIDGET (view), "status")), CF_STATUS_IMPLEMENTED);
  cf_requirements_view_flush (view);
  item = ui_find_named (gate, "AnnexI.PartII.3");
  g_assert_nonnull (item);
  g_assert_cmpstr (g_object_get_data (G_OBJECT (item), "what"), ==, "evidence-missing");
  g_assert_cmpstr (gtk_actionable_get_action_name (GTK_ACTIONABLE (item)), ==, "win.show-requirement");
  g_assert_true (ui_has_label (gate, "28 items missing before a declaration of conformity"));

  /* ...where attaching a file takes it off the list. */
  list = CF_EVIDENCE_LIST (ui_find_descendant (GTK_WIDGET (view), CF_TYPE_EVIDENCE_LIST));
  g_assert_nonnull (list);
  g_assert_cmpstr (cf_evidence_list_get_requirement (list), ==, "AnnexI.PartII.3");
  path = g_build_filename (f->dir, "disclosure-policy.txt", NULL);
  g_file_set_contents (path, "Report vulnerabilities to security@example.com.\n", -1, &error);
  g_assert_no_error (error);
  files = g_slist_prepend (NULL, g_file_new_for_path (path));
  cf_evidence_list_attach_files (list, files);
  ui_spin_until (no_copies, list, "the file is copied in");
  ui_spin_for (200);
  g_assert_null (ui_find_named (gate, "AnnexI.PartII.3"));
  g_assert_true (ui_has_label (gate, "27 items missing before a declaration of conformity"));
}

/* Expired evidence is on the gate's list too; its item leads to the
 * Evidence view, the item selected. */
static void
test_expired_evidence_jump (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CfContext) context = NULL;
  g_autoptr(GPtrArray) items = NULL;
  g_autofree char *name = NULL;
  CfProductPage *page = cf_window_get_product_page (f->window);
  CfEvidenceView *view = cf_window_get_evidence_view (f->window);
  GtkListBoxRow *selected;
  CfEvidence *evidence;
  GtkWidget *gate, *item;
  gint64 id;

  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.add-example", NULL);
  ui_spin_for (200);
  id = cf_window_get_selected_product_id (f->window);
  gate = ui_find_named (GTK_WIDGET (page), "readiness");

  /* The window's own store, so that the window hears of the change. */
  g_object_get (f->window, "context", &context, NULL);
  items = cf_store_list_evidence (cf_context_get_store (context), id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (items->len, ==, 5);
  evidence = g_ptr_array_index (items, 1);
  cf_evidence_set_valid_until (evidence, "2020-06-30");
  cf_store_update_evidence (cf_context_get_store (context), evidence, &error);
  g_assert_no_error (error);
  ui_spin_for (200);

  name = g_strdup_printf ("%" G_GINT64_FORMAT, cf_evidence_get_id (evidence));
  item = ui_find_named (gate, name);
  g_assert_nonnull (item);
  g_assert_cmpstr (g_object_get_data (G_OBJECT (item), "what"), ==, "evidence-expired");
  g_assert_cmpstr (gtk_actionable_get_action_name (GTK_ACTIONABLE (item)), ==, "win.show-evidence");
  g_signal_emit_by_name (item, "activate");
  ui_spin_for (200);

  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (view)));
  selected = gtk_list_box_get_selected_row (GTK_LIST_BOX (ui_find_named (GTK_WIDGET (view), "evidence-list")));
  g_assert_nonnull (selected);
  g_assert_true (g_object_get_data (G_OBJECT (selected), "evidence") != NULL);
  g_assert_cmpint (cf_evidence_get_id (g_object_get_data (G_OBJECT (selected), "evidence")), ==,
                   cf_evidence_get_id (evidence));
  g_assert_nonnull (ui_find_named (GTK_WIDGET (selected), "expired"));

  /* Alt+5 leads there as well. */
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-view", "s", "product");
  g_assert_false (gtk_widget_get_mapped (GTK_WIDGET (view)));
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-view", "s", "evidence");
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (view)));
}

/* The size limit is a setting; the window hands it to the store, at once
 * and whenever it changes. */
static void
test_evidence_size_limit (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autoptr(CfContext) context = NULL;

  g_object_get (f->window, "context", &context, NULL);
  g_assert_cmpuint (g_settings_get_uint64 (settings, "evidence-size-limit"), ==, G_GUINT64_CONSTANT (1) << 30);
  g_assert_cmpuint (cf_store_get_evidence_size_limit (cf_context_get_store (context)), ==,
                    G_GUINT64_CONSTANT (1) << 30);

  g_settings_set_uint64 (settings, "evidence-size-limit", 5 * 1024 * 1024);
  ui_spin_for (200);
  g_assert_cmpuint (cf_store_get_evidence_size_limit (cf_context_get_store (context)), ==, 5 * 1024 * 1024);
  g_settings_reset (settings, "evidence-size-limit");
}

static gboolean
copying (gpointer data)
{
  return cf_evidence_list_count_all_copies () > 0;
}

/* Closing the window while evidence is being copied in asks first: the
 * copy would be lost. */
static void
test_close_during_copy (Fixture       *f,
                        gconstpointer  data)
{
  CfRecordEditor *editor;
  CfRequirementsView *view = cf_window_get_requirements_view (f->window);
  g_autofree char *path = g_build_filename (f->dir, "capture.pcap", NULL);
  g_autoslist(GFile) files = NULL;
  CfEvidenceList *list;
  AdwMessageDialog *dialog;
  int fd;

  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.new-product", NULL);
  ui_spin_until (editor_is_open, NULL, "the New Product form opens");
  editor = find_editor ();
  type_into (editor, "name", "Camera");
  type_into (editor, "model", "C-1");
  ui_click (cf_record_editor_get_save_button (editor));
  ui_spin_until (editor_is_closed, NULL, "the form closes after saving");
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-requirement", "s", "AnnexI.PartI.2.a");
  ui_spin_for (200);

  /* 4 GiB without using the disk: a sparse file, longer than the test. */
  fd = g_open (path, O_CREAT | O_WRONLY, 0600);
  g_assert_cmpint (fd, >=, 0);
  g_assert_cmpint (ftruncate (fd, (off_t) 4 * 1024 * 1024 * 1024), ==, 0);
  close (fd);
  {
    g_autoptr(CfContext) context = NULL;

    g_object_get (f->window, "context", &context, NULL);
    cf_store_set_evidence_size_limit (cf_context_get_store (context), G_MAXUINT64);
  }

  list = CF_EVIDENCE_LIST (ui_find_descendant (GTK_WIDGET (view), CF_TYPE_EVIDENCE_LIST));
  files = g_slist_prepend (NULL, g_file_new_for_path (path));
  cf_evidence_list_attach_files (list, files);
  ui_spin_until (copying, NULL, "the copy starts");

  gtk_window_close (GTK_WINDOW (f->window));
  ui_spin_until (message_dialog_is_open, NULL, "closing asks about the copy");
  dialog = ui_find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_true (ui_has_label (GTK_WIDGET (dialog), "Stop Copying Evidence?"));
  ui_respond (dialog, "_Keep Copying");
  ui_spin_until (message_dialog_is_closed, NULL, "the question goes away");
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (f->window)));
  g_assert_cmpuint (cf_evidence_list_count_all_copies (), ==, 1);

  gtk_window_close (GTK_WINDOW (f->window));
  ui_spin_until (message_dialog_is_open, NULL, "closing asks again");
  ui_respond (ui_find_toplevel (ADW_TYPE_MESSAGE_DIALOG), "_Stop and Close");
  ui_spin_until (message_dialog_is_closed, NULL, "the question goes away");
  ui_spin_until (ui_app_has_no_windows, f->app, "the window closes");
}

static void
test_generate_declaration (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CfStore) store = NULL;
  g_autoptr(GPtrArray) documents = NULL;
  CfProductPage *page = cf_window_get_product_page (f->window);
  gint64 id;

  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.add-example", NULL);
  ui_spin_for (200);
  id = cf_window_get_selected_product_id (f->window);
  g_assert_cmpint (id, >, 0);
  g_assert_cmpuint (count_document_rows (GTK_WIDGET (page)), ==, 0);

  /* The work runs in a worker thread: the page reports it is generating. */
  gtk_widget_activate_action (GTK_WIDGET (page), "product.generate", NULL);
  g_assert_true (cf_product_page_get_generating (page));
  ui_spin_until (ui_page_not_generating, page, "the declaration is generated");
  ui_spin_for (200);

  g_assert_cmpuint (count_document_rows (GTK_WIDGET (page)), ==, 1);
  g_assert_true (ui_has_label (GTK_WIDGET (page), "EU Declaration of Conformity, version 1"));

  store = cf_store_open (f->db, &error);
  documents = cf_store_list_documents (store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (documents->len, ==, 1);
  g_assert_true (ui_has_label (GTK_WIDGET (page),
                            cf_document_info_get_sha256 (g_ptr_array_index (documents, 0))));
}

/* Documents: languages, other kinds, comparing versions */

/* Scrolls the page to its end, where the documents are, to look at them. */
static void
scroll_to_end (GtkWidget *page)
{
  GtkWidget *scrolled = gtk_widget_get_first_child (page);
  GtkAdjustment *adjustment;

  g_assert_true (GTK_IS_SCROLLED_WINDOW (scrolled));
  ui_spin_for (200);
  adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled));
  gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment));
}

static void
collect_toast_cb (CfProductPage *page,
                  AdwToast      *toast,
                  GPtrArray     *toasts)
{
  g_ptr_array_add (toasts, g_object_ref (toast));
}

/* The page's document rows, top to bottom: newest first. */
static void
collect_document_rows (GtkWidget *root,
                       GPtrArray *rows)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    if (CF_IS_DOCUMENT_ROW (child))
      g_ptr_array_add (rows, child);
    else
      collect_document_rows (child, rows);
}

/* The menu item (a "modelbutton") showing @text, in @root. */
static GtkWidget *
find_menu_item (GtkWidget  *root,
                const char *text)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (GTK_IS_LABEL (child) && g_strcmp0 (gtk_label_get_text (GTK_LABEL (child)), text) == 0)
        {
          for (GtkWidget *up = child; up != NULL; up = gtk_widget_get_parent (up))
            if (g_str_equal (gtk_widget_get_css_name (up), "modelbutton"))
              return up;
        }
      found = find_menu_item (child, text);
      if (found != NULL)
        return found;
    }

  return NULL;
}

static CfDocumentCompare *
find_compare (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (CF_IS_DOCUMENT_COMPARE (window) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return CF_DOCUMENT_COMPARE (window);
    }

  return NULL;
}

static gboolean
compare_is_open (gpointer data)
{
  return find_compare () != NULL;
}

static gboolean
compare_is_closed (gpointer data)
{
  return find_compare () == NULL;
}

/* Whether some line of @text starts with @prefix and contains @needle. */
static gboolean
has_line (const char *text,
          const char *prefix,
          const char *needle)
{
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    if (g_str_has_prefix (lines[i], prefix) && strstr (lines[i], needle) != NULL)
      return TRUE;

  return FALSE;
}

static void
generate_and_wait (CfProductPage *page,
                   const char    *action)
{
  gtk_widget_activate_action (GTK_WIDGET (page), action, NULL);
  g_assert_true (cf_product_page_get_generating (page));
  ui_spin_until (ui_page_not_generating, page, "the document is generated");
  ui_spin_for (200);
}

static void
test_compare_versions (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();
  g_autoptr(GPtrArray) toasts = g_ptr_array_new_with_free_func (g_object_unref);
  CfProductPage *page = cf_window_get_product_page (f->window);
  CfDocumentRow *newer, *older;
  CfDocumentCompare *dialog;
  CfRecordEditor *editor;
  g_autofree char *text = NULL;

  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.add-example", NULL);
  ui_spin_for (200);
  g_signal_connect (page, "add-toast", G_CALLBACK (collect_toast_cb), toasts);

  generate_and_wait (page, "product.generate");

  /* A new release of the product, then its declaration again. */
  gtk_widget_activate_action (GTK_WIDGET (page), "product.edit", NULL);
  ui_spin_until (editor_is_open, NULL, "the product form opens");
  editor = find_editor ();
  type_into (editor, "version", "2.5.0");
  ui_click (cf_record_editor_get_save_button (editor));
  ui_spin_until (editor_is_closed, NULL, "the form closes after saving");
  ui_spin_for (200);

  generate_and_wait (page, "product.generate");
  g_signal_handlers_disconnect_by_func (page, collect_toast_cb, toasts);

  /* Each toast names the document, its version and its language. */
  g_assert_cmpuint (toasts->len, ==, 2);
  g_assert_cmpstr (adw_toast_get_title (g_ptr_array_index (toasts, 1)), ==,
                   "Declaration version 2 (English) of “Example Smart Thermostat ST-200” stored");

  collect_document_rows (GTK_WIDGET (page), rows);
  g_assert_cmpuint (rows->len, ==, 2);
  newer = g_ptr_array_index (rows, 0);
  older = g_ptr_array_index (rows, 1);
  g_assert_cmpint (cf_document_info_get_version (cf_document_row_get_document (newer)), ==, 2);
  g_assert_cmpint (cf_document_info_get_version (cf_document_row_get_document (older)), ==, 1);

  /* Only the second version has one before it to be compared with. */
  g_assert_true (gtk_widget_is_sensitive (cf_document_row_get_compare_button (newer)));
  g_assert_false (gtk_widget_is_sensitive (cf_document_row_get_compare_button (older)));
  if (g_getenv ("CONFORMITY_TEST_SCREENSHOTS") != NULL)
    {
      gint64 toasts_gone = g_get_monotonic_time () + 12 * G_USEC_PER_SEC;

      /* The toasts would hide the list: they go after five seconds each. */
      while (g_get_monotonic_time () < toasts_gone)
        ui_spin_for (200);
      scroll_to_end (GTK_WIDGET (page));
      ui_save_screenshot (GTK_WIDGET (f->window), "documents-list");
    }

  ui_click (cf_document_row_get_compare_button (newer));
  ui_spin_until (compare_is_open, NULL, "the comparison opens");
  dialog = find_compare ();
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (dialog)) == GTK_WINDOW (f->window));
  g_assert_true (gtk_window_get_modal (GTK_WINDOW (dialog)));
  g_assert_cmpint (cf_document_info_get_version (cf_document_compare_get_earlier (dialog)), ==, 1);

  /* The old version's lines removed, the new one's added, readable without colour. */
  text = cf_document_compare_dup_text (dialog);
  g_assert_true (has_line (text, "- ", "2.4.1"));
  g_assert_true (has_line (text, "+ ", "2.5.0"));
  g_assert_false (has_line (text, "+ ", "2.4.1"));
  g_assert_nonnull (strstr (cf_document_compare_get_summary (dialog), "added"));
  ui_spin_until (ui_widget_is_mapped, dialog, "the comparison is shown");
  ui_save_screenshot (GTK_WIDGET (dialog), "compare-versions");

  /* Escape closes it. */
  gtk_widget_activate_action (GTK_WIDGET (dialog), "window.close", NULL);
  ui_spin_until (compare_is_closed, NULL, "the comparison closes");

  /* The first version has nothing to be compared with: the action says so. */
  gtk_widget_activate_action (GTK_WIDGET (page), "product.compare-document", "x",
                              cf_document_info_get_id (cf_document_row_get_document (older)));
  ui_spin_for (200);
  g_assert_null (find_compare ());
}

static void
test_document_language (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CfStore) store = NULL;
  g_autoptr(GPtrArray) documents = NULL;
  g_autofree char *language = NULL;
  CfProductPage *page = cf_window_get_product_page (f->window);
  CfDocumentInfo *document;
  gboolean pdfa;
  gint64 id;

  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.add-example", NULL);
  ui_spin_for (200);
  id = cf_window_get_selected_product_id (f->window);

  g_object_get (page, "document-language", &language, "pdfa", &pdfa, NULL);
  g_assert_cmpstr (language, ==, "en");
  g_assert_false (pdfa);
  g_assert_true (ui_has_label (GTK_WIDGET (page), "Documents are generated in English."));

  gtk_widget_activate_action (GTK_WIDGET (page), "product.document-language", "s", "de");
  gtk_widget_activate_action (GTK_WIDGET (page), "product.pdfa", NULL);
  g_clear_pointer (&language, g_free);
  g_object_get (page, "document-language", &language, "pdfa", &pdfa, NULL);
  g_assert_cmpstr (language, ==, "de");
  g_assert_true (pdfa);
  g_assert_true (ui_has_label (GTK_WIDGET (page), "Documents are generated in German, as PDF/A-1b"));

  /* Ctrl+G generates the declaration in the chosen language. */
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.generate", NULL);
  g_assert_true (cf_product_page_get_generating (page));
  ui_spin_until (ui_page_not_generating, page, "the declaration is generated");
  ui_spin_for (200);

  store = cf_store_open (f->db, &error);
  g_assert_no_error (error);
  documents = cf_store_list_documents (store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (documents->len, ==, 1);
  document = g_ptr_array_index (documents, 0);
  g_assert_cmpstr (cf_document_info_get_kind (document), ==, CF_DOCUMENT_KIND_DECLARATION);
  g_assert_cmpstr (cf_document_info_get_language (document), ==, "de");
  g_assert_true (cf_document_info_get_is_pdfa (document));

  g_assert_true (ui_has_label (GTK_WIDGET (page), "German"));
  g_assert_true (ui_has_label (GTK_WIDGET (page), "PDF/A-1b"));

  /* The other kinds follow the same choice, once the generator builds them. */
  if (cf_generator_can_generate (CF_DOCUMENT_KIND_TECHNICAL_DOCUMENTATION))
    {
      g_autoptr(GPtrArray) toasts = g_ptr_array_new_with_free_func (g_object_unref);
      g_autoptr(GPtrArray) after = NULL;

      g_signal_connect (page, "add-toast", G_CALLBACK (collect_toast_cb), toasts);
      gtk_widget_activate_action (GTK_WIDGET (page), "product.generate-technical-documentation", NULL);
      g_assert_true (ui_has_label (GTK_WIDGET (page), "Generating the technical documentation…"));
      ui_spin_until (ui_page_not_generating, page, "the technical documentation is generated");
      ui_spin_for (200);
      g_signal_handlers_disconnect_by_func (page, collect_toast_cb, toasts);

      after = cf_store_list_documents (store, id, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (after->len, ==, 2);
      document = g_ptr_array_index (after, 0);
      g_assert_cmpstr (cf_document_info_get_kind (document), ==, CF_DOCUMENT_KIND_TECHNICAL_DOCUMENTATION);
      g_assert_cmpstr (cf_document_info_get_language (document), ==, "de");
      g_assert_true (ui_has_label (GTK_WIDGET (page), "Technical Documentation, version 1"));
      g_assert_cmpuint (toasts->len, ==, 1);
      g_assert_true (g_str_has_prefix (adw_toast_get_title (g_ptr_array_index (toasts, 0)),
                                       "Technical documentation version 1 (German) of "));
    }
}

/* The product page says how much of Annex II is still unwritten, and its
 * arrow opens the form; what is saved there is counted at once. */
static void
test_user_information_summary (Fixture       *f,
                               gconstpointer  data)
{
  CfProductPage *page = cf_window_get_product_page (f->window);
  g_autoptr(CfStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(CfUserInformation) stored = NULL;
  GtkWidget *row, *arrow;
  CfRecordEditor *editor;
  gint64 id;

  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.new-product", NULL);
  ui_spin_until (editor_is_open, NULL, "the New Product form opens");
  editor = find_editor ();
  type_into (editor, "name", "Router");
  type_into (editor, "model", "R-1");
  type_into (editor, "version", "1.0");
  ui_click (cf_record_editor_get_save_button (editor));
  ui_spin_until (editor_is_closed, NULL, "the form closes after saving");
  ui_spin_for (200);
  id = cf_window_get_selected_product_id (f->window);
  g_assert_cmpint (id, >, 0);

  row = ui_find_named (GTK_WIDGET (page), "user-information");
  g_assert_nonnull (row);
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==,
                   "13 of 13 points not written yet");
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)),
                            "Single point of contact for vulnerability reports"));

  arrow = ui_find_named (row, "edit-user-information");
  g_assert_true (GTK_IS_BUTTON (arrow));
  ui_click (arrow);
  ui_spin_until (editor_is_open, NULL, "the Information for Users form opens");
  editor = find_editor ();
  type_into (editor, "security-contact", "psirt@example.org");
  ui_click (cf_record_editor_get_save_button (editor));
  ui_spin_until (editor_is_closed, NULL, "the form closes after saving");
  ui_spin_for (200);

  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==,
                   "12 of 13 points not written yet");
  g_assert_null (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)),
                         "Single point of contact for vulnerability reports"));
  store = cf_store_open (f->db, &error);
  g_assert_no_error (error);
  stored = cf_store_get_user_information (store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (cf_record_get_field (CF_RECORD (stored), "security-contact"), ==, "psirt@example.org");
}

static void
test_other_documents_menu (Fixture       *f,
                           gconstpointer  data)
{
  CfProductPage *page = cf_window_get_product_page (f->window);
  const char * const *kinds = cf_document_kind_list ();
  g_autofree char *language = NULL;
  GtkWidget *button, *popover, *item;

  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.add-example", NULL);
  ui_spin_for (200);

  button = ui_find_named (GTK_WIDGET (page), "other-documents");
  g_assert_true (GTK_IS_MENU_BUTTON (button));
  popover = GTK_WIDGET (gtk_menu_button_get_popover (GTK_MENU_BUTTON (button)));
  g_assert_nonnull (popover);

  /* Xvfb without a window manager has no monitor to place a popover on
   * (GDK warns), so the menu is opened only to be looked at. */
  if (g_getenv ("CONFORMITY_TEST_SCREENSHOTS") != NULL)
    {
      GLogLevelFlags fatal = g_log_set_always_fatal (G_LOG_FATAL_MASK);

      scroll_to_end (GTK_WIDGET (page));
      gtk_menu_button_popup (GTK_MENU_BUTTON (button));
      ui_spin_until (ui_widget_is_mapped, popover, "the menu opens");
      ui_save_screenshot (popover, "other-documents-menu");
      ui_save_screenshot (GTK_WIDGET (f->window), "other-documents-window");
      gtk_widget_activate_action (GTK_WIDGET (page), "product.pdfa", NULL);
      ui_save_screenshot (popover, "other-documents-menu-pdfa");
      gtk_widget_activate_action (GTK_WIDGET (page), "product.pdfa", NULL);
      gtk_menu_button_popdown (GTK_MENU_BUTTON (button));
      g_log_set_always_fatal (fatal);
    }

  /* Every other kind is listed, usable only once the generator builds it. */
  for (guint i = 0; kinds[i] != NULL; i++)
    {
      if (g_str_equal (kinds[i], CF_DOCUMENT_KIND_DECLARATION))
        continue;

      item = find_menu_item (popover, cf_document_kind_get_label (kinds[i]));
      g_assert_nonnull (item);
      g_assert_cmpint (gtk_widget_is_sensitive (item), ==, cf_generator_can_generate (kinds[i]));
    }
  g_assert_false (cf_generator_can_generate ("no-such-kind"));

  /* The languages by their own names; choosing one changes the page's. */
  g_assert_nonnull (find_menu_item (popover, "English"));
  g_assert_nonnull (find_menu_item (popover, "Français"));
  item = find_menu_item (popover, "Deutsch");
  g_assert_nonnull (item);
  g_signal_emit_by_name (item, "clicked");
  ui_spin_for (200);
  g_object_get (page, "document-language", &language, NULL);
  g_assert_cmpstr (language, ==, "de");

  /* Each kind the generator builds can be generated from the menu, with
   * Cancel offered (a quick one may be stored before it takes effect). */
  for (guint i = 0; kinds[i] != NULL; i++)
    {
      g_autofree char *action = g_strconcat ("product.generate-", kinds[i], NULL);

      if (g_str_equal (kinds[i], CF_DOCUMENT_KIND_DECLARATION) || !cf_generator_can_generate (kinds[i]))
        continue;

      gtk_widget_activate_action (GTK_WIDGET (page), action, NULL);
      g_assert_true (cf_product_page_get_generating (page));
      /* Nothing else can start meanwhile. */
      g_assert_false (gtk_widget_is_sensitive (find_menu_item (popover, cf_document_kind_get_label (kinds[i]))));
      if (g_getenv ("CONFORMITY_TEST_SCREENSHOTS") != NULL)
        {
          g_autofree char *name = g_strconcat ("generating-", kinds[i], NULL);

          ui_save_screenshot (GTK_WIDGET (f->window), name);
        }
      gtk_widget_activate_action (GTK_WIDGET (page), "product.cancel-generation", NULL);
      ui_spin_until (ui_page_not_generating, page, "the generation stops");
    }
}

static void
test_no_display (void)
{
  g_test_skip ("no display: the window tests need one (build-aux/test runs them under Xvfb)");
}

int
main (int    argc,
      char **argv)
{
  g_autofree char *home = ui_isolate_user_dirs ();
  int status;

  g_test_init (&argc, &argv, NULL);

  if (!gtk_init_check ())
    {
      g_test_add_func ("/ui/no-display", test_no_display);
      return g_test_run ();
    }
  adw_init ();

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/ui/window/empty-state-offers-example", test_empty_state_offers_example);
  ADD ("/ui/window/create-product", test_create_product);
  ADD ("/ui/window/manufacturer-validation", test_manufacturer_validation);
  ADD ("/ui/window/generate-declaration", test_generate_declaration);
  ADD ("/ui/window/unsaved-form-is-not-lost", test_unsaved_form_is_not_lost);
  ADD ("/ui/window/assessment-wizard", test_assessment_wizard);
  ADD ("/ui/requirements/assess", test_assess_requirement);
  ADD ("/ui/readiness/jump-to-item", test_readiness_jump);
  ADD ("/ui/evidence/close-during-copy", test_close_during_copy);
  ADD ("/ui/readiness/expired-evidence", test_expired_evidence_jump);
  ADD ("/ui/window/evidence-size-limit", test_evidence_size_limit);
  ADD ("/ui/documents/compare-versions", test_compare_versions);
  ADD ("/ui/documents/language", test_document_language);
  ADD ("/ui/documents/other-documents-menu", test_other_documents_menu);
  ADD ("/ui/product/user-information-summary", test_user_information_summary);
#undef ADD

  status = g_test_run ();
  test_remove_tree (home);

  return status;
}
