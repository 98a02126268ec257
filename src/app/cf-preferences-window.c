/* cf-preferences-window.c
 *
 * Copyright 2026 The Conformity Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cf-preferences-window"

#include "config.h"

#include <glib/gi18n.h>

#include "cf-document-info.h"
#include "cf-preferences-window.h"

/* The window edits GSettings directly: every change applies at once and is
 * kept, as in GNOME's own applications. Sizes are stored in bytes and shown
 * in MiB. */
#define MIB (G_GUINT64_CONSTANT (1) << 20)

struct _CfPreferencesWindow
{
  AdwPreferencesWindow  parent_instance;

  /* Template widgets */
  AdwComboRow          *language_row;
  GtkStringList        *language_names;
  GtkSpinButton        *evidence_limit;
  GtkSpinButton        *sbom_limit;
  AdwEntryRow          *signing_key_row;

  GSettings            *settings;
};

G_DEFINE_FINAL_TYPE (CfPreferencesWindow, cf_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

static gboolean
language_to_position (GValue   *value,
                      GVariant *variant,
                      gpointer  user_data)
{
  const char * const *languages = cf_document_language_list ();
  const char *id = g_variant_get_string (variant, NULL);

  for (guint i = 0; languages[i] != NULL; i++)
    if (g_str_equal (languages[i], id))
      {
        g_value_set_uint (value, i);
        return TRUE;
      }
  return FALSE;
}

static GVariant *
position_to_language (const GValue       *value,
                      const GVariantType *expected_type,
                      gpointer            user_data)
{
  const char * const *languages = cf_document_language_list ();
  guint position = g_value_get_uint (value);

  if (position >= g_strv_length ((char **) languages))
    return NULL;
  return g_variant_new_string (languages[position]);
}

/* Rounded up, so a limit that is not a whole number of MiB never shows as
 * smaller than it is. */
static gboolean
bytes_to_mib (GValue   *value,
              GVariant *variant,
              gpointer  user_data)
{
  guint64 bytes = g_variant_get_uint64 (variant);

  g_value_set_double (value, (double) ((bytes + MIB - 1) / MIB));
  return TRUE;
}

static GVariant *
mib_to_bytes (const GValue       *value,
              const GVariantType *expected_type,
              gpointer            user_data)
{
  double mib = g_value_get_double (value);

  if (mib < 1)
    return NULL;
  return g_variant_new_uint64 ((guint64) mib * MIB);
}

static void
bind_settings (CfPreferencesWindow *self)
{
  g_settings_bind_with_mapping (self->settings, "document-language", self->language_row, "selected",
                                G_SETTINGS_BIND_DEFAULT, language_to_position, position_to_language,
                                NULL, NULL);
  g_settings_bind_with_mapping (self->settings, "evidence-size-limit", self->evidence_limit, "value",
                                G_SETTINGS_BIND_DEFAULT, bytes_to_mib, mib_to_bytes, NULL, NULL);
  g_settings_bind_with_mapping (self->settings, "sbom-size-limit", self->sbom_limit, "value",
                                G_SETTINGS_BIND_DEFAULT, bytes_to_mib, mib_to_bytes, NULL, NULL);
  g_settings_bind (self->settings, "dossier-signing-key", self->signing_key_row, "text",
                   G_SETTINGS_BIND_DEFAULT);
}

static void
cf_preferences_window_dispose (GObject *object)
{
  CfPreferencesWindow *self = CF_PREFERENCES_WINDOW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), CF_TYPE_PREFERENCES_WINDOW);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (cf_preferences_window_parent_class)->dispose (object);
}

static void
cf_preferences_window_class_init (CfPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cf_preferences_window_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/conformity/Conformity/cf-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, CfPreferencesWindow, language_row);
  gtk_widget_class_bind_template_child (widget_class, CfPreferencesWindow, language_names);
  gtk_widget_class_bind_template_child (widget_class, CfPreferencesWindow, evidence_limit);
  gtk_widget_class_bind_template_child (widget_class, CfPreferencesWindow, sbom_limit);
  gtk_widget_class_bind_template_child (widget_class, CfPreferencesWindow, signing_key_row);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_w, GDK_CONTROL_MASK, "window.close", NULL);
}

static void
cf_preferences_window_init (CfPreferencesWindow *self)
{
  const char * const *languages = cf_document_language_list ();

  gtk_widget_init_template (GTK_WIDGET (self));

  /* In the list's order, which the mappings above rely on. */
  for (guint i = 0; languages[i] != NULL; i++)
    gtk_string_list_append (self->language_names, cf_document_language_get_endonym (languages[i]));
}

/**
 * cf_preferences_window_new:
 * @parent: the window it belongs to
 * @settings: the application's settings (schema `io.github.conformity.Conformity`)
 *
 * Returns: (transfer floating): a window editing @settings
 */
GtkWidget *
cf_preferences_window_new (GtkWindow *parent,
                           GSettings *settings)
{
  CfPreferencesWindow *self;

  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);

  self = g_object_new (CF_TYPE_PREFERENCES_WINDOW,
                       "transient-for", parent,
                       "modal", parent != NULL,
                       NULL);
  self->settings = g_object_ref (settings);
  bind_settings (self);
  return GTK_WIDGET (self);
}
