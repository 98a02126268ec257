/* cf-generator.h — from stored data to a stored, hashed PDF
 *
 * Copyright 2026 The Conformity Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "cf-catalogue.h"
#include "cf-store.h"

G_BEGIN_DECLS

#define CF_TYPE_GENERATOR (cf_generator_get_type ())

G_DECLARE_FINAL_TYPE (CfGenerator, cf_generator, CF, GENERATOR, GObject)

/* How a document is produced; zeroed means English, plain PDF. */
typedef struct
{
  const char *language;   /* "en", "de", "fr"; NULL: "en" */
  gboolean    pdfa;       /* PDF/A-1b, for archiving */
} CfGenerateOptions;

gboolean        cf_generator_can_generate   (const char           *kind);
CfDocumentInfo *cf_generator_generate_with  (CfGenerator          *self,
                                             gint64                product_id,
                                             const char           *kind,
                                             const CfGenerateOptions *options,
                                             GCancellable         *cancellable,
                                             GError              **error);
void            cf_generator_generate_with_async (CfGenerator     *self,
                                                  gint64           product_id,
                                                  const char      *kind,
                                                  const CfGenerateOptions *options,
                                                  GCancellable    *cancellable,
                                                  GAsyncReadyCallback callback,
                                                  gpointer         user_data);

CfGenerator    *cf_generator_new            (CfStore              *store,
                                             CfCatalogue          *catalogue);
CfDocumentInfo *cf_generator_generate       (CfGenerator          *self,
                                             gint64                product_id,
                                             const char           *kind,
                                             GCancellable         *cancellable,
                                             GError              **error);
void            cf_generator_generate_async (CfGenerator          *self,
                                             gint64                product_id,
                                             const char           *kind,
                                             GCancellable         *cancellable,
                                             GAsyncReadyCallback   callback,
                                             gpointer              user_data);
CfDocumentInfo *cf_generator_generate_finish (CfGenerator         *self,
                                              GAsyncResult        *result,
                                              GError             **error);

G_END_DECLS
