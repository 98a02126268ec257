/* cf-preferences-window.h
 *
 * Copyright 2026 The Conformity Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define CF_TYPE_PREFERENCES_WINDOW (cf_preferences_window_get_type ())

G_DECLARE_FINAL_TYPE (CfPreferencesWindow, cf_preferences_window, CF, PREFERENCES_WINDOW, AdwPreferencesWindow)

GtkWidget *cf_preferences_window_new (GtkWindow *parent,
                                      GSettings *settings);

G_END_DECLS
