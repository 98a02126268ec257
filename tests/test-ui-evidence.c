/* test-ui-evidence.c — evidence in the window: attaching, dropping,
 * cancelling, refusing, editing, verifying, driven through the real
 * widgets (under Xvfb)
 *
 * Copyright 2026 The Conformity Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <sqlite3.h>
#include <string.h>
#include <unistd.h>

#include "cf-context.h"
#include "cf-evidence-editor.h"
#include "cf-evidence-list.h"
#include "cf-evidence-view.h"
#include "cf-requirement-assessment.h"
#include "cf-requirement-editor.h"
#include "cf-requirements-view.h"
#include "cf-risk-view.h"
#include "cf-store.h"
#include "cf-text-row.h"
#include "ui-harness.h"

#define REQUIREMENT "AnnexI.PartI.2.d"

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
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CfProduct) product = cf_product_new ();

  f->dir = g_dir_make_tmp ("cf-ui-evidence-XXXXXX", &error);
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
  f->product_id = cf_store_add_product (f->store, product, &error);
  g_assert_no_error (error);

  f->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (f->window, 1000, 860);
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
  ui_spin_for (200);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  /* Forms and questions are transient for the window: they go with it. */
  gtk_window_destroy (f->window);
  ui_spin_for (200);
  /* Nothing the view started (copies, forms, questions) keeps it. */
  g_assert_null (f->view);

  g_clear_object (&f->context);
  g_clear_object (&f->catalogue);
  g_clear_object (&f->store);
  g_clear_pointer (&f->toasts, g_ptr_array_unref);
  test_remove_tree (f->dir);
  g_free (f->path);
  g_free (f->dir);
}

/* The list box keeps its placeholder, but maps it only when it is empty. */
static gboolean
placeholder_shown (GtkWidget *list)
{
  return gtk_widget_get_mapped (ui_find_named (list, "placeholder"));
}

static gboolean
no_copies (gpointer data)
{
  return cf_evidence_list_get_n_copies (data) == 0;
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

/* Writes @size bytes that differ from one file to the next. */
static GFile *
write_file (Fixture    *f,
            const char *name,
            gsize       size)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (f->dir, name, NULL);
  g_autofree guint8 *content = g_malloc (size);

  for (gsize i = 0; i < size; i++)
    content[i] = (guint8) ((i * 31 + strlen (name)) & 0xff);
  g_file_set_contents (path, (const char *) content, size, &error);
  g_assert_no_error (error);

  return g_file_new_for_path (path);
}

/* A large file that takes no disk space: a hole of @size bytes. */
static GFile *
write_sparse_file (Fixture    *f,
                   const char *name,
                   goffset     size)
{
  g_autofree char *path = g_build_filename (f->dir, name, NULL);
  int fd = g_open (path, O_WRONLY | O_CREAT | O_TRUNC, 0600);

  g_assert_cmpint (fd, >=, 0);
  g_assert_cmpint (ftruncate (fd, size), ==, 0);
  close (fd);

  return g_file_new_for_path (path);
}

static char *
file_sha256 (GFile *file)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = g_file_load_bytes (file, NULL, NULL, &error);

  g_assert_no_error (error);
  return g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, bytes);
}

static void
assess (Fixture    *f,
        const char *requirement,
        CfStatus    status)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CfRequirementAssessment) a = cf_requirement_assessment_new (requirement);

  a->applies = TRUE;
  a->status = status;
  cf_store_set_requirement_assessment (f->store, f->product_id, a, &error);
  g_assert_no_error (error);
}

static GPtrArray *
stored_evidence (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *items = cf_store_list_evidence (f->store, f->product_id, &error);

  g_assert_no_error (error);
  return items;
}

static GtkWidget *
item_row (GtkWidget *root,
          gint64     evidence_id)
{
  g_autofree char *name = g_strdup_printf ("evidence-%" G_GINT64_FORMAT, evidence_id);

  return ui_find_named (root, name);
}

/* Holds the database's write lock from a connection of the test's own, as
 * another program might: a copy started meanwhile waits for it. */
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

/* The detail pane shows only what is below the fold if scrolled: bring
 * @widget into view first. */
static void
scroll_to (GtkWidget *widget)
{
  GtkWidget *scrolled = gtk_widget_get_ancestor (widget, GTK_TYPE_SCROLLED_WINDOW);
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled));
  graphene_point_t point;

  ui_spin_for (200);
  g_assert_true (gtk_widget_compute_point (widget, gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (scrolled)),
                                           &GRAPHENE_POINT_INIT (0, 0), &point));
  gtk_adjustment_set_value (adjustment, point.y - 24);
  ui_spin_for (200);
}

