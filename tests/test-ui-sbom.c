/* test-ui-sbom.c — the SBOM view: importing, searching, checking,
 * comparing, refusing, driven through the real widgets (under Xvfb)
 *
 * Copyright 2026 The Conformity Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <sqlite3.h>
#include <string.h>

#include "cf-context.h"
#include "cf-sbom-check.h"
#include "cf-sbom-compare.h"
#include "cf-sbom-component-object.h"
#include "cf-sbom-diff.h"
#include "cf-sbom-view.h"
#include "cf-store.h"
#include "cf-window.h"
#include "ui-harness.h"

/* A real SBOM: CycloneDX's own example of a Laravel application (CC0). */
#define LARAVEL "cyclonedx-laravel-7.12.0_bom.1.4.json"

typedef struct
{
  char        *dir;
  char        *path;
  CfStore     *store;
  CfCatalogue *catalogue;
  CfContext   *context;
  gint64       product_id;
  GtkWindow   *window;
  GtkWidget   *view;      /* weak: gone with the window */
  GPtrArray   *toasts;    /* the titles of the toasts raised */
} Fixture;


static void
spin_briefly (void)
{
  ui_spin_for (200);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CfProduct) product = cf_product_new ();

  f->dir = g_dir_make_tmp ("cf-ui-sbom-XXXXXX", &error);
  g_assert_no_error (error);
  f->path = g_build_filename (f->dir, "project.db", NULL);
  f->store = cf_store_open (f->path, &error);
  g_assert_no_error (error);
  f->catalogue = cf_catalogue_load_default (&error);
  g_assert_no_error (error);
  f->context = cf_context_new (f->store, f->catalogue);
  f->toasts = g_ptr_array_new_with_free_func (g_free);

  cf_record_set_field (CF_RECORD (product), "name", "Smart Lock");
  cf_record_set_field (CF_RECORD (product), "model", "SL-1");
  cf_record_set_field (CF_RECORD (product), "version", "2.4.1");
  f->product_id = cf_store_add_product (f->store, product, &error);
  g_assert_no_error (error);

  f->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (f->window, 1100, 900);
}

static void
toast_cb (GtkWidget *view,
          AdwToast  *toast,
          Fixture   *f)
{
  g_ptr_array_add (f->toasts, g_strdup (adw_toast_get_title (toast)));
  /* Nobody shows it: it goes, as an overlay would drop it. */
  g_object_ref_sink (toast);
  g_object_unref (toast);
}

static void
show (Fixture   *f,
      GtkWidget *view)
{
  f->view = view;
  g_object_add_weak_pointer (G_OBJECT (view), (gpointer *) &f->view);
  if (g_signal_lookup ("add-toast", G_OBJECT_TYPE (view)) != 0)
    g_signal_connect (view, "add-toast", G_CALLBACK (toast_cb), f);
  gtk_window_set_child (f->window, view);
  gtk_window_present (f->window);
  ui_spin_until (ui_widget_is_mapped, f->window, "the window is shown");
  spin_briefly ();
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  /* Dialogs are transient for the window: they go with it. */
  gtk_window_destroy (f->window);
  spin_briefly ();
  /* Nothing the view started (imports, readings, dialogs) keeps it. */
  g_assert_null (f->view);

  g_clear_object (&f->context);
  g_clear_object (&f->catalogue);
  g_clear_object (&f->store);
  g_clear_pointer (&f->toasts, g_ptr_array_unref);
  test_remove_tree (f->dir);
  g_free (f->path);
  g_free (f->dir);
}

static gboolean
has_toast (Fixture    *f,
           const char *text)
{
  for (guint i = 0; i < f->toasts->len; i++)
    if (strstr (g_ptr_array_index (f->toasts, i), text) != NULL)
      return TRUE;

  return FALSE;
}

/* The view's scrolled page shows only what is below the fold if scrolled:
 * bring @widget to the top first. */
