/* test-ui-deadlines.c — the reporting deadlines of every product, driven
 * through the real window, and the desktop notifications they send, caught
 * by a notification server of the test's own on the session bus
 *
 * Copyright 2026 The Conformity Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "cf-application.h"
#include "cf-case.h"
#include "cf-case-editor.h"
#include "cf-deadline.h"
#include "cf-product.h"
#include "cf-store.h"
#include "cf-window.h"
#include "ui-harness.h"

/* The notification server: org.freedesktop.Notifications, as a desktop
 * shell provides it, on a connection of its own. */

typedef struct
{
  guint32  id;
  guint32  replaces_id;
  char    *summary;
  char    *body;
  char   **actions;
} Received;

static const char server_xml[] =
  "<node>"
  "  <interface name='org.freedesktop.Notifications'>"
  "    <method name='Notify'>"
  "      <arg type='s' direction='in'/><arg type='u' direction='in'/><arg type='s' direction='in'/>"
  "      <arg type='s' direction='in'/><arg type='s' direction='in'/><arg type='as' direction='in'/>"
  "      <arg type='a{sv}' direction='in'/><arg type='i' direction='in'/>"
  "      <arg type='u' direction='out'/>"
  "    </method>"
  "    <method name='CloseNotification'><arg type='u' direction='in'/></method>"
  "    <method name='GetCapabilities'><arg type='as' direction='out'/></method>"
  "    <method name='GetServerInformation'>"
  "      <arg type='s' direction='out'/><arg type='s' direction='out'/>"
  "      <arg type='s' direction='out'/><arg type='s' direction='out'/>"
  "    </method>"
  "    <signal name='ActionInvoked'><arg type='u'/><arg type='s'/></signal>"
  "    <signal name='NotificationClosed'><arg type='u'/><arg type='u'/></signal>"
  "  </interface>"
  "</node>";

static GDBusConnection *server_bus;
static GPtrArray *received;
static guint32 next_id = 1;
static gboolean name_owned;

static void
received_free (Received *r)
{
  g_free (r->summary);
  g_free (r->body);
  g_strfreev (r->actions);
  g_free (r);
}

static void
server_method_cb (GDBusConnection       *connection,
                  const char            *sender,
                  const char            *object_path,
                  const char            *interface_name,
                  const char            *method_name,
                  GVariant              *parameters,
                  GDBusMethodInvocation *invocation,
                  gpointer               user_data)
{
  if (g_str_equal (method_name, "Notify"))
    {
      Received *r = g_new0 (Received, 1);
      const char *summary, *body;

      g_variant_get (parameters, "(&su&s&s&s^as@a{sv}i)",
                     NULL, &r->replaces_id, NULL, &summary, &body, &r->actions, NULL, NULL);
      r->summary = g_strdup (summary);
      r->body = g_strdup (body);
      r->id = r->replaces_id != 0 ? r->replaces_id : next_id++;
      g_ptr_array_add (received, r);
      g_dbus_method_invocation_return_value (invocation, g_variant_new ("(u)", r->id));
    }
  else if (g_str_equal (method_name, "CloseNotification"))
    g_dbus_method_invocation_return_value (invocation, NULL);
  else if (g_str_equal (method_name, "GetCapabilities"))
    {
      const char * const capabilities[] = { "actions", "body", NULL };

      g_dbus_method_invocation_return_value (invocation, g_variant_new ("(^as)", capabilities));
    }
  else
    g_dbus_method_invocation_return_value (invocation, g_variant_new ("(ssss)", "test-server",
                                                                      "Conformity", "1", "1.2"));
}

static void
name_acquired_cb (GDBusConnection *connection,
                  const char      *name,
                  gpointer         user_data)
{
  name_owned = TRUE;
}

static gboolean
is_true (gpointer flag)
{
  return *(gboolean *) flag;
}