/* Tests */

/* The Attach button and the drop target both end in attach_files(). */
static void
test_attach_to_requirement (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = write_file (f, "fuzzing-report.pdf", 3000);
  g_autoptr(GFile) saved = NULL;
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GBytes) saved_bytes = NULL;
  g_autofree char *sha256 = file_sha256 (file);
  g_autofree char *short_hash = g_strndup (sha256, 12);
  g_autofree char *saved_path = NULL;
  g_autofree char *saved_sha256 = NULL;
  g_autofree char *size = NULL;
  g_autofree char *expected = NULL;
  GtkWidget *view, *requirement_row, *list, *row, *hash;
  GSList files = { file, NULL };
  CfEvidence *item;

  assess (f, "AnnexI.PartI.1", CF_STATUS_IN_PROGRESS);
  assess (f, REQUIREMENT, CF_STATUS_IMPLEMENTED);
  view = cf_requirements_view_new (f->context);
  cf_requirements_view_set_product_id (CF_REQUIREMENTS_VIEW (view), f->product_id);
  show (f, view);
  cf_requirements_view_select (CF_REQUIREMENTS_VIEW (view), REQUIREMENT);
  ui_spin_for (200);
  ui_save_screenshot (GTK_WIDGET (f->window), "requirements-no-evidence");

  /* It applies and nothing proves it: the list says so, in words too. */
  requirement_row = ui_find_named (view, REQUIREMENT);
  g_assert_true (GPOINTER_TO_INT (g_object_get_data (G_OBJECT (requirement_row), "evidence-missing")));
  g_assert_true (gtk_widget_get_visible (g_object_get_data (G_OBJECT (requirement_row), "evidence-icon")));
  g_assert_cmpstr (gtk_widget_get_tooltip_text (g_object_get_data (G_OBJECT (requirement_row), "evidence-icon")),
                   ==, "No current evidence");
  g_assert_true (ui_has_label (view, "2 of 22 assessed; 1 of 2 that apply implemented; 2 without current evidence"));
  /* A requirement not assessed yet is not flagged: its status says enough. */
  g_assert_false (GPOINTER_TO_INT (g_object_get_data (G_OBJECT (ui_find_named (view, "AnnexI.PartI.2.a")),
                                                      "evidence-missing")));

  list = ui_find_descendant (view, CF_TYPE_EVIDENCE_LIST);
  g_assert_nonnull (list);
  g_assert_cmpstr (cf_evidence_list_get_requirement (CF_EVIDENCE_LIST (list)), ==, REQUIREMENT);
  g_assert_true (placeholder_shown (list));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (ui_find_named (list, "placeholder"))), ==,
                   "No evidence yet. Drop files here or attach them.");
  g_assert_true (gtk_widget_is_sensitive (ui_find_named (list, "attach-evidence")));

  cf_evidence_list_attach_files (CF_EVIDENCE_LIST (list), &files);
  /* The copy shows at once, with what it is for. */
  g_assert_cmpuint (cf_evidence_list_get_n_copies (CF_EVIDENCE_LIST (list)), ==, 1);
  g_assert_nonnull (ui_find_named (list, "copy"));
  g_assert_true (ui_has_label (list, "For I (2)(d)"));
  ui_spin_until (no_copies, list, "the file is copied in");
  ui_spin_for (200);
  g_assert_null (ui_find_named (list, "copy"));

  /* In the database, linked to the requirement... */
  items = stored_evidence (f);
  g_assert_cmpuint (items->len, ==, 1);
  item = g_ptr_array_index (items, 0);
  g_assert_true (cf_evidence_has_requirement (item, REQUIREMENT));
  g_assert_cmpstr (cf_evidence_get_title (item), ==, "fuzzing-report.pdf");
  g_assert_cmpstr (cf_evidence_get_kind (item), ==, "test-report");
  g_assert_cmpstr (cf_evidence_get_latest (item)->sha256, ==, sha256);

  /* ...and in the list: size in IEC units, version, short digest. */
  g_assert_cmpuint (g_list_model_get_n_items (cf_evidence_list_get_items (CF_EVIDENCE_LIST (list))), ==, 1);
  row = item_row (list, cf_evidence_get_id (item));
  g_assert_nonnull (row);
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==, "fuzzing-report.pdf");
  /* GLib keeps the number and its unit together with a no-break space. */
  size = g_format_size_full (3000, G_FORMAT_SIZE_IEC_UNITS);
  g_assert_cmpstr (size, ==, "2.9\u00a0KiB");
  expected = g_strdup_printf ("Test report · %s · version 1 · ", size);
  g_assert_true (g_str_has_prefix (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), expected));
  hash = ui_find_named (row, "sha256");
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (gtk_button_get_child (GTK_BUTTON (hash)))), ==, short_hash);
  g_assert_nonnull (strstr (gtk_widget_get_tooltip_text (hash), sha256));
  g_assert_null (ui_find_named (row, "expired"));
  g_assert_false (placeholder_shown (list));

  /* The requirement has its proof now: the flag goes; the other keeps it. */
  g_assert_false (GPOINTER_TO_INT (g_object_get_data (G_OBJECT (requirement_row), "evidence-missing")));
  g_assert_true (GPOINTER_TO_INT (g_object_get_data (G_OBJECT (ui_find_named (view, "AnnexI.PartI.1")),
                                                     "evidence-missing")));
  g_assert_true (ui_has_label (view, "; 1 without current evidence"));
  g_assert_false (gtk_widget_get_visible (g_object_get_data (G_OBJECT (requirement_row), "evidence-icon")));

  /* Copying the digest puts all of it on the clipboard. */
  gtk_widget_activate_action (list, "evidence.copy-sha256", "x", cf_evidence_get_id (item));
  g_assert_true (has_toast (f, "SHA-256 of “fuzzing-report.pdf” copied"));

  scroll_to (list);
  ui_save_screenshot (GTK_WIDGET (f->window), "requirement-evidence");

  /* What Save As stores is what was attached. */
  saved_path = g_build_filename (f->dir, "saved.pdf", NULL);
  saved = g_file_new_for_path (saved_path);
  g_assert_true (cf_store_save_evidence (f->store, cf_evidence_get_id (item), 0, saved, NULL, &error));
  g_assert_no_error (error);
  saved_sha256 = file_sha256 (saved);
  g_assert_cmpstr (saved_sha256, ==, sha256);
}

