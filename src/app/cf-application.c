/* cf-application.c
 *
 * Copyright 2026 The Conformity Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cf-application"

#include "config.h"

#include <glib/gi18n.h>

#include "cf-application.h"
#include "cf-review-window.h"
#include "cf-context.h"
#include "cf-deadline-alerts.h"
#include "cf-evidence-list.h"
#include "cf-preferences-window.h"
#include "cf-window.h"

struct _CfApplication
{
  AdwApplication  parent_instance;

  char           *db_path;    /* from --db, else NULL */
  CfContext      *context;
  CfDeadlineAlerts *alerts;
};

G_DEFINE_FINAL_TYPE (CfApplication, cf_application, ADW_TYPE_APPLICATION)

static const GOptionEntry option_entries[] = {
  { "db", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Open the project database PATH instead of the default one"), N_("PATH") },
  { "version", 0, 0, G_OPTION_ARG_NONE, NULL, N_("Show the version and exit"), NULL },
  { NULL }
};

static void
startup_error_response_cb (AdwMessageDialog *dialog,
                           const char       *response,
                           CfApplication    *self)
{
  g_application_quit (G_APPLICATION (self));
}

/* Without its database the app cannot do anything useful; say exactly why
 * (the message names the file and the problem) and leave the file alone. */
static void
show_startup_error (CfApplication *self,
                    const GError  *error)
{
  GtkWidget *dialog;

  dialog = adw_message_dialog_new (NULL, _("The Project Database Cannot Be Opened"), error->message);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "quit", _("_Quit"));
  adw_message_dialog_set_body_use_markup (ADW_MESSAGE_DIALOG (dialog), FALSE);
  gtk_window_set_application (GTK_WINDOW (dialog), GTK_APPLICATION (self));
  g_signal_connect_object (dialog, "response", G_CALLBACK (startup_error_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static gboolean
ensure_context (CfApplication  *self,
                GError        **error)
{
  g_autofree char *path = NULL;
  g_autoptr(CfStore) store = NULL;
  g_autoptr(CfCatalogue) catalogue = NULL;

  if (self->context != NULL)
    return TRUE;

  path = cf_store_resolve_path (self->db_path);
  store = cf_store_open (path, error);
  if (store == NULL)
    return FALSE;

  catalogue = cf_catalogue_load_default (error);
  if (catalogue == NULL)
    return FALSE;

  self->context = cf_context_new (store, catalogue);
  return TRUE;
}

static void
quit_action_cb (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  GtkApplication *app = user_data;
  /* Closing one window can destroy others (the main window takes the
   * Keyboard Shortcuts window with it) and so change the application's
   * list: walk a copy, and close only the windows still open. */
  GList *windows = g_list_copy_deep (gtk_application_get_windows (app), (GCopyFunc) g_object_ref, NULL);

  /* Closing windows (rather than quitting) lets editors ask about unsaved changes. */
  for (GList *l = windows; l != NULL; l = l->next)
    if (g_list_find (gtk_application_get_windows (app), l->data) != NULL)
      gtk_window_close (l->data);
  g_list_free_full (windows, g_object_unref);
}

static void
about_action_cb (GSimpleAction *action,
                 GVariant      *parameter,
                 gpointer       user_data)
{
  GtkApplication *app = user_data;
  static const char *developers[] = { "The Conformity Authors", NULL };
  static const char *libraries[] = {
    "GTK https://gtk.org", "libadwaita https://gnome.pages.gitlab.gnome.org/libadwaita/",
    "SQLite https://sqlite.org", "libharu http://libharu.org", "libxml2 https://gitlab.gnome.org/GNOME/libxml2",
    "json-glib https://gitlab.gnome.org/GNOME/json-glib", "libarchive https://libarchive.org",
    "GPGME https://gnupg.org/software/gpgme/", "Cairo https://cairographics.org", NULL,
  };
  GtkWidget *about;

  about = g_object_new (ADW_TYPE_ABOUT_WINDOW,
                        "transient-for", gtk_application_get_active_window (app),
                        "application-name", _("Conformity"),
                        "application-icon", APP_ID,
                        "version", PACKAGE_VERSION,
                        "developer-name", _("The Conformity Authors"),
                        "developers", developers,
                        /* Translators: your names, one per line, with an e-mail address in
                         * <angle brackets> if you wish; shown in the About window */
                        "translator-credits", _("translator-credits"),
                        "comments", _("Prepare the EU Declaration of Conformity and the technical "
                                      "documentation for the Cyber Resilience Act, Regulation "
                                      "(EU) 2024/2847. Conformity explains the Regulation and keeps "
                                      "a record of your decisions; it is not legal advice."),
                        "website", "https://github.com/conformity/conformity",
                        "support-url", "https://github.com/conformity/conformity/blob/main/docs/USER-GUIDE.md",
                        "issue-url", "https://github.com/conformity/conformity/issues",
                        "license-type", GTK_LICENSE_GPL_3_0,
                        "copyright", "© 2026 The Conformity Authors",
                        "release-notes-version", PACKAGE_VERSION,
                        "release-notes", _("<p>The first release:</p><ul>"
                                           "<li>Scope check and classification, the risk assessment of "
                                           "Annex I, evidence and SBOMs</li>"
                                           "<li>The declaration, the simplified declaration, the information "
                                           "for users and the technical documentation, in English, German "
                                           "and French</li>"
                                           "<li>Dossiers for notified bodies and their review</li>"
                                           "<li>Vulnerability handling and Article 14 reporting, with desktop "
                                           "notifications</li></ul>"),
                        NULL);
  adw_about_window_add_acknowledgement_section (ADW_ABOUT_WINDOW (about), _("Built With"), libraries);
  adw_about_window_add_legal_section (ADW_ABOUT_WINDOW (about), _("The Regulation"),
                                      _("Texts of Regulation (EU) 2024/2847 are reproduced from the "
                                        "Official Journal of the European Union, © European Union, "
                                        "https://eur-lex.europa.eu. Only the Official Journal’s text is "
                                        "authentic."),
                                      GTK_LICENSE_CUSTOM, NULL);
  gtk_window_present (GTK_WINDOW (about));
}

/* Without the installed schema (an uninstalled run without
 * GSETTINGS_SCHEMA_DIR) there is nothing to edit, and g_settings_new()
 * would abort. */
static void
preferences_action_cb (GSimpleAction *action,
                       GVariant      *parameter,
                       gpointer       user_data)
{
  GtkApplication *app = user_data;
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;
  g_autoptr(GSettings) settings = NULL;

  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, APP_ID, TRUE);
  if (schema == NULL)
    {
      g_warning ("The settings schema %s is not installed", APP_ID);
      return;
    }

  settings = g_settings_new (APP_ID);
  gtk_window_present (GTK_WINDOW (cf_preferences_window_new (gtk_application_get_active_window (app),
                                                             settings)));
}

static CfWindow *
find_main_window (GtkApplication *app)
{
  for (GList *l = gtk_application_get_windows (app); l != NULL; l = l->next)
    if (CF_IS_WINDOW (l->data))
      return l->data;
  return NULL;
}

/* A deadline notification's default action: the project's window, open at
 * the reporting deadlines of every product. */
static void
show_deadlines_action_cb (GSimpleAction *action,
                          GVariant      *parameter,
                          gpointer       user_data)
{
  GtkApplication *app = user_data;
  CfWindow *window = find_main_window (app);

  if (window == NULL)
    {
      g_application_activate (G_APPLICATION (app));
      window = find_main_window (app);
    }
  if (window == NULL)
    return;

  gtk_window_present (GTK_WINDOW (window));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-deadlines", NULL);
}

static const GActionEntry app_actions[] = {
  { "quit", quit_action_cb },
  { "about", about_action_cb },
  { "preferences", preferences_action_cb },
  { "show-deadlines", show_deadlines_action_cb },
};

static gint
cf_application_handle_local_options (GApplication *app,
                                     GVariantDict *options)
{
  CfApplication *self = CF_APPLICATION (app);
  const char *db = NULL;

  if (g_variant_dict_contains (options, "version"))
    {
      g_print ("%s %s\n", PACKAGE_NAME, PACKAGE_VERSION);
      return 0;
    }

  /* Another database is another project: it gets its own instance rather
   * than being handed to a running one that has a different file open. */
  if (g_variant_dict_lookup (options, "db", "^&ay", &db))
    {
      g_free (self->db_path);
      self->db_path = g_strdup (db);
      g_application_set_flags (app, g_application_get_flags (app) | G_APPLICATION_NON_UNIQUE);
    }

  return -1;
}

static void
cf_application_startup (GApplication *app)
{
  static const char *quit_accels[] = { "<Control>q", NULL };
  static const char *preferences_accels[] = { "<Control>comma", NULL };

  G_APPLICATION_CLASS (cf_application_parent_class)->startup (app);

  g_action_map_add_action_entries (G_ACTION_MAP (app), app_actions, G_N_ELEMENTS (app_actions), app);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "app.quit", quit_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "app.preferences", preferences_accels);
}

static void
cf_application_activate (GApplication *app)
{
  CfApplication *self = CF_APPLICATION (app);
  g_autoptr(GError) error = NULL;
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));

  if (window != NULL)
    {
      gtk_window_present (window);
      return;
    }

  if (!ensure_context (self, &error))
    {
      show_startup_error (self, error);
      return;
    }

  /* From now on, the desktop hears of every report falling due. */
  if (self->alerts == NULL)
    self->alerts = cf_deadline_alerts_new (app, cf_context_get_store (self->context));

  window = GTK_WINDOW (cf_window_new (GTK_APPLICATION (app), self->context));
  gtk_window_present (window);
}