/* Returns FALSE where there is no session bus to serve on. */
static gboolean
start_server (void)
{
  static const GDBusInterfaceVTable vtable = { server_method_cb, NULL, NULL, { 0 } };
  g_autoptr(GDBusNodeInfo) info = NULL;
  g_autoptr(GError) error = NULL;
  const char *address = g_getenv ("DBUS_SESSION_BUS_ADDRESS");

  received = g_ptr_array_new_with_free_func ((GDestroyNotify) received_free);
  if (address == NULL)
    return FALSE;

  server_bus = g_dbus_connection_new_for_address_sync (address,
                                                       G_DBUS_CONNECTION_FLAGS_AUTHENTICATION_CLIENT |
                                                       G_DBUS_CONNECTION_FLAGS_MESSAGE_BUS_CONNECTION,
                                                       NULL, NULL, &error);
  g_assert_no_error (error);
  info = g_dbus_node_info_new_for_xml (server_xml, &error);
  g_assert_no_error (error);
  g_dbus_connection_register_object (server_bus, "/org/freedesktop/Notifications", info->interfaces[0],
                                     &vtable, NULL, NULL, &error);
  g_assert_no_error (error);
  g_bus_own_name_on_connection (server_bus, "org.freedesktop.Notifications", G_BUS_NAME_OWNER_FLAGS_NONE,
                                name_acquired_cb, NULL, NULL, NULL);
  ui_spin_until (is_true, &name_owned, "the notification server owns its name");
  return TRUE;
}

/* The last notification whose summary and body hold both words. */
static Received *
find_received (const char *word,
               const char *other)
{
  for (guint i = received->len; i > 0; i--)
    {
      Received *r = g_ptr_array_index (received, i - 1);
      g_autofree char *text = g_strconcat (r->summary, "\n", r->body, NULL);
      g_autofree char *folded = g_utf8_strdown (text, -1);
      g_autofree char *word_folded = g_utf8_strdown (word, -1);
      g_autofree char *other_folded = g_utf8_strdown (other, -1);

      if (strstr (folded, word_folded) != NULL && strstr (folded, other_folded) != NULL)
        return r;
    }
  return NULL;
}

typedef struct
{
  const char *word;
  const char *other;
} Wanted;

static gboolean
has_received (gpointer data)
{
  Wanted *wanted = data;

  return find_received (wanted->word, wanted->other) != NULL;
}

static Received *
wait_for_notification (const char *word,
                       const char *other)
{
  Wanted wanted = { word, other };
  g_autofree char *what = g_strdup_printf ("a notification saying “%s” and “%s” arrives", word, other);

  ui_spin_until (has_received, &wanted, what);
  return find_received (word, other);
}

static void
ping_cb (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(GVariant) reply = g_dbus_connection_call_finish (G_DBUS_CONNECTION (source), result, NULL);

  *(gboolean *) user_data = TRUE;
}

/* Messages between two connections keep their order: once the application
 * answers a ping sent after the server's last reply, that reply has reached
 * it, and the main loop has handed it on. */
static void
wait_for_replies (GApplication *app)
{
  GDBusConnection *bus = g_application_get_dbus_connection (app);
  gboolean answered = FALSE;

  g_dbus_connection_call (server_bus, g_dbus_connection_get_unique_name (bus), "/",
                          "org.freedesktop.DBus.Peer", "Ping", NULL, NULL,
                          G_DBUS_CALL_FLAGS_NONE, -1, NULL, ping_cb, &answered);
  ui_spin_until (is_true, &answered, "the application answers a ping");
  while (g_main_context_pending (NULL))
    g_main_context_iteration (NULL, FALSE);
}

/* The project and the application */

typedef struct
{
  char          *dir;
  char          *db;
  CfApplication *app;
  CfWindow      *window;
  CfStore       *store;      /* the application's own */
} Fixture;

static char *
hours_ago (double hours)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GDateTime) then = g_date_time_add_seconds (now, -hours * 3600);

  return g_date_time_format_iso8601 (then);
}

