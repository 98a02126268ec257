/* cf-text-row.h — a boxed-list row for text of several lines
 *
 * Copyright 2026 The Conformity Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define CF_TYPE_TEXT_ROW (cf_text_row_get_type ())

G_DECLARE_FINAL_TYPE (CfTextRow, cf_text_row, CF, TEXT_ROW, AdwPreferencesRow)

GtkWidget *cf_text_row_new      (const char *title);
char      *cf_text_row_dup_text (CfTextRow  *self);
void       cf_text_row_set_text (CfTextRow  *self,
                                 const char *text);

G_END_DECLS