/* `conformity DOSSIER.zip…`: each dossier opens for review beside the
 * project's window; the review is kept in that project. */
static void
cf_application_open (GApplication  *app,
                     GFile        **files,
                     int            n_files,
                     const char    *hint)
{
  CfApplication *self = CF_APPLICATION (app);
  GtkWindow *window;

  cf_application_activate (app);
  window = gtk_application_get_active_window (GTK_APPLICATION (app));
  if (window == NULL || self->context == NULL)
    return;

  for (int i = 0; i < n_files; i++)
    gtk_window_present (GTK_WINDOW (cf_review_window_new (window, self->context, files[i])));
}

static void
cf_application_dispose (GObject *object)
{
  CfApplication *self = CF_APPLICATION (object);

  g_clear_object (&self->alerts);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (cf_application_parent_class)->dispose (object);
}

static void
cf_application_finalize (GObject *object)
{
  CfApplication *self = CF_APPLICATION (object);

  g_clear_pointer (&self->db_path, g_free);

  G_OBJECT_CLASS (cf_application_parent_class)->finalize (object);
}

static void
cf_application_shutdown (GApplication *app)
{
  cf_evidence_list_remove_opened_copies ();

  G_APPLICATION_CLASS (cf_application_parent_class)->shutdown (app);
}

static void
cf_application_class_init (CfApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->dispose = cf_application_dispose;
  object_class->finalize = cf_application_finalize;
  app_class->handle_local_options = cf_application_handle_local_options;
  app_class->startup = cf_application_startup;
  app_class->activate = cf_application_activate;
  app_class->open = cf_application_open;
  app_class->shutdown = cf_application_shutdown;
}

static void
cf_application_init (CfApplication *self)
{
  g_application_add_main_option_entries (G_APPLICATION (self), option_entries);
}

CfApplication *
cf_application_new (void)
{
  return g_object_new (CF_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_HANDLES_OPEN,
                       "resource-base-path", RESOURCE_BASE,
                       NULL);
}
