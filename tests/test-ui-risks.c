/* test-ui-risks.c — the risk register, the threat form and the overview,
 * driven through their real widgets (under Xvfb)
 *
 * Copyright 2026 The Conformity Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <string.h>

#include "cf-chart-widget.h"
#include "cf-context.h"
#include "cf-overview-view.h"
#include "cf-risk-view.h"
#include "cf-store.h"
#include "cf-text-row.h"
#include "cf-threat-editor.h"
#include "ui-harness.h"

typedef struct
{
  char        *dir;
  CfStore     *store;
  CfCatalogue *catalogue;
  CfContext   *context;
  gint64       product_id;
  GtkWindow   *window;
  GtkWidget   *view;      /* weak: gone with the window */
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CfProduct) product = cf_product_new ();
  g_autofree char *path = NULL;

  f->dir = g_dir_make_tmp ("cf-ui-risks-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (f->dir, "project.db", NULL);
  f->store = cf_store_open (path, &error);
  g_assert_no_error (error);
  f->catalogue = cf_catalogue_load_default (&error);
  g_assert_no_error (error);
  f->context = cf_context_new (f->store, f->catalogue);

  cf_record_set_field (CF_RECORD (product), "name", "Smart Lock");
  cf_record_set_field (CF_RECORD (product), "model", "SL-1");
  f->product_id = cf_store_add_product (f->store, product, &error);
  g_assert_no_error (error);

  f->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (f->window, 1100, 860);
}

static void
show (Fixture   *f,
      GtkWidget *view)
{
  f->view = view;
  g_object_add_weak_pointer (G_OBJECT (view), (gpointer *) &f->view);
  gtk_window_set_child (f->window, view);
  gtk_window_present (f->window);
  ui_spin_until (ui_widget_is_mapped, f->window, "the window is shown");
  ui_spin_for (200);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  /* Editors and questions are transient for the window: they go with it. */
  gtk_window_destroy (f->window);
  ui_spin_for (200);
  /* Nothing the view started (forms, questions, signal handlers) keeps it. */
  g_assert_null (f->view);

  g_clear_object (&f->context);
  g_clear_object (&f->catalogue);
  g_clear_object (&f->store);
  test_remove_tree (f->dir);
  g_free (f->dir);
}

static CfThreatEditor *
find_editor (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (CF_IS_THREAT_EDITOR (window) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return CF_THREAT_EDITOR (window);
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

static void
type_into (CfThreatEditor *editor,
           const char     *name,
           const char     *text)
{
  GtkWidget *row = ui_find_named (GTK_WIDGET (editor), name);

  g_assert_nonnull (row);
  if (CF_IS_TEXT_ROW (row))
    cf_text_row_set_text (CF_TEXT_ROW (row), text);
  else
    gtk_editable_set_text (GTK_EDITABLE (row), text);
}

static void
choose (CfThreatEditor *editor,
        const char     *name,
        guint           position)
{
  GtkWidget *row = ui_find_named (GTK_WIDGET (editor), name);

  g_assert_true (ADW_IS_COMBO_ROW (row));
  adw_combo_row_set_selected (ADW_COMBO_ROW (row), position);
}

static gint
add_threat (Fixture    *f,
            const char *asset,
            const char *title,
            const char *stride,
            int         likelihood,
            int         impact)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CfThreat) threat = cf_threat_new ();
  gint number;

  cf_threat_set_asset (threat, asset);
  cf_threat_set_title (threat, title);
  cf_threat_set_stride (threat, stride);
  cf_threat_set_likelihood (threat, likelihood);
  cf_threat_set_impact (threat, impact);
  number = cf_store_add_threat (f->store, f->product_id, threat, &error);
  g_assert_no_error (error);

  return number;
}

static GtkColumnViewColumn *
find_column (GtkColumnView *view,
             const char    *title)
{
  GListModel *columns = gtk_column_view_get_columns (view);

  for (guint i = 0; i < g_list_model_get_n_items (columns); i++)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, i);

      if (g_strcmp0 (gtk_column_view_column_get_title (column), title) == 0)
        return column;
    }

  g_error ("the register has no column “%s”", title);
}

