/* test-ui-desktop.c — what a GNOME user expects of any application, driven
 * through the real window: Preferences over the settings, finding a product,
 * the last product shown again at the next start, keyboard shortcuts that
 * are listed and do what they say, Tab through a form in reading order, the
 * desktop's language, and a name for screen readers on every control that
 * shows only an icon
 *
 * Copyright 2026 The Conformity Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>

#include "cf-application.h"
#include "cf-assessment-wizard.h"
#include "cf-document-info.h"
#include "cf-preferences-window.h"
#include "cf-product.h"
#include "cf-product-page.h"
#include "cf-record-editor.h"
#include "cf-text-row.h"
#include "cf-store.h"
#include "cf-window.h"
#include "ui-harness.h"

typedef struct
{
  char           *dir;
  char           *db;
  CfApplication  *app;
  CfWindow       *window;
  CfStore        *store;
  gint64          ids[4];
} Fixture;

static void
add_products (Fixture *f)
{
  static const char * const names[][3] = {
    { "Gateway", "GW-100", "1.0" },
    { "Gateway Pro", "GW-200", "2.1" },
    { "Smart Lock", "SL-1", "3.0" },
    { "Thermostat", "TH-9", "1.4" },
  };
  g_autoptr(CfStore) store = NULL;
  g_autoptr(GError) error = NULL;

  store = cf_store_open (f->db, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autoptr(CfProduct) product = cf_product_new ();

      cf_record_set_field (CF_RECORD (product), "name", names[i][0]);
      cf_record_set_field (CF_RECORD (product), "model", names[i][1]);
      cf_record_set_field (CF_RECORD (product), "version", names[i][2]);
      f->ids[i] = cf_store_add_product (store, product, &error);
      g_assert_no_error (error);
    }
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);

  /* Settings live in memory for the whole run: start each test afresh. */
  g_settings_reset (settings, "last-product-id");
  g_settings_reset (settings, "document-language");
  g_settings_reset (settings, "evidence-size-limit");
  g_settings_reset (settings, "dossier-signing-key");

  f->dir = g_dir_make_tmp ("cf-ui-desktop-XXXXXX", &error);
  g_assert_no_error (error);
  f->db = g_build_filename (f->dir, "project.db", NULL);
  g_setenv ("CONFORMITY_DB", f->db, TRUE);
  add_products (f);
}

static void
close_app (Fixture *f)
{
  g_clear_object (&f->store);
  ui_quit_app (&f->app);
  f->window = NULL;
}

/* Opens the project in the application, as a user starting it would. */
static void
start_app (Fixture *f)
{
  g_autoptr(CfContext) context = NULL;

  f->window = ui_start_app (&f->app);
  g_object_get (f->window, "context", &context, NULL);
  f->store = g_object_ref (cf_context_get_store (context));
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  close_app (f);
  test_remove_tree (f->dir);
  g_unsetenv ("CONFORMITY_DB");
  g_free (f->db);
  g_free (f->dir);
}

static CfPreferencesWindow *
open_preferences (Fixture *f)
{
  g_action_group_activate_action (G_ACTION_GROUP (f->app), "preferences", NULL);
  ui_spin_until (ui_toplevel_shown, GSIZE_TO_POINTER (CF_TYPE_PREFERENCES_WINDOW), "Preferences is shown");
  return ui_find_toplevel (CF_TYPE_PREFERENCES_WINDOW);
}

/* Tests */

/* Every change in Preferences is a setting at once, and the window follows
 * it: the language the next document is written in, and the largest
 * evidence file the store takes. */
