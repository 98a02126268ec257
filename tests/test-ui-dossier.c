/* test-ui-dossier.c — exporting a dossier from the window: the question,
 * the file chooser, the progress, and the seal the reviewer must be given
 *
 * Copyright 2026 The Conformity Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "cf-context.h"
#include "cf-dossier.h"
#include "cf-dossier-export-dialog.h"
#include "cf-generator.h"
#include "cf-store.h"
#include "ui-harness.h"

typedef struct
{
  char        *dir;
  CfStore     *store;
  CfCatalogue *catalogue;
  CfContext   *context;
  GtkWindow   *window;
  gint64       product_id;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autoptr(CfGenerator) generator = NULL;
  g_autoptr(CfDocumentInfo) declaration = NULL;

  f->dir = g_dir_make_tmp ("cf-ui-dossier-XXXXXX", &error);
  g_assert_no_error (error);
  f->catalogue = cf_catalogue_load_default (&error);
  g_assert_no_error (error);
  path = g_build_filename (f->dir, "project.db", NULL);
  f->store = cf_store_open (path, &error);
  g_assert_no_error (error);
  f->product_id = cf_store_add_example (f->store, &error);
  g_assert_no_error (error);
  generator = cf_generator_new (f->store, f->catalogue);
  declaration = cf_generator_generate (generator, f->product_id, CF_DOCUMENT_KIND_DECLARATION, NULL, &error);
  g_assert_no_error (error);
  f->context = cf_context_new (f->store, f->catalogue);

  f->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (f->window, 800, 600);
  gtk_window_present (f->window);
  ui_spin_until (ui_widget_is_mapped, f->window, "the parent window is shown");
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  gtk_window_destroy (f->window);
  ui_spin_for (50);
  g_clear_object (&f->context);
  g_clear_object (&f->store);
  g_clear_object (&f->catalogue);
  test_remove_tree (f->dir);
  g_free (f->dir);
}

static gboolean
dialog_shown (gpointer heading)
{
  return ui_find_message_dialog (heading) != NULL;
}

static AdwMessageDialog *
wait_for_dialog (const char *heading)
{
  ui_spin_until (dialog_shown, (gpointer) heading, heading);
  return ui_find_message_dialog (heading);
}

static const char *
seal_shown (AdwMessageDialog *dialog)
{
  GtkWidget *seal = ui_find_named (GTK_WIDGET (dialog), "seal");

  g_assert_nonnull (seal);
  return gtk_label_get_text (GTK_LABEL (seal));
}

/* The path a user takes: the question, the file chooser with a name
 * proposed, the progress, the seal; the file holds what the seal says. */
static void
test_export_from_question_to_seal (Fixture       *f,
                                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (f->dir, "Example Smart Thermostat dossier.zip", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(CfDossierCheck) check = NULL;
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  AdwMessageDialog *ask, *done;
  GtkFileChooserDialog *chooser;
  GtkEditable *key;
  char *body;
  char *name;

  cf_dossier_export_dialog_run (f->window, f->context, f->product_id, "Example Smart Thermostat");
  ask = wait_for_dialog ("Export Dossier");
  ui_save_screenshot (GTK_WIDGET (ask), "dossier-export-question");
  key = GTK_EDITABLE (g_object_get_data (G_OBJECT (ask), "key-entry"));
  g_assert_nonnull (key);
  gtk_editable_set_text (key, "   ");   /* blank: not signed */
  ui_respond (ask, "_Choose File…");

  ui_spin_until ((UiCondition) ui_find_toplevel, GSIZE_TO_POINTER (GTK_TYPE_FILE_CHOOSER_DIALOG),
                 "the file chooser opens");
  chooser = ui_find_toplevel (GTK_TYPE_FILE_CHOOSER_DIALOG);
  /* It proposes a name from the product. */
  name = gtk_file_chooser_get_current_name (GTK_FILE_CHOOSER (chooser));
  g_assert_cmpstr (name, ==, "Example Smart Thermostat dossier.zip");
  g_free (name);
  /* GTK's own chooser is not under test: it is dismissed, nothing is
   * written, and the export goes on as if this file had been chosen. */
  gtk_dialog_response (GTK_DIALOG (chooser), GTK_RESPONSE_CANCEL);
  ui_spin_for (100);
  g_assert_null (ui_find_message_dialog ("Exporting Dossier"));
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  cf_dossier_export_dialog_export_to (f->window, f->context, f->product_id, NULL, file);

  done = wait_for_dialog ("Dossier Exported");
  ui_save_screenshot (GTK_WIDGET (done), "dossier-exported");
  g_object_get (done, "body", &body, NULL);
  g_assert_nonnull (strstr (body, "“Example Smart Thermostat dossier.zip”"));
  g_assert_null (strstr (body, "signed by"));
  g_free (body);

  /* The seal shown is the one the file carries, and the file is intact. */
  check = cf_dossier_check (file, NULL, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (check->problems->len, ==, 0);
  g_assert_cmpstr (seal_shown (done), ==, check->seal);
  g_assert_false (check->signed_);

  /* The choice not to sign is remembered for next time. */
  {
    g_autofree char *remembered = g_settings_get_string (settings, "dossier-signing-key");

    g_assert_cmpstr (remembered, ==, "");
  }
  ui_respond (done, "_Close");
}

/* A file that cannot be written: the user is told why, and nothing is left. */
static void
test_export_failure_is_explained (Fixture       *f,
                                  gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "no-such-folder", "dossier.zip", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  AdwMessageDialog *failed;
  char *body;

  cf_dossier_export_dialog_export_to (f->window, f->context, f->product_id, NULL, file);
  failed = wait_for_dialog ("Dossier Not Exported");
  g_object_get (failed, "body", &body, NULL);
  g_assert_nonnull (strstr (body, "no-such-folder"));
  g_free (body);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  ui_respond (failed, "_Close");
}

/* A key GnuPG does not have: refused before any file is written. */
static void
test_unknown_signing_key (Fixture       *f,
                          gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "signed.zip", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *gnupg_home = g_build_filename (f->dir, "gnupg", NULL);
  AdwMessageDialog *failed;
  char *body;

  g_mkdir (gnupg_home, 0700);
  g_setenv ("GNUPGHOME", gnupg_home, TRUE);
  cf_dossier_export_dialog_export_to (f->window, f->context, f->product_id,
                                      "nobody@example.invalid", file);
  failed = wait_for_dialog ("Dossier Not Exported");
  g_object_get (failed, "body", &body, NULL);
  g_assert_nonnull (strstr (body, "nobody@example.invalid"));
  g_free (body);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  ui_respond (failed, "_Close");
  g_unsetenv ("GNUPGHOME");
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

  g_test_add ("/ui/dossier/export", Fixture, NULL, fixture_set_up,
              test_export_from_question_to_seal, fixture_tear_down);
  g_test_add ("/ui/dossier/failure", Fixture, NULL, fixture_set_up,
              test_export_failure_is_explained, fixture_tear_down);
  g_test_add ("/ui/dossier/unknown-key", Fixture, NULL, fixture_set_up,
              test_unknown_signing_key, fixture_tear_down);

  status = g_test_run ();
  test_remove_tree (home);
  return status;
}