static void
scroll_to (GtkWidget *view,
           GtkWidget *widget)
{
  GtkWidget *scrolled = gtk_widget_get_ancestor (widget, GTK_TYPE_SCROLLED_WINDOW);
  GtkAdjustment *adjustment;
  graphene_point_t point;

  /* The outermost scrolled window: the page's, not the list's. */
  while (gtk_widget_get_ancestor (gtk_widget_get_parent (scrolled), GTK_TYPE_SCROLLED_WINDOW) != NULL)
    scrolled = gtk_widget_get_ancestor (gtk_widget_get_parent (scrolled), GTK_TYPE_SCROLLED_WINDOW);

  adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled));
  /* Where it is in what is shown now, which is scrolled already. */
  g_assert_true (gtk_widget_compute_point (widget, scrolled, &GRAPHENE_POINT_INIT (0, 0), &point));
  gtk_adjustment_set_value (adjustment, MAX (gtk_adjustment_get_value (adjustment) + point.y - 12, 0));
  spin_briefly ();
}

/* What the view shows: its empty state, or an SBOM. */
static gboolean
empty_shown (GtkWidget *view)
{
  GtkWidget *empty = ui_find_named (view, "sbom-empty");

  return gtk_stack_get_visible_child (GTK_STACK (gtk_widget_get_parent (empty))) == empty;
}

/* Holds the database's write lock from a connection of the test's own, as
 * another program might: an import started meanwhile waits for it. */
static sqlite3 *
lock_database (Fixture *f)
{
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (f->path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "BEGIN IMMEDIATE", NULL, NULL, NULL), ==, SQLITE_OK);
  return db;
}

static void
unlock_database (sqlite3 *db)
{
  g_assert_cmpint (sqlite3_exec (db, "ROLLBACK", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
}

static gboolean
not_busy (gpointer data)
{
  return !cf_sbom_view_get_busy (data);
}

static GFile *
data_file (const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "sbom", name, NULL);

  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
  return g_file_new_for_path (path);
}

static GFile *
write_text (Fixture    *f,
            const char *name,
            const char *text)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (f->dir, name, NULL);

  g_file_set_contents (path, text, -1, &error);
  g_assert_no_error (error);

  return g_file_new_for_path (path);
}

/* Replaces the first @from after @after (or from the start) with @to. */
static void
replace_once (GString    *text,
              const char *after,
              const char *from,
              const char *to)
{
  const char *start = after ? strstr (text->str, after) : text->str;
  const char *at;

  g_assert_nonnull (start);
  at = strstr (start, from);
  g_assert_nonnull (at);
  g_string_erase (text, at - text->str, strlen (from));
  g_string_insert (text, at - text->str, to);
}

static GPtrArray *
list_sboms (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *sboms = cf_store_list_sboms (f->store, f->product_id, &error);

  g_assert_no_error (error);
  return sboms;
}

static CfSbom *
load_sbom (Fixture *f,
           gint64   sbom_id)
{
  g_autoptr(GError) error = NULL;
  CfSbom *sbom = cf_store_load_sbom (f->store, sbom_id, &error);

  g_assert_no_error (error);
  return sbom;
}

static gboolean
contains_folded (const char *haystack,
                 const char *needle)
{
  g_autofree char *folded = NULL;

  if (haystack == NULL)
    return FALSE;

  folded = g_utf8_casefold (haystack, -1);
  return strstr (folded, needle) != NULL;
}

/* What the search should keep, counted from the store's own components. */
static guint
count_matching (CfSbom     *sbom,
                const char *needle)
{
  guint n = 0;

  for (guint i = 0; i < sbom->components->len; i++)
    {
      const CfSbomComponent *c = g_ptr_array_index (sbom->components, i);

      n += contains_folded (c->name, needle) || contains_folded (c->version, needle) ||
           contains_folded (c->purl, needle) || contains_folded (c->cpe, needle) ||
           contains_folded (c->supplier, needle) || contains_folded (c->licences, needle);
    }

  return n;
}

static guint
count_missing_required (CfSbom *sbom)
{
  g_autoptr(CfSbomCheck) check = cf_sbom_check (sbom);
  g_autoptr(GHashTable) components = g_hash_table_new (NULL, NULL);

  for (guint i = 0; i < check->findings->len; i++)
    {
      const CfSbomFinding *finding = g_ptr_array_index (check->findings, i);

      if (finding->level == CF_SBOM_LEVEL_REQUIRED && finding->component >= 0)
        g_hash_table_add (components, GINT_TO_POINTER (finding->component + 1));
    }

  return g_hash_table_size (components);
}