static gint64
add_product (CfStore    *store,
             const char *name)
{
  g_autoptr(CfProduct) product = cf_product_new ();
  g_autoptr(GError) error = NULL;
  gint64 id;

  cf_record_set_field (CF_RECORD (product), "name", name);
  cf_record_set_field (CF_RECORD (product), "model", "M-1");
  id = cf_store_add_product (store, product, &error);
  g_assert_no_error (error);
  return id;
}

/* An actively exploited vulnerability the manufacturer became aware of
 * @hours ago: its early warning is due 24 hours after. */
static gint64
add_case (CfStore    *store,
          gint64      product_id,
          const char *title,
          double      hours)
{
  g_autoptr(CfCase) c = cf_case_new (CF_CASE_VULNERABILITY);
  g_autoptr(GError) error = NULL;
  g_autofree char *aware_at = hours_ago (hours);
  gint64 id;

  cf_record_set_field (CF_RECORD (c), "title", title);
  cf_record_set_field (CF_RECORD (c), "aware-at", aware_at);
  cf_case_set_exploited (c, TRUE);
  id = cf_store_add_case (store, product_id, c, &error);
  g_assert_no_error (error);
  return id;
}

static void
mark_sent (CfStore      *store,
           gint64        case_id,
           CfReportStep  step)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *sent_at = hours_ago (0);

  cf_store_mark_step_sent (store, case_id, step, sent_at, "CSIRT", NULL, "The report.", &error);
  g_assert_no_error (error);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  if (server_bus == NULL)
    {
      g_test_skip ("No session bus for the notification server");
      return;
    }

  g_ptr_array_set_size (received, 0);
  f->dir = g_dir_make_tmp ("cf-ui-deadlines-XXXXXX", &error);
  g_assert_no_error (error);
  f->db = g_build_filename (f->dir, "project.db", NULL);
  g_setenv ("CONFORMITY_DB", f->db, TRUE);
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
  if (f->dir == NULL)
    return;

  g_clear_object (&f->store);
  ui_quit_app (&f->app);
  test_remove_tree (f->dir);
  g_unsetenv ("CONFORMITY_DB");
  g_free (f->db);
  g_free (f->dir);
}

/* The window's main stack: the one with the dashboard in it. */
static GtkStack *
main_stack (GtkWidget *root)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkStack *found;

      if (GTK_IS_STACK (child) && gtk_stack_get_child_by_name (GTK_STACK (child), "deadlines") != NULL)
        return GTK_STACK (child);
      found = main_stack (child);
      if (found != NULL)
        return found;
    }
  return NULL;
}

static const char *
visible_page (Fixture *f)
{
  return gtk_stack_get_visible_child_name (main_stack (GTK_WIDGET (f->window)));
}

static gboolean
dashboard_shown (gpointer data)
{
  return g_strcmp0 (visible_page (data), "deadlines") == 0;
}

/* The rows of a list, by name, in the order shown. */
static char *
row_names (Fixture    *f,
           const char *list_name)
{
  GtkWidget *list = ui_find_named (GTK_WIDGET (f->window), list_name);
  g_autoptr(GString) names = g_string_new (NULL);

  g_assert_nonnull (list);
  for (GtkWidget *row = gtk_widget_get_first_child (list); row; row = gtk_widget_get_next_sibling (row))
    if (GTK_IS_LIST_BOX_ROW (row) && gtk_widget_get_visible (row))
      g_string_append_printf (names, "%s%s", names->len > 0 ? " " : "", gtk_widget_get_name (row));
  return g_string_free (g_steal_pointer (&names), FALSE);
}

static GtkWidget *
find_row (Fixture *f,
          gint64   case_id,
          const char *step)
{
  g_autofree char *name = g_strdup_printf ("deadline-%" G_GINT64_FORMAT "-%s", case_id, step);

  return ui_find_named (GTK_WIDGET (f->window), name);
}

