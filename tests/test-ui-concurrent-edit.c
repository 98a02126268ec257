/* test-ui-concurrent-edit.c — a form open in the window while another
 * program (conformity-cli in a CI job) changes the same record: saving the
 * form stores what the user changed and keeps what the other program did
 *
 * Copyright 2026 The Conformity Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The other program is a second CfStore on the same file: a connection of
 * its own, whose writes the window's store hears nothing of, as with a
 * process of its own.
 */
#include "config.h"

#include <sqlite3.h>

#include "cf-application.h"
#include "cf-case-editor.h"
#include "cf-evidence-editor.h"
#include "cf-record-editor.h"
#include "cf-requirement-editor.h"
#include "cf-risk-view.h"
#include "cf-store.h"
#include "cf-text-row.h"
#include "cf-threat-editor.h"
#include "cf-window.h"
#include "ui-harness.h"

typedef struct
{
  char          *dir;
  char          *db;
  CfApplication *app;
  CfWindow      *window;
  gint64         product_id;
} Fixture;

static CfStore *
open_store (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  CfStore *store = cf_store_open (f->db, &error);

  g_assert_no_error (error);
  return store;
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autoptr(CfStore) store = NULL;
  g_autoptr(CfProduct) product = cf_product_new ();

  f->dir = g_dir_make_tmp ("cf-ui-concurrent-XXXXXX", &error);
  g_assert_no_error (error);
  f->db = g_build_filename (f->dir, "project.db", NULL);
  g_setenv ("CONFORMITY_DB", f->db, TRUE);

  store = open_store (f);
  cf_record_set_field (CF_RECORD (product), "name", "Router");
  cf_record_set_field (CF_RECORD (product), "model", "R-1");
  cf_record_set_field (CF_RECORD (product), "version", "1.0");
  f->product_id = cf_store_add_product (store, product, &error);
  g_assert_no_error (error);

  /* The window shows this product when it opens. */
  g_settings_set_int64 (settings, "last-product-id", f->product_id);
}

static void
start_app (Fixture *f)
{
  f->window = ui_start_app (&f->app);
  g_assert_cmpint (cf_window_get_selected_product_id (f->window), ==, f->product_id);
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

/* The form of @type, once it is shown. */
static gpointer
wait_shown (GType       type,
            const char *what)
{
  ui_spin_until (ui_toplevel_shown, GSIZE_TO_POINTER (type), what);
  return ui_find_toplevel (type);
}

static void
wait_gone (GType       type,
           const char *what)
{
  ui_spin_until (ui_toplevel_gone, GSIZE_TO_POINTER (type), what);
}

/* The product editor: the user changes the name while the other program
 * changes the model. */
static void
test_product_editor (Fixture       *f,
                     gconstpointer  data)
{
  CfRecordEditor *editor;
  GtkWidget *name;
  GtkWidget *model;
  g_autoptr(CfStore) other = NULL;
  g_autoptr(CfStore) after = NULL;
  g_autoptr(CfProduct) product = NULL;
  g_autoptr(GError) error = NULL;

  start_app (f);
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.edit", NULL);
  editor = wait_shown (CF_TYPE_RECORD_EDITOR, "the product editor opens");
  name = cf_record_editor_get_field_widget (editor, "name");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (name)), ==, "Router");

  /* Meanwhile, the command line in a CI job changes the model. */
  other = open_store (f);
  product = cf_store_get_product (other, f->product_id, &error);
  g_assert_no_error (error);
  cf_record_set_field (CF_RECORD (product), "model", "R-2 from CI");
  g_assert_true (cf_store_update_product (other, product, &error));
  g_assert_no_error (error);
  g_clear_object (&product);
  g_clear_object (&other);

  /* The form still shows the model as it was; the user changes the name only. */
  model = cf_record_editor_get_field_widget (editor, "model");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (model)), ==, "R-1");
  gtk_editable_set_text (GTK_EDITABLE (name), "Router Pro");
  ui_click (cf_record_editor_get_save_button (editor));
  wait_gone (CF_TYPE_RECORD_EDITOR, "the product editor closes");

  /* Both changes are stored: the user's name and the other program's model. */
  after = open_store (f);
  product = cf_store_get_product (after, f->product_id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (cf_record_get_field (CF_RECORD (product), "name"), ==, "Router Pro");
  g_assert_cmpstr (cf_record_get_field (CF_RECORD (product), "model"), ==, "R-2 from CI");
  g_assert_cmpstr (cf_record_get_field (CF_RECORD (product), "version"), ==, "1.0");
}

