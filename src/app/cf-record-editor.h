/* cf-record-editor.h — a form for any CfRecord, built from its field specs
 *
 * Copyright 2026 The Conformity Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "cf-record.h"

G_BEGIN_DECLS

#define CF_TYPE_RECORD_EDITOR (cf_record_editor_get_type ())

G_DECLARE_FINAL_TYPE (CfRecordEditor, cf_record_editor, CF, RECORD_EDITOR, AdwWindow)

/* Stores the form: @record is the edited copy, and
 * cf_record_editor_apply_changes() with @editor sets on the record as
 * stored now only what the user changed. On failure the editor stays open
 * with the message, so nothing the user typed is lost. */
typedef gboolean (*CfRecordEditorSaveFunc) (CfRecordEditor  *editor,
                                            CfRecord        *record,
                                            gpointer         user_data,
                                            GError         **error);

CfRecordEditor *cf_record_editor_new              (GtkWindow              *parent,
                                                   const char             *title,
                                                   CfRecord               *record,
                                                   CfRecordEditorSaveFunc  save,
                                                   gpointer                user_data,
                                                   GDestroyNotify          destroy);
CfRecord       *cf_record_editor_get_record       (CfRecordEditor         *self);
void            cf_record_editor_add_extra_row    (CfRecordEditor         *self,
                                                   GtkWidget              *row);
GtkWidget      *cf_record_editor_get_field_widget (CfRecordEditor         *self,
                                                   const char             *name);
GtkWidget      *cf_record_editor_get_save_button  (CfRecordEditor         *self);
const char     *cf_record_editor_get_message      (CfRecordEditor         *self);
gboolean        cf_record_editor_save             (CfRecordEditor         *self);
gboolean        cf_record_editor_get_dirty        (CfRecordEditor         *self);
gboolean        cf_record_editor_apply_changes    (CfRecord               *record,
                                                   gpointer                editor,
                                                   GError                **error);

G_END_DECLS