/* An image under @root showing @icon_name. */
static GtkWidget *
find_icon (GtkWidget  *root,
           const char *icon_name)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (GTK_IS_IMAGE (child) && g_strcmp0 (gtk_image_get_icon_name (GTK_IMAGE (child)), icon_name) == 0)
        return child;
      found = find_icon (child, icon_name);
      if (found != NULL)
        return found;
    }
  return NULL;
}

static gboolean
banner_shown (Fixture *f)
{
  GtkWidget *banner = ui_find_named (GTK_WIDGET (f->window), "overdue-banner");

  g_assert_true (GTK_IS_REVEALER (banner));
  return gtk_revealer_get_reveal_child (GTK_REVEALER (banner));
}

static const char *
banner_text (Fixture *f)
{
  GtkWidget *banner = ui_find_named (GTK_WIDGET (f->window), "overdue-banner");
  GtkWidget *label = ui_find_descendant (banner, GTK_TYPE_LABEL);

  return gtk_label_get_text (GTK_LABEL (label));
}

static gboolean
case_editor_shown (gpointer data)
{
  return ui_find_toplevel (CF_TYPE_CASE_EDITOR) != NULL;
}

static gboolean
overdue_row_gone (gpointer data)
{
  return find_row (data, 1, "early-warning") == NULL;
}

/* The sidebar's list of products. */
static GtkWidget *
find_product_list (GtkWidget  *root,
                   GListModel *products)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (GTK_IS_LIST_VIEW (child))
        {
          GtkSelectionModel *model = gtk_list_view_get_model (GTK_LIST_VIEW (child));

          if (GTK_IS_SINGLE_SELECTION (model) &&
              gtk_single_selection_get_model (GTK_SINGLE_SELECTION (model)) == products)
            return child;
        }
      found = find_product_list (child, products);
      if (found != NULL)
        return found;
    }
  return NULL;
}

/* Chooses the first product in the sidebar. */
static void
select_first_product (Fixture *f)
{
  GtkWidget *list = find_product_list (GTK_WIDGET (f->window), cf_window_get_products (f->window));

  g_assert_nonnull (list);
  g_signal_emit_by_name (list, "activate", 0);
}

/* Tests */

/* Due within hours, due in days, overdue: the desktop hears of the first
 * and the last, once each, and a notification's default action opens the
 * dashboard. */
static void
test_notifications (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(CfCase) soon_case = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *earlier = hours_ago (25);
  Received *r;
  guint32 soon_id;
  gint64 product_id, soon, later, overdue;

  if (f->dir == NULL)
    return;
  start_app (f);
  g_assert_cmpuint (received->len, ==, 0);
  product_id = add_product (f->store, "Harbour Gateway");

  /* The early warning is due in two hours. */
  soon = add_case (f->store, product_id, "Remote code execution", 22);
  r = wait_for_notification ("Case 1", "Early warning");
  g_assert_nonnull (strstr (r->body, "Remote code execution"));
  g_assert_nonnull (strstr (r->body, "Harbour Gateway"));
  g_assert_null (strstr (r->summary, "overdue"));
  g_assert_true (g_strv_contains ((const char * const *) r->actions, "default"));
  soon_id = r->id;
  wait_for_replies (G_APPLICATION (f->app));

  /* Its next report is due in three days: nothing to say yet. */
  later = add_case (f->store, product_id, "Information disclosure", 0.1);
  mark_sent (f->store, later, CF_STEP_EARLY_WARNING);

  /* Overdue by six hours. Notifications arrive in the order sent, so had
   * the case due in three days sent one, it would be here already. */
  overdue = add_case (f->store, product_id, "Credential leak", 30);
  r = wait_for_notification ("Case 3", "overdue");
  g_assert_nonnull (strstr (r->summary, "Early warning"));
  g_assert_nonnull (strstr (r->body, "Overdue by 6 h"));
  g_assert_null (find_received ("Case 2", ""));
  g_assert_cmpuint (received->len, ==, 2);

  /* The first case's time of awareness was earlier than recorded: its
   * early warning is overdue now, and that replaces the first notice. */
  soon_case = cf_store_get_case (f->store, soon, &error);
  g_assert_no_error (error);
  cf_record_set_field (CF_RECORD (soon_case), "aware-at", earlier);
  g_assert_true (cf_store_update_case (f->store, soon_case, &error));
  g_assert_no_error (error);
  r = wait_for_notification ("Case 1", "overdue");
  g_assert_cmpuint (r->replaces_id, ==, soon_id);
  g_assert_cmpuint (received->len, ==, 3);

  /* Clicking the notification opens the deadlines of every product. */
  g_assert_cmpstr (visible_page (f), ==, "product");
  g_dbus_connection_emit_signal (server_bus, NULL, "/org/freedesktop/Notifications",
                                 "org.freedesktop.Notifications", "ActionInvoked",
                                 g_variant_new ("(us)", r->id, "default"), &error);
  g_assert_no_error (error);
  ui_spin_until (dashboard_shown, f, "the dashboard is shown");
  g_assert_nonnull (find_row (f, overdue, "early-warning"));
}

