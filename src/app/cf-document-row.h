/* cf-document-row.h — a stored document on the product page
 *
 * Copyright 2026 The Conformity Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "cf-document-info.h"

G_BEGIN_DECLS

#define CF_TYPE_DOCUMENT_ROW (cf_document_row_get_type ())

G_DECLARE_FINAL_TYPE (CfDocumentRow, cf_document_row, CF, DOCUMENT_ROW, GtkListBoxRow)

GtkWidget      *cf_document_row_new                (CfDocumentInfo *document);
CfDocumentInfo *cf_document_row_get_document       (CfDocumentRow  *self);
void            cf_document_row_set_comparable     (CfDocumentRow  *self,
                                                    gboolean        comparable);
GtkWidget      *cf_document_row_get_compare_button (CfDocumentRow  *self);
char           *cf_format_timestamp                (const char     *iso8601);

G_END_DECLS