static gboolean
drop_files (GtkWidget  *list,
            GValue     *value,
            const char *picture)
{
  GListModel *controllers = gtk_widget_observe_controllers (list);
  gboolean handled = FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_DROP_TARGET (controller))
        {
          GdkDragAction action = 0;

          /* Entering shows where the files will go. */
          g_signal_emit_by_name (controller, "enter", 10.0, 10.0, &action);
          g_assert_cmpint (action, ==, GDK_ACTION_COPY);
          g_assert_true (gtk_widget_get_visible (ui_find_named (list, "drop-overlay")));
          g_assert_true (gtk_widget_has_css_class (ui_find_named (list, "evidence-list"), "drop-highlight"));
          g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (ui_find_named (list, "drop-target"))), ==, "For T1");
          if (picture != NULL)
            ui_save_screenshot (GTK_WIDGET (gtk_widget_get_root (list)), picture);

          g_signal_emit_by_name (controller, "drop", value, 10.0, 10.0, &handled);
          g_assert_false (gtk_widget_get_visible (ui_find_named (list, "drop-overlay")));
        }
    }
  g_object_unref (controllers);

  return handled;
}

static gint
add_threat (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CfThreat) threat = cf_threat_new ();
  gint number;

  cf_threat_set_asset (threat, "Bolt motor");
  cf_threat_set_title (threat, "Forged unlock command");
  cf_threat_set_stride (threat, "tampering");
  cf_threat_set_likelihood (threat, 3);
  cf_threat_set_impact (threat, 4);
  number = cf_store_add_threat (f->store, f->product_id, threat, &error);
  g_assert_no_error (error);

  return number;
}

/* Files dropped on a threat's list are copied one after the other and
 * linked to the threat. */
