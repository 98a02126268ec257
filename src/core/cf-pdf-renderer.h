/* cf-pdf-renderer.h — lays out a CfDocModel on A4 pages with libharu
 *
 * Copyright 2026 The Conformity Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "cf-doc-model.h"

G_BEGIN_DECLS

typedef struct
{
  /* Aim for PDF/A-1b: XMP metadata, an sRGB output intent, a file
   * identifier and complete font descriptors. docs/PDF.md says what this
   * does and does not guarantee. */
  gboolean pdfa;
} CfPdfOptions;

GBytes *cf_pdf_render      (CfDocModel          *model,
                            GCancellable        *cancellable,
                            GError             **error);
GBytes *cf_pdf_render_full (CfDocModel          *model,
                            const CfPdfOptions  *options,
                            GCancellable        *cancellable,
                            GError             **error);

char   *cf_pdf_format_page_label (const char *format,
                                  guint       page,
                                  guint       n_pages);

G_END_DECLS