static gint
number_at (GListModel *model,
           guint       position)
{
  g_autoptr(CfThreat) threat = g_list_model_get_item (model, position);

  g_assert_nonnull (threat);
  return cf_threat_get_number (threat);
}

/* Tests */

static void
test_add_threat (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) threats = NULL;
  GtkWidget *view = cf_risk_view_new (f->context);
  CfThreatEditor *editor;
  GtkWidget *accepted_by;
  CfThreat *stored;

  cf_risk_view_set_product_id (CF_RISK_VIEW (view), f->product_id);
  show (f, view);
  g_assert_cmpuint (g_list_model_get_n_items (cf_risk_view_get_threats (CF_RISK_VIEW (view))), ==, 0);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (ui_find_descendant (view, GTK_TYPE_STACK))), ==, "empty");

  cf_risk_view_add_threat (CF_RISK_VIEW (view));
  ui_spin_until (editor_is_open, NULL, "the threat form opens");
  editor = find_editor ();
  ui_save_screenshot (GTK_WIDGET (editor), "threat-editor-new");

  type_into (editor, "asset", "Bolt motor");
  type_into (editor, "title", "Forged “unlock” command over Bluetooth");
  type_into (editor, "description", "An attacker nearby replays\na captured unlock command.");
  choose (editor, "stride", 1);        /* tampering */
  choose (editor, "likelihood", 3);    /* 4 · Likely */
  choose (editor, "impact", 4);        /* 5 · Severe */
  type_into (editor, "mitigations", "Challenge–response with a per-session nonce.");

  /* The risk is worked out as the levels change. */
  g_assert_cmpstr (ui_label_text (GTK_WIDGET (editor), "inherent-risk"), ==, "20 · Critical");
  g_assert_true (gtk_widget_has_css_class (ui_find_named (GTK_WIDGET (editor), "inherent-risk"), "band-critical"));

  adw_expander_row_set_enable_expansion (ADW_EXPANDER_ROW (ui_find_named (GTK_WIDGET (editor), "residual")), TRUE);
  /* Mitigation starts from the inherent risk... */
  g_assert_cmpstr (ui_label_text (GTK_WIDGET (editor), "residual-risk"), ==, "20 · Critical");
  choose (editor, "residual-likelihood", 0);   /* 1 · Rare */
  g_assert_cmpstr (ui_label_text (GTK_WIDGET (editor), "residual-risk"), ==, "5 · Medium");

  /* Accepting names who accepted: the one recording it, to begin with. */
  accepted_by = ui_find_named (GTK_WIDGET (editor), "accepted-by");
  g_assert_false (gtk_widget_get_visible (accepted_by));
  choose (editor, "treatment", 2);             /* accept */
  g_assert_true (gtk_widget_get_visible (accepted_by));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (accepted_by)), ==, cf_store_get_actor (f->store));
  type_into (editor, "accepted-by", "Zoë Łukasiewicz");
  type_into (editor, "reason", "Needs physical proximity and a captured exchange.");
  g_assert_true (cf_threat_editor_get_dirty (editor));
  ui_save_screenshot (GTK_WIDGET (editor), "threat-editor-filled");
  /* The whole form, scrolled part included. */
  ui_save_screenshot (gtk_viewport_get_child (GTK_VIEWPORT (ui_find_descendant (GTK_WIDGET (editor), GTK_TYPE_VIEWPORT))),
              "threat-editor-form");

  ui_click (cf_threat_editor_get_save_button (editor));
  ui_spin_until (editor_is_closed, NULL, "the form closes after saving");

  /* In the database... */
  threats = cf_store_list_threats (f->store, f->product_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (threats->len, ==, 1);
  stored = g_ptr_array_index (threats, 0);
  g_assert_cmpint (cf_threat_get_number (stored), ==, 1);
  g_assert_cmpstr (cf_threat_get_asset (stored), ==, "Bolt motor");
  g_assert_cmpstr (cf_threat_get_title (stored), ==, "Forged “unlock” command over Bluetooth");
  g_assert_cmpstr (cf_threat_get_description (stored), ==, "An attacker nearby replays\na captured unlock command.");
  g_assert_cmpstr (cf_threat_get_stride (stored), ==, "tampering");
  g_assert_cmpint (cf_threat_get_inherent_score (stored), ==, 20);
  g_assert_cmpint (cf_threat_get_residual_likelihood (stored), ==, 1);
  g_assert_cmpint (cf_threat_get_residual_impact (stored), ==, 5);
  g_assert_cmpstr (cf_threat_get_treatment (stored), ==, "accept");
  g_assert_cmpstr (cf_threat_get_accepted_by (stored), ==, "Zoë Łukasiewicz");
  g_assert_true (cf_threat_is_accepted (stored));

  /* ...and in the register, selected. */
  g_assert_cmpuint (g_list_model_get_n_items (cf_risk_view_get_threats (CF_RISK_VIEW (view))), ==, 1);
  g_assert_true (gtk_column_view_get_model (GTK_COLUMN_VIEW (ui_find_named (view, "register"))) ==
                 GTK_SELECTION_MODEL (cf_risk_view_get_threats (CF_RISK_VIEW (view))));
  g_assert_cmpint (number_at (cf_risk_view_get_threats (CF_RISK_VIEW (view)), 0), ==, 1);
  g_assert_cmpint (cf_risk_view_get_selected (CF_RISK_VIEW (view)), ==, 1);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (ui_find_descendant (view, GTK_TYPE_STACK))), ==,
                   "register");
}

