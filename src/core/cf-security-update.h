/* cf-security-update.h — a security update released for a product
 *
 * Copyright 2026 The Conformity Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "cf-record.h"

G_BEGIN_DECLS

#define CF_TYPE_SECURITY_UPDATE (cf_security_update_get_type ())

G_DECLARE_FINAL_TYPE (CfSecurityUpdate, cf_security_update, CF, SECURITY_UPDATE, CfRecord)

CfSecurityUpdate *cf_security_update_new           (void);
gint64            cf_security_update_get_product_id (CfSecurityUpdate *self);
void              cf_security_update_set_product_id (CfSecurityUpdate *self,
                                                     gint64            product_id);
/* The cases whose fix this update ships, by id. */
GArray           *cf_security_update_get_fixes     (CfSecurityUpdate *self);
void              cf_security_update_add_fix       (CfSecurityUpdate *self,
                                                    gint64            case_id);

G_END_DECLS