static void
test_drop_files (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GFile) first = write_file (f, "replay-test.txt", 1024);
  g_autoptr(GFile) second = write_file (f, "nonce-design.md", 2048);
  g_autoptr(GFile) third = write_file (f, "screenshot.png", 512);
  g_autoptr(GPtrArray) items = NULL;
  g_auto(GValue) value = G_VALUE_INIT;
  g_auto(GValue) single = G_VALUE_INIT;
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *list = cf_evidence_list_new (f->context);
  GSList *files = NULL;
  gint number = add_threat (f);

  gtk_widget_set_margin_top (list, 24);
  gtk_widget_set_margin_bottom (list, 24);
  gtk_widget_set_margin_start (list, 24);
  gtk_widget_set_margin_end (list, 24);
  gtk_box_append (GTK_BOX (box), list);
  cf_evidence_list_set_product_id (CF_EVIDENCE_LIST (list), f->product_id);
  cf_evidence_list_set_threat (CF_EVIDENCE_LIST (list), number);
  gtk_window_set_default_size (f->window, 720, 400);
  show (f, box);
  g_signal_connect (list, "add-toast", G_CALLBACK (toast_cb), f);

  /* A file manager drops a list of files. */
  files = g_slist_append (files, first);
  files = g_slist_append (files, second);
  g_value_init (&value, GDK_TYPE_FILE_LIST);
  g_value_take_boxed (&value, gdk_file_list_new_from_list (files));
  g_slist_free (files);
  g_assert_true (drop_files (list, &value, "drop-highlight"));
  g_assert_cmpuint (cf_evidence_list_get_n_copies (CF_EVIDENCE_LIST (list)), ==, 2);
  ui_spin_until (no_copies, list, "both files are copied in");

  /* Some programs drop a single file. */
  g_value_init (&single, G_TYPE_FILE);
  g_value_set_object (&single, third);
  g_assert_true (drop_files (list, &single, "drop-highlight-rows"));
  ui_spin_until (no_copies, list, "the third file is copied in");
  ui_spin_for (200);

  items = stored_evidence (f);
  g_assert_cmpuint (items->len, ==, 3);
  for (guint i = 0; i < items->len; i++)
    g_assert_true (cf_evidence_has_threat (g_ptr_array_index (items, i), number));
  g_assert_cmpstr (cf_evidence_get_title (g_ptr_array_index (items, 0)), ==, "replay-test.txt");
  g_assert_cmpstr (cf_evidence_get_title (g_ptr_array_index (items, 1)), ==, "nonce-design.md");
  g_assert_cmpstr (cf_evidence_get_kind (g_ptr_array_index (items, 2)), ==, "screenshot");
  g_assert_cmpuint (g_list_model_get_n_items (cf_evidence_list_get_items (CF_EVIDENCE_LIST (list))), ==, 3);
  ui_save_screenshot (GTK_WIDGET (f->window), "threat-evidence");
  g_assert_cmpuint (f->toasts->len, ==, 0);
}

static gboolean
progress_shown (gpointer data)
{
  GtkWidget *bar = ui_find_descendant (data, GTK_TYPE_PROGRESS_BAR);

  /* Far enough to see, far from done. */
  return bar != NULL && gtk_progress_bar_get_fraction (GTK_PROGRESS_BAR (bar)) > 0.04;
}

/* A cancelled copy leaves nothing, and says so, naming the file. */
static void
test_cancel_copy (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GFile) large = write_sparse_file (f, "firmware-image.bin", 1024 * 1024 * 1024);
  g_autoptr(GFile) small = write_file (f, "release-notes.txt", 100);
  g_autoptr(GPtrArray) items = NULL;
  GtkWidget *list = cf_evidence_list_new (f->context);
  GtkWidget *clamp = adw_clamp_new ();
  GSList *files = NULL;

  cf_evidence_list_set_product_id (CF_EVIDENCE_LIST (list), f->product_id);
  gtk_widget_set_margin_top (list, 24);
  gtk_widget_set_margin_bottom (list, 24);
  gtk_widget_set_margin_start (list, 24);
  gtk_widget_set_margin_end (list, 24);
  adw_clamp_set_child (ADW_CLAMP (clamp), list);
  gtk_window_set_default_size (f->window, 720, 400);
  show (f, clamp);
  g_signal_connect (list, "add-toast", G_CALLBACK (toast_cb), f);

  /* Cancelled at once, before a byte is stored. */
  files = g_slist_append (NULL, large);
  cf_evidence_list_attach_files (CF_EVIDENCE_LIST (list), files);
  ui_click (ui_find_named (list, "cancel-copy"));
  ui_spin_until (no_copies, list, "the cancelled copy ends");
  g_assert_true (has_toast (f, "Copying “firmware-image.bin” was cancelled. Nothing was stored."));

  /* Cancelled under way, while a second file waits its turn. */
  files = g_slist_append (files, small);
  cf_evidence_list_attach_files (CF_EVIDENCE_LIST (list), files);
  g_slist_free (files);
  g_assert_cmpuint (cf_evidence_list_get_n_copies (CF_EVIDENCE_LIST (list)), ==, 2);
  ui_spin_until (progress_shown, list, "the copy reports its progress");
  ui_save_screenshot (GTK_WIDGET (f->window), "copy-in-progress");
  g_assert_true (ui_has_label (list, " of 1.0\u00a0GiB"));
  ui_click (ui_find_named (list, "cancel-copy"));
  ui_spin_until (no_copies, list, "the copies end");
  ui_spin_for (200);

  /* Only the small file, which was not cancelled, is stored. */
  items = stored_evidence (f);
  g_assert_cmpuint (items->len, ==, 1);
  g_assert_cmpstr (cf_evidence_get_title (g_ptr_array_index (items, 0)), ==, "release-notes.txt");
}

