/* cf-user-information.h — what Annex II asks to give users, beyond what other records hold
 *
 * Copyright 2026 The Conformity Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "cf-record.h"

G_BEGIN_DECLS

#define CF_TYPE_USER_INFORMATION (cf_user_information_get_type ())

G_DECLARE_FINAL_TYPE (CfUserInformation, cf_user_information, CF, USER_INFORMATION, CfRecord)

CfUserInformation *cf_user_information_new (void);

G_END_DECLS
