/* cf-case-report-private.h — what the text and the PDF of a case report share
 *
 * Copyright 2026 The Conformity Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <locale.h>

#include "cf-case-report.h"

G_BEGIN_DECLS

/* Shown in place of a value the regulation asks for and the case lacks. */
#define CF_CASE_REPORT_MISSING N_("Not provided yet")

/* A line of the header or an item: the label is an N_() string, written
 * as it is (English) into the report and translated for the window. */
typedef struct
{
  const char *label;
  char       *reference;   /* "Article 14(2)(b)", nullable */
  char       *value;       /* NULL while missing */
} CfReportEntry;

struct _CfCaseReport
{
  CfCaseReportKind  kind;
  CfCaseKind        case_kind;
  char             *title;       /* the window's language */
  char             *heading;     /* "Early warning notification of …" */
  char             *basis;       /* "Article 14(2)(a) of Regulation (EU) 2024/2847" */
  char             *section;     /* "Information required by …", nullable */
  char             *intro;       /* a sentence for users, nullable */
  char             *product_name;
  char             *manufacturer_name;
  GDateTime        *created;
  GPtrArray        *header;      /* of CfReportEntry */
  GPtrArray        *items;       /* of CfReportEntry */
  GPtrArray        *missing;     /* of the N_() labels still empty */
};

/* Messages in English on the calling thread while a report is written. */
typedef struct
{
  locale_t previous;
} EnglishScope;

EnglishScope _cf_case_report_enter_english (void);
void         _cf_case_report_leave_english (EnglishScope *scope);

G_END_DECLS