/* Cases of two products: the overdue step first and marked as such, the
 * rest soonest first, the steps without a due time last with their reason. */
static void
test_dashboard (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *due = NULL;
  g_autofree char *undated = NULL;
  g_autofree char *due_after = NULL;
  GtkWidget *entry, *row, *icon, *show, *count;
  AdwViewStack *views;
  CfCaseEditor *editor;
  CfStore *store;
  gint64 gateway, thermostat, overdue, later;

  if (f->dir == NULL)
    return;

  store = cf_store_open (f->db, &error);
  g_assert_no_error (error);
  gateway = add_product (store, "Harbour Gateway");
  thermostat = add_product (store, "Solace Thermostat");
  overdue = add_case (store, gateway, "Remote code execution", 30);
  later = add_case (store, thermostat, "Denial of service", 2);
  g_object_unref (store);

  /* What is overdue already is told as the application starts. */
  start_app (f);
  wait_for_notification ("Case 1", "overdue");

  /* Over the product, a banner says a report is overdue; the sidebar
   * counts the reports still to be submitted. */
  g_assert_cmpstr (visible_page (f), ==, "product");
  g_assert_true (banner_shown (f));
  g_assert_cmpstr (banner_text (f), ==, "1 reporting deadline is overdue");
  g_assert_cmpstr (ui_label_text (GTK_WIDGET (f->window), "deadlines-count"), ==, "6");

  entry = ui_find_named (GTK_WIDGET (f->window), "deadlines-entry");
  g_assert_nonnull (entry);
  gtk_widget_activate (entry);
  ui_spin_until (dashboard_shown, f, "the dashboard is shown");
  g_assert_false (banner_shown (f));
  g_assert_cmpint (cf_window_get_selected_product_id (f->window), ==, 0);

  due = row_names (f, "deadlines-due");
  g_assert_cmpstr (due, ==, "deadline-1-early-warning deadline-2-early-warning "
                            "deadline-1-notification deadline-2-notification");
  undated = row_names (f, "deadlines-undated");
  g_assert_cmpstr (undated, ==, "deadline-1-final-report deadline-2-final-report");

  /* Overdue: in words, with an icon, styled as an error. */
  row = find_row (f, overdue, "early-warning");
  g_assert_true (gtk_widget_has_css_class (row, "error"));
  icon = find_icon (row, "dialog-warning-symbolic");
  g_assert_nonnull (icon);
  g_assert_true (gtk_widget_has_css_class (icon, "error"));
  g_assert_true (g_str_has_prefix (ui_label_text (row, "time-left"), "Overdue by 6 h"));
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), "Early warning"));
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), "Harbour Gateway"));
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), "UTC"));
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==,
                   "Case 1: Remote code execution");

  row = find_row (f, later, "early-warning");
  g_assert_false (gtk_widget_has_css_class (row, "error"));
  g_assert_null (find_icon (row, "dialog-warning-symbolic"));
  g_assert_true (g_str_has_suffix (ui_label_text (row, "time-left"), "left"));
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), "Solace Thermostat"));

  row = find_row (f, later, "final-report");
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), "none is available yet"));

  /* A row leads to its case, in its product's vulnerabilities. */
  gtk_widget_activate (find_row (f, later, "notification"));
  g_assert_cmpstr (visible_page (f), ==, "product");
  g_assert_cmpint (cf_window_get_selected_product_id (f->window), ==, thermostat);
  views = ADW_VIEW_STACK (ui_find_descendant (GTK_WIDGET (f->window), ADW_TYPE_VIEW_STACK));
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (views), ==, "vulnerabilities");
  ui_spin_until (case_editor_shown, NULL, "the case opens");
  editor = ui_find_toplevel (CF_TYPE_CASE_EDITOR);
  g_assert_cmpint (cf_case_editor_get_case_id (editor), ==, later);
  gtk_window_destroy (GTK_WINDOW (editor));

  /* The banner is back over the product, and leads to the dashboard. */
  g_assert_true (banner_shown (f));
  show = ui_find_button (ui_find_named (GTK_WIDGET (f->window), "overdue-banner"), "_Show");
  ui_click (show);
  ui_spin_until (dashboard_shown, f, "the dashboard is shown");

  /* Submitted: the step leaves the dashboard, the count and the alarm. */
  mark_sent (f->store, overdue, CF_STEP_EARLY_WARNING);
  ui_spin_until (overdue_row_gone, f, "the submitted step leaves the dashboard");
  g_assert_cmpstr (ui_label_text (GTK_WIDGET (f->window), "deadlines-count"), ==, "5");
  count = ui_find_named (GTK_WIDGET (f->window), "deadlines-count");
  g_assert_false (gtk_widget_has_css_class (count, "overdue"));
  g_assert_true (g_str_has_prefix (ui_label_text (GTK_WIDGET (f->window), "deadlines-summary"),
                                   "5 reports"));
  due_after = row_names (f, "deadlines-due");
  g_assert_cmpstr (due_after, ==,
                   "deadline-2-early-warning deadline-1-notification deadline-2-notification");

  /* Nor is there a banner over the products any more. */
  select_first_product (f);
  g_assert_cmpstr (visible_page (f), ==, "product");
  g_assert_false (banner_shown (f));
}

