/* cf-technical-documentation.h — the technical documentation (Article 31, Annex VII)
 *
 * Copyright 2026 The Conformity Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "cf-document-input.h"

G_BEGIN_DECLS

CfDocModel *cf_technical_documentation_build (const CfDocumentInput  *input,
                                              gboolean               *is_draft,
                                              GError                **error);

G_END_DECLS