static void
test_preferences (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  CfPreferencesWindow *preferences;
  AdwComboRow *language;
  GtkSpinButton *evidence;
  GtkWidget *key;
  g_autofree char *page_language = NULL;
  g_autofree char *stored_key = NULL;
  g_autofree char *stored_language = NULL;

  start_app (f);
  preferences = open_preferences (f);
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (preferences)) == GTK_WINDOW (f->window));

  language = ADW_COMBO_ROW (ui_find_named (GTK_WIDGET (preferences), "document-language"));
  g_assert_cmpuint (adw_combo_row_get_selected (language), ==, 0);
  adw_combo_row_set_selected (language, 1);
  stored_language = g_settings_get_string (settings, "document-language");
  g_assert_cmpstr (stored_language, ==, "de");
  g_object_get (cf_window_get_product_page (f->window), "document-language", &page_language, NULL);
  g_assert_cmpstr (page_language, ==, "de");

  evidence = GTK_SPIN_BUTTON (ui_find_named (GTK_WIDGET (preferences), "evidence-size-limit"));
  g_assert_cmpfloat (gtk_spin_button_get_value (evidence), ==, 1024);
  gtk_spin_button_set_value (evidence, 512);
  g_assert_cmpuint (g_settings_get_uint64 (settings, "evidence-size-limit"), ==, 512 * 1024 * 1024);
  g_assert_cmpuint (cf_store_get_evidence_size_limit (f->store), ==, 512 * 1024 * 1024);

  key = ui_find_named (GTK_WIDGET (preferences), "dossier-signing-key");
  gtk_editable_set_text (GTK_EDITABLE (key), "compliance@example.com");
  stored_key = g_settings_get_string (settings, "dossier-signing-key");
  g_assert_cmpstr (stored_key, ==, "compliance@example.com");

  ui_save_screenshot (GTK_WIDGET (preferences), "preferences");

  /* A setting changed elsewhere (gsettings, another window) shows here too. */
  g_settings_set_string (settings, "document-language", "fr");
  g_assert_cmpuint (adw_combo_row_get_selected (language), ==, 2);

  gtk_window_close (GTK_WINDOW (preferences));
}

/* Ctrl+F, then typing, as a user would. */
static GtkWidget *
search_for (Fixture    *f,
            const char *text)
{
  GtkWidget *entry = ui_find_named (GTK_WIDGET (f->window), "product-search");

  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.find", NULL);
  ui_spin_until (ui_widget_is_mapped, entry, "the search entry is shown");
  gtk_editable_set_text (GTK_EDITABLE (entry), text);
  return entry;
}

static guint
n_shown (Fixture *f)
{
  return g_list_model_get_n_items (cf_window_get_products (f->window));
}

typedef struct {
  Fixture *f;
  guint    n;
} Shown;

static gboolean
shown_is (gpointer data)
{
  Shown *shown = data;

  return n_shown (shown->f) == shown->n;
}

/* GtkSearchEntry waits a moment before it says the text changed. */
static void
wait_shown (Fixture *f,
            guint    n)
{
  Shown shown = { f, n };
  g_autofree char *what = g_strdup_printf ("the sidebar shows %u products", n);

  ui_spin_until (shown_is, &shown, what);
}

/* Ctrl+F finds products by name, model or version; a search that finds
 * nothing says so; closing the search shows every product again. */
static void
test_find_product (Fixture       *f,
                   gconstpointer  data)
{
  GtkWidget *entry;
  GtkWidget *no_match;

  start_app (f);
  g_assert_cmpuint (n_shown (f), ==, 4);

  entry = search_for (f, "gateway");
  /* Typing goes to the entry: the focus is in it (in its GtkText). */
  g_assert_true (gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (f->window)), entry));
  wait_shown (f, 2);

  gtk_editable_set_text (GTK_EDITABLE (entry), "sl-1");
  wait_shown (f, 1);
  g_assert_cmpint (cf_window_get_selected_product_id (f->window), ==, f->ids[2]);

  gtk_editable_set_text (GTK_EDITABLE (entry), "2.1");
  wait_shown (f, 1);
  g_assert_cmpint (cf_window_get_selected_product_id (f->window), ==, f->ids[1]);

  gtk_editable_set_text (GTK_EDITABLE (entry), "toaster");
  wait_shown (f, 0);
  /* The product found last stays in view, rather than the welcome page. */
  g_assert_cmpint (cf_window_get_selected_product_id (f->window), ==, f->ids[1]);
  g_assert_true (ui_widget_is_mapped (cf_window_get_product_page (f->window)));
  no_match = ui_find_named (GTK_WIDGET (f->window), "no-match");
  g_assert_true (gtk_widget_get_visible (no_match));
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (no_match)), "toaster"));
  ui_save_screenshot (GTK_WIDGET (f->window), "find-nothing");

  /* Closing the search bar, as its toggle button does. */
  ui_click (ui_find_named (GTK_WIDGET (f->window), "find-product"));
  wait_shown (f, 4);
  g_assert_false (gtk_widget_get_visible (no_match));
}