static char *
count_text (guint shown,
            guint all)
{
  return g_strdup_printf ("%u of %u components", shown, all);
}

typedef struct
{
  GtkWidget  *view;
  const char *text;
} CountWait;

static gboolean
count_is (gpointer data)
{
  CountWait *wait = data;

  return g_strcmp0 (ui_label_text (wait->view, "component-count"), wait->text) == 0;
}

static void
spin_until_count (GtkWidget *view,
                  guint      shown,
                  guint      all)
{
  g_autofree char *text = count_text (shown, all);
  CountWait wait = { view, text };

  ui_spin_until (count_is, &wait, text);
}

static void
import (Fixture *f,
        GFile   *file)
{
  cf_sbom_view_import_file (CF_SBOM_VIEW (f->view), file);
  g_assert_true (cf_sbom_view_get_busy (CF_SBOM_VIEW (f->view)));
  ui_spin_until (not_busy, f->view, "the import is over");
  spin_briefly ();
}

static gboolean
drop_file (GtkWidget *view,
           GFile     *file)
{
  GListModel *controllers = gtk_widget_observe_controllers (view);
  g_auto(GValue) value = G_VALUE_INIT;
  GSList one = { file, NULL };
  gboolean handled = FALSE;

  g_value_init (&value, GDK_TYPE_FILE_LIST);
  g_value_take_boxed (&value, gdk_file_list_new_from_list (&one));

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_DROP_TARGET (controller))
        {
          GdkDragAction action = 0;

          /* Entering says what dropping will do. */
          g_signal_emit_by_name (controller, "enter", 10.0, 10.0, &action);
          g_assert_cmpint (action, ==, GDK_ACTION_COPY);
          g_assert_true (gtk_widget_get_visible (ui_find_named (view, "drop-overlay")));
          ui_save_screenshot (GTK_WIDGET (gtk_widget_get_root (view)), "sbom-drop");
          g_signal_emit_by_name (controller, "drop", &value, 10.0, 10.0, &handled);
          g_assert_false (gtk_widget_get_visible (ui_find_named (view, "drop-overlay")));
        }
    }
  g_object_unref (controllers);

  return handled;
}

/* Tests */

/* Import, summary, quality, search, the "missing" filter, a second SBOM by
 * dropping it, the comparison, a refused file and a cancelled import. */