static void
test_refused_threat_keeps_input (Fixture       *f,
                                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) before = NULL;
  g_autoptr(GPtrArray) after = NULL;
  GtkWidget *view = cf_risk_view_new (f->context);
  CfThreatEditor *editor;
  GtkWidget *error_label;

  cf_risk_view_set_product_id (CF_RISK_VIEW (view), f->product_id);
  show (f, view);

  cf_risk_view_add_threat (CF_RISK_VIEW (view));
  ui_spin_until (editor_is_open, NULL, "the threat form opens");
  editor = find_editor ();
  error_label = ui_find_named (GTK_WIDGET (editor), "error");
  g_assert_false (gtk_widget_is_visible (error_label));

  /* No title: refused, said why, nothing stored, nothing lost. */
  type_into (editor, "asset", "Companion app session");
  type_into (editor, "description", "Tokens never expire.");
  choose (editor, "treatment", 2);   /* accept, without a reason */
  ui_click (cf_threat_editor_get_save_button (editor));
  ui_spin_for (200);

  g_assert_true (find_editor () == editor);
  g_assert_true (gtk_widget_is_visible (error_label));
  g_assert_true (gtk_widget_has_css_class (error_label, "error"));
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (error_label)), "Title"));
  g_assert_cmpstr (cf_threat_editor_get_error (editor), ==, gtk_label_get_text (GTK_LABEL (error_label)));
  g_assert_true (gtk_widget_has_css_class (ui_find_named (GTK_WIDGET (editor), "title"), "error"));
  before = cf_store_list_threats (f->store, f->product_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (before->len, ==, 0);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (ui_find_named (GTK_WIDGET (editor), "asset"))), ==,
                   "Companion app session");
  ui_save_screenshot (GTK_WIDGET (editor), "threat-editor-refused");

  /* The next refusal names the next thing missing. */
  type_into (editor, "title", "Stolen session token reused");
  ui_click (cf_threat_editor_get_save_button (editor));
  ui_spin_for (200);
  g_assert_nonnull (strstr (cf_threat_editor_get_error (editor), "Reason"));
  g_assert_false (gtk_widget_has_css_class (ui_find_named (GTK_WIDGET (editor), "title"), "error"));
  g_assert_true (gtk_widget_has_css_class (ui_find_named (GTK_WIDGET (editor), "reason"), "error"));

  type_into (editor, "reason", "Sessions are bound to the paired phone.");
  ui_click (cf_threat_editor_get_save_button (editor));
  ui_spin_until (editor_is_closed, NULL, "the form closes once the threat is complete");

  after = cf_store_list_threats (f->store, f->product_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (after->len, ==, 1);
  g_assert_cmpstr (cf_threat_get_description (g_ptr_array_index (after, 0)), ==, "Tokens never expire.");
}