/* The product shown when the window closed is shown at the next start. */
static void
test_last_product (Fixture       *f,
                   gconstpointer  data)
{
  start_app (f);
  g_assert_cmpint (cf_window_get_selected_product_id (f->window), !=, f->ids[3]);

  search_for (f, "thermo");
  wait_shown (f, 1);
  g_assert_cmpint (cf_window_get_selected_product_id (f->window), ==, f->ids[3]);
  close_app (f);

  start_app (f);
  g_assert_cmpint (cf_window_get_selected_product_id (f->window), ==, f->ids[3]);
  g_assert_cmpuint (n_shown (f), ==, 4);
  close_app (f);

  /* A product no longer in this database (another project was open, say):
   * the first one instead, and no warning. */
  {
    g_autoptr(GSettings) settings = g_settings_new (APP_ID);

    g_settings_set_int64 (settings, "last-product-id", 9999);
  }
  start_app (f);
  g_assert_cmpint (cf_window_get_selected_product_id (f->window), ==, f->ids[0]);
}

/* Screen readers: a control showing only an icon must have a name. */

static gboolean
shows_text (GtkWidget *widget)
{
  if (GTK_IS_LABEL (widget) && *gtk_label_get_text (GTK_LABEL (widget)) != '\0')
    return TRUE;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    if (shows_text (child))
      return TRUE;
  return FALSE;
}

static gboolean
is_control (GtkWidget *widget)
{
  return GTK_IS_BUTTON (widget) || GTK_IS_MENU_BUTTON (widget);
}

/* The button inside a GtkMenuButton is named by the menu button. A
 * GtkSpinButton is one control to a screen reader, named and operated by
 * its value; its − and + buttons are GTK's own and never take the focus. */
static gboolean
named_by_parent (GtkWidget *widget)
{
  GtkWidget *parent = gtk_widget_get_parent (widget);

  return parent != NULL && (GTK_IS_MENU_BUTTON (parent) || GTK_IS_SPIN_BUTTON (parent));
}

/* Not the "labelled-by" relation: GtkButton points it at its child, even an
 * image that says nothing. */
static gboolean
has_name (GtkWidget *widget)
{
  return gtk_test_accessible_has_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL);
}

static void
collect_unnamed (GtkWidget *widget,
                 GString   *unnamed)
{
  if (!gtk_widget_get_mapped (widget))
    return;

  if (is_control (widget) && !named_by_parent (widget) && !shows_text (widget) && !has_name (widget))
    {
      const char *icon = GTK_IS_BUTTON (widget) ? gtk_button_get_icon_name (GTK_BUTTON (widget)) :
                         GTK_IS_MENU_BUTTON (widget) ? gtk_menu_button_get_icon_name (GTK_MENU_BUTTON (widget)) : NULL;
      GtkWidget *parent = gtk_widget_get_parent (widget);

      g_string_append_printf (unnamed, "\n  %s (icon %s, tooltip “%s”) in %s",
                              G_OBJECT_TYPE_NAME (widget), icon ? icon : "none",
                              gtk_widget_get_tooltip_text (widget) ? gtk_widget_get_tooltip_text (widget) : "",
                              parent ? G_OBJECT_TYPE_NAME (parent) : "nothing");
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    collect_unnamed (child, unnamed);
}

static void
assert_all_named (GtkWidget  *root,
                  const char *where)
{
  g_autoptr(GString) unnamed = g_string_new (NULL);

  collect_unnamed (root, unnamed);
  if (unnamed->len > 0)
    g_error ("Controls without a name for screen readers in %s:%s", where, unnamed->str);
}

typedef struct {
  Fixture   *f;
  GtkWidget *found;
} OtherWindow;

static gboolean
other_window_shown (gpointer data)
{
  OtherWindow *other = data;
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWidget) window = g_list_model_get_item (toplevels, i);

      if (window != GTK_WIDGET (other->f->window) && gtk_widget_get_mapped (window) &&
          !GTK_IS_POPOVER (window))
        {
          other->found = window;
          return TRUE;
        }
    }
  return FALSE;
}

/* The window an action opened beside the main one. */
static GtkWidget *
wait_for_other_window (Fixture *f)
{
  OtherWindow other = { f, NULL };

  ui_spin_until (other_window_shown, &other, "another window is shown");
  ui_spin_for (200);
  return other.found;
}