static void
test_import_and_compare (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(GFile) laravel = data_file (LARAVEL);
  g_autoptr(GFile) newer = NULL;
  g_autoptr(GFile) broken = NULL;
  g_autoptr(GPtrArray) sboms = NULL;
  g_autoptr(CfSbom) sbom = NULL;
  g_autoptr(CfSbom) newer_sbom = NULL;
  g_autoptr(CfSbomCheck) check = NULL;
  g_autoptr(GPtrArray) changes = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *score = NULL;
  g_autofree char *summary = NULL;
  g_autofree char *text = NULL;
  g_autoptr(GString) edited = NULL;
  GtkWidget *view = cf_sbom_view_new (f->context);
  GtkWidget *search;
  AdwMessageDialog *dialog;
  CfSbomCompare *compare;
  CfSbomInfo *info;
  guint n_symfony, n_missing, added = 0, removed = 0, changed = 0;
  gint64 older_id, newer_id;
  int min_width;
  sqlite3 *db;

  cf_sbom_view_set_product_id (CF_SBOM_VIEW (view), f->product_id);
  show (f, view);

  /* Nothing imported yet: the empty state says what to do. */
  g_assert_true (empty_shown (view));
  g_assert_cmpstr (adw_status_page_get_title (ADW_STATUS_PAGE (ui_find_named (view, "sbom-empty"))), ==,
                   "No Software Bill of Materials");
  g_assert_true (gtk_widget_is_sensitive (ui_find_named (view, "import-empty")));
  ui_save_screenshot (GTK_WIDGET (f->window), "sbom-empty");

  /* Import: the count the view shows is the parser's. */
  import (f, laravel);
  sboms = list_sboms (f);
  g_assert_cmpuint (sboms->len, ==, 1);
  info = g_ptr_array_index (sboms, 0);
  g_assert_cmpuint (info->component_count, ==, 62);
  g_assert_cmpint (cf_sbom_view_get_shown_id (CF_SBOM_VIEW (view)), ==, info->id);
  g_assert_false (empty_shown (view));
  spin_until_count (view, 62, 62);
  g_assert_true (has_toast (f, "Imported 62 components from " LARAVEL));
  g_assert_cmpuint (g_list_model_get_n_items (cf_sbom_view_get_components (CF_SBOM_VIEW (view))), ==, 62);

  /* It fits the narrowest window. */
  gtk_widget_measure (view, GTK_ORIENTATION_HORIZONTAL, -1, &min_width, NULL, NULL, NULL);
  g_assert_cmpint (min_width, <=, 360);
  /* The summary and the score. */
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (ui_find_named (view, "format"))), ==,
                   "CycloneDX 1.4 (JSON)");
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (ui_find_named (view, "product-version"))), ==,
                   "2.4.1");
  g_assert_cmpstr (ui_label_text (view, "sha256"), ==, info->sha256);
  sbom = load_sbom (f, info->id);
  check = cf_sbom_check (sbom);
  score = g_strdup_printf ("%u/100", check->score);
  g_assert_cmpstr (ui_label_text (view, "score"), ==, score);
  g_assert_cmpfloat (gtk_level_bar_get_value (GTK_LEVEL_BAR (ui_find_named (view, "score-bar"))), ==, check->score);
  for (guint i = 0; i < check->fields->len; i++)
    g_assert_nonnull (ui_find_named (view, ((CfSbomFieldSummary *) g_ptr_array_index (check->fields, i))->id));
  ui_save_screenshot (GTK_WIDGET (f->window), "sbom-imported");
  scroll_to (view, ui_find_named (view, "score"));
  ui_save_screenshot (GTK_WIDGET (f->window), "sbom-quality");
  if (check->findings->len > 0)
    {
      adw_expander_row_set_expanded (ADW_EXPANDER_ROW (ui_find_named (view, "missing")), TRUE);
      spin_briefly ();
      scroll_to (view, ui_find_named (view, "missing"));
      ui_save_screenshot (GTK_WIDGET (f->window), "sbom-missing");
      adw_expander_row_set_expanded (ADW_EXPANDER_ROW (ui_find_named (view, "missing")), FALSE);
      /* Past the expander's animation */
      ui_spin_for (600);
    }

  /* Searching narrows the list; the count says how far. */
  search = ui_find_named (view, "component-search");
  n_symfony = count_matching (sbom, "symfony");
  g_assert_cmpuint (n_symfony, >, 0);
  g_assert_cmpuint (n_symfony, <, 62);
  gtk_editable_set_text (GTK_EDITABLE (search), "SymFony");
  spin_until_count (view, n_symfony, 62);
  g_assert_cmpuint (g_list_model_get_n_items (cf_sbom_view_get_components (CF_SBOM_VIEW (view))), ==, n_symfony);
  scroll_to (view, search);
  ui_save_screenshot (GTK_WIDGET (f->window), "sbom-search");
  gtk_editable_set_text (GTK_EDITABLE (search), "SymFony/console");
  spin_until_count (view, count_matching (sbom, "symfony/console"), 62);
  gtk_editable_set_text (GTK_EDITABLE (search), "");
  spin_until_count (view, 62, 62);

  /* Only the components that lack a required field. */
  n_missing = count_missing_required (sbom);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (ui_find_named (view, "component-filter")), 1);
  spin_until_count (view, n_missing, 62);
  ui_save_screenshot (GTK_WIDGET (f->window), "sbom-missing-filter");
  gtk_drop_down_set_selected (GTK_DROP_DOWN (ui_find_named (view, "component-filter")), 0);
  spin_until_count (view, 62, 62);

  /* One SBOM: nothing to compare with. */
  g_assert_false (gtk_widget_is_sensitive (ui_find_named (view, "compare")));
  g_assert_nonnull (gtk_widget_get_tooltip_text (ui_find_named (view, "compare")));

  /* A later build: one component updated, one replaced by another. Dropped
   * onto the view, it imports as the chooser's file does. */
  g_file_load_contents (laravel, NULL, &contents, NULL, NULL, NULL);
  edited = g_string_new (contents);
  replace_once (edited, "\"name\": \"stack-cors\"", "\"version\": \"1.3.0\"", "\"version\": \"1.4.0\"");
  replace_once (edited, NULL, "pkg:composer/asm89/stack-cors@1.3.0", "pkg:composer/asm89/stack-cors@1.4.0");
  replace_once (edited, NULL, "\"name\": \"portable-ascii\"", "\"name\": \"portable-utf8\"");
  replace_once (edited, NULL, "pkg:composer/voku/portable-ascii@", "pkg:composer/voku/portable-utf8@");
  newer = write_text (f, "laravel-next.json", edited->str);
  g_assert_true (drop_file (view, newer));
  g_assert_true (cf_sbom_view_get_busy (CF_SBOM_VIEW (view)));
  ui_spin_until (not_busy, view, "the dropped file is imported");
  spin_briefly ();
  g_clear_pointer (&sboms, g_ptr_array_unref);
  sboms = list_sboms (f);
  g_assert_cmpuint (sboms->len, ==, 2);
  info = g_ptr_array_index (sboms, 0);
  newer_id = info->id;
  older_id = ((CfSbomInfo *) g_ptr_array_index (sboms, 1))->id;
  g_assert_cmpint (cf_sbom_view_get_shown_id (CF_SBOM_VIEW (view)), ==, newer_id);
  g_assert_cmpuint (g_list_model_get_n_items (adw_combo_row_get_model (ADW_COMBO_ROW (ui_find_named (view, "sboms")))),
                    ==, 2);
  g_assert_true (has_toast (f, "Imported 62 components from laravel-next.json"));
  ui_save_screenshot (GTK_WIDGET (f->window), "sbom-two");

  /* What the core says changed, the dialog says. */
  newer_sbom = load_sbom (f, newer_id);
  changes = cf_sbom_diff (sbom, newer_sbom);
  for (guint i = 0; i < changes->len; i++)
    {
      CfSbomChange *change = g_ptr_array_index (changes, i);

      added += change->kind == CF_SBOM_CHANGE_ADDED;
      removed += change->kind == CF_SBOM_CHANGE_REMOVED;
      changed += change->kind == CF_SBOM_CHANGE_VERSION_CHANGED;
    }
  g_assert_cmpuint (added, ==, 1);
  g_assert_cmpuint (removed, ==, 1);
  g_assert_cmpuint (changed, ==, 1);
  ui_click (ui_find_named (view, "compare"));
  ui_spin_until (ui_toplevel_shown, GSIZE_TO_POINTER (CF_TYPE_SBOM_COMPARE), "the comparison opens");
  compare = ui_find_toplevel (CF_TYPE_SBOM_COMPARE);
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (compare)) == f->window);
  g_assert_true (gtk_window_get_modal (GTK_WINDOW (compare)));
  g_assert_cmpstr (cf_sbom_compare_get_summary (compare), ==, "1 added, 1 removed, 1 changed version");
  text = cf_sbom_compare_dup_text (compare);
  g_assert_nonnull (strstr (text, "+ portable-utf8 1.6.1"));
  g_assert_nonnull (strstr (text, "− portable-ascii 1.6.1"));
  g_assert_nonnull (strstr (text, "~ stack-cors 1.3.0 → 1.4.0"));
  ui_save_screenshot (GTK_WIDGET (compare), "sbom-compare");

  /* Swapped, the changes turn round. */
  cf_sbom_compare_set_older (compare, 0);
  cf_sbom_compare_set_newer (compare, 1);
  g_clear_pointer (&text, g_free);
  text = cf_sbom_compare_dup_text (compare);
  g_assert_nonnull (strstr (text, "~ stack-cors 1.4.0 → 1.3.0"));
  cf_sbom_compare_set_newer (compare, 0);
  g_assert_cmpstr (cf_sbom_compare_get_summary (compare), ==, "");
  gtk_window_close (GTK_WINDOW (compare));
  ui_spin_until (ui_toplevel_gone, GSIZE_TO_POINTER (CF_TYPE_SBOM_COMPARE), "the comparison closes");

  /* The older one can be shown again. */
  g_assert_true (cf_sbom_view_show_sbom (CF_SBOM_VIEW (view), older_id));
  ui_spin_until (not_busy, view, "the older SBOM is read");
  spin_until_count (view, 62, 62);
  g_assert_true (cf_sbom_view_show_sbom (CF_SBOM_VIEW (view), newer_id));
  ui_spin_until (not_busy, view, "the newer SBOM is read");

  /* A broken file: the dialog names it and where it breaks; nothing else
   * changes. */
  broken = write_text (f, "broken-bom.json", "{\"bomFormat\": \"CycloneDX\", \"specVersion\": \"1.4\", \"components\": [");
  import (f, broken);
  ui_spin_until (ui_toplevel_shown, GSIZE_TO_POINTER (ADW_TYPE_MESSAGE_DIALOG), "the error is shown");
  dialog = ui_find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Could Not Import the SBOM");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "broken-bom.json"));
  ui_save_screenshot (GTK_WIDGET (dialog), "sbom-error");
  ui_respond (dialog, "_Close");
  ui_spin_until (ui_toplevel_gone, GSIZE_TO_POINTER (ADW_TYPE_MESSAGE_DIALOG), "the error closes");
  g_clear_pointer (&sboms, g_ptr_array_unref);
  sboms = list_sboms (f);
  g_assert_cmpuint (sboms->len, ==, 2);
  g_assert_cmpint (cf_sbom_view_get_shown_id (CF_SBOM_VIEW (view)), ==, newer_id);
  spin_until_count (view, 62, 62);

  /* Another program holds the database: the import waits, the window
   * does not. Cancelled, nothing is stored, and the toast says so. */
  db = lock_database (f);
  cf_sbom_view_import_file (CF_SBOM_VIEW (view), laravel);
  g_assert_true (gtk_action_bar_get_revealed (GTK_ACTION_BAR (ui_find_named (view, "import-progress"))));
  summary = g_strdup_printf ("Importing “%s”…", LARAVEL);
  g_assert_cmpstr (ui_label_text (view, "import-label"), ==, summary);
  spin_briefly ();
  g_assert_true (cf_sbom_view_get_importing (CF_SBOM_VIEW (view)));
  ui_save_screenshot (GTK_WIDGET (f->window), "sbom-importing");
  ui_click (ui_find_named (view, "cancel-import"));
  unlock_database (db);
  ui_spin_until (not_busy, view, "the import is cancelled");
  g_assert_true (has_toast (f, "cancelled"));
  g_assert_false (gtk_action_bar_get_revealed (GTK_ACTION_BAR (ui_find_named (view, "import-progress"))));
  g_clear_pointer (&sboms, g_ptr_array_unref);
  sboms = list_sboms (f);
  g_assert_cmpuint (sboms->len, ==, 2);
}