static void
test_unsaved_threat_asks (Fixture       *f,
                          gconstpointer  data)
{
  GtkWidget *view = cf_risk_view_new (f->context);
  CfThreatEditor *editor;

  cf_risk_view_set_product_id (CF_RISK_VIEW (view), f->product_id);
  show (f, view);

  /* Untouched, it closes at once. */
  cf_risk_view_add_threat (CF_RISK_VIEW (view));
  ui_spin_until (editor_is_open, NULL, "the threat form opens");
  gtk_window_close (GTK_WINDOW (find_editor ()));
  ui_spin_until (editor_is_closed, NULL, "the untouched form closes");

  cf_risk_view_add_threat (CF_RISK_VIEW (view));
  ui_spin_until (editor_is_open, NULL, "the threat form opens again");
  editor = find_editor ();
  type_into (editor, "title", "Half-typed threat");
  gtk_window_close (GTK_WINDOW (editor));
  ui_spin_until (message_dialog_is_open, NULL, "the discard question appears");
  ui_respond (ui_find_toplevel (ADW_TYPE_MESSAGE_DIALOG), "_Keep Editing");
  ui_spin_until (message_dialog_is_closed, NULL, "the question closes");
  g_assert_true (find_editor () == editor);

  gtk_window_close (GTK_WINDOW (editor));
  ui_spin_until (message_dialog_is_open, NULL, "the discard question appears again");
  ui_respond (ui_find_toplevel (ADW_TYPE_MESSAGE_DIALOG), "_Discard");
  ui_spin_until (editor_is_closed, NULL, "the form closes after discarding");
}

static void
test_sort_by_inherent (Fixture       *f,
                       gconstpointer  data)
{
  GtkWidget *view;
  GtkColumnView *column_view;
  GListModel *model;

  add_threat (f, "Keypad", "Brute-forced PIN", "spoofing", 2, 2);             /* 4 */
  add_threat (f, "Firmware", "Unsigned update accepted", "tampering", 4, 5);  /* 20 */
  add_threat (f, "Event log", "Unlocks not recorded", "repudiation", 3, 3);   /* 9 */

  view = cf_risk_view_new (f->context);
  cf_risk_view_set_product_id (CF_RISK_VIEW (view), f->product_id);
  show (f, view);
  column_view = GTK_COLUMN_VIEW (ui_find_named (view, "register"));
  model = cf_risk_view_get_threats (CF_RISK_VIEW (view));

  /* In register order to begin with. */
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 3);
  g_assert_cmpint (number_at (model, 0), ==, 1);
  g_assert_cmpint (number_at (model, 2), ==, 3);

  gtk_column_view_sort_by_column (column_view, find_column (column_view, "Inherent"), GTK_SORT_DESCENDING);
  ui_spin_for (200);
  g_assert_cmpint (number_at (model, 0), ==, 2);
  g_assert_cmpint (number_at (model, 1), ==, 3);
  g_assert_cmpint (number_at (model, 2), ==, 1);
  ui_save_screenshot (GTK_WIDGET (f->window), "risk-view-sorted");

  gtk_column_view_sort_by_column (column_view, find_column (column_view, "Inherent"), GTK_SORT_ASCENDING);
  ui_spin_for (200);
  g_assert_cmpint (number_at (model, 0), ==, 1);

  /* STRIDE sorts in the method's order, not the alphabet's. */
  gtk_column_view_sort_by_column (column_view, find_column (column_view, "STRIDE"), GTK_SORT_ASCENDING);
  ui_spin_for (200);
  g_assert_cmpint (number_at (model, 0), ==, 1);   /* spoofing */
  g_assert_cmpint (number_at (model, 1), ==, 2);   /* tampering */
  g_assert_cmpint (number_at (model, 2), ==, 3);   /* repudiation */
}