/* An empty project says there is nothing to report, and no alarm rings. */
static gboolean
has_one_product (gpointer data)
{
  Fixture *f = data;

  return g_list_model_get_n_items (cf_window_get_products (f->window)) == 1;
}

static void
test_empty (Fixture       *f,
            gconstpointer  data)
{
  GtkWidget *count, *status;

  if (f->dir == NULL)
    return;
  start_app (f);

  count = ui_find_named (GTK_WIDGET (f->window), "deadlines-count");
  g_assert_false (gtk_widget_get_visible (count));
  gtk_widget_activate (ui_find_named (GTK_WIDGET (f->window), "deadlines-entry"));
  ui_spin_until (dashboard_shown, f, "the dashboard is shown");
  status = ui_find_descendant (gtk_stack_get_child_by_name (main_stack (GTK_WIDGET (f->window)), "deadlines"),
                         ADW_TYPE_STATUS_PAGE);
  g_assert_nonnull (status);
  g_assert_cmpstr (adw_status_page_get_title (ADW_STATUS_PAGE (status)), ==, "No Reporting Deadlines");
  g_assert_true (gtk_widget_get_mapped (status));
  g_assert_false (banner_shown (f));

  /* Adding a product leaves the user where they were. */
  add_product (f->store, "Harbour Gateway");
  ui_spin_until (has_one_product, f, "the product is listed");
  g_assert_cmpstr (visible_page (f), ==, "deadlines");
  g_assert_cmpuint (received->len, ==, 0);
}

static gboolean
editor_closed (gpointer data)
{
  return ui_find_toplevel (CF_TYPE_CASE_EDITOR) == NULL;
}

/* The whole way through the window: a vulnerability recorded in the
 * product's Vulnerabilities tab appears on the dashboard with its clock. */
