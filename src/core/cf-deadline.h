/* cf-deadline.h — the Article 14 reporting steps of a case and when each is due
 *
 * Copyright 2026 The Conformity Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "cf-case.h"

G_BEGIN_DECLS

typedef enum
{
  CF_STEP_EARLY_WARNING,   /* Article 14(2)(a), (4)(a) */
  CF_STEP_NOTIFICATION,    /* Article 14(2)(b), (4)(b) */
  CF_STEP_FINAL_REPORT,    /* Article 14(2)(c), (4)(c) */
} CfReportStep;

#define CF_N_REPORT_STEPS 3

/* The record that a step's report was submitted. */
typedef struct
{
  gint64        case_id;
  CfReportStep  step;
  char         *sent_at;        /* ISO 8601 UTC */
  char         *recipient;      /* the CSIRT, or the channel, it went to */
  char         *reference;      /* the number the platform or CSIRT gave, nullable */
  char         *report_sha256;  /* of the report text as submitted, nullable */
  char         *report_text;    /* nullable: lists leave it out */
  char         *recorded_at;
  char         *recorded_by;
} CfStepSent;

void        cf_step_sent_free (CfStepSent *sent);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CfStepSent, cf_step_sent_free)

typedef struct
{
  gint64        case_id;
  gint64        product_id;
  CfCaseKind    kind;
  char         *case_title;
  char         *product_name;     /* filled by the store, nullable */
  CfReportStep  step;
  GDateTime    *due;              /* UTC; NULL while it cannot be known */
  char         *no_due_reason;    /* why there is no due time yet */
  char         *basis;            /* "24 hours after becoming aware (Article 14(2)(a))" */
  CfStepSent   *sent;             /* NULL while not submitted */
} CfDeadline;

void        cf_deadline_free   (CfDeadline *deadline);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CfDeadline, cf_deadline_free)

const char *cf_report_step_to_string   (CfReportStep   step);
gboolean    cf_report_step_from_string (const char    *text,
                                        CfReportStep  *step);
const char *cf_report_step_label       (CfReportStep   step,
                                        CfCaseKind     kind);

GDateTime  *cf_date_time_add_months    (GDateTime     *time,
                                        int            months);

GPtrArray  *cf_deadlines_for_case      (CfCase        *c,
                                        GPtrArray     *sent);
gboolean    cf_deadline_is_overdue     (const CfDeadline *deadline,
                                        GDateTime     *now);
gboolean    cf_deadline_needs_alert    (const CfDeadline *deadline,
                                        GDateTime     *now);
int         cf_deadline_compare        (gconstpointer  a,
                                        gconstpointer  b);
char       *cf_deadline_format_time_left (const CfDeadline *deadline,
                                          GDateTime     *now);
char       *cf_format_utc_and_local    (GDateTime     *time,
                                        GTimeZone     *local);

/* How close a deadline must be for the desktop to be told. */
#define CF_DEADLINE_ALERT_WINDOW (4 * G_TIME_SPAN_HOUR)

G_END_DECLS
