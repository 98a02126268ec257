/* test-ui-review.c — review mode, driven through its real widgets: a
 * dossier checked and shown read-only, findings added and removed, the
 * report and the findings file written; an altered dossier refused
 *
 * Copyright 2026 The Conformity Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "cf-context.h"
#include "cf-dossier.h"
#include "cf-generator.h"
#include "cf-requirement-editor.h"
#include "cf-review.h"
#include "cf-review-window.h"
#include "cf-store.h"
#include "ui-harness.h"

typedef struct
{
  char           *dir;
  char           *dossier;
  char           *seal;
  CfStore        *reviewer;
  CfCatalogue    *catalogue;
  CfContext      *context;
  CfReviewWindow *window;     /* weak */
  CfStore        *manufacturer;
  gint64          product_id;
} Fixture;

/* A manufacturer's project exports a dossier; the reviewer has their own. */
static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *manufacturer_path = NULL;
  g_autofree char *reviewer_path = NULL;
  g_autoptr(CfGenerator) generator = NULL;
  g_autoptr(CfDocumentInfo) declaration = NULL;
  g_autoptr(GFile) out = NULL;
  CfStore *manufacturer;
  gint64 product_id;

  f->dir = g_dir_make_tmp ("cf-ui-review-XXXXXX", &error);
  g_assert_no_error (error);
  f->catalogue = cf_catalogue_load_default (&error);
  g_assert_no_error (error);

  manufacturer_path = g_build_filename (f->dir, "manufacturer.db", NULL);
  manufacturer = f->manufacturer = cf_store_open (manufacturer_path, &error);
  g_assert_no_error (error);
  product_id = f->product_id = cf_store_add_example (manufacturer, &error);
  g_assert_no_error (error);
  generator = cf_generator_new (manufacturer, f->catalogue);
  declaration = cf_generator_generate (generator, product_id, CF_DOCUMENT_KIND_DECLARATION, NULL, &error);
  g_assert_no_error (error);

  f->dossier = g_build_filename (f->dir, "dossier.zip", NULL);
  out = g_file_new_for_path (f->dossier);
  g_assert_true (cf_dossier_export (manufacturer, f->catalogue, product_id, out, NULL, &f->seal, &error));
  g_assert_no_error (error);

  reviewer_path = g_build_filename (f->dir, "reviews.db", NULL);
  f->reviewer = cf_store_open_as (reviewer_path, "Dr. Ana Reviewer", &error);
  g_assert_no_error (error);
  f->context = cf_context_new (f->reviewer, f->catalogue);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  if (f->window != NULL)
    gtk_window_destroy (GTK_WINDOW (f->window));
  ui_spin_for (50);
  g_clear_object (&f->context);
  g_clear_object (&f->reviewer);
  g_clear_object (&f->manufacturer);
  g_clear_object (&f->catalogue);
  test_remove_tree (f->dir);
  g_free (f->dir);
  g_free (f->dossier);
  g_free (f->seal);
}

static GtkStack *
find_stack (GtkWidget *root)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkStack *found;

      if (GTK_IS_STACK (child))
        return GTK_STACK (child);
      found = find_stack (child);
      if (found != NULL)
        return found;
    }

  return NULL;
}

static gboolean
stack_left_checking (gpointer data)
{
  GtkStack *stack = find_stack (data);

  return stack != NULL && g_strcmp0 (gtk_stack_get_visible_child_name (stack), "checking") != 0;
}

static void
open_window (Fixture    *f,
             const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);

  f->window = cf_review_window_new (NULL, f->context, file);
  g_object_add_weak_pointer (G_OBJECT (f->window), (gpointer *) &f->window);
  gtk_window_present (GTK_WINDOW (f->window));
  ui_spin_until (ui_widget_is_mapped, f->window, "the review window is shown");
  ui_spin_until (stack_left_checking, f->window, "the dossier is checked");
}

static const char *
visible_page (Fixture *f)
{
  return gtk_stack_get_visible_child_name (find_stack (GTK_WIDGET (f->window)));
}

static GPtrArray *
findings (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *list = cf_store_list_review_findings (f->reviewer, cf_review_window_get_review_id (f->window),
                                                   &error);

  g_assert_no_error (error);
  return list;
}

static gboolean
file_exists (gpointer path)
{
  return g_file_test (path, G_FILE_TEST_IS_REGULAR);
}