static void
test_accessible_names (Fixture       *f,
                       gconstpointer  data)
{
  static const char * const editors[] = {
    "win.edit", "win.edit-manufacturer", "win.edit-declaration", "win.assess", "win.add-threat",
    "win.edit-user-information",
  };
  static const char * const views[] = {
    "product", "requirements", "risks", "overview", "evidence", "sbom", "vulnerabilities",
  };
  g_autoptr(CfStore) store = NULL;

  /* A product with something in every view. */
  close_app (f);
  {
    g_autoptr(GError) error = NULL;

    store = cf_store_open (f->db, &error);
    g_assert_no_error (error);
    cf_store_add_example (store, &error);
    g_assert_no_error (error);
  }
  start_app (f);
  search_for (f, "example");
  wait_shown (f, 1);
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-view", "s", "product");

  for (guint i = 0; i < G_N_ELEMENTS (views); i++)
    {
      gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-view", "s", views[i]);
      ui_spin_for (200);
      assert_all_named (GTK_WIDGET (f->window), views[i]);
    }

  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-deadlines", NULL);
  ui_spin_for (200);
  assert_all_named (GTK_WIDGET (f->window), "the reporting deadlines");

  assert_all_named (GTK_WIDGET (open_preferences (f)), "Preferences");
  gtk_window_destroy (GTK_WINDOW (ui_find_toplevel (CF_TYPE_PREFERENCES_WINDOW)));

  /* The editors and the wizard the window opens, for the product found
   * again (Enter in the search shows it). */
  g_signal_emit_by_name (ui_find_named (GTK_WIDGET (f->window), "product-search"), "activate");
  g_assert_cmpint (cf_window_get_selected_product_id (f->window), !=, 0);
  for (guint i = 0; i < G_N_ELEMENTS (editors); i++)
    {
      GtkWidget *editor;

      gtk_widget_activate_action (GTK_WIDGET (f->window), editors[i], NULL);
      editor = wait_for_other_window (f);
      assert_all_named (editor, editors[i]);
      gtk_window_destroy (GTK_WINDOW (editor));
      ui_spin_for (100);
    }
}

/* Keyboard shortcuts */

static void
collect_listed (GtkWidget *widget,
                GPtrArray *listed)
{
  if (GTK_IS_SHORTCUTS_SHORTCUT (widget))
    g_ptr_array_add (listed, widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    collect_listed (child, listed);
}

/* The keys the Keyboard Shortcuts window shows for @listed: its own
 * accelerator, or the application's for its action. */
static char *
listed_accel (Fixture   *f,
              GtkWidget *listed)
{
  g_autofree char *accel = NULL;
  g_autofree char *action = NULL;

  g_object_get (listed, "accelerator", &accel, "action-name", &action, NULL);
  if (accel != NULL && *accel != '\0')
    return g_steal_pointer (&accel);
  if (action != NULL)
    {
      g_auto(GStrv) accels = gtk_application_get_accels_for_action (GTK_APPLICATION (f->app), action);

      if (accels[0] != NULL)
        return g_strdup (accels[0]);
    }
  return NULL;
}

static GtkShortcutTrigger *
parse_trigger (const char *accel)
{
  guint keyval;
  GdkModifierType modifiers;

  g_assert_true (gtk_accelerator_parse (accel, &keyval, &modifiers));
  return gtk_keyval_trigger_new (keyval, modifiers);
}

/* Whether @bound fires for the key @pressed; GTK binds Tab as "Tab or
 * the keypad's Tab". */
static gboolean
trigger_matches (GtkShortcutTrigger *bound,
                 GtkShortcutTrigger *pressed)
{
  if (GTK_IS_ALTERNATIVE_TRIGGER (bound))
    return trigger_matches (gtk_alternative_trigger_get_first (GTK_ALTERNATIVE_TRIGGER (bound)), pressed) ||
           trigger_matches (gtk_alternative_trigger_get_second (GTK_ALTERNATIVE_TRIGGER (bound)), pressed);
  return gtk_shortcut_trigger_equal (bound, pressed);
}

/* What pressing @trigger runs in the window @widget, wherever the focus
 * is: the shortcut the key matches among the window's own controllers
 * (its class bindings, the application's accelerators) and those inside it
 * that act in the whole window (a primary menu's F10). A local shortcut of
 * a widget inside, such as a search entry's Ctrl+G, acts only while that
 * widget has the focus, so it does not count. */
static GtkShortcut *
bound_shortcut_in (GtkWidget          *widget,
                   gboolean            is_window,
                   GtkShortcutTrigger *trigger,
                   GtkWidget         **owner)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;
      if (!is_window && gtk_shortcut_controller_get_scope (GTK_SHORTCUT_CONTROLLER (controller)) ==
                        GTK_SHORTCUT_SCOPE_LOCAL)
        continue;
      for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);

          if (trigger_matches (gtk_shortcut_get_trigger (shortcut), trigger))
            {
              *owner = widget;
              /* The controller keeps it. */
              return shortcut;
            }
        }
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkShortcut *found = bound_shortcut_in (child, FALSE, trigger, owner);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static GtkShortcut *
bound_shortcut (GtkWidget          *window,
                GtkShortcutTrigger *trigger,
                GtkWidget         **owner)
{
  return bound_shortcut_in (window, TRUE, trigger, owner);
}