/* A file over the size limit is refused before anything is copied. */
static void
test_too_large (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GFile) file = write_file (f, "packet-capture.pcap", 4096);
  g_autoptr(GPtrArray) items = NULL;
  GtkWidget *list = cf_evidence_list_new (f->context);
  GSList files = { file, NULL };

  cf_store_set_evidence_size_limit (f->store, 1024);
  cf_evidence_list_set_product_id (CF_EVIDENCE_LIST (list), f->product_id);
  show (f, list);

  cf_evidence_list_attach_files (CF_EVIDENCE_LIST (list), &files);
  ui_spin_until (no_copies, list, "the refusal comes back");
  ui_spin_for (200);

  g_assert_cmpuint (f->toasts->len, ==, 1);
  g_assert_nonnull (strstr (g_ptr_array_index (f->toasts, 0), "packet-capture.pcap"));
  g_assert_nonnull (strstr (g_ptr_array_index (f->toasts, 0), "1.0\u00a0KiB"));
  items = stored_evidence (f);
  g_assert_cmpuint (items->len, ==, 0);
  g_assert_true (placeholder_shown (list));
}

static gboolean
nothing_pending (gpointer data)
{
  return !cf_requirement_editor_get_pending (data);
}

/* A copy runs in the background: what is typed meanwhile is saved, at
 * once or, if the copy holds the database too long, on a later try;
 * never lost, never an error. */
static void
test_typing_during_copy (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(GFile) file = write_sparse_file (f, "disk-image.raw", 1024 * 1024 * 1024);
  g_autoptr(CfRequirementAssessment) a = NULL;
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *view, *list;
  CfRequirementEditor *editor;
  GSList files = { file, NULL };

  assess (f, REQUIREMENT, CF_STATUS_IN_PROGRESS);
  view = cf_requirements_view_new (f->context);
  cf_requirements_view_set_product_id (CF_REQUIREMENTS_VIEW (view), f->product_id);
  show (f, view);
  cf_requirements_view_select (CF_REQUIREMENTS_VIEW (view), REQUIREMENT);
  ui_spin_for (200);
  editor = cf_requirements_view_get_editor (CF_REQUIREMENTS_VIEW (view));
  list = ui_find_descendant (view, CF_TYPE_EVIDENCE_LIST);

  cf_evidence_list_attach_files (CF_EVIDENCE_LIST (list), &files);
  ui_spin_until (progress_shown, list, "the copy is under way");

  cf_text_row_set_text (CF_TEXT_ROW (ui_find_named (GTK_WIDGET (editor), "measures")), "Fuzzed every release.");
  cf_requirement_editor_flush (editor);
  g_assert_false (gtk_widget_get_visible (ui_find_named (GTK_WIDGET (editor), "save-error")));

  ui_click (ui_find_named (list, "cancel-copy"));
  ui_spin_until (no_copies, list, "the copy ends");
  ui_spin_until (nothing_pending, editor, "the assessment is saved");
  g_assert_false (gtk_widget_get_visible (ui_find_named (GTK_WIDGET (editor), "save-error")));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (ui_find_named (GTK_WIDGET (editor), "save-state"))), ==, "Saved");

  a = cf_store_get_requirement_assessment (f->store, f->product_id, REQUIREMENT, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (a->measures, ==, "Fuzzed every release.");
  items = stored_evidence (f);
  g_assert_cmpuint (items->len, ==, 0);
  g_assert_cmpuint (f->toasts->len, ==, 1);
  g_assert_true (has_toast (f, "Copying “disk-image.raw” was cancelled"));
}

static gboolean
context_saved (gpointer data)
{
  Fixture *f = data;
  g_autoptr(CfAssessmentContext) stored = cf_store_get_assessment_context (f->store, f->product_id, NULL);

  return stored != NULL &&
         g_strcmp0 (cf_record_get_field (CF_RECORD (stored), "intended-purpose"), "Locks a front door.") == 0;
}

/* Another program holds the database: what is typed waits and is saved
 * afterwards, without an error. (Each refused try waits for the store's
 * busy timeout, so this test takes some seconds.) */