/* Another product has its own SBOMs: none here. */
static void
test_follows_product (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GFile) laravel = data_file (LARAVEL);
  g_autoptr(GError) error = NULL;
  g_autoptr(CfProduct) other = cf_product_new ();
  GtkWidget *view = cf_sbom_view_new (f->context);
  gint64 other_id;

  cf_record_set_field (CF_RECORD (other), "name", "Door Bell");
  cf_record_set_field (CF_RECORD (other), "model", "DB-1");
  other_id = cf_store_add_product (f->store, other, &error);
  g_assert_no_error (error);

  cf_sbom_view_set_product_id (CF_SBOM_VIEW (view), f->product_id);
  show (f, view);
  import (f, laravel);
  spin_until_count (view, 62, 62);

  cf_sbom_view_set_product_id (CF_SBOM_VIEW (view), other_id);
  spin_briefly ();
  g_assert_true (empty_shown (view));
  g_assert_cmpint (cf_sbom_view_get_shown_id (CF_SBOM_VIEW (view)), ==, 0);

  cf_sbom_view_set_product_id (CF_SBOM_VIEW (view), f->product_id);
  ui_spin_until (not_busy, view, "the SBOM is read");
  spin_until_count (view, 62, 62);
}

/* The longest the main loop went without running, while a tick counts. */
typedef struct
{
  gint64 last;
  gint64 longest;
} Stall;

