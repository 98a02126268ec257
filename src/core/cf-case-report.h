/* cf-case-report.h — the Article 14 reports of a case and the information to users
 *
 * Copyright 2026 The Conformity Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "cf-deadline.h"
#include "cf-store.h"

G_BEGIN_DECLS

typedef enum
{
  CF_CASE_REPORT_EARLY_WARNING = CF_STEP_EARLY_WARNING,
  CF_CASE_REPORT_NOTIFICATION  = CF_STEP_NOTIFICATION,
  CF_CASE_REPORT_FINAL         = CF_STEP_FINAL_REPORT,
  CF_CASE_REPORT_USERS,        /* Article 14(8): information to users */
} CfCaseReportKind;

/* "early-warning", "notification", "final-report", "user-information" */
const char   *cf_case_report_kind_to_string   (CfCaseReportKind   kind);
gboolean      cf_case_report_kind_from_string (const char        *text,
                                               CfCaseReportKind  *kind);

typedef struct _CfCaseReport CfCaseReport;

CfCaseReport *cf_case_report_build       (CfStore           *store,
                                          gint64             case_id,
                                          CfCaseReportKind   kind,
                                          GDateTime         *now,
                                          GError           **error);
/* Structured plain text, ready to paste into the single reporting platform. */
char         *cf_case_report_to_text     (CfCaseReport      *report);
GBytes       *cf_case_report_to_pdf      (CfCaseReport      *report,
                                          GCancellable      *cancellable,
                                          GError           **error);
/* Labels of the items the regulation asks for that are still empty. */
GStrv         cf_case_report_dup_missing (CfCaseReport      *report);
/* e.g. "Early warning — Case 12" */
const char   *cf_case_report_get_title   (CfCaseReport      *report);
void          cf_case_report_free        (CfCaseReport      *report);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CfCaseReport, cf_case_report_free)

G_END_DECLS