static void
test_busy_database (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(CfRequirementAssessment) a = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *view, *risks;
  CfRequirementEditor *editor;
  sqlite3 *db;

  assess (f, REQUIREMENT, CF_STATUS_IN_PROGRESS);
  view = cf_requirements_view_new (f->context);
  cf_requirements_view_set_product_id (CF_REQUIREMENTS_VIEW (view), f->product_id);
  show (f, view);
  cf_requirements_view_select (CF_REQUIREMENTS_VIEW (view), REQUIREMENT);
  ui_spin_for (200);
  editor = cf_requirements_view_get_editor (CF_REQUIREMENTS_VIEW (view));

  db = lock_database (f);
  cf_text_row_set_text (CF_TEXT_ROW (ui_find_named (GTK_WIDGET (editor), "measures")), "Fuzzed every release.");
  g_assert_false (cf_requirement_editor_flush (editor));
  g_assert_true (cf_requirement_editor_get_pending (editor));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (ui_find_named (GTK_WIDGET (editor), "save-state"))), ==,
                   "Database busy; trying again…");
  g_assert_false (gtk_widget_get_visible (ui_find_named (GTK_WIDGET (editor), "save-error")));

  /* Moving to another requirement keeps what waits for this one. */
  cf_requirements_view_select (CF_REQUIREMENTS_VIEW (view), "AnnexI.PartI.2.a");
  g_assert_true (cf_requirement_editor_get_pending (editor));

  unlock_database (db);
  ui_spin_until (nothing_pending, editor, "the assessment is saved");
  g_assert_cmpuint (f->toasts->len, ==, 0);
  a = cf_store_get_requirement_assessment (f->store, f->product_id, REQUIREMENT, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (a->measures, ==, "Fuzzed every release.");
  /* The requirement the user moved on to was not touched. */
  g_assert_null (cf_store_get_requirement_assessment (f->store, f->product_id, "AnnexI.PartI.2.a", NULL));

  /* The risk view's context waits the same way, and says so once. */
  risks = g_object_ref_sink (cf_risk_view_new (f->context));
  g_signal_connect (risks, "add-toast", G_CALLBACK (toast_cb), f);
  cf_risk_view_set_product_id (CF_RISK_VIEW (risks), f->product_id);
  db = lock_database (f);
  cf_text_row_set_text (CF_TEXT_ROW (ui_find_named (risks, "intended-purpose")), "Locks a front door.");
  g_assert_false (cf_risk_view_flush (CF_RISK_VIEW (risks)));
  g_assert_cmpuint (f->toasts->len, ==, 1);
  g_assert_true (has_toast (f, "the context is saved as soon as it is free"));
  unlock_database (db);
  ui_spin_until (context_saved, f, "the context is saved");
  g_object_unref (risks);
}

/* Title, kind, validity and links are edited in a form; an expired item
 * says so in words; removing asks first. */
