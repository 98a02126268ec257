/* cf-product-page.h — one product: its details, its declaration, its documents
 *
 * Copyright 2026 The Conformity Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "cf-context.h"

G_BEGIN_DECLS

#define CF_TYPE_PRODUCT_PAGE (cf_product_page_get_type ())

G_DECLARE_FINAL_TYPE (CfProductPage, cf_product_page, CF, PRODUCT_PAGE, AdwBin)

GtkWidget *cf_product_page_new            (CfContext     *context);
gint64     cf_product_page_get_product_id (CfProductPage *self);
void       cf_product_page_set_product_id (CfProductPage *self,
                                           gint64         product_id);
gboolean   cf_product_page_get_generating (CfProductPage *self);

G_END_DECLS
