/* ui-harness.c
 *
 * Copyright 2026 The Conformity Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>

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

/* A user's click ends in "clicked"; insensitive or hidden buttons cannot
 * be clicked. */
void
ui_click (GtkWidget *button)
{
  g_assert_nonnull (button);
  g_assert_true (gtk_widget_is_sensitive (button));
  g_assert_true (gtk_widget_is_visible (button));
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

static gboolean
has_size (gpointer widget)
{
  return gtk_widget_get_width (widget) > 0 && gtk_widget_get_height (widget) > 0;
}

/* When CONFORMITY_TEST_SCREENSHOTS names a folder, saves @widget as it is
 * drawn now to NAME.png there, so a person can look at what a test saw. */
void
ui_save_screenshot (GtkWidget  *widget,
                    const char *name)
{
  const char *dir = g_getenv ("CONFORMITY_TEST_SCREENSHOTS");
  g_autoptr(GdkPaintable) paintable = NULL;
  g_autoptr(GtkSnapshot) snapshot = NULL;
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *file_name = NULL;
  g_autofree char *path = NULL;
  GskRenderer *renderer;
  int width, height;

  if (dir == NULL || *dir == '\0')
    return;

  /* Mapped is not yet laid out and drawn. */
  ui_spin_until (has_size, widget, "the widget is laid out");
  ui_spin_for (300);

  paintable = gtk_widget_paintable_new (widget);
  width = gtk_widget_get_width (widget);
  height = gtk_widget_get_height (widget);
  snapshot = gtk_snapshot_new ();
  gdk_paintable_snapshot (paintable, GDK_SNAPSHOT (snapshot), width, height);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  if (node == NULL)
    {
      g_printerr ("# nothing drawn for %s (%dx%d)\n", name, width, height);
      return;
    }
  renderer = gtk_native_get_renderer (gtk_widget_get_native (widget));
  texture = gsk_renderer_render_texture (renderer, node, &GRAPHENE_RECT_INIT (0, 0, width, height));
  file_name = g_strconcat (name, ".png", NULL);
  path = g_build_filename (dir, file_name, NULL);
  gdk_texture_save_to_png (texture, path);
}

/* Removes a test's temporary folder and everything in it. */
void
ui_remove_tree (const char *path)
{
  GDir *dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
        ui_remove_tree (child);
      else
        g_unlink (child);
    }
  if (dir != NULL)
    g_dir_close (dir);
  g_rmdir (path);
}
