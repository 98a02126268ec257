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