/* Presses @accel in @window: runs what GTK runs for that key. */
static void
press (GtkWidget  *window,
       const char *accel)
{
  g_autoptr(GtkShortcutTrigger) trigger = parse_trigger (accel);
  GtkWidget *owner = NULL;
  GtkShortcut *shortcut = bound_shortcut (window, trigger, &owner);

  if (shortcut == NULL)
    g_error ("%s does nothing in %s", accel, G_OBJECT_TYPE_NAME (window));
  g_assert_true (gtk_shortcut_action_activate (gtk_shortcut_get_action (shortcut), GTK_SHORTCUT_ACTION_EXCLUSIVE,
                                               owner, gtk_shortcut_get_arguments (shortcut)));
}

/* Every shortcut the Keyboard Shortcuts window lists is bound, in the
 * window or in a form, and every key the window binds to its own actions
 * or the application's is listed. */
static void
test_shortcuts_listed (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GPtrArray) listed = g_ptr_array_new ();
  g_autoptr(GPtrArray) listed_triggers = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GListModel) controllers = NULL;
  GtkShortcutsWindow *overlay;
  GtkWidget *form, *wizard;
  guint n_checked = 0;

  start_app (f);
  overlay = gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (f->window));
  g_assert_nonnull (overlay);
  collect_listed (GTK_WIDGET (overlay), listed);
  g_assert_cmpuint (listed->len, >=, 20);

  /* A form and the scope wizard, for the keys that act in them. */
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.new-product", NULL);
  ui_spin_until (ui_toplevel_shown, GSIZE_TO_POINTER (CF_TYPE_RECORD_EDITOR), "the New Product form opens");
  form = ui_find_toplevel (CF_TYPE_RECORD_EDITOR);
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.assess", NULL);
  ui_spin_until (ui_toplevel_shown, GSIZE_TO_POINTER (CF_TYPE_ASSESSMENT_WIZARD), "the scope wizard opens");
  wizard = ui_find_toplevel (CF_TYPE_ASSESSMENT_WIZARD);

  for (guint i = 0; i < listed->len; i++)
    {
      g_autofree char *title = NULL;
      g_autofree char *accel = listed_accel (f, g_ptr_array_index (listed, i));
      g_autoptr(GtkShortcutTrigger) trigger = NULL;
      GtkWidget *owner = NULL;

      g_object_get (g_ptr_array_index (listed, i), "title", &title, NULL);
      if (accel == NULL)
        g_error ("“%s” is listed without keys", title);
      trigger = parse_trigger (accel);
      if (bound_shortcut (GTK_WIDGET (f->window), trigger, &owner) == NULL &&
          bound_shortcut (form, trigger, &owner) == NULL &&
          bound_shortcut (wizard, trigger, &owner) == NULL)
        g_error ("“%s” is listed as %s, which nothing binds", title, accel);
      g_ptr_array_add (listed_triggers, g_steal_pointer (&trigger));
    }
  gtk_window_destroy (GTK_WINDOW (form));
  gtk_window_destroy (GTK_WINDOW (wizard));

  /* The other way: the window's own keys and the application's. */
  controllers = gtk_widget_observe_controllers (GTK_WIDGET (f->window));
  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;
      for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);
          GtkShortcutAction *action = gtk_shortcut_get_action (shortcut);
          const char *name;
          gboolean found = FALSE;

          if (!GTK_IS_NAMED_ACTION (action))
            continue;
          name = gtk_named_action_get_action_name (GTK_NAMED_ACTION (action));
          if (!g_str_has_prefix (name, "win.") && !g_str_has_prefix (name, "app."))
            continue;
          for (guint k = 0; k < listed_triggers->len && !found; k++)
            found = trigger_matches (gtk_shortcut_get_trigger (shortcut), g_ptr_array_index (listed_triggers, k));
          if (!found)
            {
              g_autofree char *keys = gtk_shortcut_trigger_to_string (gtk_shortcut_get_trigger (shortcut));

              g_error ("%s runs %s but Keyboard Shortcuts does not list it", keys, name);
            }
          n_checked++;
        }
    }
  /* The window's nineteen and the application's three. */
  g_assert_cmpuint (n_checked, >=, 19);
}