static void
test_recorded_case_on_dashboard (Fixture       *f,
                                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *aware_at = NULL;
  g_autofree char *due = NULL;
  GtkWidget *cases_view, *row;
  AdwViewStack *views;
  CfCaseEditor *editor;
  CfStore *store;

  if (f->dir == NULL)
    return;

  store = cf_store_open (f->db, &error);
  g_assert_no_error (error);
  add_product (store, "Harbour Gateway");
  g_object_unref (store);
  start_app (f);

  views = ADW_VIEW_STACK (ui_find_descendant (GTK_WIDGET (f->window), ADW_TYPE_VIEW_STACK));
  adw_view_stack_set_visible_child_name (views, "vulnerabilities");
  cases_view = adw_view_stack_get_visible_child (views);
  ui_click (ui_find_button (cases_view, "Add _Vulnerability…"));
  ui_spin_until (case_editor_shown, NULL, "the case editor opens");
  editor = ui_find_toplevel (CF_TYPE_CASE_EDITOR);

  /* Aware an hour ago, to the minute, as a person types it. */
  {
    g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
    g_autoptr(GDateTime) then = g_date_time_add_hours (now, -1);

    aware_at = g_date_time_format (then, "%Y-%m-%dT%H:%MZ");
  }
  gtk_editable_set_text (GTK_EDITABLE (cf_case_editor_get_field_widget (editor, "title")),
                         "Signed firmware check can be skipped");
  gtk_editable_set_text (GTK_EDITABLE (cf_case_editor_get_field_widget (editor, "aware-at")), aware_at);
  gtk_switch_set_active (GTK_SWITCH (ui_find_named (GTK_WIDGET (editor), "exploited")), TRUE);
  ui_click (cf_case_editor_get_save_button (editor));
  ui_spin_until (editor_closed, NULL, "the case editor closes");

  /* The sidebar counts its three steps; the dashboard lists them. */
  g_assert_cmpstr (ui_label_text (GTK_WIDGET (f->window), "deadlines-count"), ==, "3");
  gtk_widget_activate (ui_find_named (GTK_WIDGET (f->window), "deadlines-entry"));
  ui_spin_until (dashboard_shown, f, "the dashboard is shown");
  due = row_names (f, "deadlines-due");
  g_assert_cmpstr (due, ==, "deadline-1-early-warning deadline-1-notification");
  row = find_row (f, 1, "early-warning");
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==,
                   "Case 1: Signed firmware check can be skipped");
  g_assert_false (gtk_widget_has_css_class (row, "error"));
  g_assert_true (g_str_has_prefix (ui_label_text (row, "time-left"), "22 h") ||
                 g_str_has_prefix (ui_label_text (row, "time-left"), "23 h"));
  g_assert_nonnull (find_row (f, 1, "final-report"));
}

static void
test_no_display (void)
{
  g_test_skip ("No display");
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *home = ui_isolate_user_dirs ();
  int status;

  /* Before any application picks its notification backend. */
  g_setenv ("GNOTIFICATION_BACKEND", "freedesktop", TRUE);
  g_test_init (&argc, &argv, NULL);

  if (!gtk_init_check ())
    {
      g_test_add_func ("/ui/no-display", test_no_display);
      return g_test_run ();
    }
  adw_init ();
  start_server ();

  g_test_add ("/ui/deadlines/notifications", Fixture, NULL, fixture_set_up, test_notifications,
              fixture_tear_down);
  g_test_add ("/ui/deadlines/recorded-case", Fixture, NULL, fixture_set_up,
              test_recorded_case_on_dashboard, fixture_tear_down);
  g_test_add ("/ui/deadlines/dashboard", Fixture, NULL, fixture_set_up, test_dashboard, fixture_tear_down);
  g_test_add ("/ui/deadlines/empty", Fixture, NULL, fixture_set_up, test_empty, fixture_tear_down);

  status = g_test_run ();
  test_remove_tree (home);
  return status;
}
