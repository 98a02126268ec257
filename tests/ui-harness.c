/* ui-harness.c
 *
 * Copyright 2026 The Conformity Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "cf-product-page.h"
#include "ui-harness.h"

/* Runs the main loop until @condition holds; fails after 20 seconds, so a
 * hang is a failure and never a timing assertion. */
void
ui_spin_until (UiCondition  condition,
               gpointer     data,
               const char  *what)
{
  gint64 deadline = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;

  while (!condition (data))
    {
      if (g_get_monotonic_time () > deadline)
        g_error ("timed out waiting until %s", what);
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
}

void
ui_spin_for (guint ms)
{
  gint64 until = g_get_monotonic_time () + ms * 1000;

  while (g_get_monotonic_time () < until)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
}

gboolean
ui_widget_is_mapped (gpointer widget)
{
  return gtk_widget_get_mapped (widget);
}

/* The first widget of @type below @root, depth first. */
GtkWidget *
ui_find_descendant (GtkWidget *root,
                    GType      type)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (G_TYPE_CHECK_INSTANCE_TYPE (child, type))
        return child;
      found = ui_find_descendant (child, type);
      if (found != NULL)
        return found;
    }

  return NULL;
}

GtkWidget *
ui_find_named (GtkWidget  *root,
               const char *name)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (g_strcmp0 (gtk_widget_get_name (child), name) == 0)
        return child;
      found = ui_find_named (child, name);
      if (found != NULL)
        return found;
    }

  return NULL;
}

/* The first button under @root whose label is @label, mnemonic included. */
GtkWidget *
ui_find_button (GtkWidget  *root,
                const char *label)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (GTK_IS_BUTTON (child) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (child)), label) == 0)
        return child;
      found = ui_find_button (child, label);
      if (found != NULL)
        return found;
    }

  return NULL;
}

/* A user's click ends in "clicked" (a check button's in "toggled");
 * gtk_widget_activate() would only emit it after a key-release timeout.
 * Insensitive or hidden buttons cannot be clicked. */
void
ui_click (GtkWidget *button)
{
  g_assert_nonnull (button);
  g_assert_true (gtk_widget_is_sensitive (button));
  g_assert_true (gtk_widget_is_visible (button));
  if (GTK_IS_CHECK_BUTTON (button))
    gtk_check_button_set_active (GTK_CHECK_BUTTON (button), !gtk_check_button_get_active (GTK_CHECK_BUTTON (button)));
  else
    g_signal_emit_by_name (button, "clicked");
}

/* A mapped window of @type: buttons act only once realized. */
gpointer
ui_find_toplevel (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (window, type) && gtk_widget_get_mapped (GTK_WIDGET (window)))
        return window;
    }

  return NULL;
}

/* Conditions for ui_spin_until(): the application has closed every window;
 * the product page has finished generating a document. */
gboolean
ui_app_has_no_windows (gpointer app)
{
  return gtk_application_get_windows (app) == NULL;
}

gboolean
ui_page_not_generating (gpointer page)
{
  return !cf_product_page_get_generating (page);
}

/* Conditions for ui_spin_until(): @type is GSIZE_TO_POINTER (a GType). */
gboolean
ui_toplevel_shown (gpointer type)
{
  return ui_find_toplevel (GPOINTER_TO_SIZE (type)) != NULL;
}

gboolean
ui_toplevel_gone (gpointer type)
{
  return ui_find_toplevel (GPOINTER_TO_SIZE (type)) == NULL;
}

/* The text of the label named @name under @root. */
const char *
ui_label_text (GtkWidget  *root,
               const char *name)
{
  GtkWidget *label = ui_find_named (root, name);

  g_assert_nonnull (label);
  g_assert_true (GTK_IS_LABEL (label));
  return gtk_label_get_text (GTK_LABEL (label));
}

/* Whether a visible label under @root shows @text, in whole or in part. */
gboolean
ui_has_label (GtkWidget  *root,
              const char *text)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_LABEL (child) && gtk_widget_is_visible (child) &&
          strstr (gtk_label_get_text (GTK_LABEL (child)), text) != NULL)
        return TRUE;
      if (ui_has_label (child, text))
        return TRUE;
    }

  return FALSE;
}

