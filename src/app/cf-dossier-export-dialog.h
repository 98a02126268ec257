/* cf-dossier-export-dialog.h — exporting a product's dossier from the window
 *
 * Copyright 2026 The Conformity Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "cf-context.h"

G_BEGIN_DECLS

void cf_dossier_export_dialog_run (GtkWindow   *parent,
                                   CfContext   *context,
                                   gint64       product_id,
                                   const char  *product_name);
void cf_dossier_export_dialog_export_to (GtkWindow  *parent,
                                         CfContext  *context,
                                         gint64      product_id,
                                         const char *sign_key,
                                         GFile      *file);

G_END_DECLS
