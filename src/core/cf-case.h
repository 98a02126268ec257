/* cf-case.h — an actively exploited vulnerability or a severe incident, and what is known of it
 *
 * Copyright 2026 The Conformity Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "cf-record.h"

G_BEGIN_DECLS

typedef enum
{
  CF_CASE_VULNERABILITY,
  CF_CASE_INCIDENT,
} CfCaseKind;

/* Whether an incident is suspected of being caused by unlawful or malicious
 * acts (Article 14(4)(a)). */
typedef enum
{
  CF_SUSPICION_UNKNOWN,
  CF_SUSPICION_YES,
  CF_SUSPICION_NO,
} CfSuspicion;

typedef enum
{
  CF_CASE_OPEN,        /* being handled */
  CF_CASE_MITIGATED,   /* a fix or mitigation is available */
  CF_CASE_CLOSED,      /* nothing more to do */
} CfCaseStatus;

#define CF_TYPE_CASE (cf_case_get_type ())

G_DECLARE_FINAL_TYPE (CfCase, cf_case, CF, CASE, CfRecord)

CfCase       *cf_case_new                  (CfCaseKind    kind);

CfCaseKind    cf_case_get_kind             (CfCase       *self);
void          cf_case_set_kind             (CfCase       *self,
                                            CfCaseKind    kind);
gint64        cf_case_get_product_id       (CfCase       *self);
void          cf_case_set_product_id       (CfCase       *self,
                                            gint64        product_id);
gboolean      cf_case_get_exploited        (CfCase       *self);
void          cf_case_set_exploited        (CfCase       *self,
                                            gboolean      exploited);
gboolean      cf_case_get_severe           (CfCase       *self);
void          cf_case_set_severe           (CfCase       *self,
                                            gboolean      severe);
CfSuspicion   cf_case_get_suspicion        (CfCase       *self);
void          cf_case_set_suspicion        (CfCase       *self,
                                            CfSuspicion   suspicion);
CfCaseStatus  cf_case_get_status           (CfCase       *self);
void          cf_case_set_status           (CfCase       *self,
                                            CfCaseStatus  status);
gint64        cf_case_get_update_id        (CfCase       *self);
void          cf_case_set_update_id        (CfCase       *self,
                                            gint64        update_id);
const char   *cf_case_get_created_at       (CfCase       *self);
void          cf_case_set_created_at       (CfCase       *self,
                                            const char   *created_at);

/* Shorthands for the fields every caller needs. */
const char   *cf_case_get_title            (CfCase       *self);
GDateTime    *cf_case_dup_aware_at         (CfCase       *self);
GDateTime    *cf_case_dup_fix_available_at (CfCase       *self);
char         *cf_case_dup_label            (CfCase       *self);

gboolean      cf_case_is_reportable        (CfCase       *self);
gboolean      cf_case_field_applies        (CfCaseKind    kind,
                                            const char   *field);
gboolean      cf_case_validate             (CfCase       *self,
                                            GDateTime    *now,
                                            GError      **error);

const char   *cf_case_kind_to_string       (CfCaseKind    kind);
gboolean      cf_case_kind_from_string     (const char   *text,
                                            CfCaseKind   *kind);
const char   *cf_case_kind_label           (CfCaseKind    kind);
const char   *cf_case_status_to_string     (CfCaseStatus  status);
gboolean      cf_case_status_from_string   (const char   *text,
                                            CfCaseStatus *status);
const char   *cf_case_status_label         (CfCaseStatus  status);
const char   *cf_suspicion_to_string       (CfSuspicion   suspicion);
gboolean      cf_suspicion_from_string     (const char   *text,
                                            CfSuspicion  *suspicion);
const char   *cf_suspicion_label           (CfSuspicion   suspicion);

char        **cf_case_dup_components       (CfCase       *self);
char         *cf_case_component_dup_purl   (const char   *component);

G_END_DECLS