/* The threat editor: the user changes the mitigations while the other
 * program changes the title. */
static void
test_threat_editor (Fixture       *f,
                    gconstpointer  data)
{
  CfThreatEditor *editor;
  GtkWidget *risk_view;
  GtkWidget *mitigations;
  g_autoptr(CfStore) other = NULL;
  g_autoptr(CfStore) after = NULL;
  g_autoptr(CfThreat) threat = cf_threat_new ();
  g_autoptr(CfThreat) stored = NULL;
  g_autoptr(GError) error = NULL;

  other = open_store (f);
  cf_threat_set_asset (threat, "Web interface");
  cf_threat_set_title (threat, "Password guessing");
  cf_threat_set_stride (threat, "spoofing");
  cf_threat_set_likelihood (threat, 4);
  cf_threat_set_impact (threat, 3);
  g_assert_cmpint (cf_store_add_threat (other, f->product_id, threat, &error), ==, 1);
  g_assert_no_error (error);

  /* T1 shown in the risk register, and opened as a user would. */
  start_app (f);
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-threat", "i", 1);
  risk_view = ui_find_descendant (GTK_WIDGET (f->window), CF_TYPE_RISK_VIEW);
  g_assert_nonnull (risk_view);
  ui_spin_until (ui_widget_is_mapped, risk_view, "the risk register is shown");
  g_assert_cmpint (cf_risk_view_get_selected (CF_RISK_VIEW (risk_view)), ==, 1);
  gtk_widget_activate_action (risk_view, "risks.edit", NULL);
  editor = wait_shown (CF_TYPE_THREAT_EDITOR, "the threat editor opens");

  stored = cf_store_get_threat (other, f->product_id, 1, &error);
  g_assert_no_error (error);
  cf_threat_set_title (stored, "Password guessing over the network");
  g_assert_true (cf_store_update_threat (other, f->product_id, stored, &error));
  g_assert_no_error (error);
  g_clear_object (&stored);
  g_clear_object (&other);

  mitigations = ui_find_named (GTK_WIDGET (editor), "mitigations");
  g_assert_nonnull (mitigations);
  cf_text_row_set_text (CF_TEXT_ROW (mitigations), "Rate limiting");
  ui_click (cf_threat_editor_get_save_button (editor));
  wait_gone (CF_TYPE_THREAT_EDITOR, "the threat editor closes");

  after = open_store (f);
  stored = cf_store_get_threat (after, f->product_id, 1, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (cf_threat_get_mitigations (stored), ==, "Rate limiting");
  g_assert_cmpstr (cf_threat_get_title (stored), ==, "Password guessing over the network");
}

static CfContext *
get_context (Fixture *f)
{
  CfContext *context = NULL;

  g_object_get (f->window, "context", &context, NULL);
  g_object_unref (context);   /* the window keeps it */
  return context;
}

/* The evidence editor: the user renames the item and ticks a requirement
 * while the other program sets its validity and ticks another. */
static void
test_evidence_editor (Fixture       *f,
                      gconstpointer  data)
{
  CfEvidenceEditor *editor;
  GtkWidget *requirement;
  GtkWidget *check;
  g_autoptr(CfStore) other = open_store (f);
  g_autoptr(CfStore) after = NULL;
  g_autoptr(CfEvidence) item = cf_evidence_new ();
  g_autoptr(CfEvidence) stored = NULL;
  g_autofree char *path = g_build_filename (f->dir, "audit.txt", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  const char *requirements[] = { "AnnexI.PartI.2.a", NULL };
  gint64 id;

  g_assert_true (g_file_set_contents (path, "Audit report\n", -1, &error));
  cf_evidence_set_title (item, "Audit");
  cf_evidence_set_kind (item, "test-report");
  id = cf_store_add_evidence (other, f->product_id, item, 0, file, NULL, NULL, NULL, &error);
  g_assert_no_error (error);

  start_app (f);
  stored = cf_store_get_evidence (cf_context_get_store (get_context (f)), id, &error);
  g_assert_no_error (error);
  editor = cf_evidence_editor_new (GTK_WINDOW (f->window), get_context (f), stored);
  gtk_window_present (GTK_WINDOW (editor));
  wait_shown (CF_TYPE_EVIDENCE_EDITOR, "the evidence editor opens");
  g_clear_object (&stored);

  stored = cf_store_get_evidence (other, id, &error);
  g_assert_no_error (error);
  cf_evidence_set_valid_until (stored, "2031-01-31");
  cf_evidence_set_requirements (stored, requirements);
  g_assert_true (cf_store_update_evidence (other, stored, &error));
  g_assert_no_error (error);
  g_clear_object (&stored);
  g_clear_object (&other);

  gtk_editable_set_text (GTK_EDITABLE (ui_find_named (GTK_WIDGET (editor), "title")), "Audit 2026");
  requirement = ui_find_named (GTK_WIDGET (editor), "AnnexI.PartII.3");
  g_assert_nonnull (requirement);
  check = ui_find_descendant (requirement, GTK_TYPE_CHECK_BUTTON);
  g_assert_false (gtk_check_button_get_active (GTK_CHECK_BUTTON (check)));
  gtk_check_button_set_active (GTK_CHECK_BUTTON (check), TRUE);   /* as a click does */
  ui_click (cf_evidence_editor_get_save_button (editor));
  wait_gone (CF_TYPE_EVIDENCE_EDITOR, "the evidence editor closes");

  after = open_store (f);
  stored = cf_store_get_evidence (after, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (cf_evidence_get_title (stored), ==, "Audit 2026");
  g_assert_cmpstr (cf_evidence_get_valid_until (stored), ==, "2031-01-31");
  g_assert_true (cf_evidence_has_requirement (stored, "AnnexI.PartI.2.a"));
  g_assert_true (cf_evidence_has_requirement (stored, "AnnexI.PartII.3"));
}

/* The case editor: the user describes the vulnerability while the other
 * program records its fix. */
static void
test_case_editor (Fixture       *f,
                  gconstpointer  data)
{
  CfCaseEditor *editor;
  g_autoptr(CfStore) other = open_store (f);
  g_autoptr(CfStore) after = NULL;
  g_autoptr(CfCase) c = cf_case_new (CF_CASE_VULNERABILITY);
  g_autoptr(CfCase) stored = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id;

  cf_record_set_field (CF_RECORD (c), "title", "Heap overflow");
  cf_record_set_field (CF_RECORD (c), "aware-at", "2026-01-05T09:00:00Z");
  id = cf_store_add_case (other, f->product_id, c, &error);
  g_assert_no_error (error);

  start_app (f);
  editor = cf_case_editor_open (GTK_WINDOW (f->window), get_context (f), id, &error);
  g_assert_no_error (error);
  gtk_window_present (GTK_WINDOW (editor));
  wait_shown (CF_TYPE_CASE_EDITOR, "the case editor opens");

  stored = cf_store_get_case (other, id, &error);
  g_assert_no_error (error);
  cf_record_set_field (CF_RECORD (stored), "fix", "Upgrade to 2.4.2");
  g_assert_true (cf_store_update_case (other, stored, &error));
  g_assert_no_error (error);
  g_clear_object (&stored);
  g_clear_object (&other);

  cf_text_row_set_text (CF_TEXT_ROW (cf_case_editor_get_field_widget (editor, "description")),
                        "A long header overflows a buffer.");
  ui_click (cf_case_editor_get_save_button (editor));
  wait_gone (CF_TYPE_CASE_EDITOR, "the case editor closes");

  after = open_store (f);
  stored = cf_store_get_case (after, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (cf_record_get_field (CF_RECORD (stored), "description"), ==,
                   "A long header overflows a buffer.");
  g_assert_cmpstr (cf_record_get_field (CF_RECORD (stored), "fix"), ==, "Upgrade to 2.4.2");
}

#define REQUIREMENT "AnnexI.PartI.2.a"

/* The requirement editor saves as the user types: only the text typed,
 * while the other program records a standard relied on. */
static void
test_requirement_editor (Fixture       *f,
                         gconstpointer  data)
{
  CfRequirementEditor *editor;
  GtkWidget *measures;
  g_autoptr(CfStore) other = open_store (f);
  g_autoptr(CfStore) after = NULL;
  g_autoptr(CfRequirementAssessment) assessment = cf_requirement_assessment_new (REQUIREMENT);
  g_autoptr(GError) error = NULL;

  g_assert_true (cf_store_set_requirement_assessment (other, f->product_id, assessment, &error));
  g_assert_no_error (error);
  g_clear_pointer (&assessment, cf_requirement_assessment_free);

  start_app (f);
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-requirement", "s", REQUIREMENT);
  editor = CF_REQUIREMENT_EDITOR (ui_find_descendant (GTK_WIDGET (f->window), CF_TYPE_REQUIREMENT_EDITOR));
  g_assert_nonnull (editor);
  ui_spin_until (ui_widget_is_mapped, editor, "the requirement is shown");
  g_assert_cmpstr (cf_requirement_editor_get_requirement (editor), ==, REQUIREMENT);

  assessment = cf_store_get_requirement_assessment (other, f->product_id, REQUIREMENT, &error);
  g_assert_no_error (error);
  g_strfreev (assessment->standards);
  assessment->standards = g_strsplit ("ETSI EN 303 645 5.1-1", "|", -1);
  g_assert_true (cf_store_set_requirement_assessment (other, f->product_id, assessment, &error));
  g_assert_no_error (error);
  g_clear_pointer (&assessment, cf_requirement_assessment_free);
  g_clear_object (&other);

  measures = ui_find_named (GTK_WIDGET (editor), "measures");
  cf_text_row_set_text (CF_TEXT_ROW (measures), "Signed updates");
  g_assert_true (cf_requirement_editor_flush (editor));

  after = open_store (f);
  assessment = cf_store_get_requirement_assessment (after, f->product_id, REQUIREMENT, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (assessment->measures, ==, "Signed updates");
  g_assert_cmpuint (g_strv_length (assessment->standards), ==, 1);
  g_assert_cmpstr (assessment->standards[0], ==, "ETSI EN 303 645 5.1-1");
}

/* The risk view's context saves as the user types: only the text typed,
 * while the other program describes the operational environment. */
static void
test_risk_context (Fixture       *f,
                   gconstpointer  data)
{
  GtkWidget *risk_view;
  GtkWidget *purpose;
  g_autoptr(CfStore) other = NULL;
  g_autoptr(CfStore) after = NULL;
  g_autoptr(CfAssessmentContext) context = NULL;
  g_autoptr(GError) error = NULL;

  start_app (f);
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-view", "s", "risks");
  risk_view = ui_find_descendant (GTK_WIDGET (f->window), CF_TYPE_RISK_VIEW);
  g_assert_nonnull (risk_view);
  ui_spin_until (ui_widget_is_mapped, risk_view, "the risk register is shown");

  other = open_store (f);
  context = cf_store_get_assessment_context (other, f->product_id, &error);
  g_assert_no_error (error);
  cf_record_set_field (CF_RECORD (context), "operational-environment", "Home networks");
  g_assert_true (cf_store_set_assessment_context (other, f->product_id, context, &error));
  g_assert_no_error (error);
  g_clear_object (&context);
  g_clear_object (&other);

  purpose = ui_find_named (risk_view, "intended-purpose");
  cf_text_row_set_text (CF_TEXT_ROW (purpose), "Routing at home");
  g_assert_true (cf_risk_view_flush (CF_RISK_VIEW (risk_view)));

  after = open_store (f);
  context = cf_store_get_assessment_context (after, f->product_id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (cf_record_get_field (CF_RECORD (context), "intended-purpose"), ==,
                   "Routing at home");
  g_assert_cmpstr (cf_record_get_field (CF_RECORD (context), "operational-environment"), ==,
                   "Home networks");
}

static gboolean
context_saved (gpointer data)
{
  Fixture *f = data;
  g_autoptr(CfStore) store = open_store (f);
  g_autoptr(CfAssessmentContext) stored = NULL;

  stored = cf_store_get_assessment_context (store, f->product_id, NULL);
  return stored != NULL &&
         g_strcmp0 (cf_record_get_field (CF_RECORD (stored), "intended-purpose"),
                    "Routing at home") == 0;
}

/* Text typed for one product and refused while another program holds the
 * database is stored for that product, not for the one shown when the
 * database is free again. (The refused try waits for the store's busy
 * timeout, so this test takes some seconds.) */
static void
test_risk_context_busy_switch (Fixture       *f,
                               gconstpointer  data)
{
  GtkWidget *risk_view;
  GtkWidget *purpose;
  g_autoptr(CfStore) other = open_store (f);
  g_autoptr(CfProduct) product = cf_product_new ();
  g_autoptr(CfAssessmentContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *shown = NULL;
  sqlite3 *db = NULL;
  gint64 lock_id;

  cf_record_set_field (CF_RECORD (product), "name", "Smart Lock");
  cf_record_set_field (CF_RECORD (product), "model", "SL-1");
  cf_record_set_field (CF_RECORD (product), "version", "3.0");
  lock_id = cf_store_add_product (other, product, &error);
  g_assert_no_error (error);
  g_clear_object (&other);

  start_app (f);
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-view", "s", "risks");
  risk_view = ui_find_descendant (GTK_WIDGET (f->window), CF_TYPE_RISK_VIEW);
  g_assert_nonnull (risk_view);
  ui_spin_until (ui_widget_is_mapped, risk_view, "the risk register is shown");

  /* Another program holds the database while the user types and then
   * moves on to the other product, as selecting it in the sidebar does. */
  g_assert_cmpint (sqlite3_open (f->db, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "BEGIN IMMEDIATE", NULL, NULL, NULL), ==, SQLITE_OK);
  purpose = ui_find_named (risk_view, "intended-purpose");
  cf_text_row_set_text (CF_TEXT_ROW (purpose), "Routing at home");
  cf_risk_view_set_product_id (CF_RISK_VIEW (risk_view), lock_id);

  /* The rows show the product now shown, not the text waiting for the other. */
  shown = cf_text_row_dup_text (CF_TEXT_ROW (purpose));
  g_assert_cmpstr (shown ?: "", ==, "");

  g_assert_cmpint (sqlite3_exec (db, "ROLLBACK", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
  ui_spin_until (context_saved, f, "the context is saved for the product it was typed for");

  other = open_store (f);
  context = cf_store_get_assessment_context (other, lock_id, &error);
  g_assert_no_error (error);
  g_assert_null (cf_record_get_field (CF_RECORD (context), "intended-purpose"));
}

static void
test_no_display (void)
{
  g_test_skip ("No display to open windows on");
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
      g_test_add_func ("/ui/concurrent-edit/no-display", test_no_display);
      return g_test_run ();
    }
  adw_init ();

#define ADD(path, func) \
  g_test_add ("/ui/concurrent-edit/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("product-editor", test_product_editor);
  ADD ("threat-editor", test_threat_editor);
  ADD ("evidence-editor", test_evidence_editor);
  ADD ("case-editor", test_case_editor);
  ADD ("requirement-editor", test_requirement_editor);
  ADD ("risk-context", test_risk_context);
  ADD ("risk-context-busy-switch", test_risk_context_busy_switch);
#undef ADD

  status = g_test_run ();
  test_remove_tree (home);
  return status;
}
