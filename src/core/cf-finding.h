/* cf-finding.h — what a notified body's reviewer found in a dossier, and
 * the reviews they are recorded in
 *
 * Copyright 2026 The Conformity Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "cf-catalogue.h"

G_BEGIN_DECLS

/* What a finding is about; ids are the CLI's and the findings file's. */
#define CF_FINDING_TARGET_REQUIREMENT "requirement"
#define CF_FINDING_TARGET_DOCUMENT    "document"

/* Severities: conformant, minor, major, observation. */
const char * const *cf_finding_severity_list      (void);
gboolean            cf_finding_severity_is_valid  (const char *severity);
const char         *cf_finding_severity_get_label (const char *severity);

/* The manufacturer's statuses: open, answered, closed. */
const char * const *cf_finding_status_list        (void);
gboolean            cf_finding_status_is_valid    (const char *status);
const char         *cf_finding_status_get_label   (const char *status);

gboolean            cf_finding_target_kind_is_valid (const char *kind);

typedef struct
{
  gint64  id;             /* the row, in whichever project holds it */
  gint    number;         /* F<number>, unique within its review */
  char   *target_kind;    /* CF_FINDING_TARGET_* */
  char   *target;         /* a requirement's catalogue id, or a document's member path */
  char   *severity;
  char   *text;
  char   *recorded_at;    /* by the reviewer, ISO 8601 UTC */
  char   *recorded_by;

  /* In a manufacturer's project only: where it came from and what was done. */
  char   *seal;           /* of the dossier reviewed */
  char   *reviewer;
  char   *status;
  char   *answer;
  char   *updated_at;
} CfFinding;

CfFinding *cf_finding_new       (void);
CfFinding *cf_finding_copy      (const CfFinding *self);
void       cf_finding_free      (CfFinding       *self);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CfFinding, cf_finding_free)

char      *cf_finding_dup_label (const CfFinding *self);
char      *cf_finding_dup_target_label (const CfFinding *self,
                                        CfCatalogue     *catalogue);
gboolean   cf_finding_validate  (const CfFinding *self,
                                 GError         **error);

/* A review of one dossier, in the reviewer's own project. */
typedef struct
{
  gint64   id;
  char    *seal;
  char    *dossier_path;
  char    *signer;            /* who signed the manifest, or NULL */
  gint64   product_id;        /* in the manufacturer's project */
  char    *product_name;
  char    *manufacturer_name;
  char    *category;
  char    *procedure;
  char    *opened_at;
  char    *opened_by;
  char    *last_opened_at;
  guint    n_findings;

  /* Filled by cf_store_get_review() only. */
  char    *manifest;          /* manifest.json, as verified */
  char    *assessment;        /* assessment.xml, or NULL when the dossier had none */
} CfReview;

void cf_review_free (CfReview *self);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CfReview, cf_review_free)

G_END_DECLS
