/* cf-security-updates-group.h — the security updates released for a product
 *
 * Copyright 2026 The Conformity Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "cf-context.h"

G_BEGIN_DECLS

#define CF_TYPE_SECURITY_UPDATES_GROUP (cf_security_updates_group_get_type ())

G_DECLARE_FINAL_TYPE (CfSecurityUpdatesGroup, cf_security_updates_group, CF, SECURITY_UPDATES_GROUP,
                      AdwPreferencesGroup)

void  cf_security_updates_group_set_context    (CfSecurityUpdatesGroup *self,
                                                CfContext              *context);
void  cf_security_updates_group_set_product_id (CfSecurityUpdatesGroup *self,
                                                gint64                  product_id);
guint cf_security_updates_group_get_n_updates  (CfSecurityUpdatesGroup *self);

G_END_DECLS
