/* cf-user-information-document.h — information and instructions to the user (Annex II)
 *
 * Copyright 2026 The Conformity Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "cf-document-input.h"

G_BEGIN_DECLS

CfDocModel *cf_user_information_build (const CfDocumentInput  *input,
                                       gboolean               *is_draft,
                                       GError                **error);

G_END_DECLS
