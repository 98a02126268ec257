/* cf-report-preview.h — an Article 14 report or the information to users, read before sending
 *
 * Copyright 2026 The Conformity Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "cf-case-report.h"

G_BEGIN_DECLS

#define CF_TYPE_REPORT_PREVIEW (cf_report_preview_get_type ())

G_DECLARE_FINAL_TYPE (CfReportPreview, cf_report_preview, CF, REPORT_PREVIEW, AdwWindow)

CfReportPreview *cf_report_preview_new      (GtkWindow       *parent,
                                             CfCaseReport    *report);
const char      *cf_report_preview_get_text (CfReportPreview *self);

G_END_DECLS