static void
test_edit_and_remove (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GFile) file = write_file (f, "cert.pem", 700);
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(CfEvidence) stored = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *view = cf_evidence_view_new (f->context);
  GtkWidget *list, *row, *check;
  CfEvidenceEditor *editor;
  AdwMessageDialog *dialog;
  GSList files = { file, NULL };
  gint64 id;

  cf_evidence_view_set_product_id (CF_EVIDENCE_VIEW (view), f->product_id);
  show (f, view);
  list = GTK_WIDGET (cf_evidence_view_get_list (CF_EVIDENCE_VIEW (view)));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (ui_find_named (view, "evidence-summary"))), ==, "No evidence yet");

  cf_evidence_list_attach_files (CF_EVIDENCE_LIST (list), &files);
  ui_spin_until (no_copies, list, "the file is copied in");
  items = stored_evidence (f);
  id = cf_evidence_get_id (g_ptr_array_index (items, 0));
  row = item_row (list, id);
  /* Attached in the evidence view, it is linked to nothing yet. */
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)),
                            "Not linked to a requirement or threat yet"));

  gtk_widget_activate_action (list, "evidence.edit", "x", id);
  ui_spin_until (ui_toplevel_shown, GSIZE_TO_POINTER (CF_TYPE_EVIDENCE_EDITOR), "the form opens");
  editor = ui_find_toplevel (CF_TYPE_EVIDENCE_EDITOR);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (ui_find_named (GTK_WIDGET (editor), "title"))), ==,
                   "cert.pem");
  g_assert_false (cf_evidence_editor_get_dirty (editor));

  /* A bad date is refused, pointing at the field. */
  gtk_editable_set_text (GTK_EDITABLE (ui_find_named (GTK_WIDGET (editor), "title")), "Radio certificate (RED)");
  gtk_editable_set_text (GTK_EDITABLE (ui_find_named (GTK_WIDGET (editor), "valid-until")), "31/01/2020");
  adw_combo_row_set_selected (ADW_COMBO_ROW (ui_find_named (GTK_WIDGET (editor), "kind")), 5);   /* certificate */
  check = g_object_get_data (G_OBJECT (ui_find_named (GTK_WIDGET (editor), "AnnexI.PartI.2.d")), "check");
  gtk_check_button_set_active (GTK_CHECK_BUTTON (check), TRUE);
  g_assert_true (cf_evidence_editor_get_dirty (editor));
  g_assert_false (cf_evidence_editor_save (editor));
  g_assert_nonnull (strstr (cf_evidence_editor_get_error (editor), "Valid until"));
  g_assert_true (gtk_widget_has_css_class (ui_find_named (GTK_WIDGET (editor), "valid-until"), "error"));
  ui_save_screenshot (GTK_WIDGET (editor), "evidence-editor");

  gtk_editable_set_text (GTK_EDITABLE (ui_find_named (GTK_WIDGET (editor), "valid-until")), "2020-01-31");
  ui_click (cf_evidence_editor_get_save_button (editor));
  ui_spin_until (ui_toplevel_gone, GSIZE_TO_POINTER (CF_TYPE_EVIDENCE_EDITOR), "the form closes");
  ui_spin_for (200);

  stored = cf_store_get_evidence (f->store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (cf_evidence_get_title (stored), ==, "Radio certificate (RED)");
  g_assert_cmpstr (cf_evidence_get_kind (stored), ==, "certificate");
  g_assert_cmpstr (cf_evidence_get_valid_until (stored), ==, "2020-01-31");
  g_assert_true (cf_evidence_has_requirement (stored, "AnnexI.PartI.2.d"));

  /* Expired: a tag in words, and the summary counts it. */
  row = item_row (list, id);
  g_assert_nonnull (ui_find_named (row, "expired"));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (ui_find_named (row, "expired"))), ==, "Expired");
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), "Supports I (2)(d)"));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (ui_find_named (view, "evidence-summary"))), ==,
                   "1 item, 700 bytes; 1 expired");

  /* Removing asks first, naming the item. */
  gtk_widget_activate_action (list, "evidence.remove", "x", id);
  ui_spin_until (ui_toplevel_shown, GSIZE_TO_POINTER (ADW_TYPE_MESSAGE_DIALOG), "the question appears");
  dialog = ui_find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Remove “Radio certificate (RED)”?");
  ui_respond (dialog, "_Remove");
  ui_spin_until (ui_toplevel_gone, GSIZE_TO_POINTER (ADW_TYPE_MESSAGE_DIALOG), "the question closes");
  ui_spin_for (200);

  g_clear_pointer (&items, g_ptr_array_unref);
  items = stored_evidence (f);
  g_assert_cmpuint (items->len, ==, 0);
  g_assert_true (placeholder_shown (list));
}

/* Under the risk register: the selected threat's evidence, and none when
 * no threat is selected. */
static void
test_risk_view_follows_selection (Fixture       *f,
                                  gconstpointer  data)
{
  GtkWidget *view = cf_risk_view_new (f->context);
  GtkWidget *list;
  gint number = add_threat (f);

  cf_risk_view_set_product_id (CF_RISK_VIEW (view), f->product_id);
  show (f, view);
  list = ui_find_named (view, "threat-evidence");
  g_assert_true (CF_IS_EVIDENCE_LIST (list));
  g_assert_false (gtk_widget_get_visible (list));

  g_assert_true (cf_risk_view_select_threat (CF_RISK_VIEW (view), number));
  g_assert_true (gtk_widget_get_visible (list));
  g_assert_cmpint (cf_evidence_list_get_threat (CF_EVIDENCE_LIST (list)), ==, number);
  g_assert_cmpint (cf_evidence_list_get_product_id (CF_EVIDENCE_LIST (list)), ==, f->product_id);
  g_assert_cmpstr (adw_preferences_group_get_title (ADW_PREFERENCES_GROUP (list)), ==, "Evidence for T1");

  cf_risk_view_set_product_id (CF_RISK_VIEW (view), 0);
  g_assert_false (gtk_widget_get_visible (list));
}

static gboolean
not_verifying (gpointer data)
{
  return !cf_evidence_view_get_verifying (data);
}

/* Alters a stored version behind the store's back, as tampering would:
 * the trigger that forbids it goes first. */
