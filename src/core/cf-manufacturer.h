/* cf-manufacturer.h — the manufacturer (or its authorised representative) named in every document
 *
 * Copyright 2026 The Conformity Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "cf-record.h"

G_BEGIN_DECLS

#define CF_TYPE_MANUFACTURER (cf_manufacturer_get_type ())

G_DECLARE_FINAL_TYPE (CfManufacturer, cf_manufacturer, CF, MANUFACTURER, CfRecord)

CfManufacturer *cf_manufacturer_new (void);

G_END_DECLS