static void
test_review (Fixture       *f,
             gconstpointer  data)
{
  GtkWidget *seal_row, *requirement, *add, *text;
  AdwMessageDialog *dialog;
  g_autoptr(GPtrArray) recorded = NULL;
  g_autoptr(GPtrArray) reviews = NULL;
  g_autoptr(GPtrArray) products = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *report = g_build_filename (f->dir, "report.pdf", NULL);
  g_autofree char *findings_path = g_build_filename (f->dir, "findings.json", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GFile) report_file = g_file_new_for_path (report);
  g_autoptr(GFile) findings_file = g_file_new_for_path (findings_path);

  open_window (f, f->dossier);
  g_assert_cmpstr (visible_page (f), ==, "review");

  /* The seal the reviewer compares with the one communicated. */
  seal_row = ui_find_named (GTK_WIDGET (f->window), "seal");
  g_assert_nonnull (seal_row);
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (seal_row)), ==, f->seal);

  /* The requirement as the manufacturer assessed it; a finding on it. */
  requirement = ui_find_named (GTK_WIDGET (f->window), "AnnexI.PartI.2.c");
  g_assert_nonnull (requirement);
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (requirement)), ==,
                   "Annex I, Part I, point (2)(c)");
  add = ui_find_button (requirement, "Add _Finding…");
  ui_click (add);
  ui_spin_until ((UiCondition) ui_find_toplevel, GSIZE_TO_POINTER (ADW_TYPE_MESSAGE_DIALOG),
                 "the finding dialog opens");
  dialog = ui_find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (ui_find_named (GTK_WIDGET (dialog), "severity")), 2);
  text = ui_find_named (GTK_WIDGET (dialog), "finding-text");
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (text)),
                            "The update signature check has no test report.", -1);
  ui_respond (dialog, "_Add Finding");
  ui_spin_for (100);

  recorded = findings (f);
  g_assert_cmpuint (recorded->len, ==, 1);
  {
    CfFinding *finding = g_ptr_array_index (recorded, 0);

    g_assert_cmpstr (finding->target, ==, "AnnexI.PartI.2.c");
    g_assert_cmpstr (finding->severity, ==, "major");
    g_assert_cmpstr (finding->text, ==, "The update signature check has no test report.");
    g_assert_cmpstr (finding->recorded_by, ==, "Dr. Ana Reviewer");
  }

  /* A major finding without words is refused, and nothing is stored. */
  ui_click (ui_find_button (requirement, "Add _Finding…"));
  ui_spin_until ((UiCondition) ui_find_toplevel, GSIZE_TO_POINTER (ADW_TYPE_MESSAGE_DIALOG),
                 "the finding dialog opens again");
  dialog = ui_find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (ui_find_named (GTK_WIDGET (dialog), "severity")), 2);
  ui_respond (dialog, "_Add Finding");
  ui_spin_for (100);
  g_clear_pointer (&recorded, g_ptr_array_unref);
  recorded = findings (f);
  g_assert_cmpuint (recorded->len, ==, 1);

  /* The report and the findings file, as the header's buttons write them. */
  g_assert_true (gtk_widget_is_sensitive (ui_find_button (GTK_WIDGET (f->window), "_Report…")));
  cf_review_window_save_report (f->window, report_file);
  ui_spin_until (file_exists, report, "the report is written");
  ui_spin_for (100);
  g_assert_true (g_file_get_contents (report, &contents, NULL, NULL));
  g_assert_true (g_str_has_prefix (contents, "%PDF-"));
  g_clear_pointer (&contents, g_free);

  cf_review_window_export_findings (f->window, findings_file);
  g_assert_true (g_file_get_contents (findings_path, &contents, NULL, NULL));
  g_assert_nonnull (strstr (contents, f->seal));
  g_assert_nonnull (strstr (contents, "The update signature check has no test report."));

  /* The reviewer's project holds the review, never a product. */
  reviews = cf_store_list_reviews (f->reviewer, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (reviews->len, ==, 1);
  products = cf_store_list_products (f->reviewer, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (products->len, ==, 0);
}

/* One byte changed: the window says what, and no review is stored. */
static void
test_altered (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) reviews = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *tampered = g_build_filename (f->dir, "tampered.zip", NULL);
  GtkWidget *page;
  gsize length;

  g_assert_true (g_file_get_contents (f->dossier, &contents, &length, NULL));
  contents[length / 3] ^= 0x20;
  g_assert_true (g_file_set_contents (tampered, contents, (gssize) length, NULL));

  open_window (f, tampered);
  g_assert_cmpstr (visible_page (f), ==, "error");
  page = gtk_stack_get_visible_child (find_stack (GTK_WIDGET (f->window)));
  g_assert_nonnull (strstr (adw_status_page_get_description (ADW_STATUS_PAGE (page)), "tampered.zip"));
  g_assert_false (gtk_widget_is_sensitive (ui_find_button (GTK_WIDGET (f->window), "_Report…")));

  reviews = cf_store_list_reviews (f->reviewer, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (reviews->len, ==, 0);
}

/* Back at the manufacturer's: the finding shows on its requirement, and
 * answering it there records the answer. */
static void
test_manufacturer_side (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) dossier = g_file_new_for_path (f->dossier);
  g_autoptr(CfFinding) finding = cf_finding_new ();
  g_autoptr(CfFindingsFile) file = NULL;
  g_autoptr(CfContext) context = cf_context_new (f->manufacturer, f->catalogue);
  g_autoptr(GPtrArray) stored = NULL;
  GtkWindow *window = GTK_WINDOW (gtk_window_new ());
  GtkWidget *editor = cf_requirement_editor_new (context);
  GtkWidget *group, *respond, *text;
  AdwMessageDialog *dialog;
  gint64 review_id;

  review_id = cf_review_open_dossier (f->reviewer, dossier, f->seal, NULL, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  finding->target_kind = g_strdup (CF_FINDING_TARGET_REQUIREMENT);
  finding->target = g_strdup ("AnnexI.PartI.2.c");
  finding->severity = g_strdup ("minor");
  finding->text = g_strdup ("No test report for the update signature check.");
  g_assert_cmpint (cf_review_add_finding (f->reviewer, f->catalogue, review_id, finding, &error), ==, 1);
  file = cf_review_build_findings (f->reviewer, review_id, &error);
  g_assert_no_error (error);
  g_assert_true (cf_store_import_findings (f->manufacturer, f->catalogue, f->product_id, file,
                                           "findings.json", NULL, NULL, &error));
  g_assert_no_error (error);

  gtk_window_set_default_size (window, 900, 900);
  gtk_window_set_child (window, editor);
  gtk_window_present (window);
  ui_spin_until (ui_widget_is_mapped, window, "the editor is shown");

  /* A requirement without findings shows no findings group. */
  cf_requirement_editor_show (CF_REQUIREMENT_EDITOR (editor), f->product_id, "AnnexI.PartI.2.a");
  ui_spin_for (100);
  group = ui_find_named (editor, "findings");
  g_assert_nonnull (group);
  g_assert_false (gtk_widget_get_visible (group));

  cf_requirement_editor_show (CF_REQUIREMENT_EDITOR (editor), f->product_id, "AnnexI.PartI.2.c");
  ui_spin_for (100);
  g_assert_true (gtk_widget_get_visible (group));

  respond = ui_find_button (group, "_Respond…");
  ui_click (respond);
  ui_spin_until ((UiCondition) ui_find_toplevel, GSIZE_TO_POINTER (ADW_TYPE_MESSAGE_DIALOG),
                 "the response dialog opens");
  dialog = ui_find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  text = ui_find_named (GTK_WIDGET (dialog), "answer");
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (text)),
                            "Test report added as evidence E6.", -1);
  ui_respond (dialog, "_Save Answer");
  ui_spin_for (100);

  stored = cf_store_list_findings (f->manufacturer, f->product_id, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (stored->len, ==, 1);
  g_assert_cmpstr (((CfFinding *) g_ptr_array_index (stored, 0))->status, ==, "answered");
  g_assert_cmpstr (((CfFinding *) g_ptr_array_index (stored, 0))->answer, ==,
                   "Test report added as evidence E6.");
  /* The row says so. */
  g_assert_nonnull (ui_find_button (group, "_Respond…"));

  gtk_window_destroy (window);
}

static void
test_no_display (void)
{
  g_test_skip ("No display: run under Xvfb, as build-aux/test does");
}

int
main (int   argc,
      char *argv[])
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

  g_test_add ("/ui/review/findings", Fixture, NULL, fixture_set_up, test_review, fixture_tear_down);
  g_test_add ("/ui/review/altered", Fixture, NULL, fixture_set_up, test_altered, fixture_tear_down);
  g_test_add ("/ui/review/manufacturer-side", Fixture, NULL, fixture_set_up, test_manufacturer_side,
              fixture_tear_down);

  status = g_test_run ();
  test_remove_tree (home);
  return status;
}
