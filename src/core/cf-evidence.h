/* cf-evidence.h — a piece of proof attached to requirements and threats
 *
 * Copyright 2026 The Conformity Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* Kinds of evidence; ids are the CLI's. */
const char * const *cf_evidence_kind_list      (void);
gboolean            cf_evidence_kind_is_valid  (const char *kind);
const char         *cf_evidence_kind_get_label (const char *kind);
const char         *cf_evidence_kind_guess     (const char *file_name,
                                                const char *media_type);

#define CF_TYPE_EVIDENCE (cf_evidence_get_type ())

G_DECLARE_FINAL_TYPE (CfEvidence, cf_evidence, CF, EVIDENCE, GObject)

/* One stored version of an item: the file as it was attached. */
typedef struct
{
  gint     version;
  char    *file_name;
  char    *media_type;
  guint64  size;
  char    *sha256;
  char    *added_at;
  char    *added_by;
} CfEvidenceVersion;

void cf_evidence_version_free (CfEvidenceVersion *version);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CfEvidenceVersion, cf_evidence_version_free)

/* A version whose content no longer matches its recorded SHA-256. */
typedef struct
{
  gint64  evidence_id;
  char   *title;
  gint    version;
  char   *expected;
  char   *actual;      /* NULL when the content could not be read at all */
} CfEvidenceMismatch;

void cf_evidence_mismatch_free (CfEvidenceMismatch *mismatch);

CfEvidence              *cf_evidence_new              (void);
gint64                   cf_evidence_get_id           (CfEvidence   *self);
void                     cf_evidence_set_id           (CfEvidence   *self,
                                                       gint64        id);
gint64                   cf_evidence_get_product_id   (CfEvidence   *self);
void                     cf_evidence_set_product_id   (CfEvidence   *self,
                                                       gint64        product_id);
const char              *cf_evidence_get_title        (CfEvidence   *self);
void                     cf_evidence_set_title        (CfEvidence   *self,
                                                       const char   *title);
const char              *cf_evidence_get_kind         (CfEvidence   *self);
void                     cf_evidence_set_kind         (CfEvidence   *self,
                                                       const char   *kind);
const char              *cf_evidence_get_valid_until  (CfEvidence   *self);
void                     cf_evidence_set_valid_until  (CfEvidence   *self,
                                                       const char   *date);
gboolean                 cf_evidence_is_expired       (CfEvidence   *self,
                                                       const GDate  *today);
const char * const      *cf_evidence_get_requirements (CfEvidence   *self);
void                     cf_evidence_set_requirements (CfEvidence   *self,
                                                       const char * const *requirements);
gboolean                 cf_evidence_has_requirement  (CfEvidence   *self,
                                                       const char   *requirement);
GArray                  *cf_evidence_get_threats      (CfEvidence   *self);
void                     cf_evidence_set_threats      (CfEvidence   *self,
                                                       const gint   *numbers,
                                                       guint         n_numbers);
gboolean                 cf_evidence_has_threat       (CfEvidence   *self,
                                                       gint          number);
const CfEvidenceVersion *cf_evidence_get_latest       (CfEvidence   *self);
void                     cf_evidence_take_latest      (CfEvidence   *self,
                                                       CfEvidenceVersion *version);
const char              *cf_evidence_get_created_at   (CfEvidence   *self);
const char              *cf_evidence_get_created_by   (CfEvidence   *self);
void                     cf_evidence_set_created      (CfEvidence   *self,
                                                       const char   *at,
                                                       const char   *by);
gboolean                 cf_evidence_validate         (CfEvidence   *self,
                                                       GError      **error);
gboolean                 cf_evidence_date_is_valid    (const char   *date);

G_END_DECLS