/* Clicks the dialog's button with @label, as a user would. */
void
ui_respond (AdwMessageDialog *dialog,
            const char       *label)
{
  GtkWidget *button = ui_find_button (GTK_WIDGET (dialog), label);

  if (button == NULL)
    g_error ("the dialog has no button “%s”", label);
  ui_click (button);
}

/* G_TEST_OPTION_ISOLATE_DIRS would also hide the system's data folders, and
 * with them the MIME database GTK needs to recognise SVG icons; so only the
 * user's own folders are redirected, to a fresh one per run. */
char *
ui_isolate_user_dirs (void)
{
  static const char * const variables[] = {
    "HOME", "XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME", "XDG_RUNTIME_DIR",
  };
  g_autoptr(GError) error = NULL;
  char *home = g_dir_make_tmp ("cf-ui-home-XXXXXX", &error);

  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (variables); i++)
    {
      g_autofree char *dir = g_build_filename (home, variables[i], NULL);

      g_mkdir (dir, 0700);
      g_setenv (variables[i], dir, TRUE);
    }

  return home;
}

/* A mapped AdwMessageDialog whose heading is @heading. */
AdwMessageDialog *
ui_find_message_dialog (const char *heading)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (window) && gtk_widget_get_mapped (GTK_WIDGET (window)) &&
          g_strcmp0 (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (window)), heading) == 0)
        return ADW_MESSAGE_DIALOG (window);
    }

  return NULL;
}

/* When CONFORMITY_TEST_SCREENSHOTS names a folder, saves @widget as it is
 * drawn now to NAME.png there, so a person can look at what a test saw. */
void
ui_save_screenshot (GtkWidget  *widget,
                    const char *name)
{
  const char *dir = g_getenv ("CONFORMITY_TEST_SCREENSHOTS");
  g_autoptr(GdkPaintable) paintable = NULL;
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *file_name = NULL;
  g_autofree char *path = NULL;
  int width = 0, height = 0;

  if (dir == NULL || *dir == '\0')
    return;

  /* Mapped is not yet laid out and drawn: a widget not drawn yet gives
   * nothing, so let it draw. */
  paintable = gtk_widget_paintable_new (widget);
  for (guint attempt = 0; node == NULL && attempt < 10; attempt++)
    {
      g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();

      ui_spin_for (200);
      width = gtk_widget_get_width (widget);
      height = gtk_widget_get_height (widget);
      gdk_paintable_snapshot (paintable, GDK_SNAPSHOT (snapshot), width, height);
      node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
    }
  if (node == NULL)
    {
      g_printerr ("# nothing drawn for %s (%dx%d)\n", name, width, height);
      return;
    }
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (gtk_widget_get_native (widget)), node,
                                         &GRAPHENE_RECT_INIT (0, 0, width, height));
  file_name = g_strconcat (name, ".png", NULL);
  path = g_build_filename (dir, file_name, NULL);
  if (!gdk_texture_save_to_png (texture, path))
    g_printerr ("# could not save %s\n", path);
}


/* Starts the application on $CONFORMITY_DB as a user would, and waits for
 * its window. Each start exports its own D-Bus objects, so each gets an id
 * of its own. */
CfWindow *
ui_start_app (CfApplication **app)
{
  g_autoptr(GError) error = NULL;
  static guint n_apps = 0;
  g_autofree char *app_id = g_strdup_printf ("%s.Test%u", APP_ID, ++n_apps);
  GtkWindow *window;

  g_assert_null (*app);
  *app = cf_application_new ();
  g_application_set_application_id (G_APPLICATION (*app), app_id);
  g_application_set_flags (G_APPLICATION (*app), G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (*app), NULL, &error);
  g_assert_no_error (error);

  g_application_activate (G_APPLICATION (*app));
  window = gtk_application_get_active_window (GTK_APPLICATION (*app));
  g_assert_true (CF_IS_WINDOW (window));
  ui_spin_until (ui_widget_is_mapped, window, "the window is shown");
  return CF_WINDOW (window);
}

/* Closes every window of the application and lets it go; nothing if it
 * is not running. */
void
ui_quit_app (CfApplication **app)
{
  GList *windows;

  if (*app == NULL)
    return;
  while ((windows = gtk_application_get_windows (GTK_APPLICATION (*app))) != NULL)
    gtk_window_destroy (windows->data);
  ui_spin_for (100);
  g_clear_object (app);
}
