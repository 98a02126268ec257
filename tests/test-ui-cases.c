/* test-ui-cases.c — vulnerabilities and their Article 14 reports, driven
 * through the real widgets: a case added, listed with its next step,
 * its early warning marked as submitted, a security update fixing it;
 * an impossible time of awareness refused
 *
 * Copyright 2026 The Conformity Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "cf-case-editor.h"
#include "cf-cases-view.h"
#include "cf-context.h"
#include "cf-security-updates-editor.h"
#include "cf-step-sent-dialog.h"
#include "cf-store.h"
#include "ui-harness.h"

typedef struct
{
  char        *dir;
  CfStore     *store;
  CfCatalogue *catalogue;
  CfContext   *context;
  GtkWindow   *window;
  CfCasesView *view;
  gint64       product_id;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  f->dir = g_dir_make_tmp ("cf-ui-cases-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (f->dir, "project.db", NULL);
  f->store = cf_store_open (path, &error);
  g_assert_no_error (error);
  f->catalogue = cf_catalogue_load_default (&error);
  g_assert_no_error (error);
  f->product_id = cf_store_add_example (f->store, &error);
  g_assert_no_error (error);
  f->context = cf_context_new (f->store, f->catalogue);

  f->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (f->window, 1000, 800);
  f->view = CF_CASES_VIEW (cf_cases_view_new (f->context));
  gtk_window_set_child (f->window, GTK_WIDGET (f->view));
  cf_cases_view_set_product_id (f->view, f->product_id);
  gtk_window_present (f->window);
  ui_spin_until (ui_widget_is_mapped, f->window, "the view is shown");
}

static void
destroy_toplevels (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  while (g_list_model_get_n_items (toplevels) > 0)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, 0);

      gtk_window_destroy (window);
    }
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  destroy_toplevels ();
  ui_spin_for (50);
  g_clear_object (&f->context);
  g_clear_object (&f->store);
  g_clear_object (&f->catalogue);
  test_remove_tree (f->dir);
  g_free (f->dir);
}

static gpointer
wait_for_window (GType       type,
                 const char *what)
{
  ui_spin_until ((UiCondition) ui_find_toplevel, GSIZE_TO_POINTER (type), what);
  return ui_find_toplevel (type);
}

static gboolean
window_gone (gpointer type)
{
  return ui_find_toplevel (GPOINTER_TO_SIZE (type)) == NULL;
}

static void
type_into (GtkWidget  *row,
           const char *text)
{
  g_assert_nonnull (row);
  gtk_editable_set_text (GTK_EDITABLE (row), text);
}

/* Two and a half hours ago, as a person would type it: to the minute, in
 * UTC. The early warning then has 21 h and some minutes left. */
static char *
two_hours_ago (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GDateTime) then = g_date_time_add_minutes (now, -150);

  return g_date_time_format (then, "%Y-%m-%dT%H:%MZ");
}

static GPtrArray *
stored_cases (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *cases = cf_store_list_cases (f->store, f->product_id, &error);

  g_assert_no_error (error);
  return cases;
}

typedef struct
{
  Fixture *f;
  gint64   id;
} RowWait;

static gboolean
row_listed (gpointer data)
{
  RowWait *w = data;

  return cf_cases_view_get_case_row (w->f->view, w->id) != NULL;
}