static void
test_reload_keeps_selection (Fixture       *f,
                             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CfThreat) first = NULL;
  g_autoptr(CfThreat) shown = NULL;
  GtkWidget *view;

  add_threat (f, "Keypad", "Brute-forced PIN", "spoofing", 2, 2);
  add_threat (f, "Firmware", "Unsigned update accepted", "tampering", 4, 5);

  view = cf_risk_view_new (f->context);
  cf_risk_view_set_product_id (CF_RISK_VIEW (view), f->product_id);
  show (f, view);
  g_assert_true (cf_risk_view_select_threat (CF_RISK_VIEW (view), 2));
  g_assert_false (cf_risk_view_select_threat (CF_RISK_VIEW (view), 9));
  g_assert_cmpint (cf_risk_view_get_selected (CF_RISK_VIEW (view)), ==, 2);

  /* Another program, or the CLI, changes T1: the register follows. */
  first = cf_store_get_threat (f->store, f->product_id, 1, &error);
  g_assert_no_error (error);
  cf_threat_set_residual (first, 1, 2);
  cf_store_update_threat (f->store, f->product_id, first, &error);
  g_assert_no_error (error);
  ui_spin_for (200);

  g_assert_cmpint (cf_risk_view_get_selected (CF_RISK_VIEW (view)), ==, 2);
  shown = g_list_model_get_item (cf_risk_view_get_threats (CF_RISK_VIEW (view)), 0);
  g_assert_true (cf_threat_has_residual (shown));
}

