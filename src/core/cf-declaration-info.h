/* cf-declaration-info.h — what the EU declaration of conformity says beyond the product
 *
 * Copyright 2026 The Conformity Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "cf-procedure.h"
#include "cf-record.h"

G_BEGIN_DECLS

#define CF_TYPE_DECLARATION_INFO (cf_declaration_info_get_type ())

G_DECLARE_FINAL_TYPE (CfDeclarationInfo, cf_declaration_info, CF, DECLARATION_INFO, CfRecord)

CfDeclarationInfo *cf_declaration_info_new           (void);
CfProcedure        cf_declaration_info_get_procedure (CfDeclarationInfo *self);
void               cf_declaration_info_set_procedure (CfDeclarationInfo *self,
                                                      CfProcedure        procedure);
gboolean           cf_declaration_info_validate      (CfDeclarationInfo *self,
                                                      GError           **error);

G_END_DECLS