static gboolean
tick_cb (gpointer data)
{
  Stall *stall = data;
  gint64 now = g_get_monotonic_time ();

  if (stall->last != 0)
    stall->longest = MAX (stall->longest, now - stall->last);
  stall->last = now;
  return G_SOURCE_CONTINUE;
}

static GFile *
write_large_sbom (Fixture *f,
                  guint    n)
{
  g_autoptr(GString) json = g_string_new ("{\"bomFormat\": \"CycloneDX\", \"specVersion\": \"1.5\", "
                                          "\"metadata\": {\"timestamp\": \"2026-11-21T10:00:00Z\"}, "
                                          "\"components\": [");

  for (guint i = 0; i < n; i++)
    g_string_append_printf (json,
                            "%s{\"bom-ref\": \"c%u\", \"type\": \"library\", \"name\": \"component-%u\", "
                            "\"version\": \"1.%u\", \"purl\": \"pkg:npm/component-%u@1.%u\", "
                            "\"licenses\": [{\"license\": {\"id\": \"MIT\"}}], "
                            "\"hashes\": [{\"alg\": \"SHA-256\", \"content\": "
                            "\"%064x\"}]}",
                            i ? ", " : "", i, i, i % 7, i, i % 7, i);
  g_string_append (json, "], \"dependencies\": [");
  for (guint i = 0; i < n; i++)
    g_string_append_printf (json, "%s{\"ref\": \"c%u\", \"dependsOn\": [\"c%u\"]}", i ? ", " : "", i,
                            (i + 1) % n);
  g_string_append (json, "]}");

  return write_text (f, "large-bom.json", json->str);
}