static void
test_edit_and_remove (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) threats = NULL;
  g_autoptr(CfThreat) edited = NULL;
  GtkWidget *view;
  CfThreatEditor *editor;
  AdwMessageDialog *dialog;

  add_threat (f, "Keypad", "Brute-forced PIN", "spoofing", 2, 2);
  add_threat (f, "Firmware", "Unsigned update accepted", "tampering", 4, 5);

  view = cf_risk_view_new (f->context);
  cf_risk_view_set_product_id (CF_RISK_VIEW (view), f->product_id);
  show (f, view);

  /* Nothing selected: nothing to edit or remove. */
  g_assert_false (gtk_widget_is_sensitive (ui_find_named (view, "remove-threat")));
  cf_risk_view_select_threat (CF_RISK_VIEW (view), 2);
  g_assert_true (gtk_widget_is_sensitive (ui_find_named (view, "remove-threat")));

  /* Activating a row opens it, filled in. */
  g_signal_emit_by_name (ui_find_named (view, "register"), "activate", 1);
  ui_spin_until (editor_is_open, NULL, "the threat opens");
  editor = find_editor ();
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (ui_find_named (GTK_WIDGET (editor), "title"))), ==,
                   "Unsigned update accepted");
  g_assert_cmpstr (ui_label_text (GTK_WIDGET (editor), "inherent-risk"), ==, "20 · Critical");
  g_assert_false (cf_threat_editor_get_dirty (editor));

  /* The assets already in the register are a click away. */
  g_assert_true (gtk_widget_get_visible (ui_find_descendant (GTK_WIDGET (editor), GTK_TYPE_MENU_BUTTON)));
  gtk_widget_activate_action (GTK_WIDGET (editor), "editor.use-asset", "s", "Keypad");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (ui_find_named (GTK_WIDGET (editor), "asset"))), ==,
                   "Keypad");
  gtk_widget_activate_action (GTK_WIDGET (editor), "editor.use-asset", "s", "Firmware");
  choose (editor, "treatment", 1);   /* mitigate */
  ui_click (cf_threat_editor_get_save_button (editor));
  ui_spin_until (editor_is_closed, NULL, "the form closes after saving");

  edited = cf_store_get_threat (f->store, f->product_id, 2, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (cf_threat_get_treatment (edited), ==, "mitigate");
  g_assert_cmpint (cf_risk_view_get_selected (CF_RISK_VIEW (view)), ==, 2);

  /* Removing asks first, naming the threat. */
  ui_click (ui_find_named (view, "remove-threat"));
  ui_spin_until (message_dialog_is_open, NULL, "the removal question appears");
  dialog = ui_find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Remove T2?");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "Unsigned update accepted"));
  ui_respond (dialog, "_Remove");
  ui_spin_until (message_dialog_is_closed, NULL, "the question closes");
  ui_spin_for (200);

  threats = cf_store_list_threats (f->store, f->product_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (threats->len, ==, 1);
  g_assert_cmpint (cf_threat_get_number (g_ptr_array_index (threats, 0)), ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (cf_risk_view_get_threats (CF_RISK_VIEW (view))), ==, 1);
  g_assert_cmpint (cf_risk_view_get_selected (CF_RISK_VIEW (view)), ==, 0);
}

static void
test_overview_toggles (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  GtkWidget *view = cf_overview_view_new (f->context);
  CfChartWidget *heatmap, *readiness;
  g_autofree char *residual = NULL;
  gint64 example;

  example = cf_store_add_example (f->store, &error);
  g_assert_no_error (error);
  cf_overview_view_set_product_id (CF_OVERVIEW_VIEW (view), example);
  show (f, view);

  heatmap = CF_CHART_WIDGET (ui_find_named (view, "heatmap"));
  readiness = CF_CHART_WIDGET (ui_find_named (view, "readiness"));
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (heatmap)));
  g_assert_true (g_str_has_prefix (cf_chart_widget_get_summary (heatmap), "Residual risk: "));
  g_assert_nonnull (strstr (cf_chart_widget_get_summary (readiness), "requirements assessed"));
  residual = g_strdup (cf_chart_widget_get_summary (heatmap));
  ui_save_screenshot (GTK_WIDGET (f->window), "overview-residual");
  ui_save_screenshot (GTK_WIDGET (readiness), "overview-readiness");

  ui_click (ui_find_named (view, "inherent"));
  ui_spin_for (200);
  g_assert_true (g_str_has_prefix (cf_chart_widget_get_summary (heatmap), "Inherent risk: "));
  g_assert_cmpstr (cf_chart_widget_get_summary (heatmap), !=, residual);
  ui_save_screenshot (GTK_WIDGET (f->window), "overview-inherent");

  ui_click (ui_find_named (view, "residual"));
  ui_spin_for (200);
  g_assert_cmpstr (cf_chart_widget_get_summary (heatmap), ==, residual);
}

static void
test_overview_empty (Fixture       *f,
                     gconstpointer  data)
{
  GtkWidget *view = cf_overview_view_new (f->context);
  GtkWidget *open;

  cf_overview_view_set_product_id (CF_OVERVIEW_VIEW (view), f->product_id);
  show (f, view);

  /* No threats: a way to the register instead of an empty picture. */
  open = ui_find_named (view, "open-register");
  /* A stack's hidden pages stay "visible"; only the shown one is mapped. */
  g_assert_true (gtk_widget_get_mapped (open));
  g_assert_false (gtk_widget_get_mapped (ui_find_named (view, "heatmap")));
  g_assert_cmpstr (gtk_actionable_get_action_name (GTK_ACTIONABLE (open)), ==, "win.show-view");
  g_assert_false (gtk_widget_is_sensitive (ui_find_named (view, "inherent")));
  ui_save_screenshot (GTK_WIDGET (f->window), "overview-empty");

  /* The first threat brings the picture. */
  add_threat (f, "Keypad", "Brute-forced PIN", "spoofing", 2, 2);
  ui_spin_for (200);
  g_assert_true (gtk_widget_get_mapped (ui_find_named (view, "heatmap")));
  g_assert_cmpstr (cf_chart_widget_get_summary (CF_CHART_WIDGET (ui_find_named (view, "heatmap"))), ==,
                   "Residual risk: 1 low");
}