/* The common actions, from the keyboard as a user would press them. */
static void
test_shortcuts_act (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GPtrArray) documents = NULL;
  g_autoptr(GError) error = NULL;
  CfProductPage *page;
  GtkWidget *entry;
  GtkWidget *form;
  gint64 id;

  start_app (f);
  id = cf_window_get_selected_product_id (f->window);
  g_assert_cmpint (id, ==, f->ids[0]);
  page = CF_PRODUCT_PAGE (cf_window_get_product_page (f->window));

  /* Ctrl+N opens the New Product form; Escape closes it. */
  press (GTK_WIDGET (f->window), "<Control>n");
  ui_spin_until (ui_toplevel_shown, GSIZE_TO_POINTER (CF_TYPE_RECORD_EDITOR), "the New Product form opens");
  form = ui_find_toplevel (CF_TYPE_RECORD_EDITOR);
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (form)), ==, "New Product");
  press (form, "Escape");
  ui_spin_until (ui_toplevel_gone, GSIZE_TO_POINTER (CF_TYPE_RECORD_EDITOR), "the form closes");

  /* Ctrl+F: typing goes to the search. */
  press (GTK_WIDGET (f->window), "<Control>f");
  entry = ui_find_named (GTK_WIDGET (f->window), "product-search");
  ui_spin_until (ui_widget_is_mapped, entry, "the search entry is shown");
  g_assert_true (gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (f->window)), entry));

  /* Ctrl+G generates the selected product's declaration. */
  press (GTK_WIDGET (f->window), "<Control>g");
  g_assert_true (cf_product_page_get_generating (page));
  ui_spin_until (ui_page_not_generating, page, "the declaration is generated");
  documents = cf_store_list_documents (f->store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (documents->len, ==, 1);
  g_assert_cmpstr (cf_document_info_get_kind (g_ptr_array_index (documents, 0)), ==, CF_DOCUMENT_KIND_DECLARATION);

  /* Ctrl+comma: Preferences; Ctrl+?: Keyboard Shortcuts. */
  press (GTK_WIDGET (f->window), "<Control>comma");
  ui_spin_until (ui_toplevel_shown, GSIZE_TO_POINTER (CF_TYPE_PREFERENCES_WINDOW), "Preferences is shown");
  gtk_window_destroy (ui_find_toplevel (CF_TYPE_PREFERENCES_WINDOW));
  press (GTK_WIDGET (f->window), "<Control>question");
  ui_spin_until (ui_toplevel_shown, GSIZE_TO_POINTER (GTK_TYPE_SHORTCUTS_WINDOW), "Keyboard Shortcuts is shown");
  gtk_window_close (ui_find_toplevel (GTK_TYPE_SHORTCUTS_WINDOW));

  /* Ctrl+Q closes every window. */
  press (GTK_WIDGET (f->window), "<Control>q");
  ui_spin_until (ui_app_has_no_windows, f->app, "every window closes");
  f->window = NULL;
}

/* A form opens with the focus in its first field, and Tab walks its
 * fields in the order they are shown and reaches its Save button, as GTK's
 * own Tab binding moves the focus. */