/* 10,000 components: the list is built once, searched without a pause
 * the user would notice. */
static void
test_large (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(GFile) large = write_large_sbom (f, 10000);
  GtkWidget *view = cf_sbom_view_new (f->context);
  g_autoptr(GtkColumnViewColumn) name_column = NULL;
  g_autoptr(CfSbomComponentObject) first = NULL;
  GtkWidget *search;
  GtkWidget *list;
  GtkWidget *missing;
  GtkWidget *findings;
  GtkWidget *more;
  GtkTextBuffer *buffer;
  Stall stall = { 0, 0 };
  guint tick;
  gint64 start;

  cf_sbom_view_set_product_id (CF_SBOM_VIEW (view), f->product_id);
  show (f, view);
  tick = g_timeout_add (10, tick_cb, &stall);

  start = g_get_monotonic_time ();
  import (f, large);
  spin_until_count (view, 10000, 10000);
  g_test_message ("import and list: %" G_GINT64_FORMAT " ms, longest stall %" G_GINT64_FORMAT " ms",
                  (g_get_monotonic_time () - start) / 1000, stall.longest / 1000);

  /* Tens of thousands of findings: the first 200, and where the rest are. */
  missing = ui_find_named (view, "missing");
  stall.longest = 0;
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (missing), TRUE);
  /* Past the expander's animation */
  ui_spin_for (600);
  g_test_message ("showing what is missing: longest stall %" G_GINT64_FORMAT " ms", stall.longest / 1000);
  findings = ui_find_named (view, "findings");
  g_assert_nonnull (findings);
  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (findings));
  g_assert_cmpint (gtk_text_buffer_get_line_count (buffer), ==, 200);
  more = ui_find_named (view, "more-findings");
  g_assert_nonnull (more);
  g_assert_true (g_str_has_prefix (gtk_label_get_text (GTK_LABEL (more)), "And "));
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (more)), "conformity-cli sbom check"));
  scroll_to (view, findings);
  ui_save_screenshot (GTK_WIDGET (f->window), "sbom-more-findings");
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (missing), FALSE);

  search = ui_find_named (view, "component-search");
  stall.longest = 0;
  start = g_get_monotonic_time ();
  gtk_editable_set_text (GTK_EDITABLE (search), "component-99");
  spin_until_count (view, 111, 10000);
  gtk_editable_set_text (GTK_EDITABLE (search), "component-9");
  spin_until_count (view, 1111, 10000);
  gtk_editable_set_text (GTK_EDITABLE (search), "");
  spin_until_count (view, 10000, 10000);
  g_test_message ("three searches: %" G_GINT64_FORMAT " ms, longest stall %" G_GINT64_FORMAT " ms",
                  (g_get_monotonic_time () - start) / 1000, stall.longest / 1000);
  scroll_to (view, search);
  ui_save_screenshot (GTK_WIDGET (f->window), "sbom-large");

  /* Sorting by a column: every row again, once. */
  stall.longest = 0;
  list = ui_find_named (view, "component-list");
  name_column = g_list_model_get_item (gtk_column_view_get_columns (GTK_COLUMN_VIEW (list)), 0);
  gtk_column_view_sort_by_column (GTK_COLUMN_VIEW (list), name_column, GTK_SORT_DESCENDING);
  spin_briefly ();
  g_test_message ("sorting: longest stall %" G_GINT64_FORMAT " ms", stall.longest / 1000);
  first = g_list_model_get_item (cf_sbom_view_get_components (CF_SBOM_VIEW (view)), 0);
  g_assert_cmpstr (cf_sbom_component_object_get_component (first)->name, ==, "component-9999");

  /* How long the window stalled is reported, never judged: speed belongs
   * in the benchmarks. */
  g_source_remove (tick);
}