static void
damage_version (Fixture *f,
                gint64   evidence_id)
{
  g_autofree char *sql = NULL;
  sqlite3 *db = NULL;

  /* Zeros of the same length, as the core's own tests do: the size still
   * matches, only the digest can tell. */
  sql = g_strdup_printf ("DROP TRIGGER evidence_segment_is_immutable;"
                         " UPDATE evidence_segment SET data = zeroblob (length (data))"
                         " WHERE id IN (SELECT segment_id FROM evidence_version_segment"
                         "  JOIN evidence_version ON evidence_version.id = version_id"
                         "  WHERE evidence_id = %" G_GINT64_FORMAT ");",
                         evidence_id);
  g_assert_cmpint (sqlite3_open (f->path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
}

/* The example product's evidence, all of it, and its verification. */
static void
test_evidence_view (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) items = NULL;
  GtkWidget *view = cf_evidence_view_new (f->context);
  CfEvidenceList *list;
  AdwMessageDialog *dialog;
  CfEvidence *sbom = NULL;
  gint64 example;

  example = cf_store_add_example (f->store, &error);
  g_assert_no_error (error);
  cf_evidence_view_set_product_id (CF_EVIDENCE_VIEW (view), example);
  show (f, view);
  list = cf_evidence_view_get_list (CF_EVIDENCE_VIEW (view));

  g_assert_cmpuint (g_list_model_get_n_items (cf_evidence_list_get_items (list)), ==, 5);
  g_assert_true (g_str_has_prefix (gtk_label_get_text (GTK_LABEL (ui_find_named (view, "evidence-summary"))),
                                   "5 items, "));
  g_assert_true (ui_has_label (view, "Supports I (1), I (2)(a), I (2)(d)"));
  g_assert_true (ui_has_label (view, "; T1, T3, T6"));
  ui_save_screenshot (GTK_WIDGET (f->window), "evidence-view");

  /* Everything as it was attached. */
  ui_click (ui_find_named (view, "verify"));
  g_assert_true (cf_evidence_view_get_verifying (CF_EVIDENCE_VIEW (view)));
  ui_spin_until (ui_toplevel_shown, GSIZE_TO_POINTER (ADW_TYPE_MESSAGE_DIALOG), "the report appears");
  dialog = ui_find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "All 5 Versions Match");
  ui_respond (dialog, "_Close");
  ui_spin_until (ui_toplevel_gone, GSIZE_TO_POINTER (ADW_TYPE_MESSAGE_DIALOG), "the report closes");
  ui_spin_until (not_verifying, view, "the verification is over");

  /* A damaged version is named. */
  items = cf_store_list_evidence (f->store, example, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < items->len; i++)
    if (g_strcmp0 (cf_evidence_get_kind (g_ptr_array_index (items, i)), "sbom") == 0)
      sbom = g_ptr_array_index (items, i);
  g_assert_nonnull (sbom);
  damage_version (f, cf_evidence_get_id (sbom));
  ui_click (ui_find_named (view, "verify"));
  ui_spin_until (ui_toplevel_shown, GSIZE_TO_POINTER (ADW_TYPE_MESSAGE_DIALOG), "the report appears");
  dialog = ui_find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "1 Version Does Not Match");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), cf_evidence_get_title (sbom)));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), ", version 1: recorded "));
  ui_save_screenshot (GTK_WIDGET (dialog), "verify-mismatch");
  ui_respond (dialog, "_Close");
  ui_spin_until (ui_toplevel_gone, GSIZE_TO_POINTER (ADW_TYPE_MESSAGE_DIALOG), "the report closes");

  /* The readiness gate's way in: an item, selected. */
  g_assert_true (cf_evidence_view_select (CF_EVIDENCE_VIEW (view), cf_evidence_get_id (sbom)));
  g_assert_false (cf_evidence_view_select (CF_EVIDENCE_VIEW (view), 9999));
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
  ADD ("/ui/evidence/attach-to-requirement", test_attach_to_requirement);
  ADD ("/ui/evidence/drop-files", test_drop_files);
  ADD ("/ui/evidence/cancel-copy", test_cancel_copy);
  ADD ("/ui/evidence/too-large", test_too_large);
  ADD ("/ui/evidence/typing-during-copy", test_typing_during_copy);
  ADD ("/ui/evidence/busy-database", test_busy_database);
  ADD ("/ui/evidence/edit-and-remove", test_edit_and_remove);
  ADD ("/ui/evidence/risk-view-follows-selection", test_risk_view_follows_selection);
  ADD ("/ui/evidence/view-and-verify", test_evidence_view);
#undef ADD

  status = g_test_run ();
  test_remove_tree (home);

  return status;
}