static void
test_report (Fixture       *f,
             gconstpointer  data)
{
  g_autofree char *aware_at = two_hours_ago ();
  g_autoptr(GPtrArray) cases = NULL;
  g_autoptr(GPtrArray) sent = NULL;
  g_autoptr(GPtrArray) deadlines = NULL;
  g_autoptr(CfManufacturer) manufacturer = NULL;
  g_autoptr(GError) error = NULL;
  CfCaseEditor *editor;
  CfStepSentDialog *dialog;
  CfSecurityUpdatesEditor *update;
  GtkWidget *step, *row, *final_step;
  CfStepSent *early;
  RowWait wait = { f, 0 };
  gint64 id;

  /* A new vulnerability: title, time of awareness, actively exploited. */
  ui_click (ui_find_button (GTK_WIDGET (f->view), "Add _Vulnerability…"));
  editor = wait_for_window (CF_TYPE_CASE_EDITOR, "the case editor opens");
  g_assert_null (cf_case_editor_get_field_widget (editor, "initial-assessment"));
  type_into (cf_case_editor_get_field_widget (editor, "title"), "Heap overflow in the web interface");
  type_into (cf_case_editor_get_field_widget (editor, "aware-at"), aware_at);
  gtk_switch_set_active (GTK_SWITCH (ui_find_named (GTK_WIDGET (editor), "exploited")), TRUE);

  /* The steps follow the form before anything is stored. */
  step = cf_case_editor_get_step_row (editor, CF_STEP_EARLY_WARNING);
  g_assert_true (gtk_widget_get_visible (step));
  g_assert_true (g_str_has_prefix (ui_label_text (step, "time-left"), "21 h"));
  g_assert_true (g_str_has_suffix (ui_label_text (step, "time-left"), " left"));

  ui_click (cf_case_editor_get_save_button (editor));
  ui_spin_until (window_gone, GSIZE_TO_POINTER (CF_TYPE_CASE_EDITOR), "the editor closes");

  cases = stored_cases (f);
  g_assert_cmpuint (cases->len, ==, 1);
  id = wait.id = cf_record_get_id (g_ptr_array_index (cases, 0));
  g_assert_true (cf_case_get_exploited (g_ptr_array_index (cases, 0)));

  /* Listed with its next step and the time left for it. */
  ui_spin_until (row_listed, &wait, "the case is listed");
  row = cf_cases_view_get_case_row (f->view, id);
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==,
                   "Heap overflow in the web interface");
  g_assert_cmpstr (ui_label_text (row, "next-step"), ==, "Early warning");
  g_assert_true (g_str_has_suffix (ui_label_text (row, "time-left"), " left"));
  g_assert_nonnull (ui_find_named (row, "exploited"));

  /* Opened from the list, its early warning marked as submitted. */
  gtk_widget_activate (row);
  editor = wait_for_window (CF_TYPE_CASE_EDITOR, "the case opens");
  g_assert_cmpint (cf_case_editor_get_case_id (editor), ==, id);
  step = cf_case_editor_get_step_row (editor, CF_STEP_EARLY_WARNING);
  ui_click (ui_find_button (step, "Mark as _Submitted…"));
  dialog = wait_for_window (CF_TYPE_STEP_SENT_DIALOG, "the submission dialog opens");

  /* The recipient defaults to the manufacturer's CSIRT. */
  manufacturer = cf_store_get_manufacturer (f->store, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (ui_find_named (GTK_WIDGET (dialog), "recipient"))), ==,
                   cf_record_get_field (CF_RECORD (manufacturer), "csirt") ?: "");
  type_into (ui_find_named (GTK_WIDGET (dialog), "recipient"), "CSIRT-DE via the single reporting platform");
  type_into (ui_find_named (GTK_WIDGET (dialog), "reference"), "SRP-2026-0042");
  ui_click (ui_find_button (GTK_WIDGET (dialog), "_Record"));
  ui_spin_until (window_gone, GSIZE_TO_POINTER (CF_TYPE_STEP_SENT_DIALOG), "the dialog closes");

  sent = cf_store_list_case_steps (f->store, id, TRUE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (sent->len, ==, 1);
  early = g_ptr_array_index (sent, 0);
  g_assert_cmpint (early->step, ==, CF_STEP_EARLY_WARNING);
  g_assert_cmpstr (early->recipient, ==, "CSIRT-DE via the single reporting platform");
  g_assert_cmpstr (early->reference, ==, "SRP-2026-0042");
  /* The report as it read when it was submitted, kept with its digest. */
  g_assert_nonnull (early->report_text);
  g_assert_nonnull (strstr (early->report_text, "Heap overflow in the web interface"));
  g_assert_nonnull (early->report_sha256);

  /* The step says so, and can no longer be marked. */
  g_assert_cmpstr (ui_label_text (step, "time-left"), ==, "Submitted");
  g_assert_true (gtk_widget_get_visible (ui_find_named (step, "submitted")));
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (ui_find_named (step, "submitted"))),
                            "SRP-2026-0042"));
  g_assert_false (gtk_widget_get_visible (ui_find_button (step, "Mark as _Submitted…")));

  /* No final report date until a fix is available. */
  final_step = cf_case_editor_get_step_row (editor, CF_STEP_FINAL_REPORT);
  g_assert_cmpstr (ui_label_text (final_step, "time-left"), ==, "Not yet due");
  gtk_window_close (GTK_WINDOW (editor));
  ui_spin_until (window_gone, GSIZE_TO_POINTER (CF_TYPE_CASE_EDITOR), "the editor closes");

  /* The next step in the list is now the notification. */
  row = cf_cases_view_get_case_row (f->view, id);
  g_assert_cmpstr (ui_label_text (row, "next-step"), ==, "Vulnerability notification");

  /* A security update that fixes it: the final report gets its date. */
  ui_click (ui_find_button (GTK_WIDGET (f->view), "Add Security _Update…"));
  update = wait_for_window (CF_TYPE_SECURITY_UPDATES_EDITOR, "the update form opens");
  type_into (ui_find_named (GTK_WIDGET (update), "version"), "2.4.2");
  {
    g_autofree char *name = g_strdup_printf ("fix-case-%" G_GINT64_FORMAT, id);

    gtk_check_button_set_active (GTK_CHECK_BUTTON (ui_find_named (GTK_WIDGET (update), name)), TRUE);
  }
  ui_click (ui_find_button (GTK_WIDGET (update), "_Save"));
  ui_spin_until (window_gone, GSIZE_TO_POINTER (CF_TYPE_SECURITY_UPDATES_EDITOR), "the form closes");
  g_assert_nonnull (ui_find_named (GTK_WIDGET (f->view), "2.4.2"));

  deadlines = cf_store_list_deadlines (f->store, f->product_id, FALSE, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < deadlines->len; i++)
    {
      CfDeadline *d = g_ptr_array_index (deadlines, i);

      if (d->step == CF_STEP_FINAL_REPORT)
        g_assert_nonnull (d->due);
    }

  g_assert_true (cf_cases_view_show_case (f->view, id));
  editor = wait_for_window (CF_TYPE_CASE_EDITOR, "the case opens again");
  final_step = cf_case_editor_get_step_row (editor, CF_STEP_FINAL_REPORT);
  g_assert_true (g_str_has_suffix (ui_label_text (final_step, "time-left"), " left"));
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (ui_find_named (final_step, "due"))),
                            "UTC"));
  /* The store marked it fixed when the update was recorded. */
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (ui_find_named (GTK_WIDGET (editor), "status"))),
                    ==, 1);
}

