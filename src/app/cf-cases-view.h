/* cf-cases-view.h — a product's vulnerabilities and incidents, their reports, its security updates
 *
 * Copyright 2026 The Conformity Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "cf-context.h"

G_BEGIN_DECLS

#define CF_TYPE_CASES_VIEW (cf_cases_view_get_type ())

G_DECLARE_FINAL_TYPE (CfCasesView, cf_cases_view, CF, CASES_VIEW, AdwBin)

GtkWidget  *cf_cases_view_new            (CfContext   *context);
gint64      cf_cases_view_get_product_id (CfCasesView *self);
void        cf_cases_view_set_product_id (CfCasesView *self,
                                          gint64       product_id);
GListModel *cf_cases_view_get_cases      (CfCasesView *self);
GtkWidget  *cf_cases_view_get_case_row   (CfCasesView *self,
                                          gint64       case_id);
void        cf_cases_view_add_case       (CfCasesView *self,
                                          CfCaseKind   kind);
gboolean    cf_cases_view_show_case      (CfCasesView *self,
                                          gint64       case_id);
void        cf_cases_view_export_vex     (CfCasesView *self,
                                          GFile       *file);

G_END_DECLS