static gboolean
context_saved (gpointer data)
{
  Fixture *f = data;
  g_autoptr(CfAssessmentContext) stored = cf_store_get_assessment_context (f->store, f->product_id, NULL);

  return stored != NULL &&
         g_strcmp0 (cf_record_get_field (CF_RECORD (stored), "assumptions"), "Bluetooth range only.") == 0;
}

static void
test_risk_view_example (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CfAssessmentContext) stored = NULL;
  GtkWidget *view = cf_risk_view_new (f->context);
  CfTextRow *purpose;
  g_autofree char *text = NULL;
  gint64 example;

  example = cf_store_add_example (f->store, &error);
  g_assert_no_error (error);
  cf_risk_view_set_product_id (CF_RISK_VIEW (view), example);
  show (f, view);

  g_assert_cmpuint (g_list_model_get_n_items (cf_risk_view_get_threats (CF_RISK_VIEW (view))), ==, 6);
  purpose = CF_TEXT_ROW (ui_find_named (view, "intended-purpose"));
  text = cf_text_row_dup_text (purpose);
  g_assert_nonnull (text);
  g_assert_true (g_str_has_prefix (text, "Controls the heating"));
  g_clear_pointer (&text, g_free);
  ui_save_screenshot (GTK_WIDGET (f->window), "risk-view-example");

  /* Another product shows its own register and context, empty here. */
  cf_risk_view_set_product_id (CF_RISK_VIEW (view), f->product_id);
  g_assert_cmpuint (g_list_model_get_n_items (cf_risk_view_get_threats (CF_RISK_VIEW (view))), ==, 0);
  text = cf_text_row_dup_text (purpose);
  g_assert_true (text == NULL || *text == '\0');
  g_clear_pointer (&text, g_free);
  ui_save_screenshot (GTK_WIDGET (f->window), "risk-view-empty");

  /* The context is edited in place and saved as it is typed. */
  cf_text_row_set_text (purpose, "Locks a front door.");
  g_assert_true (cf_risk_view_flush (CF_RISK_VIEW (view)));
  stored = cf_store_get_assessment_context (f->store, f->product_id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (cf_record_get_field (CF_RECORD (stored), "intended-purpose"), ==, "Locks a front door.");
  g_clear_object (&stored);

  /* Without a flush, the pause in typing saves it. */
  cf_text_row_set_text (CF_TEXT_ROW (ui_find_named (view, "assumptions")), "Bluetooth range only.");
  ui_spin_until (context_saved, f, "the context is saved after a pause");
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
  g_autoptr(GtkCssProvider) css = NULL;
  int status;

  g_test_init (&argc, &argv, NULL);

  if (!gtk_init_check ())
    {
      g_test_add_func ("/ui/no-display", test_no_display);
      return g_test_run ();
    }
  adw_init ();
  if (g_getenv ("CONFORMITY_TEST_SCREENSHOTS_DARK") != NULL)
    adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_FORCE_DARK);

  /* The application loads its style sheet itself; these windows have none. */
  css = gtk_css_provider_new ();
  gtk_css_provider_load_from_resource (css, RESOURCE_BASE "/style.css");
  gtk_style_context_add_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (css),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/ui/risks/add-threat", test_add_threat);
  ADD ("/ui/risks/refused-threat-keeps-input", test_refused_threat_keeps_input);
  ADD ("/ui/risks/unsaved-threat-asks", test_unsaved_threat_asks);
  ADD ("/ui/risks/sort-by-inherent", test_sort_by_inherent);
  ADD ("/ui/risks/reload-keeps-selection", test_reload_keeps_selection);
  ADD ("/ui/risks/edit-and-remove", test_edit_and_remove);
  ADD ("/ui/risks/example-register", test_risk_view_example);
  ADD ("/ui/overview/toggles", test_overview_toggles);
  ADD ("/ui/overview/empty", test_overview_empty);
#undef ADD

  status = g_test_run ();
  test_remove_tree (home);

  return status;
}
