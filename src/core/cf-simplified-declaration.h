/* cf-simplified-declaration.h — the simplified EU declaration of conformity (Annex VI)
 *
 * Copyright 2026 The Conformity Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "cf-document-input.h"

G_BEGIN_DECLS

char       *cf_fill_template                (const char             *text,
                                             const char * const     *values,
                                             guint                   n_values);
CfDocModel *cf_simplified_declaration_build (const CfDocumentInput  *input,
                                             gboolean               *is_draft,
                                             GError                **error);

G_END_DECLS
