/* cf-product-row.h — a product in the sidebar
 *
 * Copyright 2026 The Conformity Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "cf-product.h"

G_BEGIN_DECLS

#define CF_TYPE_PRODUCT_ROW (cf_product_row_get_type ())

G_DECLARE_FINAL_TYPE (CfProductRow, cf_product_row, CF, PRODUCT_ROW, GtkBox)

GtkWidget *cf_product_row_new         (void);
CfProduct *cf_product_row_get_product (CfProductRow *self);
void       cf_product_row_set_product (CfProductRow *self,
                                       CfProduct    *product);

G_END_DECLS
