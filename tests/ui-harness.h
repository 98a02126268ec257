/* ui-harness.h — driving real widgets in tests: waiting for the main loop,
 * finding widgets, clicking as a user would
 *
 * Copyright 2026 The Conformity Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "cf-application.h"
#include "cf-window.h"
#include "test-files.h"

typedef gboolean (*UiCondition) (gpointer data);

void        ui_spin_until         (UiCondition       condition,
                                   gpointer          data,
                                   const char       *what);
void        ui_spin_for           (guint             ms);
gboolean    ui_widget_is_mapped   (gpointer          widget);
GtkWidget  *ui_find_descendant    (GtkWidget        *root,
                                   GType             type);
GtkWidget  *ui_find_named         (GtkWidget        *root,
                                   const char       *name);
GtkWidget  *ui_find_button        (GtkWidget        *root,
                                   const char       *label);
void        ui_click              (GtkWidget        *button);
gpointer    ui_find_toplevel      (GType             type);
gboolean    ui_toplevel_shown     (gpointer          type);
gboolean    ui_app_has_no_windows (gpointer          app);
gboolean    ui_page_not_generating (gpointer         page);
gboolean    ui_toplevel_gone      (gpointer          type);
const char *ui_label_text         (GtkWidget        *root,
                                   const char       *name);
gboolean    ui_has_label          (GtkWidget        *root,
                                   const char       *text);
void        ui_respond            (AdwMessageDialog *dialog,
                                   const char       *label);
char       *ui_isolate_user_dirs  (void);
AdwMessageDialog *ui_find_message_dialog (const char *heading);
void        ui_save_screenshot    (GtkWidget        *widget,
                                   const char       *name);
CfWindow   *ui_start_app          (CfApplication   **app);
void        ui_quit_app           (CfApplication   **app);