static void
test_focus_order (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(CfProduct) product = cf_product_new ();
  CfRecordEditor *form;
  const CfFieldSpec *specs;
  guint n_specs;
  g_autofree int *reached = NULL;
  int save_reached = -1;
  guint next = 0;

  start_app (f);
  press (GTK_WIDGET (f->window), "<Control>n");
  ui_spin_until (ui_toplevel_shown, GSIZE_TO_POINTER (CF_TYPE_RECORD_EDITOR), "the New Product form opens");
  form = ui_find_toplevel (CF_TYPE_RECORD_EDITOR);
  ui_spin_for (200);
  specs = cf_record_get_specs (CF_RECORD (product), &n_specs);
  g_assert_cmpuint (n_specs, >, 3);

  /* Save can be reached once there is something to save. */
  for (guint i = 0; i < n_specs; i++)
    if (specs[i].required)
      {
        GtkWidget *field = cf_record_editor_get_field_widget (form, specs[i].name);

        if (CF_IS_TEXT_ROW (field))
          cf_text_row_set_text (CF_TEXT_ROW (field), "Router");
        else
          gtk_editable_set_text (GTK_EDITABLE (field), "Router");
      }
  g_assert_true (gtk_widget_is_sensitive (cf_record_editor_get_save_button (form)));
  reached = g_new (int, n_specs);
  for (guint i = 0; i < n_specs; i++)
    reached[i] = -1;

  for (int step = 0; step < 200 && (save_reached < 0 || next < n_specs); step++)
    {
      GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (form));

      g_assert_nonnull (focus);
      for (guint i = 0; i < n_specs; i++)
        if (reached[i] < 0 && gtk_widget_is_ancestor (focus, cf_record_editor_get_field_widget (form, specs[i].name)))
          {
            /* Each field after the one before it. */
            if (i != next)
              g_error ("Tab reached the field “%s” before “%s”", specs[i].name, specs[next].name);
            reached[i] = step;
            next++;
          }
      if (focus == cf_record_editor_get_save_button (form) && save_reached < 0)
        save_reached = step;
      press (GTK_WIDGET (form), "Tab");
    }

  g_assert_cmpint (reached[0], ==, 0);
  for (guint i = 0; i < n_specs; i++)
    if (reached[i] < 0)
      g_error ("Tab never reaches the field “%s”", specs[i].name);
  g_assert_cmpint (save_reached, >=, 0);
  gtk_window_destroy (GTK_WINDOW (form));
}

/* Desktop language */

/* The sidebar's title, among the window's AdwWindowTitles. */
static gboolean
has_window_title (GtkWidget  *root,
                  const char *title)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      if (ADW_IS_WINDOW_TITLE (child) && g_strcmp0 (adw_window_title_get_title (ADW_WINDOW_TITLE (child)), title) == 0)
        return TRUE;
      if (has_window_title (child, title))
        return TRUE;
    }
  return FALSE;
}

/* The main menu's button (F10). */
static GtkWidget *
find_primary_menu (GtkWidget *root)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (GTK_IS_MENU_BUTTON (child) && gtk_menu_button_get_primary (GTK_MENU_BUTTON (child)))
        return child;
      found = find_primary_menu (child);
      if (found != NULL)
        return found;
    }
  return NULL;
}

static const char *
menu_label (GMenuModel *menu,
            const char *action)
{
  for (int i = 0; i < g_menu_model_get_n_items (menu); i++)
    {
      g_autofree char *item_action = NULL;
      g_autofree char *label = NULL;
      GMenuModel *section = g_menu_model_get_item_link (menu, i, G_MENU_LINK_SECTION);

      if (section != NULL)
        {
          const char *found = menu_label (section, action);

          g_object_unref (section);
          if (found != NULL)
            return found;
          continue;
        }
      if (g_menu_model_get_item_attribute (menu, i, G_MENU_ATTRIBUTE_ACTION, "s", &item_action) &&
          g_str_equal (item_action, action) &&
          g_menu_model_get_item_attribute (menu, i, G_MENU_ATTRIBUTE_LABEL, "s", &label))
        return g_intern_string (label);
    }
  return NULL;
}

/* The window speaks the desktop's language (LANGUAGE, as a GNOME session
 * sets it): its own words, the menu, Preferences, the catalogue's
 * references and the core's labels, while documents keep their own
 * language. Each language runs in a process of its own, started in it:
 * GLib decides once per process whether libraries translate, at their
 * first message. */
