/* cf-product.h — a product with digital elements
 *
 * Copyright 2026 The Conformity Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "cf-record.h"

G_BEGIN_DECLS

#define CF_TYPE_PRODUCT (cf_product_get_type ())

G_DECLARE_FINAL_TYPE (CfProduct, cf_product, CF, PRODUCT, CfRecord)

CfProduct *cf_product_new (void);

const char *cf_product_get_name    (CfProduct *self);
const char *cf_product_get_model   (CfProduct *self);
const char *cf_product_get_version (CfProduct *self);
char       *cf_product_dup_display_name (CfProduct *self);

G_END_DECLS