/* A date that does not exist: said where it was typed, nothing stored,
 * nothing the user typed lost. */
static void
test_refusal (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GPtrArray) cases = NULL;
  CfCaseEditor *editor;
  GtkWidget *aware_at;

  ui_click (ui_find_button (GTK_WIDGET (f->view), "Add _Vulnerability…"));
  editor = wait_for_window (CF_TYPE_CASE_EDITOR, "the case editor opens");
  type_into (cf_case_editor_get_field_widget (editor, "title"), "Memory corruption in the parser");
  aware_at = cf_case_editor_get_field_widget (editor, "aware-at");
  type_into (aware_at, "2026-02-30T10:00Z");
  gtk_switch_set_active (GTK_SWITCH (ui_find_named (GTK_WIDGET (editor), "exploited")), TRUE);

  g_assert_true (gtk_widget_has_css_class (aware_at, "error"));
  g_assert_nonnull (strstr (cf_case_editor_get_message (editor), "2026-02-30T10:00Z"));
  g_assert_true (gtk_widget_get_visible (ui_find_named (GTK_WIDGET (editor), "message")));
  g_assert_false (gtk_widget_is_sensitive (cf_case_editor_get_save_button (editor)));

  /* Ctrl+S all the same: refused, and said at the top. */
  g_assert_false (cf_case_editor_save (editor));
  g_assert_nonnull (cf_case_editor_get_error (editor));
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (editor)));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (aware_at)), ==, "2026-02-30T10:00Z");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (cf_case_editor_get_field_widget (editor, "title"))), ==,
                   "Memory corruption in the parser");

  cases = stored_cases (f);
  g_assert_cmpuint (cases->len, ==, 0);
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

  g_test_add ("/ui/cases/report", Fixture, NULL, fixture_set_up, test_report, fixture_tear_down);
  g_test_add ("/ui/cases/refusal", Fixture, NULL, fixture_set_up, test_refusal, fixture_tear_down);

  status = g_test_run ();
  test_remove_tree (home);
  return status;
}
