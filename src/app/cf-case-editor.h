/* cf-case-editor.h — the form for one vulnerability or incident, and its Article 14 reports
 *
 * Copyright 2026 The Conformity Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "cf-case-report.h"
#include "cf-context.h"

G_BEGIN_DECLS

#define CF_TYPE_CASE_EDITOR (cf_case_editor_get_type ())

G_DECLARE_FINAL_TYPE (CfCaseEditor, cf_case_editor, CF, CASE_EDITOR, AdwWindow)

CfCaseEditor *cf_case_editor_new              (GtkWindow        *parent,
                                               CfContext        *context,
                                               gint64            product_id,
                                               CfCaseKind        kind);
CfCaseEditor *cf_case_editor_open             (GtkWindow        *parent,
                                               CfContext        *context,
                                               gint64            case_id,
                                               GError          **error);
gint64        cf_case_editor_get_case_id      (CfCaseEditor     *self);
GtkWidget    *cf_case_editor_get_field_widget (CfCaseEditor     *self,
                                               const char       *name);
GtkWidget    *cf_case_editor_get_step_row     (CfCaseEditor     *self,
                                               CfReportStep      step);
GtkWidget    *cf_case_editor_get_save_button  (CfCaseEditor     *self);
const char   *cf_case_editor_get_message      (CfCaseEditor     *self);
const char   *cf_case_editor_get_error        (CfCaseEditor     *self);
gboolean      cf_case_editor_get_dirty        (CfCaseEditor     *self);
gboolean      cf_case_editor_save             (CfCaseEditor     *self);
void          cf_case_editor_save_report      (CfCaseEditor     *self,
                                               CfCaseReportKind  kind,
                                               GFile            *file);
void          cf_case_editor_export_csaf      (CfCaseEditor     *self,
                                               GFile            *file);

G_END_DECLS