static void
test_desktop_language (Fixture       *f,
                       gconstpointer  data)
{
  static const struct {
    const char *language;
    const char *products;
    const char *requirements;
    const char *new_product;
    const char *default_language;
    const char *annex_i_1;
    const char *preferences;
  } languages[] = {
    { "de", "Produkte", "Anforderungen", "_Neues Produkt", "_Standardsprache", "Anhang I Teil I Nummer 1",
      "Einstellungen" },
    { "fr", "Produits", "Exigences", "_Nouveau produit", "_Langue par défaut", "annexe I, partie I, point 1)",
      "Préférences" },
  };
  const char *language = g_getenv ("LANGUAGE");
  AdwViewStack *views;
  GtkWidget *menu_button, *preferences;
  g_autofree char *document_language = NULL;
  guint i;

  if (!g_test_subprocess ())
    {
      for (i = 0; i < G_N_ELEMENTS (languages); i++)
        {
          g_setenv ("LANGUAGE", languages[i].language, TRUE);
          g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
          g_test_trap_assert_passed ();
        }
      g_unsetenv ("LANGUAGE");
      return;
    }

  for (i = 0; i < G_N_ELEMENTS (languages) && g_strcmp0 (language, languages[i].language) != 0; i++)
    ;
  g_assert_cmpuint (i, <, G_N_ELEMENTS (languages));

  start_app (f);
  g_assert_true (has_window_title (GTK_WIDGET (f->window), languages[i].products));
  views = ADW_VIEW_STACK (ui_find_descendant (GTK_WIDGET (f->window), ADW_TYPE_VIEW_STACK));
  g_assert_cmpstr (adw_view_stack_page_get_title (adw_view_stack_get_page (views,
                     adw_view_stack_get_child_by_name (views, "requirements"))), ==, languages[i].requirements);

  menu_button = find_primary_menu (GTK_WIDGET (f->window));
  g_assert_nonnull (menu_button);
  g_assert_cmpstr (menu_label (gtk_menu_button_get_menu_model (GTK_MENU_BUTTON (menu_button)), "win.new-product"),
                   ==, languages[i].new_product);

  /* The first requirement, under its reference in this language. */
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-view", "s", "requirements");
  ui_spin_for (200);
  g_assert_true (ui_has_label (GTK_WIDGET (f->window), languages[i].annex_i_1));

  preferences = GTK_WIDGET (open_preferences (f));
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (preferences)), ==, languages[i].preferences);
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (ui_find_named (preferences,
                                                                                      "document-language"))),
                   ==, languages[i].default_language);
  gtk_window_destroy (GTK_WINDOW (preferences));

  /* Documents are written in their own language, English by default. */
  g_object_get (cf_window_get_product_page (f->window), "document-language", &document_language, NULL);
  g_assert_cmpstr (document_language, ==, "en");
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

  /* GTK's test backend keeps what each widget tells screen readers, so the
   * test can read it back; "none" keeps nothing. */
  g_setenv ("GTK_A11Y", "test", TRUE);
  /* The translations as built, as main() binds the installed ones. gettext
   * ignores LANGUAGE only in the "C" locale; C.UTF-8 is enough. */
  bindtextdomain (GETTEXT_PACKAGE, TEST_LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  g_test_init (&argc, &argv, NULL);

  if (!gtk_init_check ())
    {
      g_test_add_func ("/ui/no-display", test_no_display);
      return g_test_run ();
    }
  adw_init ();

  g_test_add ("/ui/desktop/preferences", Fixture, NULL, fixture_set_up, test_preferences, fixture_tear_down);
  g_test_add ("/ui/desktop/find-product", Fixture, NULL, fixture_set_up, test_find_product, fixture_tear_down);
  g_test_add ("/ui/desktop/last-product", Fixture, NULL, fixture_set_up, test_last_product, fixture_tear_down);
  g_test_add ("/ui/desktop/shortcuts-listed", Fixture, NULL, fixture_set_up, test_shortcuts_listed, fixture_tear_down);
  g_test_add ("/ui/desktop/shortcuts-act", Fixture, NULL, fixture_set_up, test_shortcuts_act, fixture_tear_down);
  g_test_add ("/ui/desktop/focus-order", Fixture, NULL, fixture_set_up, test_focus_order, fixture_tear_down);
  g_test_add ("/ui/desktop/desktop-language", Fixture, NULL, fixture_set_up, test_desktop_language,
              fixture_tear_down);
  g_test_add ("/ui/desktop/accessible-names", Fixture, NULL, fixture_set_up, test_accessible_names,
              fixture_tear_down);

  status = g_test_run ();
  test_remove_tree (home);
  return status;
}
