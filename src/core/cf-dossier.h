/* cf-dossier.h — one ZIP holding a product's documents and evidence, sealed
 * by the SHA-256 of its manifest
 *
 * Copyright 2026 The Conformity Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "cf-catalogue.h"
#include "cf-store.h"

G_BEGIN_DECLS

/* The version of the manifest's format this build writes. */
#define CF_DOSSIER_FORMAT_VERSION 1

/* The manifest: the last member of every dossier. */
#define CF_DOSSIER_MANIFEST "manifest.json"

/* What verify refuses to read. */
#define CF_DOSSIER_MAX_MEMBERS 100000
#define CF_DOSSIER_MAX_RATIO   1000
#define CF_DOSSIER_MAX_TOTAL   (G_GUINT64_CONSTANT (64) << 30)

/* The detached OpenPGP signature of the manifest, when it was signed. */
#define CF_DOSSIER_SIGNATURE "manifest.json.asc"

typedef struct
{
  const char      *sign_key;       /* OpenPGP key to sign the manifest with, or NULL */
  CfProgressFunc   progress;       /* bytes of content written, of the total */
  gpointer         progress_data;
} CfDossierExportOptions;

typedef struct
{
  char     *seal;                  /* SHA-256 of manifest.json */
  guint     n_members;             /* the manifest and signature included */
  guint64   n_bytes;               /* uncompressed, in all */
  char     *signer;                /* who signed, or NULL */
} CfDossierExportResult;

gboolean cf_dossier_seal_is_valid (const char *text);

void     cf_dossier_export_result_clear (CfDossierExportResult *result);
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (CfDossierExportResult, cf_dossier_export_result_clear)

gboolean cf_dossier_export_with (CfStore                       *store,
                                 CfCatalogue                   *catalogue,
                                 gint64                         product_id,
                                 GFile                         *out,
                                 const CfDossierExportOptions  *options,
                                 CfDossierExportResult         *result,
                                 GCancellable                  *cancellable,
                                 GError                       **error);

/* What verifying a dossier found. */
typedef struct
{
  GPtrArray  *problems;            /* of char*: missing, extra, altered members; a bad signature */
  char       *seal;                /* SHA-256 of its manifest.json, or NULL when it has none */
  GBytes     *manifest;            /* manifest.json, as hashed */
  GBytes     *assessment;          /* assessment.xml, as hashed, or NULL */
  gboolean    signed_;             /* it holds a signature of the manifest */
  char       *signer;              /* who signed it, when the signature is good */
} CfDossierCheck;

void            cf_dossier_check_free (CfDossierCheck *check);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CfDossierCheck, cf_dossier_check_free)

CfDossierCheck *cf_dossier_check      (GFile           *dossier,
                                       const char      *expected_manifest_sha256,
                                       CfProgressFunc   progress,
                                       gpointer         progress_data,
                                       GCancellable    *cancellable,
                                       GError         **error);

/* Copies one member to @out, checking its SHA-256 on the way; refuses a
 * member whose content differs from @sha256. */
gboolean cf_dossier_extract_member (GFile          *dossier,
                                    const char     *member,
                                    const char     *sha256,
                                    GOutputStream  *out,
                                    GCancellable   *cancellable,
                                    GError        **error);

/* A manifest's list of members. */
typedef struct
{
  char     *path;
  guint64   size;
  char     *sha256;
} CfDossierMember;

GPtrArray *cf_dossier_manifest_list_members (GBytes   *manifest,
                                             GError  **error);

gboolean cf_dossier_export      (CfStore        *store,
                                 CfCatalogue    *catalogue,
                                 gint64          product_id,
                                 GFile          *out,
                                 GCancellable   *cancellable,
                                 char          **manifest_sha256_out,
                                 GError        **error);
gboolean cf_dossier_export_full (CfStore        *store,
                                 CfCatalogue    *catalogue,
                                 gint64          product_id,
                                 GFile          *out,
                                 GCancellable   *cancellable,
                                 char          **manifest_sha256_out,
                                 guint          *n_members_out,
                                 guint64        *n_bytes_out,
                                 GError        **error);
gboolean cf_dossier_verify      (GFile          *dossier,
                                 const char     *expected_manifest_sha256,
                                 GPtrArray     **problems_out,
                                 char          **manifest_sha256_out,
                                 GCancellable   *cancellable,
                                 GError        **error);

G_END_DECLS