/* In the window: its own tab, reached by Alt+6 too, following the
 * selected product. */
static void
test_window (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GFile) laravel = data_file (LARAVEL);
  CfWindow *window = cf_window_new (NULL, f->context);
  CfSbomView *view;
  GtkWidget *evidence_row;

  gtk_window_present (GTK_WINDOW (window));
  ui_spin_until (ui_widget_is_mapped, window, "the window is shown");
  spin_briefly ();

  view = cf_window_get_sbom_view (window);
  g_assert_nonnull (view);
  g_assert_cmpint (cf_sbom_view_get_product_id (view), ==, cf_window_get_selected_product_id (window));
  g_assert_false (gtk_widget_get_mapped (GTK_WIDGET (view)));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-view", "s", "sbom");
  spin_briefly ();
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (view)));
  ui_save_screenshot (GTK_WIDGET (window), "sbom-window");

  /* The size limit is the user's setting: a larger file is refused. */
  {
    g_autoptr(GSettings) settings = g_settings_new ("io.github.conformity.Conformity");
    AdwMessageDialog *dialog;

    g_settings_set_uint64 (settings, "sbom-size-limit", 1000);
    cf_sbom_view_import_file (view, laravel);
    ui_spin_until (ui_toplevel_shown, GSIZE_TO_POINTER (ADW_TYPE_MESSAGE_DIALOG), "the refusal is shown");
    dialog = ui_find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
    g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), LARAVEL));
    ui_respond (dialog, "_Close");
    ui_spin_until (ui_toplevel_gone, GSIZE_TO_POINTER (ADW_TYPE_MESSAGE_DIALOG), "the refusal closes");
    g_settings_reset (settings, "sbom-size-limit");
    spin_briefly ();
  }

  /* The SBOM's file is evidence: its row leads there. */
  cf_sbom_view_import_file (view, laravel);
  ui_spin_until (not_busy, view, "the import is over");
  spin_briefly ();
  ui_save_screenshot (GTK_WIDGET (window), "sbom-window-imported");
  evidence_row = ui_find_named (GTK_WIDGET (view), "evidence");
  g_assert_true (gtk_widget_is_sensitive (evidence_row));
  g_assert_cmpstr (gtk_actionable_get_action_name (GTK_ACTIONABLE (evidence_row)), ==, "win.show-evidence");
  gtk_widget_activate (evidence_row);
  spin_briefly ();
  g_assert_false (gtk_widget_get_mapped (GTK_WIDGET (view)));
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (cf_window_get_evidence_view (window))));

  gtk_window_destroy (GTK_WINDOW (window));
  spin_briefly ();
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
  ADD ("/ui/sbom/import-and-compare", test_import_and_compare);
  ADD ("/ui/sbom/follows-product", test_follows_product);
  ADD ("/ui/sbom/window", test_window);
  ADD ("/ui/sbom/large", test_large);
#undef ADD

  status = g_test_run ();
  test_remove_tree (home);

  return status;
}
